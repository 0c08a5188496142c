"""Apply pushed operations, each at most once.

For every operation the row in `ops` is inserted first, inside a savepoint: its primary
key is the guard. A second arrival of the same id fails that insert, the savepoint rolls
back, and the stored answer is returned as it was the first time. A rejection rolls back
whatever the operation had written and stores the rejection as the operation's answer.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from fieldkit.central import attachments, batch_apply, lifecycle, people, signatures, validate
from fieldkit.central import schema as t
from fieldkit.central.db import Pending, audit, dumps, utc_now
from fieldkit.central.people import Person
from fieldkit.domain import codes
from fieldkit.domain.models import Role, WorkOrderKind, WorkOrderState

APPLIED = "applied"
CONFLICT = "conflict"
REJECTED = "rejected"

FACT_ENTITIES = ("reading", "install", "onboarding_step")
CUSTOMER_FIELDS = ("name", "phone", "national_id", "province_code", "province", "commune_code", "commune",
                   "street", "old_district", "households")


class Rejected(Exception):
    """A refused operation: `reason` in English, `code` + `params` for the laptop's vi/en message
    (fieldkit.domain.reasons); without a code the reason travels as the `refused` code's detail."""

    def __init__(self, reason: str, code: str = "", params: dict[str, Any] | None = None):
        super().__init__(reason)
        self.reason = reason
        self.code = code or "refused"
        self.params = params if code else {"detail": reason}


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    role: str
    team_id: str


@dataclass
class Context:
    """Who is calling: the device (and its team), and the person when a user token proves it."""

    device_id: str
    team_id: str
    user: Actor | None = None


def actor_of(p: Person) -> Actor:
    return Actor(p.user_id, p.username, p.role, p.team_id)


