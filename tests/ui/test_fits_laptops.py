"""The main window fits the field laptops: 1366x768 and 1280x720, at 100 % and 125 % scaling
(1093x614 and 1024x576 logical pixels), normal and large mode, every page, with the status
bar inside the window; in large mode every visible button, field, drop-down (and its items)
and date field is at least 44 px tall.

The offscreen platform has one small screen, so the test sets the window to each laptop's
free area itself (what `fit_to_screen` does on a real screen) and checks the geometry; the
screenshots under Xvfb (`scripts/laptop_shots.py`, which also opens a customer page) are the same
check on a real X server.
"""

from __future__ import annotations

import pytest

from fieldkit.ui import style
from fieldkit.ui.main_window import PAGES
from fieldkit.ui.qt import QComboBox, QDateEdit, QLineEdit, QPushButton, QSpinBox
from fieldkit.ui.screen_fit import TITLE_BAR
from tests.ui.test_customer_page import household  # noqa: F401,F811  (a customer with a meter and readings)

# free area of the screen in logical pixels (a 40 px task bar taken off)
LAPTOPS = {"1366x768@100%": (1366, 728), "1280x720@100%": (1280, 680),
           "1366x768@125%": (1093, 574), "1280x720@125%": (1024, 536)}


PINS = {"lan": "246810", "hung": "135790"}  # technician, supervisor (more filters and pages)


def sign_in(qtbot, shell, scale, who="lan"):
    shell.config.set("ui_scale", scale)
    style.apply(shell.app, scale)
    form = shell.login_window.login
    form.select_user(who)
    form.pin.setText(PINS[who])
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    return shell.main_window


@pytest.mark.parametrize(("scale", "who"), [("normal", "lan"), ("large", "lan"), ("normal", "hung"), ("large", "hung")])
def test_every_page_fits_every_laptop_with_the_status_bar(qtbot, supervisor, shell, scale, who):
    win = sign_in(qtbot, shell, scale, who)
    for spec in PAGES:
        win.go_to(spec.id)
        qtbot.wait(30)
        for laptop, (w, h) in LAPTOPS.items():
            width, height = w - 8, h - TITLE_BAR
            win.resize(width, height)
            qtbot.waitUntil(lambda win=win, width=width: win.width() == width, timeout=2_000)
            hint = win.minimumSizeHint()
            assert hint.width() <= width and hint.height() <= height, (spec.id, laptop, scale, hint)
            assert (win.width(), win.height()) == (width, height), (spec.id, laptop, scale)
            bar = win.statusBar()
            bottom = bar.mapTo(win, bar.rect().bottomLeft()).y()
            assert bar.isVisible() and bottom <= win.height(), (spec.id, laptop, scale)
            if scale == "normal":  # every status item whole or in its short form, never cut (they were)
                status = win.status
                labels = (status.online_label, status.waiting_label, status.reminders_label, status.last_sync_label)

                def whole(labels=labels) -> bool:
                    return all(lab.text() and lab.shown() in (lab.text(), lab.short) for lab in labels)
                try:
                    qtbot.waitUntil(whole, timeout=3_000)
                except qtbot.TimeoutError:
                    pytest.fail(f"status bar cut at {laptop}: " + " | ".join(repr(lab.shown()) for lab in labels))
            # nothing cut off at the right, no scrolling sideways (Review did, by 30 px)
            sideways = win.pages.holders[spec.id].horizontalScrollBar()
            try:
                qtbot.waitUntil(lambda sideways=sideways: sideways.maximum() == 0, timeout=1_000)
            except qtbot.TimeoutError:
                pytest.fail(f"{spec.id} scrolls sideways by {sideways.maximum()} px at {laptop}, {scale}, {who}")
    # narrow windows show the navigation as icons; wide ones with the page names
    win.resize(1358, 688)
    qtbot.waitUntil(lambda: not win.nav.property("compact"), timeout=2_000)
    assert win.nav.width() >= 200
    win.resize(1016, 496)
    qtbot.waitUntil(lambda: bool(win.nav.property("compact")), timeout=2_000)
    assert win.nav.width() < 100


def test_large_mode_keeps_touch_targets(qtbot, shell):
    win = sign_in(qtbot, shell, "large")
    win.resize(1358, 688)
    small = []
    for spec in PAGES:
        page = win.go_to(spec.id)
        qtbot.wait(30)
        for kind in (QPushButton, QComboBox, QLineEdit, QDateEdit, QSpinBox):
            for w in page.findChildren(kind):
                if w.isVisible() and w.height() < 44 and not isinstance(w.parent(), (QComboBox, QDateEdit, QSpinBox)):
                    small.append(f"{spec.id}: {kind.__name__} {w.objectName()} {w.height()} px")
        for combo in page.findChildren(QComboBox):
            if combo.count() and combo.isVisible():
                row = combo.view().sizeHintForRow(0)
                if row < 44:
                    small.append(f"{spec.id}: drop-down items of {combo.objectName()} {row} px")
    assert small == []


@pytest.mark.parametrize("scale", ["normal", "large"])
def test_the_customer_page_shows_its_chart_on_every_laptop(qtbot, shell, household, scale):  # noqa: F811
    """The customer page (a Customers row opened): details and the meters with their reading history
    side by side, so the chart is in view without scrolling on every laptop in normal mode (at
    1280x720 and 125 % it was below the fold); one scroll bar (the page's own), none sideways."""
    from fieldkit.ui.charts import BarChart

    win = sign_in(qtbot, shell, scale)
    page = win.go_to("customers")
    page.search.setText("dang thi hoa")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=10_000)
    assert page.open_customer(0)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.view is not None, timeout=10_000)
    chart = detail.findChild(BarChart, "CustomerHistory")
    assert chart is not None and len(chart.bars) == 3
    holder = win.pages.holders["customers"]
    for laptop, (w, h) in LAPTOPS.items():
        width, height = w - 8, h - TITLE_BAR
        win.resize(width, height)
        qtbot.waitUntil(lambda win=win, width=width, height=height: (win.width(), win.height()) == (width, height),
                        timeout=2_000)
        qtbot.wait(30)
        seen = chart.visibleRegion().boundingRect()
        where = (laptop, scale, seen, chart.rect())
        if scale == "normal":
            assert seen == chart.rect(), where  # the whole chart, without scrolling
        else:
            assert seen.height() >= chart.height() // 2, where  # large mode: at least its first half
        assert detail.scroll_area.horizontalScrollBar().maximum() == 0, where  # nothing to scroll sideways to
        assert holder.verticalScrollBar().maximum() == 0, where  # no second scroll bar around the page
        bar = win.statusBar()
        assert bar.isVisible() and bar.mapTo(win, bar.rect().bottomLeft()).y() <= win.height(), where
