"""The app shell through pytest-qt: login, live language switch, customers, status bar."""

from __future__ import annotations

from pathlib import Path

from fieldkit.services import customers as customer_service
from fieldkit.services.customers import CustomerInput
from fieldkit.store.keyring import FAST_KDF
from tests.conftest import TEST_PIN
from tests.ui.conftest import add_customers


def _login(qtbot, shell, pin: str = TEST_PIN):
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText(pin)
    form.submit()
    return form


def test_wrong_pin_shows_message_then_right_pin_opens_main_window(qtbot, shell):
    form = _login(qtbot, shell, pin="000000")
    qtbot.waitUntil(form.error.isVisible, timeout=10_000)
    assert "Sai mã PIN" in form.error.text()
    assert shell.main_window is None
    form.pin.setText(TEST_PIN)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    win = shell.main_window
    assert win.isVisible() and not shell.login_window.isVisible()
    assert "Trần Thị Lan" in win.user_label.text()


def test_live_language_switch(qtbot, shell):
    _login(qtbot, shell)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    win = shell.main_window
    assert set(shell.translations.source.split(",")) <= {"qm", "compiled", "ts"}
    assert win.nav.item(1).text() == "Khách hàng"
    assert win.logout_button.text() == "Đăng &xuất"
    win.language_button.click()  # shows "English" while in Vietnamese; LanguageChange is posted
    qtbot.waitUntil(lambda: win.nav.item(1).text() == "Customers", timeout=5_000)
    assert win.pages["customers"].title.text() == "Customers"
    assert win.status.online_label.text().startswith("○ Offline")
    assert shell.config.get("language") == "en"
    assert win.language_button.text() == "Tiếng Việt"
    win.language_button.click()
    qtbot.waitUntil(lambda: win.nav.item(1).text() == "Khách hàng", timeout=5_000)
    assert win.pages["work_orders"].title.text() == "Phiếu công việc"


def test_first_run_creates_user_and_rejects_bad_input(qtbot, qapp, tmp_path: Path):
    from fieldkit.ui.app import Shell

    sh = Shell(qapp, tmp_path / "fresh", language="en", params=FAST_KDF)
    sh.start()
    fr = sh.login_window.first_run
    assert sh.login_window.stack.currentWidget() is fr
    fr.name.setText("Lê Văn Bình")
    fr.pin.setText("1234")
    fr.pin_again.setText("9999")
    fr.submit()
    qtbot.waitUntil(fr.error.isVisible, timeout=10_000)
    assert "at least 6" in fr.error.text() and "do not match" in fr.error.text()
    fr.pin.setText("482916")
    fr.pin_again.setText("482916")
    fr.submit()
    qtbot.waitUntil(lambda: sh.main_window is not None, timeout=10_000)
    assert sh.main_window.session.display_name == "Lê Văn Bình"
    sh.main_window.shutdown()
    sh.main_window.close()
    sh.close_session()
    sh.translations.switch("vi")


def test_customer_list_pages_lazily_and_searches(qtbot, shell, session):
    add_customers(session, 3000)
    _login(qtbot, shell)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    page = shell.main_window.go_to("customers")
    model, table = page.model, page.table
    qtbot.waitUntil(lambda: model.loaded_once and model.total == 3002, timeout=10_000)
    assert model.is_loaded(0) and not model.is_loaded(2900)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.is_loaded(3001), timeout=10_000)  # the last block arrived
    last = model.index(3001, 1).data()
    assert last not in ("…", None)

    def search(text: str, expect: int) -> None:
        page.search.setText(text)
        qtbot.waitUntil(lambda: model.search.text == text and model.total == expect, timeout=10_000)

    search("nguyen van a", 2)  # no diacritics typed; "Nguyễn Văn A" and "Nguyễn Văn Anh"
    names = {model.index(r, 1).data() for r in range(model.total)}
    assert names == {"Nguyễn Văn A", "Nguyễn Văn Anh"}
    assert "2" in page.count.text()
    search("PA23VG", 1)  # customer code prefix
    assert model.index(0, 0).data() == "PA23VG0053140"
    search("0912 345", 1)  # phone prefix, spaces ignored
    assert model.index(0, 1).data() == "Nguyễn Văn A"
    search("+84987", 1)
    assert model.index(0, 0).data() == "PH01HP0000001"


def test_status_bar_shows_waiting_items_after_a_service_change(qtbot, shell, session):
    _login(qtbot, shell)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    status = shell.main_window.status
    qtbot.waitUntil(lambda: status.outbox is not None, timeout=10_000)
    assert status.outbox.waiting == 0
    assert "Ngoại tuyến" in status.online_label.text()
    customer_service.create_customer(shell.session, CustomerInput(code="PA23VG0053141", name="Đỗ Văn Hải"))
    status.refresh()
    qtbot.waitUntil(lambda: "Đang chờ đồng bộ: 1" in status.waiting_label.text(), timeout=10_000)
    sync = shell.main_window.go_to("sync")
    qtbot.waitUntil(lambda: sync.waiting.text() == "1", timeout=10_000)


def test_every_vietnamese_string_is_translated():
    import xml.etree.ElementTree as ET

    from fieldkit.ui.resources import resource_path

    root = ET.parse(resource_path("translations", "fieldkit_vi.ts")).getroot()
    missing = [m.findtext("source") for m in root.iter("message")
               if not (m.find("translation").text or "").strip()
               or m.find("translation").get("type") == "unfinished"]
    assert missing == []


def test_ui_rules_no_sql_in_widgets_and_qt_in_one_place():
    ui = Path(__file__).resolve().parents[2] / "fieldkit" / "ui"
    for path in ui.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for bad in ("execute(", ".query(", "sqlite"):
            assert bad not in text, f"{path.name} contains {bad!r}"
        if path.name != "qt.py":
            assert "import PySide6" not in text and "from PySide6" not in text, f"{path.name} imports Qt directly"
