"""Optical readout benchmark (a script, not a test): python bench/readout.py [--runs N] [--only dlms|recovery|modec]

1. Mode C: reads the simulator's ~1.5 KB three-phase readout (300-baud sign-on, then 9600
   baud) several times through a pseudo-terminal and prints the median total time, the
   wire floor (every byte x 10 bits at the speed it travelled at, plus the meter's
   reaction times) and their ratio. Then reads the same simulated meter with the
   ``iec62056-21`` package from PyPI, once with the meter's usual reaction time and once
   with a meter that waits 1.2 s before its data, and prints our time / its time.
2. DLMS: a mode E + HDLC read at 9600 baud of the billing registers, the clock, the event
   log and one day of 15-minute load profile, against the wire floor (bytes x 10 / baud
   each way + the meter's reaction to every message: 0.25 s before its identification,
   30 ms before each HDLC frame). Target <= 1.15.
3. Mode C recovery: a meter that sends a bad block and ignores the NAK; one Read that waits
   out the inactivity time and signs on again, against the floor: first attempt (wire +
   reactions) + the meter's inactivity time (1.5 s) + second attempt (wire + reactions).
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

from fieldkit.devices import hdlc  # noqa: E402
from fieldkit.devices.capture import Capture  # noqa: E402
from fieldkit.devices.client import ReadOptions  # noqa: E402
from fieldkit.devices.simulator.dlms_profiles import load_dlms  # noqa: E402
from fieldkit.devices.simulator.meter import WAIT_AFTER_DATA  # noqa: E402
from fieldkit.devices.simulator.profiles import load  # noqa: E402
from fieldkit.devices.transport import read_meter  # noqa: E402

SLOW_DATA = 1.2


class Sim:
    def __init__(self, profile: str, *extra: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", "--profile", profile, *extra],
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


DLMS_READ = ReadOptions(protocol="dlms", dlms_objects=("clock", "billing", "events", "profile"), profile_hours=24,
                        profile_tamper_days=0)


def dlms(runs: int) -> float:
    """Median ratio of a DLMS read to its wire floor."""
    meter = load_dlms("dlms-three-phase")
    sim = Sim("dlms-three-phase")
    times, floors, sizes = [], [], []
    try:
        for _ in range(runs):
            started = time.monotonic()
            result = read_meter(sim.port, DLMS_READ)
            times.append(time.monotonic() - started)
            capture = result.capture
            assert capture is not None and result.load_profile is not None
            assert len(result.load_profile.rows) == 96 and result.events and "1.8.0" in result.registers
            frames = len(hdlc.take_frames(capture.received()).frames)
            floors.append(capture.wire_time() + meter.reaction + frames * meter.hdlc_reaction)
            sizes.append((len(capture.sent()), len(capture.received()), frames))
            time.sleep(0.3)
    finally:
        sim.stop()
    median, floor = statistics.median(times), statistics.median(floors)
    sent, received, frames = sizes[-1]
    print(f"[dlms 9600] fieldkit: {runs} reads (registers, clock, event log, 96 x 15 min profile): "
          f"{sent} B sent, {received} B received in {frames} meter frames; median {median:.3f} s, "
          f"wire floor {floor:.3f} s, ratio {median / floor:.3f} (target <= 1.15)")
    return median / floor


def _attempt_floor(capture: Capture, start: int, end: int, reactions: float) -> float:
    part = Capture(events=capture.events[start:end])
    return part.wire_time() + reactions


def recovery(runs: int) -> float:
    """Median ratio of a bad-block recovery read to its floor."""
    meter = load("three-phase-tou")
    reactions = meter.reaction + (meter.data_reaction if meter.data_reaction is not None else meter.reaction)
    times, floors = [], []
    for _ in range(runs):
        sim = Sim("three-phase-tou", "--fault", "nak-ignored")
        try:
            started = time.monotonic()
            result = read_meter(sim.port)
            elapsed = time.monotonic() - started
        finally:
            sim.stop()
        capture = result.capture
        assert capture is not None
        signs = [i for i, e in enumerate(capture.events) if e.direction == "tx" and e.data.startswith(b"/?")]
        assert len(signs) == 2, "expected exactly one recovery"
        nak = next(i for i, e in enumerate(capture.events) if e.direction == "tx" and e.data == b"\x15")
        first = _attempt_floor(capture, signs[0], nak, reactions)
        second = _attempt_floor(capture, signs[1], len(capture.events), reactions)
        times.append(elapsed)
        floors.append(first + WAIT_AFTER_DATA + second)
    median, floor = statistics.median(times), statistics.median(floors)
    print(f"[mode C recovery] bad block, NAK ignored, one Read: median {median:.3f} s, floor "
          f"(attempt + {WAIT_AFTER_DATA} s inactivity + attempt) {floor:.3f} s, ratio {median / floor:.3f}")
    return median / floor


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("modec", "dlms", "recovery"))
    args = parser.parse_args()
    if args.only in (None, "dlms"):
        dlms(args.runs)
    if args.only in (None, "recovery"):
        recovery(args.runs)
    if args.only not in (None, "modec"):
        return 0
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
