"""Meter profiles for the simulator, and the readout telegrams they produce.

A profile is a small JSON-able dict (see ``BUILTIN``); ``--profile`` takes a built-in
name or the path of a JSON file with the same keys. Register values advance with time:
``rate`` is the increase per hour; ``tariff`` registers ("normal", "peak", "offpeak")
advance only during their EVN time-of-use period; ``sum_of`` registers are totals.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from fieldkit.devices.bcc import bcc

VIETNAM = timedelta(hours=7)


def tou_period(moment: datetime) -> str:
    """EVN time-of-use period at a local time: Mon-Sat peak 9:30-11:30 and 17:00-20:00,
    off-peak 22:00-04:00 every day, normal otherwise."""
    minutes = moment.hour * 60 + moment.minute
    if minutes >= 22 * 60 or minutes < 4 * 60:
        return "offpeak"
    if moment.weekday() < 6 and (9 * 60 + 30 <= minutes < 11 * 60 + 30 or 17 * 60 <= minutes < 20 * 60):
        return "peak"
    return "normal"


@dataclass
class Register:
    address: str                 # as the meter writes it (short or full OBIS)
    value: str = "0"
    unit: str = ""
    kind: str = "number"         # number | text | time | date
    rate: str = "0"              # increase per hour (numbers)
    decimals: int = 3
    width: int = 0               # zero-padded width of the number text
    tariff: str = ""             # normal | peak | offpeak: advances only in that period
    sum_of: list[str] = field(default_factory=list)
    extra: str = ""              # more brackets, sent verbatim, e.g. "(25-01-15 10:30)"


@dataclass
class Profile:
    name: str
    manufacturer: str = "FKS"
    baud_char: str = "5"
    escapes: str = "\\2"
    ident: str = "SIM"
    address: str = ""            # sign-on address that selects this meter ("" accepts any)
    reaction: float = 0.25       # seconds between the end of a request and the answer
    data_reaction: float | None = None  # reaction before the data message, if different
    block_size: int = 0          # >0: send the readout as partial blocks of this many characters
    password: str | None = None  # programming mode password (None accepts any)
    clock_offset: float = 0.0    # meter clock minus true time, seconds
    registers: list[Register] = field(default_factory=list)

    @property
    def identification(self) -> bytes:
        return f"/{self.manufacturer}{self.baud_char}{self.escapes}{self.ident}\r\n".encode("ascii")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        regs = [Register(**r) for r in data.get("registers", [])]
        fields = {k: v for k, v in data.items() if k != "registers"}
        return cls(registers=regs, **fields)


class Registers:
    """Register values of a running meter, advancing with time."""

    def __init__(self, profile: Profile, clock: Any = time.time) -> None:
        self.profile = profile
        self.clock = clock
        self.values: dict[str, Decimal] = {}
        for reg in profile.registers:
            if reg.kind == "number" and not reg.sum_of:
                self.values[reg.address] = Decimal(reg.value)
        self.last = float(clock())

    def advance(self) -> None:
        now = float(self.clock())
        hours = Decimal(str(max(0.0, now - self.last) / 3600))
        period = tou_period(datetime.fromtimestamp(now, UTC) + VIETNAM)
        for reg in self.profile.registers:
            if reg.address in self.values and (not reg.tariff or reg.tariff == period):
                self.values[reg.address] += Decimal(reg.rate) * hours
        self.last = now

    def number(self, reg: Register) -> Decimal:
        if reg.sum_of:
            by_address = {r.address: r for r in self.profile.registers}
            return sum((self.number(by_address[a]) for a in reg.sum_of), Decimal(0))
        return self.values[reg.address]

    def text(self, reg: Register) -> str:
        meter_time = datetime.fromtimestamp(float(self.clock()) + self.profile.clock_offset, UTC) + VIETNAM
        if reg.kind == "time":
            return meter_time.strftime(reg.value or "%H:%M:%S")
        if reg.kind == "date":
            return meter_time.strftime(reg.value or "%y-%m-%d")
        if reg.kind == "text":
            return reg.value
        number = self.number(reg).quantize(Decimal(1).scaleb(-reg.decimals))
        text = f"{number:.{reg.decimals}f}"
        return text.zfill(reg.width) if reg.width else text

    def dataset(self, reg: Register) -> str:
        value = self.text(reg)
        unit = f"*{reg.unit}" if reg.unit else ""
        return f"{reg.address}({value}{unit}){reg.extra}"

    def find(self, address: str) -> Register | None:
        from fieldkit.devices.errors import ProtocolError
        from fieldkit.devices.obis import normalise

        try:
            wanted = normalise(address)
        except ProtocolError:
            return None
        for reg in self.profile.registers:
            if normalise(reg.address) == wanted:
                return reg
        return None

    def block(self) -> str:
        """The readout data block: one data set per line, then ``!``."""
        self.advance()
        return "".join(self.dataset(r) + "\r\n" for r in self.profile.registers) + "!\r\n"


def data_message(block: str, end: int = 0x03) -> bytes:
    body = block.encode("ascii") + bytes([end])
    return b"\x02" + body + bytes([bcc(body)])


def _r(address: str, value: str = "0", unit: str = "", **kw: Any) -> dict[str, Any]:
    return {"address": address, "value": value, "unit": unit, **kw}


_SINGLE: dict[str, Any] = {
    "name": "single-phase",
    "manufacturer": "FKS", "baud_char": "5", "escapes": "", "ident": "FK1P-R2 V1.04",
    "reaction": 0.25,
    "registers": [
        _r("F.F", "00000000", kind="text"),
        _r("0.0.0", "21060137", kind="text"),
        _r("C.1.0", "21060137", kind="text"),
        _r("0.9.1", "%H:%M:%S", kind="time"),
        _r("0.9.2", "%y-%m-%d", kind="date"),
        _r("1.8.0", "4521.36", "kWh", rate="0.45", decimals=2, width=9),
        _r("2.8.0", "0.00", "kWh", decimals=2, width=9),
        _r("32.7", "228.6", "V", decimals=1),
        _r("31.7", "1.93", "A", decimals=2),
        _r("14.7", "50.01", "Hz", decimals=2),
        _r("C.7.0", "0003", kind="text"),
    ],
}

_THREE: dict[str, Any] = {
    "name": "three-phase-tou",
    "manufacturer": "FKT", "baud_char": "5", "escapes": "", "ident": "FK3P-TOU V2.11",
    "reaction": 0.25,
    "registers": [
        _r("F.F", "00000000", kind="text"),
        _r("0.0.0", "19072245", kind="text"),
        _r("C.1.0", "19072245", kind="text"),
        _r("0-0:96.1.0*255", "PA23VG0053140", kind="text"),
        _r("0.9.1", "%H:%M:%S", kind="time"),
        _r("0.9.2", "%y-%m-%d", kind="date"),
        _r("1-0:1.8.0*255", unit="kWh", decimals=3, width=10, sum_of=["1.8.1", "1.8.2", "1.8.3"]),
        _r("1.8.1", "34125.118", "kWh", rate="4.2", decimals=3, width=10, tariff="normal"),
        _r("1.8.2", "11003.421", "kWh", rate="5.1", decimals=3, width=10, tariff="peak"),
        _r("1.8.3", "16432.750", "kWh", rate="2.7", decimals=3, width=10, tariff="offpeak"),
        _r("2.8.0", "0.000", "kWh", decimals=3, width=10),
        _r("3.8.0", "8123.442", "kvarh", rate="0.9", decimals=3, width=10),
        _r("4.8.0", "512.004", "kvarh", decimals=3, width=10),
        _r("1.6.0", "18.442", "kW", decimals=3, width=6, extra="(25-10-14 18:15)"),
        _r("1.6.1", "12.103", "kW", decimals=3, width=6, extra="(25-10-09 10:30)"),
        _r("1.6.2", "18.442", "kW", decimals=3, width=6, extra="(25-10-14 18:15)"),
        _r("1.6.3", "9.870", "kW", decimals=3, width=6, extra="(25-10-02 23:45)"),
        _r("1-0:32.7.0*255", "231.4", "V", decimals=1, width=5),
        _r("1-0:52.7.0*255", "229.8", "V", decimals=1, width=5),
        _r("1-0:72.7.0*255", "232.0", "V", decimals=1, width=5),
        _r("1-0:31.7.0*255", "12.41", "A", decimals=2, width=6),
        _r("1-0:51.7.0*255", "9.87", "A", decimals=2, width=6),
        _r("1-0:71.7.0*255", "14.02", "A", decimals=2, width=6),
        _r("1-0:81.7.1*255", "120", "deg", kind="text"),
        _r("1-0:81.7.2*255", "240", "deg", kind="text"),
        _r("1-0:14.7.0*255", "50.00", "Hz", decimals=2),
        _r("1-0:13.7.0*255", "0.93", decimals=2),
        _r("1-0:1.7.0*255", "8.214", "kW", decimals=3, width=6),
        _r("1-0:3.7.0*255", "3.012", "kvar", decimals=3, width=6),
        _r("C.7.0", "0012", kind="text"),
        _r("C.7.1", "0004", kind="text"),
        _r("C.7.2", "0003", kind="text"),
        _r("C.7.3", "0005", kind="text"),
        _r("C.2.0", "0007", kind="text"),
        _r("C.2.1", "25-09-30 09:12", kind="text"),
        _r("0.1.0", "27", kind="text"),
        _r("0.1.2*01", "25-10-01 00:00", kind="text"),
        _r("0.2.0", "V2.11", kind="text"),
        _r("0.2.2", "", kind="text"),
        _r("1.8.0*01", "60215.004", "kWh", decimals=3, width=10),
        _r("1.8.1*01", "33410.220", "kWh", decimals=3, width=10),
        _r("1.8.2*01", "10810.561", "kWh", decimals=3, width=10),
        _r("1.8.3*01", "15994.223", "kWh", decimals=3, width=10),
        _r("1.6.0*01", "17.903", "kW", decimals=3, width=6, extra="(25-09-18 18:30)"),
        _r("1.8.0*02", "58877.310", "kWh", decimals=3, width=10),
        _r("1.8.1*02", "32701.006", "kWh", decimals=3, width=10),
        _r("1.8.2*02", "10601.882", "kWh", decimals=3, width=10),
        _r("1.8.3*02", "15574.422", "kWh", decimals=3, width=10),
        _r("1.6.0*02", "16.550", "kW", decimals=3, width=6, extra="(25-08-21 17:45)"),
        _r("3.8.0*01", "7988.120", "kvarh", decimals=3, width=10),
        _r("3.8.0*02", "7850.071", "kvarh", decimals=3, width=10),
        _r("1.8.0*03", "57512.884", "kWh", decimals=3, width=10),
        _r("1.8.1*03", "32013.470", "kWh", decimals=3, width=10),
        _r("1.8.2*03", "10377.015", "kWh", decimals=3, width=10),
        _r("1.8.3*03", "15122.399", "kWh", decimals=3, width=10),
        _r("1.6.0*03", "16.902", "kW", decimals=3, width=6, extra="(25-07-29 18:00)"),
        _r("4.8.0*01", "509.311", "kvarh", decimals=3, width=10),
        _r("4.8.0*02", "505.870", "kvarh", decimals=3, width=10),
        _r("0.9.5", "3", kind="text"),
        _r("C.51.0", "0002", kind="text"),
        _r("C.86.0", "0000", kind="text"),
    ],
}


def _variant(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = dict(base)
    out.update(changes)
    return out


BUILTIN: dict[str, dict[str, Any]] = {
    "single-phase": _SINGLE,
    "three-phase-tou": _THREE,
    # the same meter sending its readout as partial blocks (EOT, ACK/NAK)
    "three-phase-blocks": _variant(_THREE, name="three-phase-blocks", block_size=512),
    # older protocol modes: A (no baud switch) and B (switch without option select)
    # (mode A sends everything at 300 baud, so this one carries only a few registers)
    "single-phase-mode-a": _variant(_SINGLE, name="single-phase-mode-a", manufacturer="FKa", baud_char=":",
                                    registers=[r for r in _SINGLE["registers"]
                                               if r["address"] in ("F.F", "0.0.0", "1.8.0", "32.7")]),
    "single-phase-mode-b": _variant(_SINGLE, name="single-phase-mode-b", baud_char="E"),
}


def load(name_or_path: str) -> Profile:
    if name_or_path in BUILTIN:
        return Profile.from_dict(BUILTIN[name_or_path])
    path = Path(name_or_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if "extends" in data:
        base = dict(BUILTIN[data.pop("extends")])
        base.update(data)
        data = base
    return Profile.from_dict(data)
