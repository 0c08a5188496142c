"""The simulator process: serve a :class:`~.meter.Meter` on a pseudo-terminal or TCP.

Timing is real: every character takes 10 bit times at the speed it travels at, in both
directions. Characters the reader writes are put "on the wire" one after the other at
the speed the reader's side of the pseudo-terminal is set to (``tcgetattr`` on the
slave sees what the reader set), and reach the meter when their last bit has arrived.
What the meter sends is written to the pseudo-terminal in small chunks, each when its
last character would have arrived, paced by the monotonic clock. When the two sides are
not at the same speed, each side receives what a real UART would make of it (see
:mod:`.line`), so a reader that changes speed too early or too late fails as in the field.

Over TCP there is no speed to look at: both sides are assumed to agree, but the pacing
is the same.

``time_scale`` (``simulate-meter --time-scale N``, for tests where the speed is not what is
tested) makes the wire N times faster than its baud rate: every character takes 1/N of its
10 bit times, except the reader's characters at 300 baud (sign-on and option select: a reader
times its own speed switch on their real wire time, and the meter's reaction after them must
not come before it). The rest is unchanged: the reader still sets and is checked on the real
speeds, characters sent at a speed the other side is not listening at are still reclocked (on
the waveform's own time), and the meter's timeouts stay in real seconds.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import select
import signal
import socket
import sys
import termios
import time
import tty
from collections import deque
from typing import TextIO

from fieldkit.devices.simulator.dlms_meter import DlmsMeter
from fieldkit.devices.simulator.line import Reclocker, Waveform, char_time, reclock
from fieldkit.devices.simulator.meter import Meter, Out

CHUNK = 0.008  # seconds of characters written at once (the last one exactly on time)
SPEEDS = {getattr(termios, f"B{rate}"): rate for rate in (
    50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
    if hasattr(termios, f"B{rate}")}


class Link:
    """One side of the wire as the simulator sees it."""

    def fileno(self) -> int | None:
        raise NotImplementedError

    def read(self) -> bytes:
        raise NotImplementedError

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def reader_baud(self) -> int | None:
        """Speed the reader's side is set to, or None when it cannot be known (TCP)."""
        return None

    def drop(self) -> None:
        """Cut the connection (drop fault)."""

    def extra_fds(self) -> list[int]:
        return []

    def on_ready(self, fd: int) -> bool:
        """Handle readiness of an extra fd; True when a new connection started."""
        return False

    def close(self) -> None:
        pass


class PtyLink(Link):
    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        tty.setraw(self.master)
        os.set_blocking(self.master, False)
        self.path = os.ttyname(self.slave)

    def fileno(self) -> int | None:
        return self.master

    def read(self) -> bytes:
        try:
            return os.read(self.master, 4096)
        except (BlockingIOError, InterruptedError):
            return b""
        except OSError:
            return b""

    def write(self, data: bytes) -> None:
        with contextlib.suppress(BlockingIOError, OSError):
            os.write(self.master, data)

    def reader_baud(self) -> int | None:
        try:
            attrs = termios.tcgetattr(self.slave)
        except termios.error:
            return None
        return SPEEDS.get(attrs[5], 0)

    def close(self) -> None:
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


