from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from fieldkit.domain.models import Address, ReadingSource, RegisterValue, Role, WorkOrderKind
from fieldkit.domain.problems import ValidationError
from fieldkit.services import customers, field_facts, meters, status, work_orders
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.store.customers import CustomerQuery
from fieldkit.store.keyring import FAST_KDF


def _new(session, code="PA23LN0000007", name="Vũ Thị Hạnh"):
    return customers.create_customer(session, CustomerInput(code=code, name=name, phone="+84 988 111 222",
                                                            address=Address(province_code=37, province="Ninh Bình")))


def test_create_customer_normalises_and_queues(session):
    c = _new(session)
    assert c.phone == "0988111222" and c.version == 1
    assert customers.find_by_code(session, "pa23ln0000007") == c
    assert status.outbox_status(session).waiting == 1
    with pytest.raises(ValidationError) as e:
        _new(session)
    assert e.value.problems[0].code == "taken"


def test_bad_customer_is_refused_with_every_reason_and_nothing_written(session):
    with pytest.raises(ValidationError) as e:
        customers.create_customer(session, CustomerInput(code="PA23", name="", phone="123"))
    assert {p.field for p in e.value.problems} == {"code", "name", "phone"}
    assert "13 ký tự" in e.value.messages("vi")[0]
    assert status.outbox_status(session).waiting == 0


def test_update_customer_keeps_base_version(session):
    c = _new(session)
    c2 = customers.update_customer(session, c.id, phone="0912000111")
    assert c2.version == 2
    c3 = customers.update_customer(session, c.id, phone="0912000111")  # no change: nothing queued
    assert c3 == c2
    ops = session.store.query("SELECT action, base_version, json_extract(payload, '$.phone') FROM outbox "
                              "WHERE entity='customer' ORDER BY seq")
    assert ops == [("create", None, "0988111222"), ("update", 1, "0912000111")]
    audit = session.store.query("SELECT detail FROM audit WHERE entity='customer' AND action='update'")
    assert audit == [("phone",)]


def test_search_ignores_diacritics(session):
    for i, name in enumerate(["Nguyễn Văn A", "Nguyễn Văn Anh", "Nguyễn Thị Ánh", "Trần Văn An"]):
        customers.create_customer(session, CustomerInput(code=f"PA23LN000010{i}", name=name,
                                                         phone=f"09120000{i:02d}"))
    names = [c.name for c in customers.customer_page(session, CustomerQuery("nguyen van a"), 0, 10)]
    assert names == ["Nguyễn Văn A", "Nguyễn Văn Anh"]
    assert customers.count_customers(session, CustomerQuery("anh")) == 2  # Anh, Ánh
    assert customers.count_customers(session, CustomerQuery("PA23LN0000102")) == 1
    assert customers.count_customers(session, CustomerQuery("0912 0000")) == 4
    assert customers.count_customers(session, CustomerQuery("+84912000003")) == 1


def test_manual_reading_needs_reason_and_photo(session):
    c = _new(session)
    m = meters.register_meter(session, serial="CE-18-1", customer_id=c.id)
    regs = {"1.8.0": RegisterValue(Decimal("15.2"), "kWh")}
    with pytest.raises(ValidationError) as e:
        field_facts.record_reading(session, meter_id=m.id, registers=regs, source=ReadingSource.MANUAL)
    assert e.value.problems[0].field == "manual_reason"
    with pytest.raises(ValidationError) as e:
        field_facts.record_reading(session, meter_id=m.id, registers=regs, source=ReadingSource.MANUAL,
                                   manual_reason="cổng quang bị bẩn")
    assert e.value.problems[0].field == "photo"
    r = field_facts.record_reading(session, meter_id=m.id, registers=regs, source=ReadingSource.MANUAL,
                                   manual_reason="cổng quang bị bẩn", photo=b"\xff\xd8jpeg")
    assert session.attachments.get(r.photo_sha256) == b"\xff\xd8jpeg"
    neg = {"1.8.0": RegisterValue(Decimal("-1"), "kWh")}
    with pytest.raises(ValidationError):
        field_facts.record_reading(session, meter_id=m.id, registers=neg, source=ReadingSource.OPTICAL)


def test_install_and_onboarding_are_appended(session):
    c = _new(session)
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.METER_REPLACEMENT, customer_id=c.id,
                                       due_date=None)
    inst = field_facts.record_install(session, work_order_id=wo.id, installed_meter_serial="VSE11-9",
                                      removed_meter_serial="CE-18-1", data={"seal": "A123"},
                                      attachments=[(b"sig", "image/png", "signature")])
    assert inst.data["attachments"] and inst.customer_id == c.id
    s1 = field_facts.record_onboarding_step(session, customer_id=c.id, step="app", data={"registered": False})
    s2 = field_facts.record_onboarding_step(session, customer_id=c.id, step="app", data={"registered": True})
    assert s2.supersedes == s1.id
    entities = [r[0] for r in session.store.query("SELECT entity FROM outbox ORDER BY seq")]
    # the install record submits its order in the same transaction (the life cycle)
    assert entities == ["customer", "work_order", "attachment", "install", "work_order", "onboarding_step",
                        "onboarding_step"]


def test_login_and_users(session, profile_dir: Path):
    assert [u.username for u in sessions.profile_users(profile_dir)] == ["lan"]
    with pytest.raises(ValidationError) as e:
        sessions.login(profile_dir, "lan", "999999")
    assert e.value.messages("en") == ["Wrong PIN or password. Try again."]
    with pytest.raises(ValidationError):
        sessions.add_user(session, username="lan", display_name="dup", role=Role.TRAINER, secret="123789",
                          params=FAST_KDF)
    with pytest.raises(ValidationError):
        sessions.add_user(session, username="nga", display_name="Nga", role=Role.TRAINER, secret="1111",
                          params=FAST_KDF)
    # the failed add left no user row behind
    assert session.store.query("SELECT count(*) FROM users") == [(1,)]
    sessions.add_user(session, username="nga", display_name="Lê Thị Nga", role=Role.TRAINER, secret="314159",
                      params=FAST_KDF)
    other = sessions.login(profile_dir, "nga", "314159")
    assert other.role is Role.TRAINER and other.store.device_id == session.store.device_id
    other.close()
