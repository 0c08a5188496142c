"""Customers: search as you type (diacritics ignored, codes and phone numbers too) over a
lazily paged list, so 80,000 customers open at once. Enter or a double click on a row opens
the customer page (ui/customer_detail.py); Esc goes back to the list. The list is searched
again when a sync brings new data (the last sync time changed) and when the page is shown."""

from __future__ import annotations

from typing import Any

from fieldkit.ui.customer_detail import CustomerDetail
from fieldkit.ui.customer_model import CustomerListModel
from fieldkit.ui.labels import format_number
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QShortcut,
    QStackedWidget,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.style import row_height

DEBOUNCE_MS = 150


class CustomersPage(Page):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.model = CustomerListModel(ctx.session, self)
        self.title = QLabel(objectName="PageTitle")
        self.search = QLineEdit(objectName="CustomerSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.count = QLabel(objectName="ResultCount")
        self.table = QTableView(objectName="CustomerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((190, 280, 150, 260, 130)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.apply_scale(ctx.config.get("ui_scale"))

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.count)
        self.list_view = QWidget()
        lay = QVBoxLayout(self.list_view)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.search_label)
        lay.addWidget(self.search)
        lay.addWidget(self.table, 1)
        self.detail = CustomerDetail(ctx.session)
        self.detail.back.connect(self.show_list)
        self.views = QStackedWidget()
        self.views.addWidget(self.list_view)
        self.views.addWidget(self.detail)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(self.views)
        self.table.activated.connect(lambda index: self.open_customer(index.row()))  # Enter, double click
        self.search.returnPressed.connect(self._enter_in_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.list_view, activated=self._escape_in_list,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._last_sync: Any = None

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self.debounce.start())
        self.model.searchFinished.connect(lambda _n, _ms: self._show_count())
        self.model.searchFailed.connect(self._show_failure)
        self.setTabOrder(self.search, self.table)
        self.retranslate()
        self.model.set_search("")

    # -- the customer page ----------------------------------------------------
    def open_customer(self, row: int) -> bool:
        c = self.model.customer_at(row)
        if c is None:
            return False
        self.detail.load(c.id, c.name)
        self.views.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus()
        return True

    def show_list(self) -> None:
        self.views.setCurrentWidget(self.list_view)
        self.table.setFocus()

    def _enter_in_search(self) -> None:
        """Enter in the search field: search now and go to the list (its first row; Enter again opens it)."""
        self._run_search()
        self.table.setFocus()

    def _escape_in_list(self) -> None:
        if self.search.text():
            self.search.clear()
            self.search.setFocus()

    # -- staying fresh -------------------------------------------------------
    def on_status(self, outbox: Any, connectivity: Any) -> None:
        last = getattr(outbox, "last_sync", None)
        if last != self._last_sync:
            first = self._last_sync is None and not self.model.loaded_once
            self._last_sync = last
            if not first:
                self.refresh()

    def refresh(self) -> None:
        """Search again with the current text (a sync may have brought customers)."""
        self.model.set_search(self.search.text())

    def _run_search(self) -> None:
        self.debounce.stop()
        self.model.set_search(self.search.text())

    def _show_count(self) -> None:
        if self.table.hasFocus() and self.table.currentIndex().row() < 0 and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))  # Enter in the search, then Enter opens
        n = self.model.total
        if not self.model.loaded_once:
            self.count.setText(self.tr("Loading…"))
        elif self.model.search.text.strip():
            self.count.setText(self.tr("%1 found").replace("%1", format_number(n)))
        else:
            self.count.setText(self.tr("%1 customers").replace("%1", format_number(n)))

    def _show_failure(self, text: str) -> None:
        self.count.setText(self.tr("Search failed: %1").replace("%1", text))

    def apply_scale(self, scale: str) -> None:
        self.table.verticalHeader().setDefaultSectionSize(row_height(scale))
        self.table.horizontalHeader().setMinimumHeight(row_height(scale))

    def search_box(self) -> QLineEdit:
        if self.views.currentWidget() is not self.list_view:
            self.show_list()
        return self.search

    def retranslate(self) -> None:
        self.title.setText(self.tr("Customers"))
        self.search_label.setText(self.tr("&Search by name, customer code or phone (Ctrl+F)"))
        self.search.setPlaceholderText(self.tr("e.g. nguyen van a, PA23LN, 0912…"))
        self.model.retranslate()
        self._show_count()
