"""GPS position from a receiver that speaks NMEA 0183 on a serial port. Qt-free.

:func:`parse_sentence` checks the ``*hh`` checksum (XOR of the bytes between ``$`` and
``*``) and decodes GGA (fix, satellites, HDOP, altitude) and RMC (status, date/time)
sentences from any talker (GP, GN, GL, BD …) into a :class:`Fix`. :func:`read_fix`
reads lines from a serial port (pyserial, 4800 or 9600 baud) or any iterable of lines
until a usable fix arrives or the timeout passes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

__all__ = ["Fix", "NmeaError", "checksum", "position_from_fix", "parse_sentence", "read_fix"]


class NmeaError(ValueError):
    """A sentence that cannot be used (bad checksum, malformed fields, unknown type)."""


@dataclass(frozen=True)
class Fix:
    kind: str  # "GGA" or "RMC"
    lat: float | None
    lon: float | None
    valid: bool
    quality: int | None = None  # GGA: 0 none, 1 GPS, 2 DGPS, ...
    satellites: int | None = None
    hdop: float | None = None
    altitude_m: float | None = None
    time_utc: str = ""  # hhmmss(.ss)
    when: datetime | None = None  # RMC date + time


def checksum(body: str) -> int:
    value = 0
    for ch in body.encode("ascii", errors="replace"):
        value ^= ch
    return value


def _coord(value: str, hemi: str, degree_digits: int, where: str) -> float | None:
    if not value and not hemi:
        return None
    try:
        degrees = int(value[:degree_digits])
        minutes = float(value[degree_digits:])
    except ValueError:
        raise NmeaError(f"{where}: bad coordinate {value!r}") from None
    if minutes >= 60 or hemi not in ("N", "S", "E", "W"):
        raise NmeaError(f"{where}: bad coordinate {value!r} {hemi!r}")
    out = degrees + minutes / 60
    limit = 90 if degree_digits == 2 else 180
    if out > limit:
        raise NmeaError(f"{where}: coordinate out of range {value!r}")
    return -out if hemi in ("S", "W") else out


def _int(value: str) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        raise NmeaError(f"bad number {value!r}") from None


def _float(value: str) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        raise NmeaError(f"bad number {value!r}") from None


def parse_sentence(line: str | bytes) -> Fix:
    """Decode one GGA or RMC sentence; raises NmeaError for anything else or anything broken."""
    if isinstance(line, bytes):
        line = line.decode("ascii", errors="replace")
    text = line.strip()
    if not text.startswith("$"):
        raise NmeaError(f"not an NMEA sentence: {text[:20]!r}")
    if "*" not in text:
        raise NmeaError("sentence has no checksum")
    body, _, given = text[1:].rpartition("*")
    try:
        expected = int(given[:2], 16)
    except ValueError:
        raise NmeaError(f"bad checksum field {given!r}") from None
    if len(given) != 2:
        raise NmeaError(f"bad checksum field {given!r}")
    actual = checksum(body)
    if actual != expected:
        raise NmeaError(f"checksum mismatch: sentence says {expected:02X}, computed {actual:02X}")
    parts = body.split(",")
    kind = parts[0][-3:] if len(parts[0]) == 5 else ""
    if kind == "GGA":
        if len(parts) < 10:
            raise NmeaError("GGA sentence too short")
        lat = _coord(parts[2], parts[3], 2, "GGA latitude")
        lon = _coord(parts[4], parts[5], 3, "GGA longitude")
        quality = _int(parts[6])
        return Fix("GGA", lat, lon, valid=bool(quality) and lat is not None and lon is not None,
                   quality=quality, satellites=_int(parts[7]), hdop=_float(parts[8]),
                   altitude_m=_float(parts[9]), time_utc=parts[1])
    if kind == "RMC":
        if len(parts) < 10:
            raise NmeaError("RMC sentence too short")
        lat = _coord(parts[3], parts[4], 2, "RMC latitude")
        lon = _coord(parts[5], parts[6], 3, "RMC longitude")
        when = None
        if len(parts[1]) >= 6 and len(parts[9]) == 6:
            try:
                when = datetime.strptime(parts[9] + parts[1][:6], "%d%m%y%H%M%S").replace(tzinfo=UTC)
            except ValueError:
                raise NmeaError(f"RMC: bad date/time {parts[9]!r} {parts[1]!r}") from None
        return Fix("RMC", lat, lon, valid=parts[2] == "A" and lat is not None and lon is not None,
                   time_utc=parts[1], when=when)
    raise NmeaError(f"sentence type {parts[0]!r} is not used")


def read_fix(lines: Iterable[str | bytes], timeout: float = 10.0,
             clock: Callable[[], float] = time.monotonic) -> Fix | None:
    """The first valid fix among `lines` (other sentences and damaged ones are skipped)."""
    end = clock() + timeout
    for line in lines:
        try:
            fix = parse_sentence(line)
        except NmeaError:
            fix = None
        if fix is not None and fix.valid:
            return fix
        if clock() > end:
            return None
    return None


def serial_lines(port: str, baudrate: int = 4800, timeout: float = 10.0) -> Iterable[bytes]:
    """Lines from a serial GPS receiver (pyserial); stops after `timeout` seconds."""
    import serial  # pyserial, also used by the optical probe

    end = time.monotonic() + timeout
    with serial.Serial(port, baudrate=baudrate, timeout=0.5) as ser:
        while time.monotonic() < end:
            line = ser.readline()
            if line:
                yield line


def read_serial_fix(port: str, baudrate: int = 4800, timeout: float = 10.0) -> Fix | None:
    return read_fix(serial_lines(port, baudrate, timeout), timeout)


def position_from_fix(fix: Fix) -> dict[str, Any]:
    """The form's GPS value for a fix."""
    assert fix.lat is not None and fix.lon is not None
    out: dict[str, Any] = {"lat": round(fix.lat, 6), "lon": round(fix.lon, 6), "source": "nmea"}
    if fix.hdop is not None:
        out["hdop"] = fix.hdop
    if fix.satellites is not None:
        out["satellites"] = fix.satellites
    return out
