"""Supervisor review: the team's work orders by status, technician, commune and due date
(overdue ones in red), one work order's evidence side by side (readings and raw capture
on the left, photos, signatures and server conflicts on the right), and approve / return
with a comment. A second tab holds the reports (`reports_page.ReportsPage`).

Everything comes from `fieldkit.services.review`, off the UI thread; decisions are outbox
entries, so the page works the same offline on the data of the last pull.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from fieldkit.domain.models import Role
from fieldkit.services import review
from fieldkit.services.review import ReviewDetail, ReviewFilter, ReviewRow
from fieldkit.ui.labels import KINDS, STATES, format_number, label, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.pages.reports_page import ReportsPage
from fieldkit.ui.pages.review_conflicts import ConflictsPanel
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QComboBox,
    QCoreApplication,
    QFont,
    QFontDatabase,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPixmap,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.style import DANGER, row_height

AnyIndex = QModelIndex | QPersistentModelIndex

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


class ReviewTableModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("ReviewColumns", "Due"), QT_TRANSLATE_NOOP("ReviewColumns", "Number"),
        QT_TRANSLATE_NOOP("ReviewColumns", "Kind"), QT_TRANSLATE_NOOP("ReviewColumns", "Status"),
        QT_TRANSLATE_NOOP("ReviewColumns", "Technician"), QT_TRANSLATE_NOOP("ReviewColumns", "Commune"),
        QT_TRANSLATE_NOOP("ReviewColumns", "Customer"),
    )

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[ReviewRow] = []
        self.bold = QFont()
        self.bold.setBold(True)

    def set_rows(self, rows: list[ReviewRow]) -> None:
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
            return label(KINDS, row.kind)
        if col == 3:
            return label(STATES, row.state)
        if col == 4:
            return row.technician or "—"
        if col == 5:
            return row.commune or "—"
        return f"{row.customer_name} ({row.customer_code})" if row.customer_code else "—"

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ReviewColumns", self.HEADERS[section])
        return None

    def retranslate(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.HEADERS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)


@dataclass(frozen=True)
class Loaded:
    detail: ReviewDetail
    images: dict[str, bytes]
    captures: dict[str, str]
    problems: dict[str, str]  # sha -> message in both languages, for files that could not be read


def load_detail(session: Any, wo_id: str) -> Loaded:
    """Runs off the UI thread: the detail, the bytes of its photos and the text of its captures."""
    from fieldkit.domain.problems import ValidationError

    detail = review.review_detail(session, wo_id)
    images: dict[str, bytes] = {}
    captures: dict[str, str] = {}
    problems: dict[str, str] = {}
    for ref in detail.attachments:
        if not ref.present:
            continue
        try:
            if ref.kind == "capture":
                captures[ref.sha256] = review.capture_text(session, ref.sha256)
            elif ref in detail.photos:
                images[ref.sha256] = review.attachment_bytes(session, ref.sha256)
        except ValidationError as exc:
            problems[ref.sha256] = " / ".join(exc.messages("vi") + exc.messages("en"))
    return Loaded(detail, images, captures, problems)


class ReviewPage(Page):
    STATUS = (
        ("waiting", QT_TRANSLATE_NOOP("ReviewPage", "Waiting for review")),
        ("returned", QT_TRANSLATE_NOOP("ReviewPage", "Returned")),
        ("approved", QT_TRANSLATE_NOOP("ReviewPage", "Approved")),
        ("open", QT_TRANSLATE_NOOP("ReviewPage", "Not done yet")),
        ("all", QT_TRANSLATE_NOOP("ReviewPage", "All")),
    )
    DUE = (
        ("any", QT_TRANSLATE_NOOP("ReviewPage", "Any due date")),
        ("overdue", QT_TRANSLATE_NOOP("ReviewPage", "Overdue only")),
        ("today", QT_TRANSLATE_NOOP("ReviewPage", "Due today or earlier")),
        ("week", QT_TRANSLATE_NOOP("ReviewPage", "Due in the next 7 days")),
    )

    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.supervisor = ctx.session.role is Role.SUPERVISOR
        self.rows: list[ReviewRow] = []
        self.loaded = False
        self.loaded_detail: Loaded | None = None
        self.current_id: str | None = None
        self.busy = False
        self._choices_loaded = False
        self.generation = 0

        self.tabs = QTabWidget(objectName="ReviewTabs")
        self.review_tab = QWidget()
        self.reports = ReportsPage(ctx)
        self.tabs.addTab(self.review_tab, "")
        self.tabs.addTab(self.reports, "")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.addWidget(self.tabs)

        self.title = QLabel(objectName="PageTitle")
        self.summary = QLabel(objectName="Muted")
        self.not_allowed = QLabel(objectName="Coming")
        self.not_allowed.setWordWrap(True)
        self.status_combo = QComboBox(objectName="ReviewStatus")
        self.tech_combo = QComboBox(objectName="ReviewTechnician")
        self.commune_combo = QComboBox(objectName="ReviewCommune")
        self.due_combo = QComboBox(objectName="ReviewDue")
        for combo in (self.status_combo, self.tech_combo, self.commune_combo, self.due_combo):
            combo.setMinimumWidth(190)
        self.refresh_button = QPushButton(objectName="Refresh")
        self.offline_note = QLabel(objectName="Muted")
        self.offline_note.setWordWrap(True)

        self.model = ReviewTableModel(self)
        self.table = QTableView(objectName="ReviewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(row_height(ctx.config.get("ui_scale")))
        for col, width in enumerate((205, 165, 185, 130, 150, 160)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.empty = QLabel(objectName="Coming")
        self.empty.setWordWrap(True)
        self.empty.hide()

        # -- detail ----------------------------------------------------------------------------
        self.detail_title = QLabel(objectName="PageTitle")
        self.detail_info = QLabel()
        self.detail_info.setWordWrap(True)
        self.detail_info.setTextFormat(Qt.TextFormat.PlainText)
        self.readings_label = QLabel(objectName="SectionTitle")
        self.readings_table = QTableWidget(0, 4, objectName="ReadingsTable")
        self.readings_table.verticalHeader().setVisible(False)
        self.readings_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.readings_table.horizontalHeader().setStretchLastSection(True)
        self.facts_label = QLabel(objectName="SectionTitle")
        self.facts_text = QLabel()
        self.facts_text.setWordWrap(True)
        self.facts_text.setTextFormat(Qt.TextFormat.PlainText)
        self.capture_label = QLabel(objectName="SectionTitle")
        self.capture_view = QPlainTextEdit(objectName="CaptureView")
        self.capture_view.setReadOnly(True)
        self.capture_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.capture_view.setFont(mono)
        self.capture_view.setMinimumHeight(220)
        self.photos_label = QLabel(objectName="SectionTitle")
        self.photos_box = QWidget()
        self.photos_grid = QGridLayout(self.photos_box)
        self.photos_grid.setContentsMargins(0, 0, 0, 0)
        self.photo_labels: list[QLabel] = []
        self.issues_label = QLabel(objectName="SectionTitle")
        self.issues_table = QTableWidget(0, 2, objectName="IssuesTable")
        self.issues_table.verticalHeader().setVisible(False)
        self.issues_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issues_table.setWordWrap(True)
        self.issues_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.conflicts_panel = ConflictsPanel(self.resolve_conflict)
        self.history_label = QLabel(objectName="SectionTitle")
        self.history_text = QLabel()
        self.history_text.setWordWrap(True)
        self.history_text.setTextFormat(Qt.TextFormat.PlainText)

        left = QVBoxLayout()
        for w in (self.readings_label, self.readings_table, self.facts_label, self.facts_text, self.capture_label,
                  self.capture_view):
            left.addWidget(w)
        left.addStretch(1)
        right = QVBoxLayout()
        for w in (self.photos_label, self.photos_box, self.issues_label, self.issues_table, self.history_label,
                  self.history_text):
            right.addWidget(w)
        right.addStretch(1)
        side = QHBoxLayout()
        side.addLayout(left, 3)
        side.addSpacing(16)
        side.addLayout(right, 2)
        inner = QWidget()
        iv = QVBoxLayout(inner)
        iv.addWidget(self.detail_title)
        iv.addWidget(self.detail_info)
        iv.addWidget(self.conflicts_panel)  # full width: two versions side by side need the room
        iv.addLayout(side)
        self.detail_scroll = QScrollArea(objectName="DetailScroll")
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setWidget(inner)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pick_hint = QLabel(objectName="Coming")
        self.pick_hint.setWordWrap(True)
        self.pick_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # -- decision bar -----------------------------------------------------------------------
        self.comment = QLineEdit(objectName="ReturnComment")
        self.approve_button = QPushButton(objectName="Primary")
        self.return_button = QPushButton(objectName="ReturnButton")
        self.message = QLabel(objectName="Muted")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.approve_button)
        actions.addSpacing(12)
        actions.addWidget(self.comment, 1)
        actions.addWidget(self.return_button)

        detail_panel = QWidget()
        dv = QVBoxLayout(detail_panel)
        dv.setContentsMargins(0, 0, 0, 0)
        dv.addWidget(self.pick_hint, 1)
        dv.addWidget(self.detail_scroll, 1)
        dv.addLayout(actions)
        dv.addWidget(self.message)

        list_panel = QWidget()
        lv = QVBoxLayout(list_panel)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.empty)
        lv.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(detail_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        filters = QHBoxLayout()
        for w in (self.status_combo, self.tech_combo, self.commune_combo, self.due_combo):
            filters.addWidget(w)
        filters.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        lay = QVBoxLayout(self.review_tab)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(top)
        lay.addWidget(self.not_allowed)
        lay.addLayout(filters)
        lay.addWidget(self.offline_note)
        lay.addWidget(self.splitter, 1)

        for key, _text in self.STATUS:
            self.status_combo.addItem("", key)
        for key, _text in self.DUE:
            self.due_combo.addItem("", key)
        self.tech_combo.addItem("", None)
        self.commune_combo.addItem("", None)
        for combo in (self.status_combo, self.tech_combo, self.commune_combo, self.due_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.send_back)
        self.comment.returnPressed.connect(self.send_back)

        for w in (self.status_combo, self.tech_combo, self.commune_combo, self.due_combo, self.refresh_button,
                  self.splitter, self.offline_note):
            w.setVisible(self.supervisor)
        self.not_allowed.setVisible(not self.supervisor)
        self._show_detail(None)
        self.retranslate()
        if not self.supervisor:
            self.tabs.setCurrentWidget(self.reports)
        else:
            self.reload()

    # -- loading ---------------------------------------------------------------------------------
    def current_filter(self) -> ReviewFilter:
        today = review.local_today()
        due = self.due_combo.currentData()
        commune = self.commune_combo.currentData()
        return ReviewFilter(
            status=self.status_combo.currentData() or "waiting", technician_id=self.tech_combo.currentData(),
            commune_code=int(commune) if commune else None, overdue_only=due == "overdue",
            due_to=today if due == "today" else today + timedelta(days=7) if due == "week" else None,
            due_from=today if due == "week" else None,
        )

    def reload(self) -> None:
        if not self.supervisor:
            return
        session, flt = self.ctx.session, self.current_filter()
        if not self._choices_loaded:
            Op(self, lambda: review.filter_choices(session)).success(self._fill_choices).run_in_background()
        self.generation += 1
        gen = self.generation
        Op(self, lambda: review.review_queue(session, flt)).success(lambda rows: self._show_rows(rows, gen)) \
            .failure(lambda e: self.summary.setText(problem_text(e))).run_in_background()

    def _fill_choices(self, choices: review.FilterChoices) -> None:
        self._choices_loaded = True
        for combo, items in ((self.tech_combo, choices.technicians), (self.commune_combo, choices.communes)):
            combo.blockSignals(True)
            keep = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for c in items:
                combo.addItem(c.label, c.key)
            combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
            combo.blockSignals(False)

    def _show_rows(self, rows: list[ReviewRow], generation: int) -> None:
        if generation != self.generation:
            return  # a newer filter's answer is on its way
        self.rows = rows
        self.loaded = True
        self.model.set_rows(rows)
        self._summarise()
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if self.current_id is not None:
            ids = [r.id for r in rows]
            if self.current_id in ids:
                self.table.selectRow(ids.index(self.current_id))
            else:
                self._show_detail(None)

    def _summarise(self) -> None:
        if not self.loaded:
            self.summary.setText(self.tr("Loading…"))
            return
        overdue = sum(1 for r in self.rows if r.overdue)
        flagged = sum(1 for r in self.rows if r.flagged)
        text = self.tr("%1 shown · %2 overdue").replace("%1", format_number(len(self.rows))) \
            .replace("%2", format_number(overdue))
        if flagged:
            text += " · " + self.tr("%1 with a sync problem (⚑)").replace("%1", format_number(flagged))
        self.summary.setText(text)

    def select_number(self, number: str) -> bool:
        """Select the row of a work order by its number (keyboard users type it in a test or a macro)."""
        for i, r in enumerate(self.rows):
            if r.number == number:
                self.table.selectRow(i)
                return True
        return False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self.rows):
            return
        wo_id = self.rows[current.row()].id
        if wo_id == self.current_id and self.loaded_detail is not None:
            return
        self.current_id = wo_id
        self.loaded_detail = None
        session = self.ctx.session
        Op(self, lambda: load_detail(session, wo_id)).success(self._show_loaded) \
            .failure(self._failed).run_in_background()

    # -- detail ----------------------------------------------------------------------------------
    def _show_loaded(self, loaded: Loaded) -> None:
        if loaded.detail.work_order.id != self.current_id:
            return  # an older answer
        self.loaded_detail = loaded
        self._show_detail(loaded)

    def _show_detail(self, loaded: Loaded | None) -> None:
        self.pick_hint.setVisible(loaded is None)
        self.detail_scroll.setVisible(loaded is not None)
        decidable = loaded is not None and loaded.detail.work_order.state.value == "done"
        for w in (self.approve_button, self.return_button, self.comment):
            w.setVisible(decidable)
            w.setEnabled(decidable and not self.busy)
        if loaded is None:
            self.current_id = None
            return
        d = loaded.detail
        wo = d.work_order
        self.detail_title.setText(f"{wo.number} · {label(KINDS, wo.kind)} · {label(STATES, wo.state)}")
        lines = []
        if d.customer is not None:
            lines.append(self.tr("Customer: %1 (%2), %3").replace("%1", d.customer.name)
                         .replace("%2", d.customer.code).replace("%3", d.customer.address.one_line()))
        if d.meter is not None:
            lines.append(self.tr("Meter: %1 %2").replace("%1", d.meter.serial)
                         .replace("%2", f"({d.meter.manufacturer} {d.meter.model})".replace("( )", "").strip()))
        due = wo.due_date.strftime("%d/%m/%Y") if wo.due_date else "—"
        due_line = self.tr("Due: %1").replace("%1", due) + (" — " + self.tr("OVERDUE") if d.overdue else "")
        lines.append(due_line + "   " + self.tr("Technician: %1").replace("%1", d.technician or "—"))
        if wo.note:
            lines.append(self.tr("Note: %1").replace("%1", wo.note))
        if wo.review_comment:
            lines.append(self.tr("Returned with: %1").replace("%1", wo.review_comment))
        if d.waiting_to_sync:
            lines.append(self.tr("%1 change(s) about this work order wait on this laptop for the next sync.")
                         .replace("%1", format_number(d.waiting_to_sync)))
        self.detail_info.setText("\n".join(lines))
        self.detail_info.setStyleSheet(f"color: {DANGER};" if d.overdue else "")

        # readings
        self.readings_table.setRowCount(len(d.readings))
        for i, v in enumerate(d.readings):
            r = v.reading
            regs = ", ".join(f"{k} = {reg.value} {reg.unit}".rstrip() for k, reg in sorted(r.registers.items()))
            used = "—" if v.consumption is None else f"{v.consumption:.3f}".rstrip("0").rstrip(".")
            flag = rl(FLAGS, v.flag) if v.flag else ""
            if r.source.value == "manual":
                flag = (flag + " · " if flag else "") + rl(SOURCES, "manual")
            if v.superseded:
                flag = (flag + " · " if flag else "") + self.tr("replaced by a correction")
            cells = [r.taken_at.astimezone(review.VIETNAM).strftime("%d/%m/%Y %H:%M"), regs, used, flag]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if v.flag and c == 3:
                    item.setForeground(QColor(DANGER))
                self.readings_table.setItem(i, c, item)
        self.readings_table.resizeColumnsToContents()
        self.readings_table.setFixedHeight(min(260, 44 + 40 * max(1, len(d.readings))))
        self.readings_label.setVisible(bool(d.readings))
        self.readings_table.setVisible(bool(d.readings))

        facts = []
        for ins in d.installs:
            extra = ", ".join(f"{k}: {v}" for k, v in sorted(ins.data.items()) if k != "attachments")
            facts.append(self.tr("Install: meter %1 installed, %2 removed").replace("%1", ins.installed_meter_serial)
                         .replace("%2", ins.removed_meter_serial or "—") + (f" ({extra})" if extra else ""))
        for step in d.onboarding:
            extra = ", ".join(f"{k}: {v}" for k, v in sorted(step.data.items()) if k != "attachments")
            facts.append(self.tr("Onboarding step %1").replace("%1", step.step) + (f": {extra}" if extra else ""))
        self.facts_text.setText("\n".join(facts))
        self.facts_label.setVisible(bool(facts))
        self.facts_text.setVisible(bool(facts))

        captures = [loaded.captures[c.sha256] for c in d.captures if c.sha256 in loaded.captures]
        missing_caps = [c for c in d.captures if c.sha256 not in loaded.captures]
        text = "\n\n".join(captures)
        if missing_caps:
            text += ("\n\n" if text else "") + self.tr("%1 capture(s) are not on this laptop.").replace(
                "%1", format_number(len(missing_caps)))
        self.capture_view.setPlainText(text)
        self.capture_label.setVisible(bool(d.captures))
        self.capture_view.setVisible(bool(d.captures))

        # photos and signatures
        for lbl in self.photo_labels:
            lbl.deleteLater()
        self.photo_labels = []
        for i, ref in enumerate(d.photos):
            img = QLabel(objectName="Photo")
            img.setAlignment(Qt.AlignmentFlag.AlignCenter)
            img.setFrameShape(QFrame.Shape.Box)
            caption = rl(ATTACHMENT_KINDS, ref.kind)
            data = loaded.images.get(ref.sha256)
            pix = QPixmap()
            if data is not None and pix.loadFromData(data):
                img.setPixmap(pix.scaled(220, 165, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
                img.setToolTip(f"{caption} · {ref.mime} · {ref.size} B · {ref.sha256[:12]}")
            else:
                img.setText(caption + "\n" + self.tr("not on this laptop yet"))
                img.setMinimumSize(220, 120)
            cap = QLabel(caption, objectName="Muted")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.photos_grid.addWidget(img, (i // 2) * 2, i % 2)
            self.photos_grid.addWidget(cap, (i // 2) * 2 + 1, i % 2)
            self.photo_labels += [img, cap]
        self.photos_label.setVisible(bool(d.photos))
        self.photos_box.setVisible(bool(d.photos))

        # conflicts and refusals: what this laptop sent | what the server answered
        self.issues_table.setRowCount(len(d.issues))
        for i, issue in enumerate(d.issues):
            sent = "\n".join(f"{k}: {v}" for k, v in sorted(issue.sent.items()) if k != "id")
            answer = rl(ISSUES, issue.kind) + "\n" + issue.reason
            self.issues_table.setItem(i, 0, QTableWidgetItem(f"{issue.entity} · {issue.action}\n{sent}"))
            item = QTableWidgetItem(answer)
            item.setForeground(QColor(DANGER))
            self.issues_table.setItem(i, 1, item)
        self.issues_table.resizeRowsToContents()
        self.issues_table.setFixedHeight(min(300, 48 + sum(self.issues_table.rowHeight(i)
                                                           for i in range(len(d.issues)))))
        self.issues_label.setVisible(bool(d.issues))
        self.issues_table.setVisible(bool(d.issues))
        # conflicts flagged by the server for any laptop of the team: both versions side by side
        self.conflicts_panel.set_conflicts(d.conflicts, d.people)
        self.conflicts_panel.set_busy(self.busy)

        self.history_text.setText("\n".join(
            f"{h.at[:16].replace('T', ' ')} · {h.who or '—'} · {h.action} {h.detail}".rstrip() for h in d.history))
        self.history_label.setVisible(bool(d.history))
        self.history_text.setVisible(bool(d.history))

    # -- decisions -------------------------------------------------------------------------------
    def _decide(self, approve: bool) -> None:
        loaded = self.loaded_detail
        if loaded is None or self.busy:
            return
        wo = loaded.detail.work_order
        comment = self.comment.text()
        if not approve and not comment.strip():
            self._error(self.tr("Write what needs fixing before returning the work order."))
            self.comment.setFocus()
            return
        session = self.ctx.session
        self.busy = True
        for w in (self.approve_button, self.return_button):
            w.setEnabled(False)
        fn = (lambda: review.approve(session, wo.id)) if approve else (lambda: review.send_back(session, wo.id, comment))
        Op(self, fn).success(lambda updated: self._decided(updated, approve)).failure(self._failed) \
            .run_in_background()

    def approve(self) -> None:
        self._decide(True)

    def resolve_conflict(self, conflict_id: int, note: str) -> None:
        """Mark a conflict resolved: an outbox operation, sent at the next sync."""
        loaded = self.loaded_detail
        if loaded is None or self.busy:
            return
        session, wo_id = self.ctx.session, loaded.detail.work_order.id
        self.busy = True
        self.conflicts_panel.set_busy(True)

        def done(_view: Any) -> None:
            self.busy = False
            self._note(ConflictsPanel.resolved_message())
            self.ctx.refresh_status()
            self.loaded_detail = None
            Op(self, lambda: load_detail(session, wo_id)).success(self._show_loaded).failure(self._failed) \
                .run_in_background()
            self.reload()

        Op(self, lambda: review.resolve_conflict(session, conflict_id, note)).success(done) \
            .failure(self._failed).run_in_background()

    def send_back(self) -> None:
        self._decide(False)

    def _decided(self, updated: Any, approved: bool) -> None:
        self.busy = False
        self.comment.clear()
        text = self.tr("%1 approved.") if approved else self.tr("%1 returned to the technician.")
        self._note(text.replace("%1", updated.number) + " " + self.tr("The decision goes to the server at the next sync."))
        self.loaded_detail = None
        self.current_id = updated.id
        self.ctx.refresh_status()
        session = self.ctx.session
        Op(self, lambda: load_detail(session, updated.id)).success(self._show_loaded).failure(self._failed) \
            .run_in_background()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._error(problem_text(exc))
        if self.loaded_detail is not None:
            self._show_detail(self.loaded_detail)

    def _error(self, text: str) -> None:
        self.message.setObjectName("Error")
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _note(self, text: str) -> None:
        self.message.setObjectName("Muted")
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    # -- page hooks ------------------------------------------------------------------------------
    def on_shown(self) -> None:
        self.reload()
        self.reports.on_shown()

    def on_status(self, outbox: Any, connectivity: Any) -> None:
        online = bool(getattr(connectivity, "online", False))
        if online:
            self.offline_note.setText("")
        else:
            self.offline_note.setText(self.tr(
                "Offline: you are reviewing what the last sync brought. Approvals and returns wait on this laptop "
                "and go to the server at the next sync."))

    def apply_scale(self, scale: str) -> None:
        self.table.verticalHeader().setDefaultSectionSize(row_height(scale))

    def shutdown(self) -> None:
        self.reports.shutdown()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Work orders to review"))
        self.tabs.setTabText(1, self.tr("Reports"))
        self.title.setText(self.tr("Review"))
        self.not_allowed.setText(self.tr("Only a supervisor reviews work orders. The reports are in the next tab."))
        for i, (_key, text) in enumerate(self.STATUS):
            self.status_combo.setItemText(i, QCoreApplication.translate("ReviewPage", text))
        for i, (_key, text) in enumerate(self.DUE):
            self.due_combo.setItemText(i, QCoreApplication.translate("ReviewPage", text))
        self.tech_combo.setItemText(0, self.tr("Every technician"))
        self.commune_combo.setItemText(0, self.tr("Every commune"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.empty.setText(self.tr("No work order matches these filters."))
        self.pick_hint.setText(self.tr("Pick a work order above to see its readings, photos and signatures."))
        self.readings_label.setText(self.tr("Readings"))
        self.readings_table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Registers"), self.tr("Used (kWh)"), self.tr("Check")])
        self.facts_label.setText(self.tr("Install and onboarding records"))
        self.capture_label.setText(self.tr("Raw capture from the optical probe (hex / ASCII)"))
        self.photos_label.setText(self.tr("Photos and signatures"))
        self.issues_label.setText(self.tr("Sync problems"))
        self.issues_table.setHorizontalHeaderLabels([self.tr("This laptop sent"), self.tr("The server answered")])
        self.history_label.setText(self.tr("History on this laptop"))
        self.conflicts_panel.retranslate()
        self.approve_button.setText(self.tr("&Approve"))
        self.return_button.setText(self.tr("Re&turn with comment"))
        self.comment.setPlaceholderText(self.tr("What must the technician fix? (needed to return)"))
        self.model.retranslate()
        self._summarise()
        if self.loaded_detail is not None:
            self._show_detail(self.loaded_detail)
