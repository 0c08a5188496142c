"""Reports: team figures by commune and period as a bar chart and a table, exported to PDF
and CSV, and a technician's daily work summary as a PDF. Figures come from
`fieldkit.services.reports`; PDFs from `fieldkit.documents`; all of it off the UI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fieldkit.domain.progress import Cancelled, Job
from fieldkit.services import reports
from fieldkit.services.reports import METHODS, Figures, TeamReport
from fieldkit.services.review import local_today
from fieldkit.ui.charts import BarChart
from fieldkit.ui.documents_view import confirm_unencrypted_copy
from fieldkit.ui.forms.enter_keys import EnterForward
from fieldkit.ui.labels import current_language, format_number, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.pages.report_table import ReportTableModel
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.table_sizing import fit_columns


def month_start(day: date, back: int = 0) -> date:
    y, m = day.year, day.month - back
    while m <= 0:
        m, y = m + 12, y - 1
    return date(y, m, 1)


def period_dates(key: str, today: date) -> tuple[date, date]:
    if key == "last_month":
        end = month_start(today) - timedelta(days=1)
        return month_start(end), end
    if key == "week":
        return today - timedelta(days=6), today
    if key == "today":
        return today, today
    if key == "year":
        return date(today.year, 1, 1), today
    return month_start(today), today


# (key, label, value of a commune's figures, percent?)
METRICS: list[tuple[str, str, Callable[[Figures], float], bool]] = [
    ("adoption", QT_TRANSLATE_NOOP("ReportsPage", "Adoption shares (whole selection)"), lambda f: 0.0, True),
    ("installs", QT_TRANSLATE_NOOP("ReportsPage", "Installs done, by commune"), lambda f: f.installs, False),
    ("on_time", QT_TRANSLATE_NOOP("ReportsPage", "Work orders done on time, by commune"),
     lambda f: f.done_on_time, False),
    ("late", QT_TRANSLATE_NOOP("ReportsPage", "Work orders done late, by commune"), lambda f: f.done_late, False),
    ("abnormal", QT_TRANSLATE_NOOP("ReportsPage", "Abnormal readings, by commune"), lambda f: f.abnormal, False),
    ("e_contract", QT_TRANSLATE_NOOP("ReportsPage", "E-contract share, by commune"),
     lambda f: f.share(f.e_contracts), True),
    ("cashless", QT_TRANSLATE_NOOP("ReportsPage", "Cashless share, by commune"), lambda f: f.share(f.cashless), True),
    ("app", QT_TRANSLATE_NOOP("ReportsPage", "App user share, by commune"), lambda f: f.share(f.app_users), True),
]
CHART_ROWS = 12

def adoption_bars(f: Figures) -> list[tuple[str, float]]:
    names = {
        "mobile_banking": QCoreApplication.translate("ReportsPage", "Mobile banking"),
        "e_wallet": QCoreApplication.translate("ReportsPage", "E-wallet"),
        "auto_debit": QCoreApplication.translate("ReportsPage", "Automatic debit"),
        "bank_qr": QCoreApplication.translate("ReportsPage", "Bank-transfer QR"),
    }
    bars = [(QCoreApplication.translate("ReportsPage", "E-contract"), f.share(f.e_contracts)),
            (QCoreApplication.translate("ReportsPage", "Customer-care app"), f.share(f.app_users)),
            (QCoreApplication.translate("ReportsPage", "Cashless (all methods)"), f.share(f.cashless))]
    return bars + [(names[m], f.share(f.payment[m])) for m in METHODS if m != "cash"]


class ReportsPage(Page):
    PERIODS = (
        ("month", QT_TRANSLATE_NOOP("ReportsPage", "This month")),
        ("last_month", QT_TRANSLATE_NOOP("ReportsPage", "Last month")),
        ("week", QT_TRANSLATE_NOOP("ReportsPage", "Last 7 days")),
        ("today", QT_TRANSLATE_NOOP("ReportsPage", "Today")),
        ("year", QT_TRANSLATE_NOOP("ReportsPage", "This year")),
    )

    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.report: TeamReport | None = None
        self.job: Job | None = None
        self.export_op: Op | None = None
        self.report_op: Op | None = None
        self.job_factory: Callable[[], Job] = Job  # tests hand in a Job they can hold at a step
        self.generation = 0
        self.last_saved: Path | None = None
        # every export is a plain copy outside the encrypted profile: warned about first (tests answer here)
        self.confirm_export: Callable[[], bool] = lambda: confirm_unencrypted_copy(self)
        self.title = QLabel(objectName="PageTitle")
        self.summary = QLabel(objectName="Muted")
        self.summary.setWordWrap(True)
        self.period_combo = QComboBox(objectName="ReportPeriod")
        self.commune_combo = QComboBox(objectName="ReportCommune")
        self.metric_combo = QComboBox(objectName="ReportMetric")
        self.period_combo.setMinimumWidth(170)
        self.commune_combo.setMinimumWidth(220)
        self.metric_combo.setMinimumWidth(420)
        self.pdf_button = QPushButton(objectName="Primary")
        self.csv_button = QPushButton(objectName="ExportCsv")
        self.chart = BarChart()
        self.model = ReportTableModel(self)
        self.table = QTableView(objectName="ReportTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.message = QLabel(objectName="Muted")
        self.message.setWordWrap(True)

        self.daily_box = QGroupBox(objectName="DailyBox")
        self.person_combo = QComboBox(objectName="DailyPerson")
        self.person_combo.setMinimumWidth(220)
        self.day_edit = QDateEdit(objectName="DailyDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        today = local_today()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.day_edit.setMinimumHeight(44)
        self.daily_button = QPushButton(objectName="DailyPdf")
        self.day_label = QLabel()
        self.person_label = QLabel()
        d = QHBoxLayout(self.daily_box)
        d.addWidget(self.person_label)
        d.addWidget(self.person_combo)
        d.addSpacing(12)
        d.addWidget(self.day_label)
        d.addWidget(self.day_edit)
        d.addSpacing(12)
        d.addWidget(self.daily_button)
        d.addStretch(1)

        filters = QHBoxLayout()
        for w in (self.period_combo, self.commune_combo, self.metric_combo):
            filters.addWidget(w)
        filters.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addWidget(split, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.daily_box)

        for key, _text in self.PERIODS:
            self.period_combo.addItem("", key)
        for key, _text, _fn, _pct in METRICS:
            self.metric_combo.addItem("", key)
        self.commune_combo.addItem("", None)
        self.period_combo.currentIndexChanged.connect(self.reload)
        self.commune_combo.currentIndexChanged.connect(self.reload)
        self.metric_combo.currentIndexChanged.connect(self._draw_chart)
        self.pdf_button.clicked.connect(lambda: self._ask("pdf"))
        self.csv_button.clicked.connect(lambda: self._ask("csv"))
        self.daily_button.clicked.connect(lambda: self._ask("daily"))
        EnterForward(self)  # Enter: to the next choice (a period or commune chosen reloads the report)
        self.retranslate()
        self._load_lists()
        self.reload()

    # -- data ------------------------------------------------------------------------------------
    def _load_lists(self) -> None:
        session = self.ctx.session
        Op(self, lambda: (reports.communes(session), reports.people_for_summary(session))) \
            .success(self._fill_lists).failure(self._error).run_in_background()

    def _fill_lists(self, lists: tuple[list[tuple[int, str]], list[tuple[str, str]]]) -> None:
        communes, persons = lists
        self.commune_combo.blockSignals(True)
        while self.commune_combo.count() > 1:
            self.commune_combo.removeItem(1)
        for code, name in communes:
            self.commune_combo.addItem(name, code)
        self.commune_combo.blockSignals(False)
        self.person_combo.clear()
        for uid, name in persons:
            self.person_combo.addItem(name, uid)

    def period(self) -> tuple[date, date]:
        return period_dates(self.period_combo.currentData() or "month", local_today())

    def reload(self) -> None:
        session = self.ctx.session
        start, end = self.period()
        commune = self.commune_combo.currentData()
        self.generation += 1
        gen = self.generation
        if self.report_op is not None:
            self.report_op.cancel(quietly=True)  # the report asked for before is not wanted any more: stop it
        job = self.job = self.job_factory()
        op = self.report_op = Op(self, lambda: reports.team_report(session, start, end, commune, job=job))
        op.progress(job, self.tr("Making the report…")) \
            .success(lambda rep: self._show(rep, gen)).failure(lambda e: self._report_failed(e, gen)) \
            .run_in_background()

    def _report_failed(self, exc: BaseException, generation: int) -> None:
        if generation != self.generation:
            return
        self.report_op = None
        if isinstance(exc, Cancelled):
            self._set_message(self.tr("Report cancelled."), "Muted")
        else:
            self._error(exc)

    def _show(self, report: TeamReport, generation: int) -> None:
        if generation != self.generation:
            return
        self.report_op = None
        self.report = report
        self._fill_table()
        self._draw_chart()
        self._summarise()

    def _summarise(self) -> None:
        rep = self.report
        if rep is None:
            self.summary.setText(self.tr("Loading…"))
            return
        t = rep.total
        self.summary.setText(
            self.tr("%1 to %2 · %3 customers · %4 installs · %5 on time, %6 late · %7 abnormal readings")
            .replace("%1", rep.start.strftime("%d/%m/%Y")).replace("%2", rep.end.strftime("%d/%m/%Y"))
            .replace("%3", format_number(t.customers)).replace("%4", format_number(t.installs))
            .replace("%5", format_number(t.done_on_time)).replace("%6", format_number(t.done_late))
            .replace("%7", format_number(t.abnormal)))

    def _fill_table(self) -> None:
        rep = self.report
        if rep is None:
            return
        self.model.set_figures(rep.rows, rep.total)
        fit_columns(self.table)

    def chart_bars(self) -> tuple[list[tuple[str, float]], bool]:
        rep = self.report
        if rep is None:
            return [], False
        key = self.metric_combo.currentData() or "adoption"
        for mkey, _text, fn, pct in METRICS:
            if mkey == key:
                if key == "adoption":
                    return adoption_bars(rep.total), True
                values = [(f.commune or self.tr("(no commune)"), float(fn(f))) for f in rep.rows]
                values = [v for v in values if v[1] > 0] if not pct else values
                values.sort(key=lambda v: -v[1])
                return values[:CHART_ROWS], pct
        return [], False

    def _draw_chart(self) -> None:
        bars, pct = self.chart_bars()
        self.chart.set_bars(bars, percent=pct, colour_per_bar=self.metric_combo.currentData() == "adoption")

    # -- exports ---------------------------------------------------------------------------------
    def _ask(self, what: str) -> None:
        if not self.confirm_export():
            return
        start, end = self.period()
        names = {"pdf": f"bao-cao-{start:%Y%m%d}-{end:%Y%m%d}.pdf", "csv": f"bao-cao-{start:%Y%m%d}-{end:%Y%m%d}.csv",
                 "daily": f"cong-viec-{self.day().isoformat()}.pdf"}
        filters = {"pdf": self.tr("PDF files (*.pdf)"), "csv": self.tr("CSV files (*.csv)"),
                   "daily": self.tr("PDF files (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), str(Path.home() / names[what]), filters[what])
        if path:
            {"pdf": self.export_pdf, "csv": self.export_csv, "daily": self.export_daily}[what](Path(path))

    def day(self) -> date:
        q = self.day_edit.date()
        return date(q.year(), q.month(), q.day())

    def export_pdf(self, path: Path) -> None:
        rep, lang = self.report, current_language()
        if rep is None:
            return

        def work(job: Job, part: Path) -> None:
            # reportlab is imported when the first PDF is made, not at start
            from fieldkit.documents.reports_pdf import render_team_report

            job.step()
            render_team_report(rep, part, "vi" if lang == "vi" else "en")

        self._run_export(work, path)

    def export_csv(self, path: Path) -> None:
        rep, lang = self.report, current_language()
        if rep is None:
            return
        self._run_export(lambda job, part: part.write_bytes(reports.report_csv(rep, lang)), path)

    def export_daily(self, path: Path) -> None:
        session, uid, day, lang = self.ctx.session, self.person_combo.currentData(), self.day(), current_language()
        if not uid:
            return

        def work(job: Job, part: Path) -> None:
            from fieldkit.documents.daily_summary import render_daily_summary

            summary = reports.daily_summary(session, uid, day)
            job.step()
            render_daily_summary(summary, part, "vi" if lang == "vi" else "en")

        self._run_export(work, path)

    def _run_export(self, fn: Callable[[Job, Path], Any], path: Path) -> None:
        """The file is made under a temporary name next to `path` and put in place only when the job was
        not cancelled: Cancel leaves nothing behind (and no half-written file)."""
        self.message.setText(self.tr("Saving %1 …").replace("%1", path.name))
        job = self.job_factory()

        def work() -> None:
            part = path.with_name(f".{path.name}.part")
            try:
                fn(job, part)
                job.step()
                os.replace(part, path)
            finally:
                part.unlink(missing_ok=True)

        self.export_op = Op(self, work).progress(job, self.tr("Saving the file…"))
        self.export_op.success(lambda _r: self._saved(path)).failure(self._export_failed).run_in_background()

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._set_message(self.tr("Export cancelled: nothing was written."), "Muted")
        else:
            self._error(exc)

    def _saved(self, path: Path) -> None:
        self.last_saved = path
        self._set_message(self.tr("Saved: %1").replace("%1", str(path)), "Muted")

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):  # in the UI language with what to do, never the system's English
            text = self.tr("Could not save the file: %1").replace("%1", problem_text(exc))
        else:
            text = problem_text(exc)
        self._set_message(text, "Error")

    def _set_message(self, text: str, name: str) -> None:
        self.message.setObjectName(name)
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    # -- page hooks ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        if self.report_op is not None:
            self.report_op.cancel(quietly=True)

    def on_shown(self) -> None:
        self.reload()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reports"))
        for i, (_key, text) in enumerate(self.PERIODS):
            self.period_combo.setItemText(i, QCoreApplication.translate("ReportsPage", text))
        for i, (_key, text, _fn, _pct) in enumerate(METRICS):
            self.metric_combo.setItemText(i, QCoreApplication.translate("ReportsPage", text))
        self.commune_combo.setItemText(0, self.tr("Every commune"))
        self.pdf_button.setText(self.tr("Export &PDF"))
        self.csv_button.setText(self.tr("Export &CSV"))
        self.chart.set_empty_text(self.tr("Nothing to show for this period."))
        self.model.retranslate()
        self.daily_box.setTitle(self.tr("Daily work summary"))
        self.person_label.setText(self.tr("Person:"))
        self.day_label.setText(self.tr("Day:"))
        self.daily_button.setText(self.tr("Daily &summary PDF"))
        self._summarise()
        if self.report is not None:
            fit_columns(self.table)
            self._draw_chart()
