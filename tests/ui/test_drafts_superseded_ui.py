"""A draft typed in the real install form, overtaken by the order's record done on another laptop
and pulled by a real sync (central server on loopback): the Today page lists it as superseded,
opening it shows what was typed (read-only), Enter keeps it, and only "Discard" deletes it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fieldkit.central import admin, people
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Role
from fieldkit.services import installs, sync
from fieldkit.services import session as sessions
from fieldkit.services.installs import InstallFile
from fieldkit.store import drafts as repo
from fieldkit.store.keyring import FAST_KDF
from fieldkit.ui.main_window import MainWindow  # noqa: F401 - imported here, not inside the first sign-in
from fieldkit.ui.qt import QApplication, Qt
from tests.ui.test_drafts import login, open_form, settled

TYPED = "Go do tren may A 5521"  # typed key by key (QTest types ASCII only)


def _png(colour: str, size: tuple[int, int] = (120, 90)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def other_laptop(session: sessions.Session, tmp_path: Path) -> Iterator[sessions.Session]:
    """The central server on loopback; this profile (laptop A) and laptop B both Lan's, one order."""
    db = Database(str(tmp_path / "central.db"))
    db.create_all()
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    admin.create_user(db, "hung", "Phạm Văn Hùng", "supervisor", "T1")
    admin.import_work_orders(db, "number,kind,customer_code,customer_name,phone,street,commune,province,"
                                 "meter_serial,due_date,assignee\nWO-UI-9,meter_replacement,PA23LN0000991,Đinh Văn Tú,"
                                 "0987000001,Xóm 3,Nhân Thịnh,Ninh Bình,VSE-991,2026-12-31,lan\n", team_code="T1")
    with ServerThread(db) as srv:
        b = sessions.create(tmp_path / "b", username="lan", display_name="Trần Thị Lan", role=Role.TECHNICIAN,
                            secret="246810", params=FAST_KDF)
        sup = sessions.create(tmp_path / "s", username="hung", display_name="Phạm Văn Hùng", role=Role.SUPERVISOR,
                              secret="135790", params=FAST_KDF)
        for s, name, user in ((session, "a", "lan"), (b, "b", "lan"), (sup, "s", "hung")):
            sync.enrol(s, admin.enrol(db, "T1", name).code, srv.url, user_code=people.issue_code(db, user))
            assert sync.sync_now(s).ok
        b.supervisor_laptop = sup  # type: ignore[attr-defined]
        yield b
        b.close()
        sup.close()
    db.dispose()


def _complete(b: sessions.Session, wo_id: str) -> Any:
    files = [InstallFile(_png("#AA0000"), "image/png", "photo"),
             InstallFile(_png("white", (300, 100)), "image/png", "signature"),
             InstallFile(_png("#EEEEEE", (300, 100)), "image/png", "signature")]
    values = {
        "reason": "faulty", "representative": "Đinh Văn Tú", "place": "Xóm 3", "substation": "TBA 3",
        "pole_number": "1", "box_number": "H2", "position": {"lat": "20.5", "lon": "106.0", "source": "typed"},
        "removed_serial": "VSE-991", "removed_reading": {"BT": "10", "CD": "2", "TD": "3", "source": "manual"},
        "installed_serial": "VSN2025000991", "installed_model": "VSE11-20", "installed_type": "electronic",
        "phases": "1", "installed_reading": {"BT": "0.0", "CD": "0", "TD": "0", "source": "manual"},
        "terminal_seal_code": "NPC-A 1", "terminal_seal_count": "2", "sticker_seal": "TEM-1",
        "optical_sticker": "QC-1", "install_date": local_today().isoformat(),
        "meter_photos": [files[0].sha256], "technician_signature": files[1].sha256,
        "customer_signature": files[2].sha256}
    return installs.complete_install(b, work_order_id=wo_id, values=values, files=files)


