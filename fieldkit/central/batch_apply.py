"""Set-based apply for runs of append-only facts (readings, the bulk of an evening's push).

A run of reading appends by known authors is written with a handful of statements whatever its
length: the op ids with `INSERT … ON CONFLICT DO NOTHING RETURNING op_id` (the primary key stays
the at-most-once guard: an id that is already there, or that a concurrent push is writing, is not
returned and is answered as a replay from its stored result), then the facts, the audit lines and
the change-feed rows with executemany. The whole run is one savepoint. Anything unusual (a meter
not in the team, a reading id already stored under another op id, a payload the per-operation
path would refuse) rolls the savepoint back and the caller applies that run operation by
operation, with a savepoint each, exactly as before: the fast path never decides a refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, select
from sqlalchemy.exc import DataError, IntegrityError

from fieldkit.central import bulk
from fieldkit.central import schema as t
from fieldkit.central.db import Pending, dumps, utc_now

MIN_RUN = 8  # shorter runs go the per-operation way (no gain)
APPLIED = {"status": "applied"}


@dataclass(frozen=True)
class Item:
    """One operation of the run: who made it (the audit line) and who pushed it (the op log)."""

    op: dict[str, Any]
    user_id: str
    pushed_by: str


def is_plain_reading(op: dict[str, Any]) -> bool:
    """A reading append the fast path can take: own id, a meter, registers, nothing it links to
    besides the meter (a work order, a customer or a superseded reading need their own checks)."""
    payload = op.get("payload")
    return (op.get("entity") == "reading" and op.get("action") == "append" and isinstance(payload, dict)
            and str(payload.get("id", op.get("entity_id"))) == str(op.get("entity_id"))
            and isinstance(payload.get("meter_id"), str)
            and isinstance(payload.get("registers"), dict) and bool(payload["registers"])
            and payload.get("work_order_id") is None and payload.get("customer_id") is None
            and payload.get("supersedes") is None)


def apply_run(conn: Connection, pending: Pending, device_id: str, team_id: str, items: Sequence[Item],
              replayed: Callable[[Connection, str], dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Answers for `items` in order, or None when the run must go operation by operation (nothing
    of it is left written then)."""
    if len(items) < MIN_RUN or len({i.op["op_id"] for i in items}) != len(items):
        return None
    meters = sorted({str(i.op["payload"]["meter_id"]) for i in items})
    known = {r[0] for r in conn.execute(select(t.facts.c.id).where(and_(
        t.facts.c.entity == "meter", t.facts.c.team_id == team_id, t.facts.c.id.in_(meters))))}
    if len(known) != len(meters):
        return None  # the per-operation path names the unknown meter
    now = utc_now()
    applied = dumps(APPLIED)
    mark = len(pending.rows)
    sp = conn.begin_nested()
    try:
        new = set(bulk.insert_rows(conn, t.ops, [
            {"op_id": i.op["op_id"], "device_id": device_id, "user_id": i.pushed_by, "entity": "reading",
             "entity_id": str(i.op["entity_id"])[:64], "action": "append", "status": "applied", "result": applied,
             "device_time": str(i.op.get("device_time") or "")[:40], "at": now}
            for i in sorted(items, key=lambda i: str(i.op["op_id"]))],  # one lock order for concurrent pushes
            conflict="op_id", returning="op_id"))
        fresh = [i for i in items if i.op["op_id"] in new]
        if fresh:
            data = [dict(i.op["payload"]) | {"id": str(i.op["entity_id"])} for i in fresh]
            texts = [dumps(d) for d in data]
            bulk.insert_rows(conn, t.facts, [
                {"id": d["id"], "entity": "reading", "team_id": team_id, "work_order_id": None, "data": text,
                 "op_id": i.op["op_id"], "at": now} for i, d, text in zip(fresh, data, texts, strict=True)])
            bulk.insert_rows(conn, t.audit, [
                {"at": now, "device_id": device_id, "user_id": i.user_id, "action": "append", "entity": "reading",
                 "entity_id": str(i.op["entity_id"]), "op_id": i.op["op_id"], "detail": "applied"} for i in fresh])
            for d, text in zip(data, texts, strict=True):
                pending.add(team_id, "reading", d["id"], d, device_id, text=text)
        sp.commit()
    except (IntegrityError, DataError):  # e.g. a reading id stored before under another op id
        sp.rollback()
        del pending.rows[mark:]
        return None
    return [dict(APPLIED) if i.op["op_id"] in new else replayed(conn, i.op["op_id"]) for i in items]
