"""A realistic, deterministic demo data set.

`build_demo_profile(folder, customers=N, seed=1)` makes a new encrypted profile with
three users and N customers in real communes of Ninh Bình, Thái Nguyên and Hải Phòng:
Vietnamese names with diacritics, customer codes, phones, one meter each (some
three-phase time-of-use), work orders with due dates around today, and 12 months of
readings per meter. The same seed gives the same data.

Demo users (username / PIN / role):
    lan  / 246810 / technician   (Trần Thị Lan)
    hung / 135790 / supervisor   (Phạm Văn Hùng)
    mai  / 112233 / trainer      (Đỗ Thị Mai)

History (customers, meters, old readings) is written as if it had come from the
central server: it has audit lines but no outbox entries, so the demo starts with
nothing waiting to sync.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from fieldkit.domain import geography
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Role, WorkOrderKind, WorkOrderState
from fieldkit.domain.text import fold
from fieldkit.store.database import dumps, utc_now
from fieldkit.store.keyring import KdfParams, Keyring
from fieldkit.store.profile import OpenProfile, create_profile

DEMO_USERS = [
    ("lan", "Trần Thị Lan", Role.TECHNICIAN, "246810"),
    ("hung", "Phạm Văn Hùng", Role.SUPERVISOR, "135790"),
    ("mai", "Đỗ Thị Mai", Role.TRAINER, "112233"),
]

SURNAMES = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan", "Đinh", "Trịnh", "Lương", "Mai", "Tạ", "Đào"]
MIDDLE_M = ["Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Công", "Đình", "Ngọc", "Mạnh"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Kim", "Hồng", "Bích", "Lan"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam", "Phong",
           "Quân", "Sơn", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Đạt", "Lộc", "Thành", "Tiến"]
GIVEN_F = ["Anh", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Hường", "Huyền", "Lan", "Liên", "Linh", "Loan",
           "Mai", "Nga", "Ngọc", "Nhung", "Phương", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Xuân", "Ánh"]
HAMLETS = ["Xóm", "Thôn", "Tổ dân phố", "Bản"]

# province code -> (managing units, old district names that old contracts carry)
UNITS = {
    37: (["PA23LN", "PA23NB", "PA23KS"], ["Lý Nhân", "Kim Sơn", "Nghĩa Hưng", "Gia Viễn"]),
    19: (["PA12TN", "PA12DH"], ["Đại Từ", "Định Hóa", "Phú Lương", "Chợ Mới"]),
    31: (["PH01HP", "PH01TL"], ["Thủy Nguyên", "Tiên Lãng", "Kim Thành", "Nam Sách"]),
}
MANUFACTURERS = [("Vinasino", "VSE11"), ("EMIC", "CE-18"), ("Hữu Hồng", "HHM-11"), ("OMNI", "OM1"),
                 ("Psmart", "PS11")]
THREE_PHASE = [("Landis+Gyr", "E650"), ("Elster", "A1700"), ("EMIC", "ME-41"), ("Vinasino", "VSE3T")]

# The meter `fieldkit demo` simulates on the probe (the simulator's "three-phase-tou" profile: serial,
# manufacturer, model and its registers when it starts, whole kWh). It is the meter of the first
# customer and of today's first reading work order, with a history that leads to those registers at
# a steady pace, so a newcomer's first read is a normal one (tests check it against the simulator).
DEMO_METER_SERIAL, DEMO_METER_MAKE, DEMO_METER_MODEL = "19072245", "FKT", "FK3P-TOU"
DEMO_METER_START = {"1.8.1": 34125, "1.8.2": 11003, "1.8.3": 16432}
DEMO_METER_PER_DAY = {"1.8.1": 54, "1.8.2": 25, "1.8.3": 16}  # ≈ the simulator's pace (96 kWh a day)


@dataclass(frozen=True)
class DemoInfo:
    folder: Path
    customers: int
    readings: int
    work_orders: int
    users: list[tuple[str, str, str]]  # (username, pin, role)


def _uuid(rng: random.Random, when: datetime) -> str:
    """A deterministic UUIDv7-shaped id for demo rows."""
    ms = int(when.timestamp() * 1000)
    value = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _person(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def _phone(rng: random.Random) -> str:
    return rng.choice(["09", "03", "08", "07", "05"]) + f"{rng.randrange(10**8):08d}"


def _batches(items: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build_demo_profile(
    folder: str | Path, customers: int = 2000, seed: int = 1, months: int = 12,
    params: KdfParams = KdfParams(), today: date | None = None,
) -> DemoInfo:
    folder = Path(folder)
    rng = random.Random(seed)
    today = today or local_today()
    username, display, role, pin = DEMO_USERS[0]
    profile = create_profile(folder, username=username, display_name=display, role=role.value, secret=pin,
                             params=params)
    try:
        return _fill(profile, rng, customers, months, params, today)
    finally:
        profile.close()


def _fill(
    profile: OpenProfile, rng: random.Random, n: int, months: int, params: KdfParams, today: date,
) -> DemoInfo:
    store = profile.store
    keyring = Keyring(profile.folder)
    now = utc_now()
    team_id = _uuid(rng, datetime(2025, 7, 1, tzinfo=UTC))
    user_ids = {DEMO_USERS[0][0]: profile.user.user_id}
    with store.transaction(actor=profile.user.user_id) as tx:
        tx.conn.execute("INSERT INTO teams (id, code, name, unit_code) VALUES (?, ?, ?, ?)",
                        (team_id, "LN01", "Đội quản lý điện Lý Nhân", "PA23LN"))
        tx.conn.execute("UPDATE users SET team_id = ? WHERE id = ?", (team_id, profile.user.user_id))
        for uname, udisplay, urole, _pin in DEMO_USERS[1:]:
            uid = _uuid(rng, datetime(2025, 7, 1, tzinfo=UTC))
            user_ids[uname] = uid
            tx.conn.execute("INSERT INTO users (id, username, display_name, role, team_id) VALUES (?, ?, ?, ?, ?)",
                            (uid, uname, udisplay, urole.value, team_id))
    for uname, udisplay, urole, upin in DEMO_USERS[1:]:
        keyring.add_user(user_id=user_ids[uname], username=uname, display_name=udisplay, role=urole.value,
                         team_id=team_id, secret=upin, data_key=profile.data_key, params=params)

    provinces = geography.provinces()
    communes = {code: provinces[code].communes for code in UNITS}
    technician = user_ids["lan"]
    counts = {"customers": 0, "readings": 0, "work_orders": 0}
    start = today.replace(day=1)
    reading_days = [_months_back(start, k) for k in range(months, 0, -1)]

    def customer_rows() -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...], list[tuple[Any, ...]]]]:
        serials: set[str] = set()
        for i in range(n):
            province_code = rng.choices([37, 19, 31], weights=[5, 3, 2])[0]
            units, districts = UNITS[province_code]
            commune = rng.choice(communes[province_code])
            unit = rng.choice(units)
            code = f"{unit}{i + 1:07d}"
            name = _person(rng)
            cid = _uuid(rng, datetime(2025, 7, 1, tzinfo=UTC) + timedelta(seconds=i))
            street = f"{rng.choice(HAMLETS)} {rng.randint(1, 15)}, số {rng.randint(1, 200)}"
            old_district = rng.choice(districts) if rng.random() < 0.6 else ""
            households = 1 if rng.random() < 0.93 else rng.randint(2, 4)
            phone = _phone(rng) if rng.random() < 0.9 else ""
            nid = f"0{province_code:02d}{rng.randrange(10**9):09d}" if rng.random() < 0.8 else ""
            customer = (cid, code, name, fold(name), phone, nid, province_code, provinces[province_code].name,
                        commune.code, commune.name, street, old_district, households, 1, now)
            three = rng.random() < 0.06
            make, model = rng.choice(THREE_PHASE if three else MANUFACTURERS)
            serial = f"{model}-{rng.randrange(10**8):08d}"
            while serial in serials:
                serial = f"{model}-{rng.randrange(10**8):08d}"
            serials.add(serial)
            mid = _uuid(rng, datetime(2025, 7, 1, tzinfo=UTC) + timedelta(seconds=i))
            registers = 4 if three else 1
            meter = (mid, serial, make, model, 3 if three else 1, "iec62056-21",
                     "200/5" if three and rng.random() < 0.3 else "", "", registers, cid, 1)
            base = Decimal(rng.randint(300, 40000))
            monthly = rng.uniform(60, 450) * households * (4 if three else 1)
            if i == 0:
                meter = (mid, DEMO_METER_SERIAL, DEMO_METER_MAKE, DEMO_METER_MODEL, 3, "iec62056-21", "", "", 4,
                         cid, 1)
                yield customer, meter, _demo_meter_history(mid, cid, technician, reading_days, today)
                continue
            readings = []
            for day in reading_days:
                base += Decimal(round(monthly * rng.uniform(0.7, 1.3), 1))
                taken = datetime(day.year, day.month, day.day, rng.randint(7, 16), rng.randint(0, 59),
                                 tzinfo=UTC)
                if three:
                    bt, cd = (base * Decimal("0.55")).quantize(Decimal("0.1")), (base * Decimal("0.2")).quantize(
                        Decimal("0.1"))
                    regs = {"1.8.0": {"value": str(base), "unit": "kWh"},
                            "1.8.1": {"value": str(bt), "unit": "kWh"},
                            "1.8.2": {"value": str(cd), "unit": "kWh"},
                            "1.8.3": {"value": str(base - bt - cd), "unit": "kWh"}}
                else:
                    regs = {"1.8.0": {"value": str(base), "unit": "kWh"}}
                source = "optical" if rng.random() < 0.7 else "manual"
                readings.append((_uuid(rng, taken), mid, cid, None, taken.isoformat(), source, dumps(regs),
                                 "công tơ cơ, đọc bằng mắt" if source == "manual" else "", None, None, None,
                                 technician, taken.isoformat()))
            yield customer, meter, readings

    for batch in _batches(((c, m, r) for c, m, r in customer_rows()), 2000):
        with store.transaction(actor=technician) as tx:
            tx.conn.executemany(
                "INSERT INTO customers (id, code, name, name_folded, phone, national_id, province_code, province, "
                "commune_code, commune, street, old_district, households, version, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [b[0] for b in batch])
            tx.conn.executemany(
                "INSERT INTO meters (id, serial, manufacturer, model, phases, protocol, ct_ratio, vt_ratio, "
                "tariff_registers, customer_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [b[1] for b in batch])
            rows = [r for b in batch for r in b[2]]
            tx.conn.executemany(
                "INSERT INTO readings (id, meter_id, customer_id, work_order_id, taken_at, source, registers, "
                "manual_reason, capture_sha256, photo_sha256, supersedes, recorded_by, recorded_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            tx.audit("demo", "batch", "import", detail=f"{len(batch)} customers")
            counts["customers"] += len(batch)
            counts["readings"] += len(rows)

    counts["work_orders"] = _work_orders(store, rng, n, technician, team_id, today, now)
    return DemoInfo(profile.folder, counts["customers"], counts["readings"], counts["work_orders"],
                    [(u, p, r.value) for u, _d, r, p in DEMO_USERS])


def _demo_meter_history(mid: str, cid: str, technician: str, days: list[date],
                        today: date) -> list[tuple[Any, ...]]:
    """Monthly readings of the demo meter: whole kWh, BT + CD + TD = KT exactly, the same pace every
    month (±10 %, the last month exactly the pace), ending where the simulator starts today."""
    rng = random.Random(DEMO_METER_SERIAL)  # its own stream: the other customers stay as they were
    values = dict(DEMO_METER_START)
    later = today
    out = []
    for k, day in enumerate(reversed(days)):
        factor = 1.0 if k == 0 else rng.uniform(0.9, 1.1)
        for reg, per_day in DEMO_METER_PER_DAY.items():
            values[reg] -= int(round(per_day * factor)) * (later - day).days
        later = day
        regs = {"1.8.0": {"value": str(sum(values.values())), "unit": "kWh"}} | {
            reg: {"value": str(v), "unit": "kWh"} for reg, v in values.items()}
        taken = datetime(day.year, day.month, day.day, 2 + k % 3, 15, tzinfo=UTC)  # 9–11 h in Vietnam
        out.append((_uuid(rng, taken), mid, cid, None, taken.isoformat(), "optical", dumps(regs), "", None, None,
                    None, technician, taken.isoformat()))
    return out[::-1]


def demo_meter_id(store: Any) -> str | None:
    rows = store.query("SELECT id FROM meters WHERE serial = ? ORDER BY id LIMIT 1", (DEMO_METER_SERIAL,))
    return str(rows[0][0]) if rows else None


def _months_back(d: date, k: int) -> date:
    y, m = d.year, d.month - k
    while m <= 0:
        m += 12
        y -= 1
    return date(y, m, min(15, 28))


def _work_orders(store: Any, rng: random.Random, n: int, technician: str, team_id: str, today: date,
                 now: str) -> int:
    count = max(12, min(n // 40, 2500))
    ids = [r[0] for r in store.query("SELECT id FROM customers ORDER BY code LIMIT ?", (count * 3,))]
    meters = dict(store.query("SELECT customer_id, id FROM meters WHERE customer_id IN "
                              "(SELECT id FROM customers ORDER BY code LIMIT ?)", (count * 3,)))
    chosen = rng.sample(ids, min(count, len(ids)))
    # today's first reading work order is the demo meter's (the simulator on the probe)
    demo_meter = demo_meter_id(store)
    demo_customer = store.query("SELECT customer_id FROM meters WHERE id = ?", (demo_meter,))[0][0] \
        if demo_meter else None
    if demo_customer is not None:
        if demo_customer in chosen:
            chosen.remove(demo_customer)
        elif chosen:
            chosen.pop()
        chosen.insert(0, demo_customer)
        meters[demo_customer] = demo_meter
    kinds = [WorkOrderKind.READING] * 5 + [WorkOrderKind.METER_REPLACEMENT, WorkOrderKind.METER_INSTALL,
                                           WorkOrderKind.INSPECTION, WorkOrderKind.ONBOARDING,
                                           WorkOrderKind.ONBOARDING]
    rows = []
    for i, cid in enumerate(chosen):
        kind = rng.choice(kinds)
        due = today + timedelta(days=rng.randint(-5, 14))
        state = WorkOrderState.ASSIGNED
        if due < today and rng.random() < 0.5:
            state = rng.choice([WorkOrderState.DONE, WorkOrderState.APPROVED])
        if i == 0 and cid == demo_customer:
            kind, due, state = WorkOrderKind.READING, today, WorkOrderState.ASSIGNED
        wid = _uuid(rng, datetime(2025, 11, 1, tzinfo=UTC) + timedelta(minutes=i))
        rows.append((wid, f"WO-{today:%y%m}-{i + 1:05d}", kind.value, state.value, cid, meters.get(cid),
                     team_id, technician, due.isoformat(), "", "", 1, now))
    with store.transaction(actor=technician) as tx:
        tx.conn.executemany(
            "INSERT INTO work_orders (id, number, kind, state, customer_id, meter_id, team_id, assignee_id, "
            "due_date, note, review_comment, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows)
        tx.audit("demo", "work_orders", "import", detail=f"{len(rows)} work orders")
    return len(rows)


def known_records(store: Any) -> dict[str, list[dict[str, Any]]]:
    """What the demo's central server must know of this profile (customers, meters, work orders, as
    the server keeps them), so every operation a newcomer makes on them is accepted there.

    Only records the laptop has not touched: one with an outbox entry (made here, or changed here,
    e.g. a work order started) reaches the server through sync; seeding its local state would put
    the server ahead of the operations still to come."""
    own = {str(r[0]) for r in store.query("SELECT DISTINCT entity_id FROM outbox")}
    customers = [
        {"id": r[0], "code": r[1], "name": r[2], "phone": r[3], "national_id": r[4], "province_code": r[5],
         "province": r[6], "commune_code": r[7], "commune": r[8], "street": r[9], "old_district": r[10],
         "households": r[11], "version": r[12]}
        for r in store.query("SELECT id, code, name, phone, national_id, province_code, province, commune_code, "
                             "commune, street, old_district, households, version FROM customers ORDER BY id")
        if r[0] not in own]
    meters = [
        {"id": r[0], "serial": r[1], "manufacturer": r[2], "model": r[3], "phases": r[4], "protocol": r[5],
         "ct_ratio": r[6], "vt_ratio": r[7], "tariff_registers": r[8], "customer_id": r[9]}
        for r in store.query("SELECT id, serial, manufacturer, model, phases, protocol, ct_ratio, vt_ratio, "
                             "tariff_registers, customer_id FROM meters ORDER BY id") if r[0] not in own]
    work_orders = [
        {"id": r[0], "number": r[1], "kind": r[2], "state": r[3], "customer_id": r[4], "meter_id": r[5],
         "due_date": r[6], "note": r[7], "review_comment": r[8], "version": r[9], "assignee": r[10] or ""}
        for r in store.query("SELECT w.id, w.number, w.kind, w.state, w.customer_id, w.meter_id, w.due_date, "
                             "w.note, w.review_comment, w.version, u.username FROM work_orders w "
                             "LEFT JOIN users u ON u.id = w.assignee_id ORDER BY w.id") if r[0] not in own]
    return {"customers": customers, "meters": meters, "work_orders": work_orders}
