"""The reports table as an item model: one row per commune, then the total.

A model, not a `QTableWidget` of items: filling it is one reset whatever the number of
communes, and the view asks only for the cells it paints. Columns are sized from a
sample (`fieldkit.ui.table_sizing`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldkit.services.reports import Figures
from fieldkit.ui.labels import format_number, format_share
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, Callable[[Figures], float]]] = [
    (QT_TRANSLATE_NOOP("ReportsPage", "Customers"), lambda f: f.customers),
    (QT_TRANSLATE_NOOP("ReportsPage", "Installs"), lambda f: f.installs),
    (QT_TRANSLATE_NOOP("ReportsPage", "On time"), lambda f: f.done_on_time),
    (QT_TRANSLATE_NOOP("ReportsPage", "Late"), lambda f: f.done_late),
    (QT_TRANSLATE_NOOP("ReportsPage", "Open overdue"), lambda f: f.open_overdue),
    (QT_TRANSLATE_NOOP("ReportsPage", "Readings"), lambda f: f.readings),
    (QT_TRANSLATE_NOOP("ReportsPage", "Abnormal"), lambda f: f.abnormal),
    (QT_TRANSLATE_NOOP("ReportsPage", "E-contract %"), lambda f: f.share(f.e_contracts)),
    (QT_TRANSLATE_NOOP("ReportsPage", "App %"), lambda f: f.share(f.app_users)),
    (QT_TRANSLATE_NOOP("ReportsPage", "Mobile banking %"), lambda f: f.share(f.payment["mobile_banking"])),
    (QT_TRANSLATE_NOOP("ReportsPage", "E-wallet %"), lambda f: f.share(f.payment["e_wallet"])),
    (QT_TRANSLATE_NOOP("ReportsPage", "Auto debit %"), lambda f: f.share(f.payment["auto_debit"])),
    (QT_TRANSLATE_NOOP("ReportsPage", "Cashless %"), lambda f: f.share(f.cashless)),
]


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportsPage", text)


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[Figures] = []
        self.bold = QFont()
        self.bold.setBold(True)

    def set_figures(self, rows: list[Figures], total: Figures) -> None:
        self.beginResetModel()
        self.rows = [*rows, total]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS) + 1

    def text(self, row: int, col: int) -> str:
        f = self.rows[row]
        total = row == len(self.rows) - 1
        if col == 0:
            return tr("Total") if total else (f.commune or tr("(no commune)"))
        value = COLUMNS[col - 1][1](f)
        return format_share(value) if isinstance(value, float) else format_number(int(value))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row == len(self.rows) - 1:
            return self.bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr("Commune") if section == 0 else tr(COLUMNS[section - 1][0])
        return None

    def retranslate(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS)))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS))
