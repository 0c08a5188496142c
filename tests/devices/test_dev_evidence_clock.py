"""Tamper evidence when the meter's clock moved inside the profile (devices.meter_log.consumption_check).

A profile is matched against itself a day earlier; a meter whose clock was set (+7 min, -1 h, back to an
earlier date), a profile with a gap, duplicated or shuffled timestamps must still name the event the
consumption changed with, or name none and say that the clock is why -- never another event, never crash.
The shaped profiles: 2 days of 15-minute energy with an evening peak (Vietnam time), 60 % less from the
cover opening on; the meter's clock is moved at `moved` (6 h after or before the opening): every row and
event after it carries the new clock, and the event log holds the clock set (old time, new time)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from fieldkit.devices.meter_log import LoadProfile, MeterEvent, consumption_change, consumption_check, meaning
from fieldkit.domain.models import Meter
from fieldkit.services.readings import Target, evidence_findings

OPENED = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)   # 00:30 in Vietnam
MINUTE = timedelta(minutes=1)


def event(code: int, when: datetime) -> MeterEvent:
    m = meaning(code)
    return MeterEvent(when, code, m.key, m.name, m.tamper)


def true_rows(days: int = 2) -> list[tuple[datetime, Decimal]]:
    first = OPENED - timedelta(days=1)
    rows = []
    for i in range(days * 96):
        t = first + timedelta(minutes=15 * (i + 1))
        hour = (t.hour + 7) % 24
        value = Decimal("0.3") + Decimal("0.5") * (17 <= hour < 21)
        rows.append((t, value * Decimal("0.4") if t > OPENED else value))
    return rows


def reading(moved: datetime | None, jump: timedelta, new_origin: datetime | None = None,
            later: list[tuple[int, datetime]] = ()) -> tuple[list[MeterEvent], LoadProfile]:
    """The events and profile as the meter wrote them when its clock was moved by `jump` at `moved` (or set
    to `new_origin` then): `later` are more events at true times."""
    shift = (new_origin - moved) if new_origin is not None and moved is not None else jump

    def clock(t: datetime) -> datetime:
        return t + shift if moved is not None and t > moved else t

    happened = [(OPENED, 44), (OPENED + 9 * MINUTE, 45), (OPENED + 72 * MINUTE, 42), *((t, c) for c, t in later)]
    if moved is not None:
        happened += [(moved, 4), (moved + MINUTE / 60, 5)]
    events = []
    for t, code in sorted(happened):
        when = moved if code == 4 else (moved + shift if code == 5 and moved is not None else clock(t))
        events.append(event(code, when))
    profile = LoadProfile(900, [("1.29.0", "kWh"), ("3.29.0", "kvarh")])
    for t, value in true_rows():
        profile.rows.append((clock(t), [value, Decimal("0.1")]))
    return events, profile


def right_or_none(events: list[MeterEvent], profile: LoadProfile) -> str:
    """'cover' when the cover is named with a 60 % fall, 'none' when nothing is named and the reason is the
    clock; anything else is what went wrong."""
    check = consumption_check(events, profile)
    found = check.evidence
    assert found == consumption_change(events, profile)
    if found is None:
        assert check.unclear, "no evidence and no reason"
        assert {u.reason for u in check.unclear} <= {"clock_moved", "time_ambiguous"}
        return "none"
    if found.event.key == "cover_open" and Decimal("-0.65") < found.change < Decimal("-0.55"):
        return "cover"
    return f"wrong: {found.event.key} {found.change}"


@pytest.mark.parametrize("after", [True, False], ids=["moved-after-opening", "moved-before-opening"])
def test_clock_moved_7_minutes_still_names_the_cover(after: bool) -> None:
    moved = OPENED + timedelta(hours=6) if after else OPENED - timedelta(hours=6)
    for jump in (7 * MINUTE, -7 * MINUTE):
        events, profile = reading(moved, jump)
        found = consumption_change(events, profile)
        assert found is not None and found.event.key == "cover_open", (jump, found)
        assert found.change == Decimal("-0.6"), (jump, found)


@pytest.mark.parametrize("hours", [6, -6, 20, -20, 1])
def test_clock_moved_back_an_hour_names_the_cover_or_nothing_with_the_reason(hours: int) -> None:
    events, profile = reading(OPENED + timedelta(hours=hours), -timedelta(hours=1))
    assert right_or_none(events, profile) in ("cover", "none")


@pytest.mark.parametrize("hours", [6, -6, 20, -20])
def test_clock_moved_back_an_hour_the_log_states_or_not(hours: int) -> None:
    """The log states the set: undone. It does not (its entries overwritten): the one place where the
    profile's time goes back is taken as the set. Either way the cover is named with its 60 %, at the
    time the meter logged it."""
    events, profile = reading(OPENED + timedelta(hours=hours), -timedelta(hours=1))
    for told in (events, [e for e in events if e.code not in (4, 5)]):
        found = consumption_change(told, profile)
        assert found is not None and found.event.key == "cover_open" and found.change == Decimal("-0.6"), found
        assert found.event.time in (OPENED, OPENED - timedelta(hours=1))


def test_an_event_whose_time_exists_on_both_clocks_is_not_judged() -> None:
    """The clock went back an hour 1 h after the opening and the log does not say so: the opening's time
    exists on both clocks, nothing is named and the technician reads why."""
    events, profile = reading(OPENED + timedelta(hours=1), -timedelta(hours=1))
    events = [e for e in events if e.code not in (4, 5)]
    check = consumption_check(events, profile)
    assert check.evidence is None
    cover = next(u for u in check.unclear if u.event.key == "cover_open")
    assert cover.reason == "time_ambiguous"
    findings = {f.code: f for f in evidence_findings(Target(Meter("m1", "23110046"), None, None, ()), events, profile)}
    assert "tamper_consumption" not in findings
    unclear = findings["tamper_consumption_unclear"]
    assert unclear.kind == "warning" and unclear.facts["event"] == "cover_open"
    assert unclear.en == ("The meter's clock was changed around the event “Meter cover removed” (03/12 at 17:30): "
                          "consumption before and after it cannot be compared.")
    assert unclear.vi == ("Đồng hồ công tơ đã bị chỉnh quanh sự kiện “Mở nắp công tơ” (17:30 ngày 03/12): "
                          "không so sánh được điện năng tiêu thụ trước và sau sự kiện.")


def test_a_reset_the_log_does_not_state_names_nothing() -> None:
    """Reset a day back 6 h after the opening, the log's entries lost: every event's time exists on both
    clocks; nothing is named (the old rule named nothing either, by lack of pairs), each says why."""
    events, profile = reading(OPENED + timedelta(hours=6), timedelta(0), new_origin=OPENED - timedelta(hours=18),
                              later=[(42, OPENED + timedelta(hours=8))])
    check = consumption_check([e for e in events if e.code not in (4, 5)], profile)
    assert check.evidence is None and {u.reason for u in check.unclear} == {"time_ambiguous"}


def test_duplicate_timestamps_after_a_clock_set() -> None:
    events, profile = reading(None, timedelta(0))
    # the meter captured twice at the moment its clock was set back 3 minutes (6 h after the opening)
    at = next(i for i, (t, _v) in enumerate(profile.rows) if t == OPENED + timedelta(hours=6))
    t, values = profile.rows[at]
    half = [values[0] / 2, values[1]]
    profile.rows[at:at + 1] = [(t, half), (t, half)]
    events += [event(4, t + MINUTE), event(5, t - 2 * MINUTE)]
    found = consumption_change(events, profile)
    assert found is not None and found.event.key == "cover_open" and found.change == Decimal("-0.6"), found
    # every row written twice (a buffer read twice): the same answer, no crash
    events, profile = reading(None, timedelta(0))
    profile.rows = [row for row in profile.rows for _ in (0, 1)]
    assert right_or_none(events, profile) == "cover"


def test_shuffled_rows_never_crash_nor_name_another_event() -> None:
    for seed in range(3):  # no time twice: taken in time order
        events, profile = reading(None, timedelta(0))
        random.Random(seed).shuffle(profile.rows)
        assert right_or_none(events, profile) == "cover"
    for seed in range(5):  # an hour twice (the clock went back): cut where the time goes back
        events, profile = reading(OPENED + timedelta(hours=6), -timedelta(hours=1))
        random.Random(seed).shuffle(profile.rows)
        assert right_or_none(events, profile) in ("cover", "none")
        profile.rows.append((None, [None, None]))
        profile.rows.append((OPENED, [None, Decimal(1)]))
        assert right_or_none(events, profile) in ("cover", "none")


def test_a_gap_in_the_profile_keeps_the_evidence() -> None:
    events, profile = reading(None, timedelta(0))
    gap = (OPENED + timedelta(hours=2), OPENED + timedelta(hours=5))   # a power cut of 3 hours
    profile.rows = [(t, v) for t, v in profile.rows if t is None or not gap[0] < t <= gap[1]]
    events += [event(1, gap[0]), event(2, gap[1])]
    found = consumption_change(events, profile)
    assert found is not None and found.event.key == "cover_open" and found.change == Decimal("-0.6"), found


@pytest.mark.parametrize("origin", [OPENED + timedelta(hours=6) - timedelta(days=1),     # a day back
                                    OPENED + timedelta(hours=6) - timedelta(hours=20),    # 20 h back
                                    datetime(2000, 1, 1, tzinfo=UTC)])                     # battery reset
def test_a_reset_to_an_earlier_date_never_names_a_wrong_event(origin: datetime) -> None:
    """The clock went back to an earlier date 6 h after the opening; a magnet held to the meter 8 h after it
    (logged with the reset clock) changed nothing: it must not be named, nor the cover with a wrong figure."""
    moved = OPENED + timedelta(hours=6)
    events, profile = reading(moved, timedelta(0), new_origin=origin, later=[(42, OPENED + timedelta(hours=8))])
    assert right_or_none(events, profile) in ("cover", "none")


def test_hostile_profiles_and_logs_never_crash() -> None:
    """Random rows (times naive or aware, repeated, out of order, missing; values missing or negative; short
    rows), any period including 0 and negative, events with no time or codes 4/5 unpaired: an answer, never an
    exception, and only a tamper event is ever named."""
    from datetime import timezone

    rng = random.Random(7)
    zones = [UTC, timezone(timedelta(hours=7)), None]
    base = datetime(2026, 12, 1)
    for _case in range(300):
        period = rng.choice([900, 900, 1800, 60, 0, -900, 86400])
        profile = LoadProfile(period, [("1.29.0", "kWh")] if rng.random() < 0.9 else [("x", "V"), ("1.29.0", "kWh")])
        for _row in range(rng.randrange(0, 300)):
            zone = rng.choice(zones)
            t = (base + timedelta(minutes=15 * rng.randrange(-200, 400))).replace(tzinfo=zone)
            value = rng.choice([None, Decimal(rng.randrange(-5, 50)) / 10])
            profile.rows.append((None if rng.random() < 0.03 else t, [value] * rng.choice([0, 1, 2])))
        events = []
        for _event in range(rng.randrange(0, 12)):
            code = rng.choice([4, 5, 4, 5, 40, 42, 44, 1, 2, 91, 999])
            m = meaning(code)
            when = None if rng.random() < 0.1 else (base + timedelta(minutes=rng.randrange(-3000, 6000))).replace(
                tzinfo=rng.choice(zones))
            events.append(MeterEvent(when, code, m.key, m.name, m.tamper))
        check = consumption_check(events, profile)
        assert check.evidence is None or check.evidence.event.tamper
        assert all(u.event.tamper for u in check.unclear)
