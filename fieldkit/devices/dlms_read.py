"""What a DLMS reading asks the meter for (:class:`Plan`) and what the answers mean
(:func:`interpret`, shared by a live read and by re-parsing a capture).

Groups of objects (``ReadOptions.dlms_objects``):

* ``identity`` -- logical device name 0.0.42.0.0.255, serial 0.0.96.1.0.255, firmware 1.0.0.2.0.255;
* ``clock`` -- 0.0.1.0.0.255 (date-time with the meter's UTC deviation);
* ``billing`` -- the registers of ``dlms_registers`` (value and scaler_unit);
* ``status`` -- error register 0.0.97.97.0.255, alarm register 0.0.97.98.0.255;
* ``instant`` -- phase voltages and currents, CT and VT ratios;
* ``events`` -- the standard event log 0.0.99.98.0.255 (every entry);
* ``profile`` -- load profile 1.0.99.1.0.255 for a period (selective access by range on its
  clock column; by default the ``profile_hours`` before the meter's own clock).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from fieldkit.devices import axdr
from fieldkit.devices.cosem import (
    ACCESS_RESULTS,
    Attribute,
    obis_bytes,
    obis_text,
    range_access,
    scaled,
    short_obis,
)
from fieldkit.devices.datasets import DataSet, Value
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.meter_log import PHYSICAL_KEYS, LoadProfile, MeterEvent, meaning

if TYPE_CHECKING:
    from fieldkit.devices.capture import Capture
    from fieldkit.devices.result import ReadingResult

LDN, SERIAL, FIRMWARE = "0.0.42.0.0.255", "0.0.96.1.0.255", "1.0.0.2.0.255"
CLOCK = "0.0.1.0.0.255"
ERROR_REGISTER, ALARM_REGISTER = "0.0.97.97.0.255", "0.0.97.98.0.255"
EVENT_LOG, LOAD_PROFILE = "0.0.99.98.0.255", "1.0.99.1.0.255"
BILLING = ("1.0.1.8.0.255", "1.0.1.8.1.255", "1.0.1.8.2.255", "1.0.1.8.3.255",
           "1.0.2.8.0.255", "1.0.3.8.0.255", "1.0.4.8.0.255")
INSTANT = ("1.0.32.7.0.255", "1.0.52.7.0.255", "1.0.72.7.0.255",
           "1.0.31.7.0.255", "1.0.51.7.0.255", "1.0.71.7.0.255")
RATIOS = ("1.0.0.4.2.255", "1.0.0.4.3.255")   # CT ratio (numerator), VT ratio (numerator)
GROUPS = ("identity", "clock", "billing", "status", "instant", "events", "profile")


@dataclass(frozen=True)
class Answer:
    attr: Attribute
    access: bytes              # the access selection sent (empty: none)
    data: bytes = b""          # the complete A-XDR value
    error: int | None = None   # data-access-result when refused


@dataclass
class Plan:
    """The requests of one reading; later ones depend on earlier answers (profile columns, clock)."""

    groups: tuple[str, ...] = GROUPS
    registers: tuple[str, ...] = BILLING
    profile_hours: float = 24.0
    profile_from: datetime | None = None
    profile_to: datetime | None = None
    tamper_days: float = 0.0      # >0: also read the profile a day either side of the earliest tamper event this recent
    tamper_range: tuple[datetime, datetime] | None = None
    queue: deque[tuple[Attribute, bytes]] = field(default_factory=deque)
    answers: list[Answer] = field(default_factory=list)
    meter_raw_clock: bytes | None = None

    def __post_init__(self) -> None:
        q = self.queue
        if "identity" in self.groups:
            q.extend((Attribute(1, obis_bytes(o), 2), b"") for o in (LDN, SERIAL, FIRMWARE))
        if "clock" in self.groups or "profile" in self.groups:
            q.append((Attribute(8, obis_bytes(CLOCK), 2), b""))
        for group, codes in (("billing", self.registers), ("instant", INSTANT)):
            if group in self.groups:
                for code in codes:
                    q.append((Attribute(3, obis_bytes(code), 3), b""))
                    q.append((Attribute(3, obis_bytes(code), 2), b""))
        if "instant" in self.groups:
            q.extend((Attribute(1, obis_bytes(o), 2), b"") for o in RATIOS)
        if "status" in self.groups:
            q.extend((Attribute(1, obis_bytes(o), 2), b"") for o in (ERROR_REGISTER, ALARM_REGISTER))
        if "events" in self.groups:
            q.append((Attribute(7, obis_bytes(EVENT_LOG), 3), b""))
            q.append((Attribute(7, obis_bytes(EVENT_LOG), 2), b""))
        if "profile" in self.groups:
            q.append((Attribute(7, obis_bytes(LOAD_PROFILE), 3), b""))
            q.append((Attribute(7, obis_bytes(LOAD_PROFILE), 4), b""))

    def next(self) -> tuple[Attribute, bytes] | None:
        return self.queue.popleft() if self.queue else None

    def answer(self, answer: Answer) -> None:
        self.answers.append(answer)
        attr = answer.attr
        if answer.error is not None:
            return
        if obis_text(attr.obis) == EVENT_LOG and attr.attribute == 2 and self.tamper_days > 0:
            self._profile_around_tamper(answer.data)
        if obis_text(attr.obis) == CLOCK and attr.attribute == 2:
            self.meter_raw_clock = _safe(answer.data) if isinstance(_safe(answer.data), bytes) else None
        if obis_text(attr.obis) == LOAD_PROFILE and attr.attribute == 3:
            columns = capture_columns(_safe(answer.data))
            for class_id, obis, _index in columns:
                if class_id in (3, 4):
                    self.queue.append((Attribute(class_id, obis, 3), b""))
            if self.tamper_range is not None:
                start, end = self.tamper_range
                self.queue.append((Attribute(7, obis_bytes(LOAD_PROFILE), 2),
                                   range_access(axdr.datetime_octets(start), axdr.datetime_octets(end))))
            self.queue.append((Attribute(7, obis_bytes(LOAD_PROFILE), 2), self._range()))

    def _profile_around_tamper(self, data: bytes) -> None:
        """Evidence: also read the load profile a day either side of the earliest recent physical
        tamper event (cover, terminal cover, magnetic field, reverse current; at most
        ``tamper_days`` back), so the consumption before and after it can be compared."""
        if self.profile_from is not None or self.meter_raw_clock is None:
            return
        now = axdr.parse_datetime(self.meter_raw_clock)
        if now is None:
            return
        columns = [c for c in self.answers if obis_text(c.attr.obis) == EVENT_LOG and c.attr.attribute == 3]
        decoded = {f"{EVENT_LOG}/3": _safe(columns[-1].data) if columns else None, f"{EVENT_LOG}/2": _safe(data)}
        times = [e.time for e in _events(decoded, None) if e.key in PHYSICAL_KEYS and e.time is not None]
        recent = [t for t in times if (t.tzinfo is None) == (now.tzinfo is None)
                  and now - timedelta(days=self.tamper_days) <= t <= now]
        if recent:
            first = min(recent)
            end = min(now, first + timedelta(days=1))
            if end < now - timedelta(hours=self.profile_hours):   # not inside the usual period anyway
                self.tamper_range = (first - timedelta(days=1), end)

    def _range(self) -> bytes:
        end = self.profile_to
        if end is None:
            end = axdr.parse_datetime(self.meter_raw_clock) if self.meter_raw_clock else None
        if end is None:
            return b""   # no clock to count back from: the whole buffer
        # the intervals ending in (end - hours, end]: a range is inclusive at both ends, and a clock read at the
        # second of a capture would add the interval a whole period before the first (97 for a day)
        start = self.profile_from or end - timedelta(hours=self.profile_hours) + timedelta(seconds=1)
        return range_access(axdr.datetime_octets(start), axdr.datetime_octets(end))


def _safe(data: bytes) -> Any:
    try:
        return axdr.decode(data)
    except ProtocolError:
        return None


def capture_columns(value: Any) -> list[tuple[int, bytes, int]]:
    """(class id, OBIS bytes, attribute index) of each column of a profile's capture_objects."""
    out = []
    if isinstance(value, list):
        for item in value:
            if (isinstance(item, tuple) and len(item) >= 3 and isinstance(item[0], int)
                    and isinstance(item[1], bytes) and len(item[1]) == 6 and isinstance(item[2], int)):
                out.append((item[0], item[1], item[2]))
    return out


