"""Household onboarding: one calm step per screen, Back and Next always in the same place.

Navigation is data (`fieldkit.domain.onboarding`): the page asks it which step comes next,
which comes before, and where to resume. Each step is saved (through
`fieldkit.services.onboarding`, in the background) when the trainer presses Next; when
the page opens it reopens the trainer's most recent unfinished household at the step
where they stopped, with the earlier answers filled in.

Keyboard: Alt + the underlined letter of Back / Next (also Ctrl+Enter for Next), Tab
between fields, arrows in lists and radio groups; Enter goes to the next field and after the
last one to the next screen (never back: focus after Next is on the new screen's first field, or
on Next when it has none); Esc goes back, keeping what was typed.
"""

from __future__ import annotations

from typing import Any

from fieldkit.domain import onboarding as flow
from fieldkit.domain.problems import ValidationError
from fieldkit.services import drafts
from fieldkit.services import onboarding as ob
from fieldkit.services.onboarding import Flow
from fieldkit.ui.forms.autosave import DraftSaver
from fieldkit.ui.forms.enter_keys import EnterForward
from fieldkit.ui.labels import problem_text
from fieldkit.ui.onboarding.screen_drafts import restore_screen, screen_draft, watch
from fieldkit.ui.onboarding.screens import SCREENS, HouseholdScreen, Screen, step_title
from fieldkit.ui.ops import Op
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.qt import (
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSize,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.style import MUTED, PANEL, PAPER, PRIMARY, PRIMARY_DARK

# Bigger type than the rest of the app: households are often elderly; one thing per screen.
PAGE_STYLE = f"""
QWidget {{ font-size: 15pt; }}
QLabel#PageTitle {{ font-size: 16pt; }}
QLabel#StepTitle {{ font-size: 22pt; font-weight: bold; color: {PRIMARY_DARK}; }}
QLabel#StepCount {{ font-size: 14pt; color: {MUTED}; font-weight: bold; }}
QLabel#Household {{ font-size: 14pt; color: {PRIMARY_DARK}; }}
QLabel#Question {{ font-size: 17pt; }}
QLabel#Answer {{ font-size: 16pt; }}
QLabel#Big {{ font-size: 22pt; font-weight: bold; color: {PRIMARY_DARK}; }}
QLabel#Caption {{ font-size: 14pt; font-weight: bold; }}
QLabel#ContractSummary {{ font-size: 14pt; }}
QLabel#Banner {{ background: {PANEL}; border-left: 6px solid {PRIMARY}; padding: 8px 12px; }}
QFrame#NavBar {{ border-top: 2px solid #c5ced8; }}
QScrollArea, QWidget#ScreenHolder {{ background: {PAPER}; border: none; }}
QPushButton#StartOther {{ min-height: 40px; font-size: 13pt; }}
QRadioButton, QCheckBox {{ min-height: 40px; spacing: 14px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: 28px; height: 28px; }}
QPushButton#Back, QPushButton#Next {{ min-width: 200px; min-height: 60px; font-size: 17pt; }}
QSpinBox {{ min-height: 48px; min-width: 120px; }}
"""


class StepStack(QStackedWidget):
    """The screens, each in its own scroll area. Its size hint is small: the main window's page scroll
    area sizes a page from its preferred height for the width, so a tall screen (or a long message
    below it) made the whole page taller than the window and scrolled the Back / Next bar out of
    view; with this hint the screen scrolls inside the page and the bar stays at the bottom."""

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSizeHint().expandedTo(QSize(0, 96))


class OnboardingPage(Page):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setStyleSheet(PAGE_STYLE)
        self.flow: Flow | None = None
        self.current = flow.HOUSEHOLD
        self.saving = False
        self.resumed = False
        self.opened_once = False
        self.resume_checked = False  # the look for an unfinished household has answered
        self.touched = False  # the trainer already moved: a late resume must not take over
        # drafts: each screen's unsaved answers, saved as they are typed (services.drafts)
        self.drafts: dict[str, dict[str, Any]] = {}  # step -> draft data of the household shown
        self.loading = False  # a screen is being filled by code: not a change to save
        self.saver = DraftSaver(self, self._draft, self._save_draft)
        self.saver.start()

        self.title = QLabel(objectName="PageTitle")
        self.other_button = QPushButton(objectName="StartOther")
        self.household = QLabel(objectName="Household")
        self.step_count = QLabel(objectName="StepCount")
        self.step_title = QLabel(objectName="StepTitle")
        self.step_title.setWordWrap(True)
        self.banner = QLabel(objectName="Banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.error = QLabel(objectName="Error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("font-size: 13pt;")
        self.error.hide()

        self.stack = StepStack()
        self.screens: dict[str, Screen] = {}
        self.scrolls: dict[str, QScrollArea] = {}
        for cls in SCREENS:
            screen = cls(self)
            self.screens[screen.step_id] = screen
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(screen)
            scroll.viewport().setObjectName("ScreenHolder")
            screen.setAutoFillBackground(False)  # setWidget() turned it on: keep the page's white
            self.scrolls[screen.step_id] = scroll
            self.stack.addWidget(scroll)
            watch(screen, self._screen_changed)
        self.household_screen().new_button.clicked.connect(self._new_household_shown)

        self.back_button = QPushButton(objectName="Back")
        self.next_button = QPushButton(objectName="Next")
        self.next_button.setStyleSheet(f"background: {PRIMARY}; color: white;")
        nav = QFrame(objectName="NavBar")
        n = QHBoxLayout(nav)
        n.setContentsMargins(0, 8, 0, 0)
        n.addWidget(self.back_button)
        n.addSpacing(12)
        n.addWidget(self.error, 1)  # the message sits between Back and Next, where the eye is
        n.addSpacing(12)
        n.addWidget(self.next_button)

        top = QHBoxLayout()
        top.addWidget(self.step_count)
        top.addSpacing(16)
        top.addWidget(self.household, 1)
        top.addWidget(self.other_button)
        self.title.hide()  # the navigation already names the page; kept for the window's accessibility
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 6, 32, 6)
        lay.setSpacing(8)
        lay.addLayout(top)
        lay.addWidget(self.step_title)
        lay.addWidget(self.banner)
        lay.addWidget(self.stack, 1)
        lay.addWidget(nav)

        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.other_button.clicked.connect(self.start_other)
        # Enter goes forward: to the next field of the screen, after the last one Next; never Back
        EnterForward(self, self.go_next, passive=[self.back_button])
        QShortcut(QKeySequence("Escape"), self, activated=self.go_back,  # what was typed stays (drafts)
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.go_next,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()
        self._show(flow.HOUSEHOLD, focus=False)

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Customer onboarding"))
        self.other_button.setText(self.tr("Another household"))
        self.back_button.setText(self.tr("&Back"))
        self._header()

    def _header(self) -> None:
        answers = self.flow.answers if self.flow else {}
        number, total = flow.position(self.current, answers)
        if self.current == flow.DONE:
            self.step_count.setText("✓")
        elif self.flow is None:
            self.step_count.setText(self.tr("Step 1"))
        else:
            self.step_count.setText(self.tr("Step %1 of %2").replace("%1", str(max(number, 1)))
                                    .replace("%2", str(total)))
        self.step_title.setText(step_title(self.current))
        if self.flow is not None:
            c = self.flow.customer
            code = c.code + (" " + self.tr("(provisional code)") if ob.is_provisional(c.code) else "")
            self.household.setText(f"{c.name} · {code}")
        else:
            self.household.setText("")
        self.other_button.setVisible(self.flow is not None and self.current != flow.DONE)
        inside = self.current == flow.HOUSEHOLD and self.household_screen().has_back_inside()
        self.back_button.setEnabled(not self.saving and self.current != flow.DONE
                                    and (inside or flow.previous_step(self.current, answers) is not None))
        self.next_button.setEnabled(not self.saving)
        custom = self.screens[self.current].next_text()
        self.next_button.setText(self.tr("Saving…") if self.saving else (custom or self.tr("&Next")))

    # --- opening / resuming -----------------------------------------------------------------
    def on_shown(self) -> None:
        if self.opened_once:
            return
        self.opened_once = True
        session = self.ctx.session

        def latest() -> tuple[Flow | None, list[drafts.Draft]]:
            items = ob.unfinished(session, limit=1)
            if not items:  # maybe a household being registered when the app stopped
                new = drafts.new_household_draft(session)
                return None, [new] if new else []
            return ob.load_flow(session, items[0].customer_id), drafts.onboarding_drafts(session, items[0].customer_id)

        Op(self, latest).success(self._resume).failure(self.show_problem).run_in_background()

    def _resume(self, found: tuple[Flow | None, list[drafts.Draft]]) -> None:
        f, kept = found
        self.resume_checked = True
        if f is None and kept and self.flow is None and not self.touched:
            self._new_household_loaded(kept[0])
            return
        if f is None or self.flow is not None or self.touched:
            return
        self.flow = f
        self.resumed = True
        self.banner.setText(self.tr("Continuing where you stopped with %1 (%2). Earlier answers are kept.")
                            .replace("%1", f.customer.name).replace("%2", f.customer.code))
        self.banner.show()
        self._show(self._take_drafts(f, kept))

    def open_household(self, customer_id: str) -> None:
        """Open one household where it stands (the Today page's drafts and waiting items)."""
        self.touched = True
        self.saver.flush_pending()
        session = self.ctx.session

        def load() -> tuple[Flow | None, list[drafts.Draft]]:
            return ob.load_flow(session, customer_id), drafts.onboarding_drafts(session, customer_id)

        Op(self, load).success(self._opened).failure(self.show_problem).run_in_background()

    def _opened(self, found: tuple[Flow | None, list[drafts.Draft]], comment: str = "") -> None:
        f, kept = found
        if f is None:
            return
        self.opened_once = True
        self.flow = f
        self.banner.hide()
        step = self._take_drafts(f, kept)
        if comment:  # returned: every answer is kept; open at the first screen after the household
            self.banner.setText(self.tr("Returned by the supervisor: %1").replace("%1", comment) + "\n"
                                + self.tr("Every answer is kept: change what the comment asks, then go on to "
                                          "Finish to send it again."))
            self.banner.show()
            if step == flow.DONE:
                step = next((s for s in f.path if s not in (flow.HOUSEHOLD, flow.DONE)), step)
        self._show(step)

    def open_work_order(self, wo_id: str) -> None:
        """An onboarding (or new-supply) work order, e.g. returned: its household, pre-filled, with the reason."""
        from fieldkit.services import work_orders

        self.touched = True
        self.saver.flush_pending()
        session = self.ctx.session

        def load() -> tuple[tuple[Flow | None, list[drafts.Draft]], str]:
            wo = work_orders.get_work_order(session, wo_id)
            if wo is None or not wo.customer_id:
                return (None, []), ""
            context = work_orders.returned(session, wo_id)
            return ((ob.load_flow(session, wo.customer_id), drafts.onboarding_drafts(session, wo.customer_id)),
                    context.comment if context else "")

        Op(self, load).success(lambda got: self._opened(*got)).failure(self.show_problem).run_in_background()

    # --- drafts -----------------------------------------------------------------------------
    def _take_drafts(self, f: Flow, kept: list[drafts.Draft]) -> str:
        """Keep the household's unsaved screens; the step to show (the newest draft's, when on the path)."""
        self.drafts = {d.step: d.data for d in kept if d.step in f.path}
        newest = next((d.step for d in kept if d.step in self.drafts), None)
        if newest is not None:
            note = self.tr("Unsaved answers of this screen were kept and are filled in again.")
            text = self.banner.text() if self.banner.isVisibleTo(self) else ""
            self.banner.setText(f"{text}\n{note}" if text else note)
            self.banner.show()
        return newest or f.step

    def _drafts_loaded(self, loaded: tuple[str, list[drafts.Draft]]) -> None:
        customer_id, kept = loaded
        if self.flow is None or self.flow.customer.id != customer_id or self.saving:
            return
        step = self._take_drafts(self.flow, kept)
        if step != self.current or self.current in self.drafts:
            self._show(step)

    def _screen_changed(self) -> None:
        if not self.loading and (self.flow is not None or self.current == flow.HOUSEHOLD):
            self.saver.schedule()

    def _new_household_shown(self) -> None:
        """"Add a new household": the one being registered when the app stopped comes back."""
        session = self.ctx.session
        Op(self, lambda: drafts.new_household_draft(session)).success(self._new_household_loaded) \
            .failure(self.show_problem).run_in_background()

    def _new_household_loaded(self, draft: drafts.Draft | None) -> None:
        hh = self.household_screen()
        if draft is None or self.flow is not None or self.current != flow.HOUSEHOLD:
            return
        if any(w.text() for w in (hh.name, hh.phone, hh.national_id, hh.street)):
            return  # the trainer is already typing another one
        if hh.modes.currentWidget() is not hh.new_mode:
            hh.show_new()
        self.loading = True
        try:
            restore_screen(hh, draft.data)
        finally:
            self.loading = False
        self.banner.setText(self.tr("Unsaved answers of this screen were kept and are filled in again."))
        self.banner.show()

    def _draft(self) -> tuple[str, str, dict[str, Any], str | None] | None:
        f, step = self.flow, self.current
        if self.saving or step not in self.screens:
            return None
        if f is None:  # the new-household form, before the household exists
            data = screen_draft(self.screens[step]) if step == flow.HOUSEHOLD else None
            return ("", step, data, None) if data is not None else None
        data = screen_draft(self.screens[step])
        if data is None:
            return None
        self.drafts[step] = data
        record = f.records.get(step)
        return f.customer.id, step, data, record.id if record else None

    def _save_draft(self, state: tuple[str, str, dict[str, Any], str | None]) -> bool:  # in the background
        customer_id, step, data, base = state
        if not customer_id:
            return drafts.save_new_household(self.ctx.session, data)
        return drafts.save_onboarding(self.ctx.session, customer_id, step, data, base)

    def start_other(self) -> None:
        """Leave this household (everything done so far is saved) and find another."""
        self.touched = True
        self.saver.flush_pending()
        self.flow = None
        self.drafts = {}
        self.banner.hide()
        self._show(flow.HOUSEHOLD)

    def flow_updated(self, f: Flow) -> None:
        self.flow = f
        self._header()

    # --- navigation -------------------------------------------------------------------------
    def _show(self, step: str, focus: bool = True) -> None:
        if step != self.current:
            self.saver.flush_pending()  # the screen being left keeps its unsaved answers
        self.current = step
        screen = self.screens[step]
        self.stack.setCurrentWidget(self.scrolls[step])
        self.error.hide()
        self.loading = True
        try:
            screen.load(self.flow)
            if self.flow is not None and step in self.drafts:
                restore_screen(screen, self.drafts[step])
        finally:
            self.loading = False
        self._header()
        if focus:
            screen.focus_first()

    def go_next(self) -> None:
        if self.saving:
            return
        if self.current == flow.DONE:  # Next on the last screen starts another household
            self.start_other()
            return
        screen = self.screens[self.current]
        self.touched = True
        try:
            job = screen.save(self.flow)
        except ValidationError as exc:
            self.show_problem(exc)
            return
        if job is None:
            self._advance(self.flow)
            return
        self.saver.timer.stop()  # the step's record replaces its draft (same transaction)
        hh = self.household_screen()
        self.registering = self.current == flow.HOUSEHOLD and hh.modes.currentWidget() is hh.new_mode
        self.saving = True
        self._header()
        Op(self, job).success(self._saved).failure(self._save_failed).run_in_background()

    def _saved(self, f: Flow) -> None:
        self.saving = False
        self._advance(f)

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self._header()
        self.show_problem(exc)

    def _advance(self, f: Flow | None) -> None:
        if f is None:
            return
        came_from = self.current
        self.flow = f
        self.drafts.pop(came_from, None)
        if came_from != flow.HOUSEHOLD:
            self.banner.hide()
        else:  # a household chosen again: its unsaved screens come back
            session, cid = self.ctx.session, f.customer.id
            if getattr(self, "registering", False):  # an autosave that ran late must not bring it back
                self.registering = False
                Op(self, lambda: drafts.discard(session, drafts.ONBOARDING, f"new:{session.user_id}")) \
                    .failure(lambda _e: None).run_in_background()
            Op(self, lambda: (cid, drafts.onboarding_drafts(session, cid))).success(self._drafts_loaded) \
                .failure(self.show_problem).run_in_background()
        # After choosing the household, go where its onboarding stands (resume); else the next step.
        nxt = f.step if came_from == flow.HOUSEHOLD else flow.next_step(came_from, f.answers)
        self.ctx.refresh_status()
        self._show(nxt)

    def household_screen(self) -> HouseholdScreen:
        screen = self.screens[flow.HOUSEHOLD]
        assert isinstance(screen, HouseholdScreen)
        return screen

    def refresh_header(self) -> None:
        if hasattr(self, "screens") and self.current in self.screens:
            self._header()

    def go_back(self) -> None:
        if self.saving:
            return
        if self.current == flow.HOUSEHOLD and self.household_screen().has_back_inside():
            # save the new-household form's last keystrokes now: once back on the search its draft
            # reads as nothing (the autosave due 500 ms later dropped them)
            self.saver.flush_pending()
            self.household_screen().back_inside()
            return
        prev = flow.previous_step(self.current, self.flow.answers if self.flow else {})
        if prev is not None:
            self._show(prev)

    def show_problem(self, exc: BaseException) -> None:
        self.error.setText(problem_text(exc))
        self.error.show()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        self.saver.flush_pending()  # another page or sign-out: the last keystrokes are saved now
        super().hideEvent(event)

    def shutdown(self) -> None:
        self.saver.flush_pending()
        timer: Any = getattr(self.screens[flow.HOUSEHOLD], "timer", None)
        if timer is not None:
            timer.stop()
