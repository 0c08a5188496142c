"""Team report figures, abnormal readings, CSV export and the daily summary, against hand-computed values.

The data is made through the real services on a real encrypted profile; the store's clock
(`fieldkit.store.database.utc_now`) is set to the day each thing "happened", so installs,
onboarding steps and work-order transitions land on known days.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from fieldkit.devices.capture import Capture
from fieldkit.domain.models import Address, ReadingSource, RegisterValue, WorkOrderKind
from fieldkit.services import customers, field_facts, meters, reports, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.store import database

COMMUNE_A = (14464, "Xã Gia Viễn", 37, "Ninh Bình")
COMMUNE_B = (11560, "Phường Thuỷ Nguyên", 31, "Thành phố Hải Phòng")
START, END, TODAY = date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 10)


def at(monkeypatch: pytest.MonkeyPatch, day: str, hour: int = 3) -> datetime:
    """Make the store's clock say `day` at `hour`:00 UTC (10:00 in Vietnam); returns that time."""
    when = datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)
    monkeypatch.setattr(database, "utc_now", lambda: when.isoformat(timespec="milliseconds"))
    return when


def capture_bytes(index: str) -> bytes:
    cap = Capture(port="/dev/ttyUSB0", started="2026-03-12T03:00:00.000+00:00")
    cap.tx(b"/?!\r\n", 300)
    cap.rx(b"/EMH5\\@EMH-CE18\r\n", 300)
    cap.baud(9600)
    cap.rx(b"\x02" + f"1.8.0({index}*kWh)\r\n!\r\n".encode() + b"\x03\x21", 9600)
    return cap.to_bytes()


def png(color: tuple[int, int, int], text: str = "") -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (160, 120), color)
    if text:
        ImageDraw.Draw(img).text((10, 50), text, fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


@dataclass
class World:
    customers: dict[str, str] = field(default_factory=dict)  # key -> customer id
    meters: dict[str, str] = field(default_factory=dict)
    orders: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)


NAMES = {"a1": "Nguyễn Văn Đức", "a2": "Trần Thị Hường", "a3": "Lê Văn Tiến", "a4": "Phạm Thị Ánh",
         "b1": "Đặng Quốc Việt", "b2": "Bùi Thị Thủy"}


