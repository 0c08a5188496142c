"""`fieldkit demo` with a DLMS meter: the demo accepts the simulator's DLMS profiles, reads the
meter once (--check) and a demo work order carries the DLMS meter (through the real central
server's import and the laptop's first sync)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit.demo import DLMS_METER
from fieldkit.devices.simulator.dlms_profiles import load_dlms
from fieldkit.domain.models import MeterProtocol, WorkOrderKind
from fieldkit.services import meters, session, ui_queries, work_orders

ROOT = Path(__file__).resolve().parents[1]


def test_the_demo_dlms_meter_is_the_simulators() -> None:
    tamper = load_dlms("dlms-tamper")
    assert DLMS_METER[0] == tamper.serial and tamper.ident.startswith(DLMS_METER[1])


@pytest.mark.slow
def test_demo_with_a_dlms_meter(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    # the demo's simulator reads 20x faster than its baud rates (the read's speed is not what this checks;
    # tests/devices/test_dev_wire.py shows the fast wire gives the same bytes)
    r = subprocess.run([sys.executable, "-m", "fieldkit", "demo", "--no-gui", "--check", "--customers", "30",
                        "--meter-profile", "dlms-tamper", "--dir", str(tmp_path / "demo")],
                       capture_output=True, text=True, timeout=300, cwd=ROOT,
                       env=dict(os.environ, PYTHONPATH=str(ROOT), FIELDKIT_SIMULATOR_TIME_SCALE="20"))
    assert r.returncode == 0, r.stderr[-2000:]
    assert "simulated dlms-tamper meter" in r.stderr + r.stdout and "check done" in r.stderr + r.stdout
    # the demo server's signing key is sealed under a secret the demo made itself (owner-only)
    assert (tmp_path / "demo" / "server-key.secret").stat().st_mode & 0o077 == 0
    s = session.login(tmp_path / "demo" / "profile", "lan", "246810")
    try:
        found = []
        for row in ui_queries.my_work_orders(s):
            wo = work_orders.get_work_order(s, row.id)
            meter = meters.get_meter(s, wo.meter_id) if wo is not None and wo.meter_id else None
            if meter is not None and meter.protocol is MeterProtocol.DLMS:
                found.append((wo, meter))
        assert len(found) == 1
        wo, meter = found[0]
        assert wo.kind is WorkOrderKind.READING and meter.serial == "23110046"
        assert meter.manufacturer == "FKD" and meter.model == "FK3P-DLMS" and meter.phases == 3
    finally:
        s.close()


def test_demo_refuses_an_unknown_dlms_name(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "fieldkit", "demo", "--no-gui", "--meter-profile", "dlms-nonesuch",
                        "--dir", str(tmp_path / "demo")], capture_output=True, text=True, timeout=120, cwd=ROOT,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.returncode != 0 and "profile" in r.stderr and not (tmp_path / "demo").exists()
