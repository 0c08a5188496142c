"""The user's work orders: overdue and today's first, filters by commune and kind, open an order
(installs and replacements open the install form; other kinds a detail view for now)."""

from __future__ import annotations

from html import escape
from typing import Any

from fieldkit.domain import lifecycle
from fieldkit.services import installs, readings, work_orders
from fieldkit.services.installs import WorkListRow
from fieldkit.services.ui_queries import WorkOrderRow
from fieldkit.ui.forms.enter_keys import EnterForward
from fieldkit.ui.install.install_form import InstallForm
from fieldkit.ui.labels import KINDS, STATES, URGENCY, format_number, label, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.pages.readings_page import read_meter_text
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QColor,
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QObject,
    QPushButton,
    QShortcut,
    QStackedWidget,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.readings.panel import ReadingPanel
from fieldkit.ui.row_model import AnyIndex, RowTableModel
from fieldkit.ui.style import DANGER, row_height
from fieldkit.ui.table_sizing import fit_columns


class WorkOrderTableModel(RowTableModel[WorkOrderRow]):
    """Rows from `ui_queries.my_work_orders`; overdue ones in red and bold, today's in bold."""

    CONTEXT = "WorkOrderColumns"
    HEADERS = (
        QT_TRANSLATE_NOOP("WorkOrderColumns", "Priority"), QT_TRANSLATE_NOOP("WorkOrderColumns", "Due"),
        QT_TRANSLATE_NOOP("WorkOrderColumns", "Number"), QT_TRANSLATE_NOOP("WorkOrderColumns", "Kind"),
        QT_TRANSLATE_NOOP("WorkOrderColumns", "Status"), QT_TRANSLATE_NOOP("WorkOrderColumns", "Customer"),
    )

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.danger = QColor(DANGER)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4 and row.review_comment:
            return f"{label(STATES, row.state)}: {row.review_comment}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.urgency == "overdue":
            return self.danger
        if role == Qt.ItemDataRole.FontRole and row.urgency in ("overdue", "today"):
            return self.bold
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _text(row: WorkOrderRow, col: int) -> str:
        if col == 0:
            if row.urgency == "overdue" and row.days_late:  # how late, in days
                return label(URGENCY, row.urgency) + " " + QCoreApplication.translate(
                    "WorkOrderColumns", "(%1 days)").replace("%1", format_number(row.days_late))
            return label(URGENCY, row.urgency)
        if col == 1:
            return row.due_date.strftime("%d/%m/%Y") if row.due_date else "—"
        if col == 2:
            return row.number
        if col == 3:
            return label(KINDS, row.kind)
        if col == 4:  # a returned order shows the start of the supervisor's reason
            short = row.review_comment if len(row.review_comment) <= 40 else row.review_comment[:39] + "…"
            return label(STATES, row.state) + (f" — {short}" if short else "")
        customer = f"{row.customer_name} ({row.customer_code})" if row.customer_code else "—"
        return customer + (f" — {row.address}" if row.address else "")