def test_a_superseded_draft_is_listed_readable_and_discarded_only_on_purpose(qtbot, shell, session, other_laptop):
    win = login(qtbot, shell)
    wo_id = repo_order_id(session)
    page, form = open_form(qtbot, win, wo_id)
    qtbot.keyClicks(form.view.editors["representative"].inputs["value"], TYPED)
    settled(qtbot, form.saver)
    form.leave()
    # done on laptop B, pulled here by a real sync
    record = _complete(other_laptop, wo_id)
    assert sync.sync_now(other_laptop).ok and sync.sync_now(session).ok

    today = win.go_to("today")
    qtbot.waitUntil(lambda: today.today is not None and not today.loading, timeout=10_000)
    today.reload()
    qtbot.waitUntil(lambda: not today.loading and today.counts().get("drafts") == 1, timeout=10_000)
    row = today.lists["drafts"].item(0)
    assert row.text().startswith("WO-UI-9") and "Đã bị thay thế" in row.text() and "máy khác" in row.text()
    [kept] = repo.of_user(session.store.conn, session.user_id)
    assert kept.superseded_by == record.id

    # open it: read-only, what was typed; Enter (the default button) keeps it
    today.open_item(row)
    qtbot.waitUntil(lambda: today.dialog is not None and today.dialog.isVisible(), timeout=10_000)
    dialog = today.dialog
    assert TYPED in dialog.content.toPlainText() and dialog.content.isReadOnly()
    assert dialog.keep_button.isDefault() and not dialog.discard_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: today.dialog is None, timeout=5_000)
    QApplication.processEvents()
    assert len(repo.of_user(session.store.conn, session.user_id)) == 1  # still there

    # open again and discard deliberately
    today.open_item(today.lists["drafts"].item(0))
    qtbot.waitUntil(lambda: today.dialog is not None and today.dialog.isVisible(), timeout=10_000)
    today.dialog.discard_button.click()
    qtbot.waitUntil(lambda: repo.of_user(session.store.conn, session.user_id) == [], timeout=10_000)
    qtbot.waitUntil(lambda: not today.loading and today.counts().get("drafts") == 0, timeout=10_000)
    assert session.store.query("SELECT action FROM audit WHERE entity = 'draft' ORDER BY seq") == [
        ("create",), ("superseded",), ("discard",)]
    assert page is win.pages["work_orders"]


def test_the_form_of_a_returned_order_says_where_the_overtaken_draft_is(qtbot, shell, session, other_laptop):
    """Done on laptop B, returned by the supervisor: laptop A opens the order pre-filled from B's record and
    says that the draft typed here earlier is kept on the Today page."""
    from fieldkit.services import work_orders

    win = login(qtbot, shell)
    wo_id = repo_order_id(session)
    _page, form = open_form(qtbot, win, wo_id)
    qtbot.keyClicks(form.view.editors["representative"].inputs["value"], TYPED)
    settled(qtbot, form.saver)
    form.leave()
    _complete(other_laptop, wo_id)
    sup = other_laptop.supervisor_laptop
    assert sync.sync_now(other_laptop).ok and sync.sync_now(sup).ok
    work_orders.review_work_order(sup, wo_id, approve=False, comment="Chụp lại ảnh công tơ")
    assert sync.sync_now(sup).ok and sync.sync_now(session).ok
    _page, form = open_form(qtbot, win, wo_id)
    assert form.start.returned and form.start.seeded and form.start.superseded == 1
    assert form.view.editors["representative"].inputs["value"].text() == "Đinh Văn Tú"  # B's record
    text = form.banner.text()
    assert "Chụp lại ảnh công tơ" in text and "trang Hôm nay" in text and form.banner.isVisibleTo(form)
    [kept] = [d for d in repo.of_user(session.store.conn, session.user_id) if d.superseded]
    assert kept.data["values"]["representative"] == TYPED


def repo_order_id(session: sessions.Session) -> str:
    [wo_id] = [r[0] for r in session.store.query("SELECT id FROM work_orders WHERE number = 'WO-UI-9'")]
    return str(wo_id)


_ = repo  # the store module is read directly to show nothing was deleted behind the widgets
