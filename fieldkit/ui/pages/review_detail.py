"""One work order's evidence on the review page, in one column a supervisor reads top to bottom:
who and what, conflicts between laptops, every submitted record (pages/review_records.py: the
form's labels, formatted values, a reading's checks, photos and signatures as pictures, the
PDF), what a DLMS meter remembered, the raw probe exchange (folded), sync problems in words,
and the order's history (the server's audit and this laptop's changes, in Vietnam's time).
Texts stay in the "ReviewPage" translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from fieldkit.services import order_history
from fieldkit.services.order_history import History
from fieldkit.services.session import Session
from fieldkit.ui.labels import KINDS, STATES, current_language, format_number, label
from fieldkit.ui.pages.review_conflicts import ConflictsPanel
from fieldkit.ui.pages.review_records import RecordCard, bold, local_time
from fieldkit.ui.pages.review_table import ISSUES, Loaded, rl
from fieldkit.ui.qt import (
    QAbstractItemView,
    QColor,
    QCoreApplication,
    QFontDatabase,
    QFrame,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.readings.meter_memory import MeterMemoryView
from fieldkit.ui.style import DANGER


def t(text: str) -> str:
    return QCoreApplication.translate("ReviewPage", text)


class ReviewDetailView(QScrollArea):
    def __init__(self, resolve: Callable[[int, str], None], session: Session | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("DetailScroll")
        self.session = session  # for the records' documents (open, print, make again, save a copy)
        self.detail_title = QLabel(objectName="PageTitle")
        self.detail_title.setWordWrap(True)
        self.detail_info = QLabel()
        self.detail_info.setWordWrap(True)
        self.detail_info.setTextFormat(Qt.TextFormat.PlainText)
        self.records_label = QLabel(objectName="SectionTitle")
        self.records_box = QWidget()
        self.records_layout = QVBoxLayout(self.records_box)
        self.records_layout.setContentsMargins(0, 0, 0, 0)
        self.records_layout.setSpacing(10)
        self.cards: list[RecordCard] = []
        self.no_records = QLabel(objectName="Muted")
        self.no_records.setWordWrap(True)
        self.memory = MeterMemoryView()     # a DLMS reading: load profile chart and event log
        self.memory.hide()
        self.capture_toggle = QPushButton(objectName="CaptureToggle")
        self.capture_toggle.setCheckable(True)
        self.capture_view = QPlainTextEdit(objectName="CaptureView")
        self.capture_view.setReadOnly(True)
        self.capture_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.capture_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.capture_view.setMinimumHeight(220)
        self.capture_view.hide()
        self.capture_toggle.toggled.connect(self._toggle_capture)
        self.issues_label = QLabel(objectName="SectionTitle")
        self.issues_table = QTableWidget(0, 2, objectName="IssuesTable")
        self.issues_table.verticalHeader().setVisible(False)
        self.issues_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issues_table.setWordWrap(True)
        self.issues_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.conflicts_panel = ConflictsPanel(resolve)
        self.history_label = QLabel(objectName="SectionTitle")
        self.history_text = QLabel(objectName="History")
        self.history_text.setWordWrap(True)
        self.history_text.setTextFormat(Qt.TextFormat.PlainText)
        self.history_note = QLabel(objectName="Muted")
        self.history_note.setWordWrap(True)
        self.history: History | None = None
        self.history_error = False

        for heading in (self.records_label, self.issues_label, self.history_label):
            bold(heading)
        inner = QWidget()
        iv = QVBoxLayout(inner)
        for w in (self.detail_title, self.detail_info, self.conflicts_panel, self.records_label, self.no_records,
                  self.records_box, self.memory, self.capture_toggle, self.capture_view, self.issues_label,
                  self.issues_table, self.history_label, self.history_text, self.history_note):
            iv.addWidget(w)
        iv.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(inner)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.loaded: Loaded | None = None
        self.ensurePolished()  # now, not in the event that first shows a work order

    @property
    def photo_labels(self) -> list[QLabel]:
        return [lbl for card in self.cards for lbl in card.picture_labels]

    def _toggle_capture(self, on: bool) -> None:
        self.capture_view.setVisible(on)
        self._capture_text()

    def _capture_text(self) -> None:
        self.capture_toggle.setText(t("Hide the raw exchange with the meter") if self.capture_toggle.isChecked()
                                    else t("Show the raw exchange with the meter (hex / ASCII)"))

    def show_loaded(self, loaded: Loaded, busy: bool) -> None:
        self.loaded = loaded
        d = loaded.detail
        wo = d.work_order
        self.detail_title.setText(f"{wo.number} · {label(KINDS, wo.kind)} · {label(STATES, wo.state)}")
        lines = []
        if d.customer is not None:
            lines.append(t("Customer: %1 (%2), %3").replace("%1", d.customer.name)
                         .replace("%2", d.customer.code).replace("%3", d.customer.address.one_line()))
        if d.meter is not None:
            make = " ".join(x for x in (d.meter.manufacturer.strip(), d.meter.model.strip()) if x)
            lines.append(t("Meter: %1 %2").replace("%1", d.meter.serial).replace("%2", f"({make})" if make else "")
                         .strip())
        due = wo.due_date.strftime("%d/%m/%Y") if wo.due_date else "—"
        due_line = t("Due: %1").replace("%1", due) + (" — " + t("OVERDUE") if d.overdue else "")
        lines.append(due_line + "   " + t("Technician: %1").replace("%1", d.technician or "—"))
        if wo.note:
            lines.append(t("Note: %1").replace("%1", wo.note))
        if wo.review_comment:
            lines.append(t("Returned with: %1").replace("%1", wo.review_comment))
        if d.waiting_to_sync:
            lines.append(t("%1 change(s) about this work order wait on this laptop for the next sync.")
                         .replace("%1", format_number(d.waiting_to_sync)))
        self.detail_info.setText("\n".join(lines))
        self.detail_info.setStyleSheet(f"color: {DANGER};" if d.overdue else "")

        # the records, oldest first (a superseded one stays, marked)
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        for record in loaded.records:
            card = RecordCard(record, loaded.thumbnails, loaded.present, self.session, self.records_box)
            self.records_layout.addWidget(card)
            card.show()  # a child made under a visible parent stays hidden until shown
            self.cards.append(card)
        self.no_records.setVisible(not loaded.records)

        captures = [loaded.captures[c.sha256] for c in d.captures if c.sha256 in loaded.captures]
        missing_caps = [c for c in d.captures if c.sha256 not in loaded.captures]
        text = "\n\n".join(captures)
        if missing_caps:
            text += ("\n\n" if text else "") + t("%1 capture(s) are not on this laptop.").replace(
                "%1", format_number(len(missing_caps)))
        self.capture_view.setPlainText(text)
        memories = [loaded.memories[c.sha256] for c in d.captures if c.sha256 in loaded.memories] or [
            m for key, m in loaded.memories.items() if key.startswith("reading:")]
        if memories:    # the newest DLMS capture of the work order
            self.memory.show_memory(memories[-1].profile, memories[-1].events)
        self.memory.setVisible(bool(memories))
        self.capture_toggle.setVisible(bool(d.captures))
        self.capture_view.setVisible(bool(d.captures) and self.capture_toggle.isChecked())

        # conflicts and refusals, in words: what this laptop sent | what the server answered
        self.issues_table.setRowCount(len(d.issues))
        lang = current_language()
        for i, issue in enumerate(d.issues):
            what, _refused = order_history.describe(issue.entity, issue.action, issue.sent.get("state")
                                                    if isinstance(issue.sent.get("state"), str) else None)
            sent = QTableWidgetItem(f"{what.text(lang)}\n{local_time(order_history.parse_time(issue.device_time) if issue.device_time else None)}")
            sent.setToolTip("\n".join(f"{k}: {v}" for k, v in sorted(issue.sent.items())))
            self.issues_table.setItem(i, 0, sent)
            item = QTableWidgetItem(rl(ISSUES, issue.kind) + "\n" + issue.reason)
            item.setForeground(QColor(DANGER))
            self.issues_table.setItem(i, 1, item)
        self.issues_table.resizeRowsToContents()
        self.issues_table.setFixedHeight(min(300, 48 + sum(self.issues_table.rowHeight(i)
                                                           for i in range(len(d.issues)))))
        self.issues_label.setVisible(bool(d.issues))
        self.issues_table.setVisible(bool(d.issues))
        self.conflicts_panel.set_conflicts(d.conflicts, d.people)
        self.conflicts_panel.set_busy(busy)
        self.history_error = False
        self.show_history(loaded.history)

    def show_history(self, history: History | None, error: bool | None = None) -> None:
        """The order's history; `error` True: the server could not be asked just now."""
        self.history = history
        if error is not None:
            self.history_error = error
        lang = current_language()
        events = history.events if history is not None else []
        lines = []
        for e in events:
            who = e.who or (t("the server") if e.by_server else "—")
            line = f"{local_time(e.at)} · {who} · {e.text(lang)}"
            if not e.on_server:
                line += " " + t("(on this laptop, not sent yet)")
            lines.append(line)
        self.history_text.setText("\n".join(lines) or "—")
        if history is not None and history.server_checked_at is not None:
            note = t("From the server's record, read %1; times in Vietnam (UTC+7).").replace(
                "%1", local_time(history.server_checked_at))
        else:
            note = t("This laptop's record only (the server's is read when it can be reached); times in Vietnam "
                     "(UTC+7).")
        if self.history_error:
            note += " " + t("The server could not be reached just now.")
        self.history_note.setText(note)

    def retranslate(self) -> None:
        self.records_label.setText(t("Submitted records"))
        self.no_records.setText(t("No record has been submitted for this work order yet."))
        self.issues_label.setText(t("Sync problems"))
        self.issues_table.setHorizontalHeaderLabels([t("This laptop sent"), t("The server answered")])
        self.history_label.setText(t("History of the work order"))
        self._capture_text()
        self.conflicts_panel.retranslate()
        if self.loaded is not None:
            self.show_history(self.history)

