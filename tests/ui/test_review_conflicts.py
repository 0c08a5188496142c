"""A conflict between two technicians' laptops reaches the supervisor's review page through a
real sync (real server on loopback, three real encrypted profiles), is shown side by side,
and "Mark as resolved" travels up through the outbox at the next sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldkit.central import admin, people
from fieldkit.central import schema as t
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.domain.models import Role
from fieldkit.services import customers, sync
from fieldkit.services import session as sessions
from fieldkit.store.keyring import FAST_KDF
from fieldkit.ui.qt import Qt
from fieldkit.ui.style import DANGER

LEFT = Qt.MouseButton.LeftButton
SUPERVISOR_PIN = "135790"


@pytest.fixture
def central(tmp_path: Path) -> Iterator[tuple[Database, ServerThread]]:
    db = Database(str(tmp_path / "central.db"))
    db.create_all()
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    admin.create_user(db, "mai", "Nguyễn Thị Mai", "technician", "T1")
    admin.create_user(db, "hung", "Phạm Văn Hùng", "supervisor", "T1")
    admin.import_work_orders(db, "number,kind,customer_code,customer_name,phone,assignee\n"
                                 "WO-91,inspection,PA23LN0009101,Vũ Thị Hạnh,0988111222,lan\n", team_code="T1")
    with ServerThread(db) as srv:
        yield db, srv
    db.dispose()


@pytest.fixture
def office(session, central):
    """The supervisor's laptop is the shell's profile, enrolled; Hùng is one of its users."""
    db, srv = central
    sessions.add_user(session, username="hung", display_name="Phạm Văn Hùng", role=Role.SUPERVISOR,
                      secret=SUPERVISOR_PIN, params=FAST_KDF)
    sync.enrol(session, admin.enrol(db, "T1", "office").code, srv.url, user_code=people.issue_code(db, "lan"))
    hung = sessions.login(session.profile.folder, "hung", SUPERVISOR_PIN)
    try:
        sync.register_me(hung, people.issue_code(db, "hung"))  # Hùng's own key, for this laptop
    finally:
        hung.close()
    return session


def test_supervisor_sees_both_versions_and_resolves(qtbot, tmp_path, office, shell, central):
    db, srv = central
    techs = []
    for name, user in (("laptop-a", "lan"), ("laptop-b", "mai")):
        s = sessions.create(tmp_path / name, username=user, display_name=user.title(), role=Role.TECHNICIAN,
                            secret="246810", params=FAST_KDF)
        sync.enrol(s, admin.enrol(db, "T1", name).code, srv.url, user_code=people.issue_code(db, user))
        assert sync.sync_now(s).ok
        techs.append(s)
    a, b = techs
    try:
        c = customers.find_by_code(a, "PA23LN0009101")
        customers.update_customer(a, c.id, phone="0912000001")
        customers.update_customer(b, c.id, phone="0912000002", households=2)
        assert sync.sync_now(a).ok and sync.sync_now(b).ok
    finally:
        a.close()
        b.close()

    form = shell.login_window.login
    form.select_user("hung")
    form.pin.setText(SUPERVISOR_PIN)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    assert sync.sync_now(shell.session).ok  # what the sync page's button does, off the UI thread
    page = shell.main_window.go_to("review")
    page.status_combo.setCurrentIndex(page.status_combo.findData("all"))
    qtbot.waitUntil(lambda: [r.number for r in page.rows] == ["WO-91"], timeout=10_000)
    assert page.rows[0].flagged and "⚑" in page.model.data(page.model.index(0, 1))
    assert page.select_number("WO-91")
    qtbot.waitUntil(lambda: page.loaded_detail is not None, timeout=10_000)
    # the order's history comes from the server's audit (read in the background), in words, local time
    detail = page.detail_scroll
    qtbot.waitUntil(lambda: "Theo nhật ký trên máy chủ" in detail.history_note.text(), timeout=20_000)
    assert "máy chủ · Phiếu được nhập trên máy chủ" in detail.history_text.text()
    assert "import" not in detail.history_text.text() and "UTC+7" in detail.history_note.text()
    panel = page.conflicts_panel
    assert panel.isVisibleTo(page) and len(panel.boxes) == 1
    assert "1" in panel.heading.text() and "Xung đột" in panel.heading.text()
    box = panel.boxes[0]
    table = box.table
    headers = [table.horizontalHeaderItem(i).text() for i in range(4)]
    assert headers == ["Mục", "Trước (1)", "Trần Thị Lan (2)", "Nguyễn Thị Mai (3)"]
    assert "Đến máy chủ trước (phiên bản 2)" in box.earlier_legend.text()
    assert "Trần Thị Lan" in box.earlier_legend.text() and "máy chủ nhận lúc" in box.earlier_legend.text()
    assert "Đến sau (phiên bản 3)" in box.later_legend.text() and "Nguyễn Thị Mai" in box.later_legend.text()
    rows = {table.item(i, 0).text(): [table.item(i, col).text() for col in (1, 2, 3)] for i in range(table.rowCount())}
    assert rows == {"Điện thoại": ["0988111222", "0912000001", "0912000002"], "Số hộ dùng chung": ["1", "1", "2"]}
    phone = next(i for i in range(table.rowCount()) if table.item(i, 0).text() == "Điện thoại")
    households = 1 - phone
    # What each side changed is in bold; what both changed (the phone) is red.
    assert table.item(phone, 2).font().bold() and table.item(phone, 3).font().bold()
    assert not table.item(households, 2).font().bold() and table.item(households, 3).font().bold()
    assert table.item(phone, 3).foreground().color().name() == DANGER.lower()
    assert table.item(households, 3).foreground().color().name() != DANGER.lower()
    assert "Điện thoại" in box.story.text()
    assert box.resolve_button.isVisible()

    box.note.insert("Đã gọi khách: số đúng 0912000002")
    qtbot.mouseClick(box.resolve_button, LEFT)
    qtbot.waitUntil(lambda: "đã được đánh dấu" in page.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: page.loaded_detail is not None and page.conflicts_panel.boxes
                    and page.conflicts_panel.boxes[0].view.state == "waiting", timeout=10_000)
    waiting = page.conflicts_panel.boxes[0]
    assert not waiting.resolve_button.isVisibleTo(page) and "lần đồng bộ" in waiting.state.text()
    op = shell.session.store.query_one("SELECT entity, action, state, payload FROM outbox WHERE entity = 'conflict'")
    assert op[:3] == ("conflict", "resolve", "pending") and "0912000002" in op[3]

    assert sync.sync_now(shell.session).ok
    with db.read() as conn:
        resolved = conn.execute(select(t.conflicts.c.resolved_at, t.conflicts.c.resolved_by)).one()
    assert resolved[0] is not None
    page.loaded_detail = None
    page.current_id = None
    page.reload()
    qtbot.waitUntil(lambda: page.rows and not page.rows[0].flagged, timeout=10_000)
    assert page.select_number("WO-91")
    qtbot.waitUntil(lambda: page.loaded_detail is not None and page.conflicts_panel.boxes
                    and page.conflicts_panel.boxes[0].view.state == "resolved", timeout=10_000)
    done = page.conflicts_panel.boxes[0]
    assert "Phạm Văn Hùng" in done.state.text() and "0912000002" in done.state.text()
    assert "0 " in page.conflicts_panel.heading.text()
