"""The meter install workflow end to end through the real widgets on a fresh encrypted profile:
work-order list → install form (typing, choosing, photos, signatures drawn with the mouse) →
save → database, outbox, and the PDF (text, rendering, QR)."""

from __future__ import annotations

import io
import json
import os
import select
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pymupdf
import pypdf
import zxingcpp
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from fieldkit.documents.install_record import qr_payload
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Address, WorkOrderKind
from fieldkit.services import customers, installs, work_orders
from fieldkit.services.customers import CustomerInput
from tests.conftest import TEST_PIN

ROOT = Path(__file__).resolve().parents[2]



def _orders(session):
    c = customers.create_customer(session, CustomerInput(
        code="PA23LN0000123", name="Nguyễn Văn Bình", phone="0912345678",
        address=Address(commune="Xã Nhân Hà", street="Thôn Đông")))
    other = customers.create_customer(session, CustomerInput(
        code="PA23LN0000456", name="Lê Thị Hoa", address=Address(commune="Xã Tiến Thắng")))
    today = local_today()
    repl = work_orders.create_work_order(session, kind=WorkOrderKind.METER_REPLACEMENT, customer_id=c.id,
                                         due_date=today, number="L-REPL-1")
    work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=other.id,
                                  due_date=today - timedelta(days=2), number="L-READ-OVERDUE")
    work_orders.create_work_order(session, kind=WorkOrderKind.METER_INSTALL, customer_id=other.id,
                                  due_date=today + timedelta(days=5), number="L-INST-LATER")
    return repl


def _login(qtbot, shell):
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText(TEST_PIN)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    win = shell.main_window
    page = win.pages["work_orders"]
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    return win, page


