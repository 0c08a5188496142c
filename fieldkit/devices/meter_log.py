"""What a DLMS meter remembers: its event log (codes with their meaning) and load profile.

Event codes are those of the standard event log (object 0.0.99.98.0.255) as the DLMS
UA Blue Book / IDIS define them; ``EVENT_CODES`` maps each to a stable key, its name (a marked
text, translated from core_vi.ts when shown) and whether it is a tamper sign. Codes a meter model
numbers differently can be given per model (``extra`` in :func:`meaning`: the meter-model
settings are data and carry their own Vietnamese and English names).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from fieldkit.devices.profile_clock import Block, Timeline, timeline
from fieldkit.domain.messages import Localised, Texts
from fieldkit.forms.definition import Text

_M = Texts("devices.meter_log")

# code -> (key, name, tamper)
EVENT_CODES: dict[int, tuple[str, Localised, bool]] = {
    1: ("power_down", _M("Power down"), False),
    2: ("power_up", _M("Power up"), False),
    3: ("dst", _M("Daylight saving time changed"), False),
    4: ("clock_set_old", _M("Clock adjusted (old time)"), True),
    5: ("clock_set_new", _M("Clock adjusted (new time)"), True),
    6: ("clock_invalid", _M("Clock invalid"), False),
    7: ("battery_replace", _M("Replace battery"), False),
    8: ("battery_low", _M("Battery voltage low"), False),
    9: ("tou_activated", _M("Time-of-use table activated"), False),
    10: ("error_cleared", _M("Error register cleared"), True),
    11: ("alarm_cleared", _M("Alarm register cleared"), True),
    12: ("program_memory_error", _M("Program memory error"), False),
    13: ("ram_error", _M("RAM error"), False),
    14: ("nv_memory_error", _M("Non-volatile memory error"), False),
    15: ("watchdog", _M("Watchdog error"), False),
    16: ("measurement_error", _M("Measurement system error"), False),
    17: ("firmware_ready", _M("Firmware ready for activation"), False),
    18: ("firmware_activated", _M("Firmware activated"), True),
    40: ("terminal_cover_open", _M("Terminal cover removed"), True),
    41: ("terminal_cover_closed", _M("Terminal cover closed"), False),
    42: ("magnetic_field", _M("Strong magnetic field detected"), True),
    43: ("magnetic_field_gone", _M("Strong magnetic field gone"), False),
    44: ("cover_open", _M("Meter cover removed"), True),
    45: ("cover_closed", _M("Meter cover closed"), False),
    46: ("auth_failure", _M("Association authentication failure"), True),
    47: ("decrypt_failure", _M("Decryption or authentication failure"), True),
    48: ("replay_attack", _M("Replay attack"), True),
    # reverse energy flow (IDIS "fraud detection" numbering, as many meters put it in this log)
    91: ("reverse_current", _M("Reverse current"), True),
    92: ("reverse_current_gone", _M("Reverse current ended"), False),
}
TAMPER_KEYS = {key for key, _name, tamper in EVENT_CODES.values() if tamper}
# tampering with the meter itself (the evidence a reading looks for around them)
PHYSICAL_KEYS = {"terminal_cover_open", "cover_open", "magnetic_field", "reverse_current"}


@dataclass(frozen=True)
class MeterEvent:
    time: datetime | None          # as the meter's clock said (aware when the meter gave its offset)
    code: int
    key: str                       # stable name ("cover_open"), "unknown" for a code not in the table
    name: Localised                # what it means, in the language asked for (.text(lang))
    tamper: bool

    @property
    def text_vi(self) -> str:
        return self.name.text("vi")

    @property
    def text_en(self) -> str:
        return self.name.text("en")

    def to_json(self) -> dict[str, Any]:
        return {"t": self.time.isoformat() if self.time else None, "code": self.code, "key": self.key,
                "tamper": self.tamper}


def meaning(code: int, extra: dict[int, tuple[str, str, str, bool]] | None = None) -> MeterEvent:
    """The event `code` means: a meter model's own numbering first (`extra`: code -> (key, Vietnamese,
    English, tamper), from its settings), then the standard table."""
    own = (extra or {}).get(code)
    if own is not None:
        key, vi, en, tamper = own
        return MeterEvent(None, code, key, Text(vi, en), tamper)  # its own words: data, like a form file's
    entry = EVENT_CODES.get(code)
    if entry is None:
        return MeterEvent(None, code, "unknown", _M("Event code {code}", code=str(code)), False)
    return MeterEvent(None, code, *entry)


@dataclass
class LoadProfile:
    period: int                                   # seconds per interval (900 = 15 min)
    columns: list[tuple[str, str]]                # (register key, unit) after the clock column
    rows: list[tuple[datetime | None, list[Decimal | None]]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Compact: start time, period and one column of numbers per register (for sync over 2G)."""
        return {
            "period": self.period,
            "start": self.rows[0][0].isoformat() if self.rows and self.rows[0][0] else None,
            "times": [t.isoformat() if t else None for t, _ in self.rows] if not self.regular() else None,
            "columns": [{"obis": key, "unit": unit,
                         "values": [None if r[1][i] is None else str(r[1][i]) for r in self.rows]}
                        for i, (key, unit) in enumerate(self.columns)],
        }

    def regular(self) -> bool:
        """Every row one period after the previous one (then the times need not be stored)."""
        times = [t for t, _ in self.rows]
        if any(t is None for t in times):
            return False
        return all((b - a).total_seconds() == self.period  # type: ignore[operator]
                   for a, b in zip(times, times[1:], strict=False))


