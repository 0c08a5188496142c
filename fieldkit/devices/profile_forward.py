"""A meter clock set forward that the event log does not state, told from a real gap in the profile.

The profile's time jumps ahead by more than one period between two rows. Either the meter was off (a
power outage: the intervals in between never existed, the time is true on both sides) or its clock was
set forward there (the intervals continued at the normal period, consumption with them, and every row
after the step carries a clock `jump` ahead). Told apart by:

* the log: a power down or power up within the step is an outage -- a gap, as before;
* the day's shape: each row after the step is set against the row one day earlier before the step,
  once as if the time were true (gap) and once as if the clock were ahead by the step (set forward).
  What is compared is how consumption changes from one interval to the next (the evening peak starting,
  ending), so a tamper that scales the consumption does not blur it. The hypothesis whose changes line up
  clearly better wins;
* a step of whole days (within half a period) cannot be told by the day's shape, nor one where either
  hypothesis has too few intervals to compare or the consumption has no shape (flat): that step is
  "unsure", and :func:`fieldkit.devices.meter_log.consumption_check` judges the profile both ways and
  names only what both readings name.

Only a profile whose time never goes back (after the clock sets undone) is read this way, and at most
``MAX_STEPS`` steps (more are gaps, as before: a profile full of holes says nothing about its clock).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from datetime import datetime, timedelta
from decimal import Decimal

POWER_DOWN, POWER_UP = 1, 2
MAX_STEPS = 4
DAY = timedelta(days=1)
MIN_CHANGES = 8          # interval-to-interval changes both sides of a comparison needs
WINS_AT = 0.5            # the winner's correlation at least this ...
CLEAR_BY = 0.3           # ... and this much more than the other's


def nearest(times: list[datetime], moment: datetime, tolerance: timedelta) -> int | None:
    """The index of the time in `times` (ascending) nearest `moment`, if within `tolerance`."""
    i = bisect_left(times, moment)
    best: tuple[timedelta, int] | None = None
    for j in (i - 1, i):
        if 0 <= j < len(times):
            gap = abs(times[j] - moment)
            if gap <= tolerance and (best is None or gap < best[0]):
                best = (gap, j)
    return None if best is None else best[1]


def _correlation(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < MIN_CHANGES or not all(math.isfinite(v) for v in (*xs, *ys)):
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None   # no shape on one side: nothing lines up or not
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    value = sxy / math.sqrt(sxx * syy)
    return value if math.isfinite(value) else None


def shape_fit(at: list[datetime], values: list[Decimal], i: int, offset: timedelta,
              period: timedelta) -> float | None:
    """How well the changes of the rows from `i` on line up with those of the rows before `i` one day
    earlier, when the rows from `i` on are `offset` ahead of the true time (None: too few to say)."""
    before = at[:i]
    tolerance = period / 2
    matched: list[tuple[int, int]] = []
    for k in range(i, len(at)):
        j = nearest(before, at[k] - offset - DAY, tolerance)
        if j is not None:
            matched.append((k, j))
    after_changes: list[float] = []
    before_changes: list[float] = []
    for (k0, j0), (k1, j1) in zip(matched, matched[1:], strict=False):
        if k1 == k0 + 1 and j1 == j0 + 1:
            after_changes.append(float(values[k1] - values[k0]))
            before_changes.append(float(values[j1] - values[j0]))
    return _correlation(after_changes, before_changes)


def verdict(at: list[datetime], values: list[Decimal], i: int, power: list[datetime], period: timedelta) -> str:
    """"gap", "set" (forward, by the step less one period) or "unsure" for the step before row `i`."""
    if any(at[i - 1] - period <= p <= at[i] for p in power):
        return "gap"
    jump = at[i] - at[i - 1] - period
    tolerance = period / 2
    rest = jump % DAY
    if rest <= tolerance or DAY - rest <= tolerance:
        return "unsure"   # whole days: the day's shape is the same on both readings
    gap, moved = shape_fit(at, values, i, timedelta(0), period), shape_fit(at, values, i, jump, period)
    if gap is None or moved is None:
        return "unsure"
    if moved >= WINS_AT and moved - gap >= CLEAR_BY:
        return "set"
    if gap >= WINS_AT and gap - moved >= CLEAR_BY:
        return "gap"
    return "unsure"


def shift_events(events: list[tuple[datetime | None, int]], event_shift: list[timedelta | None],
                 jump: timedelta, before: datetime, upto: datetime) -> None:
    """A clock set by `jump` where the two clocks overlap from `before` to `upto`: an event before
    `before` was on the old clock (moved by `jump`), one up to `upto` could be on either (not
    judgeable: None), a later one is on the new clock (left)."""
    for k, (when, _code) in enumerate(events):
        shift = event_shift[k]
        if when is None or shift is None:
            continue
        moment = when + shift
        if moment < before:
            event_shift[k] = shift + jump
        elif moment <= upto:
            event_shift[k] = None


def forward_sets(times: list[datetime], values: list[Decimal], row_shift: list[timedelta],
                 events: list[tuple[datetime | None, int]], event_shift: list[timedelta | None],
                 period: int, unsure_as_set: bool) -> tuple[bool, int]:
    """Undo each forward step read as a clock set (and, with `unsure_as_set`, each unsure one) the way a
    set the log states is undone: rows before it move by the jump; an event is on the old clock when its
    time is before the old clock's next capture, on the new one after the new clock's first interval
    began, not judgeable between. Returns (a set was undone, how many steps were unsure)."""
    if period <= 0 or len(times) < 3:
        return False, 0
    step = timedelta(seconds=period)
    at = [t + s for t, s in zip(times, row_shift, strict=True)]
    if any(at[k] <= at[k - 1] for k in range(1, len(at))):
        return False, 0   # not one ascending line: nothing inferred
    steps = [k for k in range(1, len(at)) if at[k] - at[k - 1] > step + step / 2]
    if not steps or len(steps) > MAX_STEPS:
        return False, 0
    moved, unsure = False, 0
    for i in reversed(steps):   # the latest first: undoing it leaves the earlier steps as they were
        power = [when + shift for (when, code), shift in zip(events, event_shift, strict=True)
                 if code in (POWER_DOWN, POWER_UP) and when is not None and shift is not None]
        found = verdict(at, values, i, power, step)
        unsure += found == "unsure"
        if found == "gap" or (found == "unsure" and not unsure_as_set):
            continue
        jump = at[i] - at[i - 1] - step
        old_end, new_start = sorted((at[i - 1] + step, at[i] - step))
        for j in range(i):
            row_shift[j] += jump
            at[j] += jump
        shift_events(events, event_shift, jump, old_end, new_start)
        moved = True
    return moved, unsure
