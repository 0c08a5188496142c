"""Pages of the main window. Each page is a `Page` made by a factory from a `PageContext`.

Translations: a page calls `self.tr(...)`, whose context is the page's class name. Do not
subclass a concrete page (the subclass would look up its own class name and miss).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fieldkit.services.session import Session
from fieldkit.ui.config import Config
from fieldkit.ui.qt import QEvent, QLineEdit, QWidget


@dataclass
class PageContext:
    session: Session
    config: Config
    refresh_status: Callable[[], None]  # ask the status bar to look again (after a change)
    apply_setting: Callable[[str, Any], None]  # store a setting and apply it (language, scale …)
    status_snapshot: Callable[[], Any] = lambda: None  # (OutboxStatus | None, Connectivity | None)


class Page(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("Page")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every visible text again; called at start and on each language change."""

    def on_shown(self) -> None:
        """The page became the current one (refresh what may be stale)."""

    def search_box(self) -> QLineEdit | None:
        """The field Ctrl+F focuses, if the page has one."""
        return None

    def first_focus(self) -> QWidget | None:
        """Where the keyboard goes when the page is opened with its Ctrl+N shortcut (None: stay on
        the navigation)."""
        return None

    def on_status(self, outbox: Any, connectivity: Any) -> None:
        """The status bar learned something new."""

    def shutdown(self) -> None:
        """The window is closing: stop timers."""
