"""IEC 62056-21 reader as a sans-I/O state machine.

The machine never touches a port or a clock. The driver (see
:mod:`fieldkit.devices.transport`) feeds it the bytes that arrived
(:meth:`Client.receive`) or tells it that the current timeout expired
(:meth:`Client.timed_out`); it answers with a list of actions to carry out in order:

* :class:`Send` -- write these bytes, but not before ``gap`` seconds after the last
  received byte (the protocol's reaction time);
* :class:`SetBaud` -- change the line speed once everything sent so far has left the wire;
* :class:`Pause` -- stay silent for a while (after the wake-up preamble);
* :class:`Progress` -- something for the user (phase, bytes received / expected);
* :class:`Done` -- the reading is complete.

``Client.timeouts`` says how long the driver waits for the first byte of an answer
(counted from the moment the last sent byte left the wire) and between two bytes.
Any failure is raised as :class:`~fieldkit.devices.errors.ProtocolError`, and nothing
else is raised whatever bytes arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fieldkit.devices import framing, identification
from fieldkit.devices.bcc import bcc_ok
from fieldkit.devices.datasets import DataSet, decode, parse_line, split_sets
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.identification import BAUD_CHAR_C, Identification

MAX_IDENT_BYTES = 256
DEFAULT_REGISTERS = ("0.0.0", "C.1.0", "0.9.1", "0.9.2", "F.F", "1.8.0", "1.8.1", "1.8.2", "1.8.3")


@dataclass(frozen=True)
class ReadOptions:
    """How to talk to one kind of meter (a meter profile can override any of these)."""

    address: str = ""                  # device address for the sign-on ("" = any)
    baud_max: int = 19200              # never switch faster than this
    mode: str = "readout"              # "readout" (mode C Y=0) or "program" (P1 + R1/R5 + B0)
    password: str | None = None        # for programming mode or meters that demand one
    registers: tuple[str, ...] = ()    # registers to read in programming mode
    read_command: str = "R1"           # "R1" (IEC) or "R5" (EMH style)
    wakeup: bool = False               # send the NUL preamble first (battery meters)
    wakeup_duration: float = 2.2       # seconds of NUL characters (standard: 2.1 .. 2.3 s)
    wakeup_pause: float = 1.6          # silence after it (standard: 1.5 .. 1.7 s)
    echo_suppression: bool = True      # drop bytes that are our own transmission echoed back
    answer_timeout: float = 2.0        # wait for the first byte of an answer (tr max 1.5 s + margin)
    inter_char_timeout: float = 1.5    # wait between two bytes of one message (ta max 1.5 s)
    min_reaction: float | None = None  # our wait before answering; None: 20/200 ms from identification
    sign_on_retries: int = 2           # extra sign-on attempts when nothing sensible comes back
    bcc_retries: int = 3               # NAKs before giving up on a damaged message
    recoveries: int = 2                # new sign-ons when a damaged readout block is not repeated on NAK
    inactivity_time: float = 1.5       # meter returns to its initial state after this much silence
    max_data_bytes: int = 65536        # longest data message accepted (also: most bytes of noise)
    max_seconds: float = 600.0         # a whole reading never takes longer than this
    expected_bytes: int | None = None  # size of the last readout of this meter, for progress
    # which protocol: "auto" (mode E meters in DLMS, others in mode C; no answer to the sign-on:
    # HDLC directly), "iec" (IEC 62056-21 only), "dlms" (mode E sign-on, then HDLC), "hdlc" (HDLC directly)
    protocol: str = "auto"
    client_address: int = 16           # DLMS client SAP: 16 public (no authentication), 17 often LLS
    server_logical: int = 1            # DLMS server: logical device (1 = management)
    server_physical: int | None = None  # physical address (None: one-byte server address)
    dlms_password: str | None = None   # LLS password (None: no authentication)
    hdlc_baud: int = 9600              # speed of a meter that speaks HDLC directly
    hdlc_retries: int = 3              # repeats asked for a damaged or missing HDLC frame
    max_info: int = 512                # longest HDLC information field we offer to take and send
    dlms_objects: tuple[str, ...] = ("identity", "clock", "billing", "status", "instant", "events", "profile")
    dlms_registers: tuple[str, ...] = ("1.0.1.8.0.255", "1.0.1.8.1.255", "1.0.1.8.2.255", "1.0.1.8.3.255",
                                       "1.0.2.8.0.255", "1.0.3.8.0.255", "1.0.4.8.0.255")
    profile_hours: float = 24.0        # load profile period counted back from the meter's clock
    profile_tamper_days: float = 14.0  # a tamper event this recent: the profile starts a day before it
    profile_from: datetime | None = None
    profile_to: datetime | None = None
    # DLMS: set the meter's clock to the laptop's time + clock_correction (seconds the laptop is
    # behind the server, as checked at the last sync); needs dlms_password (write access)
    set_clock: bool = False
    clock_correction: float = 0.0
    # event codes a meter model numbers its own way: code -> (key, Vietnamese, English, tamper)
    event_names: dict[int, tuple[str, str, str, bool]] = field(default_factory=dict)


@dataclass(frozen=True)
class Send:
    data: bytes
    gap: float = 0.0


@dataclass(frozen=True)
class SetBaud:
    baud: int
    bits: int = 7       # 7 (7E1, IEC 62056-21) or 8 (8N1, HDLC)


@dataclass(frozen=True)
class Pause:
    seconds: float


@dataclass(frozen=True)
class Progress:
    phase: str          # "wake-up", "sign-on", "identification", "baud switch", "receiving", "password",
                        # "recovering" (a bad block was not repeated: waiting, then a new sign-on), "done"
    received: int
    expected: int | None


@dataclass
class Readout:
    """What the meter said, parsed (the bytes themselves are in the driver's capture)."""

    identification: Identification
    datasets: list[DataSet] = field(default_factory=list)
    text: str = ""                       # the data block(s) as received
    bad_lines: list[str] = field(default_factory=list)
    baud: int = 300
    echo_detected: bool = False
    naks_sent: int = 0
    recoveries: int = 0                  # new sign-ons after a damaged block the meter did not repeat


@dataclass(frozen=True)
class Done:
    readout: Readout


@dataclass(frozen=True)
class Handover:
    """The identification offers protocol mode E and DLMS is wanted: another client takes over."""

    identification: Identification
    total_received: int
    rest: bytes = b""       # bytes that arrived after the identification


Action = Send | SetBaud | Pause | Progress | Done | Handover


def parse_datasets(text: str, default_address: str | None = None) -> tuple[list[DataSet], list[str]]:
    """Parse a data block leniently: good sets, and the lines that could not be parsed."""
    sets: list[DataSet] = []
    bad: list[str] = []
    for line in split_sets(text):
        candidate = line
        if candidate.startswith("(") and default_address is not None:
            candidate = default_address + candidate
        try:
            sets.append(parse_line(candidate))
        except ProtocolError:
            bad.append(line)
    return sets, bad


class Client:
    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()
        self.state = "new"
        self.baud = 300
        self.ident: Identification | None = None
        self.readout: Readout | None = None
        self._buf = bytearray()
        self._received = 0          # bytes received since the current request was sent
        self._total_received = 0
        self._attempts = 0
        self._naks = 0
        self._total_naks = 0
        self._blocks: list[str] = []
        self._echo = b""
        self._held = bytearray()
        self._echo_seen = False
        self._last_sent = b""
        self._pending_registers: list[str] = []
        self._current_register = ""
        self._register_retries = 0
        self._recoveries = 0

    # -- public API --------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.state == "done"

    @property
    def timeouts(self) -> tuple[float, float]:
        """(seconds to the first byte of the answer, seconds between two bytes).

        After a NAK in readout mode a meter that repeats does so within its reaction time
        (at most 1.5 s); one that has said nothing for its inactivity time is back in its
        initial state, so the wait is cut there and the recovery signs on at once.
        """
        answer = self.options.answer_timeout
        if self.state == "data" and self._naks and self._recoveries < self.options.recoveries:
            answer = min(answer, max(1.5, self.options.inactivity_time) + 0.1)
        return answer, self.options.inter_char_timeout

    @property
    def waiting_for_first_byte(self) -> bool:
        return self._received == 0

    def start(self) -> list[Action]:
        if self.state != "new":
            raise ProtocolError("UNEXPECTED_REPLY", "client started twice")
        actions: list[Action] = []
        if self.options.wakeup:
            count = max(1, int(self.options.wakeup_duration * 300 / 10))
            actions.append(Progress("wake-up", 0, None))
            actions.append(self._send(b"\x00" * count, 0.0))
            actions.append(Pause(self.options.wakeup_pause))
        actions.extend(self._sign_on())
        return actions

    def receive(self, data: bytes) -> list[Action]:
        if self.state in ("done", "new"):
            return []
        data = self._strip_echo(bytes(data))
        if not data:
            return []
        self._received += len(data)
        self._total_received += len(data)
        self._buf += data
        if self.state == "ident":
            return self._on_ident_bytes()
        return self._on_frame_bytes()

    def timed_out(self) -> list[Action]:
        if self.state in ("done", "new"):
            return []
        self._release_echo()
        got_something = self._received > 0
        if self.state == "ident":
            if self._attempts <= self.options.sign_on_retries:
                return self._sign_on()
            if got_something or self._total_received > 0:
                raise ProtocolError("UNEXPECTED_REPLY", f"no identification in {bytes(self._buf[-40:])!r}")
            raise ProtocolError("NO_ANSWER", "no identification after sign-on")
        if self._naks:
            if self.state == "data" and self._recoveries < self.options.recoveries:
                return self._recover()
            raise ProtocolError("BCC_FAILED", f"{self._naks} NAK sent, then no answer"
                                + (f" ({self._recoveries} new sign-ons)" if self._recoveries else ""))
        if self.state == "pw_ack":
            raise ProtocolError("PASSWORD_REJECTED", "no acknowledgement of the password")
        if got_something or self._blocks:
            raise ProtocolError("CONNECTION_LOST", f"{self._total_received} bytes received, then silence")
        raise ProtocolError("NO_ANSWER", f"no answer in state {self.state}")

    def abort(self) -> list[Send]:
        """What to send when giving up: the break (B0) once the meter is in a session, else nothing."""
        if self.state in ("data", "pw_prompt", "pw_ack", "register") and self.ident is not None \
                and self.ident.mode == "C":
            self.state = "done"
            return [Send(framing.break_message(), 0.0)]
        self.state = "done"
        return []

    # -- helpers -----------------------------------------------------------------------

    def _gap(self) -> float:
        if self.options.min_reaction is not None:
            return self.options.min_reaction
        return self.ident.min_reaction if self.ident is not None else 0.2

    def _send(self, data: bytes, gap: float | None = None) -> Send:
        self._received = 0
        self._buf.clear()
        self._release_echo()
        if self.options.echo_suppression:
            self._echo = data
        self._last_sent = data
        return Send(data, self._gap() if gap is None else gap)

    def _strip_echo(self, data: bytes) -> bytes:
        if not self._echo:
            return data
        out = bytearray()
        for byte in data:
            if self._echo and byte == self._echo[len(self._held)]:
                self._held.append(byte)
                if len(self._held) == len(self._echo):
                    self._echo = b""
                    self._held.clear()
                    self._echo_seen = True
                continue
            if self._echo:
                out += self._held
                self._held.clear()
                self._echo = b""
            out.append(byte)
        return bytes(out)

    def _release_echo(self) -> None:
        if self._held:
            self._buf += self._held
            self._held.clear()
        self._echo = b""

    def _sign_on(self) -> list[Action]:
        self._attempts += 1
        self.state = "ident"
        actions: list[Action] = []
        if self.baud != 300:
            self.baud = 300
            actions.append(SetBaud(300))
        actions.append(Progress("sign-on", self._total_received, None))
        actions.append(self._send(framing.sign_on(self.options.address), 0.2 if self._attempts > 1 else 0.0))
        return actions

    def _recover(self) -> list[Action]:
        """The meter did not repeat a damaged block on NAK (many do not in readout mode).

        IEC 62056-21's recovery: wait until the meter's inactivity time has passed since the
        last character on the line (our NAK), so it is back in its initial state at 300 baud,
        and sign on again. The driver's capture keeps every attempt.
        """
        self._recoveries += 1
        self._naks = 0
        self._attempts = 0
        self._blocks = []
        self._buf.clear()
        self._release_echo()
        self._buf.clear()
        return [Progress("recovering", self._total_received, None),
                Pause(self.options.inactivity_time), *self._sign_on()]

    def _choose_baud(self, ident: Identification) -> tuple[str, int]:
        best = ident.baud
        limit = min(best, self.options.baud_max)
        rates = [b for b in BAUD_CHAR_C if b <= limit] or [300]
        baud = max(rates)
        return BAUD_CHAR_C[baud], baud

    def _on_ident_bytes(self) -> list[Action]:
        found = identification.find(bytes(self._buf))
        if found is None:
            if len(self._buf) > MAX_IDENT_BYTES:
                raise ProtocolError("BAD_IDENTIFICATION", f"no identification in {bytes(self._buf[:40])!r}")
            return []
        ident, end = found
        self.ident = ident
        rest = bytes(self._buf[end:])
        self._buf.clear()
        actions: list[Action] = [Progress("identification", self._total_received, None)]
        program = self.options.mode == "program"
        if self.options.protocol == "dlms" and not ident.mode_e:
            raise ProtocolError("UNEXPECTED_REPLY", f"meter {ident.raw!r} does not offer mode E (DLMS)")
        if ident.mode_e and self.options.protocol in ("auto", "dlms") and not program:
            self.state = "done"
            return [*actions, Handover(ident, self._total_received - len(rest), rest)]
        if ident.mode == "C":
            char, baud = self._choose_baud(ident)
            actions.append(self._send(framing.option_select(char, "1" if program else "0")))
            if baud != self.baud:
                self.baud = baud
                actions.append(Progress("baud switch", self._total_received, None))
                actions.append(SetBaud(baud))
            self.state = "pw_prompt" if program else "data"
        else:
            if program:
                raise ProtocolError("UNEXPECTED_REPLY", f"mode {ident.mode} meter has no programming mode")
            self._received = 0
            if ident.mode == "B" and ident.baud != self.baud:
                self.baud = ident.baud
                actions.append(Progress("baud switch", self._total_received, None))
                actions.append(SetBaud(ident.baud))
            self.state = "data"
        actions.append(Progress("receiving", 0, self.options.expected_bytes))
        return actions

    def _take_frame(self) -> tuple[bytes, bytes, bytes, bool] | None:
        """(start char, body without start char and BCC, end char, BCC ok) or None."""
        buf = self._buf
        start = -1
        for i, byte in enumerate(buf):
            if byte in (0x01, 0x02, 0x06, 0x15):
                start = i
                break
        if start < 0:
            buf.clear()
            return None
        if start:
            del buf[:start]
        first = buf[0]
        if first in (0x06, 0x15):
            del buf[:1]
            return bytes([first]), b"", b"", True
        end = -1
        for i in range(1, len(buf)):
            if buf[i] in (0x03, 0x04):
                end = i
                break
        if end < 0:
            if len(buf) > self.options.max_data_bytes:
                raise ProtocolError("UNEXPECTED_REPLY", "data message too long")
            return None
        if len(buf) < end + 2:
            return None
        body = bytes(buf[1:end + 1])
        check = buf[end + 1]
        del buf[:end + 2]
        return bytes([first]), body, bytes([body[-1]]), bcc_ok(body, check)

    def _nak(self) -> list[Action]:
        self._naks += 1
        self._total_naks += 1
        if self._naks > self.options.bcc_retries:
            raise ProtocolError("BCC_FAILED", f"{self._naks - 1} retries")
        self._buf.clear()
        return [self._send(framing.NAK), Progress("receiving", self._total_received,
                                                  self.options.expected_bytes)]

    def _on_frame_bytes(self) -> list[Action]:
        if self._received > self.options.max_data_bytes:
            raise ProtocolError("UNEXPECTED_REPLY", f"{self._received} bytes without a complete message")
        actions: list[Action] = []
        while self.state != "done":
            frame = self._take_frame()
            if frame is None:
                break
            actions.extend(self._on_frame(*frame))
        if self.state == "data" and not actions:
            actions.append(Progress("receiving", self._total_received, self.options.expected_bytes))
        return actions

    def _on_frame(self, start: bytes, body: bytes, end: bytes, ok: bool) -> list[Action]:
        state = self.state
        if start in (framing.ACK, framing.NAK):
            if state == "pw_ack":
                if start == framing.ACK:
                    return self._next_register()
                raise ProtocolError("PASSWORD_REJECTED", "meter answered NAK")
            if state == "register" and start == framing.NAK:
                return self._retry_register()
            return []  # a stray ACK/NAK (or noise) is not an answer
        if not ok:
            return self._nak()
        text = decode(body[:-1])
        if start == framing.SOH:
            command = text[:2]
            if command == "B0":
                if state == "pw_ack":
                    raise ProtocolError("PASSWORD_REJECTED", "meter broke the session")
                raise ProtocolError("UNEXPECTED_REPLY", "meter ended the session")
            if command[:1] == "P" and state in ("data", "pw_prompt"):
                return self._password(text)
            raise ProtocolError("UNEXPECTED_REPLY", f"command {text[:20]!r} from meter")
        # STX: a data block
        self._naks = 0
        if state in ("pw_prompt", "pw_ack"):
            raise ProtocolError("UNEXPECTED_REPLY", "data where a password exchange was expected")
        self._blocks.append(text)
        if end == framing.EOT:
            return [self._send(framing.ACK),
                    Progress("receiving", self._total_received, self.options.expected_bytes)]
        if state == "register":
            return self._register_answer()
        return self._finish_readout()

    def _password(self, prompt: str) -> list[Action]:
        secret = self.options.password
        if secret is None:
            if self.options.mode != "program":
                raise ProtocolError("PASSWORD_REQUIRED", f"meter asked {prompt[:20]!r}")
            secret = "00000000"
        self.state = "pw_ack"
        return [Progress("password", self._total_received, None), self._send(framing.password(secret))]

    def _next_register(self) -> list[Action]:
        if self.readout is None:
            assert self.ident is not None
            self.readout = Readout(self.ident, baud=self.baud)
            self._pending_registers = list(self.options.registers or DEFAULT_REGISTERS)
        if not self._pending_registers:
            return self._finish(framing.break_message())
        self._current_register = self._pending_registers.pop(0)
        self._register_retries = 0
        self._blocks = []
        self.state = "register"
        return [self._send(framing.read_register(self._current_register, self.options.read_command))]

    def _retry_register(self) -> list[Action]:
        self._register_retries += 1
        if self._register_retries > self.options.bcc_retries:
            raise ProtocolError("BCC_FAILED", "meter kept refusing the register request")
        return [self._send(framing.read_register(self._current_register, self.options.read_command))]

    def _register_answer(self) -> list[Action]:
        assert self.readout is not None
        text = "".join(self._blocks)
        self._blocks = []
        self.readout.text += text if text.endswith("\n") else text + "\r\n"
        sets, bad = parse_datasets(text, self._current_register)
        for data_set in sets:
            if data_set.first is not None and data_set.first.text.upper().startswith("ER"):
                bad.append(text.strip())
                continue
            self.readout.datasets.append(data_set)
        self.readout.bad_lines.extend(bad)
        return self._next_register()

    def _finish_readout(self) -> list[Action]:
        assert self.ident is not None
        text = "".join(self._blocks)
        sets, bad = parse_datasets(text)
        self.readout = Readout(self.ident, sets, text, bad, self.baud)
        return self._finish(None)

    def _finish(self, last: bytes | None) -> list[Action]:
        assert self.readout is not None
        self.readout.echo_detected = self._echo_seen
        self.readout.naks_sent = self._total_naks
        self.readout.recoveries = self._recoveries
        actions: list[Action] = []
        if last is not None:
            actions.append(self._send(last))
        self.state = "done"
        actions.append(Progress("done", self._total_received, self._total_received))
        actions.append(Done(self.readout))
        return actions
