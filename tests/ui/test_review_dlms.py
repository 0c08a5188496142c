"""The supervisor's review of a DLMS reading shows the load profile chart and the event log
(tamper events highlighted), re-parsed from the reading's raw capture (a capture recorded
from the DLMS simulator, tests/data/dlms); a mode C reading shows none."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import ReadingSource, RegisterValue, Role, WorkOrderKind
from fieldkit.services import customers, field_facts, meters, work_orders
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.services.review_memory import memory_of_capture
from fieldkit.store.keyring import FAST_KDF
from fieldkit.ui.readings.meter_memory import MeterMemoryView
from tests.ui.test_review_flow import SUPERVISOR_PIN, capture, sign_in_as_supervisor

DLMS_CAPTURE = Path(__file__).resolve().parents[1] / "data" / "dlms" / "dlms-tamper.capture.json"


@pytest.fixture
def seeded(session) -> None:
    """Before the shell starts: its sign-in lists the users it finds."""
    sessions.add_user(session, username="hung", display_name="Phạm Văn Hùng", role=Role.SUPERVISOR,
                      secret=SUPERVISOR_PIN, params=FAST_KDF)
    for number, serial, code, data in (("WO-DLMS", "23110046", "PA23LN0000001", DLMS_CAPTURE.read_bytes()),
                                       ("WO-MODEC", "CE18-A", "PA23LN0000002", capture("1900"))):
        c = customers.create_customer(session, CustomerInput(code=code, name="Nguyễn Văn Đức"))
        m = meters.register_meter(session, serial=serial, customer_id=c.id, phases=3)
        wo = work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id,
                                           due_date=local_today(), meter_id=m.id, number=number)
        field_facts.record_reading(session, meter_id=m.id, source=ReadingSource.OPTICAL, work_order_id=wo.id,
                                   registers={"1.8.0": RegisterValue(Decimal("1900"), "kWh")},
                                   customer_id=c.id, capture=data)
        work_orders.submit_work_order(session, wo.id)


def test_review_shows_the_load_profile_and_events(qtbot, seeded, shell) -> None:
    expected = memory_of_capture(DLMS_CAPTURE.read_bytes())
    assert expected is not None and expected.profile is not None and len(expected.profile.rows) == 24
    tamper = [e for e in expected.events if e.tamper]
    assert len(expected.events) == 15 and len(tamper) == 7
    win = sign_in_as_supervisor(qtbot, shell)
    page = win.go_to("review")
    qtbot.waitUntil(lambda: page.loaded and len(page.rows) == 2, timeout=10_000)
    memory = page.findChild(MeterMemoryView, "MeterMemory")
    assert memory is not None
    assert page.select_number("WO-DLMS")
    qtbot.waitUntil(lambda: page.loaded_detail is not None and memory.isVisible(), timeout=10_000)
    assert len(memory.chart.bars) == 24 and memory.chart.marks is not None
    assert "24" in memory.profile_title.text()
    assert memory.tamper_rows == 7 and memory.events.text().count("⚠") == 7
    assert "Mở nắp công tơ" in memory.events.text()
    assert "Lần đọc DLMS · số công tơ 23110046" in page.capture_view.toPlainText()  # the raw text, its summary in vi
    # a mode C reading: no chart
    assert page.select_number("WO-MODEC")
    qtbot.waitUntil(lambda: page.loaded_detail is not None and "EMH" in page.capture_view.toPlainText(),
                    timeout=10_000)
    assert not memory.isVisible()
    # English
    assert page.select_number("WO-DLMS")
    qtbot.waitUntil(lambda: memory.isVisible(), timeout=10_000)
    shell.set_language("en")
    qtbot.waitUntil(lambda: page.loaded_detail is not None and "Meter cover removed" in memory.events.text(),
                    timeout=10_000)


def test_a_broken_capture_shows_no_chart() -> None:
    data = DLMS_CAPTURE.read_bytes()
    assert memory_of_capture(data[: len(data) // 2]) is None
    assert memory_of_capture(b"not a capture") is None
    assert memory_of_capture(capture("1900")) is None


def test_without_the_capture_the_stored_fields_show_it(qtbot, stored_only, shell) -> None:
    """The supervisor's laptop has the reading (synced) but not its capture yet."""
    win = sign_in_as_supervisor(qtbot, shell)
    page = win.go_to("review")
    qtbot.waitUntil(lambda: page.loaded and len(page.rows) == 1, timeout=10_000)
    memory = page.findChild(MeterMemoryView, "MeterMemory")
    assert page.select_number("WO-STORED")
    qtbot.waitUntil(lambda: page.loaded_detail is not None and memory.isVisible(), timeout=10_000)
    assert len(memory.chart.bars) == 24 and memory.tamper_rows == 7
    assert "Mở nắp công tơ" in memory.events.text()
    expected = memory_of_capture(DLMS_CAPTURE.read_bytes())
    total = sum(v[0] for _t, v in expected.profile.rows)
    from fieldkit.ui.readings.widgets import fmt_decimal

    assert fmt_decimal(total) in memory.profile_title.text()     # the same kWh as from the capture


@pytest.fixture
def stored_only(session) -> None:
    from fieldkit.devices.capture import Capture
    from fieldkit.devices.dlms_capture import parse_capture
    from fieldkit.services.reading_memory import compact_events, compact_profile

    sessions.add_user(session, username="hung", display_name="Phạm Văn Hùng", role=Role.SUPERVISOR,
                      secret=SUPERVISOR_PIN, params=FAST_KDF)
    result = parse_capture(Capture.from_bytes(DLMS_CAPTURE.read_bytes()))
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000003", name="Vũ Thị Ngân"))
    m = meters.register_meter(session, serial="23110046", customer_id=c.id, phases=3)
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id,
                                       due_date=local_today(), meter_id=m.id, number="WO-STORED")
    field_facts.record_reading(session, meter_id=m.id, source=ReadingSource.OPTICAL, work_order_id=wo.id,
                               registers={"1.8.0": RegisterValue(Decimal("1900"), "kWh")}, customer_id=c.id,
                               events=compact_events(result.events), load_profile=compact_profile(result.load_profile))
    work_orders.submit_work_order(session, wo.id)
