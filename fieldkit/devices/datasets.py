"""Parse the data block of a readout: lines of ``address(value*unit)(value*unit)...``.

Handles several brackets per data set, ``&``-separated values inside one bracket,
units inside the value, space padding, empty values and both short and full OBIS
addresses. Numbers are kept exact as :class:`~decimal.Decimal` (never float); text
values (dates, times, serial numbers with leading zeros) are kept as their text too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.obis import normalise

_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)$")
_UNIT = re.compile(r"^[A-Za-z%][A-Za-z0-9%/*^ ]{0,15}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # no control character belongs inside a data set
MAX_VALUE = 128
_SEVEN_BITS = bytes(b & 0x7F for b in range(256))  # longest value text accepted (the standard allows 128 characters)


@dataclass(frozen=True)
class Value:
    text: str               # the value as the meter sent it, padding removed
    number: Decimal | None  # the exact number, when the text is a number
    unit: str | None        # the unit, when one followed '*'

    def as_text(self) -> str:
        """The value for display and JSON: the exact number (zero padding removed) when it has a
        unit, else the text as sent (so error registers and serials keep their leading zeros)."""
        return str(self.number) if self.number is not None and self.unit else self.text


@dataclass(frozen=True)
class DataSet:
    address: str            # normal form (see fieldkit.devices.obis)
    raw_address: str
    values: tuple[Value, ...]

    @property
    def first(self) -> Value | None:
        return self.values[0] if self.values else None


def parse_value(raw: str) -> Value:
    text = raw.strip()
    unit: str | None = None
    if "*" in text:
        head, _, tail = text.rpartition("*")
        tail = tail.strip()
        if _UNIT.match(tail):
            text, unit = head.strip(), tail
    number: Decimal | None = None
    if _NUMBER.match(text):
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the regex already guarantees a number
            number = None
    return Value(text=text, number=number, unit=unit)


def parse_line(line: str) -> DataSet:
    """Parse one data set line, e.g. ``1-0:1.8.0*255(061561.289*kWh)``."""
    if len(line) > 1024:
        raise ProtocolError("BAD_DATA", "data set line too long")
    if _CONTROL.search(line):
        raise ProtocolError("BAD_DATA", f"control character in a data set: {line[:40]!r}")
    open_at = line.find("(")
    if open_at <= 0:
        raise ProtocolError("BAD_DATA", f"data set without address or value: {line[:40]!r}")
    raw_address = line[:open_at].strip()
    address = normalise(raw_address)
    values: list[Value] = []
    rest = line[open_at:]
    while rest:
        rest = rest.lstrip(" ")
        if not rest:
            break
        if rest[0] != "(":
            raise ProtocolError("BAD_DATA", f"text outside brackets: {line[:40]!r}")
        close_at = rest.find(")")
        if close_at < 0:
            raise ProtocolError("BAD_DATA", f"unclosed bracket: {line[:40]!r}")
        inside = rest[1:close_at]
        if "(" in inside or len(inside) > MAX_VALUE:
            raise ProtocolError("BAD_DATA", f"bad value: {line[:40]!r}")
        values.extend(parse_value(part) for part in inside.split("&"))
        rest = rest[close_at + 1:]
    return DataSet(address=address, raw_address=raw_address, values=tuple(values))


def split_sets(block: str) -> list[str]:
    """Split a data block into data set texts.

    Sets are usually one per line, but a line may hold several (``1.8.1(1)1.8.2(2)``)
    and the block ends with ``!``.
    """
    out: list[str] = []
    for raw_line in block.replace("\r", "\n").split("\n"):
        line = raw_line.strip()
        if not line or line == "!":
            continue
        if line.endswith("!"):
            line = line[:-1].rstrip()
        # several sets on one line: cut after each ')' that is followed by an address
        start = 0
        i = 0
        while i < len(line):
            if line[i] == ")":
                j = i + 1
                if j < len(line) and line[j] != "(" and line[j] != " ":
                    out.append(line[start:j])
                    start = j
            i += 1
        if start < len(line):
            out.append(line[start:])
    return out


def parse_block(block: str) -> list[DataSet]:
    """Parse a whole data block (the text between STX and ``!``)."""
    return [parse_line(text) for text in split_sets(block)]


def decode(data: bytes) -> str:
    """Decode protocol bytes (ISO 646 / ASCII on 7 bits); never raises."""
    return data.translate(_SEVEN_BITS).decode("ascii")
