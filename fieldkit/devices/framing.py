"""Build the messages a reader sends (IEC 62056-21 clause 6.3)."""

from __future__ import annotations

from fieldkit.devices.bcc import bcc

SOH, STX, ETX, EOT, ACK, NAK = b"\x01", b"\x02", b"\x03", b"\x04", b"\x06", b"\x15"
CRLF = b"\r\n"


def sign_on(address: str = "") -> bytes:
    """``/?[address]!CR LF``."""
    return b"/?" + address.encode("ascii") + b"!" + CRLF


def option_select(baud_char: str, mode: str = "0", protocol: str = "0") -> bytes:
    """``ACK V Z Y CR LF``: protocol control V, baud character Z, mode Y (0 readout, 1 programming)."""
    return ACK + (protocol + baud_char + mode).encode("ascii") + CRLF


def command(cmd: str, data: str | None = None) -> bytes:
    """``SOH C D STX (data) ETX BCC``, or ``SOH C D ETX BCC`` when there is no data (e.g. B0)."""
    body = cmd.encode("ascii")
    if data is not None:
        body += STX + data.encode("ascii")
    body += ETX
    return SOH + body + bytes([bcc(body)])


def data_message(text: str, end: bytes = ETX) -> bytes:
    """``STX text ETX BCC`` (or EOT for a partial block)."""
    body = text.encode("ascii") + end
    return STX + body + bytes([bcc(body)])


def password(secret: str, level: str = "1") -> bytes:
    return command("P" + level, f"({secret})")


def read_register(address: str, cmd: str = "R1") -> bytes:
    """A single register read: ``R1`` (IEC) or ``R5`` (EMH style)."""
    return command(cmd, f"{address}()")


def break_message() -> bytes:
    return command("B0")
