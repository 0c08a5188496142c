"""Every kind of work order through its whole life, on real parts: a central server on loopback
(SQLite file), the technician's encrypted profile signed in through the real app window
(pytest-qt), the supervisor's own laptop profile. From the server to the laptop, work, submission
by saving the record, sync, return with a comment (the supervisor's signed operation), the comment
on the technician's list and detail, start again, resubmission superseding the first record,
approval; both databases and the work-order list checked at each step."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from sqlalchemy import select

from fieldkit.central import admin, people
from fieldkit.central import schema as t
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.domain import lifecycle as lc
from fieldkit.domain import onboarding as flow
from fieldkit.domain.models import Role, WorkOrderKind
from fieldkit.services import field_facts, manual_readings, readings, sync, work_orders
from fieldkit.services import session as sessions
from fieldkit.store.keyring import FAST_KDF
from fieldkit.ui import main_window  # noqa: F401 - imported with the tests, not inside the timed sign-in
from fieldkit.ui.qt import Qt
from tests.conftest import TEST_PIN

COMMENT = "Ảnh niêm phong bị mờ, chụp lại"


def png(shade: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (shade, 90, 140)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def central(tmp_path):
    db = Database(str(tmp_path / "central.db"))
    db.create_all()
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    admin.create_user(db, "hung", "Phạm Văn Hùng", "supervisor", "T1")
    with ServerThread(db) as srv:
        yield db, srv
    db.dispose()


@pytest.fixture
def app(qapp, profile_dir, session, central):
    """Lan's laptop (the conftest profile) enrolled with the server; the app shell on it, without
    automatic sync (the test syncs at the steps it checks)."""
    from fieldkit.ui.app import Shell

    db, srv = central
    sync.enrol(session, admin.enrol(db, "T1", "lan-laptop").code, srv.url, user_code=people.issue_code(db, "lan"))
    sh = Shell(qapp, profile_dir, language="vi", params=FAST_KDF, start_auto_sync=False)
    sh.start()
    yield sh
    if sh.main_window is not None:
        sh.main_window.shutdown()
        sh.main_window.close()
    sh.login_window.close()
    sh.close_session()


@pytest.fixture
def supervisor_laptop(tmp_path, central):
    db, srv = central
    s = sessions.create(tmp_path / "hung-laptop", username="hung", display_name="Phạm Văn Hùng",
                        role=Role.SUPERVISOR, secret="135790", params=FAST_KDF)
    sync.enrol(s, admin.enrol(db, "T1", "hung-laptop").code, srv.url, user_code=people.issue_code(db, "hung"))
    yield s
    s.close()


def synced(s: sessions.Session) -> sync.SyncReport:
    r = sync.sync_now(s)
    assert r.ok and r.rejected == 0, r
    return r


def server_order(db: Database, number: str) -> dict[str, Any]:
    with db.read() as conn:
        return json.loads(conn.execute(select(t.work_orders.c.data).where(t.work_orders.c.number == number))
                          .scalar_one())


def server_fact(db: Database, fact_id: str) -> dict[str, Any]:
    with db.read() as conn:
        return json.loads(conn.execute(select(t.facts.c.data).where(t.facts.c.id == fact_id)).scalar_one())


def save_record(s: sessions.Session, kind: WorkOrderKind, wo_id: str, n: int) -> str:
    """The kind's completing record, saved by the services the laptop's screens call."""
    wo = work_orders.get_work_order(s, wo_id)
    entity = lc.life(kind).record
    if entity == "reading":  # the reading panel's manual path: typed index, reason and photo
        target = readings.target_for_work_order(s, wo_id)
        return manual_readings.save_manual(s, target, {"1.8.0": f"{1200 + n},5"}, "cổng quang bị che",
                                           png(40 * n), photo_mime="image/png",
                                           confirmation="đã xem mặt công tơ tại chỗ").id
    if entity == "install":
        return field_facts.record_install(s, work_order_id=wo_id, installed_meter_serial=f"CE18-N{n}",
                                          data={"seal": f"NPC-{n}"},
                                          attachments=[(png(20 * n), "image/png", "photo"),
                                                       (png(200 + n), "image/png", "signature")]).id
    steps = [(flow.HOUSEHOLD, {"customer_id": wo.customer_id, "new_supply": False}),
             (flow.APP_INSTALL, {"shown": True}), (flow.APP, {"registered": True}),
             (flow.PAYMENT, {"method": "auto_debit"}), (flow.CONTRACT, {"signed": True})] if n == 1 else []
    for step, data in steps:
        field_facts.record_onboarding_step(s, customer_id=str(wo.customer_id), step=step, data=data)
    return field_facts.record_onboarding_step(s, customer_id=str(wo.customer_id), step=flow.SHEET,
                                              data={"sha256": f"{n:x}" * 64, "printed": n > 1}).id


def list_cells(qtbot, page, number: str) -> tuple[str, str]:
    """(priority, status) of the order's row as the list shows them, after a reload."""
    page.reload()
    qtbot.waitUntil(lambda: any(r.number == number for r in page.rows) and page.loaded, timeout=10_000)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: any(r.number == number for r in page.rows), timeout=10_000)
    i = next(i for i, r in enumerate(page.rows) if r.number == number)
    return (page.model.data(page.model.index(i, 0), Qt.ItemDataRole.DisplayRole),
            page.model.data(page.model.index(i, 4), Qt.ItemDataRole.DisplayRole))


