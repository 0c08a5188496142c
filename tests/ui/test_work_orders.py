"""Work-order list through pytest-qt: order, filters, keyboard shortcuts, detail view, language."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import WorkOrderKind
from fieldkit.services import work_orders
from tests.ui.test_install_flow import _login, _orders


def test_order_filters_and_shortcuts(qtbot, shell, session):
    _orders(session)
    win, page = _login(qtbot, shell)
    assert [r.urgency for r in page.rows] == ["overdue", "today", "later"]
    assert page.summary.text() == "3 việc chưa xong · 1 quá hạn · 1 hạn hôm nay"
    assert [page.commune.itemText(i) for i in range(page.commune.count())] == [
        "Tất cả xã/phường", "Xã Nhân Hà", "Xã Tiến Thắng"]

    page.commune.setCurrentIndex(page.commune.findData("Xã Tiến Thắng"))
    page.kind.setCurrentIndex(page.kind.findData("reading"))
    assert [r.number for r in page.rows] == ["L-READ-OVERDUE"]
    page.kind.setCurrentIndex(page.kind.findData("onboarding"))
    assert page.rows == [] and page.empty.isVisible()
    page.kind.setCurrentIndex(0)
    page.commune.setCurrentIndex(0)

    # F5 reloads: a new order due today appears in the today group, before later ones
    customer_id = work_orders.get_work_order(session, page.rows[0].id).customer_id
    work_orders.create_work_order(session, kind=WorkOrderKind.INSPECTION, customer_id=customer_id,
                                  due_date=local_today(), number="L-INSP-TODAY")
    work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=customer_id,
                                  due_date=local_today() - timedelta(days=9), number="L-OLDEST")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(page.rows) == 5, timeout=10_000)
    assert [r.number for r in page.rows] == ["L-OLDEST", "L-READ-OVERDUE", "L-INSP-TODAY", "L-REPL-1",
                                             "L-INST-LATER"]

    # Enter on an inspection opens the detail view; Escape returns to the list
    page.table.selectRow(2)
    qtbot.keyClick(page.table, Qt.Key.Key_Enter)
    assert page.stack.currentIndex() == page.DETAIL
    # an inspection is done by reading the meter (the life cycle's table): saving the reading submits it
    assert "L-INSP-TODAY" in page.detail_text.text() and "Lưu bản ghi là nộp phiếu" in page.detail_text.text()
    assert page.detail_read.isVisible() and not page.return_comment.isVisible()
    qtbot.keyClick(page.detail_back, Qt.Key.Key_Escape)
    assert page.stack.currentIndex() == page.LIST

    # the install form: Escape goes back to the list too
    page.table.selectRow(3)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == page.FORM and page.install_form.row.number == "L-REPL-1"
    qtbot.keyClick(page.install_form.view, Qt.Key.Key_Escape)
    assert page.stack.currentIndex() == page.LIST


def test_language_switch_retranslates_list_and_form(qtbot, shell, session):
    wo = _orders(session)
    win, page = _login(qtbot, shell)
    page.open_order(next(r for r in page.rows if r.id == wo.id))
    form = page.install_form
    assert form.view.editors["reason"].label.text() == "Lý do *"
    shell.translations.switch("en")
    qtbot.waitUntil(lambda: page.kind.itemText(0) == "All kinds", timeout=5_000)
    assert form.view.editors["reason"].label.text() == "Reason *"
    assert form.view.boxes["installed"].title() == "Installed meter"
    assert form.save_button.text() == "&Save record (Ctrl+S)"
    assert page.commune_label.text() == "&Commune:"
