"""The user's work orders, overdue and today's first (a later issue adds opening one)."""

from __future__ import annotations

from typing import Any

from fieldkit.services import ui_queries
from fieldkit.services.ui_queries import WorkOrderRow
from fieldkit.ui.labels import KINDS, STATES, URGENCY, format_number, label, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QCoreApplication,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.style import DANGER, row_height

AnyIndex = QModelIndex | QPersistentModelIndex


class WorkOrderTableModel(QAbstractTableModel):
    """Rows from `ui_queries.my_work_orders`; overdue ones in red and bold, today's in bold."""

    HEADERS = (
        QT_TRANSLATE_NOOP("WorkOrderColumns", "Priority"), QT_TRANSLATE_NOOP("WorkOrderColumns", "Due"),
        QT_TRANSLATE_NOOP("WorkOrderColumns", "Number"), QT_TRANSLATE_NOOP("WorkOrderColumns", "Kind"),
        QT_TRANSLATE_NOOP("WorkOrderColumns", "Status"), QT_TRANSLATE_NOOP("WorkOrderColumns", "Customer"),
    )

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[WorkOrderRow] = []
        self.bold = QFont()
        self.bold.setBold(True)
        self.danger = QColor(DANGER)

    def set_rows(self, rows: list[WorkOrderRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.urgency == "overdue":
            return self.danger
        if role == Qt.ItemDataRole.FontRole and row.urgency in ("overdue", "today"):
            return self.bold
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _text(row: WorkOrderRow, col: int) -> str:
        if col == 0:
            return label(URGENCY, row.urgency)
        if col == 1:
            return row.due_date.strftime("%d/%m/%Y") if row.due_date else "—"
        if col == 2:
            return row.number
        if col == 3:
            return label(KINDS, row.kind)
        if col == 4:
            return label(STATES, row.state)
        customer = f"{row.customer_name} ({row.customer_code})" if row.customer_code else "—"
        return customer + (f" — {row.address}" if row.address else "")

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("WorkOrderColumns", self.HEADERS[section])
        return None

    def retranslate(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.HEADERS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)


class WorkOrdersPage(Page):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list[WorkOrderRow] = []
        self.loaded = False
        self.title = QLabel(objectName="PageTitle")
        self.summary = QLabel(objectName="Muted")
        self.refresh_button = QPushButton(objectName="Refresh")
        self.empty = QLabel(objectName="Coming")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.model = WorkOrderTableModel(self)
        self.table = QTableView(objectName="WorkOrderTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(row_height(ctx.config.get("ui_scale")))
        header = self.table.horizontalHeader()
        for col, width in enumerate((115, 125, 170, 215, 130)):
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.reload)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        session = self.ctx.session
        Op(self, lambda: ui_queries.my_work_orders(session)).success(self._show) \
            .failure(lambda e: self.summary.setText(problem_text(e))).run_in_background()

    def on_shown(self) -> None:
        self.reload()

    def apply_scale(self, scale: str) -> None:
        self.table.verticalHeader().setDefaultSectionSize(row_height(scale))

    def _show(self, rows: list[WorkOrderRow]) -> None:
        self.rows = rows
        self.loaded = True
        self._fill()

    def _fill(self) -> None:
        rows = self.rows
        self.model.set_rows(rows)
        counts = {k: sum(1 for x in rows if x.urgency == k) for k in ("overdue", "today")}
        open_count = sum(1 for x in rows if x.urgency != "closed")
        self.summary.setText(self.tr("%1 open · %2 overdue · %3 due today")
                             .replace("%1", format_number(open_count))
                             .replace("%2", format_number(counts["overdue"]))
                             .replace("%3", format_number(counts["today"])))
        self.empty.setVisible(self.loaded and not rows)
        self.table.setVisible(bool(rows) or not self.loaded)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Work orders"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.empty.setText(self.tr("No work orders on this laptop. Sync at the office to receive today's work."))
        self.model.retranslate()
        if self.loaded:
            self._fill()
        else:
            self.summary.setText(self.tr("Loading…"))
