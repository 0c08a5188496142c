"""The device thread: one named thread, progress events, cancel, result or ProtocolError."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from fieldkit.devices.client import Progress, ReadOptions
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.worker import DeviceWorker, Job

Start = Callable[..., Any]


@pytest.mark.slow
def test_worker_reads_and_reports_progress(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase")
    events: list[tuple[str, Progress]] = []

    def on_progress(job: Job, event: Progress) -> None:
        events.append((threading.current_thread().name, event))

    worker = DeviceWorker(on_progress)
    try:
        assert worker.thread.name == "fieldkit-device"
        result = worker.read(sim.port, ReadOptions(expected_bytes=191), timeout=20)
        assert result.registers["1.8.0"][1] == "kWh"
        phases = [e.phase for _, e in events]
        for phase in ("sign-on", "identification", "baud switch", "receiving", "done"):
            assert phase in phases
        assert {name for name, _ in events} == {"fieldkit-device"}
        receiving = [e for _, e in events if e.phase == "receiving" and e.received > 0]
        assert receiving and receiving[-1].expected == 191
        assert receiving == sorted(receiving, key=lambda e: e.received)
        # a failing read comes back as the ProtocolError, and the thread lives on
        with pytest.raises(ProtocolError) as info:
            worker.read("/dev/does-not-exist", timeout=5)
        assert info.value.code == "PORT_ERROR"
        assert worker.thread.is_alive()
    finally:
        worker.stop()
    assert not worker.thread.is_alive()


@pytest.mark.slow
def test_cancel_stops_a_read_quickly(simulator: Start) -> None:
    sim = simulator("--profile", "three-phase-tou")
    worker = DeviceWorker()
    try:
        job = worker.submit(sim.port)
        queued = worker.submit(sim.port)
        time.sleep(1.0)
        started = time.monotonic()
        job.cancel()
        queued.cancel()
        with pytest.raises(ProtocolError) as info:
            job.future.result(5)
        assert info.value.code == "CANCELLED"
        assert time.monotonic() - started < 0.5
        assert queued.future.cancelled()
    finally:
        worker.stop()
