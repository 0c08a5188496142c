"""Set-based apply for runs of append-only facts (readings, installs, onboarding steps: the bulk of
an evening's push).

A run of fact appends by known authors is written with a handful of statements whatever its
length: first the links every fact_append checks one by one (meters, work orders, customers,
superseded records, all in this team) with one query each; then the op ids with `INSERT … ON
CONFLICT DO NOTHING RETURNING op_id` (the primary key stays the at-most-once guard: an id that is
already there, or that a concurrent push is writing, is not returned and is answered as a replay
from its stored result), then the facts, the audit lines and the change-feed rows, each one
statement (central/bulk.py). The whole run is one savepoint. Anything unusual (an unknown link,
a fact id already stored under another op id, a payload the per-operation path would refuse)
rolls the savepoint back and the caller applies that run operation by operation, with a
savepoint each, exactly as before: the fast path never decides a refusal.
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

try:
    import orjson
except ImportError:  # pragma: no cover - the server extra installs it
    orjson = None  # type: ignore[assignment]

MIN_RUN = 8  # shorter runs go the per-operation way (no gain)
APPLIED = {"status": "applied"}


@dataclass(frozen=True)
class Item:
    """One operation of the run: who made it (the audit line) and who pushed it (the op log)."""

    op: dict[str, Any]
    user_id: str
    pushed_by: str


FACTS = ("reading", "install", "onboarding_step")
LINKS = ("work_order_id", "customer_id", "supersedes")


def _text(data: dict[str, Any]) -> str:
    """`dumps(data)` (compact, sorted keys, UTF-8) made by orjson: the same text for everything a
    checked payload holds but floats, which it writes as another spelling of the same number; 5x
    faster. What it refuses (a lone surrogate, an integer beyond 64 bits) goes to `dumps`."""
    if orjson is not None:
        try:
            return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()
        except (orjson.JSONEncodeError, UnicodeDecodeError):
            pass
    return dumps(data)


def is_plain_fact(op: dict[str, Any]) -> bool:
    """An append of a field fact the fast path can take: own id, what its kind needs (a reading its
    meter and registers, an install its work order, an onboarding step its customer), and links
    that are plain ids (each is checked in this team, set-based, in apply_run)."""
    payload = op.get("payload")
    entity = op.get("entity")
    if entity not in FACTS or op.get("action") != "append" or not isinstance(payload, dict):
        return False
    if str(payload.get("id", op.get("entity_id"))) != str(op.get("entity_id")):
        return False
    if any(payload.get(k) is not None and not isinstance(payload.get(k), str) for k in LINKS):
        return False
    if entity == "reading":
        return (isinstance(payload.get("meter_id"), str) and isinstance(payload.get("registers"), dict)
                and bool(payload["registers"]))
    if entity == "install":
        return bool(payload.get("work_order_id"))
    return bool(payload.get("customer_id"))


def is_plain_reading(op: dict[str, Any]) -> bool:
    return op.get("entity") == "reading" and is_plain_fact(op)


def _in_team(conn: Connection, table: Any, team_id: str, ids: set[str]) -> bool:
    """Every id is a row of `table` in this team (another team's id counts as unknown)."""
    if not ids:
        return True
    found = {r[0] for r in conn.execute(select(table.c.id).where(and_(table.c.team_id == team_id,
                                                                       table.c.id.in_(sorted(ids)))))}
    return found == ids


def _links_known(conn: Connection, team_id: str, items: Sequence[Item]) -> bool:
    """The checks fact_append makes one by one, for the whole run: meters, work orders, customers
    and superseded records of the same kind, all in this team. False: the per-operation path
    names what is wrong (or finds a record written earlier in this same run)."""
    payloads = [(str(i.op["entity"]), i.op["payload"]) for i in items]
    meters = {str(p["meter_id"]) for e, p in payloads if e == "reading"}
    if meters:
        found = {r[0] for r in conn.execute(select(t.facts.c.id).where(and_(
            t.facts.c.entity == "meter", t.facts.c.team_id == team_id, t.facts.c.id.in_(sorted(meters)))))}
        if found != meters:
            return False
    if not _in_team(conn, t.work_orders, team_id, {p["work_order_id"] for _e, p in payloads
                                                   if p.get("work_order_id") is not None}):
        return False
    if not _in_team(conn, t.customers, team_id, {p["customer_id"] for _e, p in payloads
                                                 if p.get("customer_id") is not None}):
        return False
    older = {(p["supersedes"], e) for e, p in payloads if p.get("supersedes") is not None}
    if older:
        found_kinds = {(r[0], r[1]) for r in conn.execute(select(t.facts.c.id, t.facts.c.entity).where(and_(
            t.facts.c.team_id == team_id, t.facts.c.id.in_(sorted({i for i, _e in older})))))}
        if not older <= found_kinds:
            return False
    return True


def apply_run(conn: Connection, pending: Pending, device_id: str, team_id: str, items: Sequence[Item],
              replayed: Callable[[Connection, str], dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Answers for `items` in order, or None when the run must go operation by operation (nothing
    of it is left written then)."""
    if len(items) < MIN_RUN or len({i.op["op_id"] for i in items}) != len(items):
        return None
    if not _links_known(conn, team_id, items):
        return None
    now = utc_now()
    applied = dumps(APPLIED)
    mark = len(pending.rows)
    sp = conn.begin_nested()
    try:
        new = set(bulk.insert_rows(conn, t.ops, [
            {"op_id": i.op["op_id"], "device_id": device_id, "user_id": i.pushed_by, "entity": str(i.op["entity"]),
             "entity_id": str(i.op["entity_id"])[:64], "action": "append", "status": "applied", "result": applied,
             "device_time": str(i.op.get("device_time") or "")[:40], "at": now}
            for i in sorted(items, key=lambda i: str(i.op["op_id"]))],  # one lock order for concurrent pushes
            conflict="op_id", returning="op_id"))
        fresh = [i for i in items if i.op["op_id"] in new]
        if fresh:
            data = [dict(i.op["payload"]) | {"id": str(i.op["entity_id"])} for i in fresh]
            texts = [_text(d) for d in data]
            bulk.insert_rows(conn, t.facts, [
                {"id": d["id"], "entity": str(i.op["entity"]), "team_id": team_id,
                 "work_order_id": d.get("work_order_id"), "data": text, "op_id": i.op["op_id"], "at": now}
                for i, d, text in zip(fresh, data, texts, strict=True)])
            bulk.insert_rows(conn, t.audit, [
                {"at": now, "device_id": device_id, "user_id": i.user_id, "action": "append",
                 "entity": str(i.op["entity"]),
                 "entity_id": str(i.op["entity_id"]), "op_id": i.op["op_id"], "detail": "applied"} for i in fresh])
            for i, d, text in zip(fresh, data, texts, strict=True):
                pending.add(team_id, str(i.op["entity"]), d["id"], d, device_id, text=text)
        sp.commit()
    except (IntegrityError, DataError):  # e.g. a reading id stored before under another op id
        sp.rollback()
        del pending.rows[mark:]
        return None
    return [dict(APPLIED) if i.op["op_id"] in new else replayed(conn, i.op["op_id"]) for i in items]
