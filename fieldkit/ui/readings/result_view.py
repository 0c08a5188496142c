"""The result of one reading: consumption since the previous reading, warnings, abnormal
use, the registers beside the previous reading, and the bill estimate (all from
`services.readings.Assessment`). The panel puts its save row under it (`actions`).

Texts are in the "ReadingPanel" translation context, where they have always been.
"""

from __future__ import annotations

from html import escape

from fieldkit.services import readings
from fieldkit.services.readings import Assessment
from fieldkit.ui.labels import current_language
from fieldkit.ui.qt import (
    QCoreApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QLocale,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.readings.meter_memory import MeterMemoryView
from fieldkit.ui.readings.widgets import (
    ABNORMAL_STYLE,
    OK_STYLE,
    WARN_STYLE,
    fmt_day,
    fmt_decimal,
    fmt_money,
    local,
)
from fieldkit.ui.style import MUTED, PRIMARY_DARK


class ResultView(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Card")
        rl = QVBoxLayout(self)
        rl.setContentsMargins(14, 10, 14, 12)
        rl.setSpacing(8)
        self.summary = QLabel(objectName="ReadingSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.findings_box = QVBoxLayout()
        self.findings_box.setSpacing(6)
        self.table = QTableWidget(0, 5, objectName="RegisterTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bill = QLabel(objectName="BillEstimate")
        self.bill.setWordWrap(True)
        self.bill.setTextFormat(Qt.TextFormat.RichText)
        self.action_box = QVBoxLayout()
        # a DLMS meter's load profile and event log (fieldkit/ui/readings/meter_memory.py)
        self.memory = MeterMemoryView()
        self.memory.hide()
        rl.addWidget(self.summary)
        rl.addLayout(self.findings_box)
        rl.addWidget(self.memory)
        rl.addWidget(self.bill)
        rl.addLayout(self.action_box)
        rl.addWidget(self.table)

    def show_assessment(self, a: Assessment) -> None:
        lang = current_language()
        # summary
        lines = []
        if a.consumption is not None and a.previous_at is not None:
            days = max(0, (local(a.taken_at).date() - local(a.previous_at).date()).days)
            lines.append("<span style='font-size: 15pt; font-weight: bold;'>" + escape(
                QCoreApplication.translate("ReadingPanel", "Consumption since %1: %2 kWh in %3 days")
                .replace("%1", fmt_day(local(a.previous_at)))
                .replace("%2", fmt_decimal(a.consumption))
                .replace("%3", QLocale().toString(days))) + "</span>")
        else:
            lines.append("<b>" + escape(QCoreApplication.translate("ReadingPanel", "First reading of this meter: nothing to compare with.")) + "</b>")
        facts = [QCoreApplication.translate("ReadingPanel", "Serial %1").replace("%1", a.serial or "—")]
        if a.meter_clock is not None:
            facts.append(QCoreApplication.translate("ReadingPanel", "meter clock %1").replace("%1", a.meter_clock.strftime("%H:%M:%S %d/%m/%Y")))
        if a.error_register is not None:
            facts.append(QCoreApplication.translate("ReadingPanel", "error register %1").replace("%1", a.error_register))
        lines.append(f"<span style='color: {MUTED};'>" + escape(" · ".join(facts)) + "</span>")
        self.summary.setText("<br/>".join(lines))
        # findings
        while self.findings_box.count():
            item = self.findings_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setObjectName("")
                widget.deleteLater()
        for f in a.findings:
            lab = QLabel(objectName=f"finding_{f.code}")
            lab.setWordWrap(True)
            prefix = QCoreApplication.translate("ReadingPanel", "Abnormal consumption") if f.kind == "abnormal" else QCoreApplication.translate("ReadingPanel", "Check")
            lab.setText(f"⚠ {prefix}: {f.message(lang)}")
            lab.setStyleSheet(ABNORMAL_STYLE if f.kind == "abnormal" else WARN_STYLE)
            self.findings_box.addWidget(lab)
        if not a.findings:
            lab = QLabel(objectName="finding_none")
            lab.setText("✓ " + QCoreApplication.translate("ReadingPanel", "No warnings: serial, clock and error register are fine, and the "
                                       "consumption looks normal."))
            lab.setWordWrap(True)
            lab.setStyleSheet(OK_STYLE)
            self.findings_box.addWidget(lab)
        # what a DLMS meter remembers
        if a.protocol == "dlms":
            self.memory.show_memory(a.load_profile, a.events)
            self.memory.show()
        else:
            self.memory.hide()
        # registers
        prev_day = fmt_day(local(a.previous_at)) if a.previous_at is not None else ""
        heads = [QCoreApplication.translate("ReadingPanel", "Register"), QCoreApplication.translate("ReadingPanel", "Name"), QCoreApplication.translate("ReadingPanel", "This reading"),
                 QCoreApplication.translate("ReadingPanel", "Previous (%1)").replace("%1", prev_day) if prev_day else QCoreApplication.translate("ReadingPanel", "Previous"),
                 QCoreApplication.translate("ReadingPanel", "Consumption")]
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(a.rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, r in enumerate(a.rows):
            unit = f" {r.unit}" if r.unit else ""
            cells = [r.obis, readings.register_name(r.obis, lang), fmt_decimal(r.value) + unit,
                     (fmt_decimal(r.previous) + unit) if r.previous is not None else "—",
                     (fmt_decimal(r.consumption) + unit) if r.consumption is not None else ""]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col >= 2:
                    cell.setTextAlignment(right)
                if row == 0 and col in (2, 4):
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()  # one meter's registers: a dozen rows at most
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        height = self.table.horizontalHeader().height() + sum(self.table.rowHeight(i) for i in range(len(a.rows)))
        self.table.setFixedHeight(height + 6)
        # bill
        if a.bill is not None:
            b = a.bill
            tiers = ", ".join(
                QCoreApplication.translate("ReadingPanel", "tier %1: %2 kWh × %3").replace("%1", str(line.tier))
                .replace("%2", QLocale().toString(line.kwh)).replace("%3", fmt_money(line.price))
                for line in b.lines)
            head = QCoreApplication.translate("ReadingPanel", "Estimated bill: %1").replace("%1", fmt_money(b.total))
            detail = (QCoreApplication.translate("ReadingPanel", "%1 kWh from %2 to %3 (%4 days, %5 households); before VAT %6, VAT %7% %8")
                      .replace("%1", QLocale().toString(b.kwh)).replace("%2", fmt_day(b.period_start))
                      .replace("%3", fmt_day(b.period_end)).replace("%4", QLocale().toString(b.days))
                      .replace("%5", QLocale().toString(b.households)).replace("%6", fmt_money(b.subtotal))
                      .replace("%7", fmt_decimal(b.vat_rate * 100, 1)).replace("%8", fmt_money(b.vat)))
            self.bill.setText(f"<span style='font-size: 14pt; font-weight: bold; color: {PRIMARY_DARK};'>"
                              f"{escape(head)}</span><br/>{escape(detail)}"
                              + (f"<br/><span style='color: {MUTED};'>{escape(tiers)}</span>" if tiers else ""))
        else:
            note = a.bill_note.text(lang) if a.bill_note else ""
            self.bill.setText(escape(note))

