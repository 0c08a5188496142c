"""The supervisor's side of the work-order page (pytest-qt, real profile): the reminders in the
status bar, an open order given to another technician from its detail, the technician's actions
hidden from the supervisor."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Role, WorkOrderKind
from fieldkit.services import customers, work_orders
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.store.keyring import FAST_KDF
from fieldkit.ui import main_window  # noqa: F401 - imported with the tests, not inside the timed sign-in
from fieldkit.ui.qt import Qt


@pytest.fixture
def people(session):
    """Hùng (supervisor) and Mai (technician) on Lan's laptop, before the login window lists them."""
    sessions.add_user(session, username="hung", display_name="Phạm Văn Hùng", role=Role.SUPERVISOR,
                      secret="135790", params=FAST_KDF)
    sessions.add_user(session, username="mai", display_name="Nguyễn Thị Mai", role=Role.TECHNICIAN,
                      secret="402917", params=FAST_KDF)


def test_supervisor_sees_reminders_and_gives_an_order_to_another_technician(qtbot, people, shell, session):
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000031", name="Lê Văn Tiến"))
    today = local_today()
    late = work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id,
                                         due_date=today - timedelta(days=4), number="WO-LATE")
    work_orders.create_work_order(session, kind=WorkOrderKind.INSPECTION, customer_id=c.id, due_date=today,
                                  number="WO-TODAY")
    form = shell.login_window.login
    form.select_user("hung")
    form.pin.setText("135790")
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    win = shell.main_window
    page = win.pages["work_orders"]
    qtbot.waitUntil(lambda: page.loaded and len(page.rows) == 2, timeout=10_000)
    # status bar: due today and overdue, in Vietnamese
    qtbot.waitUntil(lambda: win.status.reminders_label.text() == "Hạn hôm nay: 1  ·  Quá hạn: 1", timeout=15_000)
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.DisplayRole) == "Quá hạn (4 ngày)"
    page.open_order(page.rows[0])
    assert page.stack.currentIndex() == page.DETAIL and "trễ 4 ngày" in page.detail_text.text()
    # the supervisor does not do the work: no start, no reading; gives it to Mai instead
    assert not page.start_button.isVisible() and not page.detail_read.isVisible()
    qtbot.waitUntil(lambda: page.assign_combo.count() == 1, timeout=10_000)
    assert page.assign_combo.itemText(0) == "Nguyễn Thị Mai" and page.assign_button.text() == "Giao phiếu"
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    mai = next(u for u in sessions.profile_users(session.profile.folder) if u.username == "mai")
    qtbot.waitUntil(lambda: work_orders.get_work_order(session, late.id).assignee_id == mai.user_id, timeout=10_000)
    qtbot.waitUntil(lambda: page.detail_message.text().startswith("Đã lưu"), timeout=10_000)
    op = session.store.query("SELECT action, payload, actor FROM outbox ORDER BY seq DESC LIMIT 1")[0]
    hung = next(u for u in sessions.profile_users(session.profile.folder) if u.username == "hung")
    assert (op[0], json.loads(op[1])["assignee_id"], op[2]) == ("reassign", mai.user_id, hung.user_id)


@pytest.fixture
def trainer(session):
    return sessions.add_user(session, username="thu", display_name="Đặng Thu", role=Role.TRAINER,
                             secret="402918", params=FAST_KDF)


def test_a_trainer_is_told_who_does_a_new_supply(qtbot, trainer, shell, session):
    """A new-supply order taken by a trainer during onboarding is done by a technician (its record is
    the install): the trainer's detail says so and offers no form."""
    thu = next(u for u in sessions.profile_users(session.profile.folder) if u.username == "thu")
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000032", name="Bùi Thị Thủy"))
    work_orders.create_work_order(session, kind=WorkOrderKind.NEW_SUPPLY, customer_id=c.id, due_date=local_today(),
                                  number="CD-1", assignee_id=thu.user_id)
    form = shell.login_window.login
    form.select_user("thu")
    form.pin.setText("402918")
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    page = shell.main_window.pages["work_orders"]
    qtbot.waitUntil(lambda: page.loaded and [r.number for r in page.rows] == ["CD-1"], timeout=10_000)
    page.open_order(page.rows[0])  # not the install form: a trainer does not hang meters
    assert page.stack.currentIndex() == page.DETAIL
    assert "hãy nhờ giám sát viên giao phiếu" in page.detail_text.text()
    assert not page.detail_form.isVisible() and not page.start_button.isVisible()
    assert not page.assign_button.isVisible()
