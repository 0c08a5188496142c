"""Apply pushed operations, each at most once.

For every operation the row in `ops` is inserted first, inside a savepoint: its primary
key is the guard. A second arrival of the same id fails that insert, the savepoint rolls
back, and the stored answer is returned as it was the first time. A rejection rolls back
whatever the operation had written and stores the rejection as the operation's answer.

Each kind's work is in its own module: records.py (customers, work orders), facts.py (meters,
readings, installs, onboarding steps, attachment claims), conflicts.py; runs of fact appends go
set-based through batch_apply.py. operation.py holds what they share.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from fieldkit.central import batch_apply, conflicts, facts, lifecycle, people, records, signatures, validate
from fieldkit.central import schema as t
from fieldkit.central.conflicts import conflict_record, resolve_conflict
from fieldkit.central.db import Pending, audit, dumps, utc_now
from fieldkit.central.facts import missing_attachments, referenced_attachments
from fieldkit.central.operation import (
    APPLIED,
    CONFLICT,
    FACT_ENTITIES,
    REJECTED,
    Actor,
    Context,
    Rejected,
    actor_of,
)
from fieldkit.central.people import Person
from fieldkit.central.validate_fast import accepts as valid_at_once

# Names other modules import from here (the module was split by concern).
__all__ = ["APPLIED", "CONFLICT", "REJECTED", "Actor", "Context", "Rejected", "actor_of", "conflict_record",
           "missing_attachments", "process", "process_batch", "referenced_attachments", "replayed",
           "resolve_conflict"]


def process_batch(conn: Connection, pending: Pending, ctx: Context, ops: list[Any],
                  sigs: list[dict[str, Any]] | None = None,
                  checked: signatures.Checked | None = None) -> list[dict[str, Any]]:
    """Apply a signed batch: each operation by its verified author, each at most once. The authors'
    signatures cover every operation they sent (a refused one too); an operation whose own fields
    are unusable is refused for that first, and nothing about it is stored.
    Runs of fact appends go set-based (batch_apply); everything else, and a run the fast
    path hands back, operation by operation with a savepoint each. `checked`: the verdicts when
    the caller has them (signatures.check_token, read with the token check)."""
    if checked is None:
        checked = signatures.check(conn, ctx.device_id, ctx.team_id, ops, sigs or [])
    pairs = list(zip(ops, checked.authors, strict=True))
    results: list[dict[str, Any]] = []
    stored: set[str] = set()
    i = 0
    while i < len(pairs):
        run: list[batch_apply.Item] = []
        while i + len(run) < len(pairs) and (item := _fast_item(*pairs[i + len(run)])) is not None:
            run.append(item)
        # one batch signature over a batch that is one run: its proof goes in the run's statement
        proof = signatures.proof_of(checked.groups, len(ops)) if len(run) == len(ops) else None
        got = batch_apply.apply_run(conn, pending, ctx.device_id, ctx.team_id, run,
                                    lambda c, ids: _seen(c, ctx.team_id, ids), proof) if run else None
        if proof is not None and proof.kept:
            checked.groups.clear()
        if got is not None:
            for item, r in zip(run, got, strict=True):
                results.append(r | {"op_id": str(item.op["op_id"])})
                if r.get("status") == APPLIED and not r.get("replay"):
                    stored.add(str(item.op["op_id"]))
        else:
            for op, who in pairs[i:i + max(1, len(run))]:
                try:
                    env = validate.envelope(op)  # the payload's schema is checked in process(): that refusal is stored
                except validate.Refusal as exc:
                    named = op.get("op_id") if isinstance(op, dict) and isinstance(op.get("op_id"), str) else None
                    results.append(exc.answer() | ({"op_id": named} if named else {}))
                    continue
                r = process(conn, pending, ctx, op, who, env)
                results.append(r)
                if not r.get("replay") and r.get("code") not in REFUSALS:
                    stored.add(str(op["op_id"]))
        i += max(1, len(run))
    signatures.keep_proofs(conn, ctx.device_id, checked.groups, stored)
    return results


def _seen(conn: Connection, team_id: str, op_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The answers for ids stored before, as process() gives them (another team's id is
    unavailable), in one query."""
    found = conn.execute(select(t.ops.c.op_id, t.ops.c.result, t.devices.c.team_id)
                         .select_from(t.ops.outerjoin(t.devices, t.ops.c.device_id == t.devices.c.id))
                         .where(t.ops.c.op_id.in_(op_ids))).all()
    answers: dict[str, dict[str, Any]] = {}
    for op_id, text, team in found:
        if team is not None and str(team) != team_id:
            answers[op_id] = {"status": REJECTED, "code": "id_unavailable", "params": {"field": "op_id"},
                              "reason": "this op_id cannot be used; make a new record"}
        else:
            answers[op_id] = json.loads(text) | {"replay": True}
    return answers


