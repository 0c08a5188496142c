"""Initial readings through the optical probe: a real simulator process on a pseudo-terminal."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

from fieldkit.services import installs

ROOT = Path(__file__).resolve().parents[2]


def test_read_registers_from_the_simulator() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", "--profile",
                             "three-phase-tou"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), FIELDKIT_SIMULATOR_TIME_SCALE="20"))
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 15)
        assert ready, "simulator did not start"
        port = proc.stdout.readline().decode().strip()
        regs = installs.read_registers_through_probe(port, timeout=30)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(5)
    assert {"BT", "CD", "TD"} <= set(regs)
    assert all(float(regs[k]) >= 0 for k in ("BT", "CD", "TD"))
    assert regs.get("serial")
