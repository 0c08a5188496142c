"""Issue 14: a newcomer's first read in the demo is clean, and reading today's first work order
takes few actions. The demo profile (`build_demo_profile`, the one `fieldkit demo` makes) and the
REAL simulator `fieldkit demo` starts (three-phase-tou on a pty), through the real main window.

Actions counted from the Readings page's list to "saved": keyboard Enter (opens the order and
reads it, the probe port being known) + Ctrl+S = 2; mouse: a double click + a click on Save = 2.
From the first screen after login one more (the "Readings" entry of the navigation, or Ctrl+4,
which puts the keyboard on the list): 3 either way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import ReadingSource
from fieldkit.services import field_facts
from fieldkit.store import demo
from fieldkit.store.keyring import FAST_KDF
from tests.ui.test_readings_page import FAST_WIRE, simulator  # noqa: F401  (the pty simulator fixture)


@pytest.fixture
def demo_shell(qapp, tmp_path: Path) -> Iterator[object]:
    import fieldkit.ui.main_window  # noqa: F401  (imported at sign-in since the fast start: not this test's stall)
    from fieldkit.ui.app import Shell

    demo.build_demo_profile(tmp_path / "demo", customers=40, params=FAST_KDF)
    gc.collect()  # building the profile leaves garbage; its collection is no stall of the UI
    sh = Shell(qapp, tmp_path / "demo", language="vi", params=FAST_KDF)
    sh.start()
    yield sh
    if sh.main_window is not None:
        sh.main_window.shutdown()
        sh.main_window.close()
    sh.login_window.close()
    sh.close_session()


def _readings_page(qtbot, shell, port: str):
    shell.config.set("probe_port", port)
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText("246810")
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    win = shell.main_window
    page = win.go_to("readings")  # action 0 of the count: the navigation (one click or Ctrl+N)
    qtbot.waitUntil(lambda: len(page.choices) > 0, timeout=10_000)
    first = page.choices[0]
    # today's first reading work order is the simulated meter's
    assert first.kind == "work_order" and first.due_date == local_today() and first.serial == demo.DEMO_METER_SERIAL
    assert page.list.currentRow() == 0
    return win, page


def _clean_result(qtbot, page) -> object:
    qtbot.waitUntil(lambda: page.panel is not None and page.panel.state in ("result", "failed"), timeout=60_000)
    panel = page.panel
    assert panel.state == "result", panel.error_label.text()
    a = panel.assessment
    # the demo's first read: the right meter, no warning, normal consumption, a bill
    assert a.findings == [] and a.serial == demo.DEMO_METER_SERIAL, [f.en for f in a.findings]
    assert a.consumption is not None and 0 < a.consumption < 5000 and a.bill is not None
    assert "⚠" not in panel.summary.text() and "Tiền điện ước tính" in panel.bill.text()
    assert panel.save_button.isEnabled() and panel.focusWidget() is panel.save_button
    return panel


def _saved_reading(shell, panel):
    found = field_facts.readings_of_meter(shell.session, panel.target.meter.id)
    newest = max(found, key=lambda r: r.taken_at)
    assert newest.source is ReadingSource.OPTICAL and newest.work_order_id == panel.target.work_order.id
    assert newest.capture_sha256 and newest.manual_reason == ""
    return newest


def test_first_read_with_the_keyboard_two_actions(qtbot, demo_shell, simulator):  # noqa: F811
    win, page = _readings_page(qtbot, demo_shell, simulator("--profile", "three-phase-tou", *FAST_WIRE))
    actions = 0
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Return)  # 1: open today's first order (the read starts)
    actions += 1
    panel = _clean_result(qtbot, page)
    panel.window().activateWindow()  # the offscreen platform: shortcuts need the active window
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    qtbot.keyClick(panel.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # 2: save
    actions += 1
    qtbot.waitUntil(lambda: panel.state == "saved" or panel.saved_label.isVisible(), timeout=10_000)
    assert panel.state == "saved", panel.saved_label.text()
    _saved_reading(demo_shell, panel)
    assert actions == 2  # + the navigation to Readings: 3 from the first screen (was 7)


def test_first_read_with_the_mouse_two_actions(qtbot, demo_shell, simulator):  # noqa: F811
    win, page = _readings_page(qtbot, demo_shell, simulator("--profile", "three-phase-tou", *FAST_WIRE))
    opened: list[object] = []
    page.stack.currentChanged.connect(lambda _i: opened.append(page.panel))
    actions = 0
    rect = page.list.visualItemRect(page.list.item(0))
    # 1: a double click (as the window system sends it: press, release, double click) opens and reads
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    actions += 1
    panel = _clean_result(qtbot, page)
    assert len({id(p) for p in opened if p is not None}) == 1  # the double click opened the order once
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)  # 2: save
    actions += 1
    qtbot.waitUntil(lambda: panel.state == "saved", timeout=10_000)
    _saved_reading(demo_shell, panel)
    assert actions == 2  # + the click on "Readings": 3 from the first screen (was 4)


def test_from_the_first_screen_three_keys(qtbot, demo_shell, simulator):  # noqa: F811
    """Ctrl+4 (Readings: the keyboard lands on the list, today's first order current), Enter (opens
    and reads it), Ctrl+S (saves): 3 keys from the first screen after login."""
    from PySide6.QtWidgets import QApplication

    from fieldkit.ui.main_window import PAGES

    demo_shell.config.set("probe_port", simulator("--profile", "three-phase-tou", *FAST_WIRE))
    form = demo_shell.login_window.login
    form.select_user("lan")
    form.pin.setText("246810")
    form.submit()
    qtbot.waitUntil(lambda: demo_shell.main_window is not None, timeout=10_000)
    win = demo_shell.main_window
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    assert win.current_page() is win.pages["work_orders"]  # the first screen
    row = next(i for i, spec in enumerate(PAGES) if spec.id == "readings")
    qtbot.keyClick(win, getattr(Qt.Key, f"Key_{row + 1}"), Qt.KeyboardModifier.ControlModifier)  # 1
    page = win.pages["readings"]
    assert win.current_page() is page and QApplication.focusWidget() is page.list
    qtbot.waitUntil(lambda: len(page.choices) > 0 and page.list.currentRow() == 0, timeout=10_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # 2: open today's first order, read
    panel = _clean_result(qtbot, page)
    panel.window().activateWindow()  # the offscreen platform: shortcuts need the active window
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # 3: save
    qtbot.waitUntil(lambda: panel.state == "saved", timeout=10_000)
    _saved_reading(demo_shell, panel)
