"""The reading checks' limits (clock difference, abnormal-use multiple) and how a typed limit is read.

Pure values, below both the store (which keeps the supervisor's and the server's limits,
`fieldkit.store.reading_limits`) and the services that judge a reading with them
(`services.readings`, `services.manual_readings`) or let a supervisor change them
(`services.quality_settings`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from fieldkit.domain import anomalies
from fieldkit.domain.messages import Message, Texts

# The texts kept their context when they moved here from services/readings.py (the catalogues have them).
_M = Texts("services.readings")


@dataclass(frozen=True)
class ReadingLimits:
    """The settings the checks use (Settings page: clock difference, abnormal multiple)."""

    clock_minutes: float = anomalies.DEFAULT_CLOCK_MINUTES
    abnormal_multiple: Decimal = anomalies.DEFAULT_ABNORMAL_MULTIPLE

    @classmethod
    def from_settings(cls, clock_minutes: Any, abnormal_multiple: Any) -> ReadingLimits:
        """Lenient: a missing or unreadable value falls back to its default (5 minutes, 3x)."""
        clock = setting_number(clock_minutes)
        multiple = setting_number(abnormal_multiple)
        return cls(
            float(clock) if clock is not None and clock >= 0 else float(anomalies.DEFAULT_CLOCK_MINUTES),
            multiple if multiple is not None and multiple > 0 else anomalies.DEFAULT_ABNORMAL_MULTIPLE,
        )


def setting_number(value: Any) -> Decimal | None:
    """A typed limit as a number ("7,5", "2.5x" read), or None."""
    try:
        number = Decimal(str(value).strip().replace(",", ".").rstrip("x×"))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def setting_problem(value: str, kind: str) -> Message | None:
    """Why a typed limit is not usable, or None; ``kind`` "minutes" or "multiple"."""
    number = setting_number(value) if value.strip() else None
    if kind == "minutes" and (number is None or number < 0 or number > 24 * 60):
        return _M("Type a number of minutes from 0 to 1440.")
    if kind == "multiple" and (number is None or number <= 1 or number > 100):
        return _M("Type a number above 1 (for example 3).")
    return None