def _utc(moment: datetime) -> datetime:
    from datetime import UTC

    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class TamperEvidence:
    """A tamper event inside the load profile, and how consumption changed from then on."""

    event: MeterEvent
    before_per_day: Decimal      # kWh per day before the event
    after_per_day: Decimal       # kWh per day from the event on
    change: Decimal              # (after - before) / before: -0.6 = fell by 60 %


@dataclass(frozen=True)
class Unclear:
    """A tamper event whose consumption before and after could not be compared because of the clock."""

    event: MeterEvent
    reason: str   # "clock_moved": too few intervals on its clock; "time_ambiguous": its time is on the
                  # profile twice (the clock went back) or on a clock the profile does not share;
                  # FORWARD_OR_GAP: the profile's time jumps ahead near it, a gap or a clock set forward the
                  # log does not state, and the two readings do not name the same


FORWARD_OR_GAP = "clock_forward_or_gap"


@dataclass(frozen=True)
class ConsumptionCheck:
    evidence: TamperEvidence | None
    unclear: tuple[Unclear, ...] = ()


_START = timedelta(hours=1)  # the first compared interval ends within this of the event


def consumption_change(events: list[MeterEvent], profile: LoadProfile | None, window_hours: float = 24,
                       min_hours: float = 12, threshold: Decimal = Decimal("0.3")) -> TamperEvidence | None:
    """The evidence of :func:`consumption_check` (None when no event qualifies)."""
    return consumption_check(events, profile, window_hours, min_hours, threshold).evidence


def consumption_check(events: list[MeterEvent], profile: LoadProfile | None, window_hours: float = 24,
                      min_hours: float = 12, threshold: Decimal = Decimal("0.3")) -> ConsumptionCheck:
    """The tamper event after which active energy per interval changed most (at least
    ``threshold``), comparing each interval of the ``window_hours`` after it with the interval one
    window earlier (the same time of day for a whole-day window, so a daily shape cut short by the
    profile's end weighs nothing); each side needs ``min_hours`` of such pairs. An event is passed
    over when the change was already under way since an earlier tamper event less than a window
    before it (the magnetic field 72 minutes after the cover was opened explains nothing: the
    consumption had fallen with the cover).

    ``events`` in the log's order, the profile's rows in the meter's order: the meter's clock may move
    inside them (:mod:`fieldkit.devices.profile_clock`: a clock set the log states is undone, intervals
    match by the nearest timestamp within half a period, the profile is cut where its time goes back, a
    forward step the log does not state is a gap or a clock set forward as the day's shape tells, and when
    it cannot tell, the profile is judged both ways and only what both name is named).
    A tamper event that cannot be judged because of that is in ``unclear`` with the reason, never
    named."""
    if profile is None or not profile.rows:
        return ConsumptionCheck(None)
    column = next((i for i, (_key, unit) in enumerate(profile.columns) if unit == "kWh"), None)
    if column is None:
        return ConsumptionCheck(None)
    rows = [(_utc(t), v[column]) for t, v in profile.rows if t is not None and len(v) > column and v[column] is not None]
    energy = [(t, v) for t, v in rows if v is not None]
    moments = [(None if e.time is None else _utc(e.time), e.code) for e in events]
    line = timeline(energy, profile.period, moments)
    as_gap = _judge(events, profile.period, line, window_hours, min_hours, threshold)
    if not line.unsure:
        return as_gap
    # a forward step not told apart from a gap: judged both ways, named only when both name the same
    as_set = _judge(events, profile.period, timeline(energy, profile.period, moments, unsure_as_set=True),
                    window_hours, min_hours, threshold)
    return _both(as_gap, as_set)


