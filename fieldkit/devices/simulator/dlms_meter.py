"""The simulated DLMS/COSEM meter's protocol logic (no I/O; the same interface as :class:`.meter.Meter`).

Mode E (IEC 62056-21 sign-on at 300 baud 7E1, ``ACK 2 Z 2``, then HDLC 8N1 at Z) or HDLC
directly. HDLC: SNRM/UA with negotiated information length, I-frames with N(S)/N(R),
segmentation of long answers (the next segment on RR), a repeat of the last frame when RR
says it was not received, DISC. COSEM: AARQ/AARE (public client, LLS password),
GET normal/next with data blocks and selective access by range, RLRQ/RLRE.

Faults (``--fault``): silent, bad-fcs-once, bad-fcs-always, no-ua, segmented, slow, password.
"""

from __future__ import annotations

import time
from typing import Any

from fieldkit.devices import axdr, cosem, hdlc
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.identification import BAUD_MODE_C
from fieldkit.devices.simulator.dlms_profiles import (
    EVENT_COLUMNS,
    PROFILE_COLUMNS,
    DlmsProfile,
    Objects,
    capture_objects,
)
from fieldkit.devices.simulator.meter import SIGN_ON, Out

DLMS_FAULTS = ("silent", "bad-fcs-once", "bad-fcs-always", "no-ua", "segmented", "slow", "password")
DLMS_DEFAULT_ARG = {"slow": 1.2, "password": 87654321.0}
INACTIVITY = 30.0       # HDLC inactivity timeout
WAIT_OPTION = 3.0


