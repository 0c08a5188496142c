"""A DLMS reading's event log and load profile in their compact stored / synced form
(bounds in `domain.meter_memory`): events as [unix time | None, code], the profile as its
first column (active import) in whole Wh from a start time and a period. 2G-friendly: a day
of 15-minute intervals is about 700 bytes of JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fieldkit.devices.meter_log import LoadProfile, MeterEvent
from fieldkit.domain import meter_memory as bounds

_TO_WH = {"kWh": Decimal(1000), "Wh": Decimal(1), "kvarh": Decimal(1000), "varh": Decimal(1)}


def compact_events(events: list[MeterEvent]) -> tuple[tuple[int | None, int], ...]:
    out: list[tuple[int | None, int]] = []
    for e in events[-bounds.MAX_EVENTS:]:      # the newest when a meter sends more
        t = int(e.time.timestamp()) if e.time is not None else None
        if t is not None and not bounds.MIN_TIME <= t <= bounds.MAX_TIME:
            t = None
        out.append((t, max(0, min(e.code, bounds.MAX_CODE))))
    return tuple(out)


def compact_profile(profile: LoadProfile | None) -> dict[str, Any] | None:
    """None without a usable profile (no rows, no start time, odd period or unit)."""
    if profile is None or not profile.rows or not profile.columns or profile.rows[0][0] is None:
        return None
    if not bounds.MIN_PERIOD <= profile.period <= bounds.MAX_PERIOD:
        return None
    column = next((i for i, (_k, u) in enumerate(profile.columns) if u in ("kWh", "Wh")), 0)
    obis, unit = profile.columns[column]
    scale = _TO_WH.get(unit)
    if scale is None:
        return None
    start = int(profile.rows[0][0].timestamp())
    if not bounds.MIN_TIME <= start <= bounds.MAX_TIME:
        return None
    values: list[int | None] = []
    rows = profile.rows[: bounds.MAX_INTERVALS]
    expected = start
    for when, row in rows:
        if when is None or int(when.timestamp()) != expected:
            break                              # a gap or a clock jump: keep the regular part
        v = row[column]
        values.append(None if v is None or not 0 <= v * scale <= bounds.MAX_VALUE else int(v * scale))
        expected += profile.period
    return {"start": start, "period": profile.period, "obis": str(obis)[:32],
            "unit": "Wh" if unit in ("kWh", "Wh") else "varh", "values": values}
