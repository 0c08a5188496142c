"""Re-parse what a meter sent, from a capture or from a raw readout file.

A DLMS capture (HDLC frames) goes to :mod:`.dlms_capture`. Otherwise this works on the
received byte stream alone, tolerantly: the identification is the first
valid one, data blocks are the STX frames whose BCC checks (damaged frames that were
retransmitted are skipped), partial blocks (EOT) are joined, command frames (SOH, e.g. a
password prompt or an echoed password) are skipped.
"""

from __future__ import annotations

import itertools
import json
import operator
import re

from fieldkit.devices import identification
from fieldkit.devices.capture import Capture
from fieldkit.devices.client import Readout, parse_datasets
from fieldkit.devices.datasets import decode
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.result import ReadingResult, from_readout

MAX_INPUT = 4 * 1024 * 1024  # bytes: a capture of a long readout is well under 1 MB
MAX_JSON_DEPTH = 16
MAX_DATA_TEXT = 256 * 1024  # characters of data sets: a long load-profile readout is well under this


_START = re.compile(rb"[\x01\x02]")
_END = re.compile(rb"[\x03\x04]")


def frames(stream: bytes) -> list[tuple[int, bytes, bool]]:
    """(start char, body incl. end char, True) of every complete frame with a good BCC.

    A frame whose BCC fails is skipped and the search goes on from the next start
    character (a damaged frame may hide a good one). Linear time: candidate starts that
    run to the same end character share one check, made with prefix XORs (the BCC of
    bytes a..b is prefix[b] ^ prefix[a]), and every search moves forward only.
    """
    out: list[tuple[int, bytes, bool]] = []
    n = len(stream)
    prefix = bytes(itertools.accumulate(stream, operator.xor, initial=0))
    pos = 0
    while True:
        m = _START.search(stream, pos)
        if m is None:
            break
        first = m.start()
        e = _END.search(stream, first + 1)
        if e is None or e.start() + 1 >= n:
            break
        end = e.start()
        target = prefix[end + 1] ^ stream[end + 1]
        start = first if prefix[first + 1] == target else _good_start(stream, prefix, first + 1, end, target)
        if start < 0:
            pos = end + 1
            continue
        out.append((stream[start], stream[start + 1:end + 1], True))
        pos = end + 2
    return out


def _good_start(stream: bytes, prefix: bytes, lo: int, end: int, target: int) -> int:
    """The first i in [lo, end) with stream[i] a start character and prefix[i + 1] == target, or -1.

    Walks whichever is rarer in the range: start characters, or positions with the
    wanted prefix XOR (both counted at C speed)."""
    want = bytes([target])
    matches = prefix.count(want, lo + 1, end + 1)
    if not matches:
        return -1
    starts = stream.count(b"\x01", lo, end) + stream.count(b"\x02", lo, end)
    if starts <= matches:
        m = _START.search(stream, lo, end)
        while m is not None:
            i = m.start()
            if prefix[i + 1] == target:
                return i
            m = _START.search(stream, i + 1, end)
        return -1
    k = prefix.find(want, lo + 1, end + 1)
    while k >= 0:
        if stream[k - 1] in (0x01, 0x02):
            return k - 1
        k = prefix.find(want, k + 1, end + 1)
    return -1


def parse_stream(stream: bytes) -> ReadingResult:
    found = identification.find(stream)
    if found is None:
        raise ProtocolError("BAD_IDENTIFICATION", "no identification message in the data")
    ident, end = found
    text_parts: list[str] = []
    pending = ""
    size = 0
    for start, body, ok in frames(stream[end:]):
        if not ok or start != 0x02:
            continue
        size += len(body)
        if size > MAX_DATA_TEXT:
            raise ProtocolError("BAD_DATA", f"more than {MAX_DATA_TEXT // 1024} KB of data sets: not one readout")
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
    if bad and not sets:
        raise ProtocolError("BAD_DATA", f"no data set could be understood: {bad[0][:40]!r}")
    readout = Readout(ident, sets, text, bad)
    return from_readout(readout)


def _json_depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def parse_file_bytes(data: bytes) -> ReadingResult:
    """A capture (JSON) or a raw readout: decide by looking, parse, return the result.

    Input over MAX_INPUT bytes, a capture that is not valid UTF-8 JSON, nested deeper
    than a capture ever is, or with bad events, is ProtocolError BAD_CAPTURE."""
    if len(data) > MAX_INPUT:
        raise ProtocolError("BAD_CAPTURE", f"more than {MAX_INPUT // (1024 * 1024)} MB: not a capture of one reading")
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        try:
            text = stripped.decode("utf-8")
            if _json_depth(text) > MAX_JSON_DEPTH:
                raise ValueError(f"nested deeper than {MAX_JSON_DEPTH} levels")
            obj = json.loads(text)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise ProtocolError("BAD_CAPTURE", f"not a capture: {str(exc)[:80]}") from None
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


def read_limited(path: str) -> bytes:
    """Read at most MAX_INPUT + 1 bytes of `path` (so /dev/zero or a huge file is refused, not read)."""
    with open(path, "rb") as handle:
        return handle.read(MAX_INPUT + 1)
