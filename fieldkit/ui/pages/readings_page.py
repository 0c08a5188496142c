"""Readings: choose a reading work order or any meter, then read it (`ReadingPanel`).

The list shows the open reading work orders (today's first, then overdue); typing searches
meters by serial, customer code, name or phone. Enter (or double-click, or "Read meter") opens
the reading panel for the chosen one and starts reading when a probe port is known; Back or
Escape returns to the list.
"""

from __future__ import annotations

from fieldkit.services import readings
from fieldkit.services.readings import Choice, Target
from fieldkit.ui.labels import URGENCY, label, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShortcut,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.readings.panel import ReadingPanel

READ_METER = QT_TRANSLATE_NOOP("ReadingsPage", "Read meter")


def read_meter_text() -> str:
    """The "Read meter" action, for other pages that offer it (a reading work order's detail)."""
    return QCoreApplication.translate("ReadingsPage", READ_METER)


class ReadingsPage(Page):
    LIST, PANEL = 0, 1

    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.choices: list[Choice] = []
        self.panel: ReadingPanel | None = None
        self.generation = 0
        self.opening = False  # an order is being opened (its target loads)
        self.title = QLabel(objectName="PageTitle")
        self.intro = QLabel(objectName="Muted")
        self.intro.setWordWrap(True)
        self.search = QLineEdit(objectName="ReadingSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.open_button = QPushButton(objectName="Primary")
        self.list = QListWidget(objectName="ReadingChoices")
        self.empty = QLabel(objectName="Coming")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.message = QLabel(objectName="Error")
        self.message.setWordWrap(True)
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.open_button)
        row = QHBoxLayout()
        row.addWidget(self.search_label)
        row.addWidget(self.search, 1)
        list_page = QWidget()
        lay = QVBoxLayout(list_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.intro)
        lay.addLayout(row)
        lay.addWidget(self.message)
        lay.addWidget(self.empty)
        lay.addWidget(self.list, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(QWidget())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(self.stack)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(200)
        self.debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.debounce.start())
        self.open_button.clicked.connect(self.open_current)
        # a double click is both "activated" and "double-clicked": `opening` makes it one open, not two
        self.list.itemActivated.connect(lambda _i: self.open_current())
        self.list.itemDoubleClicked.connect(lambda _i: self.open_current())
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self.list, activated=self.open_current,
                      context=Qt.ShortcutContext.WidgetShortcut)
            # Enter in the search box reads the first (or chosen) row
            QShortcut(QKeySequence(key), self.search, activated=self.open_current,
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Down"), self.search, activated=self.list.setFocus,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.retranslate()

    # -- list ------------------------------------------------------------------------------------
    def on_shown(self) -> None:
        if self.stack.currentIndex() == self.LIST:
            self.reload()

    def search_box(self) -> QLineEdit | None:
        return self.search if self.stack.currentIndex() == self.LIST else None

    def first_focus(self) -> QWidget | None:
        """Ctrl+N lands on the list (today's orders first): Enter opens and reads the first one."""
        return self.list if self.stack.currentIndex() == self.LIST else None

    def reload(self) -> None:
        self.generation += 1
        gen, session, text = self.generation, self.ctx.session, self.search.text()
        Op(self, lambda: readings.choices(session, text)).success(lambda rows: self._show(gen, rows)) \
            .failure(self._problem).run_in_background()

    def _problem(self, exc: BaseException) -> None:
        self.opening = False
        self.message.setText(problem_text(exc))
        self.message.show()

    def _show(self, gen: int, rows: list[Choice]) -> None:
        if gen != self.generation:
            return
        self.message.hide()
        self.choices = rows
        self.list.clear()
        for c in rows:
            item = QListWidgetItem(self._choice_text(c))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        self.open_button.setEnabled(bool(rows))

    def _choice_text(self, c: Choice) -> str:
        who = f"{c.customer_name} ({c.customer_code})" if c.customer_code else self.tr("no customer")
        meter = self.tr("meter %1").replace("%1", c.serial) if c.serial else self.tr("meter not named")
        if c.kind == "work_order":
            due = c.due_date.strftime("%d/%m/%Y") if c.due_date else "—"
            return (self.tr("Work order %1 · %2 · due %3").replace("%1", c.work_order_number)
                    .replace("%2", label(URGENCY, c.urgency)).replace("%3", due)
                    + f"\n{who} · {meter}" + (f" · {c.address}" if c.address else ""))
        return f"{meter} · {who}" + (f" · {c.address}" if c.address else "")

    def open_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.choices) and not self.opening:
            self.open_choice(self.choices[row])

    def open_choice(self, choice: Choice) -> None:
        """Open the reading panel and, with a probe port known, start reading at once: from the list,
        Enter (or a double-click) reads, and Ctrl+S (or one click on Save) saves a clean reading."""
        session = self.ctx.session
        self.opening = True
        load = (lambda: readings.target_for_work_order(session, choice.id)) if choice.kind == "work_order" \
            else (lambda: readings.target_for_meter(session, choice.id))
        Op(self, load).success(lambda t: self.open_target(t, autostart=True)).failure(self._problem) \
            .run_in_background()

    def open_target(self, target: Target, autostart: bool = False) -> ReadingPanel:
        self.opening = False
        old = self.stack.widget(self.PANEL)
        if self.panel is not None:
            self.panel.shutdown()
        panel = ReadingPanel(self.ctx.session, self.ctx.config, target, autostart=autostart)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.insertWidget(self.PANEL, panel)
        panel.closed.connect(self.back_to_list)
        panel.saved.connect(lambda _id: self.ctx.refresh_status())
        self.panel = panel
        self.stack.setCurrentIndex(self.PANEL)
        panel.read_button.setFocus()
        return panel

    def back_to_list(self) -> None:
        if self.panel is not None:
            self.panel.shutdown()
        self.stack.setCurrentIndex(self.LIST)
        self.reload()
        self.list.setFocus()

    def shutdown(self) -> None:
        self.debounce.stop()
        if self.panel is not None:
            self.panel.shutdown()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Meter readings"))
        self.intro.setText(self.tr("Choose a reading work order, or search any meter, then read it through the "
                                   "optical probe. If the probe cannot read, type the index by hand with a photo."))
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Meter serial, customer code, name or phone"))
        self.open_button.setText(self.tr("Read meter (Enter)"))
        self.empty.setText(self.tr("No reading work order is open. Type a meter serial or a customer to read "
                                   "any meter."))
        if self.choices:
            for i, c in enumerate(self.choices):
                item = self.list.item(i)
                if item is not None:
                    item.setText(self._choice_text(c))
