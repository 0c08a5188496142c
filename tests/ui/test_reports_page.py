"""The reports tab through the real app: chart and table figures, PDF / CSV / daily summary exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldkit.domain.models import Address, WorkOrderKind
from fieldkit.services import customers, field_facts, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.services.review import local_today
from fieldkit.ui.pages import reports_page
from fieldkit.ui.qt import QColor, Qt
from fieldkit.ui.style import PRIMARY


@pytest.fixture
def today_work(session):
    """Four customers (three in Gia Viễn, one in Thuỷ Nguyên); today: one install and onboarding steps."""
    ids = {}
    places = {"a": (14464, "Xã Gia Viễn", 37), "b": (11560, "Phường Thuỷ Nguyên", 31)}
    for i, key in enumerate(("a1", "a2", "a3", "b1")):
        code, commune, province = places[key[0]]
        c = customers.create_customer(session, CustomerInput(
            code=f"PA23LN{i + 1:07d}", name=f"Lê Thị Hoà {i + 1}",
            address=Address(province_code=province, commune_code=code, commune=commune)))
        ids[key] = c.id
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.METER_INSTALL, customer_id=ids["a1"],
                                       due_date=local_today(), number="WO-1")
    field_facts.record_install(session, work_order_id=wo.id, installed_meter_serial="CE18-777", data={})
    for key, step, data in (("a1", "contract", {"signed": True}), ("a1", "payment", {"method": "mobile_banking"}),
                            ("a2", "payment", {"method": "e_wallet"}), ("a3", "app", {"registered": True}),
                            ("b1", "payment", {"method": "cash"})):
        field_facts.record_onboarding_step(session, customer_id=ids[key], step=step, data=data)
    return ids


def open_reports(qtbot, shell):
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText("246810")
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    page = shell.main_window.go_to("review").reports
    qtbot.waitUntil(lambda: page.report is not None and page.person_combo.count() == 1, timeout=10_000)
    return page


def test_chart_table_and_exports(qtbot, today_work, shell, tmp_path, monkeypatch):
    page = open_reports(qtbot, shell)
    total = page.report.total
    assert (total.customers, total.installs) == (4, 1)
    # the chart starts on adoption shares of the whole selection
    bars = dict(page.chart.bars)
    assert bars["Hợp đồng điện tử"] == 25.0 and bars["Ứng dụng CSKH"] == 25.0
    assert bars["Không dùng tiền mặt (mọi hình thức)"] == 50.0 and bars["Ví điện tử"] == 25.0
    assert bars["Trích nợ tự động"] == 0.0 and page.chart.percent
    # and it is painted: the e-contract bar's colour is on screen
    image = page.chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert QColor(PRIMARY).name() in colours
    page.metric_combo.setCurrentIndex(page.metric_combo.findData("installs"))
    assert page.chart.bars == [("Xã Gia Viễn", 1.0)] and not page.chart.percent
    # table: one row per commune, then the total
    model = page.table.model()
    rows = model.rowCount()
    assert [model.index(r, 0).data() for r in range(rows)] == ["Phường Thuỷ Nguyên", "Xã Gia Viễn", "Tổng cộng"]
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert model.index(2, header.index("Không tiền mặt %")).data() == "50,0"  # the Vietnamese decimal comma
    assert model.index(1, header.index("Treo công tơ")).data() == "1"

    # exports through the buttons: the warning that the copy is not encrypted comes first (cancel: nothing
    # is asked or written), then the save dialog answers with a path
    page.confirm_export = lambda: False
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert page.last_saved is None and not (tmp_path / "bao-cao.pdf").exists()
    page.confirm_export = lambda: True
    answers = iter([tmp_path / "bao-cao.pdf", tmp_path / "bao-cao.csv", tmp_path / "ngay.pdf"])
    monkeypatch.setattr(reports_page.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(next(answers)), "")))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_saved == tmp_path / "bao-cao.pdf", timeout=15_000)
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "bao-cao.pdf").pages)
    assert "BÁO CÁO KẾT QUẢ CÔNG TÁC CỦA ĐỘI" in text and "Xã Gia Viễn" in text and "50,0%" in text
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_saved == tmp_path / "bao-cao.csv", timeout=15_000)
    table = list(csv.DictReader(io.StringIO((tmp_path / "bao-cao.csv").read_bytes().decode("utf-8-sig")),
                                delimiter=";"))
    assert table[-1]["Xã/phường"] == "Tổng cộng" and table[-1]["Mobile banking (%)"] == "25,0"
    assert table[-1]["Tỷ lệ không dùng tiền mặt (%)"] == "50,0" and table[-1]["Số công tơ đã treo"] == "1"
    qtbot.mouseClick(page.daily_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_saved == tmp_path / "ngay.pdf", timeout=15_000)
    day = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "ngay.pdf").pages).split())
    assert "Người thực hiện: Trần Thị Lan" in day and "Treo công tơ CE18-777" in day
    assert "Thanh toán: Ví điện tử" in day and "Đã lưu" in page.message.text()


def test_a_file_that_cannot_be_written_gives_a_clear_message(qtbot, today_work, shell, tmp_path):
    page = open_reports(qtbot, shell)
    page.export_csv(tmp_path / "missing-folder" / "x.csv")
    qtbot.waitUntil(lambda: page.message.objectName() == "Error", timeout=10_000)
    assert "Không lưu được tệp" in page.message.text()
    assert not Path(tmp_path / "missing-folder").exists()
