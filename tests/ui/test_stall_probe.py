"""The stall probe itself: it catches a slow slot, and ignores waiting that is not a stall."""

from __future__ import annotations

import time

from fieldkit.ui.qt import QEventLoop, QTimer


def test_a_slow_slot_is_a_stall(qtbot, stall_probe):
    QTimer.singleShot(0, lambda: time.sleep(0.15))
    qtbot.wait(100)
    assert stall_probe.worst.seconds >= 0.15
    assert "MetaCall" in stall_probe.worst.what  # the queued call of the single-shot timer
    assert len(stall_probe.over) == 1
    stall_probe.reset()  # the autouse fixture would fail this test otherwise


def test_waiting_outside_the_event_loop_or_in_a_nested_loop_is_not_a_stall(qtbot, stall_probe):
    time.sleep(0.2)  # a test's own set-up: not inside an event
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: (QTimer.singleShot(400, loop.quit), loop.exec()))  # like a modal dialog
    qtbot.wait(600)
    assert stall_probe.events > 10
    assert stall_probe.worst.seconds < stall_probe.limit, stall_probe.worst
