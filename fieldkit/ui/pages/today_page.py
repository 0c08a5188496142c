"""Today: the person's day at a glance, in four groups — drafts (typed, not submitted), waiting to
send, sent today, and returned by the supervisor (with the comment). Enter or a double click on
an install / replacement order opens it where it was left. A draft that a record from sync
overtook (the order done on another laptop) is kept and shown as superseded: opening it shows
what was typed, read-only, and offers to discard it (never deleted without that choice)."""

from __future__ import annotations

from fieldkit.domain.local_time import local_datetime
from fieldkit.services import draft_files, drafts, superseded_drafts, ui_queries
from fieldkit.services.drafts import Today, TodayItem
from fieldkit.services.superseded_drafts import Superseded
from fieldkit.ui.labels import KINDS, label, problem_text
from fieldkit.ui.onboarding.base import step_title
from fieldkit.ui.ops import Op
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.pages.superseded_draft import SupersededDraftDialog
from fieldkit.ui.qt import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)

GROUPS = ("drafts", "waiting", "sent", "returned")


def _time(stamp: str) -> str:
    try:
        return local_datetime(stamp).strftime("%H:%M")
    except ValueError:
        return ""


class TodayPage(Page):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.today: Today | None = None
        self.loading = False
        self.cleaned = False  # unused draft photos are cleaned once per session, at the first load
        self.dialog: SupersededDraftDialog | None = None
        self.title = QLabel(objectName="PageTitle")
        self.summary = QLabel(objectName="Muted")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(objectName="Refresh")
        self.boxes: dict[str, QGroupBox] = {}
        self.lists: dict[str, QListWidget] = {}
        self.empty: dict[str, QLabel] = {}
        self.setStyleSheet("QGroupBox { font-weight: bold; padding-top: 18px; margin-top: 6px; }"
                           " QGroupBox QListWidget, QGroupBox QLabel { font-weight: normal; }")
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, group in enumerate(GROUPS):
            box = QGroupBox(objectName=f"Today_{group}")
            lst = QListWidget(objectName=f"TodayList_{group}")
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            lst.setResizeMode(QListWidget.ResizeMode.Adjust)
            lst.setSpacing(2)
            lst.setAlternatingRowColors(True)
            lst.itemActivated.connect(self.open_item)
            empty = QLabel(objectName="Muted")
            empty.setWordWrap(True)
            b = QVBoxLayout(box)
            b.addWidget(empty)
            b.addWidget(lst, 1)
            grid.addWidget(box, i // 2, i % 2)
            self.boxes[group], self.lists[group], self.empty[group] = box, lst, empty
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addLayout(grid, 1)
        self.refresh_button.clicked.connect(self.reload)
        self.retranslate()

    # data ------------------------------------------------------------------------------------
    def on_shown(self) -> None:
        self.reload()

    def on_status(self, outbox: object, connectivity: object) -> None:
        if self.isVisible():  # a sync moved items from waiting to sent
            self.reload()

    def reload(self) -> None:
        if self.loading:
            return
        self.loading = True
        session, clean = self.ctx.session, not self.cleaned
        self.cleaned = True

        def load() -> Today:
            drafts.set_aside_stale(session)  # drafts a record from sync overtook: kept, marked superseded
            if clean:
                draft_files.clean(session)
            return drafts.today(session)

        Op(self, load).success(self._loaded).failure(self._failed).run_in_background()

    def _loaded(self, today: Today) -> None:
        self.loading = False
        self.today = today
        self._fill()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.summary.setText(problem_text(exc))

    def counts(self) -> dict[str, int]:
        t = self.today
        return {g: len(getattr(t, g)) for g in GROUPS} if t else {}

    # display ---------------------------------------------------------------------------------
    def _what(self, item: TodayItem) -> str:
        if item.kind == drafts.ONBOARDING or item.kind == "onboarding":
            return label(KINDS, "onboarding") + (f" · {step_title(item.step)}" if item.step else "")
        if item.kind == drafts.INSTALL:
            return self.tr("Install / replacement form")
        if item.kind == "reading":
            return label(KINDS, "reading")
        return label(KINDS, item.kind) if item.kind in KINDS else item.kind

    def _text(self, group: str, item: TodayItem) -> str:
        head = f"{item.title} — {self._what(item)}"
        lines = [head]
        if item.detail:
            lines.append(item.detail)
        if group == "drafts" and item.superseded:
            lines.append(self.tr("Superseded: the record of this work came from another laptop or person%1. What "
                                 "you typed is kept: open it to read it, then discard it.")
                         .replace("%1", f" ({_time(item.overtaken_at)})" if _time(item.overtaken_at) else ""))
        elif group == "drafts":
            lines.append(self.tr("Saved at %1; open it to go on").replace("%1", _time(item.at)))
        elif group == "waiting" and item.problem:
            lines.append(self.tr("Refused by the server: %1").replace("%1", item.problem))
        elif group in ("waiting", "sent") and item.at:
            lines.append(self.tr("Submitted at %1").replace("%1", _time(item.at)))
        if group == "returned":
            lines.append(self.tr("Supervisor: %1").replace("%1", item.comment or "—"))
        return "\n".join(lines)

    def _fill(self) -> None:
        t = self.today
        if t is None:
            return
        for group in GROUPS:
            items: list[TodayItem] = getattr(t, group)
            lst = self.lists[group]
            lst.clear()
            for it in items:
                row = QListWidgetItem(self._text(group, it))
                row.setData(Qt.ItemDataRole.UserRole, it)
                if group == "returned" or it.problem:
                    row.setForeground(Qt.GlobalColor.darkRed)
                elif it.superseded:
                    row.setForeground(Qt.GlobalColor.darkYellow)
                lst.addItem(row)
            self.empty[group].setVisible(not items)
            lst.setVisible(bool(items))
        self._titles()
        self.summary.setText(self.tr("Drafts are kept on this laptop only (encrypted) until you submit them; "
                                     "submitted work goes to the server at the next sync."))

    def _titles(self) -> None:
        counts = self.counts()
        titles = {"drafts": self.tr("Drafts (%1)"), "waiting": self.tr("Waiting to send (%1)"),
                  "sent": self.tr("Sent today (%1)"), "returned": self.tr("Returned (%1)")}
        for group, text in titles.items():
            self.boxes[group].setTitle(text.replace("%1", str(counts.get(group, 0))))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Today"))
        self.refresh_button.setText(self.tr("&Refresh"))
        empties = {"drafts": self.tr("No draft: every form you started was submitted."),
                   "waiting": self.tr("Nothing waiting: everything submitted has reached the server."),
                   "sent": self.tr("Nothing sent today yet."),
                   "returned": self.tr("No work order was returned to you.")}
        for group, text in empties.items():
            self.empty[group].setText(text)
        self._titles()
        if self.today is not None:
            self._fill()
        else:
            self.summary.setText(self.tr("Loading…"))

    # opening ---------------------------------------------------------------------------------
    def open_item(self, row: QListWidgetItem) -> None:
        """An install / replacement order opens in its form (where it was left); a household's
        onboarding opens the onboarding page."""
        item: TodayItem = row.data(Qt.ItemDataRole.UserRole)
        win = self.window()
        go_to = getattr(win, "go_to", None)
        if go_to is None:
            return
        if item.superseded:
            self.show_superseded(item)
            return
        if item.kind == drafts.READING:
            self._open_meter(item.ref)
            return
        if item.kind in (drafts.ONBOARDING, "onboarding"):
            page = go_to("onboarding")
            if item.customer_id and hasattr(page, "open_household"):
                page.open_household(item.customer_id)
            return
        if not item.work_order_id:
            return
        session, wo_id = self.ctx.session, item.work_order_id

        def find() -> ui_queries.WorkOrderRow | None:
            return next((r for r in ui_queries.my_work_orders(session) if r.id == wo_id), None)

        Op(self, find).success(lambda r: self._open_order(r)).failure(self._failed).run_in_background()

    def _open_order(self, row: ui_queries.WorkOrderRow | None) -> None:
        go_to = getattr(self.window(), "go_to", None)
        if row is None or go_to is None:
            return
        page = go_to("work_orders")
        page.open_order(row)

    # superseded drafts ------------------------------------------------------------------------
    def show_superseded(self, item: TodayItem) -> None:
        session = self.ctx.session
        Op(self, lambda: superseded_drafts.superseded(session, item.kind, item.ref)) \
            .success(self._show_superseded).failure(self._failed).run_in_background()

    def _show_superseded(self, view: Superseded | None) -> None:
        if view is None:  # discarded meanwhile
            self.reload()
            return
        dialog = SupersededDraftDialog(view, self)
        self.dialog = dialog
        dialog.finished.connect(lambda code, v=view: self._superseded_done(v, code))
        dialog.open()

    def _superseded_done(self, view: Superseded, code: int) -> None:
        self.dialog = None
        if code != SupersededDraftDialog.DialogCode.Accepted:
            return
        session, d = self.ctx.session, view.draft
        Op(self, lambda: drafts.discard(session, d.kind, d.ref)).success(lambda _gone: self.reload()) \
            .failure(self._failed).run_in_background()

    def _open_meter(self, meter_id: str) -> None:
        """A manual reading's draft: the meter's reading panel, where the draft fills the manual entry."""
        from fieldkit.services import readings

        go_to = getattr(self.window(), "go_to", None)
        if go_to is None:
            return
        session = self.ctx.session

        def opened(target: readings.Target) -> None:
            page = go_to("readings")
            if hasattr(page, "open_target"):
                page.open_target(target)

        Op(self, lambda: readings.target_for_meter(session, meter_id)).success(opened).failure(self._failed) \
            .run_in_background()
