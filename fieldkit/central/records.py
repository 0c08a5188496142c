"""Customers and work orders: records that change, each version kept (`*_versions`), a late edit
from an older version recorded as a conflict for the supervisor."""

from __future__ import annotations

import json
import os
from typing import Any

from sqlalchemy import Connection, and_, insert, select, update

from fieldkit.central import lifecycle, validate
from fieldkit.central import schema as t
from fieldkit.central.conflicts import announce_conflict
from fieldkit.central.db import Pending, dumps
from fieldkit.central.facts import missing_attachments
from fieldkit.central.operation import (
    APPLIED,
    CONFLICT,
    CUSTOMER_FIELDS,
    Actor,
    Context,
    Rejected,
    require_in_team,
    same_id,
)
from fieldkit.domain import codes
from fieldkit.domain.models import WorkOrderKind, WorkOrderState

PROVISIONAL_UNIT = os.environ.get("FIELDKIT_PROVISIONAL_UNIT", codes.DEFAULT_PROVISIONAL_UNIT).strip().upper()


# --- customers ---------------------------------------------------------------------------------

def customer_create(conn: Connection, pending: Pending, ctx: Context, actor: Actor, op: dict[str, Any],
                    payload: dict[str, Any], now: str) -> dict[str, Any]:
    cid = same_id(op, payload)
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
    cid = same_id(op, payload)
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
    if conflict and base is not None:
        overlap = sorted(k for k in edited if current.get(k) != base_data.get(k))
        detail = f"edited from version {base}, server had {current_version}; fields {','.join(sorted(edited))}"
        if overlap:
            detail += f"; both changed {','.join(overlap)}"
        cur = conn.execute(insert(t.conflicts).values(
            team_id=ctx.team_id, entity="customer", entity_id=cid, op_id=op["op_id"], base_version=int(base),
            server_version=current_version, new_version=new_version, device_id=ctx.device_id,
            user_id=actor.user_id, detail=detail, at=now))
        assert cur.inserted_primary_key is not None  # an INSERT's own key
        result = {"status": CONFLICT, "version": new_version, "conflict": int(cur.inserted_primary_key[0]),
                  "reason": detail}
    conn.execute(update(t.customers).where(t.customers.c.id == cid).values(
        version=new_version, data=dumps(data), updated_at=now, **({"conflict": True} if conflict else {})))
    conn.execute(insert(t.customer_versions).values(
        customer_id=cid, version=new_version, base_version=None if base is None else int(base), data=dumps(data),
        op_id=op["op_id"], device_id=ctx.device_id, user_id=actor.user_id, at=now))
    pending.add(ctx.team_id, "customer", cid, data, ctx.device_id)
    if conflict:
        announce_conflict(conn, pending, int(result["conflict"]), ctx.device_id)
    return result


# --- work orders --------------------------------------------------------------------------------

def work_order_create(conn: Connection, pending: Pending, ctx: Context, actor: Actor, op: dict[str, Any],
                      payload: dict[str, Any], now: str) -> dict[str, Any]:
    wid = same_id(op, payload)
    require_in_team(conn, ctx, t.customers, payload.get("customer_id"), "customer")
    require_in_team(conn, ctx, t.facts, payload.get("meter_id"), "meter", entity="meter")
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
        announce_conflict(conn, pending, int(result["conflict"]), ctx.device_id)
    return result

