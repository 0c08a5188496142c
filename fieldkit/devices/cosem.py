"""COSEM application layer (IEC 62056-53/-5-3, logical name referencing, no ciphering).

APDUs a public or LLS client needs: AARQ/AARE (association), GET-request normal / next
(with selective access by range), GET-response normal / with data block, RLRQ/RLRE,
exception and confirmed-service-error responses. OBIS codes as six bytes, units of the
COSEM unit table, scaler_unit. Failures are :class:`ProtocolError` (``BAD_DATA`` for bytes
that do not decode; association and access outcomes are reported as values).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fieldkit.devices import axdr
from fieldkit.devices.errors import ProtocolError

APP_CONTEXT_LN = bytes.fromhex("60857405080101")
MECHANISM_LLS = bytes.fromhex("60857405080201")
CONFORMANCE = 0x001014        # block transfer with get, get, selective access
INVOKE = 0xC1                  # high priority, confirmed, invoke id 1

# COSEM unit enumeration (subset a distribution meter uses); scaled to what a reading shows
UNITS: dict[int, str] = {
    1: "a", 2: "mo", 3: "wk", 4: "d", 5: "h", 6: "min", 7: "s", 8: "deg", 9: "°C",
    27: "W", 28: "VA", 29: "var", 30: "Wh", 31: "VAh", 32: "varh", 33: "A", 35: "V",
    44: "Hz", 255: "",
}
KILO = {"W": "kW", "VA": "kVA", "var": "kvar", "Wh": "kWh", "VAh": "kVAh", "varh": "kvarh"}

ACCESS_RESULTS = {
    0: "success", 1: "hardware-fault", 2: "temporary-failure", 3: "read-write-denied",
    4: "object-undefined", 9: "object-class-inconsistent", 11: "object-unavailable",
    12: "type-unmatched", 13: "scope-of-access-violated", 14: "data-block-unavailable",
    15: "long-get-aborted", 16: "no-long-get-in-progress", 19: "data-block-number-invalid",
    250: "other-reason",
}
# AARE acse-service-user diagnostics
DIAGNOSTICS = {
    0: "null", 1: "no-reason-given", 2: "application-context-name-not-supported",
    11: "authentication-mechanism-name-not-recognised", 12: "authentication-mechanism-name-required",
    13: "authentication-failure", 14: "authentication-required",
}


def obis_bytes(code: str) -> bytes:
    """``"1.0.1.8.0.255"`` -> six bytes."""
    parts = [int(p) for p in code.split(".")]
    if len(parts) != 6 or not all(0 <= p <= 255 for p in parts):
        raise ValueError(f"not a six-part OBIS code: {code!r}")
    return bytes(parts)


def obis_text(raw: bytes) -> str:
    return ".".join(str(b) for b in raw)


def short_obis(raw: bytes) -> str:
    """The reading model's register key: ``1.0.1.8.0.255`` -> ``1.8.0``, ``0.0.96.1.0.255`` ->
    ``0-0:96.1.0``, billing period ``1.0.1.8.0.101`` -> ``1.8.0*101``."""
    from fieldkit.devices.obis import normalise

    a, b, c, d, e, f = raw
    return normalise(f"{a}-{b}:{c}.{d}.{e}*{f}")


@dataclass(frozen=True)
class Attribute:
    class_id: int
    obis: bytes
    attribute: int

    @property
    def key(self) -> str:
        return f"{obis_text(self.obis)}/{self.attribute}"


# -- BER helpers for the ACSE APDUs -------------------------------------------------------

def _ber(tag: int, content: bytes) -> bytes:
    if len(content) < 0x80:
        return bytes([tag, len(content)]) + content
    return bytes([tag, 0x81 if len(content) < 256 else 0x82]) + len(content).to_bytes(
        1 if len(content) < 256 else 2, "big") + content


def _ber_items(data: bytes) -> list[tuple[int, bytes]]:
    items = []
    reader = axdr.Reader(data)
    while reader.left:
        tag = reader.byte()
        size = reader.byte()
        if size & 0x80:
            width = size & 0x7F
            if width == 0 or width > 2:
                raise ProtocolError("BAD_DATA", "BER length")
            size = reader.uint(width)
        items.append((tag, reader.take(size)))
    return items


def aarq(password: bytes | None = None, max_pdu: int = 0xFFFF) -> bytes:
    initiate = (b"\x01\x00\x00\x00\x06\x5f\x1f\x04\x00" + CONFORMANCE.to_bytes(3, "big")
                + max_pdu.to_bytes(2, "big"))
    body = _ber(0xA1, _ber(0x06, APP_CONTEXT_LN))
    if password is not None:
        body += b"\x8a\x02\x07\x80" + _ber(0x8B, MECHANISM_LLS) + _ber(0xAC, _ber(0x80, password))
    body += _ber(0xBE, _ber(0x04, initiate))
    return _ber(0x60, body)


@dataclass(frozen=True)
class Aare:
    accepted: bool
    diagnostic: int
    conformance: int = 0
    max_pdu: int = 0
    password: bytes | None = None   # (the simulator's view of an AARQ uses the same shape)


def parse_aare(apdu: bytes) -> Aare:
    items = dict(_ber_items(apdu))
    if 0x61 not in items:
        raise ProtocolError("BAD_DATA", f"not an AARE: {apdu[:4].hex()}")
    fields = dict(_ber_items(items[0x61]))
    result = fields.get(0xA2, b"")
    accepted = len(result) == 3 and result[:2] == b"\x02\x01" and result[2] == 0
    diagnostic = 0
    source = fields.get(0xA3, b"")
    if source:
        for _tag, inner in _ber_items(source):
            if len(inner) == 3 and inner[:2] == b"\x02\x01":
                diagnostic = inner[2]
    conformance = max_pdu = 0
    user = fields.get(0xBE, b"")
    if user:
        octets = dict(_ber_items(user)).get(0x04, b"")
        if len(octets) >= 14 and octets[0] == 0x08:
            conformance = int.from_bytes(octets[7:10], "big")
            max_pdu = int.from_bytes(octets[10:12], "big")
    return Aare(accepted, diagnostic, conformance, max_pdu)


def parse_aarq(apdu: bytes) -> Aare:
    """The server side (the simulator): does it ask for LLS, with which password."""
    items = dict(_ber_items(apdu))
    if 0x60 not in items:
        raise ProtocolError("BAD_DATA", "not an AARQ")
    fields = dict(_ber_items(items[0x60]))
    password = None
    if fields.get(0x8B) == MECHANISM_LLS:
        password = dict(_ber_items(fields.get(0xAC, b""))).get(0x80, b"")
    max_pdu = 0xFFFF
    user = dict(_ber_items(fields.get(0xBE, b""))).get(0x04, b"")
    if len(user) >= 14:
        max_pdu = int.from_bytes(user[-2:], "big")
    return Aare(True, 0, 0, max_pdu, password)


def aare(accepted: bool, diagnostic: int = 0, max_pdu: int = 512) -> bytes:
    initiate = (b"\x08\x00\x06\x5f\x1f\x04\x00" + CONFORMANCE.to_bytes(3, "big") + max_pdu.to_bytes(2, "big")
                + b"\x00\x07")
    body = (_ber(0xA1, _ber(0x06, APP_CONTEXT_LN)) + _ber(0xA2, b"\x02\x01" + bytes([0 if accepted else 1]))
            + _ber(0xA3, _ber(0xA1, b"\x02\x01" + bytes([diagnostic]))))
    if accepted:
        body += _ber(0xBE, _ber(0x04, initiate))
    return _ber(0x61, body)


RLRQ = bytes.fromhex("6203800100")
RLRE = bytes.fromhex("6303800100")


# -- GET ---------------------------------------------------------------------------------

def range_access(start: bytes, end: bytes) -> bytes:
    """access-selection 1 (range_descriptor) on the clock column, every column."""
    restricting = axdr.structure(axdr.u16(8), axdr.octets(obis_bytes("0.0.1.0.0.255")), axdr.i8(2),
                                 axdr.u16(0))
    return b"\x01\x01" + axdr.structure(restricting, axdr.octets(start), axdr.octets(end), axdr.array([]))


def get_request(attr: Attribute, access: bytes = b"") -> bytes:
    return (bytes([0xC0, 0x01, INVOKE]) + attr.class_id.to_bytes(2, "big") + attr.obis
            + bytes([attr.attribute]) + (access or b"\x00"))


def get_next(block: int) -> bytes:
    return bytes([0xC0, 0x02, INVOKE]) + block.to_bytes(4, "big")


@dataclass(frozen=True)
class GetRequest:
    attr: Attribute
    access: bytes          # raw access selection (empty: none)
    next_block: int | None = None


def parse_get_request(apdu: bytes) -> GetRequest:
    reader = axdr.Reader(apdu)
    if reader.byte() != 0xC0:
        raise ProtocolError("BAD_DATA", "not a GET request")
    kind = reader.byte()
    reader.byte()  # invoke id and priority
    if kind == 2:
        block = reader.uint(4)
        return GetRequest(Attribute(0, b"\x00" * 6, 0), b"", block)
    if kind != 1:
        raise ProtocolError("BAD_DATA", f"GET request type {kind}")
    attr = Attribute(reader.uint(2), reader.take(6), reader.byte())
    flag = reader.byte()
    access = reader.take(reader.left) if flag else b""
    return GetRequest(attr, access)


@dataclass(frozen=True)
class GetResponse:
    """``data`` (encoded A-XDR, or a raw block) or ``error`` (data-access-result)."""

    data: bytes = b""
    error: int | None = None
    block: int | None = None       # block number of a GET-response-with-datablock
    last: bool = True


def get_response_normal(data: bytes) -> bytes:
    return bytes([0xC4, 0x01, INVOKE, 0x00]) + data


def get_response_error(code: int) -> bytes:
    return bytes([0xC4, 0x01, INVOKE, 0x01, code])


def get_response_block(block: int, last: bool, raw: bytes) -> bytes:
    return (bytes([0xC4, 0x02, INVOKE, 0xFF if last else 0x00]) + block.to_bytes(4, "big") + b"\x00"
            + axdr.length(len(raw)) + raw)


def parse_response(apdu: bytes) -> GetResponse:
    """A GET response; an exception or confirmed-service-error response is an access error."""
    if not apdu:
        raise ProtocolError("BAD_DATA", "empty APDU")
    tag = apdu[0]
    if tag in (0xD8, 0x0E):   # exception-response / confirmed-service-error
        return GetResponse(error=250)
    if tag != 0xC4 or len(apdu) < 4:
        raise ProtocolError("BAD_DATA", f"not a GET response: {apdu[:4].hex()}")
    reader = axdr.Reader(apdu, 3)
    if apdu[1] == 1:
        if reader.byte() == 0:
            return GetResponse(data=reader.take(reader.left))
        return GetResponse(error=reader.byte())
    if apdu[1] == 2:
        last = reader.byte() != 0
        block = reader.uint(4)
        if reader.byte() == 0:
            raw = reader.take(reader.length())
            return GetResponse(data=raw, block=block, last=last)
        return GetResponse(error=reader.byte(), block=block, last=True)
    raise ProtocolError("BAD_DATA", f"GET response type {apdu[1]}")


# -- values ------------------------------------------------------------------------------

def scaled(value: Any, scaler_unit: Any) -> tuple[Decimal | None, str]:
    """(exact value in the unit a reading shows, unit): Wh -> kWh etc.; None when not a number."""
    scaler, unit_code = 0, 255
    if isinstance(scaler_unit, tuple) and len(scaler_unit) == 2 and all(isinstance(v, int)
                                                                          for v in scaler_unit):
        scaler, unit_code = scaler_unit
    if isinstance(value, bool) or not isinstance(value, int | float) or (
            isinstance(value, float) and not math.isfinite(value)):
        unit = UNITS.get(unit_code, "")
        return None, KILO.get(unit, unit)
    number = (Decimal(value) if isinstance(value, int) else Decimal(repr(value))).scaleb(
        max(-30, min(30, scaler)))
    unit = UNITS.get(unit_code, str(unit_code))
    if unit in KILO:
        return number.scaleb(-3), KILO[unit]
    return number, unit


# -- SET (the meter's clock) ---------------------------------------------------------------

def set_request(attr: Attribute, data: bytes) -> bytes:
    return (bytes([0xC1, 0x01, INVOKE]) + attr.class_id.to_bytes(2, "big") + attr.obis
            + bytes([attr.attribute, 0x00]) + data)


def parse_set_request(apdu: bytes) -> tuple[Attribute, bytes]:
    reader = axdr.Reader(apdu)
    if reader.byte() != 0xC1 or reader.byte() != 0x01:
        raise ProtocolError("BAD_DATA", "not a SET-request-normal")
    reader.byte()
    attr = Attribute(reader.uint(2), reader.take(6), reader.byte())
    if reader.byte() != 0:
        raise ProtocolError("BAD_DATA", "SET with selective access")
    return attr, reader.take(reader.left)


def set_response(result: int) -> bytes:
    return bytes([0xC5, 0x01, INVOKE, result])


def parse_set_response(apdu: bytes) -> int:
    """The data-access-result of a SET (0 = success)."""
    if apdu[:1] in (b"\xd8", b"\x0e"):
        return 250
    if len(apdu) < 4 or apdu[0] != 0xC5 or apdu[1] != 0x01:
        raise ProtocolError("BAD_DATA", f"not a SET response: {apdu[:4].hex()}")
    return apdu[3]
