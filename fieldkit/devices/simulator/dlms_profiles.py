"""The simulated DLMS meter's objects: registers, clock, event log and load profile.

Consumption is a deterministic function of time: 15-minute intervals follow a daily
shape (evening peak) with a little pseudo-random variation; the billing registers are the
sum of the intervals since the model's start (split by EVN time-of-use period), so the
load profile and the registers agree. The ``tamper`` profile opens the meter's cover some
days ago, after which the recorded consumption falls by 60 % -- the evidence an
abnormal-consumption check looks for.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timezone
from typing import Any

from fieldkit.devices import axdr
from fieldkit.devices.simulator.profiles import VIETNAM, tou_period

INTERVAL = 900
LOCAL = timezone(VIETNAM)


@dataclass
class DlmsProfile:
    name: str
    mode_e: bool = True             # IEC 62056-21 sign-on first (mode E); False: HDLC directly
    manufacturer: str = "FKD"
    baud_char: str = "5"
    ident: str = "FK3P-DLMS V3.02"
    baud: int = 9600                # HDLC speed of a direct-HDLC meter
    ldn: str = "FKD0023110045"
    serial: str = "23110045"
    firmware: str = "FKD-3P 3.02.7"
    server_logical: int = 1
    reaction: float = 0.25          # identification reaction (IEC 62056-21)
    hdlc_reaction: float = 0.03     # answer to an HDLC frame
    max_info: int = 128             # longest HDLC information field the meter sends / takes
    max_pdu: int = 512              # a GET answer longer than this goes in data blocks
    password: str | None = "12345678"   # LLS password (the public client needs none)
    public_allowed: bool = True
    clock_offset: float = 37.0      # meter clock minus true time, seconds
    kw: float = 6.0                 # average demand
    history_days: int = 31          # load profile and event log depth
    tamper_days_ago: float | None = None   # cover opened this many days ago; consumption -60 %
    events: list[tuple[float, int]] = field(default_factory=list)  # (days ago, event code)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DlmsProfile:
        fields = dict(data)
        fields["events"] = [tuple(e) for e in fields.get("events", [])]
        return cls(**fields)


_BASE: dict[str, Any] = {
    "name": "dlms-three-phase",
    "events": [(29.5, 1), (29.49, 2), (21.2, 40), (21.19, 41), (14.0, 4), (14.0, 5),
               (9.3, 42), (9.29, 43), (6.1, 1), (6.08, 2), (3.4, 91), (3.38, 92)],
}
DLMS_BUILTIN: dict[str, dict[str, Any]] = {
    "dlms-three-phase": _BASE,
    "dlms-tamper": {**_BASE, "name": "dlms-tamper", "serial": "23110046", "ldn": "FKD0023110046",
                    "tamper_days_ago": 12.4,
                    "events": [*_BASE["events"], (12.4, 44), (12.35, 45), (12.3, 42)]},
    "dlms-direct": {**_BASE, "name": "dlms-direct", "mode_e": False, "serial": "23110047",
                    "ldn": "FKD0023110047"},
}


def load_dlms(name: str) -> DlmsProfile:
    return DlmsProfile.from_dict(DLMS_BUILTIN[name])


def _noise(index: int) -> float:
    digest = hashlib.blake2b(index.to_bytes(8, "big"), digest_size=2).digest()
    return int.from_bytes(digest, "big") / 65535


class Objects:
    """The meter's COSEM objects at the current time (true time + ``clock_offset``)."""

    def __init__(self, profile: DlmsProfile, clock: Any = time.time) -> None:
        self.profile = profile
        self.clock = clock
        now = float(clock())
        self.start = int(now // INTERVAL - profile.history_days * 96) * INTERVAL  # first interval
        self.wh: list[int] = []          # energy of each closed interval, Wh
        self.tou: dict[str, int] = {"normal": 0, "peak": 0, "offpeak": 0}
        self.base = {"normal": 34_125_118, "peak": 11_003_421, "offpeak": 16_432_750}
        self._advance(now)

    def now(self) -> float:
        return float(self.clock()) + self.profile.clock_offset

    def _interval_wh(self, index: int) -> int:
        start = self.start + index * INTERVAL
        local = datetime.fromtimestamp(start, UTC) + VIETNAM
        hour = local.hour + local.minute / 60
        shape = 0.45 + 0.35 * (7 <= hour < 22) + 0.6 * (17 <= hour < 21)
        energy = self.profile.kw * shape * (0.8 + 0.4 * _noise(index)) * 250  # Wh per 15 min
        tamper = self.profile.tamper_days_ago
        if tamper is not None and start >= self._ago(tamper):
            energy *= 0.4
        return int(energy)

    def _ago(self, days: float) -> float:
        return float(self.clock()) - days * 86400

    def _advance(self, now: float) -> None:
        closed = int((now - self.start) // INTERVAL)
        while len(self.wh) < closed:
            index = len(self.wh)
            wh = self._interval_wh(index)
            self.wh.append(wh)
            moment = datetime.fromtimestamp(self.start + index * INTERVAL, UTC) + VIETNAM
            self.tou[tou_period(moment)] += wh

    def local(self, seconds: float) -> datetime:
        return datetime.fromtimestamp(seconds, LOCAL)

    def registers(self) -> dict[str, tuple[bytes, int, int]]:
        """OBIS -> (A-XDR value, scaler, unit) of every class 3 register."""
        self._advance(float(self.clock()))
        tariffs = {k: self.base[k] + self.tou[k] for k in self.base}
        total = sum(tariffs.values())
        return {
            "1.0.1.8.0.255": (axdr.u32(total), 0, 30),
            "1.0.1.8.1.255": (axdr.u32(tariffs["normal"]), 0, 30),
            "1.0.1.8.2.255": (axdr.u32(tariffs["peak"]), 0, 30),
            "1.0.1.8.3.255": (axdr.u32(tariffs["offpeak"]), 0, 30),
            "1.0.2.8.0.255": (axdr.u32(1234), 0, 30),
            "1.0.3.8.0.255": (axdr.u32(total * 35 // 100), 0, 32),
            "1.0.4.8.0.255": (axdr.u32(512_004), 0, 32),
            "1.0.32.7.0.255": (axdr.u16(2314), -1, 35),
            "1.0.52.7.0.255": (axdr.u16(2298), -1, 35),
            "1.0.72.7.0.255": (axdr.u16(2320), -1, 35),
            "1.0.31.7.0.255": (axdr.u16(1241), -2, 33),
            "1.0.51.7.0.255": (axdr.u16(987), -2, 33),
            "1.0.71.7.0.255": (axdr.u16(1402), -2, 33),
            "1.0.1.29.0.255": (axdr.u32(0), 0, 30),
            "1.0.3.29.0.255": (axdr.u32(0), 0, 32),
        }

    def data(self) -> dict[str, bytes]:
        """OBIS -> A-XDR value of every class 1 data object."""
        p = self.profile
        return {
            "0.0.42.0.0.255": axdr.octets(p.ldn.encode()),
            "0.0.96.1.0.255": axdr.octets(p.serial.encode()),
            "1.0.0.2.0.255": axdr.octets(p.firmware.encode()),
            "0.0.97.97.0.255": axdr.u32(0),
            "0.0.97.98.0.255": axdr.u32(0x0000_0100 if p.tamper_days_ago is not None else 0),
            "1.0.0.4.2.255": axdr.u16(200),
            "1.0.0.4.3.255": axdr.u16(1),
            "0.0.96.11.0.255": axdr.u8(0),
        }

    def clock_value(self) -> bytes:
        return axdr.octets(axdr.datetime_octets(self.local(self.now())))

    def event_rows(self) -> list[tuple[float, bytes]]:
        out = []
        for days, code in sorted(self.profile.events, key=lambda e: -e[0]):
            when = self._ago(days) + self.profile.clock_offset
            out.append((when, axdr.structure(axdr.octets(axdr.datetime_octets(self.local(when))), axdr.u8(code))))
        return out

    def profile_rows(self) -> list[tuple[float, bytes]]:
        """(interval end, encoded row) of every closed interval."""
        self._advance(float(self.clock()))
        out = []
        for index, wh in enumerate(self.wh):
            end = self.start + (index + 1) * INTERVAL + self.profile.clock_offset
            row = axdr.structure(axdr.octets(axdr.datetime_octets(self.local(end))), axdr.u32(wh),
                                 axdr.u32(wh * 35 // 100))
            out.append((end, row))
        return out


def capture_objects(columns: list[tuple[int, str, int]]) -> bytes:
    from fieldkit.devices.cosem import obis_bytes

    return axdr.array(axdr.structure(axdr.u16(c), axdr.octets(obis_bytes(o)), axdr.i8(a), axdr.u16(0))
                      for c, o, a in columns)


EVENT_COLUMNS = [(8, "0.0.1.0.0.255", 2), (1, "0.0.96.11.0.255", 2)]
PROFILE_COLUMNS = [(8, "0.0.1.0.0.255", 2), (3, "1.0.1.29.0.255", 2), (3, "1.0.3.29.0.255", 2)]
