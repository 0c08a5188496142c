"""Conflicts flagged by the server reach the supervisor's device with both versions, and a
resolution made there travels up through the outbox (real server on loopback, real profiles)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from fieldkit.central import admin
from fieldkit.central import schema as t
from fieldkit.domain.models import Role, WorkOrderState
from fieldkit.domain.problems import ValidationError
from fieldkit.services import customers, review, sync, work_orders
from fieldkit.services.review import ReviewFilter
from fieldkit.store.work_orders import WorkOrderQuery
from fieldkit.sync.transport import Transport

CSV = ("number,kind,customer_code,customer_name,phone,street,commune,province,assignee\n"
       "WO-71,inspection,PA23LN0007101,Vũ Thị Hạnh,0988111222,Xóm 2,Nhân Thịnh,Ninh Bình,lan\n")


def _server_state(central):
    with central.read() as conn:
        conflicts = [dict(r) for r in conn.execute(select(t.conflicts).order_by(t.conflicts.c.id)).mappings()]
        n_changes = conn.execute(select(func.count()).select_from(t.changes)).scalar_one()
        n_ops = conn.execute(select(func.count()).select_from(t.ops)).scalar_one()
        flags = dict(conn.execute(select(t.customers.c.id, t.customers.c.conflict)).all())
    return conflicts, n_changes, n_ops, flags


def _stored_conflicts(session):
    return session.store.query("SELECT key, version, data, received_at FROM sync_reference WHERE kind = 'conflict' "
                               "ORDER BY key")


def test_customer_edited_on_two_devices_reaches_supervisor_side_by_side_and_resolution_travels_up(
        make_device, central, server):
    assert admin.import_work_orders(central, CSV, team_code="T1") == ["WO-71"]
    a = make_device("laptop-a", "lan")
    b = make_device("laptop-b", "mai")
    sup = make_device("laptop-s", "hung", role=Role.SUPERVISOR)
    assert sync.sync_now(a).ok and sync.sync_now(b).ok
    c = customers.find_by_code(a, "PA23LN0007101")
    assert c is not None and customers.get_customer(b, c.id) == c
    wo = work_orders.list_work_orders(a, WorkOrderQuery())[0]

    # Both technicians are offline and edit the same customer from version 1.
    customers.update_customer(a, c.id, phone="0912000001")
    customers.update_customer(b, c.id, phone="0912000002", name="Vũ Thị Hạnh (bà)")
    assert sync.sync_now(a).ok
    rb = sync.sync_now(b)
    assert rb.ok and rb.conflicts == 1

    # The supervisor has never pushed anything about it, yet sees the conflict after a pull.
    assert sync.sync_now(sup).ok
    [view] = review.open_conflicts(sup)
    assert view.entity == "customer" and view.entity_id == c.id and view.state == "open"
    assert view.base["phone"] == "0988111222"
    assert (view.earlier.username, view.earlier.who, view.earlier.device) == ("lan", "Trần Thị Lan", device_name(a))
    assert (view.later.username, view.later.who, view.later.device) == ("mai", "Nguyễn Thị Mai", device_name(b))
    assert view.earlier.device_id == a.store.get_meta("sync.device_id") != view.later.device_id
    assert view.earlier.changed == {"phone": "0912000001"}
    assert view.later.changed == {"phone": "0912000002", "name": "Vũ Thị Hạnh (bà)"}
    assert view.overlap == ["phone"] and view.fields == ["name", "phone"]
    assert view.earlier.at < view.later.at and view.earlier.device_time and view.later.device_time
    assert view.earlier.version == 2 and view.later.version == 3
    assert review.conflicts_for_customer(sup, c.id) == [view]
    assert review.conflicts_for_work_order(sup, wo.id) == [view]
    # The review queue flags the customer's work order, and its details carry the conflict.
    row = next(r for r in review.review_queue(sup, ReviewFilter(status="all")) if r.id == wo.id)
    assert row.flagged
    assert review.review_detail(sup, wo.id).conflicts == [view]

    # Pulling the same changes again (cursor reset) stores nothing new.
    before = _stored_conflicts(sup)
    sup.store.set_meta("sync.cursor", "0")
    assert sync.sync_now(sup).ok
    assert _stored_conflicts(sup) == before and len(before) == 1

    # A technician may not resolve it: the operation is refused and quarantined on their laptop.
    with pytest.raises(ValidationError, match="role"):
        review.resolve_conflict(a, view.id)
    with a.store.transaction(actor=a.user_id) as tx:
        tx.change("conflict", str(view.id), "resolve", {"id": view.id})
    ra = sync.sync_now(a)
    assert ra.rejected == 1 and "may not do conflict/resolve" in sync.quarantined(a)[0].reason

    # The supervisor resolves it offline: an outbox operation, shown as waiting until the sync.
    resolved_here = review.resolve_conflict(sup, view.id, "Gọi khách: số đúng là 0912000002")
    assert resolved_here.state == "waiting"
    assert sync.status(sup).waiting == 1
    with pytest.raises(ValidationError):
        review.resolve_conflict(sup, view.id)  # once is enough
    conflicts, _, _, flags = _server_state(central)
    assert conflicts[0]["resolved_at"] is None and flags[c.id] is True

    r = sync.sync_now(sup)
    assert r.ok and r.applied == 1
    conflicts, n_changes, n_ops, flags = _server_state(central)
    hung_id = admin_user_id(central, "hung")
    assert conflicts[0]["resolved_at"] and conflicts[0]["resolved_by"] == hung_id and flags[c.id] is False
    [after] = review.conflicts_for_customer(sup, c.id)
    assert after.state == "resolved" and after.resolved_by == "Phạm Văn Hùng"
    assert after.note == "Gọi khách: số đúng là 0912000002"
    assert review.open_conflicts(sup) == []
    assert not next(r for r in review.review_queue(sup, ReviewFilter(status="all")) if r.id == wo.id).flagged

    # Replaying the resolve operation (same id) changes nothing on the server.
    op = sup.store.query_one("SELECT op_id, entity_id, payload, device_time FROM outbox WHERE entity = 'conflict'")
    transport = Transport(server.url, sup.store.get_meta("sync.token"), "hung")
    try:
        again = transport.request("POST", "/v1/push", json_body={"ops": [
            {"op_id": op[0], "entity": "conflict", "entity_id": op[1], "action": "resolve",
             "payload": json.loads(op[2]), "device_time": op[3]}]}).body["results"][0]
    finally:
        transport.close()
    assert again["status"] == "applied" and again["replay"] is True
    assert _server_state(central) == (conflicts, n_changes, n_ops, flags)
    # Other devices of the team learn the resolution too; a second pull changes nothing here.
    assert sync.sync_now(b).ok
    stored_b = json.loads(_stored_conflicts(b)[0][2])
    assert stored_b["resolved_at"] == conflicts[0]["resolved_at"]
    before = _stored_conflicts(sup)
    assert sync.sync_now(sup).ok and _stored_conflicts(sup) == before


def device_name(session):
    """The name the server keeps for a device (the one it gave when enrolling)."""
    import socket

    return socket.gethostname()[:100]


def admin_user_id(central, username):
    with central.read() as conn:
        return conn.execute(select(t.users.c.id).where(t.users.c.username == username)).scalar_one()


def test_status_change_on_an_old_version_reaches_the_other_supervisor_laptop(make_device, central):
    admin.import_work_orders(central, "number,kind,customer_code,assignee\nWO-72,inspection,PA23LN0007201,lan\n",
                             team_code="T1")
    tech = make_device("laptop-a", "lan")
    office = make_device("laptop-s", "hung", role=Role.SUPERVISOR)
    field = make_device("laptop-s2", "hung", role=Role.SUPERVISOR)  # the supervisor's second laptop
    assert sync.sync_now(tech).ok
    wo = work_orders.list_work_orders(tech, WorkOrderQuery())[0]
    work_orders.start_work_order(tech, wo.id)
    work_orders.submit_work_order(tech, wo.id)
    assert sync.sync_now(tech).ok and sync.sync_now(office).ok and sync.sync_now(field).ok
    # The office laptop returns it; the technician fixes and resubmits...
    work_orders.review_work_order(office, wo.id, approve=False, comment="Thiếu ảnh niêm phong")
    assert sync.sync_now(office).ok and sync.sync_now(tech).ok
    work_orders.submit_work_order(tech, wo.id)
    assert sync.sync_now(tech).ok
    # ...while the field laptop, offline since, approves the version it saw (3).
    work_orders.review_work_order(field, wo.id, approve=True)
    r = sync.sync_now(field)
    assert r.ok and r.conflicts == 1
    assert work_orders.get_work_order(field, wo.id).state is WorkOrderState.APPROVED

    assert sync.sync_now(office).ok
    [view] = review.conflicts_for_work_order(office, wo.id)
    assert view.entity == "work_order" and view.label == "WO-72"
    assert view.base["state"] == "done" and view.earlier.data["state"] == "done"
    assert (view.earlier.version, view.later.version) == (5, 6)
    assert view.earlier.username == "lan" and view.earlier.device_id == tech.store.get_meta("sync.device_id")
    assert view.later.username == "hung" and view.later.device_id == field.store.get_meta("sync.device_id")
    assert view.later.changed == {"state": "approved"}
    # What the late approval did not see: returned on the office laptop, then resubmitted.
    assert [(s.version, s.username, s.device_id, s.changed) for s in view.between] == [
        (4, "hung", office.store.get_meta("sync.device_id"),
         {"state": "returned", "review_comment": "Thiếu ảnh niêm phong"}),
        (5, "lan", tech.store.get_meta("sync.device_id"), {"state": "done"})]
    assert view.state == "open"
    assert next(r for r in review.review_queue(office, ReviewFilter(status="all")) if r.id == wo.id).flagged
