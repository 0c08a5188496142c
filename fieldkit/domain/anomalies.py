"""Checks on a meter reading, as pure functions: the ONE place these rules live.

Each check returns ``None`` (nothing to say) or a :class:`Finding` with a stable ``code``
and a plain explanation in Vietnamese and English that a technician (and later a
supervisor) understands without knowing the rule.

Warnings about the visit (``kind == "warning"``):

- ``serial_mismatch``: the serial the meter sent is not the serial of the meter the work
  order (or the chosen meter) names. Serials are compared without spaces, case and
  leading zeros.
- ``clock``: the meter's clock differs from the laptop's clock by more than a limit
  (minutes, a setting; default 5).
- ``error_register``: the meter's error register (F.F) is not zero.

Abnormal consumption (``kind == "abnormal"``), from the main index (register 1.8.0, else
the sum of 1.8.1..1.8.3) and the earlier readings of the same meter:

- ``negative``: lower than the previous reading;
- ``zero``: the same as the previous reading, for an occupied household (a meter with a
  customer on it). An empty house may well use nothing, so it is not flagged;
- ``high``: consumption per day since the previous reading above ``multiple`` times
  (a setting; default 3) the average per day over the last three months before the
  previous reading. "The last three months" are the earlier readings taken within three
  months (92 days) before the previous one; when none is that recent, the latest older
  reading is used, so a meter read once a quarter still has an average. Periods shorter
  than a day count as one day. With no earlier interval, or an average of zero, a reading
  is never "high".

The first reading of a meter is never flagged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from fieldkit.domain.messages import Message, Texts, Worded
from fieldkit.domain.models import RegisterValue

_M = Texts("domain.anomalies")

DEFAULT_CLOCK_MINUTES = 5
DEFAULT_ABNORMAL_MULTIPLE = Decimal(3)
HISTORY_WINDOW = timedelta(days=92)  # "the last three months"

Series = Sequence[tuple[datetime, Decimal]]


@dataclass(frozen=True)
class Finding(Worded):
    code: str  # serial_mismatch, clock, error_register, negative, zero, high
    kind: str  # "warning" (about the visit) or "abnormal" (about the consumption)
    text: Message  # translated when shown (core_vi.ts); numbers in the language's format
    facts: dict[str, str] = field(default_factory=dict)  # the numbers behind the message, as text

    def message(self, lang: str = "vi") -> str:
        return self.text.text(lang)

    def words(self) -> Message:
        return self.text


def _num(value: Decimal, places: int = 3) -> Decimal:
    """A number rounded to ``places`` without trailing zeros (12.500 -> 12.5, 40.000 -> 40); a Message
    shows it in the language's format (vi 12,5; 31.051,463)."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize()
    return rounded if rounded != 0 else Decimal(0)


def main_index(registers: Mapping[str, RegisterValue]) -> Decimal | None:
    """The index used for consumption: total active energy 1.8.0, else the sum of the tariff registers."""
    if "1.8.0" in registers:
        return registers["1.8.0"].value
    parts = [registers[k].value for k in ("1.8.1", "1.8.2", "1.8.3") if k in registers]
    return sum(parts, Decimal(0)) if parts else None


def _normal_serial(serial: str) -> str:
    text = "".join(serial.split()).upper()
    return text.lstrip("0") or "0"


def check_serial(expected: str | None, read: str | None) -> Finding | None:
    if not expected or not expected.strip() or not read or not read.strip():
        return None
    if _normal_serial(expected) == _normal_serial(read):
        return None
    return Finding(
        "serial_mismatch", "warning",
_M("The meter says its serial is {read}, but the work order names meter {expected}. Check this is the "
           "customer's meter before saving.", read=read.strip(), expected=expected.strip()),
        {"expected": expected.strip(), "read": read.strip()},
    )


