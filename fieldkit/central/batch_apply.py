"""Set-based apply for runs of append-only facts (readings, installs, onboarding steps: the bulk of
an evening's push).

On PostgreSQL a run of fact appends by known authors is one statement whatever its length
(data-modifying CTEs, `_RUN`): the run travels as two JSON arrays; the links every fact_append
checks one by one (meters, work orders, customers, superseded records, all in this team) are
checked first, each distinct value once, and when one is unknown nothing is written; then the op
ids go in with `INSERT … ON CONFLICT DO NOTHING RETURNING op_id` (the primary key stays the
at-most-once guard: an id that is already there, or that a concurrent push is writing, is not
returned and is answered as a replay from its stored result), and from the returned rows the
facts, the audit lines and, when the transaction has changed no mutable record, the change-feed
rows (numbered lock-free as fieldkit/central/feed.py does for facts; otherwise they go to
`Pending`, numbered at commit). The SQL text never changes, so neither SQLAlchemy nor psycopg
builds it again. On SQLite the same rows go as a few executemany statements (`_apply_rows`).

The run is one savepoint. Anything unusual (an unknown link, a fact id already stored under
another op id, a payload the per-operation path would refuse) leaves nothing of the run written
and the caller applies that run operation by operation, with a savepoint each, exactly as before:
the fast path never decides a refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, select
from sqlalchemy.exc import DataError, IntegrityError

from fieldkit.central import bulk, feed
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
              replayed: Callable[[Connection, list[str]], dict[str, dict[str, Any]]],
              proof: Proof | None = None) -> list[dict[str, Any]] | None:
    """Answers for `items` in order, or None when the run must go operation by operation (nothing
    of it is left written then). `replayed` gives the stored answers of ids stored before, all in
    one look-up (a device retrying a push after a cut or a timeout replays the whole batch).
    `proof`: the one batch signature over exactly these operations, kept with them on PostgreSQL
    (`proof.kept`)."""
    if len(items) < MIN_RUN or len({i.op["op_id"] for i in items}) != len(items):
        return None
    if conn.dialect.name == "postgresql":
        new = _apply_pg(conn, pending, device_id, team_id, items, proof)
    else:
        new = _apply_rows(conn, pending, device_id, team_id, items)
    if new is None:
        return None
    seen = [i.op["op_id"] for i in items if i.op["op_id"] not in new]
    answers = replayed(conn, seen) if seen else {}
    return [dict(APPLIED) if i.op["op_id"] in new else answers[i.op["op_id"]] for i in items]


# The run as two JSON arrays: the rows' plain columns (jsonb: each field found at once) and the facts'
# data (orjson, keys sorted; PostgreSQL's `json` keeps each element's text exactly as sent, so
# `d::text` is what is stored and fed, written once). A field extracted from a `json` array of rows
# instead would be lexed again per field: 6x PostgreSQL's CPU.
_RUN = ("WITH r AS (SELECT e->>0 AS op_id, e->>1 AS pushed_by, e->>2 AS user_id, e->>3 AS entity, "
        "e->>4 AS entity_id, e->>5 AS device_time, e->>6 AS work_order_id, e->>7 AS customer_id, "
        "e->>8 AS meter_id, e->>9 AS supersedes, d::text AS data, k "
        "FROM ROWS FROM (jsonb_array_elements(%(run)s::jsonb), json_array_elements(%(data)s::json)) "
        "WITH ORDINALITY AS x(e, d, k)), "
        # the links fact_append checks one by one, each distinct value once
        "bad AS (SELECT 1 FROM (SELECT DISTINCT meter_id FROM r WHERE meter_id IS NOT NULL) v WHERE NOT EXISTS ("
        "SELECT 1 FROM facts f WHERE f.id = v.meter_id AND f.entity = 'meter' AND f.team_id = %(team)s) "
        "UNION ALL SELECT 1 FROM (SELECT DISTINCT work_order_id FROM r WHERE work_order_id IS NOT NULL) v "
        "WHERE NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.id = v.work_order_id AND w.team_id = %(team)s) "
        "UNION ALL SELECT 1 FROM (SELECT DISTINCT customer_id FROM r WHERE customer_id IS NOT NULL) v "
        "WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = v.customer_id AND c.team_id = %(team)s) "
        "UNION ALL SELECT 1 FROM (SELECT DISTINCT supersedes, entity FROM r WHERE supersedes IS NOT NULL) v "
        "WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.id = v.supersedes AND f.entity = v.entity "
        "AND f.team_id = %(team)s) LIMIT 1), "
        # the op ids first, in one order for concurrent pushes; an id already there is not returned
        "o AS (INSERT INTO ops (op_id, device_id, user_id, entity, entity_id, action, status, result, device_time, at) "
        "SELECT op_id, %(device)s, pushed_by, entity, left(entity_id, 64), 'append', 'applied', %(result)s, "
        "left(device_time, 40), %(at)s FROM r WHERE NOT EXISTS (SELECT 1 FROM bad) ORDER BY op_id "
        "ON CONFLICT (op_id) DO NOTHING RETURNING op_id), "
        "n AS (SELECT r.* FROM r JOIN o USING (op_id)), "
        "f AS (INSERT INTO facts (id, entity, team_id, work_order_id, data, op_id, at) "
        "SELECT entity_id, entity, %(team)s, work_order_id, data, op_id, %(at)s FROM n), "
        "a AS (INSERT INTO audit (at, device_id, user_id, action, entity, entity_id, op_id, detail) "
        "SELECT %(at)s, %(device)s, user_id, 'append', entity, entity_id, op_id, 'applied' FROM n ORDER BY k)")
_RESULT = " SELECT EXISTS (SELECT 1 FROM bad), ARRAY(SELECT op_id FROM o)"
# The signature's proof in the same statement (signatures.keep_proofs' rows), when one batch
# signature covers exactly the run: its op_batches row if any operation is stored now, and an
# op_proofs row for each, at its place in the signed list (the run's order; a proof kept before stays).
_PROOF = (", pb AS (INSERT INTO op_batches (device_id, user_id, public_key, signature, digests, at) "
          "SELECT %(device)s, %(p_user)s, %(p_key)s, %(p_sig)s, %(p_digests)s, %(at)s WHERE EXISTS (SELECT 1 FROM o) "
          "RETURNING id), "
          "pp AS (INSERT INTO op_proofs (op_id, batch_id, position) SELECT n.op_id, pb.id, n.k - 1 FROM n, pb "
          "ON CONFLICT (op_id) DO NOTHING)")
_PENDING_ROWS = (", ARRAY(SELECT entity FROM n ORDER BY k), ARRAY(SELECT entity_id FROM n ORDER BY k), "
                 "ARRAY(SELECT data FROM n ORDER BY k)")  # the feed rows for `pending`
_STATEMENTS = {  # (feed rows written here, proof kept here): the statement
    (True, False): _RUN + ", " + feed.fact_rows_sql("n", "s.k") + _RESULT,
    (False, False): _RUN + _RESULT + _PENDING_ROWS,
    (True, True): _RUN + _PROOF + ", " + feed.fact_rows_sql("n", "s.k") + _RESULT,
    (False, True): _RUN + _PROOF + _RESULT + _PENDING_ROWS,
}


@dataclass
class Proof:
    """One batch signature over exactly the run's operations, in order (signatures.Group): kept by
    the run's statement on PostgreSQL (`kept` then), else by signatures.keep_proofs."""

    user_id: str
    key: str
    signature: str
    digests: str  # hex digests joined by ','
    kept: bool = False


