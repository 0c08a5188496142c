"""Qt face of the one device thread: DeviceWorker events in, Qt signals out.

All serial I/O of the app runs on ONE :class:`fieldkit.devices.worker.DeviceWorker`
(thread ``fieldkit-device``), shared by every screen through :func:`shared_worker`, so two
screens can never talk to the probe at once (a second read waits in the queue).

A :class:`DeviceBridge` belongs to one widget. ``read(port, options)`` submits a job and
reports back on the UI thread:

* ``progress(phase, received, expected)`` -- throttled: a new phase is always sent, byte
  counts at most every ``interval`` seconds (a readout arrives in dozens of small chunks;
  the UI needs a few updates a second, not one per chunk);
* ``finished(ReadingResult)`` or ``failed(exception)`` -- once per read.

The worker thread never touches a widget: it only emits signals, which Qt queues to the
bridge's (UI) thread. Results of a read that was cancelled or replaced are dropped.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import CancelledError, Future
from functools import partial
from typing import Any

from fieldkit.devices.client import Progress, ReadOptions
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.result import ReadingResult
from fieldkit.devices.worker import DeviceWorker, Job
from fieldkit.ui.qt import QObject, Qt, Signal, Slot

_worker: DeviceWorker | None = None
_listeners: dict[int, DeviceBridge] = {}
_lock = threading.Lock()


def _dispatch(job: Job, event: Progress) -> None:
    with _lock:
        bridge = _listeners.get(id(job))
    if bridge is not None:
        bridge._on_progress(job, event)


def shared_worker() -> DeviceWorker:
    """The app's one device thread (started on first use)."""
    global _worker
    with _lock:
        if _worker is None or not _worker.thread.is_alive():
            _worker = DeviceWorker(on_progress=_dispatch)
        return _worker


def stop_shared_worker(timeout: float = 5.0) -> None:
    global _worker
    with _lock:
        worker, _worker = _worker, None
    if worker is not None:
        worker.stop(timeout)


class DeviceBridge(QObject):
    progress = Signal(str, int, int)  # phase, bytes received, bytes expected (-1 = unknown)
    finished = Signal(object)  # ReadingResult
    failed = Signal(object)  # ProtocolError (or another exception)
    _progress_relay = Signal(object)  # (job id, phase, received, expected), queued from the device thread
    _done_relay = Signal(object)  # (job id, ok, value)

    def __init__(self, parent: QObject | None = None, interval: float = 0.1):
        super().__init__(parent)
        self.interval = interval
        self.job: Job | None = None
        self._last_phase = ""
        self._last_emit = 0.0
        self._progress_relay.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)
        self._done_relay.connect(self._relay_done, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def read(self, port: str, options: ReadOptions | None = None) -> Job:
        """Start a read (cancelling one still running from this bridge)."""
        self.cancel()
        self._last_phase, self._last_emit = "", 0.0
        worker = shared_worker()
        with _lock:  # the device thread's progress callback waits for this lock: no event is lost
            job = worker.submit(port, options)
            _listeners[id(job)] = self
        self.job = job
        job.future.add_done_callback(partial(self._on_done, job))
        return job

    def cancel(self) -> None:
        """Stop the current read within ~50 ms; ``failed`` reports CANCELLED."""
        if self.job is not None:
            self.job.cancel()

    # -- device thread -------------------------------------------------------------------------
    def _on_progress(self, job: Job, event: Progress) -> None:
        now = time.monotonic()
        if event.phase == self._last_phase and now - self._last_emit < self.interval:
            return
        self._last_phase, self._last_emit = event.phase, now
        expected = event.expected if event.expected is not None else -1
        self._progress_relay.emit((id(job), event.phase, event.received, expected))

    def _on_done(self, job: Job, fut: Future[ReadingResult]) -> None:
        with _lock:
            _listeners.pop(id(job), None)
        try:
            value: Any = fut.result()
            ok = True
        except CancelledError:
            value, ok = ProtocolError("CANCELLED", "cancelled before it started"), False
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
            value, ok = exc, False
        try:
            self._done_relay.emit((id(job), ok, value))
        except RuntimeError:  # the bridge was deleted with its widget
            pass

    # -- UI thread -----------------------------------------------------------------------------
    @Slot(object)
    def _relay_progress(self, payload: tuple[int, str, int, int]) -> None:
        job_id, phase, received, expected = payload
        if self.job is not None and id(self.job) == job_id:
            self.progress.emit(phase, received, expected)

    @Slot(object)
    def _relay_done(self, payload: tuple[int, bool, Any]) -> None:
        job_id, ok, value = payload
        if self.job is None or id(self.job) != job_id:
            return
        self.job = None
        if ok:
            self.finished.emit(value)
        else:
            self.failed.emit(value)
