"""The Readings page end to end: real widgets, a real encrypted profile, and the REAL meter simulator on a
real pseudo-terminal (a separate process), read through the app's one device thread.

- read: progress, registers beside the previous reading, consumption, the serial warning, the bill
  estimate; save stores an optical reading whose capture re-parses to the same registers; outbox;
- cancel in the middle of a read; the event loop keeps running during the read;
- a silent meter: the "check the probe" message in Vietnamese and English, then a manual reading with
  a reason and a photo.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPixmap

from fieldkit.devices.errors import MESSAGES
from fieldkit.devices.reparse import parse_file_bytes
from fieldkit.domain.local_time import local_date
from fieldkit.domain.models import Address, ReadingSource, RegisterValue, WorkOrderKind
from fieldkit.domain.tariff import estimate_bill
from fieldkit.services import customers, field_facts, meters, readings, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.ui.readings.widgets import fmt_money
from tests.conftest import TEST_PIN

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS = (Decimal(60300), Decimal(60700), Decimal(61100))
# simulator arguments for a test where the speed is not what is checked: the same meter, bytes and
# baud rates, the wire 20 times faster (a DLMS read with 3 days of load profile: 17.6 s -> about 1.5 s)
FAST_WIRE = ("--time-scale", "20")


@pytest.fixture
def simulator() -> Iterator[Callable[..., str]]:
    """Start `python -m fieldkit simulate-meter --pty ARGS`; returns its port; terminated at the end."""
    procs: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> str:
        proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", *args],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                                env=dict(os.environ, PYTHONPATH=str(ROOT)))
        procs.append(proc)
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 15)
        assert ready, "simulator did not print its port"
        port = proc.stdout.readline().decode().strip()
        assert port.startswith("/dev/"), port
        return port

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


def make_world(session, serial: str):
    c = customers.create_customer(session, CustomerInput(
        code="PA23VG0053140", name="Nguyễn Văn An", phone="0912345678", households=2,
        address=Address(province_code=37, province="Ninh Bình", commune="Xã Gia Viễn", commune_code=14464,
                        street="Thôn Đông")))
    m = meters.register_meter(session, serial=serial, customer_id=c.id, phases=3, tariff_registers=3)
    now = datetime.now(UTC)
    for i, value in enumerate(PREVIOUS):
        field_facts.record_reading(session, meter_id=m.id, source=ReadingSource.OPTICAL, customer_id=c.id,
                                   taken_at=now - timedelta(days=30 * (len(PREVIOUS) - i)),
                                   registers={"1.8.0": RegisterValue(value, "kWh")})
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id, meter_id=m.id,
                                       due_date=local_date(now), number="R-2611-01")
    return c, m, wo


def open_panel(qtbot, shell, port: str | None):
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText(TEST_PIN)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    win = shell.main_window
    if port is not None:
        shell.config.set("probe_port", port)
    page = win.go_to("readings")
    qtbot.waitUntil(lambda: len(page.choices) == 1, timeout=10_000)
    assert "R-2611-01" in page.list.item(0).text()
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.panel is not None and page.panel.isVisible(), timeout=10_000)
    return win, page, page.panel


def outbox(session):
    with session.store.read() as conn:
        return [(e, a, json.loads(p)) for e, a, p in conn.execute(
            "SELECT entity, action, payload FROM outbox ORDER BY seq")]


def test_read_the_simulator_show_the_result_and_save(qtbot, shell, session, simulator, stall_probe):
    port = simulator("--profile", "three-phase-tou")
    _c, meter, wo = make_world(session, serial="19072299")  # the meter on site says 19072245
    _win, _page, panel = open_panel(qtbot, shell, port)
    assert panel.port_name() == port
    phases: list[str] = []
    counts: list[tuple[int, int]] = []
    panel.bridge.progress.connect(lambda ph, got, exp: (phases.append(ph), counts.append((got, exp))))
    events_before = stall_probe.events
    ui_thread = threading.get_ident()

    qtbot.mouseClick(panel.read_button, Qt.MouseButton.LeftButton)
    assert panel.state == "reading" and panel.progress_card.isVisible() and panel.cancel_button.isVisible()
    qtbot.waitUntil(lambda: panel.phase == "receiving" and panel.received > 0, timeout=15_000)
    during = panel.bar.text
    assert "byte" in during and panel.progress_text.text()  # "1.234 of about 1.500 bytes"
    steps_during = {k: lab.text() for k, lab in panel.step_labels.items()}
    qtbot.waitUntil(lambda: panel.state == "result", timeout=20_000)
    assert threading.get_ident() == ui_thread
    # progress: every step, byte counts rising against the expected size (a three-phase meter, ~1.5 KB)
    assert [p for p in dict.fromkeys(phases)][:4] == ["sign-on", "identification", "baud switch", "receiving"]
    received = [got for (got, exp), ph in zip(counts, phases, strict=True) if ph == "receiving"]
    assert received == sorted(received) and received[-1] > 1000
    assert all(exp == readings.TYPICAL_BYTES[3] for (_g, exp), ph in zip(counts, phases, strict=True)
               if ph == "receiving")
    assert steps_during["sign-on"].startswith("✓") and steps_during["receiving"].startswith("▶")
    # the event loop kept running during the ~3 s read (its 20 ms heartbeat among the events); the
    # stall probe fails the test if any one event held the UI thread over 100 ms
    assert stall_probe.events - events_before > 150
    assert stall_probe.worst.seconds < stall_probe.limit, stall_probe.worst

    a = panel.assessment
    assert a is not None and panel.result_card.isVisible()
    table = panel.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())}
    assert {"1.8.0", "1.8.1", "1.8.2", "1.8.3"} <= set(rows)
    total = panel.result.registers["1.8.0"][0]
    assert rows["1.8.0"][2].replace(".", "").replace(",", ".").startswith(str(total).split(".")[0])
    assert rows["1.8.0"][3] == "61.100 kWh"  # previous reading, Vietnamese number format
    consumption = total - PREVIOUS[-1]
    assert rows["1.8.0"][4] == f"{consumption:.3f}".replace(".", ",") + " kWh"
    assert "Tổng điện năng" in rows["1.8.0"][1]
    assert "kWh" in panel.summary.text() and f"{consumption:.3f}".replace(".", ",")[:4] in panel.summary.text()
    qtbot.waitUntil(lambda: panel.findChild(type(panel.summary), "finding_serial_mismatch") is not None
                    and panel.findChild(type(panel.summary), "finding_serial_mismatch").isVisible(), timeout=5_000)
    warning = panel.findChild(type(panel.summary), "finding_serial_mismatch")
    assert "19072245" in warning.text() and "19072299" in warning.text() and "khác số công tơ" in warning.text()
    # the bill estimate: whole kWh since the previous reading, over the days between, two households
    prev = a.previous_at
    start = prev.astimezone(readings.VIETNAM).date()
    end = max(start, a.taken_at.astimezone(readings.VIETNAM).date() - timedelta(days=1))
    kwh = int(total) - int(PREVIOUS[-1])
    expected = estimate_bill(kwh, start, end, households=2)
    assert expected.total > 0 and fmt_money(expected.total) in panel.bill.text()
    assert "Tiền điện ước tính" in panel.bill.text()

    # a wrong meter: focus is not on Save, and saving asks for a confirmation with a reason
    assert panel.focusWidget() is panel.read_button  # Enter reads again; it never saves a flagged reading
    panel.window().activateWindow()
    qtbot.waitUntil(panel.window().isActiveWindow, timeout=5_000)  # shortcuts work in the active window
    qtbot.keyClick(panel.read_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert panel.confirm_card.isVisible() and panel.state == "result" and panel.confirm_reason.hasFocus()
    assert "19072245" in panel.confirm_text.text() and not panel.save_button.isEnabled()
    assert field_facts.readings_of_meter(session, meter.id, limit=1)[0].capture_sha256 is None  # nothing saved
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)  # no reason: refused
    assert panel.confirm_error.isVisible() and "lý do" in panel.confirm_error.text() and panel.state == "result"
    qtbot.keyClick(panel.confirm_reason, Qt.Key.Key_Escape)  # Esc: back, nothing saved
    assert not panel.confirm_card.isVisible() and panel.state == "result" and panel.save_button.isEnabled()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    panel.confirm_reason.setText("Đã thay công tơ, phiếu cũ")  # (QTest cannot type non-ASCII keys)
    qtbot.keyClick(panel.confirm_reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.state == "saved", timeout=10_000)
    assert panel.saved_label.isVisible() and not panel.save_button.isVisible()
    saved = field_facts.readings_of_meter(session, meter.id, limit=1)[0]
    # the reason and the warnings are stored with the reading
    assert saved.manual_reason == "Đã thay công tơ, phiếu cũ [serial_mismatch]"
    assert saved.id == panel.saved_reading.id
    assert saved.source is ReadingSource.OPTICAL and saved.work_order_id == wo.id and saved.capture_sha256
    again = parse_file_bytes(session.attachments.get(saved.capture_sha256))  # what parse-telegram does
    assert readings.stored_registers(again) == saved.registers
    assert saved.registers["1.8.0"] == RegisterValue(total, "kWh")
    ops = outbox(session)
    assert any(e == "reading" and act == "append" and p["id"] == saved.id for e, act, p in ops)
    assert any(e == "attachment" and p["sha256"] == saved.capture_sha256 and p["kind"] == "capture"
               for e, _act, p in ops)


def test_cancel_during_a_read_keeps_the_ui_responsive(qtbot, shell, session, simulator):
    port = simulator("--profile", "three-phase-tou", "--fault", "slow", "--fault-arg", "1.5")
    _c, meter, _wo = make_world(session, serial="19072245")
    _win, _page, panel = open_panel(qtbot, shell, port)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.mouseClick(panel.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.phase == "identification" or panel.phase == "baud switch"
                    or len(ticks) > 40, timeout=10_000)
    assert panel.state == "reading"
    before = len(ticks)
    clicked = time.monotonic()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=5_000)
    assert time.monotonic() - clicked < 1.5
    timer.stop()
    assert len(ticks) >= before and len(ticks) > 20
    assert panel.error_label.isVisible() and "Đã huỷ việc đọc" in panel.error_label.text()
    assert not panel.progress_card.isVisible() and panel.read_button.isVisible() and panel.read_button.isEnabled()
    assert len(field_facts.readings_of_meter(session, meter.id)) == len(PREVIOUS)  # nothing saved


def test_silent_meter_then_manual_reading_with_reason_and_photo(qtbot, shell, session, simulator, tmp_path):
    port = simulator("--profile", "three-phase-tou", "--fault", "silent")
    _c, meter, wo = make_world(session, serial="19072245")
    _win, _page, panel = open_panel(qtbot, shell, port)
    qtbot.mouseClick(panel.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "failed", timeout=20_000)
    vi, en = MESSAGES["NO_ANSWER"].vi, MESSAGES["NO_ANSWER"].en
    assert panel.error_label.isVisible() and vi in panel.error_label.text()
    shell.set_language("en")
    qtbot.waitUntil(lambda: en in panel.error_label.text(), timeout=5_000)
    assert "Check the probe is seated on the optical port" in panel.error_label.text()
    shell.set_language("vi")
    qtbot.waitUntil(lambda: vi in panel.error_label.text(), timeout=5_000)

    qtbot.mouseClick(panel.manual_button, Qt.MouseButton.LeftButton)
    assert panel.state == "manual" and panel.manual_card.isVisible()
    assert vi in panel.reason_note.text()  # the failure is kept as the note
    assert set(panel.manual_edits) == {"1.8.0", "1.8.1", "1.8.2", "1.8.3"}
    # no photo yet: refused with a clear message, nothing saved
    qtbot.keyClicks(panel.manual_edits["1.8.0"], "61 250,5")
    qtbot.mouseClick(panel.manual_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.manual_error.isVisible(), timeout=5_000)
    assert "ảnh" in panel.manual_error.text()
    assert len(field_facts.readings_of_meter(session, meter.id)) == len(PREVIOUS)
    photo = tmp_path / "meter.png"
    pix = QPixmap(64, 48)
    pix.fill(QColor("#336699"))
    assert pix.save(str(photo))
    assert panel.photos.add_file(photo)
    qtbot.mouseClick(panel.manual_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "manual_saved", timeout=10_000)
    saved = field_facts.readings_of_meter(session, meter.id, limit=1)[0]
    assert saved.source is ReadingSource.MANUAL and saved.work_order_id == wo.id
    assert saved.registers == {"1.8.0": RegisterValue(Decimal("61250.5"), "kWh")}
    assert saved.manual_reason.startswith("Đầu đọc không đọc được công tơ") and vi in saved.manual_reason
    assert session.attachments.get(saved.photo_sha256) == photo.read_bytes()
    assert any(e == "attachment" and p["sha256"] == saved.photo_sha256 and p["kind"] == "photo"
               for e, _a, p in outbox(session))


def test_read_meter_from_a_reading_work_order(qtbot, shell, session):
    _c, meter, wo = make_world(session, serial="19072245")
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText(TEST_PIN)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    page = shell.main_window.pages["work_orders"]
    qtbot.waitUntil(lambda: page.loaded and len(page.rows) == 1, timeout=10_000)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == page.DETAIL and page.detail_read.isVisible()
    assert page.detail_read.text() == "Đọc công tơ"
    qtbot.mouseClick(page.detail_read, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.FORM, timeout=10_000)
    panel = page.stack.currentWidget()
    assert panel.target.work_order.id == wo.id and panel.target.meter.id == meter.id
    assert "19072245" in panel.title.text() and "R-2611-01" in panel.subtitle.text()
    assert "61.100 kWh" in panel.subtitle.text()  # the previous reading
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.LIST, timeout=5_000)
