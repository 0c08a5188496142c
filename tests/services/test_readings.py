"""The reading use case on a real encrypted profile: choose, assess, save (optical with capture, manual)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from fieldkit.devices.reparse import parse_file_bytes
from fieldkit.domain.models import Address, ReadingSource, RegisterValue, WorkOrderKind
from fieldkit.domain.problems import ValidationError
from fieldkit.domain.tariff import estimate_bill
from fieldkit.services import customers, field_facts, manual_readings, meters, readings, work_orders
from fieldkit.services.customers import CustomerInput

TRANSCRIPTS = Path(__file__).resolve().parents[1] / "data" / "transcripts"
NOW = datetime(2026, 11, 23, 20, 43, tzinfo=UTC)  # 03:43 on 24/11 in Vietnam, the capture's meter clock
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def capture_result():
    return parse_file_bytes((TRANSCRIPTS / "three-phase-tou.capture.json").read_bytes())


def world(session, serial="19072245", households=2, history=(60300, 60700, 61100)):
    c = customers.create_customer(session, CustomerInput(
        code="PA23VG0053140", name="Nguyễn Văn A", phone="0912345678", households=households,
        address=Address(province_code=37, province="Ninh Bình", commune="Xã Gia Viễn", commune_code=14464,
                        street="Thôn Đông")))
    m = meters.register_meter(session, serial=serial, customer_id=c.id, phases=3, tariff_registers=3)
    for i, value in enumerate(history):
        field_facts.record_reading(
            session, meter_id=m.id, source=ReadingSource.OPTICAL, customer_id=c.id,
            taken_at=NOW - timedelta(days=30 * (len(history) - i)),
            registers={"1.8.0": RegisterValue(Decimal(value), "kWh")})
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id, meter_id=m.id,
                                       due_date=date(2026, 11, 24), number="R-0001")
    return c, m, wo


def outbox(session):
    with session.store.read() as conn:
        return [(e, a, json.loads(p)) for e, a, p in conn.execute(
            "SELECT entity, action, payload FROM outbox ORDER BY seq")]


def test_choices_list_open_reading_orders_then_matching_meters(session):
    c, m, wo = world(session)
    other = customers.create_customer(session, CustomerInput(code="PA23VG0000002", name="Lê Thị Bình"))
    m2 = meters.register_meter(session, serial="21060137", customer_id=other.id)
    listed = readings.choices(session)
    assert [(x.kind, x.id, x.serial) for x in listed] == [("work_order", wo.id, "19072245")]
    assert [(x.kind, x.id) for x in readings.choices(session, "2106")] == [("meter", m2.id)]
    found = readings.choices(session, "le thi")
    assert [(x.kind, x.id, x.customer_code) for x in found] == [("meter", m2.id, "PA23VG0000002")]
    # the meter of the open work order is listed once, as the work order
    assert [(x.kind, x.id) for x in readings.choices(session, "PA23VG0053140")] == [("work_order", wo.id)]


def test_assessment_of_a_real_capture(session):
    c, m, wo = world(session, serial="19072299")
    target = readings.target_for_work_order(session, wo.id)
    assert target.meter.id == m.id and target.customer.id == c.id and len(target.history) == 3
    assert target.expected_bytes == readings.TYPICAL_BYTES[3]  # never read through the probe before
    result = capture_result()
    a = readings.assess_result(target, result, taken_at=NOW)
    # registers stored: energy and demand of the current period only (no *1 billing periods, no volts)
    assert set(a.registers) == {"1.8.0", "1.8.1", "1.8.2", "1.8.3", "2.8.0", "3.8.0", "4.8.0",
                                "1.6.0", "1.6.1", "1.6.2", "1.6.3"}
    assert [r.obis for r in a.rows][:4] == ["1.8.0", "1.8.1", "1.8.2", "1.8.3"]
    total = a.rows[0]
    assert (total.value, total.unit, total.previous, total.consumption) == \
        (Decimal("61561.290"), "kWh", Decimal(61100), Decimal("461.290"))
    assert a.consumption == Decimal("461.290") and a.previous_at == NOW - timedelta(days=30)
    assert [f.code for f in a.findings] == ["serial_mismatch"]  # clock within 5 min, F.F zero, normal use
    # bill: 461 whole kWh from 25/10 (03:43 in Vietnam) to 23/11, the day before this reading; two households
    assert a.bill == estimate_bill(461, date(2026, 10, 25), date(2026, 11, 23), households=2)
    assert a.bill is not None and a.bill.total > 0 and a.bill_note is None


def test_clock_error_register_and_abnormal_use_with_configured_limits(session):
    _c, _m, wo = world(session, history=(60000, 60030, 60060))  # 1 kWh a day
    target = readings.target_for_work_order(session, wo.id)
    result = capture_result()
    late = NOW + timedelta(minutes=9)  # the meter clock is now 9 minutes behind
    a = readings.assess(target, readings.stored_registers(result), taken_at=late, serial=result.serial,
                        meter_clock=result.meter_clock, error_register="00000100")
    assert [f.code for f in a.findings] == ["clock", "error_register", "high"]
    assert "9 minutes behind" in a.findings[0].en and "chậm 9 phút" in a.findings[0].vi
    assert a.abnormal is not None and a.abnormal.code == "high" and len(a.warnings) == 2
    relaxed = readings.ReadingLimits.from_settings("10", "1000")
    b = readings.assess(target, readings.stored_registers(result), taken_at=late, serial=result.serial,
                        meter_clock=result.meter_clock, error_register="0", limits=relaxed)
    assert b.findings == []


def test_zero_and_negative_consumption(session):
    _c, m, wo = world(session)
    target = readings.target_for_meter(session, m.id)
    same = readings.assess(target, {"1.8.0": RegisterValue(Decimal(61100), "kWh")}, taken_at=NOW)
    assert [f.code for f in same.findings] == ["zero"] and same.bill is not None and same.bill.total == 0
    lower = readings.assess(target, {"1.8.0": RegisterValue(Decimal(61000), "kWh")}, taken_at=NOW)
    assert [f.code for f in lower.findings] == ["negative"] and lower.bill is None
    assert lower.bill_note is not None and "negative" in lower.bill_note.en


def test_first_reading_has_no_previous_and_no_estimate(session):
    _c, m, _wo = world(session, history=())
    target = readings.target_for_meter(session, m.id)
    a = readings.assess(target, {"1.8.0": RegisterValue(Decimal(5), "kWh")}, taken_at=NOW)
    assert a.previous_at is None and a.consumption is None and a.rows[0].previous is None
    assert a.findings == [] and a.bill is None and "No previous reading" in a.bill_note.en


def test_save_optical_keeps_the_capture_and_it_reparses_to_the_same_registers(session):
    c, m, wo = world(session)
    target = readings.target_for_work_order(session, wo.id)
    result = capture_result()
    saved = readings.save_optical(session, target, result)
    assert saved.source is ReadingSource.OPTICAL and saved.work_order_id == wo.id and saved.customer_id == c.id
    assert saved.capture_sha256 is not None
    again = parse_file_bytes(session.attachments.get(saved.capture_sha256))
    assert readings.stored_registers(again) == saved.registers
    stored = field_facts.readings_of_meter(session, m.id, limit=1)[0]
    assert stored.id == saved.id and stored.registers == saved.registers
    ops = outbox(session)
    assert ("reading", "append") in [(e, a) for e, a, _ in ops]
    assert any(e == "attachment" and p["sha256"] == saved.capture_sha256 and p["kind"] == "capture"
               for e, _a, p in ops)
    # the next read of this meter expects as many bytes as this capture received
    assert readings.target_for_meter(session, m.id).expected_bytes == len(result.capture.received())


def test_manual_entry_needs_numbers_reason_and_photo(session):
    _c, m, wo = world(session)
    target = readings.target_for_work_order(session, wo.id)
    assert manual_readings.manual_fields(target) == ["1.8.0", "1.8.1", "1.8.2", "1.8.3"]
    with pytest.raises(ValidationError) as err:
        manual_readings.save_manual(session, target, {"1.8.0": "61 2x0", "1.8.1": "-3"}, "", None)
    fields = [p.field for p in err.value.problems]
    assert fields == ["registers.1.8.0", "registers.1.8.1"]
    assert "không phải là một số" in err.value.messages("vi")[0] and "is not a number" in err.value.messages("en")[0]
    with pytest.raises(ValidationError) as err:
        manual_readings.save_manual(session, target, {"1.8.0": "61 234,5"}, " ", None)
    assert [p.field for p in err.value.problems] == ["manual_reason", "photo"]
    assert len(field_facts.readings_of_meter(session, m.id)) == 3  # nothing saved
    saved = manual_readings.save_manual(session, target, {"1.8.0": "61 234,5", "1.8.2": "11003"},
                                 "Đầu đọc không đọc được công tơ", PNG, "image/png")
    assert saved.source is ReadingSource.MANUAL and saved.photo_sha256 and saved.capture_sha256 is None
    assert saved.registers == {"1.8.0": RegisterValue(Decimal("61234.5"), "kWh"),
                               "1.8.2": RegisterValue(Decimal(11003), "kWh")}
    assert session.attachments.get(saved.photo_sha256) == PNG
    assert any(e == "attachment" and p["kind"] == "photo" for e, _a, p in outbox(session))


def test_single_rate_meter_asks_only_for_the_total(session):
    c = customers.create_customer(session, CustomerInput(code="PA23VG0000009", name="Đỗ Văn Cường"))
    m = meters.register_meter(session, serial="123", customer_id=c.id)
    target = readings.target_for_meter(session, m.id)
    assert manual_readings.manual_fields(target) == ["1.8.0"] and target.expected_bytes == readings.TYPICAL_BYTES[1]


def test_work_order_without_a_meter_is_explained(session):
    c = customers.create_customer(session, CustomerInput(code="PA23VG0000010", name="Vũ Thị Hà"))
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id, due_date=None)
    with pytest.raises(ValidationError) as err:
        readings.target_for_work_order(session, wo.id)
    assert "chưa ghi công tơ" in err.value.messages("vi")[0] and "names no meter" in err.value.messages("en")[0]


def test_limits_from_settings_fall_back_to_defaults():
    assert readings.ReadingLimits.from_settings(None, "") == readings.ReadingLimits(5, Decimal(3))
    assert readings.ReadingLimits.from_settings("7,5", "2.5x") == readings.ReadingLimits(7.5, Decimal("2.5"))
    assert readings.setting_problem("abc", "minutes") is not None
    assert readings.setting_problem("1", "multiple") is not None and readings.setting_problem("3", "multiple") is None
