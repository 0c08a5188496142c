"""The customer list as a Qt item model that pages from the profile database.

`rowCount()` is the full count for the current search (from `count_customers`), so the
scroll bar is right from the start, but rows are fetched lazily in blocks of
`BLOCK` through `customer_page(offset, limit)` on a background thread. A row whose
block is not there yet shows "…" and is filled in by `dataChanged` when it arrives.
At most `MAX_BLOCKS` blocks are kept (least recently used are dropped), so 80,000
customers cost a few hundred rows of memory.

A new search text bumps a generation number; results of older searches are dropped.
While a search runs, later texts are coalesced: only the newest one runs next.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any

from fieldkit.domain.models import Customer
from fieldkit.services import customers as customer_service
from fieldkit.services.session import Session
from fieldkit.store.customers import CustomerQuery
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

BLOCK = 100
MAX_BLOCKS = 40
PLACEHOLDER = "…"

COLUMNS = (
    ("code", QT_TRANSLATE_NOOP("CustomerColumns", "Customer code")),
    ("name", QT_TRANSLATE_NOOP("CustomerColumns", "Name")),
    ("phone", QT_TRANSLATE_NOOP("CustomerColumns", "Phone")),
    ("commune", QT_TRANSLATE_NOOP("CustomerColumns", "Commune / ward")),
    ("households", QT_TRANSLATE_NOOP("CustomerColumns", "Households")),
)

AnyIndex = QModelIndex | QPersistentModelIndex


def _cell(c: Customer, key: str) -> str:
    if key == "commune":
        return c.address.commune
    if key == "households":
        return str(c.households)
    return str(getattr(c, key))


class CustomerListModel(QAbstractTableModel):
    searchFinished = Signal(int, float)  # total rows, milliseconds the count + first block took
    searchFailed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.search = CustomerQuery()
        self.total = 0
        self.loaded_once = False
        self.last_search_ms = 0.0
        self.block_ms: list[float] = []  # time of each background block fetch, for measurements
        self._generation = 0
        self._blocks: OrderedDict[int, list[Customer]] = OrderedDict()
        self._pending: set[int] = set()
        self._search_running = False
        self._next_search: CustomerQuery | None = None

    # -- searching ---------------------------------------------------------
    def set_search(self, text: str, commune_code: int | None = None) -> None:
        q = CustomerQuery(text=text, commune_code=commune_code)
        if self._search_running:
            self._next_search = q
            return
        self._start_search(q)

    def _start_search(self, q: CustomerQuery) -> None:
        self._generation += 1
        gen = self._generation
        self._search_running = True
        session = self.session

        def work() -> tuple[int, list[Customer], float]:
            t0 = time.perf_counter()
            total = customer_service.count_customers(session, q)
            first = customer_service.customer_page(session, q, 0, BLOCK) if total else []
            return total, first, (time.perf_counter() - t0) * 1000

        Op(self, work).success(lambda r: self._search_done(gen, q, r)) \
            .failure(lambda e: self._search_error(gen, e)).run_in_background()

    def _search_done(self, gen: int, q: CustomerQuery, result: tuple[int, list[Customer], float]) -> None:
        self._search_running = False
        if gen == self._generation:
            total, first, ms = result
            self.beginResetModel()
            self.search = q
            self.total = total
            self._blocks.clear()
            self._pending.clear()
            if first:
                self._blocks[0] = first
            self.endResetModel()
            self.loaded_once = True
            self.last_search_ms = ms
            self.searchFinished.emit(total, ms)
        self._run_queued()

    def _search_error(self, gen: int, exc: BaseException) -> None:
        self._search_running = False
        self.searchFailed.emit(str(exc))
        self._run_queued()

    def _run_queued(self) -> None:
        if self._next_search is not None:
            q, self._next_search = self._next_search, None
            self._start_search(q)

    # -- lazy blocks -------------------------------------------------------
    def _request(self, block: int) -> None:
        if block in self._pending:
            return
        self._pending.add(block)
        gen, q, session = self._generation, self.search, self.session

        def work() -> tuple[list[Customer], float]:
            t0 = time.perf_counter()
            rows = customer_service.customer_page(session, q, block * BLOCK, BLOCK)
            return rows, (time.perf_counter() - t0) * 1000

        Op(self, work).success(lambda r: self._block_done(gen, block, r)) \
            .failure(lambda e: self._pending.discard(block)).run_in_background()

    def _block_done(self, gen: int, block: int, result: tuple[list[Customer], float]) -> None:
        if gen != self._generation:
            return
        rows, ms = result
        self._pending.discard(block)
        self.block_ms.append(ms)
        self._blocks[block] = rows
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        first = block * BLOCK
        last = min(first + BLOCK, self.total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def customer_at(self, row: int) -> Customer | None:
        block = self._blocks.get(row // BLOCK)
        if block is None:
            return None
        self._blocks.move_to_end(row // BLOCK)
        i = row % BLOCK
        return block[i] if i < len(block) else None

    def is_loaded(self, row: int) -> bool:
        return self.customer_at(row) is not None

    # -- QAbstractTableModel ----------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key == "households":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        c = self.customer_at(index.row())
        if c is None:
            self._request(index.row() // BLOCK)
            return PLACEHOLDER
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.address.one_line() or None
        return _cell(c, key)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("CustomerColumns", COLUMNS[section][1])
        return str(section + 1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
