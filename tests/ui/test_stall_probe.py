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


def test_the_machines_wait_is_read_fresh_at_the_end_of_a_possible_stall_and_not_between_quick_events(monkeypatch):
    """StallProbe.mark reads the other threads' run-queue wait (one pread a thread) only where it can
    change the verdict: fresh at the end of a stretch the UI thread's own figures make a possible stall,
    otherwise at most OtherThreads.READ_EVERY old. A 150 ms stretch during which the other threads waited
    120 ms for a CPU (the machine's) is 30 ms of the app's; one of 150 ms with no such wait is a stall."""
    from fieldkit.ui import stall_probe as sp

    clock = {"wall": 100.0, "cpu": 1.0, "others": 0.0}
    fresh: list[float] = []

    class Others(sp.OtherThreads):
        def read(self, now: float) -> float:
            fresh.append(now)
            self.value, self.read_at = clock["others"], now
            return self.value

    class Time:
        @staticmethod
        def thread_time() -> float:
            return clock["cpu"]

        @staticmethod
        def perf_counter() -> float:
            return clock["wall"]

    monkeypatch.setattr(sp, "time", Time)
    probe = sp.StallProbe(fd=None, others=Others())
    probe.reset()
    fresh.clear()

    def event(seconds: float, cpu: float, others_wait: float = 0.0) -> None:  # one event, no nesting
        probe.mark(clock["wall"])
        probe.depth += 1
        clock["wall"] += seconds
        clock["cpu"] += cpu
        clock["others"] += others_wait
        probe.mark(clock["wall"])
        probe.depth -= 1

    event(0.002, 0.002)  # the first stretch is the worst so far: read fresh
    reads = len(fresh)
    for _ in range(1000):  # quick events, 10 us apart: nothing read fresh
        event(0.00001, 0.00001)
        clock["wall"] += 0.00001
    assert len(fresh) - reads <= 21  # 2,000 marks in 20 ms: one read per READ_EVERY (1 ms), not 2,000
    event(0.150, 0.010, others_wait=0.120)
    assert probe.over == [] and 0.029 < probe.worst.seconds < 0.031, probe.worst
    clock["wall"] += 0.01
    event(0.150, 0.010)
    assert len(probe.over) == 1 and 0.149 < probe.over[0].seconds < 0.151, probe.over
