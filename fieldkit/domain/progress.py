"""Long work that shows how far it got and can be stopped (Qt-free).

The UI makes a `Job`, passes it to the service and shows `done / total` (ui/progress.py reads
the numbers from the UI thread every 100 ms: plain ints, no lock needed). The service calls
`job.step(done, total)` in its loop; after `job.cancel()` the next call raises `Cancelled`, so
the work really stops (and writes nothing it had not finished)."""

from __future__ import annotations

import threading

from fieldkit.domain.messages import Message, Texts, Worded

_M = Texts("domain.progress")


class Cancelled(Exception, Worded):
    """The user cancelled; carries its own words for the UI (`.vi`/`.en`: services.health.describe_known)."""

    def __init__(self) -> None:
        super().__init__("cancelled")

    def words(self) -> Message:
        return _M("Cancelled; nothing was changed.")


class Job:
    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0  # 0: unknown (the indicator is busy, not a bar)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int | None = None, total: int | None = None) -> None:
        if total is not None:
            self.total = total
        if done is not None:
            self.done = done
        if self._cancel.is_set():
            raise Cancelled()


def step(job: Job | None, done: int | None = None, total: int | None = None) -> None:
    """`job.step(...)` when there is a job (services take `job=None`)."""
    if job is not None:
        job.step(done, total)