def _same(one: TamperEvidence | None, other: TamperEvidence | None) -> bool:
    """Both name nothing, or the same event with the same change to the half percent (what is shown)."""
    if one is None or other is None:
        return one is other
    return one.event is other.event and abs(one.change - other.change) < Decimal("0.005")


def _both(as_gap: ConsumptionCheck, as_set: ConsumptionCheck) -> ConsumptionCheck:
    """One answer from the profile judged with a forward step read as a gap and as a clock set."""
    if _same(as_gap.evidence, as_set.evidence):
        if as_gap.evidence is not None:
            return as_gap
        seen = {id(u.event) for u in as_gap.unclear}
        return ConsumptionCheck(None, as_gap.unclear + tuple(u for u in as_set.unclear if id(u.event) not in seen))
    named: list[MeterEvent] = []
    for found in (as_gap.evidence, as_set.evidence):
        if found is not None and all(found.event is not e for e in named):
            named.append(found.event)
    unclear = [Unclear(e, FORWARD_OR_GAP) for e in named]
    for u in (*as_gap.unclear, *as_set.unclear):
        if all(u.event is not v.event for v in unclear):
            unclear.append(u)
    return ConsumptionCheck(None, tuple(unclear))


def _judge(events: list[MeterEvent], period_s: int, line: Timeline, window_hours: float, min_hours: float,
           threshold: Decimal) -> ConsumptionCheck:
    """consumption_check on one reading of the profile's time line."""
    if not line.blocks:
        return ConsumptionCheck(None)
    need = max(1, int(min_hours * 3600 // max(1, period_s)))
    per_day = Decimal(86400) / Decimal(max(1, period_s))
    window = timedelta(hours=window_hours)
    period = timedelta(seconds=max(1, period_s))
    tolerance = period / 2
    unclear: list[Unclear] = []
    tampered: list[tuple[datetime, MeterEvent]] = []
    for e, when in zip(events, line.event_times, strict=True):
        if e.tamper and e.time is not None:
            if when is None:
                unclear.append(Unclear(e, "time_ambiguous"))
            else:
                tampered.append((when, e))
    tampered.sort(key=lambda item: item[0])

    def home(when: datetime) -> Block | None | str:
        inside = [b for b in line.blocks if b.holds(when, period)]
        if not inside:
            inside = [b for b in line.blocks if b.times[0] - period < when + window and b.times[-1] > when - window]
        return inside[0] if len(inside) == 1 else None if not inside else "time_ambiguous"

    best: TamperEvidence | None = None
    for when, event in tampered:
        block = home(when)
        if block is None:
            continue
        if isinstance(block, str):
            unclear.append(Unclear(event, block))
            continue
        around = block.pairs(when, when + window, window, tolerance)
        # the comparison starts at the event (an event 6 h before the profile's second day would show
        # only the change of a later event: its own first hours have no day before them)
        if len(around) < need or not block.pairs(when, when + max(period, _START), window, tolerance):
            if line.moved and (block.times[0] - period > when - window or block.times[-1] < when + window):
                unclear.append(Unclear(event, "clock_moved"))
            continue
        before = sum((b for b, _a in around), Decimal(0))
        after = sum((a for _b, a in around), Decimal(0))
        if before <= 0:
            continue
        change = (after - before) / before
        if abs(change) < threshold or (best is not None and abs(change) <= abs(best.change)):
            continue
        earlier = [t for t, _e in tampered if when - window < t < when]
        if earlier and _under_way(block.pairs(max(earlier), when, window, tolerance), change, threshold):
            continue
        best = TamperEvidence(event, before / len(around) * per_day, after / len(around) * per_day, change)
    return ConsumptionCheck(best, () if best is not None else tuple(unclear))


def _under_way(pairs: list[tuple[Decimal, Decimal]], change: Decimal, threshold: Decimal) -> bool:
    """The intervals since an earlier event already changed the same way (at least two of them)."""
    before = sum((b for b, _a in pairs), Decimal(0))
    if len(pairs) < 2 or before <= 0:
        return False
    already = (sum((a for _b, a in pairs), Decimal(0)) - before) / before
    return abs(already) >= threshold and (already < 0) == (change < 0)
