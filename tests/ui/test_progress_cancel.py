"""Long work shows progress and Cancel really stops it: the team report (the year report took 15-17 s with
no progress) counts meters and stops at the next one after Cancel; an export cancelled writes nothing."""

from __future__ import annotations

import gc
import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from fieldkit.domain.models import Address, ReadingSource, RegisterValue
from fieldkit.domain.progress import Cancelled, Job
from fieldkit.services import customers, field_facts, meters, reports
from fieldkit.services.customers import CustomerInput
from fieldkit.services.review import local_today
from fieldkit.ui.pages import reports_page
from fieldkit.ui.progress import ProgressDialog
from tests.ui.test_all_vietnamese import english_in, visible_texts, vocabulary
from tests.ui.test_reports_page import open_reports

METERS = 120


@pytest.fixture
def read_meters(session):  # type: ignore[no-untyped-def]
    today = datetime.combine(local_today(), datetime.min.time(), tzinfo=UTC)
    for i in range(METERS):
        c = customers.create_customer(session, CustomerInput(
            code=f"PA23LN{i + 1:07d}", name=f"Lê Văn {i}",
            address=Address(province_code=37, province="Ninh Bình", commune_code=14464, commune="Xã Gia Viễn")))
        m = meters.register_meter(session, serial=f"2311{i:04d}", customer_id=c.id)
        for back, value in ((20, 1000 + i), (1, 1100 + i)):
            field_facts.record_reading(session, meter_id=m.id, customer_id=c.id, source=ReadingSource.OPTICAL,
                                       registers={"1.8.0": RegisterValue(Decimal(value), "kWh")},
                                       taken_at=today - timedelta(days=back) + timedelta(hours=3))
    gc.collect()  # the fixture's own garbage is not the app's: collected before the app runs


class HeldJob(Job):
    """A real Job that holds the worker at its first step after `hold_at` until released (the test's
    stand-in for a report that takes 15 s)."""

    def __init__(self, hold_at: int = 1) -> None:
        super().__init__()
        self.hold_at = hold_at
        self.steps = 0
        self.reached = threading.Event()
        self.release = threading.Event()

    def step(self, done: int | None = None, total: int | None = None) -> None:
        self.steps += 1
        if self.steps == self.hold_at:
            self.reached.set()
            self.release.wait(20)
        super().step(done, total)


def test_the_report_counts_meters_and_stops_when_cancelled(session, read_meters):
    start, end = local_today() - timedelta(days=30), local_today()
    job = Job()
    full = reports.team_report(session, start, end, job=job)
    assert full.total.readings == 2 * METERS and job.total == METERS + 1 and job.done == 100  # every 50 meters
    held = HeldJob(hold_at=2)  # after the customers and work orders, before the meters
    out: list[BaseException] = []

    def run() -> None:
        try:
            reports.team_report(session, start, end, job=held)
        except BaseException as exc:  # noqa: BLE001
            out.append(exc)

    t = threading.Thread(target=run)
    t.start()
    assert held.reached.wait(10)
    held.cancel()
    held.release.set()
    t.join(10)
    assert len(out) == 1 and isinstance(out[0], Cancelled) and held.done == 0  # no meter was read after Cancel


def test_progress_dialog_in_vietnamese_and_cancel_stops_the_report(qtbot, shell, read_meters):
    page = open_reports(qtbot, shell)
    qtbot.waitUntil(lambda: page.report_op is None, timeout=10_000)  # this page's report is done
    held = HeldJob(hold_at=2)
    page.job_factory = lambda: held
    page.period_combo.setCurrentIndex(page.period_combo.findData("year"))  # the long one
    assert held.reached.wait(10)
    qtbot.waitUntil(lambda: page.findChild(ProgressDialog) is not None
                    and page.findChild(ProgressDialog).isVisible(), timeout=5_000)
    dialog = page.findChild(ProgressDialog)
    english, _ = vocabulary()
    assert dialog.windowTitle() == "Đang xử lý…" and dialog.cancel_button.text() == "Huỷ"
    assert dialog.text.text() == "Đang lập báo cáo…" and "giây" in dialog.count.text()
    assert not english_in(visible_texts(dialog), english)
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)  # Enter does not cancel by accident
    assert not held.cancelled
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc = Cancel
    assert held.cancelled and not dialog.cancel_button.isEnabled() and dialog.cancel_button.text() == "Đang huỷ…"
    held.release.set()
    qtbot.waitUntil(lambda: page.message.text() == "Đã huỷ lập báo cáo.", timeout=10_000)
    assert page.findChild(ProgressDialog) is None or not page.findChild(ProgressDialog).isVisible()
    assert page.report.end != reports_page.period_dates("year", local_today())[1] or \
        page.report.start != reports_page.period_dates("year", local_today())[0]  # the year was not shown


def test_a_cancelled_export_writes_nothing(qtbot, shell, read_meters, tmp_path):
    page = open_reports(qtbot, shell)
    qtbot.waitUntil(lambda: page.report_op is None, timeout=10_000)  # no report still running to take the held job
    held = HeldJob(hold_at=1)
    page.job_factory = lambda: held
    out = tmp_path / "out"
    out.mkdir()
    target = out / "bao-cao.pdf"
    page.export_pdf(target)
    assert held.reached.wait(10)
    qtbot.waitUntil(lambda: page.findChild(ProgressDialog) is not None, timeout=5_000)
    page.findChild(ProgressDialog).cancel_button.click()
    held.release.set()
    qtbot.waitUntil(lambda: "không có gì được ghi" in page.message.text(), timeout=10_000)
    assert list(out.iterdir()) == []  # no file, no part file
    page.job_factory = Job
    page.export_csv(out / "bao-cao.csv")  # and without Cancel the file is there
    qtbot.waitUntil(lambda: page.last_saved == out / "bao-cao.csv", timeout=10_000)
    assert [p.name for p in out.iterdir()] == ["bao-cao.csv"]