def build_world(session, monkeypatch) -> World:
    """Four customers in commune A, two in B; see test_team_report_matches_hand_computed_figures."""
    w = World()
    at(monkeypatch, "2025-11-20")
    for i, (key, name) in enumerate(NAMES.items()):
        code, commune, province_code, province = COMMUNE_A if key.startswith("a") else COMMUNE_B
        c = customers.create_customer(session, CustomerInput(
            code=f"PA23LN{i + 1:07d}", name=name, phone=f"09120000{i:02d}",
            address=Address(province_code=province_code, province=province, commune_code=code, commune=commune,
                            street=f"Thôn {i + 1}")))
        w.customers[key] = c.id
    for key in ("a1", "a2", "b1"):
        m = meters.register_meter(session, serial=f"CE18-{key.upper()}", customer_id=w.customers[key],
                                  manufacturer="EMIC", model="CE-18")
        w.meters[key] = m.id

    def wo(key: str, customer: str, kind: WorkOrderKind, due: str, meter: str | None = None) -> None:
        order = work_orders.create_work_order(session, kind=kind, customer_id=w.customers[customer],
                                              due_date=date.fromisoformat(due), meter_id=meter,
                                              number=f"WO-{key.upper()}")
        w.orders[key], w.numbers[key] = order.id, order.number

    wo("wo1", "a1", WorkOrderKind.READING, "2026-03-05", w.meters["a1"])
    wo("wo2", "a2", WorkOrderKind.METER_REPLACEMENT, "2026-03-10", w.meters["a2"])
    wo("wo3", "b1", WorkOrderKind.METER_INSTALL, "2026-03-20", w.meters["b1"])
    wo("wo4", "a3", WorkOrderKind.INSPECTION, "2026-03-25")
    wo("wo5", "a4", WorkOrderKind.READING, "2026-02-20")
    wo("wo6", "b2", WorkOrderKind.ONBOARDING, "2026-04-20")

    def read(meter: str, day: str, index: str, work_order: str | None = None, supersedes: str | None = None) -> str:
        when = datetime.fromisoformat(day).replace(hour=3, tzinfo=UTC)
        r = field_facts.record_reading(
            session, meter_id=w.meters[meter], registers={"1.8.0": RegisterValue(Decimal(index), "kWh")},
            source=ReadingSource.OPTICAL, taken_at=when, customer_id=w.customers[meter],
            work_order_id=w.orders.get(work_order or ""), capture=capture_bytes(index), supersedes=supersedes)
        return r.id

    # meter a1: 100 kWh every 30 days, then 400 in 30 days (4x the average: "high")
    for day, index in (("2025-12-01", "1000"), ("2025-12-31", "1100"), ("2026-01-30", "1200")):
        read("a1", day, index)
    read("a1", "2026-03-01", "1300")
    at(monkeypatch, "2026-03-03")  # saving the order's reading submits it (the life cycle): on 3/3
    read("a1", "2026-03-31", "1700", work_order="wo1")
    at(monkeypatch, "2025-11-20")
    read("a1", "2026-04-02", "1800")  # after the period
    # meter a2: the same index again ("zero"); a typo first, then its correction
    read("a2", "2026-02-15", "500")
    typo = read("a2", "2026-03-15", "5000", work_order="wo2")
    read("a2", "2026-03-15", "500", work_order="wo2", supersedes=typo)
    # meter b1: lower than before ("negative"), then back up (average of earlier intervals < 0: not "high")
    read("b1", "2026-02-10", "800")
    read("b1", "2026-03-12", "790", work_order="wo3")
    read("b1", "2026-03-20", "800", work_order="wo3")

    # work orders: wo1 on time, wo2 late, wo3 on time then approved, wo5 before the period
    at(monkeypatch, "2026-03-03")
    work_orders.submit_work_order(session, w.orders["wo1"])
    at(monkeypatch, "2026-03-12", hour=2)
    field_facts.record_install(session, work_order_id=w.orders["wo2"], installed_meter_serial="CE18-NEW-1",
                               removed_meter_serial="CE18-A2", data={"seal": "NPC-001"},
                               attachments=[(png((20, 90, 160), "meter"), "image/png", "photo"),
                                            (png((240, 240, 240), "sign"), "image/png", "signature")])
    at(monkeypatch, "2026-03-12", hour=4)
    work_orders.submit_work_order(session, w.orders["wo2"])
    at(monkeypatch, "2026-03-13")
    first = session.store.query("SELECT id FROM installs")[0][0]
    field_facts.record_install(session, work_order_id=w.orders["wo2"], installed_meter_serial="CE18-NEW-2",
                               removed_meter_serial="CE18-A2", data={"seal": "NPC-002"}, supersedes=first)
    at(monkeypatch, "2026-03-18")
    field_facts.record_install(session, work_order_id=w.orders["wo3"], installed_meter_serial="CE18-NEW-3",
                               data={"seal": "NPC-003"})
    work_orders.submit_work_order(session, w.orders["wo3"])
    at(monkeypatch, "2026-02-21")
    work_orders.submit_work_order(session, w.orders["wo5"])

    # onboarding
    def step(customer: str, name: str, data: dict, day: str) -> None:
        at(monkeypatch, day)
        field_facts.record_onboarding_step(session, customer_id=w.customers[customer], step=name, data=data)

    step("a1", "app", {"registered": True}, "2026-03-05")
    step("a1", "contract", {"signed": True}, "2026-03-05")
    step("a1", "payment", {"method": "mobile_banking"}, "2026-03-05")
    step("a2", "app", {"registered": True}, "2026-03-06")
    step("a2", "payment", {"method": "e_wallet"}, "2026-03-06")
    step("a2", "payment", {"method": "auto_debit"}, "2026-03-20")  # changed: the latest counts
    step("a3", "payment", {"method": "cash"}, "2026-03-07")
    step("a3", "contract", {"signed": False}, "2026-03-07")
    step("a4", "app", {"registered": True}, "2026-04-03")  # after the period
    step("b1", "contract", {"signed": True}, "2026-02-10")  # before the period: still counts at its end
    step("b1", "payment", {"method": "bank_qr"}, "2026-03-02")
    step("b2", "app", {"registered": False}, "2026-03-12")
    return w


@pytest.fixture
def world(session, monkeypatch):
    return build_world(session, monkeypatch)


def test_abnormal_rule():
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    days = [t0 + timedelta(days=30 * i) for i in range(5)]
    hist = [(days[0], Decimal(0)), (days[1], Decimal(90)), (days[2], Decimal(180)), (days[3], Decimal(270))]
    assert reports.abnormal_flag([], (days[0], Decimal(5))) is None  # first reading of a meter
    assert reports.abnormal_flag(hist, (days[4], Decimal(269))) == "negative"
    assert reports.abnormal_flag(hist, (days[4], Decimal(270))) == "zero"
    assert reports.abnormal_flag(hist, (days[4], Decimal(540))) is None  # exactly 3x: not above
    assert reports.abnormal_flag(hist, (days[4], Decimal("540.1"))) == "high"
    # per day: 91 kWh in 10 days is above 3 x 3 kWh/day
    assert reports.abnormal_flag(hist, (days[3] + timedelta(days=10), Decimal(361))) == "high"
    assert reports.abnormal_flag(hist[:1], (days[1], Decimal(1000))) is None  # no earlier interval
    assert reports.main_index({"1.8.1": RegisterValue(Decimal(3)), "1.8.2": RegisterValue(Decimal(4))}) == 7


