"""DLMS/COSEM reader as a sans-I/O state machine (same actions as the mode C client).

Sign-on in protocol mode E (IEC 62056-21 ``/?!`` at 300 baud, identification with ``\\2``,
option select ``ACK 2 Z 2``, then HDLC at that speed, 8N1) or HDLC directly at
``hdlc_baud``. Then: SNRM/UA (window and maximum information length negotiated), AARQ/AARE
(public client, or LLS password), the GET requests of a :class:`~.dlms_read.Plan` (block
transfer, selective access), RLRQ and DISC.

HDLC: I-frames carry N(S)/N(R); a segmented answer is acknowledged with RR after each
frame with the poll/final bit (the meter's window); a damaged frame (bad HCS/FCS) is asked
for again at once with RR and the unchanged N(R); RNR is waited out; a lost frame of ours
(the meter's RR does not acknowledge it) is sent again. Requests longer than the meter's
maximum information field are segmented.

Failures are :class:`ProtocolError`. In automatic mode (``protocol="auto"``) a meter that
does not answer SNRM after a mode E sign-on gives :class:`Fallback` instead, and the
caller reads it in mode C.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from fieldkit.devices import axdr, cosem, framing, hdlc, identification
from fieldkit.devices.client import Pause, Progress, ReadOptions, Send, SetBaud
from fieldkit.devices.dlms_read import Answer, Plan
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.identification import BAUD_CHAR_C, Identification


@dataclass
class DlmsReadout:
    identification: str
    answers: list[Answer] = field(default_factory=list)
    params: hdlc.Params = field(default_factory=hdlc.Params)
    repeats: int = 0             # frames asked for again (damaged or lost)
    released: bool = False
    clock_received: int | None = None   # bytes received when the clock's answer was complete
    clock_before: bytes | None = None   # clock set: the meter's date-time before, what was written, the result
    clock_written: bytes | None = None
    clock_result: int | None = None


@dataclass(frozen=True)
class DlmsDone:
    readout: DlmsReadout


@dataclass(frozen=True)
class Fallback:
    """Mode E was offered but HDLC did not answer: read this meter in mode C instead."""

    total_received: int


DlmsAction = Send | SetBaud | Pause | Progress | DlmsDone | Fallback
CLOCK_ATTR = cosem.Attribute(8, cosem.obis_bytes("0.0.1.0.0.255"), 2)


def axdr_value(data: bytes) -> bytes | None:
    """The octets of an encoded octet-string (a date-time), None if it is not one."""
    try:
        value = axdr.decode(data)
    except ProtocolError:
        return None
    return value if isinstance(value, bytes) else None


class DlmsClient:
    def __init__(self, options: ReadOptions | None = None, direct: bool = False,
                 snrm_retries: int | None = None, clock: Callable[[], datetime] | None = None) -> None:
        self.options = options or ReadOptions()
        # only for setting the meter's clock; tests give their own
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.direct = direct
        self.snrm_retries = self.options.hdlc_retries if snrm_retries is None else snrm_retries
        self.state = "new"
        self.ident: Identification | None = None
        self.client_addr = hdlc.encode_address(self.options.client_address)
        self.server_addr = hdlc.encode_address(self.options.server_logical, self.options.server_physical)
        self.params = hdlc.Params(self.options.max_info, self.options.max_info, 1, 1)
        self.plan = Plan(self.options.dlms_objects, self.options.dlms_registers, self.options.profile_hours,
                         self.options.profile_from, self.options.profile_to, self.options.profile_tamper_days)
        self.readout = DlmsReadout("")
        self._buf = bytearray()
        self._received = 0
        self._total = 0
        self._attempts = 0
        self._retries = 0
        self._rnr = 0
        self._vs = 0
        self._vr = 0
        self._segments = bytearray()
        self._out: deque[bytes] = deque()      # request segments not sent yet
        self._last_frame = b""
        self._request: tuple[cosem.Attribute, bytes] | None = None
        self._blocks = bytearray()
        self._connected = False

    # -- the driver's interface (as for the mode C client) ------------------------------

    @property
    def finished(self) -> bool:
        return self.state == "done"

    @property
    def timeouts(self) -> tuple[float, float]:
        return self.options.answer_timeout, self.options.inter_char_timeout

    @property
    def waiting_for_first_byte(self) -> bool:
        return self._received == 0

    def start(self) -> list[DlmsAction]:
        if self.state != "new":
            raise ProtocolError("UNEXPECTED_REPLY", "client started twice")
        if self.options.set_clock and self.options.dlms_password is None:
            raise ProtocolError("PASSWORD_REQUIRED", "setting the clock needs the meter's write password")
        if self.direct:
            return [SetBaud(self.options.hdlc_baud, 8), *self._snrm()]
        return self._sign_on()

    def after_identification(self, ident: Identification, total_received: int) -> list[DlmsAction]:
        """Take over after a mode E identification that another client received."""
        if self.options.set_clock and self.options.dlms_password is None:
            raise ProtocolError("PASSWORD_REQUIRED", "setting the clock needs the meter's write password")
        self._total = total_received
        self.ident = ident
        return self._option_select(ident)

    def receive(self, data: bytes) -> list[DlmsAction]:
        if self.state in ("done", "new"):
            return []
        self._received += len(data)
        self._total += len(data)
        self._buf += data
        if self.state == "ident":
            found = identification.find(bytes(self._buf))
            if found is None:
                if len(self._buf) > 256:
                    raise ProtocolError("BAD_IDENTIFICATION", f"no identification in {bytes(self._buf[:40])!r}")
                return []
            self.ident = found[0]
            if not self.ident.mode_e:
                raise ProtocolError("UNEXPECTED_REPLY", f"meter {self.ident.raw!r} does not offer mode E (DLMS)")
            return self._option_select(self.ident)
        scan = hdlc.take_frames(self._buf)
        del self._buf[:scan.consumed]
        if len(self._buf) > hdlc.MAX_FRAME + 2:
            del self._buf[:-hdlc.MAX_FRAME - 2]
        actions: list[DlmsAction] = []
        answered = False
        for frame in scan.frames:
            if frame.dest != self.client_addr or frame.src != self.server_addr:
                continue  # our own frames echoed back, or another conversation
            answered = True
            actions.extend(self._on_frame(frame))
            if self.state == "done":
                return actions
        if scan.damaged and not answered:
            actions.extend(self._repeat("damaged frame"))
        elif not actions:
            actions.append(Progress("receiving", self._total, None))
        return actions

    def timed_out(self) -> list[DlmsAction]:
        if self.state in ("done", "new"):
            return []
        if self.state == "ident":
            if self._attempts <= self.options.sign_on_retries:
                return self._sign_on()
            raise ProtocolError("NO_ANSWER", "no identification after sign-on")
        if self.state == "snrm":
            if self._retries < self.snrm_retries:
                self._retries += 1
                return self._snrm()
            if self.options.protocol == "auto" and not self.direct:
                self.state = "done"
                return [Fallback(self._total)]
            raise ProtocolError("NO_ANSWER", "no UA: the meter does not answer HDLC (SNRM)")
        if self.state == "rlrq":
            return self._disc()
        if self.state == "disc":
            return self._done()
        return self._repeat("no answer")

    def abort(self) -> list[Send]:
        """When giving up: DISC, so the meter is free for the next try at once."""
        connected = self._connected and self.state not in ("done", "disc")
        self.state = "done"
        if connected:
            return [Send(hdlc.Frame(self.server_addr, self.client_addr, hdlc.DISC | hdlc.POLL).encode(), 0.0)]
        return []

    # -- sign-on and link --------------------------------------------------------------

    def _send(self, data: bytes, gap: float = 0.0) -> Send:
        self._received = 0
        return Send(data, gap)

    def _sign_on(self) -> list[DlmsAction]:
        self._attempts += 1
        self.state = "ident"
        self._buf.clear()
        return [Progress("sign-on", self._total, None),
                self._send(framing.sign_on(self.options.address), 0.2 if self._attempts > 1 else 0.0)]

    def _option_select(self, ident: Identification) -> list[DlmsAction]:
        self._buf.clear()
        limit = min(ident.baud, self.options.baud_max)
        baud = max([b for b in BAUD_CHAR_C if b <= limit] or [300])
        gap = self.options.min_reaction if self.options.min_reaction is not None else ident.min_reaction
        ack = b"\x062" + BAUD_CHAR_C[baud].encode() + b"2\r\n"
        return [Progress("identification", self._total, None), self._send(ack, gap),
                Progress("baud switch", self._total, None), SetBaud(baud, 8), *self._snrm()]

    def _snrm(self) -> list[DlmsAction]:
        self.state = "snrm"
        frame = hdlc.Frame(self.server_addr, self.client_addr, hdlc.SNRM | hdlc.POLL, self.params.encode())
        return [Progress("connecting", self._total, None), self._frame_send(frame)]

    def _frame_send(self, frame: hdlc.Frame) -> Send:
        self._last_frame = frame.encode()
        return self._send(self._last_frame)

    def _send_apdu(self, apdu: bytes) -> list[DlmsAction]:
        info = hdlc.LLC_REQUEST + apdu
        size = max(16, self.params.max_info_tx)
        self._out = deque(info[i:i + size] for i in range(0, len(info), size))
        self._segments.clear()
        return [self._next_segment()]

    def _next_segment(self) -> Send:
        part = self._out.popleft()
        frame = hdlc.Frame(self.server_addr, self.client_addr, hdlc.i_control(self._vs, self._vr), part,
                           segmented=bool(self._out))
        self._vs = (self._vs + 1) % 8
        self._retries = 0
        return self._frame_send(frame)

    def _repeat(self, why: str) -> list[DlmsAction]:
        """Ask for the last answer again (RR with the unchanged N(R)), a few times."""
        self._retries += 1
        self.readout.repeats += 1
        if self._retries > self.options.hdlc_retries:
            code = "BCC_FAILED" if why == "damaged frame" else "CONNECTION_LOST" if self._total else "NO_ANSWER"
            raise ProtocolError(code, f"{why} in state {self.state} after {self._retries - 1} repeats")
        self._buf.clear()
        frame = hdlc.Frame(self.server_addr, self.client_addr, hdlc.rr_control(self._vr))
        return [Progress("receiving", self._total, None), self._send(frame.encode())]

    def _on_frame(self, frame: hdlc.Frame) -> list[DlmsAction]:
        kind = frame.kind
        if self.state == "snrm":
            if kind == "UA":
                self._connected = True
                theirs = hdlc.Params.decode(frame.info)
                # the meter's view: what it sends at most is what we receive, and the reverse
                self.params = hdlc.Params(min(self.options.max_info, theirs.max_info_rx),
                                          min(self.options.max_info, theirs.max_info_tx),
                                          theirs.window_rx, theirs.window_tx)
                self.readout.params = self.params
                self._vs = self._vr = 0
                self.state = "aarq"
                password = self.options.dlms_password
                apdu = cosem.aarq(password.encode("latin-1") if password is not None else None)
                return [Progress("association", self._total, None), *self._send_apdu(apdu)]
            if kind == "DM":
                raise ProtocolError("UNEXPECTED_REPLY", "the meter refused the HDLC connection (DM)")
            return []
        if self.state == "disc":
            return self._done() if kind in ("UA", "DM") else []
        if kind == "RNR":
            self._rnr += 1
            if self._rnr > 100:
                raise ProtocolError("CONNECTION_LOST", "the meter stayed busy (RNR)")
            return [Pause(0.05), self._send(hdlc.Frame(self.server_addr, self.client_addr,
                                                       hdlc.rr_control(self._vr)).encode())]
        if kind == "RR":
            if frame.nr == self._vs and self._out:
                return [self._next_segment()]
            if frame.nr != self._vs and self._last_frame:
                self.readout.repeats += 1      # our frame was lost: send it again
                return [self._send(self._last_frame)]
            return []
        if kind in ("DM", "FRMR"):
            raise ProtocolError("CONNECTION_LOST", f"the meter ended the HDLC connection ({kind})")
        if kind != "I":
            return []
        if frame.ns != self._vr:
            return []                          # a repeat of a frame we already have
        self._vr = (self._vr + 1) % 8
        self._retries = 0
        self._segments += frame.info
        if frame.segmented:
            if frame.poll:
                return [self._send(hdlc.Frame(self.server_addr, self.client_addr,
                                              hdlc.rr_control(self._vr)).encode())]
            return []
        info = bytes(self._segments)
        self._segments.clear()
        if not info.startswith(hdlc.LLC_RESPONSE):
            if self.state == "rlrq":
                return self._disc()            # some servers answer RLRQ without the LLC header
            raise ProtocolError("BAD_DATA", f"not an LLC response header: {info[:3].hex()}")
        return self._on_apdu(info[3:])

    # -- application layer -------------------------------------------------------------

    def _on_apdu(self, apdu: bytes) -> list[DlmsAction]:
        if self.state == "aarq":
            result = cosem.parse_aare(apdu)
            if not result.accepted:
                if result.diagnostic == 13:
                    raise ProtocolError("PASSWORD_REJECTED", "AARE: authentication failure")
                if result.diagnostic in (11, 12, 14):
                    raise ProtocolError("PASSWORD_REQUIRED",
                                        f"AARE: {cosem.DIAGNOSTICS.get(result.diagnostic, '')}")
                raise ProtocolError("ASSOCIATION_REJECTED",
                                    f"AARE diagnostic {cosem.DIAGNOSTICS.get(result.diagnostic, result.diagnostic)}")
            if self.options.set_clock:
                self.state = "clock_before"
                return [Progress("clock set", self._total, None),
                        *self._send_apdu(cosem.get_request(CLOCK_ATTR))]
            self.state = "get"
            return self._next_request()
        if self.state == "clock_before":
            before = cosem.parse_response(apdu)
            self.readout.clock_before = axdr_value(before.data) if before.error is None else None
            self.readout.clock_written = axdr.datetime_octets(self._true_time(self.readout.clock_before))
            self.state = "clock_set"
            return self._send_apdu(cosem.set_request(CLOCK_ATTR, axdr.octets(self.readout.clock_written)))
        if self.state == "clock_set":
            self.readout.clock_result = cosem.parse_set_response(apdu)
            if self.readout.clock_result != 0:
                raise ProtocolError("ACCESS_DENIED", f"clock not set: "
                                    f"{cosem.ACCESS_RESULTS.get(self.readout.clock_result, self.readout.clock_result)}")
            self.state = "get"
            if "clock" not in self.options.dlms_objects:
                self.plan.queue.appendleft((CLOCK_ATTR, b""))   # read back what was written
            return self._next_request()
        if self.state == "get":
            return self._on_get_response(cosem.parse_response(apdu))
        if self.state == "rlrq":
            self.readout.released = apdu[:1] == b"\x63"
            return self._disc()
        return []

    def _true_time(self, meter_raw: bytes | None) -> datetime:
        """The time to write: the laptop's clock (injected: ``self.clock``) corrected by the
        server check, in the meter's own UTC offset (Vietnam's when it gives none)."""
        now = self.clock() + timedelta(seconds=self.options.clock_correction)
        meter = axdr.parse_datetime(meter_raw) if meter_raw else None
        zone = meter.tzinfo if meter is not None and meter.tzinfo is not None else timezone(timedelta(hours=7))
        return now.astimezone(zone).replace(microsecond=0)

    def _next_request(self) -> list[DlmsAction]:
        request = self.plan.next()
        if request is None:
            self.state = "rlrq"
            return [Progress("release", self._total, None), *self._send_apdu(cosem.RLRQ)]
        self._request = request
        self._blocks.clear()
        return self._send_apdu(cosem.get_request(*request))

    def _on_get_response(self, response: cosem.GetResponse) -> list[DlmsAction]:
        assert self._request is not None
        attr, access = self._request
        if response.error is not None:
            self.plan.answer(Answer(attr, access, error=response.error))
            return self._next_request()
        if attr.class_id == 8 and attr.attribute == 2:
            self.readout.clock_received = self._total
        if response.block is None:
            self.plan.answer(Answer(attr, access, response.data))
            return self._next_request()
        self._blocks += response.data
        if len(self._blocks) > self.options.max_data_bytes * 16:
            raise ProtocolError("UNEXPECTED_REPLY", "block transfer too long")
        if not response.last:
            return [Progress("receiving", self._total, None), *self._send_apdu(cosem.get_next(response.block))]
        self.plan.answer(Answer(attr, access, bytes(self._blocks)))
        return self._next_request()

    def _disc(self) -> list[DlmsAction]:
        self.state = "disc"
        return [self._frame_send(hdlc.Frame(self.server_addr, self.client_addr, hdlc.DISC | hdlc.POLL))]

    def _done(self) -> list[DlmsAction]:
        self.state = "done"
        self._connected = False
        self.readout.answers = list(self.plan.answers)
        self.readout.identification = self.ident.raw if self.ident is not None else ""
        return [Progress("done", self._total, self._total), DlmsDone(self.readout)]
