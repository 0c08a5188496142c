"""One device thread: a Qt-free worker that runs meter reads one at a time.

``DeviceWorker`` owns a single named thread with a job queue, so only one thing talks
to the probe at a time. ``submit`` returns a :class:`Job`: its ``future`` gives the
:class:`~fieldkit.devices.result.ReadingResult` or raises the
:class:`~fieldkit.devices.errors.ProtocolError`; ``cancel()`` stops it within ~50 ms.
Progress events go to the callback (on the worker thread; the Qt UI forwards them
through signals).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from fieldkit.devices.client import Progress, ReadOptions
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.result import ReadingResult
from fieldkit.devices.transport import read_meter

ProgressCallback = Callable[["Job", Progress], None]


@dataclass
class Job:
    port: str
    options: ReadOptions
    future: Future[ReadingResult] = field(default_factory=Future)
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.cancel_event.set()
        self.future.cancel()  # succeeds only while still queued


class DeviceWorker:
    def __init__(self, on_progress: ProgressCallback | None = None, name: str = "fieldkit-device") -> None:
        self.on_progress = on_progress
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def submit(self, port: str, options: ReadOptions | None = None) -> Job:
        job = Job(port, options or ReadOptions())
        self._jobs.put(job)
        return job

    def read(self, port: str, options: ReadOptions | None = None, timeout: float | None = None) -> ReadingResult:
        """Submit and wait (for scripts and tests)."""
        return self.submit(port, options).future.result(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._jobs.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue

            def progress(event: Progress, job: Job = job) -> None:
                if self.on_progress is not None:
                    self.on_progress(job, event)

            try:
                result = read_meter(job.port, job.options, on_progress=progress, cancel=job.cancel_event)
            except ProtocolError as exc:
                job.future.set_exception(exc)
            except Exception as exc:  # a bug must not kill the device thread
                job.future.set_exception(ProtocolError("UNEXPECTED_REPLY", f"internal error: {exc!r}"))
            else:
                job.future.set_result(result)