def _apply_pg(conn: Connection, pending: Pending, device_id: str, team_id: str,
              items: Sequence[Item], proof: Proof | None = None) -> set[str] | None:
    """The run in one statement: link checks, op ids, facts, audit lines, the signature's proof
    (`proof`) and (when the transaction has changed no mutable record) the change-feed rows.
    The op ids stored now, or None."""
    if orjson is None:
        return _apply_rows(conn, pending, device_id, team_id, items)
    rows: list[tuple[Any, ...]] = []
    datas: list[dict[str, Any]] = []
    for i in items:
        op = i.op
        payload = op["payload"]
        fid = str(op["entity_id"])
        entity = op["entity"]
        datas.append(payload if payload.get("id") == fid else dict(payload) | {"id": fid})
        rows.append((op["op_id"], i.pushed_by, i.user_id, entity, fid, str(op.get("device_time") or ""),
                     payload.get("work_order_id"), payload.get("customer_id"),
                     payload["meter_id"] if entity == "reading" else None, payload.get("supersedes")))
    try:
        run = orjson.dumps(rows).decode()
        data = orjson.dumps(datas, option=orjson.OPT_SORT_KEYS).decode()
    except (orjson.JSONEncodeError, UnicodeDecodeError):  # a lone surrogate, an integer beyond 64 bits
        return None
    here = feed.numbered_here(pending.rows)
    if here and pending.rows:  # the transaction's earlier field facts come first in the feed
        feed.write(conn, pending.rows, utc_now())
        pending.rows.clear()
    params = {"run": run, "data": data, "team": team_id, "device": device_id, "at": utc_now(), "result": _APPLIED_TEXT}
    if proof is not None:
        params |= {"p_user": proof.user_id, "p_key": proof.key, "p_sig": proof.signature, "p_digests": proof.digests}
    # A savepoint that is never released (released at COMMIT, as every other savepoint): one round
    # trip fewer than SQLAlchemy's begin_nested. A failed run is rolled back to it.
    conn.exec_driver_sql(_SAVEPOINT)
    try:
        got = conn.exec_driver_sql(_STATEMENTS[here, proof is not None], params).one()
    except (IntegrityError, DataError):  # e.g. a reading id stored before under another op id
        conn.exec_driver_sql(_BACK)
        return None
    if got[0]:  # an unknown link: the per-operation path names it (nothing was written)
        return None
    if proof is not None:
        proof.kept = True
    if not here:
        for entity, fid, text in zip(got[2], got[3], got[4], strict=True):
            pending.add(team_id, entity, fid, {}, device_id, text=text)
    return set(got[1])


_APPLIED_TEXT = dumps(APPLIED)
_SAVEPOINT = "SAVEPOINT fk_run"
_BACK = "ROLLBACK TO SAVEPOINT fk_run"


def _apply_rows(conn: Connection, pending: Pending, device_id: str, team_id: str,
                items: Sequence[Item]) -> set[str] | None:
    """The run as a few statements of rows (SQLite: executemany): link checks, then op ids, facts,
    audit lines; the feed rows go to `pending`."""
    if not _links_known(conn, team_id, items):
        return None
    now = utc_now()
    mark = len(pending.rows)
    sp = conn.begin_nested()
    try:
        new = set(bulk.insert_rows(conn, t.ops, [
            {"op_id": i.op["op_id"], "device_id": device_id, "user_id": i.pushed_by, "entity": str(i.op["entity"]),
             "entity_id": str(i.op["entity_id"])[:64], "action": "append", "status": "applied",
             "result": _APPLIED_TEXT, "device_time": str(i.op.get("device_time") or "")[:40], "at": now}
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
    return new
