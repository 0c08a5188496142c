"""Issue 13 item 5, checks everywhere: manual readings get the optical checks; the serials the
probe reads are compared with the typed and the expected ones; the reading checks' limits are
supervisor-only (or the server's), refused at the service whatever the screen shows."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from fieldkit.devices.result import ReadingResult
from fieldkit.domain.models import ReadingSource
from fieldkit.domain.problems import ValidationError
from fieldkit.domain.tariff import estimate_bill
from fieldkit.services import field_facts, manual_readings, quality_settings, readings
from fieldkit.services.install_check import check_serials, form_checks, work_order_serial
from tests.services.test_readings import NOW, PNG, world

# --- manual readings ------------------------------------------------------------------------------


def test_a_manual_reading_gets_consumption_checks_and_bill(session):
    _c, _m, wo = world(session)
    target = readings.target_for_work_order(session, wo.id)
    a = manual_readings.assess_manual(target, {"1.8.0": "61 500"}, taken_at=NOW)
    assert a.consumption == Decimal(400) and a.previous_index == Decimal(61100)
    assert a.findings == [] and manual_readings.flagged(a) == []
    # 400 whole kWh from the previous reading's day (25/10 in Vietnam) to the day before this one; two households
    assert a.bill == estimate_bill(400, date(2026, 10, 25), date(2026, 11, 23), households=2)
    high = manual_readings.assess_manual(target, {"1.8.0": "65000"}, taken_at=NOW)
    assert high.abnormal is not None and high.abnormal.code == "high" and manual_readings.flagged(high) == ["high"]
    back = manual_readings.assess_manual(target, {"1.8.0": "60000,5"}, taken_at=NOW)
    assert [f.code for f in back.findings] == ["negative"] and back.bill is None and back.bill_note is not None
    with pytest.raises(ValidationError):
        manual_readings.assess_manual(target, {"1.8.0": "6l500"}, taken_at=NOW)


def test_a_flagged_manual_reading_needs_a_confirmation_kept_with_its_flags(session):
    _c, m, wo = world(session)
    target = readings.target_for_work_order(session, wo.id)
    with pytest.raises(ValidationError) as err:
        manual_readings.save_manual(session, target, {"1.8.0": "65000"}, "Công tơ cơ", PNG, "image/png",
                                    taken_at=NOW)
    assert [p.field for p in err.value.problems] == ["confirmation"]
    assert "bất thường" in err.value.messages("vi")[0] or "cao" in err.value.messages("vi")[0]
    with pytest.raises(ValidationError):  # two spaces are not a reason
        manual_readings.save_manual(session, target, {"1.8.0": "65000"}, "Công tơ cơ", PNG, "image/png",
                                    taken_at=NOW, confirmation="  ")
    assert len(field_facts.readings_of_meter(session, m.id)) == 3  # nothing saved
    saved = manual_readings.save_manual(session, target, {"1.8.0": "65000"}, "Công tơ cơ " * 40, PNG,
                                        "image/png", taken_at=NOW, confirmation="khách mở xưởng hàn từ tháng 11")
    assert saved.source is ReadingSource.MANUAL and len(saved.manual_reason) <= 200  # the server keeps 200
    assert saved.manual_reason.endswith("· khách mở xưởng hàn từ tháng 11 [high]")
    # a normal manual reading needs no confirmation
    normal = manual_readings.save_manual(session, readings.target_for_work_order(session, wo.id),
                                         {"1.8.0": "65 400"}, "Công tơ cơ", PNG, "image/png",
                                         taken_at=NOW + timedelta(days=3))
    assert "[" not in normal.manual_reason


def test_manual_checks_use_the_supervisors_limit(session, supervisor):
    _c, _m, wo = world(session)
    target = readings.target_for_work_order(session, wo.id)
    values = {"1.8.0": "62 000"}  # 900 kWh in 30 days: 2.25 times the usual 400
    limits = quality_settings.reading_limits(session)
    assert manual_readings.flagged(manual_readings.assess_manual(target, values, limits, NOW)) == []
    quality_settings.change(supervisor, quality_settings.MULTIPLE_KEY, "2")
    limits = quality_settings.reading_limits(session)
    assert limits.abnormal_multiple == Decimal(2)
    assert manual_readings.flagged(manual_readings.assess_manual(target, values, limits, NOW)) == ["high"]


# --- supervisor-only limits -----------------------------------------------------------------------


def test_a_technician_cannot_change_the_limits(session, supervisor):
    key = quality_settings.MULTIPLE_KEY
    assert not quality_settings.may_change(session, key) and quality_settings.may_change(supervisor, key)
    audit_before = session.store.query("SELECT count(*) FROM audit")[0][0]
    for value in ("100", "", "3"):
        with pytest.raises(ValidationError) as err:
            quality_settings.change(session, key, value)
        assert err.value.problems[0].code == "forbidden"
        assert "tổ trưởng" in err.value.messages("vi")[0] and "supervisor" in err.value.messages("en")[0]
    assert quality_settings.value_of(session, key).source == "default"
    assert session.store.query("SELECT count(*) FROM audit")[0][0] == audit_before
    # settings.json (a plain file anyone can edit) does not count
    (session.profile.folder / "settings.json").write_text(json.dumps({key: "100"}), encoding="utf-8")
    assert quality_settings.reading_limits(session).abnormal_multiple == Decimal(3)


def test_a_supervisor_changes_them_with_an_audit_line_and_careless_values_are_refused(session, supervisor):
    key = quality_settings.MULTIPLE_KEY
    for bad in ("abc", "1", "0.5", "-3", "NaN", "1e999", "101", "3;DROP TABLE meta"):
        with pytest.raises(ValidationError):
            quality_settings.change(supervisor, key, bad)
    with pytest.raises(KeyError):
        quality_settings.change(supervisor, "server_url", "http://evil")
    got = quality_settings.change(supervisor, key, "4,5")
    assert got.source == "supervisor" and quality_settings.reading_limits(session).abnormal_multiple == Decimal("4.5")
    assert supervisor.store.query("SELECT detail FROM audit WHERE entity = 'setting' AND entity_id = ?",
                                  (key,)) == [(" -> 4,5",)]
    quality_settings.change(supervisor, quality_settings.CLOCK_KEY, "2")
    assert quality_settings.reading_limits(session).clock_minutes == 2.0
    assert quality_settings.change(supervisor, key, "").source == "default"  # back to the default
    assert quality_settings.reading_limits(session).abnormal_multiple == Decimal(3)


def test_the_servers_value_wins_and_nobody_changes_it_here(session, supervisor):
    key = quality_settings.MULTIPLE_KEY
    quality_settings.change(supervisor, key, "5")
    with session.store.transaction() as tx:  # as sync/apply.py stores a reference record
        tx.conn.execute("INSERT INTO sync_reference (kind, key, version, data, received_at) VALUES (?, ?, 1, ?, ?)",
                        ("settings", key, json.dumps({"value": 2.5}), tx.now))
    assert quality_settings.value_of(session, key) == quality_settings.GuardedValue(key, "2.5", "server")
    assert quality_settings.reading_limits(session).abnormal_multiple == Decimal("2.5")
    assert not quality_settings.may_change(supervisor, key)
    with pytest.raises(ValidationError) as err:
        quality_settings.change(supervisor, key, "9")
    assert err.value.problems[0].code == "server"
    # a broken server value falls back (never loosens to something unusable)
    with session.store.transaction() as tx:
        tx.conn.execute("UPDATE sync_reference SET data = ? WHERE kind = 'settings' AND key = ?", ('"0.1"', key))
    assert quality_settings.value_of(session, key).source == "supervisor"


# --- serials ------------------------------------------------------------------------------------


def _result(serial: str) -> ReadingResult:
    return ReadingResult(identification="/FKT5FK3P-TOU", manufacturer="FKT", serial=serial, meter_clock=None,
                         error_register=None, registers={})


def _reading(serial: str) -> dict[str, str]:
    return {"BT": "10", "CD": "2", "TD": "3", "source": "optical", "serial": serial}


def test_probe_serials_against_typed_and_expected():
    values = {"removed_serial": "OLD-7788", "removed_reading": _reading("old 7788"),
              "installed_serial": "VSN2025000123", "installed_reading": _reading("0VSN2025000123")}
    assert check_serials(values, expected_removed="OLD7788") == []  # spaces, case, leading zeros ignored
    wrong = dict(values, installed_reading=_reading("VSN2025000999"))
    found = check_serials(wrong)
    assert [(m.field, m.meter, m.form) for m in found] == [("installed_serial", "VSN2025000999", "VSN2025000123")]
    assert "VSN2025000999" in found[0].vi and "the form says VSN2025000123" in found[0].en
    other = check_serials(values, expected_removed="OLD-1111")
    assert [(m.field, m.meter, m.form) for m in other] == [("removed_expected", "OLD-7788", "OLD-1111")]
    # nothing typed: the probe's serial is compared with the expected one
    assert [m.field for m in check_serials({"installed_reading": _reading("X1")}, expected_installed="X2")] \
        == ["installed_expected"]
    assert check_serials({}) == [] and check_serials({"removed_reading": "garbage"}) == []


def test_a_read_of_the_removed_meter_is_not_checked_as_the_installed_one():
    values = {"removed_serial": "OLD-7788", "removed_reading": _reading("OLD-7788"), "installed_serial": "NEW-1"}
    result = _result("OLD-7788")
    assert form_checks(values, result, kind="meter_replacement", work_order_serial="OLD-7788") == []
    other = _result("NEW-2")
    assert [m.field for m in form_checks(values, other, kind="meter_replacement")] == ["installed_serial"]
    assert [m.field for m in form_checks({"installed_serial": "NEW-1"}, None, kind="meter_install",
                                         work_order_serial="NEW-9")] == ["installed_expected"]


def test_the_work_orders_serial(session):
    _c, _m, wo = world(session)
    assert work_order_serial(session, wo.id) == "19072245" and work_order_serial(session, "nope") == ""
