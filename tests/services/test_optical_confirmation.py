"""A flagged optical reading (abnormal use, a wrong meter) is refused by the service without a
reason, whoever calls it: a hostile or careless caller that skips the reading screen's
confirmation card gets a ValidationError in Vietnamese and English, and nothing is written.
With a reason, the reason and the warnings' codes are stored with the reading."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from fieldkit.domain.models import RegisterValue
from fieldkit.domain.problems import ValidationError
from fieldkit.services import field_facts, manual_readings, quality_settings, readings
from fieldkit.services.readings import ReadingLimits
from tests.services.test_readings import NOW, PNG, capture_result, outbox, world


def _count(session, meter_id):
    return len(field_facts.readings_of_meter(session, meter_id))


def _refused(session, target, result, **kw):
    before = len(outbox(session))
    with pytest.raises(ValidationError) as err:
        readings.save_optical(session, target, result, NOW, **kw)
    assert len(outbox(session)) == before  # nothing written, no outbox entry
    assert [p.field for p in err.value.problems] == ["confirmation"]
    return err.value


def test_a_wrong_meter_read_is_refused_without_a_reason(session):
    _c, m, wo = world(session, serial="21060137")  # the order names another meter than the probe reads
    target = readings.target_for_work_order(session, wo.id)
    result = capture_result()
    assert [f.code for f in readings.needs_confirmation(readings.assess_result(target, result, taken_at=NOW))] \
        == ["serial_mismatch"]
    err = _refused(session, target, result)
    vi, en = err.messages("vi")[0], err.messages("en")[0]
    assert "19072245" in vi and "Ghi lý do vẫn lưu chỉ số này" in vi
    assert "Write why you save it anyway" in en
    for blank in ("", "  ", "\t\n", "ok", " x\n "):  # whitespace or under 3 characters is not a reason
        _refused(session, target, result, confirmation=blank)
    assert _count(session, m.id) == 3
    saved = readings.save_optical(session, target, result, NOW, confirmation="  Đã thay công tơ,\n phiếu cũ ")
    assert saved.manual_reason == "Đã thay công tơ, phiếu cũ [serial_mismatch]"
    stored = field_facts.readings_of_meter(session, m.id, limit=1)[0]
    assert stored.id == saved.id and stored.manual_reason == saved.manual_reason
    assert any(e == "reading" and p.get("manual_reason") == saved.manual_reason for e, _a, p in outbox(session))


def test_abnormal_use_is_refused_and_the_old_note_argument_is_gone(session):
    # 61,561 kWh now against about 400 kWh a month before: abnormal
    _c, m, wo = world(session, history=(50000, 50400, 50800))
    target = readings.target_for_work_order(session, wo.id)
    result = capture_result()
    err = _refused(session, target, result)
    assert "Write why" in err.messages("en")[0]
    # the reason can no longer be smuggled in as a ready-made note with its own codes
    with pytest.raises(TypeError):
        readings.save_optical(session, target, result, NOW, "x [high]")  # type: ignore[misc]
    long = "khách mở xưởng hàn " * 20
    saved = readings.save_optical(session, target, result, NOW, confirmation=long)
    assert len(saved.manual_reason) <= 200 and saved.manual_reason.endswith(" [high]")
    assert saved.manual_reason.startswith("khách mở xưởng hàn")
    assert _count(session, m.id) == 4


def test_a_normal_read_needs_no_reason_and_stores_none(session):
    _c, m, wo = world(session, history=(60300, 60700, 61100))
    target = readings.target_for_work_order(session, wo.id)
    saved = readings.save_optical(session, target, capture_result(), NOW)
    assert saved.manual_reason == "" and _count(session, m.id) == 4
    # the same index the next day: no use at all in an occupied house is abnormal too
    again = readings.target_for_work_order(session, wo.id)
    with pytest.raises(ValidationError):
        readings.save_optical(session, again, capture_result(), NOW + timedelta(days=1))
    zero = readings.save_optical(session, again, capture_result(), NOW + timedelta(days=1), confirmation="nhà đi vắng")
    assert zero.manual_reason == "nhà đi vắng [zero]"


def test_the_service_judges_with_the_supervisors_stored_limits(session, supervisor):
    # 461 kWh in 30 days against 400 usual: fine at 3x, abnormal when the supervisor's limit is 1.1x
    _c, _m, wo = world(session, history=(60300, 60700, 61100))
    target = readings.target_for_work_order(session, wo.id)
    quality_settings.change(supervisor, quality_settings.MULTIPLE_KEY, "1,1")
    _refused(session, target, capture_result())  # no limits passed: the stored ones, not the defaults
    saved = readings.save_optical(session, target, capture_result(), NOW, confirmation="mùa nóng")
    assert saved.manual_reason == "mùa nóng [high]"


LOOSE = (ReadingLimits(clock_minutes=1440, abnormal_multiple=Decimal(100)),  # the widest a setting allows
         ReadingLimits(abnormal_multiple=Decimal("1e9")), ReadingLimits(abnormal_multiple=Decimal("-1")))


@pytest.mark.parametrize("loose", LOOSE)
def test_a_caller_passing_looser_limits_than_the_supervisors_is_still_judged_by_the_stored_limits(
        session, supervisor, loose):
    _c, m, wo = world(session, history=(60300, 60700, 61100))
    target = readings.target_for_work_order(session, wo.id)
    quality_settings.change(supervisor, quality_settings.MULTIPLE_KEY, "1.1")
    # a screen that judged with the loose limits sees nothing to confirm ...
    assert readings.needs_confirmation(readings.assess_result(target, capture_result(), loose, NOW)) == [] \
        or loose.abnormal_multiple < 0
    # ... the optical save judges with the store's 1.1x and refuses it without a reason
    _refused(session, target, capture_result(), limits=loose)
    # the manual save too (every problem named at once: only the confirmation is missing)
    values = {"1.8.0": "61561"}
    before = len(outbox(session))
    with pytest.raises(ValidationError) as err:
        manual_readings.save_manual(session, target, values, "probe_failed", PNG, taken_at=NOW, limits=loose)
    assert [p.field for p in err.value.problems] == ["confirmation"] and len(outbox(session)) == before
    assert _count(session, m.id) == 3
    saved = manual_readings.save_manual(session, target, values, "probe_failed", PNG, taken_at=NOW, limits=loose,
                                        confirmation="mùa nóng, bật điều hoà")
    assert saved.manual_reason.endswith("[high]") and _count(session, m.id) == 4


def test_stricter_limits_from_a_caller_do_not_change_the_verdict_either(session):
    _c, _m, wo = world(session, history=(60300, 60700, 61100))
    target = readings.target_for_work_order(session, wo.id)
    strict = ReadingLimits(abnormal_multiple=Decimal("1.1"))  # the stored limit is the default 3x
    saved = readings.save_optical(session, target, capture_result(), NOW, limits=strict)
    assert saved.manual_reason == ""


def test_limits_changed_between_judging_and_writing_refuse_the_save(session, supervisor, monkeypatch):
    """The stored limits are read again in the save's own transaction: a change that lands between the
    verdict and the write (a sync, a supervisor on this laptop) refuses the save instead of slipping by."""
    _c, m, wo = world(session, history=(60300, 60700, 61100))
    target = readings.target_for_work_order(session, wo.id)
    judged = readings.stored_limits

    def judge_then_change(s, shown=None):
        used = judged(s, shown)
        quality_settings.change(supervisor, quality_settings.MULTIPLE_KEY, "1.1")
        return used

    monkeypatch.setattr(readings, "stored_limits", judge_then_change)
    before = len(outbox(session))
    with pytest.raises(ValidationError) as err:
        readings.save_optical(session, target, capture_result(), NOW)
    assert [p.field for p in err.value.problems] == ["limits"] and "Save again" in err.value.messages("en")[0]
    assert "lưu lại" in err.value.messages("vi")[0]
    assert len(outbox(session)) == before and _count(session, m.id) == 3


def test_a_result_edited_after_the_screen_judged_it_is_judged_again(session):
    """The service does not trust the caller's assessment: registers changed after the read are judged
    as they are saved (a caller cannot show a normal value and save an abnormal one)."""
    _c, _m, wo = world(session, history=(60300, 60700, 61100))
    target = readings.target_for_work_order(session, wo.id)
    result = capture_result()
    assert readings.needs_confirmation(readings.assess_result(target, result, taken_at=NOW)) == []
    registers = dict(result.registers)
    registers["1.8.0"] = (Decimal("99999.000"), "kWh")
    edited = replace(result, registers=registers)
    _refused(session, target, edited)


def test_manual_and_optical_share_one_rule(session):
    _c, _m, wo = world(session, serial="21060137")
    target = readings.target_for_work_order(session, wo.id)
    a = readings.assess(target, {"1.8.0": RegisterValue(Decimal(90000), "kWh")}, taken_at=NOW, serial="19072245")
    assert manual_readings.flagged(a) == [f.code for f in readings.needs_confirmation(a)] \
        == ["serial_mismatch", "high"]
