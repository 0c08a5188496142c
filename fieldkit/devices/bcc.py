"""Block check character of IEC 62056-21: XOR of every byte after SOH/STX up to ETX/EOT."""

from __future__ import annotations


def bcc(data: bytes) -> int:
    """XOR of ``data`` (the caller passes the bytes after the start character, end character included)."""
    value = 0
    for byte in data:
        value ^= byte
    return value & 0x7F


def bcc_ok(body: bytes, check: int) -> bool:
    """True when ``check`` is the BCC of ``body`` (compared on 7 bits: the line is 7E1)."""
    return bcc(body) == (check & 0x7F)