def _sign(qtbot, pad, wiggle: int) -> None:
    qtbot.waitUntil(lambda: pad.isVisible() and pad.width() > 100, timeout=5_000)
    y = pad.height() // 2
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, y))
    for i in range(1, 12):
        qtbot.mouseMove(pad, QPoint(20 + i * 20, y + (wiggle if i % 2 else -wiggle)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(260, y))


def _type(qtbot, edit, text: str) -> None:
    """Type like a technician: ASCII key by key; Vietnamese letters arrive from the input method
    (Telex/VNI) as committed text, as they do on a real keyboard."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(edit, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(edit, event)


def _photo(tmp_path: Path, name: str, colour: str) -> Path:
    path = tmp_path / name
    Image.new("RGB", (320, 240), colour).save(path)
    return path


def test_install_end_to_end(qtbot, shell, session, tmp_path):
    wo = _orders(session)
    win, page = _login(qtbot, shell)
    assert [r.number for r in page.rows] == ["L-READ-OVERDUE", "L-REPL-1", "L-INST-LATER"]

    # filters: kind, then commune
    page.kind.setCurrentIndex(page.kind.findData("meter_install"))
    assert [r.number for r in page.rows] == ["L-INST-LATER"]
    page.kind.setCurrentIndex(0)
    page.commune.setCurrentIndex(page.commune.findData("Xã Nhân Hà"))
    assert [r.number for r in page.rows] == ["L-REPL-1"]

    # a reading order opens the detail view; Escape goes back
    page.commune.setCurrentIndex(0)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == page.DETAIL and "L-READ-OVERDUE" in page.detail_text.text()
    page.detail_back.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.LIST, timeout=5_000)

    # open the replacement with Enter: straight to its form
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    form = page.install_form
    assert page.stack.currentIndex() == page.FORM and form is not None and form.row.id == wo.id
    view = form.view
    ed = view.editors

    # saving an empty form: problems under the fields, nothing saved
    form.save_button.click()
    assert form.summary.isVisible() and "Dữ liệu đã nhập vẫn còn nguyên" in form.summary.text()
    assert ed["installed_serial"].error.isVisible()
    assert "Chưa nhập: Số công tơ treo." in ed["installed_serial"].error.text()
    assert installs.installs_of(session, wo.id) == []

    def choose(fid: str, value: str) -> None:
        combo = ed[fid].combo
        combo.setFocus()
        combo.setCurrentIndex(combo.findData(value))

    choose("reason", "faulty")
    assert ed["removed_serial"].isVisible()  # skip logic: a replacement asks for the removed meter
    _type(qtbot, ed["representative"].inputs["value"], "Nguyễn Văn Bình")
    qtbot.keyClicks(ed["position"].inputs["lat"], "20,5412")
    qtbot.keyClicks(ed["position"].inputs["lon"], "106.0521")
    qtbot.keyClicks(ed["removed_serial"].inputs["value"], "OLD-778812")
    for reg, value in (("BT", "10234,5"), ("CD", "2200"), ("TD", "3100")):
        qtbot.keyClicks(ed["removed_reading"].inputs[reg], value)
    qtbot.keyClicks(ed["installed_serial"].inputs["value"], "VSN2025000123")
    choose("installed_type", "electronic")
    choose("phases", "3")
    assert ed["ct_ratio"].isVisible()
    qtbot.keyClicks(ed["ct_ratio"].inputs["value"], "200:5")  # wrong, fixed below
    for reg, value in (("BT", "0.4"), ("CD", "0"), ("TD", "0")):
        qtbot.keyClicks(ed["installed_reading"].inputs[reg], value)
    qtbot.keyClicks(ed["terminal_seal_code"].inputs["value"], "NPC-A 778812")
    qtbot.keyClicks(ed["terminal_seal_count"].inputs["value"], "2")
    qtbot.keyClicks(ed["optical_sticker"].inputs["value"], "QC-99001")
    picker = ed["meter_photos"].photos
    assert not picker.add_file(tmp_path / "missing.jpg") and picker.message.isVisible()
    assert picker.add_file(_photo(tmp_path, "meter.png", "#3366AA"))
    camera = tmp_path / "DCIM"
    camera.mkdir()
    _photo(camera, "IMG_0001.png", "#AA6633")
    assert picker.add_newest_from(camera) == 1
    form.scroll_area.ensureWidgetVisible(ed["technician_signature"])
    _sign(qtbot, ed["technician_signature"].pad, 12)
    form.scroll_area.ensureWidgetVisible(ed["customer_signature"])
    _sign(qtbot, ed["customer_signature"].pad, 25)
    assert not ed["customer_signature"].pad.is_empty()

    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    assert "Tỷ số TI dạng 200/5" in ed["ct_ratio"].error.text()
    assert installs.installs_of(session, wo.id) == []
    ed["ct_ratio"].inputs["value"].clear()
    qtbot.keyClicks(ed["ct_ratio"].inputs["value"], "200/5")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.document is not None, timeout=20_000)

    # database: the install with its form version and attachments; the work order is done
    [install] = installs.installs_of(session, wo.id)
    assert (install.form_id, install.form_version) == ("meter_install", 2)
    assert install.installed_meter_serial == "VSN2025000123" and install.removed_meter_serial == "OLD-778812"
    assert install.data["position"] == {"lat": "20.5412", "lon": "106.0521", "source": "typed"}
    assert install.data["installed_reading"]["source"] == "manual"
    assert install.data["representative"] == "Nguyễn Văn Bình" and install.data["ct_ratio"] == "200/5"
    assert len(install.data["attachments"]) == 4
    kinds = dict(session.store.query("SELECT sha256, kind FROM attachments"))
    assert sorted(kinds[s] for s in install.data["attachments"]) == ["photo", "photo", "signature", "signature"]
    for sha in install.data["attachments"]:
        assert session.attachments.has(sha)
    assert work_orders.get_work_order(session, wo.id).state.value == "done"

    # outbox: attachments, install, work-order status
    rows = session.store.query("SELECT entity, action, entity_id, payload FROM outbox ORDER BY rowid")
    tail = [(r[0], r[1]) for r in rows][-7:]
    assert tail == [("attachment", "create")] * 4 + [("install", "append"), ("meter", "create"),
                                                     ("work_order", "status")]
    assert json.loads(rows[-3][3])["form_version"] == 2 and rows[-1][2] == wo.id
    assert json.loads(rows[-2][3])["customer_id"] == wo.customer_id  # the installed meter is registered

    # the PDF
    assert form.document is not None and form.document_actions.isVisibleTo(form)
    assert form.document_actions.make_button.isVisibleTo(form)  # open, print and make again, not just a name
    pdf = session.attachments.get(form.document.sha256)  # kept encrypted, never a plain file
    assert not (Path(session.profile.folder) / "documents").exists()
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for part in ("BIÊN BẢN TREO THÁO CÔNG TƠ", "VSN2025000123", "OLD-778812", "NPC-A 778812", "QC-99001",
                 "Nguyễn Văn Bình", "Công tơ tháo", "Chỉ số chốt", "10234,5", "Trần Thị Lan"):
        assert part in text, part
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    pix = doc[0].get_pixmap(dpi=150)
    img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    lo, hi = img.convert("L").getextrema()
    assert lo < 50 and hi > 200
    decoded = [c.text for c in zxingcpp.read_barcodes(img) if c.format == zxingcpp.BarcodeFormat.QRCode]
    assert decoded == [qr_payload(wo.id, "L-REPL-1")]

    # back to the list: the order is now waiting for review and opens as a detail view
    form.back_button.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.LIST and any(
        r.number == "L-REPL-1" and r.state.value == "done" for r in page.rows), timeout=10_000)


def test_initial_readings_through_the_probe(qtbot, shell, session, monkeypatch):
    """The Read-through-probe button with the meter simulator on a pseudo-terminal."""
    wo = _orders(session)
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", "--profile",
                             "three-phase-tou"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), FIELDKIT_SIMULATOR_TIME_SCALE="20"))
    try:
        assert proc.stdout is not None
        assert select.select([proc.stdout], [], [], 15)[0], "simulator did not start"
        monkeypatch.setenv("FIELDKIT_PROBE_PORT", proc.stdout.readline().decode().strip())
        win, page = _login(qtbot, shell)
        row = next(r for r in page.rows if r.id == wo.id)
        page.open_order(row)
        ed = page.install_form.view.editors["installed_reading"]
        assert ed.action is not None
        ed.action.click()
        qtbot.waitUntil(lambda: ed.inputs["BT"].text() != "" and ed.action.isEnabled(), timeout=30_000)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(5)
    value = page.install_form.view.values()["installed_reading"]
    assert value["source"] == "optical" and float(value["BT"]) >= 0 and value["CD"] and value["TD"]


def test_probe_and_gps_buttons_without_devices_explain(qtbot, shell, session, monkeypatch):
    monkeypatch.delenv("FIELDKIT_PROBE_PORT", raising=False)
    monkeypatch.delenv("FIELDKIT_GPS_PORT", raising=False)
    wo = _orders(session)
    win, page = _login(qtbot, shell)
    page.open_order(next(r for r in page.rows if r.id == wo.id))
    view = page.install_form.view
    view.editors["installed_reading"].action.click()
    assert "Chưa đặt cổng đầu đọc quang" in view.editors["installed_reading"].error.text()
    view.editors["position"].action.click()
    assert "Chưa đặt cổng máy thu GPS" in view.editors["position"].error.text()
    assert view.values()["installed_reading"] is None  # nothing invented
