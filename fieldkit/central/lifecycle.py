"""The server's work-order state machine: `work_order/status|approve|return|reassign` operations,
checked against the one life-cycle table (fieldkit.domain.lifecycle) the laptops use too.

Called by fieldkit.central.apply for an operation whose author, schema and team were checked.
A refusal raises `validate.Refusal` with a specific reason code (`wo_transition`,
`wo_wrong_operation`, `wo_comment_required`, `wo_not_delivered`, `wo_assignee`,
`wo_assignee_kind`, `role_forbidden`, `unknown_record`); the caller turns it into the stored
answer. Every accepted move writes the new version (all versions are kept), the team's feed
row, and, when it was made on an older version, a conflict row for the supervisor.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from fieldkit.central import schema as t
from fieldkit.central.db import Pending, dumps
from fieldkit.central.validate import Refusal
from fieldkit.domain import lifecycle as lc
from fieldkit.domain.models import Role, WorkOrderKind, WorkOrderState

OPERATIONS = lc.OPERATIONS


@dataclass(frozen=True)
class Mover:
    """Who makes the move: the verified author and the device it came from."""

    user_id: str
    role: str
    team_id: str
    device_id: str


def _refuse(r: lc.Refusal) -> Refusal:
    return Refusal(r.code, **r.params)


def _move_of(op: dict[str, Any], payload: dict[str, Any]) -> lc.Move | None:
    """The move the operation asks for; None for a target no move leads to ("assigned")."""
    if str(op["action"]) == "reassign":
        return lc.BY_ACTION[lc.Action.REASSIGN]
    try:
        return lc.move_to(WorkOrderState(str(payload["state"])))  # the schema allows known states only
    except KeyError:
        return None


def transition(conn: Connection, pending: Pending, who: Mover, op: dict[str, Any], payload: dict[str, Any],
               now: str, missing_attachments: Callable[[Connection, str], list[str]]) -> dict[str, Any]:
    """Apply one life-cycle move; returns the operation's answer (`applied`, or `conflict` with the
    conflict's id for the caller to announce)."""
    wid = str(op["entity_id"])
    if str(payload.get("id", wid)) != wid:
        raise Refusal("id_mismatch")
    row = conn.execute(select(t.work_orders.c.team_id, t.work_orders.c.version, t.work_orders.c.data)
                       .where(t.work_orders.c.id == wid)).first()
    if row is None or row[0] != who.team_id:  # another team's answers as unknown: no existence leak
        raise Refusal("unknown_record", what="work order", id=wid)
    current_version = int(row[1])
    current: dict[str, Any] = json.loads(row[2])
    frm = WorkOrderState(current["state"])
    kind = WorkOrderKind(str(current.get("kind")))
    move = _move_of(op, payload)
    if move is None:
        raise Refusal("wo_transition", state=frm.value, action=str(op["action"]))
    refused = lc.refusal(kind, frm, move, who.role, operation=str(op["action"]))
    if refused is not None:
        raise _refuse(refused)
    comment = str(payload.get("comment") or "").strip()
    if move.needs_comment and not comment:
        raise Refusal("wo_comment_required")
    if move.needs_delivered:
        missing = missing_attachments(conn, wid)
        if missing:
            raise Refusal("wo_not_delivered", count=len(missing))
    new_version = current_version + 1
    data = current | {"version": new_version}
    values: dict[str, Any] = {}
    if move.target is not None:
        data["state"] = move.target.value
        values["state"] = move.target.value
    if move.action is lc.Action.RETURN:
        data["review_comment"] = comment
    if move.action is lc.Action.SUBMIT:
        data["submitted_at"] = now
        if payload.get("record_id"):
            data["submitted_record"] = _record(conn, who.team_id, kind, wid, str(payload["record_id"]))
    if move.action is lc.Action.REASSIGN:
        assignee = _assignee(conn, who.team_id, kind, str(payload["assignee_id"]))
        data["assignee_id"] = assignee
        values["assignee_id"] = assignee
    base = op.get("base_version")
    result: dict[str, Any] = {"status": "applied", "version": new_version}
    conflict = base is not None and int(base) != current_version
    if conflict and base is not None:
        what = move.target.value if move.target is not None else move.action.value
        detail = f"state change {what} made on version {base}, server had {current_version} ({frm.value})"
        cur = conn.execute(insert(t.conflicts).values(
            team_id=who.team_id, entity="work_order", entity_id=wid, op_id=op["op_id"], base_version=int(base),
            server_version=current_version, new_version=new_version, device_id=who.device_id,
            user_id=who.user_id, detail=detail, at=now))
        assert cur.inserted_primary_key is not None  # an INSERT's own key
        result = {"status": "conflict", "version": new_version, "conflict": int(cur.inserted_primary_key[0]),
                  "reason": detail}
    conn.execute(update(t.work_orders).where(t.work_orders.c.id == wid).values(
        version=new_version, data=dumps(data), updated_at=now, **values, **({"conflict": True} if conflict else {})))
    conn.execute(insert(t.work_order_versions).values(
        work_order_id=wid, version=new_version, base_version=None if base is None else int(base), data=dumps(data),
        op_id=op["op_id"], device_id=who.device_id, user_id=who.user_id, at=now))
    pending.add(who.team_id, "work_order", wid, data, who.device_id)
    return result


def _assignee(conn: Connection, team_id: str, kind: WorkOrderKind, user_id: str) -> str:
    """The new assignee: an active technician (or trainer, for the kinds trainers do) of the team.
    Another team's person answers like an unknown one."""
    row = conn.execute(select(t.users.c.role, t.users.c.team_id, t.users.c.active, t.users.c.username)
                       .where(t.users.c.id == user_id)).first()
    if row is None or row[1] != team_id or not row[2] or row[0] not in (Role.TECHNICIAN.value, Role.TRAINER.value):
        raise Refusal("wo_assignee", user=user_id)
    if Role(row[0]) not in lc.life(kind).workers:
        raise Refusal("wo_assignee_kind", user=str(row[3]), role=str(row[0]), kind=kind.value)
    return user_id


def _record(conn: Connection, team_id: str, kind: WorkOrderKind, wid: str, record_id: str) -> str:
    """The submitted record: a fact of this team, of the kind's completing entity, about this order
    (sent before the submission in the same push). Anything else answers as unknown: a submission
    whose record was refused stays unsubmitted, like the record."""
    row = conn.execute(select(t.facts.c.team_id, t.facts.c.entity, t.facts.c.work_order_id)
                       .where(t.facts.c.id == record_id)).first()
    if row is None or row[0] != team_id or row[1] != lc.life(kind).record or row[2] != wid:
        raise Refusal("unknown_record", what=lc.life(kind).record, id=record_id)
    return record_id
