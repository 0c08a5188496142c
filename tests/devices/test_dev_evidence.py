"""The meter's own memory as evidence: tamper events and the consumption change around them
(devices.meter_log.consumption_change, services.readings.evidence_findings)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from fieldkit.devices.meter_log import LoadProfile, MeterEvent, consumption_change, meaning
from fieldkit.domain.models import Meter
from fieldkit.services.readings import Target, evidence_findings

HANOI = timezone(timedelta(hours=7))
OPENED = datetime(2026, 11, 12, 2, 14, tzinfo=HANOI)


def event(code: int, when: datetime) -> MeterEvent:
    m = meaning(code)
    return MeterEvent(when, code, m.key, m.name, m.tamper)


def profile(drop_at: datetime, before: str = "1.000", after: str = "0.400", days: int = 4) -> LoadProfile:
    start = drop_at - timedelta(days=days / 2)
    p = LoadProfile(900, [("1.29.0", "kWh"), ("3.29.0", "kvarh")])
    for i in range(days * 96):
        t = start + timedelta(minutes=15 * (i + 1))
        p.rows.append((t, [Decimal(before if t <= drop_at else after), Decimal("0.1")]))
    return p


def test_cover_opened_then_consumption_fell_60_percent() -> None:
    events = [event(1, OPENED - timedelta(days=1)), event(44, OPENED), event(45, OPENED + timedelta(minutes=9))]
    found = consumption_change(events, profile(OPENED))
    assert found is not None and found.event.key == "cover_open"
    assert found.change == Decimal("-0.6")
    assert found.before_per_day == Decimal(96) and found.after_per_day == Decimal("38.4")
    target = Target(Meter("m1", "23110046"), None, None, ())
    findings = {f.code: f for f in evidence_findings(target, events, profile(OPENED))}
    assert findings["tamper_consumption"].kind == "abnormal"
    assert findings["tamper_consumption"].en == "Meter cover removed on 12/11 at 02:14; consumption fell by 60 % from that day."
    assert findings["tamper_consumption"].vi.startswith("Mở nắp công tơ lúc 02:14 ngày 12/11; điện năng tiêu thụ giảm 60 %")
    assert findings["tamper_events"].kind == "warning" and findings["tamper_events"].facts["count"] == "1"


def test_no_explanation_without_a_change_or_without_data() -> None:
    events = [event(44, OPENED)]
    assert consumption_change(events, profile(OPENED, after="0.95")) is None       # 5 %: not a change
    assert consumption_change(events, profile(OPENED + timedelta(days=5))) is None  # no data before it
    assert consumption_change(events, None) is None
    assert consumption_change([event(1, OPENED)], profile(OPENED)) is None         # power down is no tamper
    target = Target(Meter("m1", "1"), None, None, ())
    assert evidence_findings(target, [event(1, OPENED)], None) == []


def test_supervisor_review_shows_a_dlms_readings_events_and_profile() -> None:
    from pathlib import Path

    from fieldkit.services.review import render_capture

    data = (Path(__file__).resolve().parents[1] / "data" / "dlms" / "dlms-tamper.capture.json").read_bytes()
    text = render_capture(data, "en")
    head = text.split("\n[")[0]            # the summary comes before the raw bursts
    assert "DLMS reading · serial 23110046" in head
    assert "event log: 15 events, 7 tamper (!)" in head
    assert " ! " in head and "Meter cover removed" in head and "Mở nắp công tơ" not in head
    assert "load profile: 24 intervals of 15 min" in head
    vi = render_capture(data).split("\n[")[0]  # the current language: Vietnamese by default
    assert "Lần đọc DLMS · số công tơ 23110046" in vi and "nhật ký sự kiện: 15 sự kiện, 7 dấu hiệu can thiệp (!)" in vi
    assert "Mở nắp công tơ" in vi and "Meter cover removed" not in vi and "biểu đồ phụ tải: 24 khoảng 15 phút" in vi
    assert "meter -> laptop (rx)" in text      # the raw exchange is still there
