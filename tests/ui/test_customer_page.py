"""The customer page (Enter on a Customers row): details, meters with the reading history chart,
onboarding progress, open work orders first, documents, all in Vietnamese; Esc back to the list.
And the list counts customers a sync brought without the search being changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fieldkit.central import admin, people
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.domain.models import Address, ReadingSource, RegisterValue, WorkOrderKind
from fieldkit.services import customers as customer_service
from fieldkit.services import field_facts, meters, onboarding, work_orders
from fieldkit.services import sync as sync_service
from fieldkit.services.customers import CustomerInput
from fieldkit.ui.charts import BarChart
from tests.conftest import TEST_PIN
from tests.ui.conftest import add_customers
from tests.ui.test_all_vietnamese import english_in, visible_texts, vocabulary


def _login(qtbot, shell):  # type: ignore[no-untyped-def]
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText(TEST_PIN)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    return shell.main_window


@pytest.fixture
def household(session):  # type: ignore[no-untyped-def]
    c = customer_service.create_customer(session, CustomerInput(
        code="PA23LN0099999", name="Đặng Thị Hoa", phone="0912000111",
        address=Address(province_code=37, province="Ninh Bình", commune_code=14464, commune="Xã Gia Viễn",
                        street="Thôn Đông")))
    m = meters.register_meter(session, serial="23110099", customer_id=c.id, manufacturer="EMIC", model="ME-40")
    start = datetime(2026, 6, 1, 8, tzinfo=UTC)
    for i, value in enumerate((1200, 1310, 1405, 1530)):
        field_facts.record_reading(session, meter_id=m.id, customer_id=c.id, source=ReadingSource.OPTICAL,
                                   registers={"1.8.0": RegisterValue(Decimal(value), "kWh")},
                                   taken_at=start + timedelta(days=30 * i))
    work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id, due_date=date(2026, 12, 5),
                                  meter_id=m.id, number="WO-OPEN-1")
    onboarding.start_with_customer(session, c.id)
    onboarding.save_app(session, c.id, True, "0912000111")
    add_customers(session, 30)
    return c


def test_enter_on_a_row_opens_the_customer_page_in_vietnamese_and_esc_goes_back(qtbot, shell, household):
    win = _login(qtbot, shell)
    page = win.go_to("customers")
    page.search.setFocus()
    qtbot.keyClicks(page.search, "dang thi hoa")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter in the search: to the list, first row
    qtbot.waitUntil(lambda: page.model.total == 1 and page.table.currentIndex().row() == 0, timeout=10_000)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on the row opens the customer page
    detail = page.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.isVisible(), timeout=10_000)
    assert detail.title.text() == "Đặng Thị Hoa" and detail.code.text() == "PA23LN0099999"
    assert "Thôn Đông" in detail.address.text()
    assert detail.onboarding.text().startswith("2/") and "Tài khoản ứng dụng" in detail.onboarding.text()
    assert detail.orders.rowCount() == 1 and detail.orders.item(0, 0).text() == "WO-OPEN-1"
    assert detail.orders.item(0, 0).font().bold()  # open: in bold, first
    chart = detail.findChild(BarChart, "CustomerHistory")
    assert chart is not None and [v for _d, v in chart.bars] == [110.0, 95.0, 125.0]  # kWh between readings
    qtbot.waitUntil(lambda: "1.530 kWh" in " ".join(t for _w, t in visible_texts(detail)), timeout=5_000)  # vi format
    english, _ = vocabulary()
    assert not english_in(visible_texts(win), english), english_in(visible_texts(win), english)
    qtbot.keyClick(detail.back_button, Qt.Key.Key_Escape)
    assert page.views.currentWidget() is page.list_view and page.table.hasFocus()
    # Esc in the list clears the search
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert page.search.text() == "" and page.search.hasFocus()


def test_a_customer_that_is_gone_shows_a_vietnamese_message(qtbot, shell, household):
    win = _login(qtbot, shell)
    page = win.go_to("customers")
    page.detail.load("0190f3a2-7c1e-7e55-a2a4-c5d3b1e0f001", "?")
    qtbot.waitUntil(lambda: page.detail.message.text() not in ("", "Đang tải…"), timeout=10_000)
    assert "Không tìm thấy khách hàng" in page.detail.message.text()


@pytest.fixture
def central(tmp_path: Path) -> Iterator[tuple[Database, ServerThread]]:
    db = Database(str(tmp_path / "central.db"))
    db.create_all()
    admin.create_team(db, "T1", "Đội Lý Nhân")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    with ServerThread(db) as srv:
        yield db, srv
    db.dispose()


def test_customers_a_sync_brings_are_counted_without_changing_the_search(qtbot, shell, session, central):
    db, srv = central
    sync_service.enrol(session, admin.enrol(db, "T1", "ui").code, srv.url, user_code=people.issue_code(db, "lan"))
    win = _login(qtbot, shell)
    page = win.go_to("customers")
    qtbot.waitUntil(lambda: page.model.loaded_once, timeout=10_000)
    assert page.model.total == 0 and "0" in page.count.text()
    rows = "".join(f"WO-{i},reading,PA23LN{i:07d},Khách {i}\n" for i in range(1, 6))
    admin.import_work_orders(db, "number,kind,customer_code,customer_name\n" + rows, team_code="T1")
    sync = win.go_to("sync")
    sync.sync_button.click()
    qtbot.waitUntil(lambda: sync.last_report is not None and sync.sync_button.isEnabled(), timeout=20_000)
    assert sync.last_report.ok
    page = win.go_to("customers")
    qtbot.waitUntil(lambda: page.model.total == 5, timeout=10_000)  # no change to the search needed
    qtbot.waitUntil(lambda: "5" in page.count.text(), timeout=5_000)
