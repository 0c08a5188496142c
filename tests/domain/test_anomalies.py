"""The reading checks (fieldkit.domain.anomalies): each rule, its edges, and its bilingual explanation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from fieldkit.domain import anomalies
from fieldkit.domain.models import RegisterValue

T0 = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def monthly(*values: int) -> list[tuple[datetime, Decimal]]:
    return [(T0 + timedelta(days=30 * i), Decimal(v)) for i, v in enumerate(values)]


def vietnamese(text: str) -> bool:
    return any(ch in text for ch in "ăâđêôơưạảấầẩậắằẳặẹẻẽếềểễệịọỏốồổộớờởợụủứừửữựỳỷỹ")


def test_serial_mismatch_names_both_serials_in_both_languages():
    f = anomalies.check_serial("19072299", "19072245")
    assert f is not None and f.code == "serial_mismatch" and f.kind == "warning"
    assert "19072245" in f.vi and "19072299" in f.vi and vietnamese(f.vi)
    assert "19072245" in f.en and "19072299" in f.en and "work order" in f.en
    assert f.message("en") == f.en and f.message("vi") == f.vi


def test_serial_comparison_ignores_spaces_case_and_leading_zeros():
    assert anomalies.check_serial("0019072245", "19072245") is None
    assert anomalies.check_serial(" ab 123 ", "AB123") is None
    assert anomalies.check_serial("", "19072245") is None  # nothing to compare with
    assert anomalies.check_serial("19072245", None) is None  # the meter sent no serial
    assert anomalies.check_serial("0", "00") is None


def test_clock_difference_above_the_limit_only():
    laptop = datetime(2026, 11, 24, 10, 0, 0)
    assert anomalies.check_clock(laptop + timedelta(minutes=5), laptop, 5) is None  # exactly the limit
    behind = anomalies.check_clock(laptop - timedelta(minutes=7, seconds=40), laptop, 5)
    assert behind is not None and behind.code == "clock" and behind.facts["minutes"] == "8"
    assert "chậm 8 phút" in behind.vi and "8 minutes behind" in behind.en and "limit 5 minutes" in behind.en
    ahead = anomalies.check_clock(laptop + timedelta(hours=3), laptop, 5)
    assert ahead is not None and "nhanh 3 giờ" in ahead.vi and "3 hours ahead" in ahead.en
    assert anomalies.check_clock(laptop + timedelta(minutes=20), laptop, 30) is None  # a wider limit
    assert anomalies.check_clock(None, laptop, 5) is None  # the meter has no clock register


def test_error_register():
    assert anomalies.check_error_register("00000000") is None
    assert anomalies.check_error_register(None) is None
    assert anomalies.check_error_register("") is None
    f = anomalies.check_error_register("00000010")
    assert f is not None and f.code == "error_register" and "00000010" in f.vi and "00000010" in f.en
    assert "báo đội" in f.vi and "report" in f.en


def test_first_reading_is_never_flagged():
    assert anomalies.check_consumption([], (T0, Decimal(5))) is None
    assert anomalies.abnormal_flag([], (T0, Decimal(0))) is None


def test_negative_consumption():
    f = anomalies.check_consumption(monthly(100, 190), (T0 + timedelta(days=60), Decimal("185.5")))
    assert f is not None and (f.code, f.kind) == ("negative", "abnormal")
    assert "-4.5 kWh" in f.en and "lower than the previous reading (190 kWh)" in f.en
    assert "thấp hơn lần đọc trước (190 kWh)" in f.vi and "âm" in f.vi


def test_zero_only_for_an_occupied_household():
    history = monthly(100, 190)
    now = (T0 + timedelta(days=60), Decimal(190))
    f = anomalies.check_consumption(history, now, occupied=True)
    assert f is not None and f.code == "zero" and "có người ở" in f.vi and "lives there" in f.en
    assert anomalies.check_consumption(history, now, occupied=False) is None


def test_high_against_the_last_three_months_average():
    history = monthly(0, 90, 180, 270)  # 3 kWh a day
    later = T0 + timedelta(days=120)
    assert anomalies.abnormal_flag(history, (later, Decimal(540))) is None  # 9 a day: exactly 3x is not above
    f = anomalies.check_consumption(history, (later, Decimal("540.1")))
    assert f is not None and f.code == "high"
    assert "270.1 kWh in 30 days" in f.en and "3 kWh a day" in f.en and "limit is 3 times" in f.en
    assert "gấp 3 lần trung bình ba tháng trước" in f.vi
    # a configurable multiple
    assert anomalies.abnormal_flag(history, (later, Decimal(400)), multiple=Decimal(1.2)) == "high"
    assert anomalies.abnormal_flag(history, (later, Decimal(400)), multiple=Decimal(2)) is None


def test_high_uses_per_day_consumption_and_short_periods_count_as_one_day():
    history = monthly(0, 90, 180, 270)
    assert anomalies.abnormal_flag(history, (T0 + timedelta(days=100), Decimal(361))) == "high"  # 91 in 10 days
    # read again an hour later: 5 kWh counts as 5 kWh in one day, not 120 kWh a day
    assert anomalies.abnormal_flag(history, (T0 + timedelta(days=90, hours=1), Decimal(275))) is None


def test_average_is_over_the_last_three_months_only():
    # a year ago the household used a lot; the last three months 1 kWh a day
    t = [T0, T0 + timedelta(days=270), T0 + timedelta(days=300), T0 + timedelta(days=330), T0 + timedelta(days=360)]
    history = list(zip(t, [Decimal(0), Decimal(9000), Decimal(9030), Decimal(9060), Decimal(9090)], strict=True))
    assert anomalies.baseline_per_day(history) == Decimal(1)
    assert anomalies.abnormal_flag(history, (t[-1] + timedelta(days=30), Decimal(9190))) == "high"


def test_quarterly_readings_still_have_an_average():
    history = [(T0, Decimal(0)), (T0 + timedelta(days=180), Decimal(360))]  # older than three months
    assert anomalies.baseline_per_day(history) == Decimal(2)
    assert anomalies.abnormal_flag(history, (T0 + timedelta(days=210), Decimal(600))) == "high"


def test_no_average_means_never_high():
    assert anomalies.abnormal_flag(monthly(0), (T0 + timedelta(days=30), Decimal(10_000))) is None
    assert anomalies.abnormal_flag(monthly(5, 5), (T0 + timedelta(days=60), Decimal(500))) is None  # average 0


def test_main_index():
    assert anomalies.main_index({"1.8.0": RegisterValue(Decimal(9)), "1.8.1": RegisterValue(Decimal(3))}) == 9
    assert anomalies.main_index({"1.8.1": RegisterValue(Decimal(3)), "1.8.2": RegisterValue(Decimal(4))}) == 7
    assert anomalies.main_index({"3.8.0": RegisterValue(Decimal(3))}) is None
