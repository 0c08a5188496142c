"""A meter clock moved forward that the event log does not state (devices.profile_forward).

The profile's time jumps ahead: either the meter was off (a real outage, the intervals never existed) or its
clock was set forward (the intervals continued, consumption with them, every later row carries the new
clock). A set forward must be undone as a logged clock set is, so the cover opening is named with its 60 %;
where the profile cannot tell the two apart (a step of a whole day: the day's shape is the same either way)
the technician reads "unclear" with the reason -- never a wrong event, never a wrong figure. A real outage
stays a gap. The shapes are those of test_dev_evidence_clock.py (2 days of 15-minute energy, evening peak
in Vietnam time, 60 % less from the cover opening at OPENED)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from fieldkit.devices import profile_forward
from fieldkit.devices.meter_log import (
    FORWARD_OR_GAP,
    LoadProfile,
    MeterEvent,
    consumption_change,
    consumption_check,
    meaning,
)
from fieldkit.devices.profile_clock import timeline
from fieldkit.domain.models import Meter
from fieldkit.services.readings import Target, evidence_findings
from tests.devices.test_dev_evidence_clock import MINUTE, OPENED, event, reading, true_rows

HOUR, DAY = timedelta(hours=1), timedelta(days=1)
REASONS = {"clock_moved", "time_ambiguous", FORWARD_OR_GAP}


def unlogged(moves: list[tuple[datetime, timedelta]], cut: tuple[datetime, datetime] | None = None,
             power: bool = False) -> tuple[list[MeterEvent], LoadProfile]:
    """What the meter wrote when its clock was moved by each (true moment, jump) and the log lost the clock
    sets; `cut`: a real outage (no rows in it), its power down / up logged when `power`."""

    def clock(t: datetime) -> datetime:
        return t + sum((jump for at, jump in moves if t > at), timedelta(0))

    happened = [(OPENED, 44), (OPENED + 9 * MINUTE, 45), (OPENED + 72 * MINUTE, 42)]
    if cut is not None and power:
        happened += [(cut[0], 1), (cut[1], 2)]
    events = [event(code, clock(t)) for t, code in sorted(happened)]
    profile = LoadProfile(900, [("1.29.0", "kWh"), ("3.29.0", "kvarh")])
    for t, value in true_rows():
        if cut is None or not cut[0] < t <= cut[1]:
            profile.rows.append((clock(t), [value, Decimal("0.1")]))
    return events, profile


def named(events: list[MeterEvent], profile: LoadProfile) -> tuple[str, Decimal] | None:
    found = consumption_check(events, profile).evidence
    assert found == consumption_change(events, profile)
    return None if found is None else (found.event.key, found.change)


@pytest.mark.parametrize("hours", [6, -6])
def test_clock_set_forward_7_minutes_unlogged_still_names_the_cover(hours: int) -> None:
    events, profile = unlogged([(OPENED + hours * HOUR, 7 * MINUTE)])
    assert named(events, profile) == ("cover_open", Decimal("-0.6"))


@pytest.mark.parametrize("hours", [6, -6, 12])
def test_clock_set_forward_an_hour_unlogged_is_undone_like_a_logged_set(hours: int) -> None:
    """+1 h the log does not state: read by the day's shape as a clock set, undone; the answer is the
    logged set's (the cover, 60 %), not the misaligned gap's."""
    moved = OPENED + hours * HOUR
    logged, profile = reading(moved, HOUR)
    assert named(logged, profile) == ("cover_open", Decimal("-0.6"))
    told = [e for e in logged if e.code not in (4, 5)]
    assert named(told, profile) == ("cover_open", Decimal("-0.6"))
    # the time line is one block again, every row one period after the previous
    energy = [(t, v[0]) for t, v in profile.rows if t is not None and v[0] is not None]
    line = timeline(energy, 900, [(e.time, e.code) for e in told])
    assert line.moved and line.unsure == 0 and len(line.blocks) == 1
    times = line.blocks[0].times
    assert all(b - a == timedelta(minutes=15) for a, b in zip(times, times[1:], strict=False))
    # the cover (logged before the step when hours > 0) now reads on the new clock
    cover = next(i for i, e in enumerate(told) if e.key == "cover_open")
    assert line.event_times[cover] == OPENED + HOUR


def test_clock_set_forward_a_day_unlogged_is_unclear_with_the_reason() -> None:
    """+1 day the log does not state, 6 h after the opening: a gap of a day and a clock a day ahead look the
    same to the day's shape. Read as a gap the cover has too few hours after it; read as a set it falls
    60 %: nothing is named, the technician reads why (in Vietnamese and English)."""
    logged, profile = reading(OPENED + 6 * HOUR, DAY)
    assert named(logged, profile) == ("cover_open", Decimal("-0.6"))     # the log states it: undone
    told = [e for e in logged if e.code not in (4, 5)]
    check = consumption_check(told, profile)
    assert check.evidence is None
    cover = next(u for u in check.unclear if u.event.key == "cover_open")
    assert cover.reason == FORWARD_OR_GAP
    target = Target(Meter("m1", "23110046"), None, None, ())
    findings = {f.code: f for f in evidence_findings(target, told, profile)}
    assert "tamper_consumption" not in findings
    unclear = findings["tamper_consumption_unclear"]
    assert unclear.kind == "warning" and unclear.facts["reason"] == FORWARD_OR_GAP
    assert unclear.en == ("The meter's load profile jumps ahead around the event “Meter cover removed” (03/12 at "
                          "17:30): a power cut or the meter's clock set forward without a log entry; consumption "
                          "before and after it cannot be compared.")
    assert unclear.vi == ("Biểu đồ phụ tải của công tơ nhảy thời gian quanh sự kiện “Mở nắp công tơ” (17:30 ngày "
                          "03/12): do mất điện hoặc đồng hồ công tơ bị chỉnh nhanh mà nhật ký không ghi; không so "
                          "sánh được điện năng tiêu thụ trước và sau sự kiện.")


@pytest.mark.parametrize("hours", [6, -6, -9])
def test_clock_set_forward_then_back_unlogged_names_the_cover(hours: int) -> None:
    """+1 h, then 3 h later back by the same hour, neither logged: the back step is the one unstated set
    back, the forward step a set: the whole profile on one clock again."""
    start = OPENED + hours * HOUR
    events, profile = unlogged([(start, HOUR), (start + 3 * HOUR, -HOUR)])
    assert named(events, profile) == ("cover_open", Decimal("-0.6"))


def outage(hours: tuple[int, int], power: bool) -> tuple[list[MeterEvent], LoadProfile, list[datetime]]:
    events, profile = unlogged([], cut=(OPENED + hours[0] * HOUR, OPENED + hours[1] * HOUR), power=power)
    energy = [(t, v[0]) for t, v in profile.rows if t is not None and v[0] is not None]
    line = timeline(energy, 900, [(e.time, e.code) for e in events])
    if power or hours[0] > 0:
        assert not line.moved and line.unsure == 0
        assert [t for b in line.blocks for t in b.times] == [t for t, _v in energy]     # nothing moved
    return events, profile, [t for t, _v in energy]


@pytest.mark.parametrize("power", [True, False], ids=["outage-logged", "outage-log-lost"])
@pytest.mark.parametrize("hours", [(2, 5), (3, 4), (-8, -5)])
def test_a_real_outage_stays_a_gap(hours: tuple[int, int], power: bool) -> None:
    """The meter was off (3 h, 1 h): no row was written, the time after is true. With the power down / up
    logged, or not and the day's shape lines up on true time, nothing is moved and the cover is named.
    Off 16:30-19:30 (Vietnam) the day before, log lost: the rows before the step hold no change of shape
    (the evening peak is cut off), nothing tells a gap from a clock 3 h ahead, and the two readings give
    different figures: unclear, with the reason."""
    events, profile, _times = outage(hours, power)
    if power or hours[0] > 0:
        assert named(events, profile) == ("cover_open", Decimal("-0.6"))
    else:
        check = consumption_check(events, profile)
        assert check.evidence is None
        assert next(u for u in check.unclear if u.event.key == "cover_open").reason == FORWARD_OR_GAP


def test_a_whole_day_outage_with_its_power_events_stays_a_gap() -> None:
    cut = (OPENED + 2 * HOUR, OPENED + 26 * HOUR)
    events, profile = unlogged([], cut=cut, power=True)
    energy = [(t, v[0]) for t, v in profile.rows if t is not None and v[0] is not None]
    line = timeline(energy, 900, [(e.time, e.code) for e in events])
    assert not line.moved and line.unsure == 0
    check = consumption_check(events, profile)
    assert all(u.reason != FORWARD_OR_GAP for u in check.unclear)


def test_hostile_profiles_with_forward_steps_never_crash_nor_name_another_event(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """300 profiles with a shape (or none), forward steps of any size (minutes, hours, whole days, more than
    the profile), some back again, some outages with or without power events, logged clock sets that agree
    or not, naive or aware times, events of every kind at any time: an answer, never an exception; only a
    tamper event is named or unclear, for a known reason."""
    seen: Counter[str] = Counter()
    judged = profile_forward.verdict

    def counted(*args: Any) -> str:
        seen[found := judged(*args)] += 1
        return found

    monkeypatch.setattr(profile_forward, "verdict", counted)   # the real one, its answers counted
    rng = random.Random(11)
    zones = [UTC, timezone(timedelta(hours=7)), None]
    base = datetime(2026, 12, 1, tzinfo=UTC)
    kinds = [1, 2, 4, 5, 40, 42, 44, 45, 91, 92, 999]
    for _case in range(300):
        period = rng.choice([900, 900, 900, 1800, 3600, 60])
        step = timedelta(seconds=period)
        count = rng.randrange(0, 3 * 86400 // period)
        shaped, holed = rng.random() < 0.7, rng.random() < 0.2
        fall = base + step * rng.randrange(0, max(1, count))
        moves = [(base + step * rng.randrange(0, max(1, count)),
                  rng.choice([7 * MINUTE, HOUR, 3 * HOUR, DAY, 2 * DAY, -HOUR, step * rng.randrange(2, 200),
                              timedelta(seconds=rng.randrange(1, 5 * 86400))]))
                 for _ in range(rng.randrange(0, 4))]
        outages = [(base + step * rng.randrange(0, max(1, count)), step * rng.randrange(1, 100))
                   for _ in range(rng.randrange(0, 3))]

        def clock(t: datetime, moves: list[tuple[datetime, timedelta]] = moves) -> datetime:
            return t + sum((jump for at, jump in moves if t > at), timedelta(0))

        profile = LoadProfile(period, [("1.29.0", "kWh")])
        for i in range(count):
            t = base + step * (i + 1)
            if any(at < t <= at + length for at, length in outages):
                continue
            hour = (t.hour + 7) % 24
            value = (Decimal("0.3") + Decimal("0.5") * (17 <= hour < 21)) if shaped else Decimal(rng.randrange(0, 9))
            value = value * Decimal("0.4") if t > fall else value
            zone = rng.choice(zones) if rng.random() < 0.05 else UTC
            written = clock(t).astimezone(zone) if zone is not None else clock(t).replace(tzinfo=None)
            profile.rows.append((written, [None if holed and rng.random() < 0.05 else value]))
        events = []
        for _event in range(rng.randrange(0, 14)):
            code = rng.choice(kinds)
            when = None if rng.random() < 0.05 else clock(base + timedelta(minutes=rng.randrange(-600, 5000)))
            m = meaning(code)
            events.append(MeterEvent(when, code, m.key, m.name, m.tamper))
        for at, jump in moves:       # some of the sets logged, in the log's place
            if rng.random() < 0.3:
                for code, when in ((4, at), (5, at + jump)):
                    m = meaning(code)
                    events.append(MeterEvent(when, code, m.key, m.name, m.tamper))
        for at, length in outages:   # some outages logged
            if rng.random() < 0.5:
                for code, when in ((1, clock(at)), (2, clock(at + length))):
                    m = meaning(code)
                    events.append(MeterEvent(when, code, m.key, m.name, m.tamper))
        check = consumption_check(events, profile)
        assert check.evidence is None or check.evidence.event.tamper
        assert check.evidence is None or not check.unclear
        assert all(u.event.tamper and u.reason in REASONS for u in check.unclear)
        assert check.evidence == consumption_change(events, profile)
    # every reading of a forward step was met, many times
    assert min(seen["set"], seen["gap"], seen["unsure"]) >= 20, seen
    print(f"\nforward steps read: {dict(seen)}")