class DlmsMeter:
    def __init__(self, profile: DlmsProfile, fault: str | None = None, fault_arg: float | None = None,
                 clock: Any = time.time) -> None:
        if fault is not None and fault not in DLMS_FAULTS:
            raise ValueError(f"unknown fault {fault!r}; known: {', '.join(DLMS_FAULTS)}")
        self.profile = profile
        self.fault = fault
        self.arg = fault_arg if fault_arg is not None else DLMS_DEFAULT_ARG.get(fault or "", 0.0)
        self.objects = Objects(profile, clock)
        self.outbox: list[Out] = []
        self.deadline: float | None = None
        self.now = 0.0
        self.echo = False
        self.buf = bytearray()
        self.max_info = 32 if fault == "segmented" else profile.max_info
        self.max_pdu = 96 if fault == "segmented" else profile.max_pdu
        self.sent_i = 0
        self.sessions = 0
        self._idle_after_sent = False
        self._idle()

    # -- state ----------------------------------------------------------------------------

    def _idle(self) -> None:
        self.state = "idle" if self.profile.mode_e else "ndm"
        self.speed = self.listen_baud = 300 if self.profile.mode_e else self.profile.baud
        self.bits = 7 if self.profile.mode_e else 8
        self.buf.clear()
        self.deadline = None
        self._disconnect()

    def _disconnect(self) -> None:
        self.vs = self.vr = 0
        self.associated = False
        self.writer = False
        self.pending: list[bytes] = []       # segments not sent yet
        self.incoming = bytearray()
        self.last_frame = b""
        self.blocks: list[bytes] = []
        self.block_number = 0
        self.info_tx = self.max_info

    @property
    def reaction(self) -> float:
        return self.arg if self.fault == "slow" else self.profile.hdlc_reaction

    def _queue(self, data: bytes, gap: float | None = None) -> None:
        self.deadline = None
        self.outbox.append(Out(data, self.speed, self.reaction if gap is None else gap, False, None, self.now))

    # -- input ----------------------------------------------------------------------------

    def receive(self, byte: int, now: float) -> None:
        self.now = now
        if self.fault == "silent":
            return
        self.buf.append(byte)
        if len(self.buf) > 4096:
            del self.buf[:-2100]
        if self.state == "idle":
            match = SIGN_ON.search(bytes(self.buf))
            if match is not None:
                self.buf.clear()
                p = self.profile
                self._queue(f"/{p.manufacturer}{p.baud_char}\\2{p.ident}\r\n".encode("ascii"), p.reaction)
                self.state = "option"
            return
        if self.state == "option":
            if self.buf.endswith(b"\r\n"):
                text = bytes(self.buf[-6:])
                self.buf.clear()
                if len(text) == 6 and text[0] == 0x06 and text[1:2] == b"2" and text[3:4] == b"2" \
                        and chr(text[2]) in BAUD_MODE_C and chr(text[2]) <= self.profile.baud_char:
                    self.speed = self.listen_baud = BAUD_MODE_C[chr(text[2])]
                    self.bits = 8
                    self.state = "ndm"
                    self.deadline = now + INACTIVITY
                else:
                    self._idle()
            return
        if self.buf[0] != hdlc.FLAG:
            del self.buf[:1]
            return
        scan = hdlc.take_frames(self.buf)
        del self.buf[:scan.consumed]
        for frame in scan.frames:
            upper, _lower = hdlc.decode_address(frame.dest)
            if upper == self.profile.server_logical:
                self._on_frame(frame)

    def _reply(self, frame: hdlc.Frame, control: int, info: bytes = b"", segmented: bool = False) -> bytes:
        return hdlc.Frame(frame.src, frame.dest, control, info, segmented).encode()

    def _on_frame(self, frame: hdlc.Frame) -> None:
        self.deadline = None
        kind = frame.kind
        self.client = frame
        if kind == "SNRM":
            if self.fault == "no-ua":
                return
            theirs = hdlc.Params.decode(frame.info) if frame.info else hdlc.Params()
            self._disconnect()
            self.info_tx = min(self.max_info, theirs.max_info_rx)
            self.sessions += 1
            self.state = "nrm"
            params = hdlc.Params(self.info_tx, min(self.max_info, theirs.max_info_tx), 1, 1)
            self._queue(self._reply(frame, hdlc.UA | hdlc.POLL, params.encode()))
            return
        if kind == "DISC":
            connected = self.state == "nrm"
            self._queue(self._reply(frame, (hdlc.UA if connected else hdlc.DM) | hdlc.POLL))
            self._disconnect()
            self.state = "ndm"
            self._idle_after_sent = self.profile.mode_e
            return
        if self.state != "nrm":
            self._queue(self._reply(frame, hdlc.DM | hdlc.POLL))
            return
        if kind == "RR":
            if frame.nr != self.vs and self.last_frame:
                self._queue(self._damaged(self.last_frame))   # our last frame did not arrive
            elif self.pending:
                self._send_segment(frame)
            else:
                self._queue(self._reply(frame, hdlc.rr_control(self.vr)))
            return
        if kind != "I":
            return
        if frame.ns != self.vr:
            self._queue(self._reply(frame, hdlc.rr_control(self.vr)))
            return
        self.vr = (self.vr + 1) % 8
        self.incoming += frame.info
        if frame.segmented:
            self._queue(self._reply(frame, hdlc.rr_control(self.vr)))
            return
        info = bytes(self.incoming)
        self.incoming.clear()
        if not info.startswith(hdlc.LLC_REQUEST):
            return
        try:
            answer = self._on_apdu(info[3:])
        except ProtocolError:
            answer = bytes([0xD8, 0x01, 0x02])    # exception-response: service not supported
        data = hdlc.LLC_RESPONSE + answer
        self.pending = [data[i:i + self.info_tx] for i in range(0, len(data), self.info_tx)]
        self._send_segment(frame)

    def _send_segment(self, frame: hdlc.Frame) -> None:
        part = self.pending.pop(0)
        control = hdlc.i_control(self.vs, self.vr)
        self.vs = (self.vs + 1) % 8
        self.last_frame = self._reply(frame, control, part, segmented=bool(self.pending))
        self._queue(self._damaged(self.last_frame))

    def _damaged(self, data: bytes) -> bytes:
        first = self.sent_i == 0
        self.sent_i += 1
        if self.fault == "bad-fcs-always" or (self.fault == "bad-fcs-once" and first):
            return data[:-2] + bytes([data[-2] ^ 0x5A]) + data[-1:]
        return data

    # -- COSEM ----------------------------------------------------------------------------

    def _on_apdu(self, apdu: bytes) -> bytes:
        if apdu[:1] == b"\x60":
            aarq = cosem.parse_aarq(apdu)
            wanted = f"{int(self.arg):08d}" if self.fault == "password" else self.profile.password
            if aarq.password is None:
                ok = self.profile.public_allowed and self.fault != "password"
                diagnostic = 14
            else:
                ok = wanted is not None and aarq.password == wanted.encode()
                diagnostic = 13
            self.associated = ok
            self.writer = ok and aarq.password is not None     # LLS may write the clock
            return cosem.aare(ok, 0 if ok else diagnostic, self.max_pdu)
        if apdu[:1] == b"\x62":
            self.associated = False
            return cosem.RLRE
        if not self.associated:
            return cosem.get_response_error(3)
        if apdu[:1] == b"\xc1":
            return self._set(apdu)
        request = cosem.parse_get_request(apdu)
        if request.next_block is not None:
            if not self.blocks or request.next_block != self.block_number:
                return cosem.get_response_error(19)
            return self._next_block()
        data = self._read(request)
        if isinstance(data, int):
            return cosem.get_response_error(data)
        if len(data) + 8 <= self.max_pdu:
            return cosem.get_response_normal(data)
        size = self.max_pdu - 16
        self.blocks = [data[i:i + size] for i in range(0, len(data), size)]
        self.block_number = 0
        return self._next_block()

    def _set(self, apdu: bytes) -> bytes:
        """SET: only the clock, only for a client that gave the password."""
        attr, data = cosem.parse_set_request(apdu)
        if cosem.obis_text(attr.obis) != "0.0.1.0.0.255" or attr.class_id != 8 or attr.attribute != 2:
            return cosem.set_response(3)
        if not self.writer:
            return cosem.set_response(3)
        try:
            value = axdr.decode(data)
        except ProtocolError:
            return cosem.set_response(12)
        moment = axdr.parse_datetime(value) if isinstance(value, bytes) else None
        if moment is None or moment.tzinfo is None:
            return cosem.set_response(12)
        self.profile.clock_offset = moment.timestamp() - float(self.objects.clock())
        return cosem.set_response(0)

    def _next_block(self) -> bytes:
        self.block_number += 1
        raw = self.blocks.pop(0)
        return cosem.get_response_block(self.block_number, not self.blocks, raw)

    def _read(self, request: cosem.GetRequest) -> bytes | int:
        attr = request.attr
        code = cosem.obis_text(attr.obis)
        if attr.attribute == 1:
            return axdr.octets(attr.obis)
        objects = self.objects
        if attr.class_id == 8 and code == "0.0.1.0.0.255":
            return objects.clock_value() if attr.attribute == 2 else 4
        if attr.class_id == 3:
            registers = objects.registers()
            if code not in registers:
                return 4
            value, scaler, unit = registers[code]
            if attr.attribute == 2:
                return value
            return axdr.structure(axdr.i8(scaler), axdr.enum(unit)) if attr.attribute == 3 else 4
        if attr.class_id == 1:
            found = objects.data().get(code)
            return found if found is not None and attr.attribute == 2 else 4
        if attr.class_id == 7 and code in ("0.0.99.98.0.255", "1.0.99.1.0.255"):
            profile = code == "1.0.99.1.0.255"
            if attr.attribute == 3:
                return capture_objects(PROFILE_COLUMNS if profile else EVENT_COLUMNS)
            if attr.attribute == 4:
                return axdr.u32(900 if profile else 0)
            if attr.attribute != 2:
                return 4
            rows = objects.profile_rows() if profile else objects.event_rows()
            return self._select(rows, request.access)
        return 4

    def _select(self, rows: list[tuple[float, bytes]], access: bytes) -> bytes | int:
        if access:
            try:
                reader = axdr.Reader(access)
                if reader.byte() != 1:
                    return 9
                params = axdr.read_data(reader)
                start = axdr.parse_datetime(params[1])
                end = axdr.parse_datetime(params[2])
            except (ProtocolError, IndexError, TypeError):
                return 9
            if start is None or end is None:
                return 9
            low, high = axdr.as_utc(start).timestamp(), axdr.as_utc(end).timestamp()
            rows = [r for r in rows if low <= r[0] <= high]
        return axdr.array(r[1] for r in rows)

    # -- time -----------------------------------------------------------------------------

    def sent(self, now: float, dropped: bool = False) -> None:
        if dropped:
            self._idle()
            return
        if self.outbox:
            return
        if self._idle_after_sent:
            self._idle_after_sent = False
            self._idle()
            return
        if self.state == "option":
            self.deadline = now + WAIT_OPTION
        elif self.state in ("ndm", "nrm") and self.profile.mode_e:
            self.deadline = now + INACTIVITY

    def tick(self, now: float) -> None:
        if self.deadline is not None and now >= self.deadline:
            self._idle()
