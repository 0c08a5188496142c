"""Read the simulator through a real pseudo-terminal: every profile, every fault."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from functools import partial
from typing import Any

import pytest

from fieldkit.devices.client import ReadOptions
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.reparse import parse_stream
from fieldkit.devices.simulator.meter import FAULTS
from fieldkit.devices.simulator.profiles import BUILTIN, Registers, load
from fieldkit.devices.transport import read_meter

Start = Callable[..., Any]
FAST_FAIL = ReadOptions(answer_timeout=1.0, sign_on_retries=0, protocol="iec")  # mode C timing


def expect_error(port: str, code: str, options: ReadOptions, within: float) -> ProtocolError:
    started = time.monotonic()
    with pytest.raises(ProtocolError) as info:
        read_meter(port, options)
    elapsed = time.monotonic() - started
    assert info.value.code == code, info.value
    assert elapsed < within, f"{code} took {elapsed:.1f} s"
    return info.value


def concurrently(cases: dict[str, Callable[[], None]]) -> None:
    """Run independent cases at once (each on its own simulator); fail listing every failure."""
    failures: list[str] = []
    with ThreadPoolExecutor(len(cases)) as pool:
        futures = {name: pool.submit(case) for name, case in cases.items()}
        for name, future in futures.items():
            try:
                future.result(120)
            except BaseException as exc:  # noqa: B036 - collect pytest's own failures too
                failures.append(f"{name}: {type(exc).__name__}: {exc}")
    assert not failures, "\n".join(failures)


def check_profile(start: Start, profile: str) -> None:
    sim = start("--profile", profile)
    result = read_meter(sim.port)
    assert result.manufacturer == BUILTIN[profile]["manufacturer"]
    assert result.error_register == "00000000"
    assert result.serial is not None and result.serial.isdigit()
    value, unit = result.registers["1.8.0"]
    assert unit == "kWh" and value > Decimal(1000)
    assert not result.bad_lines
    # the capture holds every byte and re-parses to the same registers
    assert result.capture is not None
    assert result.capture.sent().startswith(b"/?!\r\n")
    again = parse_stream(result.capture.received())
    assert again.registers == result.registers
    if profile.startswith("three-phase"):
        regs = result.registers
        assert regs["1.8.1"][0] + regs["1.8.2"][0] + regs["1.8.3"][0] == regs["1.8.0"][0]
        assert {"32.7.0", "52.7.0", "72.7.0", "31.7.0", "51.7.0", "71.7.0"} <= set(regs)
        assert result.meter_clock is not None
        assert result.values["96.1.0"].text == "PA23VG0053140"
        assert 1300 <= len(result.capture.received()) <= 1700  # ~1.5 KB readout


@pytest.mark.slow
def test_every_profile_reads(simulator: Start) -> None:
    concurrently({p: partial(check_profile, simulator, p) for p in sorted(BUILTIN)})


def test_values_advance_with_time() -> None:
    clock = [1_700_000_000.0]
    registers = Registers(load("three-phase-tou"), clock=lambda: clock[0])
    by_address = {r.address: r for r in registers.profile.registers}
    before = {a: registers.number(by_address[a]) for a in ("1.8.1", "1.8.2", "1.8.3")}
    clock[0] += 3600
    registers.advance()
    after = {a: registers.number(by_address[a]) for a in ("1.8.1", "1.8.2", "1.8.3")}
    grown = [a for a in after if after[a] > before[a]]
    assert len(grown) == 1  # only the register of the current time-of-use period advances
    total = registers.number(by_address["1-0:1.8.0*255"])
    assert total == sum(after.values())
    assert "1-0:1.8.0*255(" in registers.block()


@pytest.mark.slow
def test_tcp_socket_url(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--tcp", "0")
    assert sim.port.startswith("socket://127.0.0.1:")
    result = read_meter(sim.port)
    assert result.registers["1.8.0"][1] == "kWh"


def fault_silent(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--fault", "silent")
    err = expect_error(sim.port, "NO_ANSWER", ReadOptions(answer_timeout=1.0, sign_on_retries=1), 4.0)
    assert "probe" in err.message_en


def fault_noise(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--fault", "noise")
    result = read_meter(sim.port)
    assert result.registers["1.8.0"][1] == "kWh"
    assert result.capture is not None
    assert b"\x15" in result.capture.sent()  # the damaged message was refused once


def fault_bcc_once_is_retried(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--fault", "bcc-once")
    result = read_meter(sim.port)
    assert result.capture is not None
    assert result.capture.sent().count(b"\x15") == 1
    assert "1.8.0" in result.registers


def fault_bcc_always(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--fault", "bcc-always")
    expect_error(sim.port, "BCC_FAILED", ReadOptions(bcc_retries=2), 8.0)


def _nak_ignored_recovers_in_one_read(simulator: Start, profile: str) -> None:
    # the meter sends a block with a bad BCC and does not repeat it on NAK (readout mode):
    # the reader waits out the inactivity time and signs on again, inside the same Read
    sim = simulator("--profile", profile, "--fault", "nak-ignored")
    phases: list[str] = []
    started = time.monotonic()
    result = read_meter(sim.port, on_progress=lambda p, seen=phases: seen.append(p.phase))
    elapsed = time.monotonic() - started
    assert result.registers["1.8.0"][1] == "kWh"
    assert result.capture is not None
    sent = result.capture.sent()
    assert sent.count(b"/?!\r\n") == 2 and sent.count(b"\x15") == 1, sent
    assert result.capture.received().count(b"/FKT5") == 2  # both attempts are kept
    assert "recovering" in phases and phases.index("recovering") < len(phases) - 1
    assert parse_stream(result.capture.received()).registers.keys() == result.registers.keys()
    # first attempt ~3.4 s + NAK + answer timeout 2 s + second attempt ~3.4 s
    assert elapsed < 11.0, f"recovery took {elapsed:.1f} s"


# The three nak-ignored scenarios were one (~20 s, the longest of test_every_fault, which runs the
# scenarios at once): each on its own simulator, they now run side by side.
def fault_nak_ignored_recovers_in_one_read_tou(simulator: Start) -> None:
    _nak_ignored_recovers_in_one_read(simulator, "three-phase-tou")


def fault_nak_ignored_recovers_in_one_read_blocks(simulator: Start) -> None:
    _nak_ignored_recovers_in_one_read(simulator, "three-phase-blocks")


def fault_nak_ignored_without_recovery_is_bcc_failed(simulator: Start) -> None:
    # no recovery allowed: the old behaviour, a clear BCC_FAILED
    sim = simulator("--profile", "single-phase", "--fault", "nak-ignored")
    expect_error(sim.port, "BCC_FAILED", ReadOptions(recoveries=0), 5.0)


def fault_slow_reaction(simulator: Start) -> None:
    # 1.7 s: slower than the standard's 1.5 s. A profile with a 1 s timeout gives up...
    sim = simulator("--profile", "single-phase", "--fault", "slow", "--fault-arg", "1.7")
    expect_error(sim.port, "NO_ANSWER", FAST_FAIL, 2.0)
    # ... the default (2 s) copes, on a fresh meter
    again = simulator("--profile", "single-phase", "--fault", "slow", "--fault-arg", "1.7")
    result = read_meter(again.port)
    assert "1.8.0" in result.registers


def fault_echo(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--fault", "echo")
    result = read_meter(sim.port)
    assert "1.8.0" in result.registers
    assert result.capture is not None and result.capture.received().startswith(b"/?!\r\n")


def fault_drop_then_retry(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--fault", "drop", "--fault-arg", "100")
    expect_error(sim.port, "CONNECTION_LOST", ReadOptions(inter_char_timeout=0.5), 4.0)
    time.sleep(0.3)
    result = read_meter(sim.port)  # the probe is back in place
    assert "1.8.0" in result.registers


def fault_drop_tcp(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--fault", "drop", "--fault-arg", "50", "--tcp", "0")
    expect_error(sim.port, "CONNECTION_LOST", ReadOptions(), 5.0)
    result = read_meter(sim.port)
    assert "1.8.0" in result.registers


def fault_battery_needs_wake_up(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--fault", "battery", "--fault-arg", "0.8")
    expect_error(sim.port, "NO_ANSWER", FAST_FAIL, 2.0)
    result = read_meter(sim.port, ReadOptions(wakeup=True, wakeup_duration=1.0, wakeup_pause=0.5))
    assert "1.8.0" in result.registers
    assert result.capture is not None and result.capture.sent().startswith(b"\x00" * 30)


def fault_password(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase", "--fault", "password", "--fault-arg", "4321")
    expect_error(sim.port, "PASSWORD_REQUIRED", ReadOptions(), 3.0)
    # the reader sent B0 when it gave up, so the meter is free again at once
    expect_error(sim.port, "PASSWORD_REJECTED", ReadOptions(password="99999999"), 4.0)
    result = read_meter(sim.port, ReadOptions(password="00004321", registers=("0.0.0", "1.8.0")))
    assert set(result.registers) == {"0.0.0", "1.8.0"}
    assert result.serial == "21060137"


def fault_none_programming_mode_r5(simulator: Start) -> None:
    sim = simulator("--profile", "three-phase-tou")
    result = read_meter(sim.port, ReadOptions(mode="program", read_command="R5",
                                              registers=("1.8.1", "1-0:1.8.3*255", "7.7.7")))
    assert set(result.registers) == {"1.8.1", "1.8.3"}
    assert result.bad_lines == ["(ERROR)"]
    assert result.capture is not None and result.capture.sent().endswith(b"\x01B0\x03q")


SCENARIOS: dict[str, Callable[[Start], None]] = {
    name[len("fault_"):]: fn for name, fn in sorted(globals().items()) if name.startswith("fault_")
}


def test_every_fault_has_a_scenario() -> None:
    for fault in FAULTS:
        assert any(name.startswith(fault.replace("-", "_")) for name in SCENARIOS), fault


@pytest.mark.slow
def test_every_fault(simulator: Start) -> None:
    """Every fault scenario, each on its own simulator, all at once (they mostly wait on the wire)."""
    concurrently({name: partial(fn, simulator) for name, fn in SCENARIOS.items()})
