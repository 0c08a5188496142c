"""A-XDR (IEC 61334-6) encoding of DLMS ``Data``, as used in COSEM APDUs.

Decoding turns bytes into plain Python values:

=====================  ==========================================
DLMS type (tag)        Python
=====================  ==========================================
null-data (0)          ``None``
array (1)              ``list``
structure (2)          ``tuple``
boolean (3)            ``bool``
bit-string (4)         ``str`` of ``0``/``1``
integers (5,6,15..22)  ``int`` (enum (22) too)
octet-string (9)       ``bytes`` (date-time values are octet strings)
visible-string (10)    ``str``; utf8-string (12) ``str``
bcd (13)               ``int``
float32/64 (23, 24)    ``float``
date-time/date/time    ``bytes`` (25, 26, 27: 12, 5, 4 octets)
=====================  ==========================================

Everything that cannot be decoded raises :class:`ProtocolError` ``BAD_DATA``. Lengths and
element counts are checked against the bytes left before anything is allocated, and
nesting is bounded, so decoding is linear in the input whatever it holds.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from fieldkit.devices.errors import ProtocolError

MAX_DEPTH = 16

FIXED = {3: 1, 5: 4, 6: 4, 15: 1, 16: 2, 17: 1, 18: 2, 20: 8, 21: 8, 22: 1, 23: 4, 24: 8,
         25: 12, 26: 5, 27: 4}
SIGNED = {5, 15, 16, 20}


class Reader:
    """A cursor over bytes; every read is bounds-checked."""

    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data = bytes(data)
        self.pos = pos

    @property
    def left(self) -> int:
        return len(self.data) - self.pos

    def take(self, n: int) -> bytes:
        if n < 0 or n > self.left:
            raise ProtocolError("BAD_DATA", f"A-XDR: {n} bytes wanted at {self.pos}, {self.left} left")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def byte(self) -> int:
        return self.take(1)[0]

    def uint(self, n: int) -> int:
        return int.from_bytes(self.take(n), "big")

    def length(self) -> int:
        """A-XDR length: one byte < 0x80, or 0x8N followed by N bytes (N <= 4)."""
        first = self.byte()
        if first < 0x80:
            return first
        size = first & 0x7F
        if size == 0 or size > 4:
            raise ProtocolError("BAD_DATA", f"A-XDR: bad length prefix {first:#x}")
        value = self.uint(size)
        if value > self.left:
            raise ProtocolError("BAD_DATA", f"A-XDR: length {value} but {self.left} bytes left")
        return value


def decode(data: bytes) -> Any:
    """One complete ``Data`` value; trailing bytes are an error."""
    reader = Reader(data)
    value = read_data(reader)
    if reader.left:
        raise ProtocolError("BAD_DATA", f"A-XDR: {reader.left} bytes after the value")
    return value


def read_data(reader: Reader, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise ProtocolError("BAD_DATA", "A-XDR: nested too deeply")
    tag = reader.byte()
    if tag == 0:
        return None
    if tag in (1, 2):
        count = reader.length()
        if count > reader.left:  # every element takes at least one byte
            raise ProtocolError("BAD_DATA", f"A-XDR: {count} elements in {reader.left} bytes")
        items = [read_data(reader, depth + 1) for _ in range(count)]
        return items if tag == 1 else tuple(items)
    if tag == 4:
        bits = reader.length()
        raw = reader.take((bits + 7) // 8)
        return "".join(f"{b:08b}" for b in raw)[:bits]
    if tag in (9, 10, 12, 13):
        raw = reader.take(reader.length()) if tag != 13 else reader.take(1)
        if tag == 9:
            return raw
        if tag == 13:
            return raw[0]
        try:
            return raw.decode("utf-8" if tag == 12 else "ascii")
        except UnicodeDecodeError:
            raise ProtocolError("BAD_DATA", "A-XDR: string not decodable") from None
    size = FIXED.get(tag)
    if size is None:
        raise ProtocolError("BAD_DATA", f"A-XDR: unknown data type {tag}")
    raw = reader.take(size)
    if tag == 3:
        return raw[0] != 0
    if tag == 23:
        return float(struct.unpack(">f", raw)[0])
    if tag == 24:
        return float(struct.unpack(">d", raw)[0])
    if tag in (25, 26, 27):
        return raw
    return int.from_bytes(raw, "big", signed=tag in SIGNED)


# -- encoding (requests, and the simulated meter's answers) ---------------------------------

def length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    size = (n.bit_length() + 7) // 8
    return bytes([0x80 | size]) + n.to_bytes(size, "big")


def null() -> bytes:
    return b"\x00"


def array(items: Iterable[bytes]) -> bytes:
    parts = list(items)
    return b"\x01" + length(len(parts)) + b"".join(parts)


def structure(*items: bytes) -> bytes:
    return b"\x02" + length(len(items)) + b"".join(items)


def boolean(value: bool) -> bytes:
    return b"\x03" + (b"\xff" if value else b"\x00")


def octets(value: bytes) -> bytes:
    return b"\x09" + length(len(value)) + value


def visible(value: str) -> bytes:
    raw = value.encode("ascii")
    return b"\x0a" + length(len(raw)) + raw


def integer(tag: int, value: int) -> bytes:
    return bytes([tag]) + value.to_bytes(FIXED[tag], "big", signed=tag in SIGNED)


def u8(value: int) -> bytes:
    return integer(17, value)


def i8(value: int) -> bytes:
    return integer(15, value)


def u16(value: int) -> bytes:
    return integer(18, value)


def u32(value: int) -> bytes:
    return integer(6, value)


def i32(value: int) -> bytes:
    return integer(5, value)


def enum(value: int) -> bytes:
    return integer(22, value)


# -- COSEM date-time (12 octets) ------------------------------------------------------------

NOT_SPECIFIED = 0x8000


def datetime_octets(moment: datetime, status: int = 0) -> bytes:
    """The 12-octet date-time of ``moment`` (local time with its UTC offset as deviation)."""
    offset = moment.utcoffset()
    deviation = NOT_SPECIFIED if offset is None else int(-offset.total_seconds() // 60)
    return (moment.year.to_bytes(2, "big") + bytes([moment.month, moment.day, moment.isoweekday(),
                                                    moment.hour, moment.minute, moment.second, 0])
            + (deviation & 0xFFFF).to_bytes(2, "big") + bytes([status]))


def parse_datetime(raw: bytes) -> datetime | None:
    """A COSEM date-time, timezone-aware when the deviation is given; None when not a full
    date and time (wildcards 0xFF / 0xFFFF) or not valid."""
    if len(raw) != 12:
        return None
    year = int.from_bytes(raw[0:2], "big")
    month, day, hour, minute, second = raw[2], raw[3], raw[5], raw[6], raw[7]
    deviation = int.from_bytes(raw[9:11], "big", signed=True)
    if year == 0xFFFF or 0xFF in (month, day, hour, minute) or month > 12:
        return None
    try:
        moment = datetime(year, month, day, hour, minute, 0 if second == 0xFF else second)
    except ValueError:
        return None
    if raw[9:11] == b"\x80\x00" or not -720 <= deviation <= 840:
        return moment
    # COSEM deviation is minutes to ADD to local time to get UTC
    return moment.replace(tzinfo=timezone(timedelta(minutes=-deviation)))


def as_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
