"""The onboarding page's Back / Next bar is always on screen: never scrolled out of view with the page,
whatever the step shows (a banner, a long validation message such as the missing-document one of the
new-supply request), on 1366x768, 1280x720 and 1280x800 laptops at 100 % and 125 % scaling.

(`test_fits_laptops.py` checks every page's minimum size and the status bar; this adds the
onboarding bar in its tallest state. Logical free areas: the screen less a 40 px task bar.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fieldkit.domain import onboarding as flow
from fieldkit.ui import style
from fieldkit.ui.qt import QGuiApplication
from fieldkit.ui.screen_fit import TITLE_BAR

LAPTOPS = {"1366x768@100%": (1366, 728), "1280x720@100%": (1280, 680), "1280x800@100%": (1280, 760),
           "1366x768@125%": (1093, 574), "1280x720@125%": (1024, 536), "1280x800@125%": (1024, 600)}


def _missing_document(qtbot, shell):
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText("246810")
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    win = shell.main_window
    page = win.go_to("onboarding")
    qtbot.waitUntil(lambda: page.resume_checked, timeout=5_000)
    hh = page.screens[flow.HOUSEHOLD]
    hh.show_new()
    hh.not_customer.setChecked(True)
    hh.name.setText("Lò Thị Hoa")
    hh.phone.setText("0977123456")
    hh.national_id.setText("037190000123")
    hh.commune.setCurrentIndex(max(0, hh.commune.findText("Xã Gia Viễn")))
    hh.street.setText("Thôn Đông, số 12")
    page.go_next()
    qtbot.waitUntil(lambda: page.current == flow.NEW_SUPPLY and not page.saving, timeout=10_000)
    ns = page.screens[flow.NEW_SUPPLY]
    ns.households.setValue(2)
    ns.docs["id_document"].setChecked(True)
    ns.docs["address_proof"].setChecked(True)
    page.go_next()  # the authorisation of the second household is missing
    qtbot.waitUntil(lambda: page.error.isVisible() and not page.saving, timeout=10_000)
    # the tallest state: a banner above the screen as well as the message below it
    page.banner.setText("Tiếp tục với hộ này. Các câu trả lời trước được giữ lại.\n"
                        "Các câu trả lời chưa lưu của màn hình này được giữ lại và điền lại.")
    page.banner.show()
    return win, page


@pytest.mark.parametrize("scale", ["normal", "large"])
def test_back_and_next_stay_visible_in_the_missing_document_state(qtbot, shell, scale):
    shell.config.set("ui_scale", scale)
    style.apply(shell.app, scale)
    win, page = _missing_document(qtbot, shell)
    holder = win.pages.holders["onboarding"]
    seen = []
    for laptop, (w, h) in LAPTOPS.items():
        width, height = w - 8, h - TITLE_BAR
        win.resize(width, height)
        qtbot.waitUntil(lambda win=win, width=width, height=height: (win.width(), win.height()) == (width, height),
                        timeout=2_000)
        qtbot.wait(20)
        view = holder.viewport()
        for button in (page.back_button, page.next_button):
            top_left = button.mapTo(view, button.rect().topLeft())
            bottom_right = button.mapTo(view, button.rect().bottomRight())
            inside = view.rect().contains(top_left) and view.rect().contains(bottom_right)
            assert button.isVisible() and inside, (laptop, scale, button.objectName(), top_left, bottom_right,
                                                   view.size())
        # the page itself never scrolls vertically: only the step's own content does
        assert holder.verticalScrollBar().maximum() == 0, (laptop, scale, holder.verticalScrollBar().maximum())
        assert page.error.isVisible() and "ủy quyền" in page.error.text()
        # and the step's own screen keeps a usable height (it scrolls inside the page)
        assert page.stack.height() >= 90, (laptop, scale, page.stack.height())
        seen.append(laptop)
        if os.environ.get("FIELDKIT_SHOT_DIR"):  # under Xvfb: what the screen shows, to look at
            shot = QGuiApplication.primaryScreen().grabWindow(0)
            shot.save(str(Path(os.environ["FIELDKIT_SHOT_DIR"]) / f"onboarding-nav-{laptop}-{scale}.png"))
    assert len(seen) == len(LAPTOPS)
