"""Drive the sans-I/O :class:`~fieldkit.devices.client.Client` over a pyserial port.

The port is opened once at 300 baud, 7E1, and its speed is changed IN PLACE when the
client asks (``port.baudrate = ...``), only after the last sent character has left the
wire: ``flush()`` (tcdrain), ``out_waiting == 0``, and the computed character time
(10 bits per character) since the write started -- USB adapters and pseudo-terminals
return from ``flush()`` before the bits are out. Reads never sleep fixed delays: they
block on the port with a short timeout, so the reader reacts as soon as bytes arrive.

``port`` may be a device path or any pyserial URL (``socket://host:port``).
"""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import serial

try:
    import termios

    _TERMIOS_ERRORS: tuple[type[BaseException], ...] = (termios.error,)
except ImportError:  # Windows
    _TERMIOS_ERRORS = ()

from fieldkit.devices.capture import Capture
from fieldkit.devices.client import Done, Pause, Progress, ReadOptions, Send, SetBaud
from fieldkit.devices.detect import AutoClient
from fieldkit.devices.dlms_client import DlmsDone
from fieldkit.devices.dlms_read import clock_set_report, interpret
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.result import ReadingResult, from_readout

POLL = 0.02  # longest a read blocks, so cancel and deadlines are noticed quickly

ProgressCallback = Callable[[Progress], None]


_OPEN_ERRORS = (serial.SerialException, OSError, ValueError, *_TERMIOS_ERRORS)


def _open(port: str, bytesize: int, parity: str) -> serial.SerialBase:
    return serial.serial_for_url(
        port, baudrate=300, bytesize=bytesize, parity=parity, stopbits=serial.STOPBITS_ONE,
        timeout=POLL, write_timeout=10, xonxoff=False, rtscts=False, dsrdtr=False,
    )


def open_port(port: str) -> serial.SerialBase:
    """Open ``port`` (path or URL) at 300 baud, 7E1; ProtocolError PORT_ERROR when it cannot be opened.

    A pseudo-terminal has no parity: Linux refuses (EINVAL) a tcsetattr whose only change
    is 7E1, e.g. when the previous session left the pty at 300 baud. There, and only
    there, the port is opened 8N1, which on a pty carries the same bytes.
    """
    try:
        return _open(port, serial.SEVENBITS, serial.PARITY_EVEN)
    except _OPEN_ERRORS as exc:
        refused = isinstance(exc, _TERMIOS_ERRORS) and bool(exc.args) and exc.args[0] == errno.EINVAL
        if not refused:
            raise ProtocolError("PORT_ERROR", f"{port}: {exc}") from None
    try:
        return _open(port, serial.EIGHTBITS, serial.PARITY_NONE)
    except _OPEN_ERRORS as exc:
        raise ProtocolError("PORT_ERROR", f"{port}: {exc}") from None


