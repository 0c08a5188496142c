"""The manual reading keeps what was typed (real widgets, real encrypted store, the 100 ms stall
probe on): typing the index saves a draft 500 ms after the typing stops, in the background; going to
another page right after typing loses nothing; opening the meter again fills the manual entry back
(index, reason, note, photo); the Today page lists it and opens it; saving the reading deletes the
draft in the reading's own transaction and a late autosave cannot bring it back."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtGui import QColor, QPixmap

from fieldkit.domain.models import Address, ReadingSource, RegisterValue
from fieldkit.services import customers, drafts, field_facts, meters, readings
from fieldkit.services.customers import CustomerInput
from fieldkit.store import drafts as repo
from fieldkit.ui.forms.autosave import DELAY_MS
from fieldkit.ui.main_window import MainWindow  # noqa: F401 - imported here, not inside the first sign-in
from fieldkit.ui.qt import Qt
from tests.ui.test_drafts import login


def _meter(session: Any) -> Any:
    c = customers.create_customer(session, CustomerInput(
        code="PA23LN0000456", name="Vũ Thị Mận", phone="0912345670",
        address=Address(commune="Xã Nhân Hà", street="Thôn Bắc")))
    m = meters.register_meter(session, serial="CE18-77001", customer_id=c.id)
    field_facts.record_reading(session, meter_id=m.id, registers={"1.8.0": RegisterValue(Decimal("1000"), "kWh")},
                               source=ReadingSource.OPTICAL)
    return m


def _panel(qtbot: Any, win: Any, meter_id: str, session: Any) -> Any:
    page = win.go_to("readings")
    panel = page.open_target(readings.target_for_meter(session, meter_id))
    qtbot.waitUntil(lambda: panel.manual_draft.saver.active, timeout=10_000)  # its draft looked up
    return panel


def _stored(session: Any, meter_id: str) -> Any:
    return repo.get(session.store.conn, repo.READING, meter_id, session.user_id)


def test_manual_entry_is_kept_restored_listed_and_removed_by_the_save(qtbot, shell, session, stall_probe, tmp_path):
    m = _meter(session)
    win = login(qtbot, shell)
    panel = _panel(qtbot, win, m.id, session)
    assert not panel.manual_draft.restored and _stored(session, m.id) is None
    qtbot.mouseClick(panel.manual_button, Qt.MouseButton.LeftButton)
    assert panel.state == "manual"
    qtbot.keyClicks(panel.manual_edits["1.8.0"], "1234,5")
    saver = panel.manual_draft.saver
    assert saver.timer.isActive() and saver.timer.interval() == DELAY_MS and _stored(session, m.id) is None
    qtbot.waitUntil(lambda: saver.saves >= 1 and not saver.pending(), timeout=10_000)
    assert _stored(session, m.id).data["values"]["1.8.0"] == "1234,5"
    # more typing, a reason, a note and a photo, then straight to another page: nothing lost
    panel.reason.setCurrentIndex(2)
    reason = panel.reason.currentData()
    qtbot.keyClicks(panel.reason_note, "kinh mo")
    photo = tmp_path / "face.png"
    pix = QPixmap(64, 48)
    pix.fill(QColor("#336699"))
    assert pix.save(str(photo)) and panel.photos.add_file(photo)
    qtbot.keyClicks(panel.manual_edits["1.8.0"], "6")
    win.go_to("today")  # hidden: the pending change is saved now, not when the timer would fire
    qtbot.waitUntil(lambda: not saver.pending(), timeout=10_000)
    d = _stored(session, m.id)
    assert d.data["values"]["1.8.0"] == "1234,56" and d.data["reason"] == reason and d.data["note"] == "kinh mo"
    [item] = d.data["photos"]["photo"]
    assert session.attachments.get(item["sha"]) == photo.read_bytes()  # encrypted store, not the clear
    assert d.base == field_facts.readings_of_meter(session, m.id, limit=1)[0].id

    # the Today page lists it (by the meter's serial) and opens it in the meter's panel, filled in
    today = win.pages["today"]
    qtbot.waitUntil(lambda: not today.loading and today.counts().get("drafts") == 1, timeout=10_000)
    row = today.lists["drafts"].item(0)
    assert row.text().startswith("CE18-77001")
    today.open_item(row)
    page = win.pages["readings"]
    qtbot.waitUntil(lambda: page.panel is not panel and page.panel is not None
                    and page.panel.manual_draft.restored, timeout=10_000)
    again = page.panel
    assert again.state == "manual" and again.manual_card.isVisible()
    assert again.manual_edits["1.8.0"].text() == "1234,56" and again.reason.currentData() == reason
    assert again.reason_note.text() == "kinh mo" and again.photos.photos[0][0] == photo.read_bytes()
    assert again.manual_draft.saver.saves == 0  # filling the card back is not a new save

    # saved: the draft goes in the reading's transaction; a late autosave cannot bring it back
    base = again.manual_draft.base
    qtbot.mouseClick(again.manual_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.state == "manual_saved", timeout=10_000)
    saved = field_facts.readings_of_meter(session, m.id, limit=1)[0]
    assert saved.registers["1.8.0"].value == Decimal("1234.56") and _stored(session, m.id) is None
    assert not drafts.save_reading(session, m.id, {"values": {"1.8.0": "9"}}, [], base)
    assert session.store.query("SELECT count(*) FROM drafts") == [(0,)]
    assert drafts.today(session).drafts == []
