"""`fieldkit read` and `fieldkit parse-telegram` with a DLMS meter (simulator over TCP)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))


def fieldkit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], capture_output=True, text=True, timeout=90,
                          cwd=ROOT, env=ENV)


def test_read_and_reparse_a_dlms_meter(simulator: Callable[..., Any], tmp_path: Path) -> None:
    # the wire 20x faster: this checks the CLI's output and the re-parse, not the speed (test_dev_wire.py)
    sim = simulator("--profile", "dlms-three-phase", "--tcp", "0", "--time-scale", "20")
    capture = tmp_path / "dlms.json"
    done = fieldkit("read", "--port", sim.port, "--json", "--protocol", "dlms", "--profile-hours", "1",
                    "--capture", str(capture))
    assert done.returncode == 0, done.stderr
    reading = json.loads(done.stdout)
    assert reading["protocol"] == "dlms" and reading["serial"] == "23110045"
    assert reading["registers"]["1.8.0"]["unit"] == "kWh" and reading["events"]
    again = fieldkit("parse-telegram", str(capture), "--json")
    assert again.returncode == 0, again.stderr
    parsed = json.loads(again.stdout)
    assert parsed["registers"] == reading["registers"] and parsed["events"] == reading["events"]

    # the text output names the meter's events in the CLI's language (the core's current one: Vietnamese)
    from fieldkit.devices.meter_log import meaning

    shown = fieldkit("read", "--port", sim.port, "--protocol", "dlms", "--profile-hours", "1")
    assert shown.returncode == 0, shown.stderr
    names = {(meaning(e["code"]).name.text("vi"), meaning(e["code"]).name.text("en")) for e in reading["events"]}
    for vi, en in names:
        assert vi in shown.stdout, (vi, shown.stdout)
        assert vi == en or f"  {en}\n" not in shown.stdout, (en, shown.stdout)
    # and its own words too (they were English: "serial:", "clock deviation:", "load profile:")
    assert "số công tơ: 23110045" in shown.stdout and "lệch đồng hồ:" in shown.stdout, shown.stdout
    assert "biểu đồ phụ tải:" in shown.stdout and "intervals of" not in shown.stdout, shown.stdout
    assert not any(w in shown.stdout for w in ("serial:", "clock deviation", "error register", "load profile")), \
        shown.stdout


def test_bad_dlms_arguments_are_refused_in_one_line() -> None:
    for args in (("--client-address", "0"), ("--client-address", "x"), ("--protocol", "modbus"),
                 ("--profile-hours", "-1")):
        done = fieldkit("read", "--port", "/dev/null", *args)
        assert done.returncode == 2 and done.stderr.strip(), args
