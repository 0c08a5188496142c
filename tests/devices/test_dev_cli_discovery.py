"""CLI commands, port discovery and the remembered port, simulator process life cycle."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldkit.devices.discovery import (
    Candidate,
    candidates,
    classify,
    load_last_port,
    preferred,
    remember_port,
)

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))
Start = Callable[..., Any]


def fieldkit(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], capture_output=True, text=True,
                          cwd=ROOT, env=ENV, timeout=timeout)


def test_probe_chips_are_recognised() -> None:
    assert classify(0x0403, 0x6001) == "FTDI FT232R"
    assert classify(0x1A86, 0x7523) == "WCH CH340"
    assert classify(0x10C4, 0xEA60) == "Silicon Labs CP210x"
    assert classify(0x067B, 0x2303) == "Prolific PL2303"
    assert classify(0x0403, 0x1234) == "FTDI (unknown model)"
    assert classify(0x8087, 0x0024) is None
    assert classify(None, None) is None


def test_candidates_lists_real_ports_without_failing() -> None:
    everything = candidates(include_all=True)
    probes = candidates()
    assert all(c.chip is not None for c in probes)
    assert len(probes) <= len(everything)


def test_remembered_port(tmp_path: Path) -> None:
    prefs = tmp_path / "profile" / "probe.json"
    assert load_last_port(prefs) is None
    cand = Candidate("/dev/ttyUSB1", "USB Serial", "WCH CH340", 0x1A86, 0x7523, None)
    remember_port(prefs, "/dev/ttyUSB1", cand)
    assert load_last_port(prefs) == "/dev/ttyUSB1"
    other = Candidate("/dev/ttyUSB0", "FT232R", "FTDI FT232R", 0x0403, 0x6001, "A1")
    assert preferred([other, cand], load_last_port(prefs)) == cand
    assert preferred([other, cand], None) is None          # two probes: the user picks
    assert preferred([other], None) == other               # one probe: offer it
    prefs.write_text("{not json")
    assert load_last_port(prefs) is None
    prefs.write_text('{"last_port": 42}')
    assert load_last_port(prefs) is None
    assert [p.name for p in prefs.parent.iterdir()] == ["probe.json"]  # no temp files left


def test_probes_cli() -> None:
    out = fieldkit("probes", "--all", "--json")
    assert out.returncode == 0, out.stderr
    assert isinstance(json.loads(out.stdout), list)


@pytest.mark.slow
def test_read_cli_json_and_text(simulator: Start, tmp_path: Path) -> None:
    sim = simulator("--profile", "single-phase")
    capture = tmp_path / "capture.json"
    out = fieldkit("read", "--port", sim.port, "--json", "--capture", str(capture))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["registers"]["1.8.0"]["unit"] == "kWh"
    assert data["serial"] == "21060137"
    parsed = fieldkit("parse-telegram", str(capture), "--json")
    assert json.loads(parsed.stdout)["registers"]["1.8.0"] == data["registers"]["1.8.0"]
    # a second meter: the first one still listens for a NAK at 9600 baud for 1.5 s
    other = simulator("--profile", "single-phase")
    text = fieldkit("read", "--port", other.port, "--baud-max", "2400")
    assert text.returncode == 0, text.stderr
    assert "1.8.0" in text.stdout and "kWh" in text.stdout


def test_read_cli_error_is_actionable() -> None:
    out = fieldkit("read", "--port", "/dev/no-such-probe", "--json")
    assert out.returncode == 1
    error = json.loads(out.stdout)["error"]
    assert error["code"] == "PORT_ERROR" and error["message_vi"] and error["message_en"]
    plain = fieldkit("read", "--port", "/dev/no-such-probe")
    assert plain.returncode == 1 and "Traceback" not in plain.stderr and "probe" in plain.stderr
    assert error["message_vi"] in plain.stderr and error["message_en"] not in plain.stderr  # the CLI's language


def test_simulator_exits_cleanly_on_sigterm(simulator: Start) -> None:
    sim = simulator("--profile", "single-phase")
    assert os.path.exists(sim.port)
    sim.process.send_signal(signal.SIGTERM)
    assert sim.process.wait(5) == 0


def test_simulator_exits_when_its_parent_dies() -> None:
    # a middle process starts the simulator, prints its pid, then is killed
    code = ("import subprocess, sys\n"
            "p = subprocess.Popen([sys.executable, '-m', 'fieldkit', 'simulate-meter', '--pty'],"
            " stdout=subprocess.PIPE)\n"
            "p.stdout.readline()\n"
            "print(p.pid, flush=True)\n"
            "import time; time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, cwd=ROOT, env=ENV, text=True)
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        parent.kill()
        parent.wait(5)
        deadline = time.monotonic() + 5
        alive = True
        while alive and time.monotonic() < deadline:
            try:
                os.kill(child, 0)
                time.sleep(0.05)
            except ProcessLookupError:
                alive = False
        if alive:
            os.kill(child, signal.SIGKILL)
        assert not alive, "simulator outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
