"""Residential tariff: worked examples computed by hand, data validation, properties."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.domain.tariff import (
    BillEstimate,
    TariffError,
    allocate_kwh,
    default_tariff,
    estimate_bill,
    is_one_month,
    load_tariff,
)


def _lines(bill: BillEstimate) -> list[list[tuple[int, int, int, int]]]:
    """(tier, kWh, price, amount) per part."""
    return [[(ln.tier, ln.kwh, ln.price, ln.amount) for ln in part.lines] for part in bill.parts]


# --- worked examples (figures computed by hand, not by the code under test) ------------------


def test_one_calendar_month_single_household() -> None:
    # 01/07/2025–31/07/2025: 31 days, one calendar month -> monthly limits unscaled
    # (50/100/200/300/400). Prices from 10/05/2025. 250 kWh:
    #   tier 1:  50 × 1,984 =  99,200
    #   tier 2:  50 × 2,050 = 102,500
    #   tier 3: 100 × 2,380 = 238,000
    #   tier 4:  50 × 2,998 = 149,900
    #   subtotal 589,600; VAT 8% = 47,168.00 -> 47,168; total 636,768
    bill = estimate_bill(Decimal(250), date(2025, 7, 1), date(2025, 7, 31))
    assert bill.days == 31 and bill.month_days == 31
    assert _lines(bill) == [
        [(1, 50, 1984, 99_200), (2, 50, 2050, 102_500), (3, 100, 2380, 238_000), (4, 50, 2998, 149_900)]
    ]
    assert (bill.subtotal, bill.vat, bill.total) == (589_600, 47_168, 636_768)


def test_two_households_on_one_meter() -> None:
    # 15/06/2025–14/07/2025: one month (30 days). 2 households -> limits 100/200/400/600/800.
    # 520 kWh:
    #   tier 1: 100 × 1,984 = 198,400
    #   tier 2: 100 × 2,050 = 205,000
    #   tier 3: 200 × 2,380 = 476,000
    #   tier 4: 120 × 2,998 = 359,760   (400 < kWh ≤ 520)
    #   subtotal 1,239,160; VAT 8% = 99,132.80 -> 99,133; total 1,338,293
    bill = estimate_bill(Decimal(520), date(2025, 6, 15), date(2025, 7, 14), households=2)
    assert bill.parts[0].limits == (100, 200, 400, 600, 800)
    assert _lines(bill) == [
        [(1, 100, 1984, 198_400), (2, 100, 2050, 205_000), (3, 200, 2380, 476_000), (4, 120, 2998, 359_760)]
    ]
    assert (bill.subtotal, bill.vat, bill.total) == (1_239_160, 99_133, 1_338_293)


def test_45_day_period_scales_limits() -> None:
    # 01/06/2025–15/07/2025: 30 + 15 = 45 days, not one month -> limits × 45/30 = 1.5:
    # 75/150/300/450/600. 500 kWh:
    #   tier 1:  75 × 1,984 = 148,800
    #   tier 2:  75 × 2,050 = 153,750
    #   tier 3: 150 × 2,380 = 357,000
    #   tier 4: 150 × 2,998 = 449,700
    #   tier 5:  50 × 3,350 = 167,500
    #   subtotal 1,276,750; VAT 8% = 102,140.00; total 1,378,890
    bill = estimate_bill(Decimal(500), date(2025, 6, 1), date(2025, 7, 15))
    assert bill.days == 45 and bill.month_days == 30
    assert bill.parts[0].limits == (75, 150, 300, 450, 600)
    assert _lines(bill) == [
        [
            (1, 75, 1984, 148_800),
            (2, 75, 2050, 153_750),
            (3, 150, 2380, 357_000),
            (4, 150, 2998, 449_700),
            (5, 50, 3350, 167_500),
        ]
    ]
    assert (bill.subtotal, bill.vat, bill.total) == (1_276_750, 102_140, 1_378_890)


def test_period_spanning_price_change_even_split() -> None:
    # 25/04/2025–24/05/2025: one month, 30 days. New prices from 10/05/2025.
    #   old price: 25/04–09/05 = 6 + 9 = 15 days; new price: 10/05–24/05 = 15 days.
    # 300 kWh -> old 300 × 15/30 = 150, new 150. Limits each part: × 15/30 -> 25/50/100/150/200.
    # Old part (prices from 11/10/2024):
    #   25 × 1,893 = 47,325; 25 × 1,956 = 48,900; 50 × 2,271 = 113,550; 50 × 2,860 = 143,000
    #   -> 352,775
    # New part (prices from 10/05/2025):
    #   25 × 1,984 = 49,600; 25 × 2,050 = 51,250; 50 × 2,380 = 119,000; 50 × 2,998 = 149,900
    #   -> 369,750
    # subtotal 722,525; VAT 8% = 57,802.00; total 780,327
    bill = estimate_bill(Decimal(300), date(2025, 4, 25), date(2025, 5, 24))
    assert [(p.start, p.end, p.days, p.kwh) for p in bill.parts] == [
        (date(2025, 4, 25), date(2025, 5, 9), 15, 150),
        (date(2025, 5, 10), date(2025, 5, 24), 15, 150),
    ]
    assert [p.schedule.effective_from for p in bill.parts] == [date(2024, 10, 11), date(2025, 5, 10)]
    assert bill.parts[0].limits == bill.parts[1].limits == (25, 50, 100, 150, 200)
    assert _lines(bill) == [
        [(1, 25, 1893, 47_325), (2, 25, 1956, 48_900), (3, 50, 2271, 113_550), (4, 50, 2860, 143_000)],
        [(1, 25, 1984, 49_600), (2, 25, 2050, 51_250), (3, 50, 2380, 119_000), (4, 50, 2998, 149_900)],
    ]
    assert [p.amount for p in bill.parts] == [352_775, 369_750]
    assert (bill.subtotal, bill.vat, bill.total) == (722_525, 57_802, 780_327)


def test_period_spanning_price_change_with_rounding() -> None:
    # 01/05/2025–31/05/2025: one calendar month, 31 days ("days of the month" = 31).
    #   old: 01/05–09/05 = 9 days; new: 10/05–31/05 = 22 days.
    # 200 kWh -> old 200 × 9/31 = 58.06 -> 58; new 200 - 58 = 142.
    # Old limits × 9/31: 14.52->15, 29.03->29, 58.06->58, 87.10->87, 116.13->116
    #   15 × 1,893 = 28,395; 14 × 1,956 = 27,384; 29 × 2,271 = 65,859 -> 121,638
    # New limits × 22/31: 35.48->35, 70.97->71, 141.94->142, 212.90->213, 283.87->284
    #   35 × 1,984 = 69,440; 36 × 2,050 = 73,800; 71 × 2,380 = 168,980 -> 312,220
    # subtotal 433,858; VAT 8% = 34,708.64 -> 34,709; total 468,567
    bill = estimate_bill(200, date(2025, 5, 1), date(2025, 5, 31))
    assert [(p.days, p.kwh) for p in bill.parts] == [(9, 58), (22, 142)]
    assert bill.parts[0].limits == (15, 29, 58, 87, 116)
    assert bill.parts[1].limits == (35, 71, 142, 213, 284)
    assert _lines(bill) == [
        [(1, 15, 1893, 28_395), (2, 14, 1956, 27_384), (3, 29, 2271, 65_859)],
        [(1, 35, 1984, 69_440), (2, 36, 2050, 73_800), (3, 71, 2380, 168_980)],
    ]
    assert (bill.subtotal, bill.vat, bill.total) == (433_858, 34_709, 468_567)


def test_vat_override_and_oldest_prices() -> None:
    # 01/12/2023–31/12/2023, prices from 09/11/2023, 80 kWh, VAT overridden to 10%:
    #   50 × 1,806 = 90,300; 30 × 1,866 = 55,980 -> 146,280; VAT 14,628; total 160,908
    bill = estimate_bill(80, date(2023, 12, 1), date(2023, 12, 31), vat_rate=Decimal("0.10"))
    assert _lines(bill) == [[(1, 50, 1806, 90_300), (2, 30, 1866, 55_980)]]
    assert (bill.subtotal, bill.vat, bill.total) == (146_280, 14_628, 160_908)
    assert bill.vat_rate == Decimal("0.10")


def test_zero_consumption() -> None:
    bill = estimate_bill(0, date(2025, 6, 1), date(2025, 6, 30))
    assert bill.lines == () and bill.total == 0


# --- rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 6, 15), date(2025, 7, 14), True),
        (date(2025, 7, 1), date(2025, 7, 31), True),
        (date(2025, 2, 1), date(2025, 2, 28), True),
        (date(2024, 12, 20), date(2025, 1, 19), True),
        (date(2025, 1, 31), date(2025, 2, 28), False),
        (date(2025, 6, 15), date(2025, 7, 15), False),
        (date(2025, 6, 1), date(2025, 7, 15), False),
    ],
)
def test_is_one_month(start: date, end: date, expected: bool) -> None:
    assert is_one_month(start, end) is expected


def test_allocate_kwh_cumulative_rounding() -> None:
    # 100 kWh over 1/1/1 days: 33.33 -> 33, 66.67 -> 67 (so 34), rest 33.
    assert allocate_kwh(100, [1, 1, 1]) == (33, 34, 33)
    assert allocate_kwh(5, [1, 1]) == (3, 2)  # 2.5 rounds half up (not to even)


@pytest.mark.parametrize(
    ("kwh", "households", "start", "end"),
    [
        (Decimal("10.5"), 1, date(2025, 6, 1), date(2025, 6, 30)),
        (-1, 1, date(2025, 6, 1), date(2025, 6, 30)),
        (10, 0, date(2025, 6, 1), date(2025, 6, 30)),
        (10, 1, date(2025, 6, 30), date(2025, 6, 1)),
    ],
)
def test_bad_arguments(kwh: Decimal | int, households: int, start: date, end: date) -> None:
    with pytest.raises(ValueError):
        estimate_bill(kwh, start, end, households=households)


def test_float_kwh_rejected() -> None:
    with pytest.raises(TypeError):
        estimate_bill(10.0, date(2025, 6, 1), date(2025, 6, 30))  # type: ignore[arg-type]


def test_period_before_first_schedule() -> None:
    with pytest.raises(TariffError, match="no price is known"):
        estimate_bill(100, date(2023, 11, 1), date(2023, 11, 30))


# --- data -----------------------------------------------------------------------------------


def test_bundled_tariff_matches_published_prices() -> None:
    tariff = load_tariff()
    assert tariff.tier_limits == (50, 100, 200, 300, 400, None)
    assert tariff.vat_rate == Decimal("0.08")
    assert [(s.effective_from, s.prices) for s in tariff.schedules] == [
        (date(2023, 11, 9), (1806, 1866, 2167, 2729, 3050, 3151)),
        (date(2024, 10, 11), (1893, 1956, 2271, 2860, 3197, 3302)),
        (date(2025, 5, 10), (1984, 2050, 2380, 2998, 3350, 3460)),
    ]


def _good() -> dict[str, object]:
    return {
        "format": 1,
        "name": "t",
        "vat_rate": "0.08",
        "tier_limits_kwh": [50, None],
        "schedules": [{"effective_from": "2025-01-01", "vnd_per_kwh": [1000, 2000]}],
    }


def test_custom_tariff_file(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(_good()), encoding="utf-8")
    tariff = load_tariff(path)
    # 60 kWh one month: 50 × 1,000 + 10 × 2,000 = 70,000; VAT 5,600; total 75,600
    bill = estimate_bill(60, date(2025, 3, 1), date(2025, 3, 31), tariff=tariff)
    assert (bill.subtotal, bill.vat, bill.total) == (70_000, 5_600, 75_600)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("name"), "missing field 'name'"),
        (lambda d: d.update(format=2), "unsupported format"),
        (lambda d: d.update(tier_limits_kwh=[50, 40, None]), "increasing"),
        (lambda d: d.update(tier_limits_kwh=[50, 100]), "open tier"),
        (lambda d: d.update(vat_rate="1.5"), "VAT rate"),
        (lambda d: d.update(vat_rate="eight"), "not a number"),
        (lambda d: d["schedules"][0].update(vnd_per_kwh=[1000]), "1 prices for 2 tiers"),
        (lambda d: d["schedules"][0].update(vnd_per_kwh=[1000, 1984.5]), "not a whole number"),
        (lambda d: d["schedules"][0].update(vnd_per_kwh=[1000, -5]), "positive"),
        (lambda d: d["schedules"][0].update(effective_from="2025-13-01"), "bad date"),
        (lambda d: d["schedules"].append(dict(d["schedules"][0])), "distinct dates"),
        (lambda d: d.update(schedules=[]), "no price schedule"),
    ],
)
def test_bad_tariff_data(tmp_path: Path, mutate: object, message: str) -> None:
    data = _good()
    mutate(data)  # type: ignore[operator]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TariffError, match=message) as info:
        load_tariff(path)
    assert str(path) in str(info.value)


def test_not_json_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(TariffError, match="not valid JSON"):
        load_tariff(bad)
    with pytest.raises(TariffError, match="cannot read"):
        load_tariff(tmp_path / "missing.json")


# --- properties -----------------------------------------------------------------------------

periods = st.tuples(
    st.dates(min_value=date(2023, 11, 9), max_value=date(2026, 12, 31)),
    st.integers(min_value=1, max_value=75),
).map(lambda t: (t[0], t[0] + timedelta(days=t[1] - 1)))


@settings(max_examples=300, deadline=None)
@given(period=periods, kwh=st.integers(0, 3000), households=st.integers(1, 6))
def test_lines_add_up(period: tuple[date, date], kwh: int, households: int) -> None:
    bill = estimate_bill(kwh, *period, households=households)
    assert sum(p.kwh for p in bill.parts) == kwh
    assert sum(line.kwh for line in bill.lines) == kwh
    assert sum(p.days for p in bill.parts) == bill.days
    assert all(line.amount == line.kwh * line.price for line in bill.lines)
    assert bill.subtotal == sum(line.amount for line in bill.lines)
    assert bill.total == bill.subtotal + bill.vat
    assert abs(Decimal(bill.vat) - Decimal(bill.subtotal) * bill.vat_rate) <= Decimal("0.5")
    for part in bill.parts:
        # tiers are filled in order: consecutive from tier 1, every tier but the last one full
        assert [line.tier for line in part.lines] == list(range(1, len(part.lines) + 1))
        for line in part.lines[:-1]:
            assert line.upper_kwh is not None and line.kwh == line.upper_kwh - line.lower_kwh
        for line in part.lines:
            assert line.price == part.schedule.prices[line.tier - 1]
            assert line.upper_kwh is None or line.kwh <= line.upper_kwh - line.lower_kwh


@settings(max_examples=300, deadline=None)
@given(period=periods, kwh=st.integers(0, 3000), extra=st.integers(1, 200), households=st.integers(1, 4))
def test_total_monotonic_in_kwh(period: tuple[date, date], kwh: int, extra: int, households: int) -> None:
    low = estimate_bill(kwh, *period, households=households)
    high = estimate_bill(kwh + extra, *period, households=households)
    assert high.subtotal > low.subtotal
    assert high.total >= low.total


@settings(max_examples=200, deadline=None)
@given(period=periods, kwh=st.integers(0, 3000))
def test_more_households_never_costs_more(period: tuple[date, date], kwh: int) -> None:
    one = estimate_bill(kwh, *period, households=1)
    two = estimate_bill(kwh, *period, households=2)
    assert two.subtotal <= one.subtotal


month_starts = st.integers(0, 18).map(lambda i: date(2025 + (5 + i) // 12, (5 + i) % 12 + 1, 1))


@settings(max_examples=200, deadline=None)
@given(start=month_starts, kwh=st.integers(0, 1500), households=st.integers(1, 5))
def test_households_scale_a_one_month_bill(start: date, kwh: int, households: int) -> None:
    # A calendar month under a single price (June 2025 onwards): limits are exact multiples,
    # so h households using h × kWh pay exactly h × the single-household subtotal.
    end = date(start.year + (start.month == 12), start.month % 12 + 1, 1) - timedelta(days=1)
    single = estimate_bill(kwh, start, end)
    shared = estimate_bill(kwh * households, start, end, households=households)
    assert len(shared.parts) == 1
    assert shared.subtotal == households * single.subtotal


@settings(max_examples=200, deadline=None)
@given(kwh=st.integers(0, 3000), vat=st.decimals(min_value=0, max_value=Decimal("0.2"), places=3))
def test_vat_override_rounds_half_up(kwh: int, vat: Decimal) -> None:
    bill = estimate_bill(kwh, date(2025, 6, 1), date(2025, 6, 30), vat_rate=vat)
    exact = Decimal(bill.subtotal) * vat
    assert bill.vat - Decimal("0.5") <= exact < bill.vat + Decimal("0.5")


def test_default_tariff_is_cached() -> None:
    assert default_tariff() is default_tariff()
