"""The result of reading a meter (Qt-free; the store and the UI both use it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from fieldkit.devices.capture import Capture
from fieldkit.devices.client import Readout
from fieldkit.devices.datasets import DataSet, Value
from fieldkit.devices.meter_log import LoadProfile, MeterEvent

SERIAL_ADDRESSES = ("0.0.0", "C.1.0", "96.1.0", "0.0.1", "C.1.1")


@dataclass
class ReadingResult:
    identification: str
    manufacturer: str
    serial: str | None
    meter_clock: datetime | None       # from 0.9.1 (time) and 0.9.2 (date), as the meter sees it
    error_register: str | None         # F.F as sent (e.g. "00000000"); None when absent
    registers: dict[str, tuple[Decimal, str]]   # numeric registers: obis -> (exact value, unit or "")
    values: dict[str, Value] = field(default_factory=dict)  # every register, first value
    datasets: list[DataSet] = field(default_factory=list)
    bad_lines: list[str] = field(default_factory=list)
    capture: Capture | None = None
    protocol: str = "iec62056-21"      # or "dlms"
    firmware: str | None = None
    meter_time: datetime | None = None   # DLMS: the meter's clock with its UTC offset
    clock_deviation: float | None = None  # seconds the meter's clock is ahead of the laptop's (at the read)
    events: list[MeterEvent] = field(default_factory=list)
    load_profile: LoadProfile | None = None
    # the meter's clock was set: before, written, read back after (ISO texts) and whether they agree
    clock_set: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.protocol != "iec62056-21":
            extra = {
                "protocol": self.protocol,
                "firmware": self.firmware,
                "meter_time": self.meter_time.isoformat() if self.meter_time else None,
                "clock_deviation": self.clock_deviation,
                "events": [e.to_json() for e in self.events],
                "load_profile": self.load_profile.to_json() if self.load_profile else None,
                "clock_set": self.clock_set,
            }
        return extra | {
            "identification": self.identification,
            "manufacturer": self.manufacturer,
            "serial": self.serial,
            "meter_clock": self.meter_clock.isoformat() if self.meter_clock else None,
            "error_register": self.error_register,
            "registers": {
                obis: {"value": value.as_text(), "unit": value.unit} for obis, value in self.values.items()
            },
            "bad_lines": list(self.bad_lines),
        }


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def meter_clock(time_text: str | None, date_text: str | None) -> datetime | None:
    """Combine 0.9.1 (hhmmss or hh:mm:ss) and 0.9.2 (YYMMDD, YY-MM-DD, or with a leading weekday/century digit)."""
    if not time_text or not date_text:
        return None
    t = _digits(time_text)
    d = _digits(date_text)
    if len(t) == 4:
        t += "00"
    if len(d) == 7:
        d = d[1:]
    try:
        if len(d) == 8:
            year, month, day = int(d[:4]), int(d[4:6]), int(d[6:8])
        elif len(d) == 6:
            year, month, day = 2000 + int(d[:2]), int(d[2:4]), int(d[4:6])
        else:
            return None
        if len(t) != 6:
            return None
        return datetime(year, month, day, int(t[:2]), int(t[2:4]), int(t[4:6]))
    except ValueError:
        return None


def from_readout(readout: Readout, capture: Capture | None = None) -> ReadingResult:
    values: dict[str, Value] = {}
    for data_set in readout.datasets:
        if data_set.first is not None and data_set.address not in values:
            values[data_set.address] = data_set.first
    registers = {
        obis: (value.number, value.unit or "") for obis, value in values.items() if value.number is not None
    }
    serial = next((values[a].text for a in SERIAL_ADDRESSES if a in values and values[a].text), None)
    clock = meter_clock(values["0.9.1"].text if "0.9.1" in values else None,
                        values["0.9.2"].text if "0.9.2" in values else None)
    error = values["F.F"].text if "F.F" in values else None
    ident = readout.identification
    return ReadingResult(
        identification=ident.raw,
        manufacturer=ident.manufacturer,
        serial=serial,
        meter_clock=clock,
        error_register=error,
        registers=registers,
        values=values,
        datasets=list(readout.datasets),
        bad_lines=list(readout.bad_lines),
        capture=capture,
    )
