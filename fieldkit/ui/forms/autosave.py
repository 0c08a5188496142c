"""Autosave of drafts as the user types: debounced, off the UI thread, one save at a time.

    saver = DraftSaver(self, collect=self._draft_state, save=lambda state: drafts.save_install(...))
    view.changed.connect(saver.schedule)   # every keystroke restarts the short timer
    saver.flush()                          # leaving the form: save now (still in the background)

`collect` runs on the UI thread and must be cheap (it returns the state to save, or None for
nothing); `save` runs in the background through `Op`. Saves never overlap: a change that comes
while one is running is saved right after it, so the newest state always wins. `flush_all()`
saves every live form's pending change (the main window calls it before closing).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

from fieldkit.ui.ops import Op
from fieldkit.ui.qt import QObject, QTimer, Signal

log = logging.getLogger(__name__)
DELAY_MS = 500

_live: weakref.WeakSet[DraftSaver] = weakref.WeakSet()


def flush_all() -> None:
    """Save every pending draft now (before the window closes and the session ends)."""
    for saver in list(_live):
        try:
            saver.flush_pending()
        except RuntimeError:  # its widget is already gone
            pass


class DraftSaver(QObject):
    saved = Signal(bool)  # True: written; False: refused (the record was submitted meanwhile)
    failed = Signal(object)

    def __init__(self, parent: QObject, collect: Callable[[], Any], save: Callable[[Any], bool],
                 delay_ms: int = DELAY_MS):
        super().__init__(parent)
        self._collect = collect
        self._save = save
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.flush)
        self.running = False
        self.again = False  # a change came while a save was running
        self.active = False  # off until the form has been filled from its draft
        self.saves = 0  # saves written (tests wait on it)
        _live.add(self)

    def start(self) -> None:
        self.active = True

    def stop(self) -> None:
        """No more saves (the record is being submitted)."""
        self.active = False
        self.again = False
        self.timer.stop()

    def schedule(self) -> None:
        if self.active:
            self.timer.start()

    def pending(self) -> bool:
        return self.timer.isActive() or self.running or self.again

    def flush_pending(self) -> None:
        """Save now if a change is waiting for the timer (leaving, closing)."""
        if self.timer.isActive():
            self.flush()

    def flush(self) -> None:
        self.timer.stop()
        if not self.active:
            return
        if self.running:
            self.again = True
            return
        state = self._collect()
        if state is None:
            return
        self.running = True
        save = self._save
        Op(self, lambda: save(state)).success(self._done).failure(self._failed).run_in_background()

    def _done(self, written: bool) -> None:
        self.running = False
        if written:
            self.saves += 1
        self.saved.emit(bool(written))
        if self.again:
            self.again = False
            self.flush()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        log.warning("draft not saved: %s", exc)
        self.failed.emit(exc)
        if self.again:
            self.again = False
            self.flush()