def wait_status(qtbot, page, number: str, text: str) -> str:
    got: list[str] = []

    def check() -> bool:
        got[:] = [list_cells(qtbot, page, number)[1]]
        return got[0].startswith(text)

    qtbot.waitUntil(check, timeout=10_000)
    return got[0]


@pytest.mark.parametrize("kind", list(WorkOrderKind), ids=lambda k: k.value)
def test_a_work_order_of_every_kind_lives_its_whole_course(qtbot, app, central, supervisor_laptop, kind):
    db, _srv = central
    number = f"WO-{kind.value.upper()}"
    serial = "CE18-0001" if lc.life(kind).record == "reading" else ""
    admin.import_work_orders(db, "number,kind,customer_code,customer_name,meter_serial,assignee,due_date\n"
                                 f"{number},{kind.value},PA23LN0000001,Nguyễn Văn Đức,{serial},lan,2026-01-05\n",
                             team_code="T1")
    # --- from the server to the laptop: assigned, overdue with its days late -------------------------
    form = app.login_window.login
    form.select_user("lan")
    form.pin.setText(TEST_PIN)
    form.submit()
    qtbot.waitUntil(lambda: app.main_window is not None, timeout=10_000)
    page = app.main_window.pages["work_orders"]
    tech = page.ctx.session
    synced(tech)
    priority, status = list_cells(qtbot, page, number)
    assert status == "Đã giao" and priority.startswith("Quá hạn (") and "ngày)" in priority
    wo = next(w for w in work_orders.list_work_orders(tech, work_orders.WorkOrderQuery()) if w.number == number)
    assert work_orders.reminders(tech).overdue == 1

    # --- the work: saving the completing record submits the order ------------------------------------
    first = save_record(tech, kind, wo.id, 1)
    assert wait_status(qtbot, page, number, "Chờ duyệt") == "Chờ duyệt"
    assert work_orders.get_work_order(tech, wo.id).submitted_record == first
    assert work_orders.reminders(tech).overdue == 0
    synced(tech)
    on_server = server_order(db, number)
    assert (on_server["state"], on_server["submitted_record"]) == ("done", first) and on_server["submitted_at"]

    # --- the supervisor returns it with a comment (a signed operation from their own laptop) ----------
    synced(supervisor_laptop)
    work_orders.review_work_order(supervisor_laptop, wo.id, approve=False, comment=COMMENT)
    synced(supervisor_laptop)
    on_server = server_order(db, number)
    assert (on_server["state"], on_server["review_comment"]) == ("returned", COMMENT)

    # --- the comment on the technician's list and detail; start again ---------------------------------
    synced(tech)
    status = wait_status(qtbot, page, number, "Bị trả lại")
    assert status == f"Bị trả lại — {COMMENT}"
    assert page.reminder.isVisible() and page.reminder.text().startswith("1 phiếu bị giám sát viên trả lại")
    assert work_orders.returned(tech, wo.id).record_id == first
    page.open_order(next(r for r in page.rows if r.number == number))
    assert page.stack.currentIndex() == page.DETAIL
    assert page.return_comment.isVisible() and page.return_comment.text() == f"Giám sát viên trả lại: {COMMENT}"
    assert page.start_button.isVisible() and page.start_button.text() == "&Bắt đầu làm"
    opens = {"install_form": page.detail_form, "reading_panel": page.detail_read,
             "onboarding": page.detail_onboarding}[lc.life(kind).opens]
    assert opens.isVisible() and not page.assign_button.isVisible()  # the technician does not reassign
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: work_orders.get_work_order(tech, wo.id).state.value == "in_progress", timeout=10_000)
    qtbot.waitUntil(lambda: page.detail_message.text().startswith("Đã lưu"), timeout=10_000)
    assert not page.start_button.isVisible() and page.return_comment.isVisible()  # the reason stays
    page.back_to_list()
    assert wait_status(qtbot, page, number, "Đang làm") == f"Đang làm — {COMMENT}"

    # --- resubmission: a new record superseding the first; the server keeps both -----------------------
    second = save_record(tech, kind, wo.id, 2)
    assert wait_status(qtbot, page, number, "Chờ duyệt") == "Chờ duyệt"
    synced(tech)
    on_server = server_order(db, number)
    assert (on_server["state"], on_server["submitted_record"]) == ("done", second)
    assert server_fact(db, second)["supersedes"] == first and server_fact(db, first)["id"] == first

    # --- approval ----------------------------------------------------------------------------------------
    synced(supervisor_laptop)
    work_orders.review_work_order(supervisor_laptop, wo.id, approve=True)
    synced(supervisor_laptop)
    assert server_order(db, number)["state"] == "approved"
    # the supervisor's laptop keeps the technician's submission time (reports count it, not the approval)
    synced(supervisor_laptop)
    assert work_orders.get_work_order(supervisor_laptop, wo.id).submitted_at == on_server["submitted_at"]
    synced(tech)
    assert wait_status(qtbot, page, number, "Đã duyệt") == "Đã duyệt"
    assert list_cells(qtbot, page, number)[0] == "Đã xong"
    local = work_orders.get_work_order(tech, wo.id)
    assert (local.state.value, local.submitted_record, local.version) == ("approved", second, 6)
