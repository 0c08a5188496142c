"""Devices sync with the real server: round trip, conflicts, quarantine, review, revocation."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
import requests
from sqlalchemy import func, select

from fieldkit.central import admin
from fieldkit.central import schema as t
from fieldkit.domain.models import ReadingSource, RegisterValue, Role, WorkOrderState
from fieldkit.services import customers, field_facts, meters, sync, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.store.work_orders import WorkOrderQuery
from fieldkit.sync.client import Progress


def _customer(session, code="PA23LN0000101", name="Vũ Thị Hạnh", phone="0988111222"):
    return customers.create_customer(session, CustomerInput(code=code, name=name, phone=phone))


def test_round_trip_between_two_devices_of_a_team_and_none_for_another(make_device, central):
    a = make_device("a", "lan")
    b = make_device("b", "mai")
    other = make_device("c", "minh", team="T2")
    c = _customer(a)
    m = meters.register_meter(a, serial="VSE11-0001", customer_id=c.id)
    r = field_facts.record_reading(a, meter_id=m.id, customer_id=c.id, source=ReadingSource.OPTICAL,
                                   registers={"1.8.0": RegisterValue(Decimal("1234.5"), "kWh")})
    report = sync.sync_now(a)
    assert report.ok and report.applied == 3 and report.rejected == 0
    assert sync.status(a).waiting == 0 and sync.status(a).last_success

    assert sync.sync_now(b).ok
    assert customers.get_customer(b, c.id) == c
    assert meters.get_meter(b, m.id) == m
    assert [x.id for x in field_facts.readings_of_meter(b, m.id)] == [r.id]
    assert sync.sync_now(other).ok
    assert customers.get_customer(other, c.id) is None and meters.get_meter(other, m.id) is None
    with central.read() as conn:
        rows = conn.execute(select(t.audit.c.user_id, t.audit.c.device_id, t.audit.c.action)
                            .where(t.audit.c.entity_id == r.id)).all()
    assert len(rows) == 1 and rows[0][2] == "append" and rows[0][1] == a.store.get_meta("sync.device_id")


def test_same_customer_edited_offline_on_two_devices_keeps_both_and_flags_conflict(make_device, central, server):
    a = make_device("a", "lan")
    b = make_device("b", "mai")
    sup = make_device("s", "hung", role=Role.SUPERVISOR)
    c = _customer(a)
    assert sync.sync_now(a).ok and sync.sync_now(b).ok
    # Both offline: each changes the phone from the same version 1.
    customers.update_customer(a, c.id, phone="0912000001")
    customers.update_customer(b, c.id, phone="0912000002", name="Vũ Thị Hạnh (bà)")
    ra, rb = sync.sync_now(a), sync.sync_now(b)
    assert ra.ok and ra.conflicts == 0
    assert rb.ok and rb.conflicts == 1 and rb.rejected == 0  # kept, not dropped and not quarantined
    assert sync.quarantined(b) == []
    assert sync.sync_now(a).ok
    # Every version is on the server, in arrival order; the latest is what both devices show.
    token = sup.store.get_meta("sync.token")
    hdr = {"Authorization": f"Bearer {token}", "X-FK-User-Token": sync.user_token(sup)}
    detail = requests.get(f"{server.url}/v1/customers/{c.id}", headers=hdr, timeout=10).json()
    assert [v["data"]["phone"] for v in detail["versions"]] == ["0988111222", "0912000001", "0912000002"]
    assert detail["conflict"] is True and detail["version"] == 3
    got_a, got_b = customers.get_customer(a, c.id), customers.get_customer(b, c.id)
    assert got_a == got_b and got_a is not None and got_a.phone == "0912000002" and got_a.version == 3
    conflicts = requests.get(f"{server.url}/v1/conflicts", headers=hdr, timeout=10).json()
    assert len(conflicts) == 1 and conflicts[0]["entity_id"] == c.id and conflicts[0]["base_version"] == 1
    assert "phone" in conflicts[0]["detail"]
    # A technician may not list conflicts; the supervisor resolves it.
    tech = {"Authorization": f"Bearer {a.store.get_meta('sync.token')}", "X-FK-User-Token": sync.user_token(a)}
    assert requests.get(f"{server.url}/v1/conflicts", headers=tech, timeout=10).status_code == 403
    done = requests.post(f"{server.url}/v1/conflicts/{conflicts[0]['id']}/resolve", headers=hdr, timeout=10)
    assert done.status_code == 200 and done.json()["resolved_at"]
    assert requests.get(f"{server.url}/v1/conflicts", headers=hdr, timeout=10).json() == []


def test_rejected_operation_is_quarantined_with_reason_and_does_not_block(make_device):
    a = make_device("a", "lan")
    b = make_device("b", "mai")
    _customer(a, code="PA23LN0000202")
    assert sync.sync_now(a).ok
    dup = _customer(b, code="PA23LN0000202", name="Someone else")  # same code, made offline elsewhere
    c2 = _customer(b, code="PA23LN0000203")
    m = meters.register_meter(b, serial="S-1", customer_id=c2.id)
    field_facts.record_reading(b, meter_id=m.id, source=ReadingSource.OPTICAL,
                               registers={"1.8.0": RegisterValue(Decimal(5), "kWh")})
    report = sync.sync_now(b)
    assert report.ok and report.rejected == 1 and report.applied == 3
    q = sync.quarantined(b)
    assert [(x.entity, x.entity_id) for x in q] == [("customer", dup.id)]
    assert "already exists" in q[0].reason
    st = sync.status(b)
    assert st.quarantined == 1 and st.waiting == 0
    # Quarantined items are not sent again by themselves...
    assert sync.sync_now(b).pushed == 0
    # ...but can be queued again (here it is refused again, with the same reason).
    sync.retry_quarantined(b, q[0].seq)
    again = sync.sync_now(b)
    assert again.pushed == 1 and again.rejected == 1


def test_review_round_trip_returned_work_order_comes_back_with_comment(make_device, central, tmp_path):
    csv_text = ("number,kind,customer_code,customer_name,phone,street,commune,province,meter_serial,due_date,assignee\n"
                "WO-1,meter_replacement,PA23LN0000301,Đinh Văn Tú,0987000001,Xóm 3,Nhân Thịnh,Ninh Bình,"
                "VSE-77,2025-10-01,lan\n")
    assert admin.import_work_orders(central, csv_text, team_code="T1") == ["WO-1"]
    tech = make_device("a", "lan")
    sup = make_device("s", "hung", role=Role.SUPERVISOR)
    assert sync.sync_now(tech).ok
    mine = work_orders.list_work_orders(tech, WorkOrderQuery(assignee_id=tech.user_id))
    assert [w.number for w in mine] == ["WO-1"]  # the server's assignee is this device's user
    wo = mine[0]
    field_facts.record_install(tech, work_order_id=wo.id, installed_meter_serial="VSE-78", data={"seal": "A1"},
                               attachments=[(b"\xff\xd8photo" * 1000, "image/jpeg", "photo")])
    work_orders.submit_work_order(tech, wo.id)
    assert not sync.delivered(tech, wo.id)
    assert sync.sync_now(tech).ok
    assert sync.delivered(tech, wo.id)

    assert sync.sync_now(sup).ok
    assert work_orders.get_work_order(sup, wo.id).state is WorkOrderState.DONE
    work_orders.review_work_order(sup, wo.id, approve=False, comment="Ảnh niêm phong bị mờ, chụp lại.")
    assert sync.sync_now(sup).ok

    assert sync.sync_now(tech).ok
    back = work_orders.get_work_order(tech, wo.id)
    assert back.state is WorkOrderState.RETURNED and back.review_comment == "Ảnh niêm phong bị mờ, chụp lại."
    work_orders.submit_work_order(tech, wo.id)
    assert sync.sync_now(tech).ok and sync.sync_now(sup).ok
    work_orders.review_work_order(sup, wo.id, approve=True)
    r = sync.sync_now(sup)
    assert r.ok and r.applied == 1
    assert sync.sync_now(tech).ok
    assert work_orders.get_work_order(tech, wo.id).state is WorkOrderState.APPROVED


def test_revoked_device_is_refused_at_once(make_device, central):
    a = make_device("a", "lan")
    _customer(a)
    assert sync.sync_now(a).ok
    device_id = a.store.get_meta("sync.device_id")
    assert admin.revoke(central, device_id)
    _customer(a, code="PA23LN0000999")
    report = sync.sync_now(a)
    assert not report.ok and "revoked" in report.error
    st = sync.status(a)
    assert st.waiting == 1 and "revoked" in st.last_error
    with central.read() as conn:
        assert conn.execute(select(func.count()).select_from(t.customers)).scalar_one() == 1


def test_enrolment_code_works_once(make_device, central, server):
    a = make_device("a", "lan", enrolled=False, url=server.url)
    code = admin.enrol(central, "T1").code
    sync.enrol(a, code)
    b = make_device("b", "mai", enrolled=False, url=server.url)
    with pytest.raises(sync.SyncError, match="already used"):
        sync.enrol(b, code)
    assert sync.status(a).enrolled and not sync.status(b).enrolled


def test_progress_and_cancel_then_resume(make_device, add_readings):
    a = make_device("a", "lan")
    c = _customer(a)
    m = meters.register_meter(a, serial="S-9", customer_id=c.id)
    add_readings(a, m.id, 600)
    cancel = threading.Event()
    seen: list[Progress] = []

    def progress(p: Progress) -> None:
        seen.append(p)
        if p.phase == "push" and p.done > 0:
            cancel.set()

    report = sync.sync_now(a, progress, cancel)
    assert report.cancelled and not report.ok
    assert 0 < sync.status(a).waiting < 602
    assert any(p.bytes_sent > 0 for p in seen)
    report = sync.sync_now(a)
    assert report.ok and sync.status(a).waiting == 0


def test_clock_skew_is_measured_and_warned_about(make_device):
    a = make_device("a", "lan")
    assert sync.sync_now(a).ok
    st = sync.status(a)
    assert st.clock_skew_s is not None and abs(st.clock_skew_s) < 5 and not st.clock_warning
    assert sync.describe_skew(st.clock_skew_s) is None
    assert "7 minutes behind" in sync.describe_skew(420.0)
    assert "ahead of" in sync.describe_skew(-3600.0)


def test_reference_data_comes_down(make_device, central):
    a = make_device("a", "lan")
    admin.publish_reference(central, "tariff", "residential", {"tiers": [1984, 2050]})
    assert sync.sync_now(a).ok
    row = a.store.query_one("SELECT version, data FROM sync_reference WHERE kind = 'tariff'")
    assert row[0] == 1 and "1984" in row[1]


def test_approval_waits_for_attachments(make_device, central):
    admin.import_work_orders(central, "number,kind,customer_code,assignee\nWO-9,inspection,PA23LN0000401,lan\n",
                             team_code="T1")
    tech = make_device("a", "lan")
    sup = make_device("s", "hung", role=Role.SUPERVISOR)
    assert sync.sync_now(tech).ok
    wo = work_orders.list_work_orders(tech, WorkOrderQuery())[0]
    field_facts.record_install(tech, work_order_id=wo.id, installed_meter_serial="X", data={},
                               attachments=[(b"signature-bytes" * 100, "image/png", "signature")])
    work_orders.submit_work_order(tech, wo.id)
    # Push the operations but keep the attachment back (as if the upload had not got through).
    from fieldkit.sync.client import SyncEngine

    engine = SyncEngine(tech.store, tech.attachments, "lan", signer=tech.profile.signing_key)
    engine.push()
    assert sync.sync_now(sup).ok
    work_orders.review_work_order(sup, wo.id, approve=True)
    r = sync.sync_now(sup)
    assert r.rejected == 1 and "not delivered" in sync.quarantined(sup)[0].reason
