"""Supervisor review: the team's work orders by status, technician, commune and due date
(overdue ones in red) on the left, one work order's evidence beside it (pages/review_detail.py:
its records by their forms, checks, pictures, documents, history), and approve / return with a
comment. A second tab holds the reports (`reports_page.ReportsPage`).

Everything comes from `fieldkit.services.review`, off the UI thread; decisions are outbox
entries, so the page works the same offline on the data of the last pull.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fieldkit.domain.models import Role
from fieldkit.services import order_history, review
from fieldkit.services import sync as sync_service
from fieldkit.services.review import ReviewFilter, ReviewRow
from fieldkit.ui.forms.enter_keys import EnterForward
from fieldkit.ui.labels import format_number, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.pages.reports_page import ReportsPage
from fieldkit.ui.pages.review_conflicts import ConflictsPanel
from fieldkit.ui.pages.review_detail import ReviewDetailView
from fieldkit.ui.pages.review_table import Loaded, ReviewTableModel, load_detail
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.style import row_height
from fieldkit.ui.table_sizing import fit_columns


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
            # the title and the four filters share one row: each filter shows at least ~7 characters
            # (its list opens wider), so the row fits 1280x720 at 125 % beside the navigation (9 made
            # the page 30 px wider than the window there: it scrolled sideways, Refresh cut off)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
            combo.view().setMinimumWidth(240)
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

        # -- detail (pages/review_detail.py) ----------------------------------------------------
        self.detail_scroll = ReviewDetailView(self.resolve_conflict, ctx.session)
        v = self.detail_scroll
        self.conflicts_panel, self.detail_info, self.capture_view = v.conflicts_panel, v.detail_info, v.capture_view
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
        dv.addWidget(self.offline_note)  # beside the decision it is about (above the list it took 2 rows)
        dv.addLayout(actions)
        dv.addWidget(self.message)

        list_panel = QWidget()
        lv = QVBoxLayout(list_panel)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.empty)
        lv.addWidget(self.table, 1)
        # side by side: at 1366x768 the list keeps its full height (a dozen rows) and the detail
        # reads top to bottom beside it
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(detail_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        list_panel.setMinimumWidth(280)
        detail_panel.setMinimumWidth(360)
        self.splitter.setSizes([460, 640])  # the list shows due, number and customer; Qt scales to the width

        # one row of title, filters and refresh, one muted line of counts (and the offline note):
        # at 1366x768 the list keeps the height for 8+ rows
        # (in large mode the title goes above the filters: on one row they were 54 px wider than
        # the window at 1280x720 and 125 %, and Refresh was cut off)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.title)
        filters = QHBoxLayout()
        for w in (self.status_combo, self.tech_combo, self.commune_combo, self.due_combo):
            filters.addWidget(w)
        filters.addStretch(1)
        top.addLayout(filters, 1)
        self.header = top
        self._fit_header(str(ctx.config.get("ui_scale")))
        info = QHBoxLayout()
        info.addWidget(self.summary, 1)
        info.addWidget(self.refresh_button)
        lay = QVBoxLayout(self.review_tab)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(top)
        lay.addWidget(self.not_allowed)
        lay.addLayout(info)
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

        for gated in (self.status_combo, self.tech_combo, self.commune_combo, self.due_combo, self.refresh_button,
                      self.splitter, self.offline_note):
            gated.setVisible(self.supervisor)
        self.not_allowed.setVisible(not self.supervisor)
        self._show_detail(None)
        EnterForward(self)  # Enter: to the next filter; in the comment, send back (its own Enter)
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
        fit_columns(self.table, stretch_last=True)
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
        self._refresh_history(loaded.detail.work_order.id)

    def _refresh_history(self, wo_id: str) -> None:
        """Ask the server for the order's history (its audit), then show it; offline the kept one stays."""
        session = self.ctx.session
        if not sync_service.server_url(session):
            return

        def fetch() -> order_history.History:
            order_history.refresh(session, wo_id)
            return order_history.history(session, wo_id)

        def shown(history: order_history.History) -> None:
            if self.current_id == wo_id:
                self.detail_scroll.show_history(history, error=False)

        def failed(_exc: BaseException) -> None:
            if self.current_id == wo_id:
                self.detail_scroll.show_history(self.detail_scroll.history, error=True)

        Op(self, fetch).success(shown).failure(failed).run_in_background()

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
        self.detail_scroll.show_loaded(loaded, self.busy)

    @property
    def photo_labels(self) -> list[QLabel]:
        return self.detail_scroll.photo_labels

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
        self.offline_note.setText("" if online else self.tr(
            "Offline: approvals and returns wait on this laptop for the next sync."))
        self.offline_note.setVisible(self.supervisor and not online)

    def apply_scale(self, scale: str) -> None:
        self.table.verticalHeader().setDefaultSectionSize(row_height(scale))
        self._fit_header(scale)

    def _fit_header(self, scale: str) -> None:
        self.header.setDirection(QHBoxLayout.Direction.TopToBottom if scale == "large"
                                 else QHBoxLayout.Direction.LeftToRight)

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
        self.pick_hint.setText(self.tr("Pick a work order on the left to see its records, photos and signatures."))
        self.detail_scroll.retranslate()
        self.approve_button.setText(self.tr("&Approve"))
        self.return_button.setText(self.tr("Re&turn with comment"))
        self.comment.setPlaceholderText(self.tr("What must the technician fix? (needed to return)"))
        self.model.retranslate()
        self._summarise()
        if self.loaded_detail is not None:
            self._show_detail(self.loaded_detail)
