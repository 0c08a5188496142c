"""Issue 13 item 8 and issue 14's demo meter: a newcomer's run of the demo ends with zero refusals.

`scripts/newcomer_run.py` starts `fieldkit demo --no-gui` (the real central server and the real
meter simulator on a pty), reads today's first reading work order through the probe, installs a
meter and onboards a household as the technician on the demo profile's own work orders, syncs,
approves all three as the supervisor and syncs again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit.devices.simulator.profiles import load
from fieldkit.store import demo

ROOT = Path(__file__).resolve().parents[1]


def test_the_demo_meter_is_the_simulators() -> None:
    sim = load("three-phase-tou")
    regs = {r.address: r for r in sim.registers}
    assert regs["0.0.0"].value == demo.DEMO_METER_SERIAL and sim.manufacturer == demo.DEMO_METER_MAKE
    assert sim.ident.startswith(demo.DEMO_METER_MODEL)
    for obis, whole in demo.DEMO_METER_START.items():
        assert int(float(regs[obis].value)) == whole


@pytest.mark.slow
def test_a_newcomers_run_has_zero_refusals(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "newcomer_run.py"), "--dir", str(tmp_path / "demo"),
                        "--customers", "60"], capture_output=True, text=True, timeout=600, cwd=ROOT,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.stdout.strip(), r.stderr[-3000:]
    seen = json.loads(r.stdout.strip().splitlines()[-1])
    read = seen["technician"]["read"]
    # the first read: the simulator's meter, today's order, no warning, normal consumption and a bill
    assert read["serial"] == demo.DEMO_METER_SERIAL and read["findings"] == [], read
    assert read["work_order"].startswith("WO-") and read["bill"] is not None
    assert 0 < float(read["consumption"]) < 5000
    # the install and onboarding orders are the demo profile's own (the server learnt them at setup)
    assert seen["technician"]["install"].startswith("WO-") and seen["technician"]["onboarding"].startswith("WO-")
    assert seen["server"]["rejected"] == [] and seen["server"]["feed_quarantine"] == 0
    assert set(seen["server"]["ops"]) == {"applied"} and seen["server"]["ops"]["applied"] >= 10
    assert seen["server"]["states"] and set(seen["server"]["states"].values()) == {"approved"}
    assert seen["server"]["stopped"]  # SIGTERM to `fieldkit demo` stops its server and simulator
    assert seen["refused"] == 0 and r.returncode == 0, r.stdout[-3000:]


def test_the_server_learns_only_what_the_laptop_did_not_make(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    from fieldkit.central import admin
    from fieldkit.central.db import Database
    from fieldkit.domain.models import WorkOrderKind
    from fieldkit.services import customers, session, work_orders
    from fieldkit.services.customers import CustomerInput
    from fieldkit.store.keyring import FAST_KDF

    demo.build_demo_profile(tmp_path / "p", customers=30, params=FAST_KDF)
    s = session.login(tmp_path / "p", "lan", "246810")
    try:
        before = demo.known_records(s.store)
        new = customers.create_customer(s, CustomerInput(code="PA23LN9999999", name="Hộ mới"))
        wo = work_orders.create_work_order(s, kind=WorkOrderKind.ONBOARDING, customer_id=new.id, due_date=None)
        started = before["work_orders"][0]["id"]
        work_orders.start_work_order(s, started)  # changed here: its state reaches the server by sync
        after = demo.known_records(s.store)
    finally:
        s.close()
    assert len(before["customers"]) == 30 and len(before["meters"]) == 30 and before["work_orders"]
    assert after["customers"] == before["customers"] and after["meters"] == before["meters"]
    assert after["work_orders"] == [w for w in before["work_orders"] if w["id"] != started]
    assert new.id not in {c["id"] for c in after["customers"]} and wo.id not in {w["id"] for w in after["work_orders"]}
    db = Database(str(tmp_path / "central.db"))
    try:
        db.create_all()
        admin.create_team(db, "LN01", "Đội", "PA23LN")
        admin.create_user(db, "lan", "Trần Thị Lan", "technician", "LN01")
        first = admin.seed_known(db, "LN01", before)
        assert first == {"customers": 30, "meters": 30, "work_orders": len(before["work_orders"])}
        assert admin.seed_known(db, "LN01", before) == {"customers": 0, "meters": 0, "work_orders": 0}  # idempotent
        with pytest.raises(admin.AdminError):
            admin.seed_known(db, "NOPE", before)
    finally:
        db.dispose()
