"""Optical readout benchmark (a script, not a test): python bench/readout.py [--runs N]

Reads the simulator's ~1.5 KB three-phase readout (300-baud sign-on, then 9600 baud)
several times through a pseudo-terminal and prints the median total time, the wire floor
(every byte x 10 bits at the speed it travelled at, plus the meter's reaction times) and
their ratio. Then reads the same simulated meter with the ``iec62056-21`` package from
PyPI, once with the meter's usual reaction time and once with a meter that waits 1.2 s
before its data, and prints our time / its time (or that it failed).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fieldkit.devices.simulator.profiles import load  # noqa: E402
from fieldkit.devices.transport import read_meter  # noqa: E402

SLOW_DATA = 1.2


class Sim:
    def __init__(self, profile: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", "--profile", profile],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
            env=dict(os.environ, PYTHONPATH=str(ROOT)))
        assert self.proc.stdout is not None
        self.port = self.proc.stdout.readline().decode().strip()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(5)


def ours(profile: str, runs: int) -> tuple[float, float, int]:
    """(median seconds, median floor seconds, bytes received)."""
    meter = load(profile)
    reactions = meter.reaction + (meter.data_reaction if meter.data_reaction is not None else meter.reaction)
    sim = Sim(profile)
    times, floors = [], []
    size = 0
    try:
        for _ in range(runs):
            started = time.monotonic()
            result = read_meter(sim.port)
            times.append(time.monotonic() - started)
            assert result.capture is not None
            floors.append(result.capture.wire_time() + reactions)
            size = len(result.capture.received())
            time.sleep(1.7)  # the meter listens for a NAK for 1.5 s after its data, then idles at 300
    finally:
        sim.stop()
    return statistics.median(times), statistics.median(floors), size


def theirs(profile: str) -> tuple[float | None, str]:
    from iec62056_21.client import Iec6205621Client

    sim = Sim(profile)
    try:
        client = Iec6205621Client.with_serial_transport(port=sim.port)
        client.transport.timeout = 3
        client.connect()
        started = time.monotonic()
        try:
            answer = client.standard_readout()
        except Exception as exc:  # report whatever it raised
            return None, f"failed after {time.monotonic() - started:.2f} s: {type(exc).__name__}: {exc}"
        elapsed = time.monotonic() - started
        return elapsed, f"{len(answer.data)} data sets in {elapsed:.3f} s"
    finally:
        try:
            client.transport.port.close()
        except Exception:
            pass
        sim.stop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        slow = Path(tmp) / "slow.json"
        slow.write_text(json.dumps({"extends": "three-phase-tou", "name": "three-phase-slow-data",
                                    "data_reaction": SLOW_DATA}))
        cases = [("usual reaction (0.25 s)", "three-phase-tou"), (f"data after {SLOW_DATA} s", str(slow))]
        worst = 0.0
        for label, profile in cases:
            median, floor, size = ours(profile, args.runs)
            ratio = median / floor
            worst = max(worst, ratio)
            print(f"[{label}] fieldkit: {args.runs} reads of {size} bytes: median {median:.3f} s, "
                  f"wire floor {floor:.3f} s, ratio {ratio:.3f}")
            other, detail = theirs(profile)
            if other is None:
                print(f"[{label}] iec62056-21: {detail}")
            else:
                print(f"[{label}] iec62056-21: {detail}; ours/theirs = {median / other:.3f}")
        print(f"worst ratio to the wire floor: {worst:.3f} (target <= 1.10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
