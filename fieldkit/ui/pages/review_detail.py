"""One work order's evidence on the review page: readings, install and onboarding records,
the raw probe capture, photos and signatures, sync problems, conflicts between laptops
and the history on this laptop. Texts stay in the "ReviewPage" translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from fieldkit.services import review
from fieldkit.ui.labels import KINDS, STATES, format_decimal, format_number, label
from fieldkit.ui.pages.review_conflicts import ConflictsPanel
from fieldkit.ui.pages.review_table import ATTACHMENT_KINDS, FLAGS, ISSUES, SOURCES, Loaded, rl
from fieldkit.ui.qt import (
    QAbstractItemView,
    QColor,
    QCoreApplication,
    QFontDatabase,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPixmap,
    QPlainTextEdit,
    QScrollArea,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.readings.meter_memory import MeterMemoryView
from fieldkit.ui.style import DANGER


class ReviewDetailView(QScrollArea):
    def __init__(self, resolve: Callable[[int, str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("DetailScroll")
        # ----------------------------------------------------------------------------
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
        self.memory = MeterMemoryView()     # a DLMS reading: load profile chart and event log
        self.memory.hide()
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
        self.conflicts_panel = ConflictsPanel(resolve)
        self.history_label = QLabel(objectName="SectionTitle")
        self.history_text = QLabel()
        self.history_text.setWordWrap(True)
        self.history_text.setTextFormat(Qt.TextFormat.PlainText)

        left = QVBoxLayout()
        for w in (self.readings_label, self.readings_table, self.facts_label, self.facts_text, self.memory,
                  self.capture_label, self.capture_view):
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
        self.setWidgetResizable(True)
        self.setWidget(inner)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def show_loaded(self, loaded: Loaded, busy: bool) -> None:
        d = loaded.detail
        wo = d.work_order
        self.detail_title.setText(f"{wo.number} · {label(KINDS, wo.kind)} · {label(STATES, wo.state)}")
        lines = []
        if d.customer is not None:
            lines.append(QCoreApplication.translate("ReviewPage", "Customer: %1 (%2), %3").replace("%1", d.customer.name)
                         .replace("%2", d.customer.code).replace("%3", d.customer.address.one_line()))
        if d.meter is not None:
            lines.append(QCoreApplication.translate("ReviewPage", "Meter: %1 %2").replace("%1", d.meter.serial)
                         .replace("%2", f"({d.meter.manufacturer} {d.meter.model})".replace("( )", "").strip()))
        due = wo.due_date.strftime("%d/%m/%Y") if wo.due_date else "—"
        due_line = QCoreApplication.translate("ReviewPage", "Due: %1").replace("%1", due) + (" — " + QCoreApplication.translate("ReviewPage", "OVERDUE") if d.overdue else "")
        lines.append(due_line + "   " + QCoreApplication.translate("ReviewPage", "Technician: %1").replace("%1", d.technician or "—"))
        if wo.note:
            lines.append(QCoreApplication.translate("ReviewPage", "Note: %1").replace("%1", wo.note))
        if wo.review_comment:
            lines.append(QCoreApplication.translate("ReviewPage", "Returned with: %1").replace("%1", wo.review_comment))
        if d.waiting_to_sync:
            lines.append(QCoreApplication.translate("ReviewPage", "%1 change(s) about this work order wait on this laptop for the next sync.")
                         .replace("%1", format_number(d.waiting_to_sync)))
        self.detail_info.setText("\n".join(lines))
        self.detail_info.setStyleSheet(f"color: {DANGER};" if d.overdue else "")

        # readings
        self.readings_table.setRowCount(len(d.readings))
        for i, v in enumerate(d.readings):
            r = v.reading
            regs = ", ".join(f"{k} = {format_decimal(reg.value)} {reg.unit}".rstrip()
                             for k, reg in sorted(r.registers.items()))
            used = format_decimal(v.consumption)
            flag = rl(FLAGS, v.flag) if v.flag else ""
            if r.source.value == "manual":
                flag = (flag + " · " if flag else "") + rl(SOURCES, "manual")
            if v.superseded:
                flag = (flag + " · " if flag else "") + QCoreApplication.translate("ReviewPage", "replaced by a correction")
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
            facts.append(QCoreApplication.translate("ReviewPage", "Install: meter %1 installed, %2 removed").replace("%1", ins.installed_meter_serial)
                         .replace("%2", ins.removed_meter_serial or "—") + (f" ({extra})" if extra else ""))
        for step in d.onboarding:
            extra = ", ".join(f"{k}: {v}" for k, v in sorted(step.data.items()) if k != "attachments")
            facts.append(QCoreApplication.translate("ReviewPage", "Onboarding step %1").replace("%1", step.step) + (f": {extra}" if extra else ""))
        self.facts_text.setText("\n".join(facts))
        self.facts_label.setVisible(bool(facts))
        self.facts_text.setVisible(bool(facts))

        captures = [loaded.captures[c.sha256] for c in d.captures if c.sha256 in loaded.captures]
        missing_caps = [c for c in d.captures if c.sha256 not in loaded.captures]
        text = "\n\n".join(captures)
        if missing_caps:
            text += ("\n\n" if text else "") + QCoreApplication.translate("ReviewPage", "%1 capture(s) are not on this laptop.").replace(
                "%1", format_number(len(missing_caps)))
        self.capture_view.setPlainText(text)
        memories = [loaded.memories[c.sha256] for c in d.captures if c.sha256 in loaded.memories] or [
            m for key, m in loaded.memories.items() if key.startswith("reading:")]
        if memories:    # the newest DLMS capture of the work order
            self.memory.show_memory(memories[-1].profile, memories[-1].events)
        self.memory.setVisible(bool(memories))
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
                img.setText(caption + "\n" + QCoreApplication.translate("ReviewPage", "not on this laptop yet"))
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
        self.conflicts_panel.set_busy(busy)

        self.history_text.setText("\n".join(
            f"{h.at[:16].replace('T', ' ')} · {h.who or '—'} · {h.action} {h.detail}".rstrip() for h in d.history))
        self.history_label.setVisible(bool(d.history))
        self.history_text.setVisible(bool(d.history))

    def retranslate(self) -> None:
        self.readings_label.setText(QCoreApplication.translate("ReviewPage", "Readings"))
        self.readings_table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ReviewPage", "Taken"), QCoreApplication.translate("ReviewPage", "Registers"), QCoreApplication.translate("ReviewPage", "Used (kWh)"), QCoreApplication.translate("ReviewPage", "Check")])
        self.facts_label.setText(QCoreApplication.translate("ReviewPage", "Install and onboarding records"))
        self.capture_label.setText(QCoreApplication.translate("ReviewPage", "Raw capture from the optical probe (hex / ASCII)"))
        self.photos_label.setText(QCoreApplication.translate("ReviewPage", "Photos and signatures"))
        self.issues_label.setText(QCoreApplication.translate("ReviewPage", "Sync problems"))
        self.issues_table.setHorizontalHeaderLabels([QCoreApplication.translate("ReviewPage", "This laptop sent"), QCoreApplication.translate("ReviewPage", "The server answered")])
        self.history_label.setText(QCoreApplication.translate("ReviewPage", "History on this laptop"))
        self.conflicts_panel.retranslate()