def interpret(answers: list[Answer], identification: str, capture: Capture | None = None,
              event_names: dict[int, tuple[str, str, str, bool]] | None = None) -> ReadingResult:
    """The reading model (as for mode C) from the answers of a DLMS reading."""
    from fieldkit.devices.result import ReadingResult

    decoded: dict[str, Any] = {}
    bad: list[str] = []
    for ans in answers:
        key = ans.attr.key
        if ans.error is not None:
            bad.append(f"{key}: {ACCESS_RESULTS.get(ans.error, str(ans.error))}")
            continue
        try:
            value = axdr.decode(ans.data)
            if key in decoded and isinstance(decoded[key], list) and isinstance(value, list):
                value = decoded[key] + value      # the profile read in two ranges
            decoded[key] = value
        except ProtocolError as exc:
            bad.append(f"{key}: {exc.detail}")
    values: dict[str, Value] = {}
    datasets: list[DataSet] = []
    registers: dict[str, tuple[Decimal, str]] = {}

    def put(code: str, value: Value) -> None:
        short = short_obis(obis_bytes(code))
        values[short] = value
        datasets.append(DataSet(short, code, (value,)))
        if value.number is not None:
            registers[short] = (value.number, value.unit or "")

    for key, value in decoded.items():
        code, attribute = key.split("/")
        if attribute != "2" or code in (CLOCK, EVENT_LOG, LOAD_PROFILE):
            continue
        scaler_unit = decoded.get(f"{code}/3")
        if isinstance(value, bytes):
            text = value.decode("ascii", "replace") if all(32 <= b < 127 for b in value) else value.hex()
            put(code, Value(text, None, None))
        elif isinstance(value, str):
            put(code, Value(value, None, None))
        elif isinstance(value, int) and code in (ERROR_REGISTER, ALARM_REGISTER):
            put(code, Value(f"{value:08X}", None, None))
        else:
            number, unit = scaled(value, scaler_unit if f"{code}/3" in decoded else (0, 255))
            put(code, Value(str(number) if number is not None else str(value), number, unit or None))
    clock_raw = decoded.get(f"{CLOCK}/2")
    clock = axdr.parse_datetime(clock_raw) if isinstance(clock_raw, bytes) else None
    serial = values["96.1.0"].text if "96.1.0" in values else None
    ldn = values["42.0.0"].text if "42.0.0" in values else ""
    events = _events(decoded, event_names)
    profile = _profile(decoded)
    error_register = values["97.97.0"].text if "97.97.0" in values else None
    return ReadingResult(
        identification=identification or ldn,
        manufacturer=(ldn[:3] if len(ldn) >= 3 else identification[1:4]),
        serial=serial,
        meter_clock=clock.replace(tzinfo=None) if clock else None,
        error_register=error_register,
        registers=registers,
        values=values,
        datasets=datasets,
        bad_lines=bad,
        capture=capture,
        protocol="dlms",
        firmware=values["0.2.0"].text if "0.2.0" in values else None,
        meter_time=clock,
        events=events,
        load_profile=profile,
    )


