"""Residential electricity tariff and bill estimate.

The tariff is data (``resources/tariffs/residential.json``): cumulative tier limits in
kWh per household per month, and price schedules (VND/kWh before VAT, one price per
tier) each with the date it takes effect. :func:`estimate_bill` turns a reading
period and its consumption into per-part, per-tier lines, a subtotal, VAT and a total.

Conventions (our assumptions, written down so a bill can be checked by hand):

* **Period.** ``period_start`` and ``period_end`` are both *inclusive* days of
  consumption, as printed on a bill ("từ 25/04 đến 24/05" is 30 days).
* **One month.** A period is "one month" when ``period_end + 1 day`` is
  ``period_start`` moved one calendar month on (day clamped to the month's end):
  15/06–14/07, 01/07–31/07 and 01/02–28/02 are one month; 31/01–28/02 is not.
* **Days of the month** (the divisor when scaling tier limits): for a one-month period
  it is the number of days in that period (so the limits of a period with no price
  change are exactly the monthly limits, whether the month has 28 or 31 days); for
  any other period it is the tariff's ``standard_month_days`` (30).
* **Tier limits.** Each cumulative limit is ``monthly limit × households × days ÷ days
  of the month``, rounded half-up to a whole kWh. ``days`` is the whole period, or
  the part's days when the period is split by a price change.
* **Split by price change.** Consecutive days under the same price schedule form a
  part. kWh is allotted by cumulative rounding: the first *k* parts together get
  ``round_half_up(kWh × days of the first k parts ÷ days in period)``; the last part
  takes the remainder. With two parts this is exactly "kWh at the old price = period
  kWh × days at old price ÷ days in period, rounded half-up; the rest at the new
  price", and the parts always sum to the period's kWh.
* **kWh** must be a whole number (meter registers count whole kWh); this keeps every
  line amount a whole number of đồng and the total monotonic in kWh.
* **VND.** Line amount = kWh × price (exact, whole đồng). Subtotal = sum of lines.
  VAT = subtotal × VAT rate, rounded half-up to a whole đồng, once on the subtotal.
  Total = subtotal + VAT.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "BillEstimate",
    "BillPart",
    "PriceSchedule",
    "Tariff",
    "TariffError",
    "TierLine",
    "allocate_kwh",
    "default_tariff",
    "default_tariff_path",
    "estimate_bill",
    "is_one_month",
    "load_tariff",
    "parse_tariff",
    "scaled_limits",
]


class TariffError(ValueError):
    """The tariff data is malformed, or a bill cannot be estimated from it."""


@dataclass(frozen=True)
class PriceSchedule:
    """Prices (VND/kWh before VAT, one per tier) in force from ``effective_from``."""

    effective_from: date
    source: str
    prices: tuple[int, ...]


@dataclass(frozen=True)
class Tariff:
    """A tiered tariff: cumulative monthly limits per household and dated prices."""

    name: str
    tier_limits: tuple[int | None, ...]
    schedules: tuple[PriceSchedule, ...]
    vat_rate: Decimal
    standard_month_days: int = 30

    def __post_init__(self) -> None:
        limits = self.tier_limits
        if len(limits) < 1 or limits[-1] is not None:
            raise TariffError("tier limits must end with an open tier (null)")
        bounded = limits[:-1]
        previous = 0
        for limit in bounded:
            if limit is None or isinstance(limit, bool) or not isinstance(limit, int):
                raise TariffError(f"tier limit {limit!r} must be a whole number of kWh")
            if limit <= previous:
                raise TariffError(f"tier limits must be positive and increasing, got {list(bounded)}")
            previous = limit
        if not self.schedules:
            raise TariffError("the tariff has no price schedule")
        dates = [s.effective_from for s in self.schedules]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise TariffError("price schedules must have distinct dates in increasing order")
        for schedule in self.schedules:
            if len(schedule.prices) != len(limits):
                raise TariffError(
                    f"schedule from {schedule.effective_from.isoformat()} has {len(schedule.prices)} "
                    f"prices for {len(limits)} tiers"
                )
            for price in schedule.prices:
                if isinstance(price, bool) or not isinstance(price, int) or price <= 0:
                    raise TariffError(
                        f"schedule from {schedule.effective_from.isoformat()}: price {price!r} "
                        "must be a positive whole number of VND/kWh"
                    )
        _check_vat_rate(self.vat_rate)
        if isinstance(self.standard_month_days, bool) or not 28 <= self.standard_month_days <= 31:
            raise TariffError(f"standard_month_days must be 28..31, got {self.standard_month_days!r}")

    def schedule_on(self, day: date) -> PriceSchedule:
        """The price schedule in force on ``day``."""
        current: PriceSchedule | None = None
        for schedule in self.schedules:
            if schedule.effective_from <= day:
                current = schedule
            else:
                break
        if current is None:
            raise TariffError(
                f"no price is known for {day.isoformat()} "
                f"(the tariff starts on {self.schedules[0].effective_from.isoformat()})"
            )
        return current


@dataclass(frozen=True)
class TierLine:
    """Consumption billed in one tier of one part of the period."""

    tier: int  # 1-based
    lower_kwh: int  # the tier starts above this cumulative kWh
    upper_kwh: int | None  # cumulative limit, None for the open last tier
    kwh: int
    price: int  # VND/kWh before VAT
    amount: int  # VND before VAT


@dataclass(frozen=True)
class BillPart:
    """Days of the period under one price schedule."""

    start: date
    end: date
    days: int
    kwh: int
    schedule: PriceSchedule
    limits: tuple[int, ...]  # scaled cumulative tier limits for this part
    lines: tuple[TierLine, ...]  # tiers with consumption only

    @property
    def amount(self) -> int:
        return sum(line.amount for line in self.lines)


@dataclass(frozen=True)
class BillEstimate:
    kwh: int
    period_start: date
    period_end: date
    days: int
    month_days: int  # "days of the month" used to scale limits (see module docstring)
    households: int
    parts: tuple[BillPart, ...]
    subtotal: int  # VND before VAT
    vat_rate: Decimal
    vat: int
    total: int

    @property
    def lines(self) -> tuple[TierLine, ...]:
        return tuple(line for part in self.parts for line in part.lines)


# --- rules ---------------------------------------------------------------------------------


def _round_half_up(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def _add_one_month(day: date) -> date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    next_first = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    last_day = (next_first - timedelta(days=1)).day
    return date(year, month, min(day.day, last_day))


def is_one_month(period_start: date, period_end: date) -> bool:
    """True when the inclusive period covers exactly one calendar month (see module doc)."""
    return period_end + timedelta(days=1) == _add_one_month(period_start)


def scaled_limits(
    tier_limits: Sequence[int | None], households: int, days: int, month_days: int
) -> tuple[int, ...]:
    """Cumulative bounded tier limits × households × days ÷ month_days, rounded half-up."""
    result: list[int] = []
    for limit in tier_limits:
        if limit is None:
            continue
        result.append(_round_half_up(Decimal(limit * households * days) / Decimal(month_days)))
    return tuple(result)


def allocate_kwh(kwh: int, part_days: Sequence[int]) -> tuple[int, ...]:
    """Split whole ``kwh`` over parts in proportion to their days, by cumulative rounding."""
    total_days = sum(part_days)
    if total_days <= 0 or any(d <= 0 for d in part_days):
        raise ValueError("every part needs at least one day")
    shares: list[int] = []
    allotted = 0
    cumulative_days = 0
    for index, days in enumerate(part_days):
        cumulative_days += days
        if index == len(part_days) - 1:
            cumulative = kwh
        else:
            cumulative = _round_half_up(Decimal(kwh * cumulative_days) / Decimal(total_days))
        shares.append(cumulative - allotted)
        allotted = cumulative
    return tuple(shares)


def _fill_tiers(kwh: int, limits: Sequence[int], prices: Sequence[int]) -> tuple[TierLine, ...]:
    lines: list[TierLine] = []
    lower = 0
    remaining = kwh
    for index, price in enumerate(prices):
        upper: int | None = limits[index] if index < len(limits) else None
        width = remaining if upper is None else min(remaining, upper - lower)
        if width > 0:
            lines.append(TierLine(index + 1, lower, upper, width, price, width * price))
            remaining -= width
        if upper is None or remaining == 0:
            break
        lower = upper
    return tuple(lines)


def _split_by_schedule(tariff: Tariff, start: date, end: date) -> list[tuple[date, date, PriceSchedule]]:
    first = tariff.schedule_on(start)
    parts: list[tuple[date, date, PriceSchedule]] = []
    part_start, current = start, first
    for schedule in tariff.schedules:
        if start < schedule.effective_from <= end:
            parts.append((part_start, schedule.effective_from - timedelta(days=1), current))
            part_start, current = schedule.effective_from, schedule
    parts.append((part_start, end, current))
    return parts


def _check_vat_rate(rate: Any) -> Decimal:
    if not isinstance(rate, Decimal) or not rate.is_finite() or not Decimal(0) <= rate < Decimal(1):
        raise TariffError(f"VAT rate must be a Decimal in [0, 1), got {rate!r}")
    return rate


def _whole_kwh(kwh: Decimal | int) -> int:
    if isinstance(kwh, bool) or not isinstance(kwh, Decimal | int):
        raise TypeError(f"kWh must be a Decimal or int, got {type(kwh).__name__}")
    value = Decimal(kwh)
    if not value.is_finite() or value != value.to_integral_value() or value < 0:
        raise ValueError(f"kWh must be a whole, non-negative number, got {kwh}")
    return int(value)


def estimate_bill(
    kwh: Decimal | int,
    period_start: date,
    period_end: date,
    households: int = 1,
    tariff: Tariff | None = None,
    vat_rate: Decimal | None = None,
) -> BillEstimate:
    """Estimate a residential bill for ``kwh`` consumed from ``period_start`` to
    ``period_end`` (both inclusive). Rules and rounding: see the module docstring."""
    energy = _whole_kwh(kwh)
    if isinstance(households, bool) or not isinstance(households, int) or households < 1:
        raise ValueError(f"households must be a whole number ≥ 1, got {households!r}")
    if period_end < period_start:
        raise ValueError(f"period ends ({period_end}) before it starts ({period_start})")
    tariff = tariff if tariff is not None else default_tariff()
    rate = _check_vat_rate(vat_rate) if vat_rate is not None else tariff.vat_rate

    days = (period_end - period_start).days + 1
    month_days = days if is_one_month(period_start, period_end) else tariff.standard_month_days
    spans = _split_by_schedule(tariff, period_start, period_end)
    span_days = [(end - start).days + 1 for start, end, _ in spans]
    shares = allocate_kwh(energy, span_days)

    parts: list[BillPart] = []
    for (start, end, schedule), part_days, part_kwh in zip(spans, span_days, shares, strict=True):
        limits = scaled_limits(tariff.tier_limits, households, part_days, month_days)
        lines = _fill_tiers(part_kwh, limits, schedule.prices)
        parts.append(BillPart(start, end, part_days, part_kwh, schedule, limits, lines))

    subtotal = sum(part.amount for part in parts)
    vat = _round_half_up(Decimal(subtotal) * rate)
    return BillEstimate(
        kwh=energy,
        period_start=period_start,
        period_end=period_end,
        days=days,
        month_days=month_days,
        households=households,
        parts=tuple(parts),
        subtotal=subtotal,
        vat_rate=rate,
        vat=vat,
        total=subtotal + vat,
    )


# --- data ----------------------------------------------------------------------------------


def default_tariff_path() -> Path:
    """``resources/tariffs/residential.json`` in a source checkout or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return base / "resources" / "tariffs" / "residential.json"


