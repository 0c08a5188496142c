"""HDLC framing for DLMS/COSEM (IEC 62056-46 / ISO 13239 frame format type 3).

``7E | A0+len | dest | src | control | HCS | info | FCS | 7E``: the length counts every
byte between the flags; HCS and FCS are CRC-16/X.25 (sent low byte first); HCS is
present only when there is an information field. Addresses use one, two or four bytes
with the low bit marking the last byte. No byte stuffing: frames are length-delimited.

:func:`take_frames` pulls complete frames out of a received byte stream, skipping noise,
and reports damaged ones (bad HCS/FCS) instead of raising, so a reader can ask again.
Scanning is linear: a candidate whose header fails its HCS costs a few bytes, a frame
whose header checks but whose FCS fails is skipped whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldkit.devices.errors import ProtocolError

FLAG = 0x7E
MAX_FRAME = 2047            # 11-bit length field

SNRM, DISC, UA, DM, FRMR, UI = 0x83, 0x43, 0x63, 0x0F, 0x87, 0x03
POLL = 0x10

LLC_REQUEST = b"\xe6\xe6\x00"
LLC_RESPONSE = b"\xe6\xe7\x00"


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_TABLE = _crc_table()


def crc16(data: bytes) -> int:
    """CRC-16/X.25 (HDLC FCS): reflected 0x1021, init and final XOR 0xFFFF."""
    crc = 0xFFFF
    for byte in data:
        crc = (crc >> 8) ^ _TABLE[(crc ^ byte) & 0xFF]
    return crc ^ 0xFFFF


def _fcs(data: bytes) -> bytes:
    return crc16(data).to_bytes(2, "little")


def encode_address(upper: int, lower: int | None = None) -> bytes:
    """One byte (``lower`` None), two bytes (both < 128) or four bytes (both < 16384)."""
    if lower is None:
        if not 0 <= upper < 128:
            raise ValueError(f"one-byte HDLC address out of range: {upper}")
        return bytes([(upper << 1) | 1])
    if upper < 128 and lower < 128:
        return bytes([upper << 1, (lower << 1) | 1])
    if upper < 16384 and lower < 16384:
        return bytes([(upper >> 7) << 1, (upper & 0x7F) << 1, (lower >> 7) << 1, ((lower & 0x7F) << 1) | 1])
    raise ValueError(f"HDLC address out of range: {upper}/{lower}")


def decode_address(raw: bytes) -> tuple[int, int | None]:
    """(upper, lower or None) of an address as :func:`encode_address` writes it."""
    values = [b >> 1 for b in raw]
    if len(raw) == 1:
        return values[0], None
    if len(raw) == 2:
        return values[0], values[1]
    if len(raw) == 4:
        return (values[0] << 7) | values[1], (values[2] << 7) | values[3]
    raise ProtocolError("BAD_DATA", f"HDLC: address of {len(raw)} bytes")


@dataclass(frozen=True)
class Frame:
    dest: bytes
    src: bytes
    control: int
    info: bytes = b""
    segmented: bool = False

    @property
    def poll(self) -> bool:
        return bool(self.control & POLL)

    @property
    def is_i(self) -> bool:
        return self.control & 1 == 0

    @property
    def ns(self) -> int:
        return (self.control >> 1) & 7

    @property
    def nr(self) -> int:
        return (self.control >> 5) & 7

    @property
    def kind(self) -> str:
        """'I', 'RR', 'RNR', 'SNRM', 'DISC', 'UA', 'DM', 'FRMR', 'UI' or '?'."""
        if self.is_i:
            return "I"
        if self.control & 3 == 1:
            return {0x01: "RR", 0x05: "RNR"}.get(self.control & 0x0F, "?")
        return {SNRM: "SNRM", DISC: "DISC", UA: "UA", DM: "DM", FRMR: "FRMR", UI: "UI"}.get(
            self.control & ~POLL & 0xFF, "?")

    def encode(self) -> bytes:
        size = 2 + len(self.dest) + len(self.src) + 1 + 2 + (len(self.info) + 2 if self.info else 0)
        if size > MAX_FRAME:
            raise ValueError("HDLC frame too long")
        head = bytes([0xA0 | (0x08 if self.segmented else 0) | (size >> 8), size & 0xFF]) \
            + self.dest + self.src + bytes([self.control])
        if not self.info:
            return bytes([FLAG]) + head + _fcs(head) + bytes([FLAG])
        body = head + _fcs(head) + self.info
        return bytes([FLAG]) + body + _fcs(body) + bytes([FLAG])


def i_control(ns: int, nr: int, poll: bool = True) -> int:
    return ((nr & 7) << 5) | (POLL if poll else 0) | ((ns & 7) << 1)


def rr_control(nr: int, poll: bool = True) -> int:
    return ((nr & 7) << 5) | (POLL if poll else 0) | 0x01


def rnr_control(nr: int, poll: bool = True) -> int:
    return ((nr & 7) << 5) | (POLL if poll else 0) | 0x05


def _address_end(data: bytes | bytearray, start: int, limit: int) -> int:
    """Index after an address starting at ``start`` (1, 2 or 4 bytes), or -1."""
    for i in range(start, min(start + 4, limit)):
        if data[i] & 1:
            size = i - start + 1
            return i + 1 if size in (1, 2, 4) else -1
    return -1


@dataclass(frozen=True)
class Scan:
    frames: list[Frame]
    damaged: int        # frames whose header checked but whose FCS did not
    consumed: int       # bytes of the input that are dealt with (the rest may be a frame in progress)


def take_frames(data: bytes | bytearray) -> Scan:
    """Every complete frame in ``data``; bytes before a flag and broken candidates are skipped."""
    frames: list[Frame] = []
    damaged = 0
    n = len(data)
    i = 0
    consumed = 0
    while i < n:
        if data[i] != FLAG:
            i += 1
            consumed = i
            continue
        if i + 2 >= n:
            break
        fmt = data[i + 1]
        if fmt == FLAG:          # two flags in a row: the first one closes nothing
            i += 1
            consumed = i
            continue
        if fmt & 0xF0 != 0xA0:
            i += 1
            consumed = i
            continue
        size = ((fmt & 0x07) << 8) | data[i + 2]
        if size < 7:
            i += 1
            consumed = i
            continue
        if i + size + 2 > n:
            # maybe a frame in progress; a header that already fails its check is not
            header_end = _header_end(data, i, n)
            if header_end == -2:
                i += 1
                consumed = i
                continue
            break
        end = i + 1 + size           # index of the closing flag
        header_end = _header_end(data, i, end)
        if header_end < 0 or data[end] != FLAG:
            i += 1
            consumed = i
            continue
        body = bytes(data[i + 1:end])
        if crc16(body[:-2]).to_bytes(2, "little") != body[-2:]:
            damaged += 1
            i = end                   # the closing flag may open the next frame
            consumed = i
            continue
        dest_end = _address_end(data, i + 3, end)
        src_end = _address_end(data, dest_end, end)
        control = data[src_end]
        info = bytes(data[header_end:end - 2]) if header_end < end - 2 else b""
        frames.append(Frame(bytes(data[i + 3:dest_end]), bytes(data[dest_end:src_end]), control, info,
                            bool(fmt & 0x08)))
        i = end
        consumed = end if end + 1 >= n or data[end + 1] == FLAG else end + 1
        if end + 1 < n and data[end + 1] == FLAG:
            i = end + 1
    return Scan(frames, damaged, min(consumed, n))


def _header_end(data: bytes | bytearray, i: int, limit: int) -> int:
    """Index after the header (and HCS when there is an information field); -1 when the
    header cannot be complete before ``limit``; -2 when it is complete but fails its HCS."""
    dest_end = _address_end(data, i + 3, limit)
    if dest_end < 0:
        return -1
    src_end = _address_end(data, dest_end, limit)
    if src_end < 0 or src_end >= limit:
        return -1
    size = ((data[i + 1] & 0x07) << 8) | data[i + 2]
    after_control = src_end + 1
    without_info = after_control + 2 - (i + 1)
    if size == without_info:
        return after_control       # no information field: the FCS covers the header
    if after_control + 2 > limit:
        return -1
    head = bytes(data[i + 1:after_control])
    if _fcs(head) != bytes(data[after_control:after_control + 2]):
        return -2
    return after_control + 2


# -- SNRM / UA parameters -------------------------------------------------------------------

@dataclass(frozen=True)
class Params:
    max_info_tx: int = 128
    max_info_rx: int = 128
    window_tx: int = 1
    window_rx: int = 1

    def encode(self) -> bytes:
        def item(tag: int, value: int, width: int) -> bytes:
            return bytes([tag, width]) + value.to_bytes(width, "big")

        def info_item(tag: int, value: int) -> bytes:
            return item(tag, value, 1 if value < 256 else 2)

        group = (info_item(5, self.max_info_tx) + info_item(6, self.max_info_rx)
                 + item(7, self.window_tx, 4) + item(8, self.window_rx, 4))
        return b"\x81\x80" + bytes([len(group)]) + group

    @classmethod
    def decode(cls, info: bytes) -> Params:
        """Parameters of a UA (or SNRM); defaults for what is absent.

        Lenient about the group length (some implementations write 0 there): the
        parameters present are read up to the group's end or the field's end.
        """
        if not info:
            return cls()
        if len(info) < 3 or info[0] != 0x81 or info[1] != 0x80:
            raise ProtocolError("BAD_DATA", f"HDLC: bad parameter field {info[:8].hex()}")
        declared = info[2]
        end = 3 + declared if declared and 3 + declared <= len(info) else len(info)
        values = {5: 128, 6: 128, 7: 1, 8: 1}
        i = 3
        while i + 2 <= end:
            tag, width = info[i], info[i + 1]
            if width == 0 or width > 4 or i + 2 + width > end:
                break
            values[tag] = int.from_bytes(info[i + 2:i + 2 + width], "big")
            i += 2 + width
        if not 16 <= values[5] <= MAX_FRAME or not 16 <= values[6] <= MAX_FRAME:
            raise ProtocolError("BAD_DATA", f"HDLC: information length {values[5]}/{values[6]}")
        return cls(values[5], values[6], max(1, min(7, values[7])), max(1, min(7, values[8])))
