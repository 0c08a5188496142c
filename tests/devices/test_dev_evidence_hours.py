"""The tamper evidence must not depend on the hour the check runs at (it failed after 17:00 UTC,
midnight in Vietnam, on 3/12/2026: the magnetic field 72 minutes after the cover was opened was
named instead of the cover). The simulated tamper meter's event log and load profile are built
for many 'now' values across a day and judged as a DLMS reading would read them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from fieldkit.devices.meter_log import LoadProfile, MeterEvent, consumption_change, meaning
from fieldkit.devices.simulator.dlms_profiles import INTERVAL, Objects, load_dlms

DAY = datetime(2026, 12, 3, tzinfo=UTC)
HOURS = sorted({(16, 59), (17, 0), (23, 59), (0, 0), (6, 59), (7, 0)}
               | {(h, m) for h in range(24) for m in (0, 15, 30, 45)})


def reading_at(now: datetime) -> tuple[list[MeterEvent], LoadProfile]:
    """What a default DLMS reading of the simulated dlms-tamper meter holds at `now`: every event,
    the profile a day either side of the cover opening and the last day."""
    meter = load_dlms("dlms-tamper")
    objects = Objects(meter, clock=lambda: now.timestamp())
    shift = meter.clock_offset
    events = []
    for days, code in meter.events:
        m = meaning(code)
        events.append(MeterEvent(objects.local(objects._ago(days) + shift), code, m.key, m.name, m.tamper))
    opened = objects._ago(max(d for d, c in meter.events if c == 44)) + shift
    latest = now.timestamp() + shift
    profile = LoadProfile(INTERVAL, [("1.29.0", "kWh"), ("3.29.0", "kvarh")])
    for index, wh in enumerate(objects.wh):
        end = objects.start + (index + 1) * INTERVAL + shift
        if opened - 86400 <= end <= opened + 86400 or latest - 86400 <= end <= latest:
            profile.rows.append((objects.local(end), [Decimal(wh) / 1000, Decimal(wh * 35 // 100) / 1000]))
    return events, profile


@pytest.mark.parametrize("second", [0, 7, 37])
def test_the_cover_is_named_at_every_hour(second: int) -> None:
    wrong = []
    for hour, minute in HOURS:
        now = DAY + timedelta(hours=hour, minutes=minute, seconds=second)
        events, profile = reading_at(now)
        found = consumption_change(events, profile)
        if found is None or found.event.key != "cover_open" or not Decimal("-0.7") < found.change < Decimal("-0.5"):
            wrong.append((f"{hour:02}:{minute:02}:{second:02}", found and found.event.key, found and found.change))
    assert not wrong, wrong


def shaped(first: datetime, drop_at: datetime, days: int = 3) -> LoadProfile:
    """kWh per 15 minutes with an evening peak (Vietnam time), 60 % less from `drop_at` on."""
    p = LoadProfile(INTERVAL, [("1.29.0", "kWh")])
    for i in range(days * 96):
        t = first + timedelta(minutes=15 * (i + 1))
        hour = (t.hour + 7) % 24
        value = Decimal("0.3") + Decimal("0.5") * (17 <= hour < 21)
        p.rows.append((t, [value * Decimal("0.4") if t > drop_at else value]))
    return p


def event(code: int, when: datetime) -> MeterEvent:
    m = meaning(code)
    return MeterEvent(when, code, m.key, m.name, m.tamper)


@pytest.mark.parametrize("at", [(16, 59), (17, 0), (23, 59), (0, 0), (10, 0), (12, 30)])
def test_the_event_the_drop_began_with_is_named(at: tuple[int, int]) -> None:
    opened = DAY + timedelta(hours=at[0], minutes=at[1])
    # the profile a day either side of the opening only (as a reading reads it): the magnetic
    # field's day after is cut short by 72 minutes
    profile = shaped(opened - timedelta(days=1), opened, days=2)
    events = [event(44, opened), event(45, opened + timedelta(minutes=9)), event(42, opened + timedelta(minutes=72))]
    found = consumption_change(events, profile)
    assert found is not None and found.event.key == "cover_open", found
    assert found.change == Decimal("-0.6")
    # the other order: the terminal cover opened 6 h before a magnet made the meter lose 60 %:
    # the magnet is named, the cover's change (a quarter of its day at the old level) is smaller
    magnet = opened + timedelta(hours=6)
    profile = shaped(opened - timedelta(days=1), magnet, days=3)
    found = consumption_change([event(40, opened), event(42, magnet)], profile)
    assert found is not None and found.event.key == "magnetic_field" and found.change == Decimal("-0.6"), found
    # no tamper event, or one after which nothing changed: no evidence
    assert consumption_change([event(40, opened)], shaped(opened - timedelta(days=1), opened + timedelta(days=9))) is None
    assert consumption_change([], profile) is None