def test_team_report_matches_hand_computed_figures(session, supervisor, world, monkeypatch):
    at(monkeypatch, "2026-04-01")
    work_orders.review_work_order(supervisor, world.orders["wo3"], approve=True)
    rep = reports.team_report(session, START, END, today=TODAY)
    by_name = {f.commune: f for f in rep.rows}
    assert set(by_name) == {"Xã Gia Viễn", "Phường Thuỷ Nguyên"}
    a, b = by_name["Xã Gia Viễn"], by_name["Phường Thuỷ Nguyên"]
    # A: wo1 on time (due 5/3, done 3/3), wo2 late (due 10/3, done 12/3), wo4 open and overdue;
    # one install (the corrected one replaces the first); readings 1/3 (normal), 31/3 (high), 15/3 (zero,
    # the corrected one; the typo 5000 is superseded).
    assert (a.customers, a.installs, a.done_on_time, a.done_late, a.open_overdue) == (4, 1, 1, 1, 1)
    assert (a.readings, a.abnormal) == (3, 2)
    assert (a.e_contracts, a.app_users) == (1, 2)
    assert a.payment == {"mobile_banking": 1, "e_wallet": 0, "auto_debit": 1, "bank_qr": 0, "cash": 1}
    assert a.cashless == 2 and a.share(a.cashless) == 50.0 and a.share(a.e_contracts) == 25.0
    # B: wo3 on time (approved later does not matter), one install, 12/3 negative, 20/3 normal,
    # e-contract signed in February (counts at the end of March), bank QR
    assert (b.customers, b.installs, b.done_on_time, b.done_late, b.open_overdue) == (2, 1, 1, 0, 0)
    assert (b.readings, b.abnormal) == (2, 1)
    assert (b.e_contracts, b.app_users, b.cashless) == (1, 0, 1)
    t = rep.total
    assert (t.customers, t.installs, t.done_on_time, t.done_late, t.open_overdue, t.readings, t.abnormal) == \
        (6, 2, 2, 1, 1, 5, 3)
    assert round(t.share(t.e_contracts), 1) == 33.3 and t.share(t.cashless) == 50.0


def test_report_for_one_commune_and_an_earlier_period(session, world):
    rep = reports.team_report(session, START, END, commune_code=COMMUNE_B[0], today=TODAY)
    assert [f.commune for f in rep.rows] == ["Phường Thuỷ Nguyên"] and rep.total.customers == 2
    feb = reports.team_report(session, date(2026, 2, 1), date(2026, 2, 28), today=TODAY)
    # February: wo5 done late (due 20/2, done 21/2); readings a2 15/2 and b1 10/2 (first ones: not flagged);
    # adoption as of 28/2: only b1's e-contract
    assert (feb.total.done_late, feb.total.done_on_time, feb.total.readings, feb.total.abnormal) == (1, 0, 2, 0)
    assert (feb.total.e_contracts, feb.total.app_users, feb.total.cashless) == (1, 0, 0)


def test_csv_has_bom_vietnamese_headers_and_the_figures(session, world):
    rep = reports.team_report(session, START, END, today=TODAY)
    data = reports.report_csv(rep, "vi")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0].count(";") == len(reports.CSV_COLUMNS) - 1
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert [r["Xã/phường"] for r in rows] == ["Phường Thuỷ Nguyên", "Xã Gia Viễn", "Tổng cộng"]
    a, total = rows[1], rows[2]
    assert (a["Số khách hàng"], a["Phiếu xong trễ hạn"], a["Chỉ số bất thường"]) == ("4", "1", "2")
    assert (a["Mobile banking (%)"], a["Trích nợ tự động (%)"], a["Tỷ lệ không dùng tiền mặt (%)"]) == \
        ("25,0", "25,0", "50,0")  # decimal commas: what a Vietnamese-locale spreadsheet reads as numbers
    assert (total["Số công tơ đã treo"], total["Tỷ lệ hợp đồng điện tử (%)"], total["Lần đọc chỉ số"]) == \
        ("2", "33,3", "5")
    english = list(csv.reader(io.StringIO(reports.report_csv(rep, "en").decode("utf-8-sig")), delimiter=";"))
    assert english[0][:3] == ["Commune", "Customers", "Installs done"] and english[-1][0] == "Total"
    assert english[-1][[k for k, _heading in reports.CSV_COLUMNS].index("cashless_pct")] == "50.0"


def test_daily_summary_lists_each_thing_done_that_day(session, world):
    day = reports.daily_summary(session, session.user_id, date(2026, 3, 12))
    assert day.user_name == "Trần Thị Lan"
    kinds = [(i.kind, i.work_order) for i in day.items]
    # saving the install record submitted WO-WO2 (the life cycle): both at 02:00 UTC; b2's onboarding
    # step is recorded against b2's open onboarding order WO-WO6
    assert kinds == [("install", "WO-WO2"), ("work_order", "WO-WO2"), ("onboarding", "WO-WO6"),
                     ("reading", "WO-WO3")]
    reading = day.items[3]
    assert reading.flag == "negative" and reading.subject == "CE18-B1" and "790" in reading.value
    assert reading.customer_name == "Đặng Quốc Việt"
    assert day.items[1].value == "late" and day.items[2].value == "no"
    assert day.items[0].at.hour == 9 and day.items[1].at.hour == 9  # 02:00 UTC is 09:00 in Vietnam
    assert reports.daily_summary(session, session.user_id, date(2026, 3, 14)).items == []