def process_batch(conn: Connection, pending: Pending, ctx: Context, ops: list[Any],
                  sigs: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Apply a signed batch: each operation by its verified author, each at most once. The authors'
    signatures cover every operation they sent (a refused one too); an operation whose own fields
    are unusable is refused for that first, and nothing about it is stored.
    Runs of fact appends go set-based (batch_apply); everything else, and a run the fast
    path hands back, operation by operation with a savepoint each."""
    checked = signatures.check(conn, ctx.device_id, ctx.team_id, ops, sigs or [])
    pairs = list(zip(ops, checked.authors, strict=True))
    results: list[dict[str, Any]] = []
    stored: set[str] = set()
    i = 0
    while i < len(pairs):
        run: list[batch_apply.Item] = []
        while i + len(run) < len(pairs) and (item := _fast_item(*pairs[i + len(run)])) is not None:
            run.append(item)
        got = batch_apply.apply_run(conn, pending, ctx.device_id, ctx.team_id, run,
                                    lambda c, op_id: _seen(c, ctx.team_id, op_id)) if run else None
        if got is not None:
            for item, r in zip(run, got, strict=True):
                results.append(r | {"op_id": str(item.op["op_id"])})
                if r.get("status") == APPLIED and not r.get("replay"):
                    stored.add(str(item.op["op_id"]))
        else:
            for op, who in pairs[i:i + max(1, len(run))]:
                try:
                    validate.envelope(op)  # the payload's schema is checked in process(): that refusal is stored
                except validate.Refusal as exc:
                    named = op.get("op_id") if isinstance(op, dict) and isinstance(op.get("op_id"), str) else None
                    results.append(exc.answer() | ({"op_id": named} if named else {}))
                    continue
                r = process(conn, pending, ctx, op, who)
                results.append(r)
                if not r.get("replay") and r.get("code") not in REFUSALS:
                    stored.add(str(op["op_id"]))
        i += max(1, len(run))
    signatures.keep_proofs(conn, ctx.device_id, checked.groups, stored)
    return results


def _seen(conn: Connection, team_id: str, op_id: str) -> dict[str, Any]:
    """The answer for an id stored before, as process() gives it: another team's id is unavailable."""
    known = conn.execute(select(t.devices.c.team_id).join(t.ops, t.ops.c.device_id == t.devices.c.id)
                         .where(t.ops.c.op_id == op_id)).first()
    if known is not None and str(known[0]) != team_id:
        return {"status": REJECTED, "code": "id_unavailable", "params": {"field": "op_id"},
                "reason": "this op_id cannot be used; make a new record"}
    return replayed(conn, op_id)


def _fast_item(op: Any, who: Person | signatures.Refusal) -> batch_apply.Item | None:
    """A fact append the set-based path may take: signed by a known author whose role may append it,
    valid to the last field; anything else goes the per-operation way."""
    if isinstance(who, signatures.Refusal) or not isinstance(op, dict) or not batch_apply.is_plain_fact(op):
        return None
    if not signatures.allowed(str(op["entity"]), "append", who.role):
        return None
    try:
        validate.payload(validate.envelope(op))
    except validate.Refusal:
        return None
    return batch_apply.Item(op, who.user_id, who.user_id)


# Refusals of who made an operation: not stored as its answer (a forged copy must not take the id).
REFUSALS = frozenset({people.UNSIGNED, people.BAD_SIGNATURE, people.UNKNOWN_USER, people.USER_REMOVED,
                      people.WRONG_TEAM, people.NO_KEY, "invalid_author"})


def process(conn: Connection, pending: Pending, ctx: Context, op: dict[str, Any],
            who: Person | signatures.Refusal) -> dict[str, Any]:
    env = validate.envelope(op)
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
        return customer_create(conn, pending, ctx, actor, op, payload, now)
    if entity == "customer" and action == "update":
        return customer_update(conn, pending, ctx, actor, op, payload, now)
    if entity == "work_order" and action == "create":
        return work_order_create(conn, pending, ctx, actor, op, payload, now)
    if entity == "work_order" and action in lifecycle.OPERATIONS:
        return work_order_transition(conn, pending, ctx, actor, op, payload, now)
    if entity == "meter" and action == "create":
        return meter_create(conn, pending, ctx, op, payload, now)
    if entity in FACT_ENTITIES and action == "append":
        return fact_append(conn, pending, ctx, op, payload, now)
    if entity == "attachment" and action == "create":
        return attachment_meta(conn, ctx, op, payload, now)
    if entity == "conflict" and action == "resolve":
        return conflict_resolve(conn, pending, ctx, actor, op, payload, now)
    raise Rejected(f"unknown operation {entity}/{action}")


def _same_id(op: dict[str, Any], payload: dict[str, Any]) -> str:
    entity_id = str(op["entity_id"])
    if str(payload.get("id", entity_id)) != entity_id:
        raise Rejected("payload id does not match the operation's entity id", "id_mismatch", {})
    return entity_id


def _team_of(conn: Connection, table: Any, entity_id: str) -> str | None:
    row = conn.execute(select(table.c.team_id).where(table.c.id == entity_id)).first()
    return None if row is None else str(row[0])


def _require_in_team(conn: Connection, ctx: Context, table: Any, entity_id: Any, what: str,
                     entity: str | None = None) -> None:
    if entity_id is None:
        return
    q = select(table.c.team_id).where(table.c.id == str(entity_id))
    if entity is not None:
        q = q.where(table.c.entity == entity)
    row = conn.execute(q).first()
    if row is None or row[0] != ctx.team_id:  # another team's record answers as unknown: no existence leak
        raise Rejected(f"unknown {what} {entity_id} (not in this team)", "unknown_record",
                       {"what": what, "id": str(entity_id)})


PROVISIONAL_UNIT = os.environ.get("FIELDKIT_PROVISIONAL_UNIT", codes.DEFAULT_PROVISIONAL_UNIT).strip().upper()


# --- customers ---------------------------------------------------------------------------------

def customer_create(conn: Connection, pending: Pending, ctx: Context, actor: Actor, op: dict[str, Any],
                    payload: dict[str, Any], now: str) -> dict[str, Any]:
    cid = _same_id(op, payload)
    code = str(payload["code"]).strip().upper()
    if not code:
        raise Rejected("the customer code is missing")
    # A customer code starts with its managing unit: a team creates customers of its own unit only,
    # so whether another unit's code exists is never asked (nor answered).
    # A household that is not yet a customer carries the provisional code its laptop derived
    # from its id (domain/codes.provisional_code), whatever the team's unit.
    unit = conn.execute(select(t.teams.c.unit_code).where(t.teams.c.id == ctx.team_id)).scalar() or ""
    provisional = codes.is_provisional_code_of(code, PROVISIONAL_UNIT, cid)
    if unit and not code.startswith(unit.upper()) and not provisional:
        raise Rejected(f"the customer code is not of this team's unit {unit}", "code_other_unit", {"unit": unit})
    data = {k: payload.get(k) for k in ("code", *CUSTOMER_FIELDS)} | {"id": cid, "code": code, "version": 1}
    if not str(data.get("name") or "").strip():
        raise Rejected("the customer's name is missing")
    conn.execute(insert(t.customers).values(id=cid, code=code, team_id=ctx.team_id, version=1, data=dumps(data),
                                            conflict=False, updated_at=now))
    conn.execute(insert(t.customer_versions).values(customer_id=cid, version=1, base_version=None,
                                                    data=dumps(data), op_id=op["op_id"], device_id=ctx.device_id,
                                                    user_id=actor.user_id, at=now))
    pending.add(ctx.team_id, "customer", cid, data, ctx.device_id)
    return {"status": APPLIED, "version": 1}


def customer_update(conn: Connection, pending: Pending, ctx: Context, actor: Actor, op: dict[str, Any],
                    payload: dict[str, Any], now: str) -> dict[str, Any]:
    cid = _same_id(op, payload)
    row = conn.execute(select(t.customers.c.team_id, t.customers.c.version, t.customers.c.data)
                       .where(t.customers.c.id == cid)).first()
    if row is None or row[0] != ctx.team_id:  # another team's answers as unknown: no existence leak
        raise Rejected(f"unknown customer {cid} (not in this team)", "unknown_record", {"what": "customer", "id": cid})
    current_version = int(row[1])
    current = json.loads(row[2])
    if "code" in payload and str(payload["code"]).strip().upper() != current["code"]:
        raise Rejected("a customer's code cannot be changed")
    base = op.get("base_version")
    base_data = current
    if base is not None and int(base) != current_version:
        found = conn.execute(select(t.customer_versions.c.data).where(and_(
            t.customer_versions.c.customer_id == cid, t.customer_versions.c.version == int(base)))).first()
        base_data = json.loads(found[0]) if found else current
    # The fields this edit changed (relative to what the device saw) are applied over the current
    # version; the others keep their current value. Every version is kept.
    edited = {k: payload[k] for k in CUSTOMER_FIELDS if k in payload and payload[k] != base_data.get(k)}
    if not edited:
        return {"status": APPLIED, "version": current_version}
    new_version = current_version + 1
    data = current | edited | {"version": new_version}
    if not str(data.get("name") or "").strip():
        raise Rejected("the customer's name is missing")
    result: dict[str, Any] = {"status": APPLIED, "version": new_version}
    conflict = base is not None and int(base) != current_version
    if conflict:
        overlap = sorted(k for k in edited if current.get(k) != base_data.get(k))
        detail = f"edited from version {base}, server had {current_version}; fields {','.join(sorted(edited))}"
        if overlap:
            detail += f"; both changed {','.join(overlap)}"
        cur = conn.execute(insert(t.conflicts).values(
            team_id=ctx.team_id, entity="customer", entity_id=cid, op_id=op["op_id"], base_version=int(base),
            server_version=current_version, new_version=new_version, device_id=ctx.device_id,
            user_id=actor.user_id, detail=detail, at=now))
        result = {"status": CONFLICT, "version": new_version, "conflict": int(cur.inserted_primary_key[0]),
                  "reason": detail}
    conn.execute(update(t.customers).where(t.customers.c.id == cid).values(
        version=new_version, data=dumps(data), updated_at=now, **({"conflict": True} if conflict else {})))
    conn.execute(insert(t.customer_versions).values(
        customer_id=cid, version=new_version, base_version=None if base is None else int(base), data=dumps(data),
        op_id=op["op_id"], device_id=ctx.device_id, user_id=actor.user_id, at=now))
    pending.add(ctx.team_id, "customer", cid, data, ctx.device_id)
    if conflict:
        _announce_conflict(conn, pending, int(result["conflict"]), ctx.device_id)
    return result


# --- work orders --------------------------------------------------------------------------------

def work_order_create(conn: Connection, pending: Pending, ctx: Context, actor: Actor, op: dict[str, Any],
                      payload: dict[str, Any], now: str) -> dict[str, Any]:
    wid = _same_id(op, payload)
    _require_in_team(conn, ctx, t.customers, payload.get("customer_id"), "customer")
    _require_in_team(conn, ctx, t.facts, payload.get("meter_id"), "meter", entity="meter")
    assignee = payload.get("assignee_id")
    if assignee is not None:
        found = conn.execute(select(t.users.c.team_id).where(t.users.c.id == str(assignee))).first()
        if found is None or found[0] != ctx.team_id:
            assignee = actor.user_id
    state = WorkOrderState.ASSIGNED  # the server's state machine: never the payload's
    kind = WorkOrderKind(str(payload["kind"])).value
    data = {
        "id": wid, "number": str(payload["number"]), "kind": kind, "state": state.value,
        "customer_id": payload.get("customer_id"), "team_id": ctx.team_id,
        "due_date": payload.get("due_date"), "assignee_id": assignee, "meter_id": payload.get("meter_id"),
        "note": str(payload.get("note") or ""), "review_comment": "", "version": 1,
    }
    conn.execute(insert(t.work_orders).values(id=wid, number=data["number"], team_id=ctx.team_id,
                                              assignee_id=assignee, state=state.value, version=1, data=dumps(data),
                                              conflict=False, updated_at=now))
    conn.execute(insert(t.work_order_versions).values(
        work_order_id=wid, version=1, base_version=None, data=dumps(data), op_id=op["op_id"],
        device_id=ctx.device_id, user_id=actor.user_id, at=now))
    pending.add(ctx.team_id, "work_order", wid, data, ctx.device_id)
    return {"status": APPLIED, "version": 1}


def work_order_transition(conn: Connection, pending: Pending, ctx: Context, actor: Actor, op: dict[str, Any],
                          payload: dict[str, Any], now: str) -> dict[str, Any]:
    """The life cycle's move (fieldkit/central/lifecycle.py, on the table of fieldkit/domain/lifecycle.py)."""
    try:
        result = lifecycle.transition(conn, pending, lifecycle.Mover(actor.user_id, actor.role, ctx.team_id,
                                                                     ctx.device_id), op, payload, now,
                                      missing_attachments)
    except validate.Refusal as exc:
        raise Rejected(exc.reason, exc.code, exc.params) from None
    if result["status"] == CONFLICT:
        _announce_conflict(conn, pending, int(result["conflict"]), ctx.device_id)
    return result


# --- conflicts ----------------------------------------------------------------------------------

CONFLICT_FIELDS: dict[str, tuple[str, ...]] = {
    "customer": CUSTOMER_FIELDS,
    "work_order": ("state", "review_comment", "assignee_id", "due_date", "note", "meter_id", "customer_id"),
}


def conflict_record(conn: Connection, c: Any) -> dict[str, Any]:
    """A conflict as the supervisor's devices receive it (change kind `conflict`): the version both
    edits started from, the version the server had when the late edit arrived ("earlier": who, from
    which device, when, what it changed) and the late edit ("later"), side by side. Rebuilt from the
    version tables, so it is the same whenever it is sent."""
    entity = str(c["entity"])
    if entity == "customer":
        vt, key = t.customer_versions, t.customer_versions.c.customer_id
    else:
        vt, key = t.work_order_versions, t.work_order_versions.c.work_order_id
    first = int(c["base_version"]) if c["base_version"] is not None else int(c["server_version"])
    versions = {int(r["version"]): r for r in conn.execute(
        select(vt.c.version, vt.c.data, vt.c.op_id, vt.c.device_id, vt.c.user_id, vt.c.at)
        .where(and_(key == c["entity_id"], vt.c.version >= min(first, int(c["server_version"])),
                    vt.c.version <= int(c["new_version"])))).mappings()}
    user_ids = sorted({str(v["user_id"]) for v in versions.values() if v["user_id"]}
                      | ({str(c["resolved_by"])} if c["resolved_by"] else set()))
    users = {str(r[0]): (str(r[1]), str(r[2])) for r in conn.execute(
        select(t.users.c.id, t.users.c.username, t.users.c.display_name).where(t.users.c.id.in_(user_ids)))} \
        if user_ids else {}
    device_ids = sorted({str(v["device_id"]) for v in versions.values() if v["device_id"]})
    devices = {str(r[0]): str(r[1]) for r in conn.execute(
        select(t.devices.c.id, t.devices.c.name).where(t.devices.c.id.in_(device_ids)))} if device_ids else {}
    op_ids = sorted({str(v["op_id"]) for v in versions.values() if v["op_id"]})
    device_times = {str(r[0]): str(r[1] or "") for r in conn.execute(
        select(t.ops.c.op_id, t.ops.c.device_time).where(t.ops.c.op_id.in_(op_ids)))} if op_ids else {}

    def data_of(version: Any) -> dict[str, Any]:
        row = versions.get(int(version)) if version is not None else None
        return json.loads(row["data"]) if row is not None else {}

    def side(version: int, changed: dict[str, Any]) -> dict[str, Any]:
        row = versions.get(version)
        if row is None:
            return {"version": version, "changed": changed, "data": {}}
        uid = str(row["user_id"] or "")
        username, display_name = users.get(uid, ("", ""))
        return {"version": version, "user_id": uid or None, "username": username, "display_name": display_name,
                "device_id": row["device_id"], "device_name": devices.get(str(row["device_id"]), ""),
                "at": row["at"], "device_time": device_times.get(str(row["op_id"]), ""), "op_id": row["op_id"],
                "changed": changed, "data": json.loads(row["data"])}

    fields = CONFLICT_FIELDS.get(entity, ())
    base, earlier, later = data_of(c["base_version"]), data_of(c["server_version"]), data_of(c["new_version"])
    earlier_changed = {k: earlier.get(k) for k in fields if earlier.get(k) != base.get(k)}
    later_changed = {k: later.get(k) for k in fields if later.get(k) != earlier.get(k)}
    if entity == "customer":
        label = f"{later.get('code') or earlier.get('code') or ''} {later.get('name') or ''}".strip()
    else:
        label = str(later.get("number") or earlier.get("number") or "")
    # The versions made between the base and the late edit's arrival (the story the late edit missed).
    between = []
    for v in range(first + 1, int(c["server_version"]) + 1):
        before, after = data_of(v - 1), data_of(v)
        between.append(side(v, {k: after.get(k) for k in fields if after.get(k) != before.get(k)}))
    resolver = users.get(str(c["resolved_by"] or ""), ("", ""))
    return {
        "id": int(c["id"]), "entity": entity, "entity_id": c["entity_id"], "label": label, "detail": c["detail"],
        "at": c["at"], "base_version": c["base_version"], "server_version": c["server_version"],
        "new_version": c["new_version"],
        "base": {"version": c["base_version"], "data": base},
        "earlier": side(int(c["server_version"]), earlier_changed),
        "later": side(int(c["new_version"]), later_changed),
        "between": between,
        "fields": sorted(set(earlier_changed) | set(later_changed)),
        "overlap": sorted(set(earlier_changed) & set(later_changed)),
        "resolved_at": c["resolved_at"], "resolved_by": c["resolved_by"], "resolved_by_username": resolver[0],
    }


def _announce_conflict(conn: Connection, pending: Pending, conflict_id: int, origin_device: str) -> None:
    row = conn.execute(select(t.conflicts).where(t.conflicts.c.id == conflict_id)).mappings().one()
    pending.add(str(row["team_id"]), "conflict", str(conflict_id), conflict_record(conn, row), origin_device)


def resolve_conflict(conn: Connection, pending: Pending, device_id: str, actor: Actor, conflict_id: int,
                     note: str, now: str) -> dict[str, Any] | None:
    """Mark a conflict resolved, once; the team's devices learn it through the change feed.
    Returns the conflict as sent, or None when it was resolved already (nothing changes)."""
    done = conn.execute(update(t.conflicts).where(and_(t.conflicts.c.id == conflict_id,
                                                       t.conflicts.c.resolved_at.is_(None)))
                        .values(resolved_by=actor.user_id, resolved_at=now))
    if done.rowcount != 1:
        return None
    r = conn.execute(select(t.conflicts).where(t.conflicts.c.id == conflict_id)).mappings().one()
    table = t.customers if r["entity"] == "customer" else t.work_orders
    still = conn.execute(select(func.count()).select_from(t.conflicts).where(and_(
        t.conflicts.c.entity_id == r["entity_id"], t.conflicts.c.resolved_at.is_(None)))).scalar_one()
    if not still:
        conn.execute(update(table).where(table.c.id == r["entity_id"]).values(conflict=False))
    record = conflict_record(conn, r) | {"note": note}
    pending.add(str(r["team_id"]), "conflict", str(conflict_id), record, device_id)
    return record


def conflict_resolve(conn: Connection, pending: Pending, ctx: Context, actor: Actor, op: dict[str, Any],
                     payload: dict[str, Any], now: str) -> dict[str, Any]:
    """`conflict/resolve` from a supervisor's outbox (made offline like approve / return)."""
    if actor.role != Role.SUPERVISOR.value:
        raise Rejected("only a supervisor may resolve a conflict", people.ROLE_FORBIDDEN,
                       {"role": actor.role, "operation": "conflict/resolve"})
    entity_id = str(op["entity_id"])
    if not entity_id.isdigit() or not 0 < int(entity_id) < 2**31:
        raise Rejected("not a conflict id")
    cid = int(entity_id)
    if "id" in payload and str(payload["id"]) != entity_id:
        raise Rejected("payload id does not match the operation's entity id")
    row = conn.execute(select(t.conflicts.c.team_id).where(t.conflicts.c.id == cid)).first()
    if row is None or row[0] != ctx.team_id:  # no existence leak
        raise Rejected(f"unknown conflict {cid} (not in this team)", "unknown_record",
                       {"what": "conflict", "id": str(cid)})
    note = str(payload.get("note") or "").strip()[:2000]
    if resolve_conflict(conn, pending, ctx.device_id, actor, cid, note, now) is None:
        return {"status": APPLIED, "reason": "already resolved"}
    return {"status": APPLIED}


def referenced_attachments(conn: Connection, work_order_id: str) -> set[str]:
    shas: set[str] = set()
    for (text,) in conn.execute(select(t.facts.c.data).where(t.facts.c.work_order_id == work_order_id)):
        data = json.loads(text)
        for key in ("capture_sha256", "photo_sha256"):
            if data.get(key):
                shas.add(str(data[key]))
        inner = data.get("data")
        if isinstance(inner, dict):
            shas.update(str(s) for s in inner.get("attachments") or [])
    return shas


def missing_attachments(conn: Connection, work_order_id: str) -> list[str]:
    shas = referenced_attachments(conn, work_order_id)
    if not shas:
        return []
    # Verified bytes of the work order's own team only (fieldkit.central.attachments).
    team = conn.execute(select(t.work_orders.c.team_id).where(t.work_orders.c.id == work_order_id)).scalar()
    done = attachments.complete_hashes(conn, str(team), shas) if team is not None else set()
    return sorted(shas - done)


# --- field facts --------------------------------------------------------------------------------

def meter_create(conn: Connection, pending: Pending, ctx: Context, op: dict[str, Any], payload: dict[str, Any],
                 now: str) -> dict[str, Any]:
    mid = _same_id(op, payload)
    if not str(payload.get("serial") or "").strip():
        raise Rejected("the meter serial is missing")
    _require_in_team(conn, ctx, t.customers, payload.get("customer_id"), "customer")
    data = dict(payload) | {"id": mid}
    conn.execute(insert(t.facts).values(id=mid, entity="meter", team_id=ctx.team_id, work_order_id=None,
                                        data=dumps(data), op_id=op["op_id"], at=now))
    pending.add(ctx.team_id, "meter", mid, data, ctx.device_id)
    return {"status": APPLIED}


def fact_append(conn: Connection, pending: Pending, ctx: Context, op: dict[str, Any], payload: dict[str, Any],
                now: str) -> dict[str, Any]:
    entity = str(op["entity"])
    fid = _same_id(op, payload)
    if entity == "reading":
        _require_in_team(conn, ctx, t.facts, payload["meter_id"], "meter", entity="meter")
        if not isinstance(payload.get("registers"), dict) or not payload["registers"]:
            raise Rejected("a reading needs at least one register value")
    if entity == "install" and not payload.get("work_order_id"):
        raise Rejected("an install needs its work order")
    if entity == "onboarding_step" and not payload.get("customer_id"):
        raise Rejected("an onboarding step needs its customer")
    _require_in_team(conn, ctx, t.work_orders, payload.get("work_order_id"), "work order")
    _require_in_team(conn, ctx, t.customers, payload.get("customer_id"), "customer")
    if payload.get("supersedes") is not None:
        _require_in_team(conn, ctx, t.facts, payload["supersedes"], "superseded record", entity=entity)
    data = dict(payload) | {"id": fid}
    conn.execute(insert(t.facts).values(id=fid, entity=entity, team_id=ctx.team_id,
                                        work_order_id=payload.get("work_order_id"), data=dumps(data),
                                        op_id=op["op_id"], at=now))
    pending.add(ctx.team_id, entity, fid, data, ctx.device_id)
    return {"status": APPLIED}


def attachment_meta(conn: Connection, ctx: Context, op: dict[str, Any], payload: dict[str, Any],
                    now: str) -> dict[str, Any]:
    """This team declares an attachment (its own row: another team's claim never touches it)."""
    sha = str(payload.get("sha256") or op["entity_id"]).lower()
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise Rejected("not a sha256 hash", "field_format", {"field": "payload.sha256", "format": "sha256"})
    try:
        attachments.claim(conn, ctx.team_id, sha, int(payload["size"]), str(payload.get("mime") or ""),
                          str(payload.get("kind") or ""), now)
    except validate.Refusal as exc:
        raise Rejected(exc.reason, exc.code, exc.params) from None
    return {"status": APPLIED}
