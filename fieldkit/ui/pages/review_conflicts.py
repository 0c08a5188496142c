"""Conflicts in the review details: two devices' versions of the same customer or work order,
side by side (what each changed, who, from which laptop, when), and "Mark as resolved".

Shown on the right of the review details (`review_page.ReviewPage`). The data comes from
`fieldkit.services.review` (`ReviewDetail.conflicts`); resolving goes through
`review.resolve_conflict`, an outbox operation like approve / return, run off the UI thread
by the page. Strings are in the `ReviewConflicts` context (catalogues `review_conflicts_*.ts`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from fieldkit.services.review import VIETNAM, ConflictSide, ConflictView
from fieldkit.ui.labels import STATES, label
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QColor,
    QCoreApplication,
    QFont,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.style import DANGER

CTX = "ReviewConflicts"

FIELDS = {
    "name": QT_TRANSLATE_NOOP("ReviewConflicts", "Name"),
    "phone": QT_TRANSLATE_NOOP("ReviewConflicts", "Phone"),
    "national_id": QT_TRANSLATE_NOOP("ReviewConflicts", "ID number"),
    "street": QT_TRANSLATE_NOOP("ReviewConflicts", "Street / hamlet"),
    "commune": QT_TRANSLATE_NOOP("ReviewConflicts", "Commune"),
    "commune_code": QT_TRANSLATE_NOOP("ReviewConflicts", "Commune code"),
    "province": QT_TRANSLATE_NOOP("ReviewConflicts", "Province"),
    "province_code": QT_TRANSLATE_NOOP("ReviewConflicts", "Province code"),
    "old_district": QT_TRANSLATE_NOOP("ReviewConflicts", "Old district"),
    "households": QT_TRANSLATE_NOOP("ReviewConflicts", "Households"),
    "state": QT_TRANSLATE_NOOP("ReviewConflicts", "Status"),
    "review_comment": QT_TRANSLATE_NOOP("ReviewConflicts", "Review comment"),
    "assignee_id": QT_TRANSLATE_NOOP("ReviewConflicts", "Assignee"),
    "due_date": QT_TRANSLATE_NOOP("ReviewConflicts", "Due date"),
    "note": QT_TRANSLATE_NOOP("ReviewConflicts", "Note"),
    "meter_id": QT_TRANSLATE_NOOP("ReviewConflicts", "Meter"),
    "customer_id": QT_TRANSLATE_NOOP("ReviewConflicts", "Customer"),
}
ENTITIES = {
    "customer": QT_TRANSLATE_NOOP("ReviewConflicts", "Customer details"),
    "work_order": QT_TRANSLATE_NOOP("ReviewConflicts", "Work-order status"),
}


MESSAGES = {
    "version": QT_TRANSLATE_NOOP("ReviewConflicts", "%1 (version %2)"),
    "received": QT_TRANSLATE_NOOP("ReviewConflicts", "received %1"),
    "laptop_clock": QT_TRANSLATE_NOOP("ReviewConflicts", "laptop clock %1"),
    "field": QT_TRANSLATE_NOOP("ReviewConflicts", "Field"),
    "before_version": QT_TRANSLATE_NOOP("ReviewConflicts", "Before (%1)"),
    "on_the_server_first": QT_TRANSLATE_NOOP("ReviewConflicts", "On the server first"),
    "arrived_later": QT_TRANSLATE_NOOP("ReviewConflicts", "Arrived later"),
    "version_by": QT_TRANSLATE_NOOP("ReviewConflicts", "Version %1 by %2 (%3), %4: %5"),
    "both_changed_the_later": QT_TRANSLATE_NOOP(
        "ReviewConflicts", "Both changed: %1. The later value is the one kept now."),
    "what_did_you_decide": QT_TRANSLATE_NOOP("ReviewConflicts", "What did you decide? (optional)"),
    "mark_as_resolved": QT_TRANSLATE_NOOP("ReviewConflicts", "Mark as resolved"),
    "resolved_by_on": QT_TRANSLATE_NOOP("ReviewConflicts", "Resolved by %1 on %2."),
    "note": QT_TRANSLATE_NOOP("ReviewConflicts", "Note: %1"),
    "marked_as_resolved_on": QT_TRANSLATE_NOOP(
        "ReviewConflicts", "Marked as resolved on this laptop; it goes to the server at the next sync."),
    "the_server_refused_the": QT_TRANSLATE_NOOP("ReviewConflicts", "The server refused the resolution: %1"),
    "open_both_edits_were": QT_TRANSLATE_NOOP(
        "ReviewConflicts", "Open: both edits were kept; the later one is the current value. Check with the "
        "technicians, correct the record if needed, then mark it as resolved."),
    "conflicts_between_devices_open": QT_TRANSLATE_NOOP(
        "ReviewConflicts", "Conflicts between devices (%1 open)"),
    "two_laptops_changed_the": QT_TRANSLATE_NOOP(
        "ReviewConflicts", "Two laptops changed the same record without seeing each other's change. Nothing "
        "was lost: both versions are shown side by side."),
    "conflict_marked_as_resolved": QT_TRANSLATE_NOOP(
        "ReviewConflicts", "Conflict marked as resolved. It goes to the server at the next sync."),
}


def tr(text: str) -> str:
    """A text from one of the tables above, in the UI language."""
    return QCoreApplication.translate(CTX, text)


def when(stamp: str) -> str:
    """An ISO time as Vietnam local time, dd/mm/yyyy hh:mm (or as it is when it does not parse)."""
    if not stamp:
        return "—"
    try:
        t = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if t.tzinfo is not None:
        t = t.astimezone(VIETNAM)
    return t.strftime("%d/%m/%Y %H:%M")


def value_text(fieldname: str, value: Any, people: dict[str, str]) -> str:
    if value is None or value == "":
        return "—"
    if fieldname == "state":
        return label(STATES, str(value))
    if fieldname == "assignee_id":
        return people.get(str(value), str(value)[:8])
    return str(value)


def side_title(side: ConflictSide, which: str) -> str:
    who = side.who or side.username or "—"
    head = tr(MESSAGES["version"]).replace("%1", which).replace("%2", str(side.version))
    lines = [head, f"{who} · {side.device or '—'}", tr(MESSAGES["received"]).replace("%1", when(side.at))]
    if side.device_time:
        lines.append(tr(MESSAGES["laptop_clock"]).replace("%1", when(side.device_time)))
    return "\n".join(lines)


class ConflictBox(QFrame):
    """One conflict: a title, a table (field | before | earlier version | later version), the story in
    between, the state, and the resolve button with an optional note."""

    def __init__(self, view: ConflictView, people: dict[str, str], on_resolve: Callable[[int, str], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ConflictBox")
        self.view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        kind = tr(ENTITIES.get(view.entity, view.entity))
        self.title = QLabel(f"{kind}: {view.label}", objectName="SectionTitle")
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.table = QTableWidget(len(view.fields), 4, objectName="ConflictTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        base_version = str(view.base.get("version") or "—")
        # Short column heads (names); who / laptop / when in full in the two legends above.
        self.table.setHorizontalHeaderLabels([
            tr(MESSAGES["field"]), tr(MESSAGES["before_version"]).replace("%1", base_version),
            f"{view.earlier.who or view.earlier.username or '—'} ({view.earlier.version})",
            f"{view.later.who or view.later.username or '—'} ({view.later.version})"])
        legends = QHBoxLayout()
        self.earlier_legend = QLabel(side_title(view.earlier, tr(MESSAGES["on_the_server_first"])),
                                     objectName="ConflictEarlier")
        self.later_legend = QLabel(side_title(view.later, tr(MESSAGES["arrived_later"])), objectName="ConflictLater")
        for legend in (self.earlier_legend, self.later_legend):
            legend.setWordWrap(True)
            legends.addWidget(legend, 1)
        lay.addLayout(legends)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        bold = QFont()
        bold.setBold(True)
        for i, name in enumerate(view.fields):
            text = FIELDS.get(name)
            cells = [tr(text) if text else name, value_text(name, view.base.get(name), people),
                     value_text(name, view.earlier.data.get(name), people),
                     value_text(name, view.later.data.get(name), people)]
            for col, cell in enumerate(cells):
                item = QTableWidgetItem(cell)
                if (col == 2 and name in view.earlier.changed) or (col == 3 and name in view.later.changed):
                    item.setFont(bold)
                if col >= 2 and name in view.overlap:
                    item.setForeground(QColor(DANGER))
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()
        header_h = self.table.horizontalHeader().sizeHint().height()
        rows_h = sum(self.table.rowHeight(i) for i in range(len(view.fields)))
        self.table.setFixedHeight(header_h + 8 + rows_h)
        lay.addWidget(self.table)
        story = []
        if len(view.between) > 1:
            for s in view.between:
                changes = ", ".join(f"{tr(FIELDS.get(k, k))}: {value_text(k, v, people)}"
                                    for k, v in s.changed.items())
                story.append(tr(MESSAGES["version_by"]).replace("%1", str(s.version))
                             .replace("%2", s.who or s.username or "—").replace("%3", s.device or "—")
                             .replace("%4", when(s.at)).replace("%5", changes or "—"))
        if view.overlap:
            names = ", ".join(tr(FIELDS.get(k, k)) for k in view.overlap)
            story.append(tr(MESSAGES["both_changed_the_later"]).replace("%1", names))
        self.story = QLabel("\n".join(story), objectName="Muted")
        self.story.setWordWrap(True)
        self.story.setVisible(bool(story))
        lay.addWidget(self.story)
        self.state = QLabel(self.state_text(), objectName="ConflictState")
        self.state.setWordWrap(True)
        if view.state in ("open", "refused"):
            self.state.setStyleSheet(f"color: {DANGER};")
        lay.addWidget(self.state)
        self.note = QLineEdit(objectName="ConflictNote")
        self.note.setPlaceholderText(tr(MESSAGES["what_did_you_decide"]))
        self.resolve_button = QPushButton(tr(MESSAGES["mark_as_resolved"]), objectName="ResolveConflict")
        self.resolve_button.clicked.connect(lambda: on_resolve(view.id, self.note.text()))
        self.note.returnPressed.connect(lambda: on_resolve(view.id, self.note.text()))
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.resolve_button)
        lay.addLayout(row)
        open_ = view.state in ("open", "refused")
        self.note.setVisible(open_)
        self.resolve_button.setVisible(open_)

    def state_text(self) -> str:
        v = self.view
        if v.state == "resolved":
            text = tr(MESSAGES["resolved_by_on"]).replace("%1", v.resolved_by or "—") \
                .replace("%2", when(v.resolved_at or ""))
            return text + (" " + tr(MESSAGES["note"]).replace("%1", v.note) if v.note else "")
        if v.state == "waiting":
            return tr(MESSAGES["marked_as_resolved_on"])
        if v.state == "refused":
            return tr(MESSAGES["the_server_refused_the"]).replace("%1", v.refusal)
        return tr(MESSAGES["open_both_edits_were"])


class ConflictsPanel(QWidget):
    """The list of a work order's conflicts (its own and its customer's)."""

    def __init__(self, on_resolve: Callable[[int, str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ConflictsPanel")
        self.on_resolve = on_resolve
        self.boxes: list[ConflictBox] = []
        self.views: list[ConflictView] = []
        self.people: dict[str, str] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(objectName="SectionTitle")
        self.hint = QLabel(objectName="Muted")
        self.hint.setWordWrap(True)
        lay.addWidget(self.heading)
        lay.addWidget(self.hint)
        self.list = QVBoxLayout()
        lay.addLayout(self.list)
        self._texts()
        self.setVisible(False)

    def set_conflicts(self, views: list[ConflictView], people: dict[str, str]) -> None:
        self.views, self.people = views, people
        self._rebuild()
        self.setVisible(bool(views))
        self._texts()

    def _rebuild(self) -> None:
        for box in self.boxes:
            self.list.removeWidget(box)
            box.deleteLater()
        self.boxes = [ConflictBox(v, self.people, self.on_resolve, self) for v in self.views]
        for box in self.boxes:
            self.list.addWidget(box)

    def set_busy(self, busy: bool) -> None:
        for box in self.boxes:
            box.resolve_button.setEnabled(not busy)
            box.note.setEnabled(not busy)

    def _texts(self) -> None:
        open_count = sum(1 for v in self.views if v.state in ("open", "refused"))
        self.heading.setText(tr(MESSAGES["conflicts_between_devices_open"]).replace("%1", str(open_count)))
        self.hint.setText(tr(MESSAGES["two_laptops_changed_the"]))

    def retranslate(self) -> None:
        self._texts()
        if self.views:
            self._rebuild()

    @staticmethod
    def resolved_message() -> str:
        return tr(MESSAGES["conflict_marked_as_resolved"])