def _columns(decoded: dict[str, Any], code: str) -> list[tuple[int, bytes, int]]:
    return capture_columns(decoded.get(f"{code}/3"))


def _events(decoded: dict[str, Any], names: dict[int, tuple[str, str, str, bool]] | None) -> list[MeterEvent]:
    rows = decoded.get(f"{EVENT_LOG}/2")
    if not isinstance(rows, list):
        return []
    columns = _columns(decoded, EVENT_LOG)
    clock_col = next((i for i, c in enumerate(columns) if c[0] == 8), 0)
    code_col = next((i for i, c in enumerate(columns) if c[0] != 8), 1)
    events = []
    for row in rows:
        if not isinstance(row, tuple) or len(row) <= max(clock_col, code_col):
            continue
        code = row[code_col]
        if not isinstance(code, int):
            continue
        when = axdr.parse_datetime(row[clock_col]) if isinstance(row[clock_col], bytes) else None
        event = meaning(code, names)
        events.append(MeterEvent(when, code, event.key, event.name, event.tamper))
    return events


def _profile(decoded: dict[str, Any]) -> LoadProfile | None:
    rows = decoded.get(f"{LOAD_PROFILE}/2")
    columns = _columns(decoded, LOAD_PROFILE)
    if not isinstance(rows, list) or not columns:
        return None
    period = decoded.get(f"{LOAD_PROFILE}/4")
    clock_col = next((i for i, c in enumerate(columns) if c[0] == 8), 0)
    value_cols = [i for i in range(len(columns)) if i != clock_col]
    names: list[tuple[str, str]] = []
    scalers: list[Any] = []
    for i in value_cols:
        class_id, obis, _attr = columns[i]
        su = decoded.get(f"{obis_text(obis)}/3") if class_id in (3, 4) else None
        scalers.append(su)
        names.append((short_obis(obis), scaled(0, su)[1]))
    profile = LoadProfile(period if isinstance(period, int) else 900, names)
    seen: set[bytes] = set()
    for row in rows:
        if not isinstance(row, tuple) or len(row) != len(columns):
            continue
        raw = row[clock_col]
        if isinstance(raw, bytes):
            if raw in seen:
                continue          # the same interval in both ranges
            seen.add(raw)
        when = axdr.parse_datetime(raw) if isinstance(raw, bytes) else None
        profile.rows.append((when, [scaled(row[i], su)[0] for i, su in zip(value_cols, scalers, strict=True)]))
    if all(t is not None for t, _ in profile.rows):
        profile.rows.sort(key=lambda r: axdr.as_utc(r[0]))  # type: ignore[arg-type]
    return profile


def clock_set_report(before: bytes | None, written: bytes, after: datetime | None,
                     result: int | None, tolerance: float = 5.0) -> dict[str, Any]:
    """What a clock setting did, confirmed by reading the clock back (kept with the reading)."""
    wrote = axdr.parse_datetime(written)
    was = axdr.parse_datetime(before) if before else None
    confirmed = (result == 0 and wrote is not None and after is not None
                 and (wrote.tzinfo is None) == (after.tzinfo is None)
                 and abs((after - wrote).total_seconds()) <= tolerance)
    return {"before": was.isoformat() if was else None, "written": wrote.isoformat() if wrote else None,
            "after": after.isoformat() if after else None, "result": result, "confirmed": confirmed}