class WorkOrdersPage(Page):
    """The technician's list: overdue and today's first, filter by commune and kind; Enter opens
    an order (installs and replacements go straight to the install form)."""

    LIST, DETAIL, FORM = 0, 1, 2

    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.all_rows: list[WorkListRow] = []
        self.rows: list[WorkOrderRow] = []
        self.loaded = False
        self.install_form: InstallForm | None = None
        self.title = QLabel(objectName="PageTitle")
        self.summary = QLabel(objectName="Muted")
        self.refresh_button = QPushButton(objectName="Refresh")
        self.open_button = QPushButton(objectName="OpenOrder")
        self.commune_label = QLabel()
        self.commune = QComboBox(objectName="CommuneFilter")
        self.commune_label.setBuddy(self.commune)
        self.kind_label = QLabel()
        self.kind = QComboBox(objectName="KindFilter")
        self.kind_label.setBuddy(self.kind)
        self.kind.addItem("", "")
        for value in KINDS:
            self.kind.addItem("", value)
        self.commune.addItem("", "")
        self.empty = QLabel(objectName="Coming")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.model = WorkOrderTableModel(self)
        self.table = QTableView(objectName="WorkOrderTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(row_height(ctx.config.get("ui_scale")))
        header = self.table.horizontalHeader()
        for col, width in enumerate((115, 125, 170, 215, 130)):
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)
        filters = QHBoxLayout()
        filters.addWidget(self.commune_label)
        filters.addWidget(self.commune, 2)
        filters.addSpacing(16)
        filters.addWidget(self.kind_label)
        filters.addWidget(self.kind, 1)
        filters.addStretch(1)
        list_page = QWidget()
        lay = QVBoxLayout(list_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        self.reminder = QLabel(objectName="Error")  # returned orders waiting to be redone
        self.reminder.hide()
        lay.addWidget(self.reminder)
        lay.addLayout(filters)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)

        self.detail = QWidget(objectName="WorkOrderDetail")
        self.detail_back = QPushButton(objectName="DetailBack")
        self.detail_text = QLabel(objectName="DetailText")
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dl = QVBoxLayout(self.detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.detail_back, 0, Qt.AlignmentFlag.AlignLeft)
        dl.addWidget(self.detail_text)
        # a returned order: the supervisor's reason, in its own box above the actions
        self.return_comment = QLabel(objectName="Error")  # the app style's red box
        self.return_comment.setWordWrap(True)
        self.return_comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dl.addWidget(self.return_comment)
        actions = QHBoxLayout()
        self.start_button = QPushButton(objectName="StartWork")  # the life cycle's "start"
        self.start_button.clicked.connect(self._start)
        actions.addWidget(self.start_button)
        self.detail_read = QPushButton(objectName="Primary")  # open reading orders: read the meter
        self.detail_read.clicked.connect(self._read_meter)
        actions.addWidget(self.detail_read)
        self.detail_form = QPushButton(objectName="OpenForm")  # installs, replacements, new supply: the form
        self.detail_form.clicked.connect(lambda: self._open_install_form(self.detail_row))
        actions.addWidget(self.detail_form)
        self.detail_onboarding = QPushButton(objectName="OpenOnboarding")
        self.detail_onboarding.clicked.connect(self._open_onboarding)
        actions.addWidget(self.detail_onboarding)
        actions.addStretch(1)
        dl.addLayout(actions)
        # a supervisor gives an open order to another technician of the team
        assign = QHBoxLayout()
        self.assign_label = QLabel()
        self.assign_combo = QComboBox(objectName="AssignTo")
        self.assign_label.setBuddy(self.assign_combo)
        self.assign_button = QPushButton(objectName="Reassign")
        self.assign_button.clicked.connect(self._reassign)
        assign.addWidget(self.assign_label)
        assign.addWidget(self.assign_combo, 1)
        assign.addWidget(self.assign_button)
        assign.addStretch(1)
        dl.addLayout(assign)
        self.detail_message = QLabel(objectName="Muted")
        self.detail_message.setWordWrap(True)
        dl.addWidget(self.detail_message)
        self.members: list[work_orders.TeamMember] = []
        dl.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.detail)
        self.stack.addWidget(QWidget())  # the install form goes here when an order is opened
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(self.stack)

        self.refresh_button.clicked.connect(self.reload)
        self.open_button.clicked.connect(self.open_current)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.activated.connect(lambda _i: self.open_current())
        self.commune.currentIndexChanged.connect(lambda _i: self._fill())
        self.kind.currentIndexChanged.connect(lambda _i: self._fill())
        self.detail_back.clicked.connect(self.back_to_list)
        QShortcut(QKeySequence("F5"), self, activated=self.reload)
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self.table, activated=self.open_current,
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Escape"), self.detail, activated=self.back_to_list,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        EnterForward(self, passive=[self.detail_back])  # Enter: to the next filter; never back
        self.retranslate()
        # no reload here: the main window shows this page at once and on_shown loads it (loading in
        # both ran the work list twice at sign-in, 0.14-0.4 s each on the 80,000-customer profile)

    def reload(self) -> None:
        session = self.ctx.session
        Op(self, lambda: installs.work_list(session)).success(self._show) \
            .failure(lambda e: self.summary.setText(problem_text(e))).run_in_background()

    def on_shown(self) -> None:
        if self.stack.currentIndex() == self.LIST:
            self.reload()

    def apply_scale(self, scale: str) -> None:
        self.table.verticalHeader().setDefaultSectionSize(row_height(scale))
        fit_columns(self.table, stretch_last=True)

    def _show(self, rows: list[WorkListRow]) -> None:
        self.all_rows = rows
        self.loaded = True
        current = self.commune.currentData() or ""
        communes = sorted({r.commune for r in rows if r.commune})
        self.commune.blockSignals(True)
        while self.commune.count() > 1:
            self.commune.removeItem(1)
        for c in communes:
            self.commune.addItem(c, c)
        self.commune.setCurrentIndex(max(0, self.commune.findData(current)))
        self.commune.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        commune, kind = self.commune.currentData() or "", self.kind.currentData() or ""
        rows = [r.row for r in self.all_rows
                if (not commune or r.commune == commune) and (not kind or r.row.kind == kind)]
        self.rows = rows
        self.model.set_rows(rows)
        fit_columns(self.table, stretch_last=True)  # from a sample of rows: fits "Lớn" mode too
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        counts = {k: sum(1 for x in rows if x.urgency == k) for k in ("overdue", "today")}
        open_count = sum(1 for x in rows if x.urgency != "closed")
        returned = sum(1 for x in rows if x.state == "returned")
        self.reminder.setText(self.tr("%1 returned by the supervisor: open one to read why and redo it.")
                              .replace("%1", format_number(returned)))
        self.reminder.setVisible(returned > 0)
        self.summary.setText(self.tr("%1 open · %2 overdue · %3 due today")
                             .replace("%1", format_number(open_count))
                             .replace("%2", format_number(counts["overdue"]))
                             .replace("%3", format_number(counts["today"])))
        self.empty.setVisible(self.loaded and not rows)
        self.table.setVisible(bool(rows) or not self.loaded)

    def current_row(self) -> WorkOrderRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_order(row)

    def open_order(self, row: WorkOrderRow) -> None:
        """Open installs, replacements and new supplies go straight to the install form; a returned
        order (and every other kind) opens its detail first: the supervisor's reason, the actions."""
        if lifecycle.life(row.kind).opens == "install_form" and row.urgency != "closed" and not row.review_comment \
                and self.ctx.session.role in lifecycle.life(row.kind).workers:
            self._open_install_form(row)
            return
        self.detail_row = row
        self.detail_message.setText("")
        self._fill_detail()
        self._load_members()
        self.stack.setCurrentIndex(self.DETAIL)
        self.detail_back.setFocus()

    def _open_install_form(self, row: WorkOrderRow) -> None:
        old = self.stack.widget(self.FORM)
        form = InstallForm(self.ctx.session, row, self.ctx.config)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.insertWidget(self.FORM, form)
        form.closed.connect(self.back_to_list)
        form.saved.connect(lambda _id: self.ctx.refresh_status())
        self.install_form = form
        self.stack.setCurrentIndex(self.FORM)
        form.view.setFocus()

    def _start(self) -> None:
        row, session = getattr(self, "detail_row", None), self.ctx.session
        if row is not None:
            Op(self, lambda: work_orders.start_work_order(session, row.id)).success(self._moved) \
                .failure(lambda e: self.detail_message.setText(problem_text(e))).run_in_background()

    def _moved(self, wo: Any) -> None:
        """After a move (start, reassign): the row again from the list's own query."""
        self.ctx.refresh_status()
        session = self.ctx.session
        Op(self, lambda: installs.work_list(session)).success(lambda rows: self._after_move(rows, wo.id)) \
            .failure(lambda e: self.detail_message.setText(problem_text(e))).run_in_background()

    def _after_move(self, rows: list[WorkListRow], wo_id: str) -> None:
        self._show(rows)
        found = next((r.row for r in rows if r.row.id == wo_id), None)
        if found is None:  # given to someone else: no longer in this person's list
            self.detail_message.setText(self.tr("The work order was given to another technician."))
            self.start_button.hide()
            self.assign_button.setEnabled(False)
            return
        self.detail_row = found
        self._fill_detail()
        self.detail_message.setText(self.tr("Saved. It will be sent with the next sync."))

    def _load_members(self) -> None:
        row, session = getattr(self, "detail_row", None), self.ctx.session
        self.members = []
        self.assign_combo.clear()
        if row is None or not self._may(row, lifecycle.Action.REASSIGN):
            return
        Op(self, lambda: work_orders.team_members(session, row.id)).success(self._got_members) \
            .failure(lambda e: self.detail_message.setText(problem_text(e))).run_in_background()

    def _got_members(self, members: list[work_orders.TeamMember]) -> None:
        self.members = members
        self.assign_combo.clear()
        for m in members:
            self.assign_combo.addItem(m.name, m.server_id)
        self.assign_button.setEnabled(bool(members))

    def _reassign(self) -> None:
        row, session = getattr(self, "detail_row", None), self.ctx.session
        i = self.assign_combo.currentIndex()
        if row is None or not 0 <= i < len(self.members):
            return
        member = self.members[i]
        Op(self, lambda: work_orders.reassign(session, row.id, member)).success(self._moved) \
            .failure(lambda e: self.detail_message.setText(problem_text(e))).run_in_background()

    def _open_onboarding(self) -> None:
        window = self.window()
        if hasattr(window, "go_to"):
            page = window.go_to("onboarding")
            row = getattr(self, "detail_row", None)
            if row is not None and hasattr(page, "open_work_order"):  # its household, pre-filled (drafts)
                page.open_work_order(row.id)

    def _may(self, row: WorkOrderRow, action: lifecycle.Action) -> bool:
        return action in lifecycle.actions(row.kind, row.state, self.ctx.session.role)

    def _read_meter(self) -> None:
        """A reading order: the reading panel (fieldkit.ui.readings) in the form slot."""
        row, session = getattr(self, "detail_row", None), self.ctx.session
        if row is not None:
            Op(self, lambda: readings.target_for_work_order(session, row.id)).success(self._show_reading) \
                .failure(lambda e: self.detail_text.setText(escape(problem_text(e)))).run_in_background()

    def _show_reading(self, target: readings.Target) -> None:
        old = self.stack.widget(self.FORM)
        panel = ReadingPanel(self.ctx.session, self.ctx.config, target)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.insertWidget(self.FORM, panel)
        panel.closed.connect(self.back_to_list)
        panel.saved.connect(lambda _id: self.ctx.refresh_status())
        self.stack.setCurrentIndex(self.FORM)
        panel.read_button.setFocus()

    def _fill_detail(self) -> None:
        row = getattr(self, "detail_row", None)
        if row is None:
            return
        due = row.due_date.strftime("%d/%m/%Y") if row.due_date else "—"
        customer = f"{row.customer_name} ({row.customer_code})" if row.customer_code else "—"
        kind_t, state_t, due_t = self.tr("Kind"), self.tr("Status"), self.tr("Due")
        customer_t, address_t = self.tr("Customer"), self.tr("Address")
        life = lifecycle.life(row.kind)
        open_ = row.urgency != "closed"
        worker = self.ctx.session.role in life.workers
        if not open_:
            note = self.tr("This work order was already submitted; its record is waiting for review.") \
                if row.state == "done" else ""
        elif not worker and self.ctx.session.role.value != "supervisor":  # e.g. a trainer's new-supply order
            note = self.tr("A technician does this kind of work order; ask your supervisor to give it to one.")
        elif life.opens == "onboarding":
            note = self.tr("Do the onboarding on the Onboarding page; finishing it submits this work order.")
        else:
            note = self.tr("Saving the record submits this work order for review.")
        self.detail_read.setVisible(life.opens == "reading_panel" and open_ and worker)
        self.detail_form.setVisible(life.opens == "install_form" and open_ and worker)
        self.detail_onboarding.setVisible(life.opens == "onboarding" and open_ and worker)
        self.start_button.setVisible(self._may(row, lifecycle.Action.START))
        may_assign = self._may(row, lifecycle.Action.REASSIGN)
        for w in (self.assign_label, self.assign_combo, self.assign_button):
            w.setVisible(may_assign)
        self.return_comment.setVisible(bool(row.review_comment))
        self.return_comment.setText(self.tr("Returned by the supervisor: %1").replace("%1", row.review_comment))
        lines = [
            f"<h2>{escape(row.number)}</h2>",
            f"<p><b>{kind_t}:</b> {escape(label(KINDS, row.kind))}<br/>"
            f"<b>{state_t}:</b> {escape(label(STATES, row.state))}<br/>"
            f"<b>{due_t}:</b> {due}"
            + (f" — {escape(self._late_text(row.days_late))}" if row.days_late else "") + "<br/>"
            f"<b>{customer_t}:</b> {escape(customer)}<br/>"
            f"<b>{address_t}:</b> {escape(row.address or '—')}</p>",
            f"<p>{escape(note)}</p>",
        ]
        self.detail_text.setText("".join(lines))

    def _late_text(self, days: int) -> str:
        return self.tr("%1 days late").replace("%1", format_number(days))

    def back_to_list(self) -> None:
        self.stack.setCurrentIndex(self.LIST)
        self.reload()
        self.table.setFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Work orders"))
        self.refresh_button.setText(self.tr("&Refresh (F5)"))
        self.open_button.setText(self.tr("&Open (Enter)"))
        self.commune_label.setText(self.tr("&Commune:"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.commune.setItemText(0, self.tr("All communes"))
        self.kind.setItemText(0, self.tr("All kinds"))
        for i, value in enumerate(KINDS, start=1):
            self.kind.setItemText(i, label(KINDS, value))
        self.detail_back.setText(self.tr("← Back to the list"))
        self.detail_read.setText(read_meter_text())
        self.start_button.setText(self.tr("&Start work"))
        self.detail_form.setText(self.tr("Open the &form"))
        self.detail_onboarding.setText(self.tr("Go to &Onboarding"))
        self.assign_label.setText(self.tr("&Give to:"))
        self.assign_button.setText(self.tr("Give the work order"))
        self.empty.setText(self.tr("No work orders on this laptop. Sync at the office to receive today's work."))
        self.model.retranslate()
        self._fill_detail()
        if self.loaded:
            self._fill()
        else:
            self.summary.setText(self.tr("Loading…"))