class Session:
    """One reading over an open port."""

    def __init__(self, port: serial.SerialBase, options: ReadOptions | None = None,
                 on_progress: ProgressCallback | None = None,
                 cancel: threading.Event | None = None, capture: Capture | None = None) -> None:
        self.port = port
        self.client = AutoClient(options)
        self.on_progress = on_progress
        self.cancel = cancel or threading.Event()
        self.capture = capture if capture is not None else Capture(port=str(getattr(port, "port", "")))
        self.baud = 300
        self.bits = 7
        self.wire_free = time.monotonic()   # when our last character has left the wire
        self.last_rx = 0.0                  # when the last byte arrived

    # -- waiting ----------------------------------------------------------------------

    def _sleep_until(self, when: float) -> None:
        while True:
            if self.cancel.is_set():
                raise ProtocolError("CANCELLED")
            left = when - time.monotonic()
            if left <= 0:
                return
            self.cancel.wait(min(left, 0.05))

    # -- actions ----------------------------------------------------------------------

    def _write(self, data: bytes, gap: float) -> None:
        self._sleep_until(self.last_rx + gap)
        start = time.monotonic()
        try:
            self.port.write(data)
            self.port.flush()
        except (serial.SerialException, OSError) as exc:
            raise ProtocolError("CONNECTION_LOST", f"write failed: {exc}") from None
        self.capture.tx(data, self.baud)
        self.wire_free = max(start, self.wire_free) + len(data) * 10 / self.baud

    def _set_baud(self, baud: int, bits: int = 7) -> None:
        try:
            self.port.flush()
            limit = time.monotonic() + 2.0
            while getattr(self.port, "out_waiting", 0) and time.monotonic() < limit:
                time.sleep(0.001)
        except (serial.SerialException, OSError, NotImplementedError, *_TERMIOS_ERRORS):
            pass
        self._sleep_until(self.wire_free)
        try:
            if bits != self.bits:
                self._set_format(baud, bits)
            else:
                self.port.baudrate = baud
        except (serial.SerialException, OSError, ValueError, *_TERMIOS_ERRORS) as exc:
            raise ProtocolError("PORT_ERROR", f"cannot set {baud} baud: {exc}") from None
        self.baud = baud
        self.bits = bits
        self.capture.baud(baud)

    def _set_format(self, baud: int, bits: int) -> None:
        """Speed and character format in ONE termios change: 7E1 (IEC 62056-21) or 8N1 (HDLC).

        pyserial's setters each apply at once, and a pseudo-terminal refuses some of the
        in-between combinations (see open_port), so the three are set together.
        """
        port: Any = self.port
        reconfigure = getattr(port, "_reconfigure_port", None)
        if reconfigure is None or not getattr(port, "is_open", False):
            port.baudrate = baud       # e.g. socket://: there is no character format
            return
        old = (port._baudrate, port._bytesize, port._parity)
        port._baudrate = baud
        port._bytesize = serial.SEVENBITS if bits == 7 else serial.EIGHTBITS
        port._parity = serial.PARITY_EVEN if bits == 7 else serial.PARITY_NONE
        try:
            reconfigure()
        except _TERMIOS_ERRORS:
            port._baudrate, port._bytesize, port._parity = old
            port.baudrate = baud       # a pty without parity: the bytes are the same

    def _do(self, actions: list[object]) -> ReadingResult | None:
        for action in actions:
            if isinstance(action, Send):
                self._write(action.data, action.gap)
            elif isinstance(action, SetBaud):
                self._set_baud(action.baud, action.bits)
            elif isinstance(action, Pause):
                self._sleep_until(max(self.wire_free, self.last_rx) + action.seconds)
                self.wire_free = time.monotonic()
            elif isinstance(action, Progress):
                if self.on_progress is not None:
                    self.on_progress(action)
            elif isinstance(action, Done):
                return from_readout(action.readout, self.capture)
            elif isinstance(action, DlmsDone):
                result = interpret(action.readout.answers, action.readout.identification, self.capture,
                                   self.client.options.event_names or None)
                if result.meter_time is not None and result.meter_time.tzinfo is not None:
                    laptop = self._time_at_byte(action.readout.clock_received)
                    result.clock_deviation = round((result.meter_time - laptop).total_seconds(), 1)
                readout = action.readout
                if readout.clock_written is not None:
                    result.clock_set = clock_set_report(readout.clock_before, readout.clock_written,
                                                        result.meter_time, readout.clock_result)
                return result
        return None

    def _time_at_byte(self, count: int | None) -> datetime:
        """The laptop's time when the ``count``-th received byte arrived (now if unknown)."""
        if count is not None:
            seen = 0
            for event in self.capture.events:
                if event.direction == "rx":
                    seen += len(event.data)
                    if seen >= count:
                        return datetime.fromisoformat(self.capture.started) + timedelta(seconds=event.t)
        return datetime.now(UTC)

    def _read(self) -> bytes:
        try:
            data = self.port.read(1)
            if data:
                waiting = self.port.in_waiting
                if waiting:
                    data += self.port.read(waiting)
        except (serial.SerialException, OSError) as exc:
            raise ProtocolError("CONNECTION_LOST", f"read failed: {exc}") from None
        return bytes(data)

    def run(self) -> ReadingResult:
        try:
            return self._run()
        except ProtocolError:
            self._release()
            raise

    def _release(self) -> None:
        """After a failure inside a session, send the break so the meter is free for the next try."""
        try:
            for action in self.client.abort():
                self._write(action.data, action.gap)
            self.port.flush()
            # a margin past the computed wire time, so the port is not closed or re-set
            # while the break may still be in a USB adapter's (or the simulator's) queue
            self._sleep_until(self.wire_free + 0.1)
        except (ProtocolError, serial.SerialException, OSError):
            pass

    def _run(self) -> ReadingResult:
        result = self._do(list(self.client.start()))
        give_up = time.monotonic() + self.client.options.max_seconds
        while result is None:
            if self.cancel.is_set():
                raise ProtocolError("CANCELLED")
            if time.monotonic() > give_up:
                raise ProtocolError("UNEXPECTED_REPLY", "the reading took too long (endless data or noise)")
            answer_timeout, inter_char = self.client.timeouts
            if self.client.waiting_for_first_byte:
                deadline = max(self.wire_free, self.last_rx) + answer_timeout
            else:
                deadline = self.last_rx + inter_char
            if time.monotonic() >= deadline:
                result = self._do(list(self.client.timed_out()))
                continue
            data = self._read()
            if data:
                self.last_rx = time.monotonic()
                self.capture.rx(data, self.baud)
                result = self._do(list(self.client.receive(data)))
        return result


def read_meter(port: str | serial.SerialBase, options: ReadOptions | None = None, *,
               on_progress: ProgressCallback | None = None,
               cancel: threading.Event | None = None) -> ReadingResult:
    """Read one meter. Raises only :class:`ProtocolError` (``PORT_ERROR``, ``NO_ANSWER``, ...)."""
    own = isinstance(port, str)
    handle = open_port(port) if isinstance(port, str) else port
    try:
        session = Session(handle, options, on_progress, cancel,
                          Capture(port=port if isinstance(port, str) else str(getattr(port, "port", ""))))
        return session.run()
    finally:
        if own:
            try:
                handle.close()
            except (serial.SerialException, OSError):
                pass
