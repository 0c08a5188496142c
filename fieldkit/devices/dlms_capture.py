"""Re-parse a DLMS reading from its capture (``fieldkit parse-telegram capture.json``).

The capture holds every byte each way in order. Both directions are cut into HDLC frames
(damaged ones dropped), I-frames are taken in N(S) order per direction (repeats dropped;
SNRM/UA start again at 0), segments joined, LLC headers removed; then each GET request is
paired with its response (data blocks joined) and the answers are interpreted exactly as
in a live read.
"""

from __future__ import annotations

from fieldkit.devices import cosem, hdlc, identification
from fieldkit.devices.capture import Capture
from fieldkit.devices.dlms_read import Answer, interpret
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.result import ReadingResult


def looks_like_hdlc(stream: bytes) -> bool:
    return bool(hdlc.take_frames(stream).frames)


class _Direction:
    def __init__(self, llc: bytes) -> None:
        self.llc = llc
        self.buf = bytearray()
        self.expected = 0
        self.segments = bytearray()

    def feed(self, data: bytes) -> list[tuple[str, bytes]]:
        """(kind, APDU or b"") of what completed with these bytes."""
        self.buf += data
        scan = hdlc.take_frames(self.buf)
        del self.buf[:scan.consumed]
        out: list[tuple[str, bytes]] = []
        for frame in scan.frames:
            kind = frame.kind
            if kind in ("SNRM", "UA"):
                out.append((kind, b""))
                continue
            if kind != "I" or frame.ns != self.expected:
                continue
            self.expected = (self.expected + 1) % 8
            self.segments += frame.info
            if frame.segmented:
                continue
            info = bytes(self.segments)
            self.segments.clear()
            if info.startswith(self.llc):
                out.append(("APDU", info[3:]))
        return out


def answers(capture: Capture) -> list[Answer]:
    tx, rx = _Direction(hdlc.LLC_REQUEST), _Direction(hdlc.LLC_RESPONSE)
    found: list[Answer] = []
    request: tuple[cosem.Attribute, bytes] | None = None
    blocks = bytearray()
    for event in capture.events:
        if event.direction not in ("tx", "rx") or not event.data:
            continue
        side = tx if event.direction == "tx" else rx
        for kind, apdu in side.feed(event.data):
            if kind in ("SNRM", "UA"):
                tx.expected = rx.expected = 0
                continue
            if event.direction == "tx":
                if apdu[:1] == b"\xc0":
                    parsed = cosem.parse_get_request(apdu)
                    if parsed.next_block is None:
                        request = (parsed.attr, parsed.access)
                        blocks.clear()
                continue
            if apdu[:1] != b"\xc4" or request is None:
                continue
            response = cosem.parse_response(apdu)
            attr, access = request
            if response.error is not None:
                found.append(Answer(attr, access, error=response.error))
                request = None
            elif response.block is None:
                found.append(Answer(attr, access, response.data))
                request = None
            else:
                blocks += response.data
                if response.last:
                    found.append(Answer(attr, access, bytes(blocks)))
                    request = None
    return found


def parse_capture(capture: Capture) -> ReadingResult:
    got = answers(capture)
    if not got:
        raise ProtocolError("BAD_DATA", "no complete DLMS answer in the capture")
    stream = capture.received()
    found = identification.find(stream[:512])
    ident = found[0].raw if found is not None else ""
    return interpret(got, ident, capture)