def _fast_item(op: Any, who: Person | signatures.Refusal) -> batch_apply.Item | None:
    """A fact append the set-based path may take: signed by a known author whose role may append it,
    valid to the last field; anything else goes the per-operation way."""
    if isinstance(who, signatures.Refusal) or not isinstance(op, dict) or not batch_apply.is_plain_fact(op):
        return None
    if not signatures.allowed(str(op["entity"]), "append", who.role):
        return None
    try:
        if not valid_at_once(op):  # the common shape in one typed pass; else validate.py decides
            validate.payload(validate.envelope(op))
    except validate.Refusal:
        return None
    return batch_apply.Item(op, who.user_id, who.user_id)


# Refusals of who made an operation: not stored as its answer (a forged copy must not take the id).
REFUSALS = frozenset({people.UNSIGNED, people.BAD_SIGNATURE, people.UNKNOWN_USER, people.USER_REMOVED,
                      people.WRONG_TEAM, people.NO_KEY, "invalid_author"})


def process(conn: Connection, pending: Pending, ctx: Context, op: dict[str, Any],
            who: Person | signatures.Refusal, env: validate.Envelope | None = None) -> dict[str, Any]:
    """One operation by its author (or why not). `env`: its envelope as validate.envelope read it
    already (the operation is not walked again)."""
    env = validate.envelope(op) if env is None else env
    op_id = str(op["op_id"])
    known = conn.execute(select(t.devices.c.team_id).join(t.ops, t.ops.c.device_id == t.devices.c.id)
                         .where(t.ops.c.op_id == op_id)).first()
    if known is not None:
        if str(known[0]) != ctx.team_id:  # another team's operation id: its answer is not this team's to see
            return {"op_id": op_id, "status": REJECTED, "code": "id_unavailable", "params": {"field": "op_id"},
                    "reason": "this op_id cannot be used; make a new record"}
        return replayed(conn, op_id) | {"op_id": op_id}
    if isinstance(who, signatures.Refusal):
        code = who.code if who.code in REFUSALS else "invalid_author"
        audit(conn, device_id=ctx.device_id, user_id=None, action=str(op["action"])[:32],
              entity=str(op["entity"])[:32], entity_id=str(op["entity_id"])[:64],
              detail=f"refused: {code}: {who.reason}"[:500])
        return {"op_id": op_id, "status": REJECTED, "code": code, "params": who.params, "reason": who.reason}
    actor = actor_of(who)
    now = utc_now()
    mark = len(pending.rows)
    first = {"status": APPLIED}
    sp = conn.begin_nested()
    try:
        conn.execute(insert(t.ops).values(
            op_id=op_id, device_id=ctx.device_id, user_id=actor.user_id, entity=str(op["entity"])[:32],
            entity_id=str(op["entity_id"])[:64], action=str(op["action"])[:32], status=APPLIED,
            result=dumps(first), device_time=str(op.get("device_time") or "")[:40], at=now,
        ))
    except IntegrityError:
        sp.rollback()
        return replayed(conn, op_id) | {"op_id": op_id}
    try:
        try:
            validate.payload(env)
        except validate.Refusal as exc:
            raise Rejected(exc.reason, exc.code, exc.params) from None
        kind = (str(op["entity"]), str(op["action"]))
        if kind in signatures.MATRIX and not signatures.allowed(*kind, actor.role):
            raise Rejected(f"a {actor.role} may not do {op['entity']}/{op['action']}", people.ROLE_FORBIDDEN,
                           {"role": actor.role, "operation": f"{op['entity']}/{op['action']}"})
        result = apply(conn, pending, ctx, actor, op, now)
        if result != first:
            conn.execute(update(t.ops).where(t.ops.c.op_id == op_id).values(
                status=result["status"], result=dumps(result)))
        audit(conn, device_id=ctx.device_id, user_id=actor.user_id, action=str(op["action"]),
              entity=str(op["entity"]), entity_id=str(op["entity_id"]), op_id=op_id,
              detail=result["status"], at=now)
        sp.commit()
        return result | {"op_id": op_id}
    except (Rejected, IntegrityError, DataError, KeyError, TypeError, ValueError, AttributeError,
            OverflowError) as exc:
        sp.rollback()
        del pending.rows[mark:]
        refusal = exc if isinstance(exc, Rejected) else _refusal(exc)
        reason = refusal.reason
        result = {"status": REJECTED, "reason": reason, "code": refusal.code, "params": refusal.params}
        sp2 = conn.begin_nested()
        try:
            conn.execute(insert(t.ops).values(
                op_id=op_id, device_id=ctx.device_id, user_id=actor.user_id, entity=str(op["entity"])[:32],
                entity_id=str(op["entity_id"])[:64], action=str(op["action"])[:32], status=REJECTED,
                result=dumps(result), device_time=str(op.get("device_time") or "")[:40], at=now,
            ))
            audit(conn, device_id=ctx.device_id, user_id=actor.user_id, action=str(op["action"]),
                  entity=str(op["entity"]), entity_id=str(op["entity_id"]), op_id=op_id,
                  detail=f"rejected: {reason}", at=now)
            sp2.commit()
        except IntegrityError:  # the same id arrived concurrently and won
            sp2.rollback()
            return replayed(conn, op_id) | {"op_id": op_id}
        return result | {"op_id": op_id}


