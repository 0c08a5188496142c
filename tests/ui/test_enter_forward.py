"""Enter goes forward, Esc goes back, on every form the user types into (issue 14, deliverable 5).

Real widgets on a fresh encrypted profile. For each form: Enter in a field moves the keyboard to the
next field, and in the last one does the form's forward action (sign in, create, save, next screen,
open the row); Enter never goes back, never presses a Back / Cancel / Clear button, never saves a
flagged reading; Esc leaves or goes back and what was typed is kept (drafts).

The list of forms is derived from the code: `test_every_form_is_covered` finds every class in
fieldkit/ui that makes an input widget (line edit, drop-down, spin box, date, multi-line text) and
fails for one that is neither in COVERED (with the test that checks it) nor in EXEMPT (with why).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from fieldkit.domain import onboarding as flow
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import WorkOrderKind
from fieldkit.services import drafts, field_facts, readings, work_orders
from fieldkit.store.keyring import FAST_KDF
from fieldkit.ui.app import Shell
from fieldkit.ui.config import Config
from fieldkit.ui.forms.enter_keys import is_field
from fieldkit.ui.main_window import MainWindow  # noqa: F401 - imported here, not inside the first sign-in
from fieldkit.ui.qt import QComboBox, QLineEdit, Qt
from fieldkit.ui.readings.panel import ReadingPanel
from tests.conftest import TEST_PIN
from tests.services.test_readings import capture_result
from tests.ui.test_drafts import _customer
from tests.ui.test_readings_page import PREVIOUS, make_world

ROOT = Path(__file__).resolve().parents[2]
ENTER = Qt.Key.Key_Return
INPUTS = {"QLineEdit", "QComboBox", "QSpinBox", "QDoubleSpinBox", "QDateEdit", "QDateTimeEdit", "QTimeEdit",
          "QPlainTextEdit", "QTextEdit", "QInputDialog"}

# every class of fieldkit/ui that makes an input widget -> the test here that checks Enter and Esc on it
COVERED = {
    "login.LoginForm": "test_login_pin_then_enter_signs_in",
    "login.FirstRunForm": "test_first_run_enter_goes_field_to_field_then_creates",
    "forms.renderer.FieldEditor": "test_install_form_enter_goes_field_to_field_then_saves_esc_keeps_the_draft",
    "onboarding.household.HouseholdScreen": "test_new_household_form_enter_goes_forward_esc_back_keeps_it",
    "onboarding.household.NewSupplyScreen": "test_onboarding_screens_enter_goes_forward_never_back",
    "onboarding.app_payment.AppScreen": "test_onboarding_screens_enter_goes_forward_never_back",
    "onboarding.app_payment.PaymentScreen": "test_onboarding_screens_enter_goes_forward_never_back",
    "onboarding.contract_sheet.ContractScreen": "test_onboarding_screens_enter_goes_forward_never_back",
    "readings.manual_view.ManualView": "test_manual_reading_enter_goes_field_to_field_then_saves",
    "readings.confirm_card.ConfirmCard": "test_reading_panel_enter_never_saves_a_flagged_read",
    "readings.port_picker.PortPicker": "test_reading_panel_enter_never_saves_a_flagged_read",
    "pages.readings_page.ReadingsPage": "test_search_boxes_enter_opens_the_current_row",
    "pages.customers_page.CustomersPage": "test_search_boxes_enter_opens_the_current_row",
    "pages.settings_page.SettingsPage": "test_settings_enter_goes_to_the_next_setting",
    "pages.reports_page.ReportsPage": "test_filters_and_report_period_enter_goes_to_the_next_choice",
    "pages.work_orders_page.WorkOrdersPage": "test_filters_and_report_period_enter_goes_to_the_next_choice",
    "pages.review_page.ReviewPage": "test_filters_and_report_period_enter_goes_to_the_next_choice",
    "pages.sync_page.SyncPage": "test_sync_enrolment_enter_goes_field_to_field_then_enrols",
}
# input widgets that are not a form to type into, or whose Enter is tested elsewhere
EXEMPT = {
    "pages.review_detail.ReviewDetailView": "a read-only view of a meter's raw capture (QPlainTextEdit)",
    "pages.superseded_draft.SupersededDraftDialog": "a read-only view of a superseded draft in a dialog whose "
                                                    "default button (Enter) keeps it; nothing to type",
    "pages.review_conflicts.ConflictBox": "one note field whose Enter resolves the conflict (its returnPressed; "
                                          "EnterForward leaves such a field alone), tests/ui/test_review_conflicts.py",
}


def _forms_in_code() -> set[str]:
    found: set[str] = set()
    for path in sorted((ROOT / "fieldkit" / "ui").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT / "fieldkit" / "ui").with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node.col_offset == 0:
                made = {n.func.id if isinstance(n.func, ast.Name) else n.func.attr for n in ast.walk(node)
                        if isinstance(n, ast.Call) and isinstance(n.func, (ast.Name, ast.Attribute))}
                if made & INPUTS:
                    found.add(f"{module}.{node.name}")
    return found


def test_every_form_is_covered():
    found = _forms_in_code()
    assert len(found) >= 15  # it really read the code
    missing = sorted(found - COVERED.keys() - EXEMPT.keys())
    assert missing == [], f"forms with input widgets and no Enter/Esc test (add one, then list it in COVERED): " \
                          f"{missing}"
    gone = sorted((COVERED.keys() | EXEMPT.keys()) - found)
    assert gone == [], f"listed but no longer in the code: {gone}"
    here = {n.name for n in ast.parse(Path(__file__).read_text(encoding="utf-8")).body
            if isinstance(n, ast.FunctionDef)}
    assert set(COVERED.values()) <= here


# --- helpers --------------------------------------------------------------------------------------------

def focus() -> Any:
    return QApplication.focusWidget()


def enter(qtbot: Any) -> None:
    """Enter where the keyboard is, as a person presses it."""
    w = focus()
    assert w is not None, "nothing has the keyboard"
    qtbot.keyClick(w, ENTER)


def login(qtbot: Any, shell: Any, user: str = "lan", pin: str = TEST_PIN) -> Any:
    form = shell.login_window.login
    form.select_user(user)
    form.pin.setText(pin)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    win = shell.main_window
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    return win


def walk(qtbot: Any, until: Any, limit: int = 60) -> list[Any]:
    """Press Enter until `until()`; the widgets the keyboard went through (each one once: forward)."""
    seen: list[Any] = []
    for _ in range(limit):
        if until():
            return seen
        w = focus()
        assert w is not None
        assert not any(w is s for s in seen), f"Enter came back to {w.objectName() or type(w).__name__}"
        seen.append(w)
        enter(qtbot)
        # The forward action may run in the background (a save's checks): give it time to move the
        # keyboard or finish before calling a focus that stayed put "came back" (flaked under CI load).
        try:
            qtbot.waitUntil(lambda w=w: until() or focus() is not w, timeout=3_000)
        except qtbot.TimeoutError:
            pass
    raise AssertionError(f"Enter never got there; went through {[s.objectName() for s in seen]}")


# --- sign in, first start --------------------------------------------------------------------------------

def test_login_pin_then_enter_signs_in(qtbot, shell):
    form = shell.login_window.login
    shell.login_window.activateWindow()
    qtbot.waitUntil(shell.login_window.isActiveWindow, timeout=5_000)
    form.users.setFocus()
    enter(qtbot)  # Enter in the list of people: on to the PIN
    assert focus() is form.pin
    qtbot.keyClicks(form.pin, TEST_PIN)
    enter(qtbot)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    assert shell.main_window.session.display_name == "Trần Thị Lan"


def test_first_run_enter_goes_field_to_field_then_creates(qtbot, qapp, tmp_path: Path):
    sh = Shell(qapp, tmp_path / "fresh", language="vi", params=FAST_KDF)
    sh.start()
    try:
        fr = sh.login_window.first_run
        sh.login_window.activateWindow()
        qtbot.waitUntil(sh.login_window.isActiveWindow, timeout=5_000)
        fr.name.setFocus()
        qtbot.keyClicks(fr.name, "Le Van Binh")
        enter(qtbot)
        assert focus() is fr.role  # the role, not the Create button
        enter(qtbot)
        assert focus() is fr.pin
        qtbot.keyClicks(fr.pin, "482916")
        enter(qtbot)
        assert focus() is fr.pin_again and sh.main_window is None
        qtbot.keyClicks(fr.pin_again, "482915")  # a typo: refused, everything typed stays
        enter(qtbot)
        qtbot.waitUntil(fr.error.isVisible, timeout=10_000)
        assert fr.name.text() == "Le Van Binh" and fr.pin.text() == "482916"
        fr.pin_again.setText("482916")
        fr.pin_again.setFocus()
        enter(qtbot)
        qtbot.waitUntil(lambda: sh.main_window is not None, timeout=10_000)
        assert sh.main_window.session.display_name == "Le Van Binh"
    finally:
        if sh.main_window is not None:
            sh.main_window.shutdown()
            sh.main_window.close()
        sh.close_session()


# --- the install / replacement form ----------------------------------------------------------------------

def test_install_form_enter_goes_field_to_field_then_saves_esc_keeps_the_draft(qtbot, shell, session):
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.METER_REPLACEMENT,
                                       customer_id=_customer(session).id, due_date=local_today(), number="L-1")
    win = login(qtbot, shell)
    page = win.go_to("work_orders")
    qtbot.waitUntil(lambda: page.loaded and any(r.id == wo.id for r in page.rows), timeout=10_000)
    page.open_order(next(r for r in page.rows if r.id == wo.id))
    qtbot.waitUntil(lambda: page.install_form is not None and page.install_form.start is not None, timeout=10_000)
    form = page.install_form
    first = form.view.editors["representative"].inputs["value"]
    first.setFocus()
    qtbot.keyClicks(first, "Nguyen Van Binh")
    enter(qtbot)
    assert focus() is not first and is_field(focus()) and form.isVisible()
    # on through every field; after the last one Enter saves (the form names what is missing)
    went = walk(qtbot, lambda: form.summary.isVisible())
    assert len(went) >= 10 and all(is_field(w) for w in went)
    assert not any(w is form.back_button for w in went) and page.install_form is form  # never left
    assert first.text() == "Nguyen Van Binh"
    # Enter on Back does nothing; on a signature's Clear neither
    form.back_button.setFocus()
    enter(qtbot)
    assert page.install_form is form and form.isVisible()
    clear = form.view.editors["customer_signature"].clear_button
    assert clear is not None and clear.property("enterPassive")
    # Esc leaves, and what was typed is in the draft
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: (d := drafts.open_install(session, wo.id).draft) is not None
                    and d.data["values"].get("representative") == "Nguyen Van Binh", timeout=10_000)


# --- onboarding ------------------------------------------------------------------------------------------

def _onboarding(qtbot: Any, shell: Any) -> Any:
    win = login(qtbot, shell)
    page = win.go_to("onboarding")
    qtbot.waitUntil(lambda: page.resume_checked, timeout=5_000)
    return page


def at(qtbot: Any, page: Any, step: str) -> None:
    qtbot.waitUntil(lambda: page.current == step and not page.saving, timeout=10_000)


def test_new_household_form_enter_goes_forward_esc_back_keeps_it(qtbot, shell, session):
    page = _onboarding(qtbot, shell)
    hh = page.screens[flow.HOUSEHOLD]
    hh.search.setFocus()
    qtbot.keyClicks(hh.search, "Lo Thi Hoa")
    qtbot.waitUntil(lambda: "Không tìm thấy" in hh.results_label.text(), timeout=5_000)
    hh.show_new()
    assert focus() is hh.is_customer
    hh.not_customer.setChecked(True)
    hh.not_customer.setFocus()
    enter(qtbot)  # from the radio group to the first field, not to the other radio
    assert focus() is hh.name and hh.name.text() == "Lo Thi Hoa"
    enter(qtbot)
    assert focus() is hh.phone and page.current == flow.HOUSEHOLD  # the next field, not the next screen
    qtbot.keyClicks(hh.phone, "0977123456")
    enter(qtbot)
    assert focus() is hh.national_id
    # Esc goes back to the search; the form keeps what was typed, and so does its draft
    qtbot.keyClick(hh.national_id, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: hh.modes.currentWidget() is hh.find_mode, timeout=2_000)
    qtbot.waitUntil(lambda: (d := drafts.new_household_draft(session)) is not None
                    and "0977123456" in str(d.data), timeout=10_000)
    hh.show_new()
    assert hh.phone.text() == "0977123456" and hh.name.text() == "Lo Thi Hoa"
    hh.commune.setCurrentIndex(max(0, hh.commune.findText("Xã Gia Viễn")))
    hh.street.setText("Thon Dong")
    hh.street.setFocus()
    enter(qtbot)  # the last field: on to the next screen
    at(qtbot, page, flow.NEW_SUPPLY)


def test_onboarding_screens_enter_goes_forward_never_back(qtbot, shell, session):
    customer = _customer(session)
    page = _onboarding(qtbot, shell)
    hh = page.screens[flow.HOUSEHOLD]
    hh.search.setFocus()
    qtbot.keyClicks(hh.search, customer.code)
    qtbot.waitUntil(lambda: hh.results.count() == 1, timeout=5_000)
    enter(qtbot)  # the search: Enter takes the household found and goes on
    at(qtbot, page, flow.APP_INSTALL)
    visited = [flow.APP_INSTALL]
    # after Next the keyboard is on the new screen, never on Back; Enter goes on, screen by screen
    for _ in range(12):
        assert focus() is not page.back_button, f"focus on Back on {page.current}"
        assert focus() is not None and (page.isAncestorOf(focus()))
        if page.current == flow.APP:
            page.screens[flow.APP].no.setChecked(True)
        if page.current == flow.PAYMENT:
            pay = page.screens[flow.PAYMENT]
            pay.radios["e_wallet"].setChecked(True)
            pay.radios["e_wallet"].setFocus()
            enter(qtbot)  # from the method to the wallet drop-down, not the next screen yet
            assert focus() is pay.provider and page.current == flow.PAYMENT
            pay.provider.setCurrentIndex(pay.provider.findText("MoMo"))
        if page.current == flow.BILL:  # the bill and its QR load in the background first
            qtbot.waitUntil(lambda: page.screens[flow.BILL].loaded is not None, timeout=10_000)
        if page.current == flow.CONTRACT:
            break
        before = page.current
        went = walk(qtbot, lambda before=before: page.current != before or page.saving, limit=20)
        assert not any(w is page.back_button for w in went)
        qtbot.waitUntil(lambda: not page.saving, timeout=10_000)
        assert page.error.isHidden(), page.error.text()
        assert flow.previous_step(page.current, page.flow.answers) == before or page.current not in visited
        visited.append(page.current)
    assert page.current == flow.CONTRACT and visited[:2] == [flow.APP_INSTALL, flow.APP]
    contract = page.screens[flow.CONTRACT]
    assert contract.clear_button.property("enterPassive")
    # Enter on Back does nothing; Esc goes back
    page.back_button.setFocus()
    enter(qtbot)
    assert page.current == flow.CONTRACT
    qtbot.keyClick(page.back_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.current != flow.CONTRACT, timeout=2_000)
    assert page.current == flow.previous_step(flow.CONTRACT, page.flow.answers)


# --- readings --------------------------------------------------------------------------------------------

def _panel(qtbot: Any, session: Any, tmp_path: Path, serial: str) -> tuple[Any, Any]:
    _c, meter, wo = make_world(session, serial=serial)
    config = Config(tmp_path / "config")
    config.set("probe_port", "/dev/null-probe")  # no discovery in the test
    panel = ReadingPanel(session, config, readings.target_for_work_order(session, wo.id))
    qtbot.addWidget(panel)
    panel.resize(1366, 1400)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=5_000)
    return panel, meter


def test_reading_panel_enter_never_saves_a_flagged_read(qtbot, session, tmp_path, monkeypatch):
    monkeypatch.delenv("FIELDKIT_PROBE_PORT", raising=False)
    panel, meter = _panel(qtbot, session, tmp_path, serial="21060137")  # the probe reads another meter
    count = len(PREVIOUS)
    panel.port.setFocus()
    enter(qtbot)  # the port drop-down: nothing to go to, nothing happens
    assert panel.state == "idle"
    panel._on_finished(capture_result())
    assert panel.flagged() and focus() is not panel.save_button
    enter(qtbot)  # on "Read again": a new read starts (or fails at once on this fake port); never a save
    qtbot.wait(300)
    assert panel.state not in ("saved", "manual_saved")
    assert len(field_facts.readings_of_meter(session, meter.id)) == count
    if panel.state == "reading":
        panel.cancel_read()
        qtbot.waitUntil(lambda: panel.state != "reading", timeout=5_000)
    panel._on_finished(capture_result())
    assert focus() is panel.read_button
    # Save asks why; Enter on "Do not save" does not save, Enter in the reason saves with it
    panel.save()
    assert panel.confirming and focus() is panel.confirm_reason
    panel.confirm_back.setFocus()
    enter(qtbot)
    assert panel.confirming and len(field_facts.readings_of_meter(session, meter.id)) == count
    panel.confirm_reason.setFocus()
    enter(qtbot)  # no reason yet: refused, asked again
    assert panel.confirm_error.isVisible() and panel.confirming
    qtbot.keyClicks(panel.confirm_reason, "da thay cong to")
    enter(qtbot)
    qtbot.waitUntil(lambda: panel.state == "saved", timeout=10_000)
    saved = field_facts.readings_of_meter(session, meter.id, limit=1)[0]
    assert saved.manual_reason == "da thay cong to [serial_mismatch]"


def test_reading_panel_enter_saves_a_clean_read_and_esc_leaves(qtbot, session, tmp_path, monkeypatch):
    monkeypatch.delenv("FIELDKIT_PROBE_PORT", raising=False)
    panel, meter = _panel(qtbot, session, tmp_path, serial="19072245")
    closed: list[bool] = []
    panel.closed.connect(lambda: closed.append(True))
    panel._on_finished(capture_result())
    assert not panel.flagged() and focus() is panel.save_button
    enter(qtbot)
    qtbot.waitUntil(lambda: panel.state == "saved", timeout=10_000)
    assert len(field_facts.readings_of_meter(session, meter.id)) == len(PREVIOUS) + 1
    panel.back_button.setFocus()
    enter(qtbot)  # Enter on Back: nothing
    assert closed == []
    qtbot.keyClick(panel.back_button, Qt.Key.Key_Escape)
    assert closed == [True]


def test_manual_reading_enter_goes_field_to_field_then_saves(qtbot, session, tmp_path, monkeypatch):
    monkeypatch.delenv("FIELDKIT_PROBE_PORT", raising=False)
    panel, meter = _panel(qtbot, session, tmp_path, serial="19072245")
    panel.show_manual()
    first = panel.manual_edits["1.8.0"]
    assert focus() is first
    qtbot.keyClicks(first, "61500")
    went = walk(qtbot, lambda: panel.manual_error.isVisible(), limit=15)
    assert went[0] is first and any(w is panel.reason for w in went) and any(w is panel.reason_note for w in went)
    assert "ảnh" in panel.manual_error.text().lower() or "photo" in panel.manual_error.text().lower()
    assert panel.state == "manual" and first.text() == "61500"  # nothing lost, nothing saved
    assert len(field_facts.readings_of_meter(session, meter.id)) == len(PREVIOUS)
    photo = tmp_path / "meter.png"
    from PIL import Image

    Image.new("RGB", (64, 48), "#336699").save(photo)
    assert panel.photos.add_file(photo)
    panel.reason_note.setFocus()
    enter(qtbot)
    qtbot.waitUntil(lambda: panel.state == "manual_saved", timeout=10_000)


# --- search boxes ----------------------------------------------------------------------------------------

def test_search_boxes_enter_opens_the_current_row(qtbot, shell, session, tmp_path, monkeypatch):
    monkeypatch.delenv("FIELDKIT_PROBE_PORT", raising=False)
    _c, _m, wo = make_world(session, serial="19072245")
    win = login(qtbot, shell)
    page = win.go_to("readings")
    qtbot.waitUntil(lambda: page.list.count() >= 1, timeout=10_000)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "R-2611")
    qtbot.waitUntil(lambda: page.list.count() == 1 and page.list.currentRow() == 0, timeout=10_000)
    enter(qtbot)
    qtbot.waitUntil(lambda: page.panel is not None and page.stack.currentWidget() is page.panel, timeout=10_000)
    assert page.panel.target.work_order.id == wo.id
    # (opening the panel leaves the main window inactive under the offscreen platform: activated again)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    assert focus() is page.panel.read_button  # Enter reads; never on Back
    qtbot.keyClick(focus(), Qt.Key.Key_Escape)  # back to the list, the search kept
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.LIST, timeout=5_000)
    assert page.search.text() == "R-2611"
    # customers: Enter in the search goes to the first row, Enter there opens the customer
    cust = win.go_to("customers")
    cust.search.setFocus()
    qtbot.keyClicks(cust.search, "PA23VG0053140")
    qtbot.waitUntil(lambda: cust.model.rowCount() == 1, timeout=10_000)
    qtbot.wait(200)
    enter(qtbot)
    qtbot.waitUntil(lambda: focus() is cust.table, timeout=5_000)
    enter(qtbot)
    qtbot.waitUntil(lambda: cust.detail.isVisible(), timeout=10_000)


# --- settings, filters, report period, sync ----------------------------------------------------------------

def test_settings_enter_goes_to_the_next_setting(qtbot, shell):
    win = login(qtbot, shell)
    page = win.go_to("settings")
    editors = [e for e in page.editors.values() if is_field(e)]
    assert len(editors) >= 3
    editors[0].setFocus()
    went = walk(qtbot, lambda: focus() is editors[-1], limit=len(page.editors) + 2)
    assert [w for w in went if w in editors] == editors[:-1]
    assert win.current_page() is page
    port = page.editors["probe_port"]
    assert isinstance(port, QLineEdit)
    port.setFocus()
    port.selectAll()
    qtbot.keyClicks(port, "/dev/ttyUSB7")
    enter(qtbot)  # Enter saves the setting as it moves on
    assert shell.config.get("probe_port") == "/dev/ttyUSB7" and focus() is not port and is_field(focus())


def test_filters_and_report_period_enter_goes_to_the_next_choice(qtbot, supervisor, shell):
    win = login(qtbot, shell, "hung", "135790")
    def reports() -> Any:
        review = win.go_to("review")
        review.tabs.setCurrentWidget(review.reports)
        return review.reports

    def review_list() -> Any:
        review = win.go_to("review")
        review.tabs.setCurrentIndex(0)
        return review

    for show, first, second in ((reports, "period_combo", "commune_combo"),
                                (lambda: win.go_to("work_orders"), "commune", "kind"),
                                (review_list, "status_combo", "tech_combo")):
        page = show()
        qtbot.wait(100)
        a, b = getattr(page, first), getattr(page, second)
        assert isinstance(a, QComboBox) and isinstance(b, QComboBox)
        a.setFocus()
        index = a.currentIndex()
        enter(qtbot)
        assert focus() is b, (first, focus())
        assert a.currentIndex() == index
        qtbot.keyClick(b, Qt.Key.Key_Escape)
        assert b.isVisible()


def test_sync_enrolment_enter_goes_field_to_field_then_enrols(qtbot, shell):
    win = login(qtbot, shell)
    page = win.go_to("sync")
    page.url_edit.setFocus()
    page.url_edit.clear()
    qtbot.keyClicks(page.url_edit, "http://127.0.0.1:9")
    enter(qtbot)
    assert focus() is page.code_edit
    enter(qtbot)
    assert focus() is page.user_code_edit
    enter(qtbot)  # the last field: enrol (no code typed: it says so, nothing is lost)
    qtbot.waitUntil(lambda: page.error_label.text() != "", timeout=10_000)
    assert page.url_edit.text() == "http://127.0.0.1:9"
