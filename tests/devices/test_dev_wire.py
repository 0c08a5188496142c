"""The wire: character timing, speed mismatch, and readers that switch speed at the wrong moment."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
import serial

from fieldkit.devices.simulator.line import Reclocker, Waveform, char_time, reclock
from fieldkit.devices.transport import open_port

Start = Callable[..., Any]


def test_same_speed_passes_bytes_through() -> None:
    assert reclock(b"/?!\r\n", 300, 300) == b"/?!\r\n"
    assert char_time(9600) == pytest.approx(10 / 9600)


def test_wrong_speed_gives_garbage_of_realistic_length() -> None:
    data = b"1.8.0(061561.289*kWh)\r\n" * 10
    slow = reclock(data, 9600, 300)   # a 300-baud UART listening to 9600 baud
    assert slow != data and len(slow) <= len(data) // 10
    fast = reclock(b"\x06050\r\n", 300, 9600)  # a 9600-baud UART listening to 300 baud
    assert fast != b"\x06050\r\n" and len(fast) >= 6
    assert b"\x06050\r\n" not in fast


def test_reclocker_is_incremental() -> None:
    data = b"ABCDEFGH" * 4
    whole = reclock(data, 9600, 2400)
    wave = Waveform(data, 9600)
    parts = Reclocker(wave, 2400)
    pieces = b"".join(parts.until(t) for t in (0.005, 0.01, 0.02, float("inf")))
    assert pieces == whole


def _identify(port: serial.SerialBase) -> bytes:
    port.write(b"/?!\r\n")
    port.flush()
    deadline = time.monotonic() + 3
    got = b""
    while not got.endswith(b"\r\n") and time.monotonic() < deadline:
        got += port.read(64)
    return got


def _collect(port: serial.SerialBase, seconds: float) -> bytes:
    got = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        got += port.read(4096)
    return got


@pytest.mark.slow
def test_switching_before_the_ack_has_left_the_wire_fails(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase")
    port = open_port(sim.port)
    try:
        assert _identify(port).startswith(b"/FKS5")
        time.sleep(0.2)
        port.write(b"\x06050\r\n")
        port.flush()            # returns at once on a pty: the ACK is still "on the wire"
        port.baudrate = 9600    # too early
        got = _collect(port, 1.5)
        assert b"\x02" not in got  # the meter never understood the option select
    finally:
        port.close()


@pytest.mark.slow
def test_switching_late_receives_garbage(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase")
    port = open_port(sim.port)
    try:
        assert _identify(port).startswith(b"/FKS5")
        time.sleep(0.2)
        port.write(b"\x06050\r\n")
        port.flush()
        time.sleep(0.6)          # the meter starts at 9600 after 0.2 s + 0.25 s: we are late
        port.baudrate = 9600
        got = _collect(port, 1.0)
        assert b"1.8.0(" not in got[:20]
        assert not got.startswith(b"\x02")
    finally:
        port.close()


@pytest.mark.slow
def test_switching_on_time_receives_the_data(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase")
    port = open_port(sim.port)
    try:
        assert _identify(port).startswith(b"/FKS5")
        time.sleep(0.2)
        written = time.monotonic()
        port.write(b"\x06050\r\n")
        port.flush()
        time.sleep(max(0.0, written + 6 * 10 / 300 + 0.01 - time.monotonic()))
        port.baudrate = 9600
        got = _collect(port, 1.0)
        assert got.startswith(b"\x02F.F(00000000)")
        assert b"!\r\n\x03" in got
    finally:
        port.close()


# -- simulate-meter --time-scale: the wire N times faster, for tests where the speed is not checked -----


def test_time_scale_reads_the_same_meter_faster(simulator: Start) -> None:
    """The same DLMS meter (mode E sign-on at 300 baud, then HDLC at 9600) read at real speed and 20
    times faster: the same bytes, the same answers, the fast one in a fraction of the time (identity,
    clock, billing registers and event log only: the real-speed read stays short)."""
    from fieldkit.devices.client import ReadOptions
    from fieldkit.devices.transport import read_meter

    options = ReadOptions(dlms_objects=("identity", "clock", "billing", "events"))
    took: dict[str, float] = {}
    results = {}
    for name, extra in (("real", ()), ("fast", ("--time-scale", "20"))):
        sim = simulator("--profile", "dlms-three-phase", *extra)
        started = time.monotonic()
        results[name] = read_meter(sim.port, options)
        took[name] = time.monotonic() - started
    real, fast = results["real"], results["fast"]
    assert real.protocol == fast.protocol == "dlms" and fast.serial == real.serial == "23110045"
    assert fast.capture is not None and real.capture is not None
    assert len(fast.capture.received()) == len(real.capture.received())   # every byte, in the same frames
    assert [e.code for e in fast.events] == [e.code for e in real.events]
    assert set(fast.registers) == set(real.registers)
    assert {"1.8.0", "1.8.1", "1.8.2", "1.8.3"} <= set(fast.registers) and len(fast.events) >= 10
    assert fast.clock_deviation is not None and 35 <= fast.clock_deviation <= 39   # its clock is 37 s fast
    assert took["fast"] < took["real"] / 3, took


def test_time_scale_keeps_the_speed_check(simulator: Start) -> None:
    """A reader that never switches to the agreed 9600 baud still receives garbage from a fast wire:
    the characters are reclocked on their real bit times, whatever the time scale."""
    sim = simulator("--profile", "single-phase", "--time-scale", "20")
    port = open_port(sim.port)
    try:
        assert _identify(port).startswith(b"/FKS5")
        port.write(b"\x06050\r\n")    # asks for 9600 baud, then stays at 300
        port.flush()
        got = _collect(port, 1.0)
        assert got and b"1.8.0(" not in got and not got.startswith(b"\x02")
    finally:
        port.close()