def _require(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in obj:
        raise TariffError(f"{where}: missing field {key!r}")
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, kind):
        raise TariffError(f"{where}: field {key!r} has the wrong type ({type(value).__name__})")
    return value


def _whole(value: Any, where: str) -> int:
    if isinstance(value, bool):
        raise TariffError(f"{where}: {value!r} is not a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    raise TariffError(f"{where}: {value!r} is not a whole number")


def _parse_date(value: Any, where: str) -> date:
    if not isinstance(value, str):
        raise TariffError(f"{where}: effective_from must be an ISO date string")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise TariffError(f"{where}: bad date {value!r}") from exc


def parse_tariff(data: Any, where: str = "tariff") -> Tariff:
    """Build a :class:`Tariff` from decoded JSON (numbers decoded as int/Decimal)."""
    if not isinstance(data, dict):
        raise TariffError(f"{where}: expected a JSON object")
    if data.get("format") != 1:
        raise TariffError(f"{where}: unsupported format {data.get('format')!r} (expected 1)")
    name = _require(data, "name", str, where)
    raw_vat = _require(data, "vat_rate", (str, Decimal, int), where)
    try:
        vat_rate = Decimal(raw_vat)
    except InvalidOperation as exc:
        raise TariffError(f"{where}: vat_rate {raw_vat!r} is not a number") from exc
    month_days = _whole(data.get("standard_month_days", 30), f"{where}: standard_month_days")
    raw_limits = _require(data, "tier_limits_kwh", list, where)
    limits: list[int | None] = [
        None if v is None else _whole(v, f"{where}: tier_limits_kwh") for v in raw_limits
    ]
    raw_schedules = _require(data, "schedules", list, where)
    schedules: list[PriceSchedule] = []
    for index, raw in enumerate(raw_schedules):
        at = f"{where}: schedules[{index}]"
        if not isinstance(raw, dict):
            raise TariffError(f"{at}: expected an object")
        effective = _parse_date(_require(raw, "effective_from", str, at), at)
        source = raw.get("source", "")
        if not isinstance(source, str):
            raise TariffError(f"{at}: source must be a string")
        prices = tuple(_whole(p, f"{at}: vnd_per_kwh") for p in _require(raw, "vnd_per_kwh", list, at))
        schedules.append(PriceSchedule(effective, source, prices))
    schedules.sort(key=lambda s: s.effective_from)
    try:
        return Tariff(name, tuple(limits), tuple(schedules), vat_rate, month_days)
    except TariffError as exc:
        raise TariffError(f"{where}: {exc}") from exc


def _reject_constant(token: str) -> Any:
    raise TariffError(f"non-finite number {token} in tariff data")


def load_tariff(path: str | Path | None = None) -> Tariff:
    """Load a tariff JSON file (default: the bundled residential tariff)."""
    file = Path(path) if path is not None else default_tariff_path()
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise TariffError(f"cannot read tariff file {file}: {exc}") from exc
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise TariffError(f"{file}: not valid JSON ({exc})") from exc
    return parse_tariff(data, where=str(file))


@lru_cache(maxsize=1)
def default_tariff() -> Tariff:
    """The bundled residential tariff, loaded once."""
    return load_tariff()

