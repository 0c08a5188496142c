"""Event-loop latency probe: how long the UI thread stays inside one event.

`ProbeApplication.notify` times every event Qt delivers on the UI thread. A *stall* is
a stretch of time spent inside event delivery with no other event starting or ending in
between: one slow slot, paint or layout. A modal dialog's nested event loop keeps
delivering events (the probe's own 20 ms heartbeat timer among them), so waiting in a
dialog is not a stall; neither is code that runs outside the event loop (a test's own
set-up, a script). The UI tests fail on any stall over 100 ms (`tests/ui/conftest.py`),
and `bench/ui.py` prints the worst per page.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from dataclasses import dataclass, field

from fieldkit.ui.qt import QApplication, QEvent, QObject, QTimer

HEARTBEAT_MS = 20


@dataclass
class Stall:
    seconds: float
    what: str  # the outermost event being delivered: "<receiver class> <event type>"


def _open_schedstat() -> int | None:
    """/proc/thread-self/schedstat of the calling (UI) thread: its second field is the time it
    spent runnable but waiting for a CPU (Linux only)."""
    try:
        return os.open("/proc/thread-self/schedstat", os.O_RDONLY)
    except OSError:
        return None


def _run_queue_wait(fd: int | None) -> float:
    if fd is None:
        return 0.0
    try:
        return int(os.pread(fd, 64, 0).split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class OtherThreads:
    """Run-queue wait summed over the app's other threads. The UI thread also waits for the
    interpreter lock; when the thread holding it is itself waiting for a CPU (a loaded machine),
    that wait is the machine's, not the app's.

    One pread per thread (~1.2 us each, ~10 threads in a UI test): `read` is exact and fresh; `recent`
    reuses a value at most READ_EVERY old (see StallProbe.mark for when each is used)."""

    READ_EVERY = 0.001

    def __init__(self) -> None:
        self.fds: dict[str, int] = {}
        self.checked = 0.0
        self.own = str(threading.get_native_id())
        self.value = 0.0
        self.read_at = -1.0

    def _refresh(self) -> None:
        try:
            tids = set(os.listdir("/proc/self/task")) - {self.own}
        except OSError:
            return
        for tid in list(self.fds):
            if tid not in tids:
                os.close(self.fds.pop(tid))
        for tid in tids - set(self.fds):
            try:
                self.fds[tid] = os.open(f"/proc/self/task/{tid}/schedstat", os.O_RDONLY)
            except OSError:
                pass

    def wait(self) -> float:
        return self.read(time.perf_counter())

    def read(self, now: float) -> float:
        if now - self.checked > 0.5:
            self.checked = now
            self._refresh()
        self.value = sum(_run_queue_wait(fd) for fd in self.fds.values())
        self.read_at = now
        return self.value

    def recent(self, now: float) -> float:
        return self.value if now - self.read_at < self.READ_EVERY else self.read(now)


@dataclass
class StallProbe:
    """A stall is time inside one event that is the app's doing: at least the UI thread's own CPU
    time, and wall time minus the time the app's threads waited for a CPU that other processes
    held (on a shared, loaded machine that wait is not the app's; waiting for a disk, a lock or
    the interpreter lock held by a running thread is, and counts)."""

    depth: int = 0
    last: float = field(default_factory=time.perf_counter)
    current: tuple[str, object, object] = ("", None, None)
    worst: Stall = field(default_factory=lambda: Stall(0.0, ""))
    events: int = 0
    over: list[Stall] = field(default_factory=list)
    limit: float = 0.1
    fd: int | None = field(default_factory=_open_schedstat)
    waited: float = 0.0
    cpu: float = field(default_factory=time.thread_time)
    others: OtherThreads = field(default_factory=OtherThreads)
    others_waited: float = 0.0

    def reset(self) -> None:
        self.worst = Stall(0.0, "")
        self.over = []
        self.events = 0
        self.last = time.perf_counter()
        self.waited = _run_queue_wait(self.fd)
        self.cpu = time.thread_time()
        self.others_waited = self.others.wait()

    gc_time: float = 0.0  # garbage collection inside the current gap (said in the description)
    gc_started: float = 0.0

    def gc_callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.gc_started = time.perf_counter()
        else:
            self.gc_time += time.perf_counter() - self.gc_started

    def mark(self, now: float) -> None:
        """The end of one stretch and the start of the next. The other threads' wait is read fresh at the
        end of a stretch that can be a stall by the UI thread's own figures (over the worst so far or the
        limit: the other threads' wait can only make it shorter), and is otherwise at most READ_EVERY old:
        most marks come microseconds apart (a page's construction sends thousands of nested events), and
        the reads were most of the probe's cost. A start value up to 1 ms old can only count more of the
        machine's wait (what the other threads waited in that ms), never blame the app for it."""
        waited = _run_queue_wait(self.fd)
        cpu = time.thread_time()
        if self.depth > 0:
            own = max(cpu - self.cpu, now - self.last - (waited - self.waited))
            if own > self.worst.seconds or own > self.limit:
                others = self.others.read(now)
                not_ours = (waited - self.waited) + max(0.0, others - self.others_waited)
                gap = max(cpu - self.cpu, now - self.last - not_ours)
                if gap > self.worst.seconds or gap > self.limit:
                    what = describe(*self.current) + f" [UI thread on a CPU {(cpu - self.cpu) * 1000:.0f} ms]"
                    if self.gc_time > 0.005:
                        what += f" [garbage collection {self.gc_time * 1000:.0f} ms]"
                    if gap > self.worst.seconds:
                        self.worst = Stall(gap, what)
                    if gap > self.limit and len(self.over) < 20:
                        self.over.append(Stall(gap, what))
            else:
                others = self.others.recent(now)
        else:
            others = self.others.recent(now)
        self.last = now
        self.waited = waited
        self.cpu = cpu
        self.others_waited = others
        self.gc_time = 0.0


def describe(receiver: str, event_type: object, label: object = None) -> str:
    """"<receiver class> <event type>", and for an `Op` the callback it delivered to."""
    name = getattr(event_type, "name", None)
    return f"{receiver} {name or event_type}" + (f" ({label})" if label else "")


class ProbeApplication(QApplication):
    """A QApplication whose `notify` feeds a `StallProbe` (tests and benchmarks only)."""

    _ui_thread = threading.get_ident()  # the thread that imports this module makes the application

    def __init__(self, *args: object) -> None:
        self._ui_thread = threading.get_ident()
        super().__init__(*args)
        self.probe = StallProbe()
        gc.callbacks.append(self.probe.gc_callback)
        self._heartbeat = QTimer()
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(lambda: None)
        self._heartbeat.start()

    def notify(self, receiver: QObject, event: QEvent) -> bool:  # noqa: D401 - Qt override
        if threading.get_ident() != self._ui_thread:
            # an event delivered on a worker thread (a QObject an `Op` made there): not the UI thread's
            # time, and its thread_time() is another thread's clock
            return super().notify(receiver, event)
        probe = self.probe
        now = time.perf_counter()
        probe.mark(now)
        if probe.depth == 0:
            probe.current = (type(receiver).__name__, event.type(), getattr(receiver, "probe_label", None))
        probe.events += 1
        probe.depth += 1
        try:
            return super().notify(receiver, event)
        finally:
            probe.mark(time.perf_counter())
            probe.depth -= 1
