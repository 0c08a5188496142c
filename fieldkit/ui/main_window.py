"""The main window: a header (who is signed in, language, sign out), navigation on the
left, the current page on the right, the status bar at the bottom.

Pages are declared as data in `PAGES` (id, icon, title, factory); Ctrl+1…Ctrl+7 open
them in order, Ctrl+F goes to the search field of the current page (if it has one).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator, Mapping, ValuesView
from dataclasses import dataclass
from typing import Any

from fieldkit.services.session import Session
from fieldkit.ui.config import Config
from fieldkit.ui.connectivity import Probe
from fieldkit.ui.forms.autosave import flush_all
from fieldkit.ui.i18n import LANGUAGES
from fieldkit.ui.icons import icon
from fieldkit.ui.labels import ROLES, label, problem_text
from fieldkit.ui.ops import Op, wait_for_background
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.pages.coming_page import ComingPage
from fieldkit.ui.pages.work_orders_page import WorkOrdersPage
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QFont,
    QFontMetrics,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSize,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from fieldkit.ui.screen_fit import fit_to_screen
from fieldkit.ui.status_bar import StatusBar
from fieldkit.ui.style import SCALES, touch_combos


@dataclass(frozen=True)
class PageSpec:
    id: str
    icon: str  # resources/icons/<icon>.svg
    title: str  # source text, context "Pages"
    factory: Callable[[PageContext], Page]


def _coming(title: str, text: str) -> Callable[[PageContext], Page]:
    return lambda ctx: ComingPage(ctx, title, text)


def preload_pages() -> None:
    """Import the other pages' modules (run in the background once the window is up, so the
    first visit of a page does not pay for its imports on the UI thread)."""
    for spec in PAGES:
        module = getattr(spec.factory, "module", None)
        if module and module not in sys.modules:
            importlib.import_module(module)


def _lazy(module: str, cls: str) -> Callable[[PageContext], Page]:
    """The page's module is imported when the page is first built, not at start-up (the
    onboarding page alone pulled in reportlab, the sync page requests: ~0.6 s of start)."""
    def build(ctx: PageContext) -> Page:
        page_class = getattr(importlib.import_module(module), cls)
        page: Page = page_class(ctx)
        return page
    build.module = module  # type: ignore[attr-defined]
    return build


PAGES: list[PageSpec] = [
    # the first page is built at sign-in: imported with the window, not inside the sign-in step
    PageSpec("work_orders", "work_orders", QT_TRANSLATE_NOOP("Pages", "Work orders"), WorkOrdersPage),
    PageSpec("customers", "customers", QT_TRANSLATE_NOOP("Pages", "Customers"), _lazy("fieldkit.ui.pages.customers_page", "CustomersPage")),
    PageSpec("today", "today", QT_TRANSLATE_NOOP("Pages", "Today"), _lazy("fieldkit.ui.pages.today_page", "TodayPage")),
    PageSpec("readings", "readings", QT_TRANSLATE_NOOP("Pages", "Readings"), _lazy("fieldkit.ui.pages.readings_page", "ReadingsPage")),
    PageSpec("onboarding", "onboarding", QT_TRANSLATE_NOOP("Pages", "Onboarding"), _lazy("fieldkit.ui.pages.onboarding_page", "OnboardingPage")),
    PageSpec("review", "review", QT_TRANSLATE_NOOP("Pages", "Review & reports"), _lazy("fieldkit.ui.pages.review_page", "ReviewPage")),
    PageSpec("sync", "sync", QT_TRANSLATE_NOOP("Pages", "Sync"), _lazy("fieldkit.ui.pages.sync_page", "SyncPage")),
    PageSpec("settings", "settings", QT_TRANSLATE_NOOP("Pages", "Settings"), _lazy("fieldkit.ui.pages.settings_page", "SettingsPage")),
]


class LazyPages(Mapping[str, Page]):
    """id -> page, built on first access into its slot of the stack (a placeholder until then).

    Each page sits in a scroll area: a page taller or wider than the window (Settings in
    large mode, a 1280x720 laptop at 125 %) scrolls instead of growing the window past
    the screen, so the status bar stays visible."""

    def __init__(self, ctx: PageContext, stack: QStackedWidget):
        self.ctx = ctx
        self.stack = stack
        self.built: dict[str, Page] = {}
        self.slots: dict[str, QWidget] = {}
        self.holders: dict[str, QScrollArea] = {}
        self.on_built: Callable[[Page], None] = lambda page: None
        for spec in PAGES:
            slot = QWidget()
            self.slots[spec.id] = slot
            stack.addWidget(slot)

    def __getitem__(self, page_id: str) -> Page:
        page = self.built.get(page_id)
        if page is None:
            spec = next(s for s in PAGES if s.id == page_id)
            page = spec.factory(self.ctx)
            slot = self.slots.pop(page_id)
            index = self.stack.indexOf(slot)
            holder = QScrollArea(objectName="PageScroll")
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setWidget(page)
            self.holders[page_id] = holder
            self.stack.insertWidget(index, holder)
            self.stack.removeWidget(slot)
            slot.deleteLater()
            self.built[page_id] = page
            touch_combos(page)
            self.on_built(page)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(spec.id for spec in PAGES)

    def __len__(self) -> int:
        return len(PAGES)

    def values(self) -> ValuesView[Page]:
        """The pages built so far (hooks such as on_status and shutdown reach only those)."""
        return self.built.values()

    def get(self, page_id: str, default: Any = None) -> Any:
        return self.built.get(page_id, default)


COMPACT_BELOW = 1100  # window width (logical px) under which the navigation shows icons only


class MainWindow(QMainWindow):
    logoutRequested = Signal()
    languageRequested = Signal(str)

    def __init__(self, session: Session, config: Config, probe: Probe,
                 apply_setting: Callable[[str, Any], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.session = session
        self.config = config
        self.status = StatusBar(session, probe, self)
        self.setStatusBar(self.status)
        Op.default_failure = staticmethod(self.show_problem)
        self.ctx = PageContext(session=session, config=config, refresh_status=self.status.refresh,
                               apply_setting=apply_setting)

        # header
        header = QFrame(objectName="Header")
        self.app_name = QLabel("FieldKit")
        self.user_label = QLabel(objectName="User")
        self.language_button = QPushButton(objectName="LanguageButton")
        self.logout_button = QPushButton(objectName="Logout")
        h = QHBoxLayout(header)
        h.setContentsMargins(16, 6, 16, 6)
        h.addWidget(self.app_name)
        h.addSpacing(24)
        h.addWidget(self.user_label, 1)
        h.addWidget(self.language_button)
        h.addWidget(self.logout_button)

        # navigation + pages
        self.nav = QListWidget(objectName="Nav")
        self.nav.setIconSize(QSize(28, 28))
        self.nav.setWordWrap(True)  # a long page name wraps instead of being cut
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFixedWidth(250)
        self.stack = QStackedWidget()
        # Pages are built when first shown (start-up builds one page, not seven; each build is
        # one short UI-thread step instead of one long one at sign-in).
        self.pages = LazyPages(self.ctx, self.stack)
        self._last_status: tuple[Any, Any] | None = None
        self.pages.on_built = self._page_built
        for spec in PAGES:
            item = QListWidgetItem(icon(spec.icon), "")
            item.setData(256, spec.id)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_page)

        body = QWidget()
        b = QHBoxLayout(body)
        b.setContentsMargins(0, 0, 0, 0)
        b.setSpacing(0)
        b.addWidget(self.nav)
        b.addWidget(self.stack, 1)
        central = QWidget()
        v = QVBoxLayout(central)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(0)
        v.addWidget(header)
        v.addWidget(body, 1)
        self.setCentralWidget(central)

        for i in range(len(PAGES)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.go_to_row(i))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self.language_button.clicked.connect(
            lambda: self.languageRequested.emit(self.language_button.property("lang")))
        self.logout_button.clicked.connect(self.logoutRequested)
        self.status.updated.connect(self._status_updated)
        self.setTabOrder(self.nav, self.stack)
        fit_to_screen(self, 1280, 800)
        # (the window as context: the timer is dropped if the window goes first, e.g. a quick sign-out)
        QTimer.singleShot(1500, self, lambda: Op(self, preload_pages).failure(lambda _e: None).run_in_background())
        self.retranslate()
        self.nav.setCurrentRow(0)

    # -- navigation --------------------------------------------------------
    def go_to_row(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        target = self.current_page().first_focus()
        (target if target is not None else self.nav).setFocus()

    def go_to(self, page_id: str) -> Page:
        row = [s.id for s in PAGES].index(page_id)
        self.nav.setCurrentRow(row)
        return self.pages[page_id]

    def current_page(self) -> Page:
        return self.pages[PAGES[max(0, self.nav.currentRow())].id]

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[PAGES[row].id]
        self.stack.setCurrentWidget(self.pages.holders[PAGES[row].id])
        page.on_shown()

    def focus_search(self) -> None:
        """Ctrl+F: the search of the page you are on (never another page's: on the reading panel it
        jumped to Customers); a page without a search says so in the status bar."""
        box = self.current_page().search_box()
        if box is not None:
            box.setFocus()
            box.selectAll()
        else:
            self.status.showMessage(self.tr("Nothing to search on this page."), 4_000)

    # -- status --------------------------------------------------------------
    def _page_built(self, page: Page) -> None:
        if self._last_status is not None:
            page.on_status(*self._last_status)

    def _status_updated(self, outbox: Any, connectivity: Any) -> None:
        self._last_status = (outbox, connectivity)
        for page in self.pages.values():
            page.on_status(outbox, connectivity)

    def show_problem(self, exc: BaseException) -> None:
        self.status.showMessage(problem_text(exc), 15_000)

    def fit_nav(self) -> None:
        """As wide as the longest page name at the current font (200-300 px), icons included;
        icons only (names in tooltips) when the window is narrower than COMPACT_BELOW."""
        compact = self.width() < COMPACT_BELOW
        if compact != bool(self.nav.property("compact")):
            self.nav.setProperty("compact", compact)
            self.nav.setWordWrap(not compact)
            self.nav.style().unpolish(self.nav)
            self.nav.style().polish(self.nav)
        if compact:
            self.nav.setFixedWidth(76)
            return
        font = QFont(self.nav.font())  # the style sheet's size and weight, which font() does not report
        font.setPointSize(SCALES.get(str(self.config.get("ui_scale")), SCALES["normal"])[0])
        font.setBold(True)
        metrics = QFontMetrics(font)
        longest = max((metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())),
                      default=0)
        self.nav.setFixedWidth(max(200, min(300, longest + 28 + 12 + 40)))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if (self.width() < COMPACT_BELOW) != bool(self.nav.property("compact")):
            self.fit_nav()

    def apply_scale(self, scale: str) -> None:
        self.fit_nav()
        for page in self.pages.values():
            fn = getattr(page, "apply_scale", None)
            if fn is not None:
                fn(scale)

    def set_language_button(self, current: str) -> None:
        other = "en" if current == "vi" else "vi"
        self.language_button.setProperty("lang", other)
        self.language_button.setText(LANGUAGES[other])

    # -- language ------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("FieldKit"))
        for i, spec in enumerate(PAGES):
            item = self.nav.item(i)
            title = QCoreApplication.translate("Pages", spec.title)
            item.setText(f"{title}")
            item.setToolTip(f"{title} (Ctrl+{i + 1})")
        self.fit_nav()
        self.user_label.setText(f"{self.session.display_name} · {label(ROLES, self.session.role.value)}")
        self.logout_button.setText(self.tr("Sign &out"))
        self.language_button.setToolTip(self.tr("Change the language"))

    # -- closing -------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop timers and wait for background work, so the session can be closed safely."""
        self.status.timer.stop()
        for page in self.pages.values():
            page.shutdown()
        flush_all()  # every open form's last keystrokes go to its draft before the session closes
        wait_for_background()

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)
