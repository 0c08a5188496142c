"""Re-parse what a meter sent, from a capture or from a raw readout file.

A DLMS capture (HDLC frames) goes to :mod:`.dlms_capture`. Otherwise this works on the
received byte stream alone, tolerantly: the identification is the first
valid one, data blocks are the STX frames whose BCC checks (damaged frames that were
retransmitted are skipped), partial blocks (EOT) are joined, command frames (SOH, e.g. a
password prompt or an echoed password) are skipped.
"""

from __future__ import annotations

import json

from fieldkit.devices import identification
from fieldkit.devices.bcc import bcc_ok
from fieldkit.devices.capture import Capture
from fieldkit.devices.client import Readout, parse_datasets
from fieldkit.devices.datasets import decode
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.result import ReadingResult, from_readout


def frames(stream: bytes) -> list[tuple[int, bytes, bool]]:
    """(start char, body incl. end char, BCC ok) of every complete frame in ``stream``."""
    out: list[tuple[int, bytes, bool]] = []
    i = 0
    n = len(stream)
    while i < n:
        if stream[i] not in (0x01, 0x02):
            i += 1
            continue
        j = i + 1
        while j < n and stream[j] not in (0x03, 0x04):
            j += 1
        if j + 1 >= n:
            break
        body = stream[i + 1:j + 1]
        ok = bcc_ok(body, stream[j + 1])
        out.append((stream[i], body, ok))
        i = j + 2 if ok else i + 1
    return out


def parse_stream(stream: bytes) -> ReadingResult:
    found = identification.find(stream)
    if found is None:
        raise ProtocolError("BAD_IDENTIFICATION", "no identification message in the data")
    ident, end = found
    text_parts: list[str] = []
    pending = ""
    for start, body, ok in frames(stream[end:]):
        if not ok or start != 0x02:
            continue
        pending += decode(body[:-1])
        if body[-1] == 0x03:
            text_parts.append(pending)
            pending = ""
    if pending:
        text_parts.append(pending)
    if not text_parts:
        raise ProtocolError("BAD_DATA", "no data message with a valid checksum")
    text = "\r\n".join(part.rstrip("\r\n") for part in text_parts)
    sets, bad = parse_datasets(text)
    readout = Readout(ident, sets, text, bad)
    return from_readout(readout)


def parse_file_bytes(data: bytes) -> ReadingResult:
    """A capture (JSON) or a raw readout: decide by looking, parse, return the result."""
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        try:
            obj = json.loads(stripped.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            obj = None
        if obj is not None:
            capture = Capture.from_json(obj)
            from fieldkit.devices.dlms_capture import looks_like_hdlc, parse_capture

            if looks_like_hdlc(capture.received()):
                return parse_capture(capture)
            result = parse_stream(capture.received())
            result.capture = capture
            return result
    if data[:1] == b"\x7e":
        raise ProtocolError("BAD_DATA", "HDLC bytes: a DLMS reading is re-parsed from its capture "
                                        "(both directions), not from the received bytes alone")
    return parse_stream(data)