class TcpLink(Link):
    def __init__(self, port: int, host: str = "127.0.0.1") -> None:
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((host, port))
        self.listener.listen(1)
        self.listener.setblocking(False)
        self.conn: socket.socket | None = None
        self.url = f"socket://{host}:{self.listener.getsockname()[1]}"

    def fileno(self) -> int | None:
        return self.conn.fileno() if self.conn is not None else None

    def extra_fds(self) -> list[int]:
        return [self.listener.fileno()]

    def on_ready(self, fd: int) -> bool:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return False
        self.drop()
        conn.setblocking(False)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.conn = conn
        return True

    def read(self) -> bytes:
        if self.conn is None:
            return b""
        try:
            data = self.conn.recv(4096)
        except (BlockingIOError, InterruptedError):
            return b""
        except OSError:
            data = b""
        if not data:
            self.drop()
        return data

    def write(self, data: bytes) -> None:
        if self.conn is not None:
            try:
                self.conn.sendall(data)
            except OSError:
                self.drop()

    def drop(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(OSError):
                self.conn.close()
            self.conn = None

    def close(self) -> None:
        self.drop()
        self.listener.close()


class Transmission:
    def __init__(self, out: Out, start: float, bits: int = 7, time_scale: float = 1.0) -> None:
        self.out = out
        self.bits = bits
        self.start = start
        self.ct = char_time(out.baud) / time_scale     # seconds of the monotonic clock per character
        self.scale = time_scale                          # waveform time = clock time * scale
        self.length = len(out.data) if out.drop_after is None else min(len(out.data), out.drop_after)
        self.done = 0                      # characters fully on the reader's side
        self.reclocker: Reclocker | None = None
        self.reclock_baud = 0


class Server:
    def __init__(self, link: Link, meter: Meter | DlmsMeter, out: TextIO = sys.stdout,
                 time_scale: float = 1.0) -> None:
        if not time_scale > 0:
            raise ValueError(f"time_scale must be > 0, not {time_scale!r}")
        self.link = link
        self.meter = meter
        self.time_scale = time_scale
        self.stop = False
        self.incoming: deque[tuple[int, float]] = deque()   # (character, time it was written)
        self.on_wire: tuple[int, float, float, int] | None = None  # (char, start, end, baud)
        self.in_free = 0.0
        self.tx: Transmission | None = None
        self.tx_free = 0.0
        self.out = out
        self.parent = os.getppid()
        self.bauds: deque[tuple[float, int]] = deque()  # (first seen, reader's speed)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, self._on_signal)

    # -- reader -> meter ---------------------------------------------------------------

    def _observe(self, now: float) -> None:
        """Note the reader's speed now (called on every wake-up and on every read)."""
        baud = self.link.reader_baud()
        if baud is None:
            return
        if not self.bauds or self.bauds[-1][1] != baud:
            self.bauds.append((now, baud))
        else:
            self.bauds[-1] = (self.bauds[-1][0], baud)
        while len(self.bauds) > 2 and self.bauds[1][0] < now - 10:
            self.bauds.popleft()

    def _reader_baud(self, at: float) -> int:
        """The reader's speed at time ``at``, from what was observed up to then.

        Using the observation log rather than the speed at the moment the simulator gets
        round to a character keeps the verdict right when this process is scheduled late.
        """
        if self.link.reader_baud() is None or not self.bauds:
            return self.meter.listen_baud
        found = self.bauds[0][1]
        for when, baud in self.bauds:
            if when > at:
                break
            found = baud
        return found

    def _incoming(self, now: float) -> float:
        """Move reader characters along the wire; returns when something next happens."""
        while True:
            if self.on_wire is None:
                if not self.incoming:
                    return math.inf
                char, written = self.incoming[0]
                start = max(written, self.in_free)
                if start > now:
                    return start
                self.incoming.popleft()
                baud = self._reader_baud(start) or 300
                scale = self.time_scale if baud > 300 else 1.0   # see the module's docstring
                self.on_wire = (char, start, start + char_time(baud) / scale, baud)
            char, start, end, baud = self.on_wire
            if end > now:
                return end
            self.on_wire = None
            self.in_free = end
            if self.meter.echo:
                self.link.write(bytes([char]))
            bits = self.meter.bits
            if baud == self.meter.listen_baud:
                self.meter.receive(char & 0x7F if bits == 7 else char, end)
            else:
                for garbage in reclock(bytes([char]), baud, self.meter.listen_baud, bits):
                    self.meter.receive(garbage, end)

    # -- meter -> reader ---------------------------------------------------------------

    def _outgoing(self, now: float) -> float:
        while True:
            if self.tx is None:
                if not self.meter.outbox:
                    return math.inf
                out = self.meter.outbox[0]
                start = self.tx_free + out.gap if out.chained else max(out.queued_at + out.gap, self.tx_free)
                self.meter.outbox.pop(0)
                self.tx = Transmission(out, start, self.meter.bits, self.time_scale)
            tx = self.tx
            if now < tx.start:
                return tx.start
            complete = min(tx.length, int((now - tx.start) / tx.ct + 1e-9))
            if complete > tx.done:
                self._deliver(tx, complete, now)
            if tx.done >= tx.length:
                if tx.reclocker is not None:
                    self.link.write(tx.reclocker.until(math.inf))
                end = tx.start + tx.length * tx.ct
                self.tx = None
                self.tx_free = end
                dropped = tx.length < len(tx.out.data)
                if dropped:
                    self.link.drop()
                self.meter.sent(end, dropped)
                continue
            step = max(1, int(CHUNK / tx.ct))
            return tx.start + min(tx.length, tx.done + step) * tx.ct

    def _deliver(self, tx: Transmission, complete: int, now: float) -> None:
        reader = self._reader_baud(tx.start + tx.done * tx.ct)
        done_at = tx.done * tx.ct * tx.scale   # on the waveform's own time (real bit times)
        if reader == tx.out.baud:
            if tx.reclocker is not None:
                self.link.write(tx.reclocker.until(done_at))
                tx.reclocker = None
            self.link.write(tx.out.data[tx.done:complete])
        else:
            if tx.reclocker is None or tx.reclock_baud != reader:
                if tx.reclocker is not None:
                    self.link.write(tx.reclocker.until(done_at))
                wave = Waveform(tx.out.data[:tx.length], tx.out.baud, tx.bits)
                tx.reclocker = Reclocker(wave, max(reader, 1), done_at, tx.bits)
                tx.reclock_baud = reader
            self.link.write(tx.reclocker.until((now - tx.start) * tx.scale))
        tx.done = complete

    # -- loop --------------------------------------------------------------------------

    def _parent_gone(self) -> bool:
        return os.getppid() != self.parent

    def serve(self) -> None:
        while not self.stop:
            now = time.monotonic()
            self._observe(now)
            self.meter.tick(now)
            wake = min(self._incoming(now), self._outgoing(now))
            if self.meter.deadline is not None:
                wake = min(wake, self.meter.deadline)
            timeout = max(0.0, min(wake - time.monotonic(), 0.2))
            fds = [fd for fd in [self.link.fileno(), *self.link.extra_fds()] if fd is not None]
            try:
                ready, _, _ = select.select(fds, [], [], timeout)
            except InterruptedError:
                continue
            if self._parent_gone():
                break
            for fd in ready:
                if fd in self.link.extra_fds():
                    if self.link.on_ready(fd):
                        self._reset()
                    continue
                stamp = time.monotonic()
                self._observe(stamp)
                data = self.link.read()
                self.incoming.extend((byte, stamp) for byte in data)
        self.link.close()

    def _reset(self) -> None:
        self.incoming.clear()
        self.on_wire = None
        self.tx = None
        self.meter.outbox.clear()
        self.meter.sent(time.monotonic(), dropped=True)

    def _on_signal(self, signum: int, frame: object) -> None:
        self.stop = True


def die_with_parent() -> None:
    """Ask Linux to send SIGTERM when the parent process dies (the loop also polls getppid)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
