"""Conflicts: a late edit made from an older version, as the supervisor's devices receive it (both
sides from the version tables), and its resolution (once; through the change feed)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, and_, func, select, update

from fieldkit.central import people
from fieldkit.central import schema as t
from fieldkit.central.db import Pending
from fieldkit.central.operation import APPLIED, CUSTOMER_FIELDS, Actor, Context, Rejected
from fieldkit.domain.models import Role

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


def announce_conflict(conn: Connection, pending: Pending, conflict_id: int, origin_device: str) -> None:
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
