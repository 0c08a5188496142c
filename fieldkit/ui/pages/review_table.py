"""The review list as an item model, the labels of review values, and the off-UI-thread
loader of one work order's evidence (`load_detail`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldkit.services import order_history, review, review_memory, review_records
from fieldkit.services.order_history import History
from fieldkit.services.review import ReviewDetail, ReviewRow
from fieldkit.services.review_records import RecordView
from fieldkit.ui.labels import KINDS, STATES, label
from fieldkit.ui.pages.review_records import thumbnail
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QCoreApplication,
    QImage,
    Qt,
)
from fieldkit.ui.row_model import AnyIndex, RowTableModel
from fieldkit.ui.style import DANGER

FLAGS = {
    "negative": QT_TRANSLATE_NOOP("ReviewLabels", "Abnormal: lower than the previous reading"),
    "zero": QT_TRANSLATE_NOOP("ReviewLabels", "Abnormal: no consumption"),
    "high": QT_TRANSLATE_NOOP("ReviewLabels", "Abnormal: above 3× the usual consumption"),
}
SOURCES = {
    "optical": QT_TRANSLATE_NOOP("ReviewLabels", "Optical probe"),
    "manual": QT_TRANSLATE_NOOP("ReviewLabels", "By hand"),
}
ATTACHMENT_KINDS = {
    "photo": QT_TRANSLATE_NOOP("ReviewLabels", "Photo"),
    "signature": QT_TRANSLATE_NOOP("ReviewLabels", "Signature"),
    "capture": QT_TRANSLATE_NOOP("ReviewLabels", "Raw capture"),
    "document": QT_TRANSLATE_NOOP("ReviewLabels", "Document"),
}
ISSUES = {
    "conflict": QT_TRANSLATE_NOOP("ReviewLabels", "Conflict flagged by the server (kept)"),
    "refused": QT_TRANSLATE_NOOP("ReviewLabels", "Refused by the server"),
}


def rl(table: dict[str, str], key: str) -> str:
    text = table.get(key)
    return QCoreApplication.translate("ReviewLabels", text) if text else key


class ReviewTableModel(RowTableModel[ReviewRow]):
    CONTEXT = "ReviewColumns"
    HEADERS = (
        # beside the detail the list is narrow: who and what first, then the rest (scroll sideways)
        QT_TRANSLATE_NOOP("ReviewColumns", "Due"), QT_TRANSLATE_NOOP("ReviewColumns", "Number"),
        QT_TRANSLATE_NOOP("ReviewColumns", "Customer"), QT_TRANSLATE_NOOP("ReviewColumns", "Kind"),
        QT_TRANSLATE_NOOP("ReviewColumns", "Status"), QT_TRANSLATE_NOOP("ReviewColumns", "Technician"),
        QT_TRANSLATE_NOOP("ReviewColumns", "Commune"),
    )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, col)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QColor(DANGER)
        if role == Qt.ItemDataRole.FontRole and (row.overdue or (row.flagged and col == 1)):
            return self.bold
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _text(row: ReviewRow, col: int) -> str:
        if col == 0:
            due = row.due_date.strftime("%d/%m/%Y") if row.due_date else "—"
            return f"⚠ {due} · " + QCoreApplication.translate("ReviewColumns", "overdue") if row.overdue else due
        if col == 1:
            return row.number + ("  ⚑" if row.flagged else "") + ("  ⇅" if row.waiting_to_sync else "")
        if col == 2:
            return f"{row.customer_name} ({row.customer_code})" if row.customer_code else "—"
        if col == 3:
            return label(KINDS, row.kind)
        if col == 4:
            return label(STATES, row.state)
        if col == 5:
            return row.technician or "—"
        return row.commune or "—"


@dataclass(frozen=True)
class Loaded:
    detail: ReviewDetail
    thumbnails: dict[str, QImage]  # sha -> picture decoded at thumbnail size (off the UI thread)
    captures: dict[str, str]
    problems: dict[str, str]  # sha -> message in both languages, for files that could not be read
    memories: dict[str, Any] = field(default_factory=dict)  # sha -> review_memory.MeterMemory (DLMS captures)
    records: list[RecordView] = field(default_factory=list)
    present: set[str] = field(default_factory=set)  # pictures whose file is on this laptop
    history: History | None = None


def load_detail(session: Any, wo_id: str) -> Loaded:
    """Runs off the UI thread: the detail, its records laid out by their forms, its photos and
    signatures decoded at thumbnail size, the text of its captures and the order's history."""
    from fieldkit.domain.problems import ValidationError

    detail = review.review_detail(session, wo_id)
    records = review_records.records_of(session, detail)
    thumbnails: dict[str, QImage] = {}
    captures: dict[str, str] = {}
    memories: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for ref in detail.attachments:
        if not ref.present or ref.kind != "capture":
            continue
        try:
            captures[ref.sha256] = review.capture_text(session, ref.sha256)
            memory = review_memory.meter_memory(session, ref.sha256)
            if memory is not None:
                memories[ref.sha256] = memory
        except ValidationError as exc:
            problems[ref.sha256] = " / ".join(exc.messages("vi") + exc.messages("en"))
    wanted = {p.sha256 for r in records for p in r.pictures} | {a.sha256 for a in detail.photos}
    present = {sha for sha in wanted if session.attachments.has(sha)}
    for sha in sorted(present):
        try:
            thumbnails[sha] = thumbnail(review.attachment_bytes(session, sha))
        except ValidationError as exc:
            problems[sha] = " / ".join(exc.messages("vi") + exc.messages("en"))
    if not memories:    # the capture is not on this laptop (yet): the reading's own compact fields
        for view in detail.readings:
            stored = review_memory.memory_of_reading(view.reading)
            if stored is not None:
                memories[f"reading:{view.reading.id}"] = stored
    return Loaded(detail, thumbnails, captures, problems, memories, records, present,
                  order_history.history(session, wo_id))
