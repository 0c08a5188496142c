"""Background work: a small operation object in the style of Anki's `QueryOp`.

    Op(parent, lambda: services.customers.count_customers(session, q)) \
        .success(self.show_count).failure(self.show_problem).run_in_background()

The callable runs on a QThreadPool worker; its result (or exception) comes back to the
UI thread through a queued signal, so `success` / `failure` callbacks may touch widgets.
If `parent` is destroyed first, the callbacks are simply not called.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fieldkit.domain.progress import Job
from fieldkit.ui.qt import QObject, QRunnable, Qt, QThreadPool, QTimer, QWidget, Signal, Slot

if TYPE_CHECKING:
    from fieldkit.ui.progress import ProgressDialog

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
_running: set[Op] = set()


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def wait_for_background(timeout_ms: int = 10_000) -> bool:
    """Block until every background operation has finished (before closing a session)."""
    return pool().waitForDone(timeout_ms)


def _log_failure(exc: BaseException) -> None:
    log.error("background operation failed", exc_info=exc)


class _Relay(QObject):
    # One tuple (ok, value): passing a bare None through a queued `object` signal has
    # broken reference counts in some PySide6 releases.
    done = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the failure callback on the UI thread
            self.relay.done.emit((False, exc))
        else:
            self.relay.done.emit((True, result))


class Op(QObject):
    # Called when an Op without its own failure callback fails (the main window shows it).
    default_failure: Callable[[BaseException], None] = staticmethod(_log_failure)

    def __init__(self, parent: QObject, fn: Callable[[], Any]):
        super().__init__(parent)
        self._fn = fn
        self._on_success: Callable[[Any], object] | None = None  # what it returns is not used
        self._on_failure: Callable[[BaseException], None] | None = None
        self._relay = _Relay()
        self._relay.done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._task: _Task | None = None
        self.probe_label = ""
        self.job: Job | None = None
        self._progress_text = ""
        self.dialog: ProgressDialog | None = None
        self._quiet = False

    def success(self, callback: Callable[[Any], object]) -> Op:
        self._on_success = callback
        self.probe_label = getattr(callback, "__qualname__", "")  # named by the stall probe (tests, bench)
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._on_failure = callback
        return self

    def progress(self, job: Job, text: str) -> Op:
        """Show a progress dialog with Cancel for this work if it runs longer than SHOW_AFTER_MS
        (the callable must pass `job` to the service, which calls `job.step()`)."""
        self.job, self._progress_text = job, text
        return self

    def run_in_background(self) -> Op:
        self._task = _Task(self._fn, self._relay)
        _running.add(self)
        pool().start(self._task)
        if self.job is not None:
            from fieldkit.ui.progress import SHOW_AFTER_MS

            QTimer.singleShot(SHOW_AFTER_MS, self, self._show_progress)
        return self

    def cancel(self, quietly: bool = False) -> None:
        """Ask the work to stop (its failure callback then gets `Cancelled`). `quietly`: work the app
        itself replaced (e.g. a newer report): its progress dialog closes at once instead of saying
        "Cancelling…" until the work reaches its next check."""
        if self.job is not None:
            self.job.cancel()
        if quietly:
            self._quiet = True
            if self.dialog is not None:
                self.dialog.finish()
                self.dialog = None

    def _show_progress(self) -> None:
        if self._task is None or self.job is None or self.dialog is not None or self._quiet:
            return
        from fieldkit.ui.progress import ProgressDialog

        owner = self.parent()
        self.dialog = ProgressDialog(self.job, self._progress_text, owner if isinstance(owner, QWidget) else None)
        self.dialog.show()

    @Slot(object)
    def _finish(self, outcome: tuple[bool, Any]) -> None:
        _running.discard(self)
        if self.dialog is not None:  # closed first: a callback may open a message box
            self.dialog.finish()
            self.dialog = None
        ok, result = outcome
        try:
            if ok:
                if self._on_success is not None:
                    self._on_success(result)
            elif self._on_failure is not None:
                self._on_failure(result)
            else:
                Op.default_failure(result)
        finally:
            self._task = None
            self.deleteLater()
