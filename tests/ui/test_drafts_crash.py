"""A crash (SIGKILL) with an install form and an onboarding screen half filled: a fresh app on
the same profile reopens both drafts intact — typed values, the photo (by its encrypted
attachment) and the signatures' strokes."""

from __future__ import annotations

import io
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

from PIL import Image

from fieldkit.domain import onboarding as flow
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Address, WorkOrderKind
from fieldkit.services import customers, drafts, work_orders
from fieldkit.services import onboarding as ob
from fieldkit.services.customers import CustomerInput
from tests.ui.test_drafts import login, open_form

ROOT = Path(__file__).resolve().parents[2]


def test_sigkill_with_two_half_filled_forms_reopens_both(qtbot, shell, session, profile_dir, tmp_path):
    c = customers.create_customer(session, CustomerInput(
        code="PA23LN0000321", name="Lê Thị Hoa", phone="0912345679",
        address=Address(commune="Xã Nhân Hà", street="Thôn Tây")))
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.METER_REPLACEMENT, customer_id=c.id,
                                       due_date=local_today(), number="L-CRASH-1")
    ob.start_with_customer(session, c.id)
    ob.mark_app_shown(session, c.id)
    ob.save_app(session, c.id, True, "0912345679")
    ob.save_payment(session, c.id, "auto_debit", ob.load_config().banks[0].name)
    assert ob.load_flow(session, c.id).step == flow.CONTRACT
    photo = tmp_path / "meter.png"
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), "#3366AA").save(buf, "PNG")
    photo.write_bytes(buf.getvalue())

    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "ui" / "draft_crash_app.py"), str(profile_dir),
                              wo.id, str(photo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    try:
        assert child.stdout is not None
        ready = select.select([child.stdout], [], [], 90)[0]
        line = child.stdout.readline().decode().strip() if ready else ""
        assert line == "READY", (line, child.stderr.read().decode()[-3000:] if child.poll() is not None else "")
        child.send_signal(signal.SIGKILL)  # no clean-up of any kind: a pulled battery
        assert child.wait(10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)

    # nothing typed or photographed is in the clear on the disk after the crash (WAL included)
    needles = {b"Tran Van Kiem": "typed name", b"VSN2025000777": "typed serial", b"Le Thi Hoa": "signer",
               "Tran Van Kiem".encode("utf-16-le"): "typed name (UTF-16)", b"\x89PNG": "a plain PNG",
               b"SQLite format 3": "a plain database"}
    hits = []
    scanned = 0
    for dirpath, _dirs, names in os.walk(profile_dir):
        for n in names:
            data = (Path(dirpath) / n).read_bytes()
            scanned += len(data)
            hits += [f"{n}: {what}" for needle, what in needles.items() if needle in data]
    assert hits == [] and scanned > 50_000

    # what the store holds after the crash
    d = drafts.draft_of(session, drafts.INSTALL, wo.id)
    assert d is not None
    assert d.data["values"]["representative"] == "Tran Van Kiem"
    assert d.data["values"]["installed_serial"] == "VSN2025000777"
    [p] = d.data["photos"]["meter_photos"]
    assert session.attachments.get(p["sha"]) == photo.read_bytes()
    strokes = d.data["strokes"]["customer_signature"]
    assert len(strokes) == 1 and len(strokes[0]) >= 10
    [od] = drafts.onboarding_drafts(session, c.id)
    assert od.step == flow.CONTRACT and od.data["signer"] == "Le Thi Hoa" and od.data["read"] is True
    assert len(od.data["strokes"]) == 1 and len(od.data["strokes"][0]) >= 10

    # a fresh app on the same profile reopens both where they were
    win = login(qtbot, shell)
    _page, form = open_form(qtbot, win, wo.id)
    ed = form.view.editors
    assert ed["representative"].inputs["value"].text() == "Tran Van Kiem"
    assert ed["installed_serial"].inputs["value"].text() == "VSN2025000777"
    assert ed["removed_reading"].inputs["BT"].text() == "10234.5"
    assert [x[0] for x in ed["meter_photos"].photos.photos] == [photo.read_bytes()]
    assert [[list(pt) for pt in s] for s in ed["customer_signature"].pad.strokes] == strokes
    assert form.view.values()["meter_photos"] == [p["sha"]]

    page = win.go_to("onboarding")
    qtbot.waitUntil(lambda: page.current == flow.CONTRACT and page.resumed, timeout=10_000)
    contract = page.screens[flow.CONTRACT]
    assert contract.signer.text() == "Le Thi Hoa" and contract.read.isChecked()
    assert [[list(pt) for pt in s] for s in contract.pad.strokes] == od.data["strokes"]
    assert page.banner.isVisible()