def _refusal(exc: Exception) -> Rejected:
    """The answer for a database refusal. An id or number taken by another team answers exactly
    like one taken in this team; customer codes are per managing unit (see customer_create)."""
    if isinstance(exc, IntegrityError):
        text = str(exc.orig).lower()
        if "code" in text:
            return Rejected("a customer with this code already exists in this team", "code_taken")
        if "number" in text:
            return Rejected("this work-order number cannot be used; make a new record", "id_unavailable",
                            {"field": "number"})
        return Rejected("this id cannot be used; make a new record", "id_unavailable", {"field": "id"})
    return Rejected(_reason(exc))


def _reason(exc: Exception) -> str:
    if isinstance(exc, DataError):
        return "invalid payload: a value the database cannot store"
    if isinstance(exc, KeyError):
        return f"invalid payload: missing {exc}"
    return f"invalid payload: {exc}"


def replayed(conn: Connection, op_id: str) -> dict[str, Any]:
    text = conn.execute(select(t.ops.c.result).where(t.ops.c.op_id == op_id)).scalar_one()
    result: dict[str, Any] = json.loads(text)
    result["replay"] = True
    return result


def apply(conn: Connection, pending: Pending, ctx: Context, actor: Actor, op: dict[str, Any],
          now: str) -> dict[str, Any]:
    entity, action = op["entity"], op["action"]
    payload = op.get("payload")
    if not isinstance(payload, dict):
        raise Rejected("invalid payload: not an object")
    if entity == "customer" and action == "create":
        return records.customer_create(conn, pending, ctx, actor, op, payload, now)
    if entity == "customer" and action == "update":
        return records.customer_update(conn, pending, ctx, actor, op, payload, now)
    if entity == "work_order" and action == "create":
        return records.work_order_create(conn, pending, ctx, actor, op, payload, now)
    if entity == "work_order" and action in lifecycle.OPERATIONS:
        return records.work_order_transition(conn, pending, ctx, actor, op, payload, now)
    if entity == "meter" and action == "create":
        return facts.meter_create(conn, pending, ctx, op, payload, now)
    if entity in FACT_ENTITIES and action == "append":
        return facts.fact_append(conn, pending, ctx, op, payload, now)
    if entity == "attachment" and action == "create":
        return facts.attachment_meta(conn, ctx, op, payload, now)
    if entity == "conflict" and action == "resolve":
        return conflicts.conflict_resolve(conn, pending, ctx, actor, op, payload, now)
    raise Rejected(f"unknown operation {entity}/{action}")

