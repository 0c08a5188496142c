"""A load profile's time line as the meter's clock wrote it, made comparable with itself a day earlier.

A meter's clock can move inside the profile: set by a technician (a few seconds or minutes), moved by an
hour, reset to an earlier date after a battery or firmware fault. Each row and event carries the clock of
its moment. Here:

* a clock set the event log states (code 4 "old time" followed by code 5 "new time") whose moment lies
  inside the profile is undone: rows and events written before it are moved by the same jump, so the
  whole profile reads on one clock;
* a set the log states outside the profile leaves events on its far side unjudgeable (their clock is not
  the profile's);
* one place where the time goes back and the log does not say why is taken as a clock set back by that
  step less one period; an event whose time exists on both clocks there is not judged;
* a place where the time jumps ahead by more than a period and the log does not say why is a gap (the
  meter was off) or a clock set forward: :mod:`fieldkit.devices.profile_forward` tells which, or says it
  cannot (``Timeline.unsure``);
* rows whose times are all different are taken in time order (nothing on the clock went back unseen);
  otherwise the rows are cut into blocks wherever the time goes backwards (a set the log does not state:
  an hour's timestamps twice), and the same timestamp twice in a row is one interval (their energies
  added, as a re-capture splits it);
* intervals are matched by the nearest timestamp within half a period, so a clock moved by less than that
  (+7 minutes) still matches the interval a day earlier.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from fieldkit.devices.profile_forward import forward_sets, nearest, shift_events

CLOCK_OLD, CLOCK_NEW = 4, 5


@dataclass(frozen=True)
class ClockSet:
    old: datetime          # the time the clock showed when it was set
    new: datetime          # the time it was set to
    position: int          # index of the "old time" entry in the event list

    @property
    def jump(self) -> timedelta:
        return self.new - self.old


def clock_sets(events: list[tuple[datetime | None, int]]) -> list[ClockSet]:
    """Each "old time" entry followed by its "new time" entry, in the log's order."""
    found: list[ClockSet] = []
    pending: tuple[datetime, int] | None = None
    for index, (when, code) in enumerate(events):
        if code == CLOCK_OLD and when is not None:
            pending = (when, index)
        elif code == CLOCK_NEW and when is not None and pending is not None:
            found.append(ClockSet(pending[0], when, pending[1]))
            pending = None
    return found


@dataclass
class Block:
    """Rows on one clock, strictly ascending."""

    times: list[datetime] = field(default_factory=list)
    values: list[Decimal] = field(default_factory=list)

    def holds(self, moment: datetime, period: timedelta) -> bool:
        """`moment` falls in an interval of this block (intervals end at their timestamp)."""
        return self.times[0] - period < moment <= self.times[-1]

    def near(self, moment: datetime, tolerance: timedelta) -> Decimal | None:
        """The value of the interval whose timestamp is nearest `moment`, if within `tolerance`."""
        j = nearest(self.times, moment, tolerance)
        return None if j is None else self.values[j]

    def pairs(self, since: datetime, until: datetime, window: timedelta,
              tolerance: timedelta) -> list[tuple[Decimal, Decimal]]:
        """(the interval one window earlier, value) of each interval ending in (since, until]."""
        out = []
        for i in range(bisect_right(self.times, since), bisect_right(self.times, until)):
            earlier = self.near(self.times[i] - window, tolerance)
            if earlier is not None:
                out.append((earlier, self.values[i]))
        return out


@dataclass
class Timeline:
    blocks: list[Block]
    event_times: list[datetime | None]    # each event's time on the profile's clock (None: not judgeable)
    moved: bool                           # the clock moved inside or around the profile (cut or undone)
    unsure: int = 0                       # forward steps not told apart from a gap (profile_forward)


def _break_index(times: list[datetime], start: int, old: datetime) -> int | None:
    """The first row written after the clock was set at `old` (searching from `start`), when the set falls
    strictly inside the rows."""
    for i in range(max(1, start), len(times)):
        if times[i - 1] <= old and (times[i] > old or times[i] <= times[i - 1]):
            return i
    return None


def _one_unstated_set_back(times: list[datetime], row_shift: list[timedelta],
                           events: list[tuple[datetime | None, int]], event_shift: list[timedelta | None],
                           period: int) -> bool:
    """One place where the time goes back by more than half a period and the log does not say why: the
    clock was set back there by (that step - one period), as a meter captures once per period. Rows
    before it are moved by that; an event is on the old clock when its time is before the first new
    interval began, on the new one when after the last old interval ended, and not judgeable between
    (its time exists on both clocks). Two or more such places (rows out of order): nothing is inferred."""
    step = timedelta(seconds=period)
    at = [t + s for t, s in zip(times, row_shift, strict=True)]
    back = [i for i in range(1, len(at)) if at[i] < at[i - 1]]
    if len(back) != 1:
        return False
    i = back[0]
    jump = at[i] - at[i - 1] - step
    if -jump <= step / 2:
        return False
    for j in range(i):
        row_shift[j] += jump
    first_new, last_old = at[i] - step, at[i - 1] + step
    shift_events(events, event_shift, jump, first_new, last_old)
    return True


def timeline(rows: list[tuple[datetime, Decimal]], period: int,
             events: list[tuple[datetime | None, int]], unsure_as_set: bool = False) -> Timeline:
    """`rows` (time, energy) in the meter's order and `events` (time, code) in the log's order, on one clock.
    A forward step not told apart from a gap is read as a gap, or with `unsure_as_set` as a clock set."""
    tolerance = timedelta(seconds=period / 2)
    times = [t for t, _v in rows]
    row_shift = [timedelta(0)] * len(rows)
    event_shift: list[timedelta | None] = [timedelta(0)] * len(events)
    moved = False
    start = 0
    for cs in clock_sets(events):
        if abs(cs.jump) <= tolerance:
            continue  # nearest matching absorbs it
        moved = True
        at = _break_index(times, start, cs.old)
        if at is not None:
            start = at
            for i in range(at):
                row_shift[i] += cs.jump
            for i in range(cs.position + 1):
                shift = event_shift[i]
                event_shift[i] = None if shift is None else shift + cs.jump
        elif times and cs.old >= times[-1] - tolerance:      # set after the profile: later events are off
            for i in range(cs.position + 1, len(events)):
                event_shift[i] = None
        elif times and cs.new <= times[0] + tolerance:       # set before it: earlier events are off
            for i in range(cs.position + 1):
                event_shift[i] = None
    moved = _one_unstated_set_back(times, row_shift, events, event_shift, period) or moved
    forward, unsure = forward_sets(times, [v for _t, v in rows], row_shift, events, event_shift, period,
                                   unsure_as_set)
    moved = forward or moved
    line = [(t + shift, value) for (t, value), shift in zip(rows, row_shift, strict=True)]
    if len({t for t, _v in line}) == len(line):
        line.sort(key=lambda row: row[0])  # no time twice: the order tells nothing, no clock went back unseen
    blocks: list[Block] = []
    for t, value in line:
        if blocks and blocks[-1].times[-1] == t:
            blocks[-1].values[-1] += value
        elif blocks and blocks[-1].times[-1] < t:
            blocks[-1].times.append(t)
            blocks[-1].values.append(value)
        else:
            blocks.append(Block([t], [value]))
    moved = moved or len(blocks) > 1
    event_times = [None if when is None or shift is None else when + shift
                   for (when, _code), shift in zip(events, event_shift, strict=True)]
    return Timeline(blocks, event_times, moved, unsure)
