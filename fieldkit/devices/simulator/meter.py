"""The simulated meter's protocol logic (no I/O, no clock of its own).

The server delivers each character once it has fully arrived (:meth:`Meter.receive`,
with the time it arrived) and tells the meter when its own transmissions have left the
wire (:meth:`Meter.sent`). The meter queues what it wants to send in ``outbox``.

Faults (``--fault``): silent, noise, bcc-once, bcc-always, slow, echo, drop, battery,
password, nak-ignored. See docs/devices.md.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass
from typing import Any

from fieldkit.devices.bcc import bcc
from fieldkit.devices.identification import BAUD_MODE_B, BAUD_MODE_C
from fieldkit.devices.simulator.profiles import Profile, Registers, data_message

FAULTS = ("silent", "noise", "bcc-once", "bcc-always", "slow", "echo", "drop", "battery", "password",
          "nak-ignored")
DEFAULT_ARG = {"noise": 24.0, "slow": 1.2, "drop": 200.0, "battery": 2.0, "password": 12345678.0}

SIGN_ON = re.compile(rb"/\?([\x20-\x7e]{0,32}?)!\r\n$")
OPTION = re.compile(rb"\x06([0-9])([0-9A-Z])([0-9])\r\n$")
WAIT_OPTION = 3.0     # after the identification, how long the meter waits for ACK/option select
WAIT_AFTER_DATA = 1.5  # after a data message, how long it listens for a NAK
WAIT_PROGRAM = 10.0    # programming mode inactivity timeout
AWAKE = 5.0            # a woken battery meter goes back to sleep after this much silence


@dataclass
class Out:
    data: bytes
    baud: int
    gap: float                    # reaction time before the first character
    chained: bool = False         # gap counts from the end of the previous transmission
    drop_after: int | None = None
    queued_at: float = 0.0        # when the request that caused it had arrived


class Meter:
    def __init__(self, profile: Profile, fault: str | None = None, fault_arg: float | None = None,
                 clock: Any = time.time) -> None:
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; known: {', '.join(FAULTS)}")
        self.profile = profile
        self.fault = fault
        self.arg = fault_arg if fault_arg is not None else DEFAULT_ARG.get(fault or "", 0.0)
        self.registers = Registers(profile, clock)
        self.random = random.Random(62056)
        self.state = "idle"
        self.listen_baud = 300
        self.speed = 300
        self.buf = bytearray()
        self.outbox: list[Out] = []
        self.deadline: float | None = None
        self.data_messages = 0
        self.message = b""
        self.blocks: list[bytes] = []
        self.block_index = 0
        self.awake_until = 0.0
        self.nul_since: float | None = None
        self.sessions = 0
        self.now = 0.0
        self.bits = 7               # characters are 7E1

    # -- helpers -----------------------------------------------------------------------

    @property
    def reaction(self) -> float:
        return self.arg if self.fault == "slow" else self.profile.reaction

    @property
    def _data_gap(self) -> float:
        if self.fault != "slow" and self.profile.data_reaction is not None:
            return self.profile.data_reaction
        return self.reaction

    @property
    def echo(self) -> bool:
        return self.fault == "echo"

    def _idle(self) -> None:
        self.state = "idle"
        self.listen_baud = 300
        self.speed = 300
        self.buf.clear()
        self.deadline = None

    def _queue(self, data: bytes, baud: int | None = None, gap: float | None = None, chained: bool = False,
               drop_after: int | None = None) -> None:
        self.deadline = None
        self.outbox.append(Out(data, baud or self.speed, self.reaction if gap is None else gap, chained,
                               drop_after, self.now))

    def _damaged(self, message: bytes) -> bytes:
        """The message as it goes on the wire this time (faults may damage it)."""
        out = bytearray(message)
        first = self.data_messages == 0
        self.data_messages += 1
        if self.fault == "bcc-always" or (self.fault in ("bcc-once", "nak-ignored") and first):
            out[-1] ^= 0x01
        elif self.fault == "noise" and first:
            index = 1 + self.random.randrange(len(out) - 3)
            out[index] ^= 0x08  # one damaged character, as a flash of light would do
        return bytes(out)

    # -- input -------------------------------------------------------------------------

    def receive(self, byte: int, now: float) -> None:
        self.now = now
        if self.fault == "battery" and self.state == "idle":
            if byte == 0:
                if self.nul_since is None:
                    self.nul_since = now
                if now - self.nul_since >= self.arg:
                    self.awake_until = now + AWAKE
                return
            self.nul_since = None
            if now > self.awake_until:
                self.buf.clear()
                return  # asleep: the optical receiver is off
        self.awake_until = now + AWAKE
        self.buf.append(byte)
        if len(self.buf) > 2048:
            del self.buf[:-1024]
        if self.state == "idle" or (self.state == "option" and self.buf.endswith(b"!\r\n")):
            self._on_sign_on(now)
        elif self.state == "option":
            self._on_option()
        elif self.state == "after_data":
            self._on_after_data()
        elif self.state == "blocks":
            self._on_block_answer()
        elif self.state in ("password", "program"):
            self._on_command()

    def _on_sign_on(self, now: float) -> None:
        match = SIGN_ON.search(bytes(self.buf))
        if match is None:
            return
        self.buf.clear()
        address = match.group(1).decode("ascii").lstrip("0")
        if address and address != self.profile.address.lstrip("0"):
            return
        if self.fault == "silent":
            return
        self.sessions += 1
        ident = self.profile.identification
        if self.fault == "noise":
            noise = bytes(self.random.randrange(128) for _ in range(int(self.arg)))
            ident = noise + ident
        self.speed = 300
        self._queue(ident, 300)
        char = self.profile.baud_char
        if char in BAUD_MODE_C:
            self.state = "option"
        elif char in BAUD_MODE_B:
            self.speed = self.listen_baud = BAUD_MODE_B[char]
            self._readout(chained=True)
        else:
            self._readout(chained=True)

    def _on_option(self) -> None:
        match = OPTION.search(bytes(self.buf))
        if match is None:
            return
        self.buf.clear()
        z, y = match.group(2).decode(), match.group(3).decode()
        if z not in BAUD_MODE_C or z > self.profile.baud_char or y not in "01":
            self._idle()
            return
        self.speed = self.listen_baud = BAUD_MODE_C[z]
        if y == "1" or self.fault == "password":
            self._password_prompt()
        else:
            self._readout()

    def _readout(self, chained: bool = False) -> None:
        block = self.registers.block()
        drop = int(self.arg) if self.fault == "drop" and self.data_messages == 0 else None
        if self.profile.block_size > 0:
            size = self.profile.block_size
            parts = [block[i:i + size] for i in range(0, len(block), size)]
            self.blocks = [data_message(p, 0x04 if i < len(parts) - 1 else 0x03) for i, p in enumerate(parts)]
            self.block_index = 0
            self.state = "blocks"
            self._queue(self._damaged(self.blocks[0]), gap=self._data_gap, chained=chained, drop_after=drop)
        else:
            self.message = data_message(block)
            self.state = "after_data"
            self._queue(self._damaged(self.message), gap=self._data_gap, chained=chained, drop_after=drop)

    def _on_after_data(self) -> None:
        if self.buf[-1:] == b"\x15":
            self.buf.clear()
            if self.fault == "nak-ignored":
                return  # like many meters in readout mode: no repeat; idle after the inactivity time
            self._queue(self._damaged(self.message))
        else:
            self._idle()

    def _on_block_answer(self) -> None:
        last = self.buf[-1:]
        self.buf.clear()
        if last == b"\x06":
            self.block_index += 1
            if self.block_index >= len(self.blocks):
                self._idle()
                return
        elif last != b"\x15" or self.fault == "nak-ignored":
            if last != b"\x15":
                self._idle()
            return
        self._queue(self._damaged(self.blocks[self.block_index]))

    def _password_prompt(self) -> None:
        self.state = "password"
        body = b"P0\x02(" + f"{self.random.randrange(10**8):08d}".encode() + b")\x03"
        self._queue(b"\x01" + body + bytes([bcc(body)]))

    def _frame(self) -> tuple[str, str] | None:
        """A complete SOH command frame from the buffer: (command, data) -- NAK sent if damaged."""
        buf = bytes(self.buf)
        start = buf.rfind(b"\x01")
        if start < 0:
            return None
        end = buf.find(b"\x03", start)
        if end < 0 or len(buf) < end + 2:
            return None
        body = buf[start + 1:end + 1]
        self.buf.clear()
        if bcc(body) != buf[end + 1] & 0x7F:
            self._queue(b"\x15")
            return None
        text = body[:-1].decode("ascii", "replace")
        command, _, data = text.partition("\x02")
        return command, data

    def _on_command(self) -> None:
        frame = self._frame()
        if frame is None:
            return
        command, data = frame
        if command == "B0":
            self._idle()
            return
        if self.state == "password":
            if command != "P1":
                self._queue(b"\x15")
                return
            given = data.strip("()")
            wanted = (f"{int(self.arg):08d}" if self.fault == "password" else self.profile.password)
            if wanted is not None and given != wanted:
                self._queue(b"\x15")
                return
            self.state = "program"
            self._queue(b"\x06")
            return
        if command in ("R1", "R5"):
            address = data.strip().removesuffix("()").strip("()")
            reg = self.registers.find(address)
            if reg is None:
                self._queue(data_message("(ERROR)"))
            else:
                self.registers.advance()
                self._queue(data_message(self.registers.dataset(reg)))
            return
        self._queue(b"\x15")

    # -- time --------------------------------------------------------------------------

    def sent(self, now: float, dropped: bool = False) -> None:
        """A transmission has left the wire (or was cut short by the drop fault)."""
        if dropped:
            self._idle()
            return
        if self.outbox:
            return
        wait = {"option": WAIT_OPTION, "after_data": WAIT_AFTER_DATA, "blocks": WAIT_AFTER_DATA,
                "password": WAIT_PROGRAM, "program": WAIT_PROGRAM}.get(self.state)
        if wait is not None:
            self.deadline = now + wait

    def tick(self, now: float) -> None:
        if self.deadline is not None and now >= self.deadline:
            self._idle()
