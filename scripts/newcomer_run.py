"""A newcomer's run of `make run` (issue 13 item 8), without the windows: start `fieldkit demo`
(the real central server and the real meter simulator on a pty), then as the technician read
today's first reading work order through the probe, install a meter and onboard a household;
sync; as the supervisor approve the three work orders; sync again. Prints one JSON line with
what it saw and exits 0 only when nothing was refused (the laptop's quarantine and the
server's rejected operations both empty), the first read was clean and all three orders
reached "approved" on the server.

    PYTHONPATH=. python scripts/newcomer_run.py --dir /tmp/newcomer [--customers 60]

Run by tests/test_demo_newcomer.py.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _png(colour: str, size: tuple[int, int] = (160, 120)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def start_demo(folder: Path, customers: int) -> tuple[subprocess.Popen[str], str, str]:
    """`fieldkit demo --no-gui` in the background; returns (process, server URL, probe port)."""
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "demo", "--no-gui", "--customers", str(customers),
                             "--dir", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.stdout is not None
    url = port = ""
    deadline = time.monotonic() + 240
    lines = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if m := re.search(r"central server at (http://\S+)", line):
            url = m.group(1)
        if m := re.search(r"meter on (\S+)", line):
            port = m.group(1)
        if "ready" in line:
            return proc, url, port
    proc.kill()
    raise SystemExit("the demo did not start:\n" + "".join(lines))


def install_values(files: list[Any], removed: str = "") -> dict[str, Any]:
    """The install form filled in; `removed`: the serial of the meter a replacement takes down."""
    from fieldkit.domain.local_time import local_today

    old = {"reason": "replacement", "removed_serial": removed,
           "removed_reading": {"BT": "1520", "CD": "410", "TD": "388", "source": "manual"}} if removed else {}
    return {
        "reason": "new_install", **old, "representative": "Nguyễn Thị Hoa", "place": "Xóm 1", "substation": "TBA 3",
        "pole_number": "12/4", "box_number": "H2", "position": {"lat": 20.55, "lon": 106.05, "source": "typed"},
        "installed_serial": "VSE11-90000001", "installed_model": "VSE11-20",
        "installed_type": "electronic", "phases": "1",
        "installed_reading": {"BT": "0", "CD": "0", "TD": "0", "source": "manual"},
        "terminal_seal_code": "NPC-A 1", "terminal_seal_count": "2", "sticker_seal": "TEM-1",
        "optical_sticker": "QC-1", "install_date": local_today().isoformat(),
        "meter_photos": [files[0].sha256, files[1].sha256], "technician_signature": files[2].sha256,
        "customer_signature": files[3].sha256,
    }


def submitted(s: Any, wo_id: str) -> None:
    """Saving the record submits the order (issue 13 item 1); where it does not yet, submit it."""
    from fieldkit.domain.models import WorkOrderState
    from fieldkit.services import work_orders

    wo = work_orders.get_work_order(s, wo_id)
    assert wo is not None
    if wo.state in (WorkOrderState.ASSIGNED, WorkOrderState.IN_PROGRESS, WorkOrderState.RETURNED):
        work_orders.submit_work_order(s, wo_id)


def technician_day(profile: Path, port: str) -> dict[str, Any]:
    from fieldkit.devices.worker import DeviceWorker
    from fieldkit.domain.models import WorkOrderKind, WorkOrderState
    from fieldkit.services import customers, installs, meters, readings, session, ui_queries, work_orders
    from fieldkit.services import onboarding as ob
    from fieldkit.services.installs import InstallFile

    s = session.login(profile, "lan", "246810")
    seen: dict[str, Any] = {}
    try:
        # 1. read: the first row of the Readings page, through the probe
        first = readings.choices(s)[0]
        assert first.work_order_number.startswith("WO-"), first
        target = readings.target_for_work_order(s, first.id)
        worker = DeviceWorker(name="newcomer-probe")
        try:
            result = worker.read(port, readings.read_options(target), timeout=120)
        finally:
            worker.stop()
        assessment = readings.assess_result(target, result)
        seen["read"] = {"work_order": first.work_order_number, "due": str(first.due_date), "serial": result.serial,
                        "findings": [f.code for f in assessment.findings],
                        "consumption": str(assessment.consumption),
                        "bill": str(assessment.bill.total) if assessment.bill is not None else None}
        readings.save_optical(s, target, result)
        submitted(s, first.id)

        # 2. install: the first open install or replacement order of the demo profile (not one the
        #    server's CSV import made: those the server always knew)
        rows = [r for r in ui_queries.my_work_orders(s) if r.number.startswith("WO-") and r.urgency != "closed"]
        install_row = next(r for r in rows if r.kind in (WorkOrderKind.METER_INSTALL,
                                                         WorkOrderKind.METER_REPLACEMENT))
        old_meter = ""
        if install_row.kind is WorkOrderKind.METER_REPLACEMENT:
            old_wo = work_orders.get_work_order(s, install_row.id)
            assert old_wo is not None and old_wo.meter_id
            found = meters.get_meter(s, old_wo.meter_id)
            old_meter = found.serial if found is not None else ""
        files = [InstallFile(_png("#88AACC"), "image/png", "photo"), InstallFile(_png("#CCAA88"), "image/png", "photo"),
                 InstallFile(_png("white", (300, 100)), "image/png", "signature"),
                 InstallFile(_png("#EEEEEE", (300, 100)), "image/png", "signature")]
        installs.complete_install(s, work_order_id=install_row.id, values=install_values(files, old_meter),
                                  files=files)
        submitted(s, install_row.id)
        seen["install"] = f"{install_row.number} ({install_row.kind.value})"

        # 3. onboarding: the demo's first open onboarding order, the whole flow
        ob_row = next(r for r in rows if r.kind is WorkOrderKind.ONBOARDING)
        wo = work_orders.get_work_order(s, ob_row.id)
        assert wo is not None and wo.customer_id
        cid = wo.customer_id
        ob.start_with_customer(s, cid)
        ob.mark_app_shown(s, cid)
        household = customers.get_customer(s, cid)
        assert household is not None
        if not household.phone:  # the app account needs the contract's phone
            customers.update_customer(s, cid, phone="0912345678")
        ob.save_app(s, cid, True, household.phone or "0912345678")
        ob.save_payment(s, cid, "mobile_banking", "Agribank")
        ob.mark_bill_shown(s, cid, ob.bill_qr(s, cid))
        ob.sign_contract(s, cid, signed=True, read_summary=True, signer=ob_row.customer_name,
                         strokes=[[(0.1, 0.5), (0.3, 0.3), (0.6, 0.7)]])
        ob.make_sheet(s, cid)
        ob.finish(s, cid, printed=True)
        submitted(s, ob_row.id)
        seen["onboarding"] = ob_row.number
        seen["orders"] = [first.id, install_row.id, ob_row.id]
        for wid in seen["orders"]:
            state = work_orders.get_work_order(s, wid)
            assert state is not None and state.state is WorkOrderState.DONE, (wid, state)
        seen["technician_sync"] = sync(s)
    finally:
        s.close()
    return seen


def sync(s: Any) -> dict[str, Any]:
    from fieldkit.services import sync as sync_service

    report = sync_service.sync_now(s)
    return {"ok": report.ok, "error": report.error, "refused": len(sync_service.quarantined(s))}


def supervisor_day(profile: Path, orders: list[str]) -> dict[str, Any]:
    from fieldkit.services import session, work_orders

    s = session.login(profile, "hung", "135790")
    try:
        first = sync(s)
        for wid in orders:
            work_orders.review_work_order(s, wid, approve=True)
        return {"first_sync": first, "after_approval": sync(s)}
    finally:
        s.close()


def server_view(central_db: Path, orders: list[str]) -> dict[str, Any]:
    from sqlalchemy import func, select

    from fieldkit.central import schema as t
    from fieldkit.central.db import Database

    db = Database(str(central_db))
    try:
        with db.read() as conn:
            by_status = {str(k): int(n) for k, n in conn.execute(
                select(t.ops.c.status, func.count()).group_by(t.ops.c.status))}
            rejected = [dict(r._mapping) for r in conn.execute(
                select(t.ops.c.entity, t.ops.c.action, t.ops.c.result).where(t.ops.c.status == "rejected"))]
            states = {str(r[0]): str(r[1]) for r in conn.execute(
                select(t.work_orders.c.id, t.work_orders.c.state).where(t.work_orders.c.id.in_(orders)))}
            quarantine = int(conn.execute(select(func.count()).select_from(t.quarantine)).scalar() or 0)
    finally:
        db.dispose()
    return {"ops": by_status, "rejected": rejected, "states": states, "feed_quarantine": quarantine}


def _stopped(url: str) -> bool:
    """Nothing answers at the demo's server address any more (it was left running before)."""
    import requests

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            requests.get(url + "/openapi.json", timeout=1)
        except requests.RequestException:
            return True
        time.sleep(0.5)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--customers", type=int, default=60)
    args = parser.parse_args(argv)
    proc, _url, port = start_demo(args.dir, args.customers)
    try:
        tech = technician_day(args.dir / "profile", port)
        sup = supervisor_day(args.dir / "profile", tech["orders"])
        server = server_view(args.dir / "central.db", tech["orders"])
    finally:
        proc.terminate()  # the demo stops its server and simulator on SIGTERM
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    server["stopped"] = _stopped(_url)
    refused = (tech["technician_sync"]["refused"] + sup["first_sync"]["refused"] + sup["after_approval"]["refused"]
               + len(server["rejected"]) + server["feed_quarantine"])
    clean = not tech["read"]["findings"]
    approved = sorted(server["states"].values()) == ["approved"] * 3
    print(json.dumps({"technician": tech, "supervisor": sup, "server": server, "refused": refused,
                      "clean_first_read": clean, "approved": approved}, ensure_ascii=False, default=str))
    return 0 if refused == 0 and clean and approved and server["stopped"] else 1


if __name__ == "__main__":
    sys.exit(main())
