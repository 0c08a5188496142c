"""The app, half-filling two forms, waiting to be killed (run by test_drafts_crash.py).

    python tests/ui/draft_crash_app.py PROFILE WORK_ORDER_ID PHOTO_PATH

Signs in as lan, opens the work order's install form, types into two fields, adds a photo and
draws the customer's signature; opens the onboarding page (it resumes the household at the
contract), ticks "read", types the signer and draws the signature. When both autosaves have
committed it prints READY and keeps the event loop running until the test sends SIGKILL.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from fieldkit.domain import onboarding as flow  # noqa: E402
from fieldkit.store.keyring import FAST_KDF  # noqa: E402
from fieldkit.ui.app import Shell  # noqa: E402

LEFT = Qt.MouseButton.LeftButton


def wait_until(app: QApplication, cond: Callable[[], Any], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise SystemExit(f"timed out waiting for {cond}")
        app.processEvents()
        time.sleep(0.01)


def sign(app: QApplication, pad: Any, wiggle: int) -> None:
    wait_until(app, lambda: pad.isVisible() and pad.width() > 100)
    y = pad.height() // 2
    QTest.mousePress(pad, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(20, y))
    for i in range(1, 12):
        QTest.mouseMove(pad, QPoint(20 + i * 20, y + (wiggle if i % 2 else -wiggle)))
    QTest.mouseRelease(pad, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(260, y))


def settled(app: QApplication, saver: Any) -> None:
    wait_until(app, lambda: saver.saves >= 1 and not saver.pending())


def main(profile: str, wo_id: str, photo: str) -> None:
    app = QApplication(sys.argv)
    shell = Shell(app, profile, language="vi", params=FAST_KDF, start_auto_sync=False)
    shell.start()
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText("246810")
    form.submit()
    wait_until(app, lambda: shell.main_window is not None)
    win = shell.main_window
    assert win is not None

    orders = win.go_to("work_orders")
    wait_until(app, lambda: orders.loaded and any(r.id == wo_id for r in orders.rows))
    orders.open_order(next(r for r in orders.rows if r.id == wo_id))
    install = orders.install_form
    wait_until(app, lambda: install.start is not None)
    ed = install.view.editors
    QTest.keyClicks(ed["representative"].inputs["value"], "Tran Van Kiem")
    QTest.keyClicks(ed["installed_serial"].inputs["value"], "VSN2025000777")
    QTest.keyClicks(ed["removed_reading"].inputs["BT"], "10234.5")
    ed["meter_photos"].photos.add_file(photo)
    install.scroll_area.ensureWidgetVisible(ed["customer_signature"])
    sign(app, ed["customer_signature"].pad, 25)
    settled(app, install.saver)

    page = win.go_to("onboarding")
    wait_until(app, lambda: page.current == flow.CONTRACT)
    contract = page.screens[flow.CONTRACT]
    QTest.mouseClick(contract.read, LEFT)
    contract.signer.clear()
    QTest.keyClicks(contract.signer, "Le Thi Hoa")
    sign(app, contract.pad, 15)
    settled(app, page.saver)
    print("READY", flush=True)
    while True:  # the test kills us here, mid-work
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main(*sys.argv[1:4])