def check_clock(meter_clock: datetime | None, laptop_clock: datetime,
                limit_minutes: int | float = DEFAULT_CLOCK_MINUTES) -> Finding | None:
    """Both clocks as the same kind of time (both naive local time, or both aware)."""
    if meter_clock is None:
        return None
    diff = meter_clock - laptop_clock
    minutes = abs(diff.total_seconds()) / 60
    if minutes <= limit_minutes:
        return None
    shown = round(minutes)
    if minutes >= 120:
        amount = _M("{n} hours", n=_num(Decimal(str(round(minutes / 60, 1)))))
    else:
        amount = _M("{n} minutes", n=shown)
    ahead = diff.total_seconds() > 0
    limit = _num(Decimal(str(limit_minutes)))
    text = _M("The meter clock is {amount} ahead of the laptop clock (limit {limit} minutes). Report it so the meter "
              "clock is set; a wrong clock puts energy into the wrong time-of-use register.", amount=amount,
              limit=limit) if ahead else \
        _M("The meter clock is {amount} behind the laptop clock (limit {limit} minutes). Report it so the meter "
           "clock is set; a wrong clock puts energy into the wrong time-of-use register.", amount=amount, limit=limit)
    return Finding(
        "clock", "warning", text,
        {"minutes": str(shown), "meter": meter_clock.isoformat(), "laptop": laptop_clock.isoformat()},
    )


def check_error_register(value: str | None) -> Finding | None:
    if value is None:
        return None
    text = value.strip()
    if not text or all(ch in "0.-: " for ch in text):
        return None
    return Finding(
        "error_register", "warning",
_M("The meter reports an error (error register F.F = {code}). Note the code and report the meter for a "
           "check.", code=text),
        {"error_register": text},
    )


def _days(a: datetime, b: datetime) -> Decimal:
    return max(Decimal(str(round((b - a).total_seconds() / 86400, 6))), Decimal(1))


def baseline_per_day(previous: Series) -> Decimal | None:
    """Average consumption per day over the last three months before the latest of ``previous``
    (oldest first); None when there is no earlier interval."""
    if len(previous) < 2:
        return None
    last_t, last_v = previous[-1]
    earlier = list(previous[:-1])
    recent = [(t, v) for t, v in earlier if t >= last_t - HISTORY_WINDOW]
    start_t, start_v = recent[0] if recent else earlier[-1]
    return (last_v - start_v) / _days(start_t, last_t)


def abnormal_flag(previous: Series, current: tuple[datetime, Decimal],
                  multiple: Decimal = DEFAULT_ABNORMAL_MULTIPLE, occupied: bool = True) -> str | None:
    """"negative", "zero", "high" or None; see the module docstring. ``previous`` oldest first."""
    finding = check_consumption(previous, current, multiple, occupied)
    return finding.code if finding is not None else None


def check_consumption(previous: Series, current: tuple[datetime, Decimal],
                      multiple: Decimal = DEFAULT_ABNORMAL_MULTIPLE, occupied: bool = True) -> Finding | None:
    if not previous:
        return None
    last_t, last_v = previous[-1]
    now_t, now_v = current
    used = now_v - last_v
    if used < 0:
        return Finding(
            "negative", "abnormal",
_M("The new index ({now} kWh) is lower than the previous reading ({last} kWh): consumption is negative "
               "({used} kWh). Read again to be sure; if it is right, the meter may have been replaced, rolled over "
               "or tampered with.", now=_num(now_v), last=_num(last_v), used=_num(used)),
            {"consumption": str(used), "previous": str(last_v), "current": str(now_v)},
        )
    if used == 0:
        if not occupied:
            return None
        return Finding(
            "zero", "abnormal",
_M("No consumption since the previous reading ({now} kWh) although the household lives there. Ask the "
               "customer and check the meter runs (its LED blinks under load).", now=_num(now_v)),
            {"consumption": "0", "previous": str(last_v), "current": str(now_v)},
        )
    average = baseline_per_day(previous)
    if average is None or average <= 0:
        return None
    days = _days(last_t, now_t)
    per_day = used / days
    if per_day <= multiple * average:
        return None
    ratio = per_day / average
    return Finding(
        "high", "abnormal",
_M("Unusually high consumption: {used} kWh in {days} days ({per_day} kWh a day), {ratio} times the average "
           "of the last three months ({average} kWh a day; the limit is {multiple} times). Read again and ask the "
           "customer about new appliances.", used=_num(used), days=_num(days, 1), per_day=_num(per_day, 1),
           ratio=_num(ratio, 1), average=_num(average, 1), multiple=_num(multiple, 1)),
        {"consumption": str(used), "per_day": str(per_day), "average_per_day": str(average),
         "ratio": str(ratio), "days": str(days)},
    )
