"""Team figures by commune and period, a technician's day, and their CSV export (Qt-free).

    team_report(session, start, end, commune_code=None)  -> TeamReport (a row per commune + total)
    daily_summary(session, user_id, day)                  -> DailySummary (one line per thing done)
    report_csv(report, lang)                              -> bytes (UTF-8 with BOM, `;`-separated, for Excel)
    abnormal_flag(previous, current)                      the abnormal-reading rule

Days are calendar days in Vietnam (UTC+7); stored times are UTC.

Figures (each per commune of the customer concerned):
- installs: install records (not superseded by a correction) recorded in the period;
- work orders done on time / late: work orders in state done or approved whose completion
  falls in the period; on time when completed on or before the due date (no due date: on
  time). Completion = the time of the "-> done" transition in this laptop's audit; for a
  work order finished on another laptop (pulled), the last reading taken for it, else the
  last time the record changed here;
- open overdue: work orders still open (assigned, in progress, returned) whose due date
  is in the period and before today;
- readings / abnormal readings: current readings taken in the period, and those flagged
  by `abnormal_flag`;
- adoption, as of the end of the period, out of the customers on this laptop in that
  commune: e-contracts (step "contract", data.signed true), app users (step "app",
  data.registered true), payment method (step "payment", data.method one of METHODS;
  every method but "cash" counts as cashless). The latest record of each step counts.

Abnormal reading: the rule of `fieldkit.domain.anomalies` (negative, zero, or above 3x the average
per day of the last three months before the previous reading), shared with the reading screen.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from fieldkit.domain import anomalies, progress
from fieldkit.domain.local_time import VIETNAM, local_date, local_today
from fieldkit.domain.messages import Message, Texts
from fieldkit.domain.models import ReadingSource, RegisterValue, WorkOrderState
from fieldkit.domain.progress import Job
from fieldkit.domain.report_figures import CASHLESS as CASHLESS
from fieldkit.domain.report_figures import METHODS as METHODS
from fieldkit.domain.report_figures import STEP_APP as STEP_APP
from fieldkit.domain.report_figures import STEP_CONTRACT as STEP_CONTRACT
from fieldkit.domain.report_figures import STEP_PAYMENT as STEP_PAYMENT
from fieldkit.domain.report_figures import DailySummary as DailySummary
from fieldkit.domain.report_figures import Figures as Figures
from fieldkit.domain.report_figures import SummaryItem as SummaryItem
from fieldkit.domain.report_figures import TeamReport as TeamReport
from fieldkit.domain.text import vi_sort_key
from fieldkit.services.people import people
from fieldkit.services.session import Session
from fieldkit.store import field_facts as facts_repo

_M = Texts("services.reports")

ABNORMAL_MULTIPLE = anomalies.DEFAULT_ABNORMAL_MULTIPLE
DONE_STATES = (WorkOrderState.DONE.value, WorkOrderState.APPROVED.value)
OPEN_STATES = (WorkOrderState.ASSIGNED.value, WorkOrderState.IN_PROGRESS.value, WorkOrderState.RETURNED.value)


def main_index(registers: dict[str, RegisterValue]) -> Decimal | None:
    """The index used for consumption (see `fieldkit.domain.anomalies.main_index`)."""
    return anomalies.main_index(registers)


def abnormal_flag(previous: Sequence[tuple[datetime, Decimal]], current: tuple[datetime, Decimal]) -> str | None:
    """`previous`: earlier readings of the same meter, oldest first. The rule is
    `fieldkit.domain.anomalies.abnormal_flag` (one rule for reports, review and the reading screen)."""
    return anomalies.abnormal_flag(previous, current, ABNORMAL_MULTIPLE)


# --- team report ----------------------------------------------------------------------------------------

def _in(day: date, start: date, end: date) -> bool:
    return start <= day <= end


def _completion_times(conn: Any) -> dict[str, str]:
    """work order id -> ISO time it was completed (see the module docstring)."""
    times: dict[str, str] = {}
    for wo_id, updated in conn.execute(
            f"SELECT id, updated_at FROM work_orders WHERE state IN ({', '.join('?' * len(DONE_STATES))})",
            DONE_STATES):
        times[str(wo_id)] = str(updated)
    for wo_id, at in conn.execute(
            "SELECT work_order_id, max(taken_at) FROM readings WHERE work_order_id IS NOT NULL GROUP BY 1"):
        if wo_id in times:
            times[str(wo_id)] = str(at)
    for wo_id, at in conn.execute(
            "SELECT entity_id, max(at) FROM audit WHERE entity = 'work_order' AND detail LIKE '%->done' GROUP BY 1"):
        if wo_id in times:
            times[str(wo_id)] = str(at)
    for wo_id, at in conn.execute("SELECT id, submitted_at FROM work_orders WHERE submitted_at != ''"):
        if wo_id in times:  # the submission (this laptop's or the server's), never the approval's time
            times[str(wo_id)] = str(at)
    return times


def _team_name(conn: Any, session: Session) -> str:
    row = conn.execute("SELECT t.name FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = ?",
                       (session.user_id,)).fetchone()
    if row is None:
        row = conn.execute("SELECT name FROM teams ORDER BY code LIMIT 1").fetchone()
    return str(row[0]) if row else ""


def _current_readings(conn: Any, since: date, until: date) -> Iterator[list[tuple[datetime, Decimal, str | None]]]:
    """For each meter read in [since, until]: its current readings up to `until` as
    (taken_at, main index, customer id), oldest first.

    One meter at a time from the cursor, never a list of every reading: over a year of
    80,000 meters a materialised list (~900,000 tuples) cost 67-150 ms of interpreter-lock
    time just to free, and sorting it another 136 ms, each time freezing the UI thread."""
    lo = (since - timedelta(days=1)).isoformat()
    hi = (until + timedelta(days=2)).isoformat()
    cursor = conn.execute(
        "SELECT r.meter_id, r.taken_at, r.registers, COALESCE(r.customer_id, m.customer_id) FROM readings r "
        "JOIN meters m ON m.id = r.meter_id "
        "WHERE r.meter_id IN (SELECT meter_id FROM readings WHERE taken_at >= ? AND taken_at < ?) "
        "AND r.taken_at < ? AND r.id NOT IN (SELECT supersedes FROM readings WHERE supersedes IS NOT NULL) "
        "ORDER BY r.meter_id, r.taken_at", (lo, hi, hi))
    current: str | None = None
    series: list[tuple[datetime, Decimal, str | None]] = []
    for meter_id, taken, regs, customer_id in cursor:
        if meter_id != current:
            if series:
                series.sort(key=lambda r: r[0])
                yield series
            current, series = meter_id, []
        value = main_index(facts_repo.registers_from_json(regs))
        when = datetime.fromisoformat(taken)
        if value is not None and local_date(when) <= until:
            series.append((when, value, customer_id))
    if series:
        series.sort(key=lambda r: r[0])
        yield series


def latest_steps(conn: Any, until: date | None = None) -> dict[tuple[str, str], dict[str, Any]]:
    """(customer id, step) -> data of the latest record of that step, recorded by the end of `until`."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for customer_id, step, data, at in conn.execute(
            "SELECT customer_id, step, data, recorded_at FROM onboarding_steps WHERE step IN (?, ?, ?) "
            "ORDER BY recorded_at, id", (STEP_APP, STEP_PAYMENT, STEP_CONTRACT)):
        if until is not None and local_date(str(at)) > until:
            continue
        try:
            parsed = json.loads(data)
        except ValueError:
            continue
        out[(str(customer_id), str(step))] = parsed if isinstance(parsed, dict) else {}
    return out


def team_report(session: Session, start: date, end: date, commune_code: int | None = None,
                today: date | None = None, job: Job | None = None) -> TeamReport:
    """With a `job`: progress is counted in meters read in the period (plus one step for the rest), and
    `job.cancel()` stops the work at the next meter (`Cancelled`)."""
    if end < start:
        start, end = end, start
    today = today or local_today()
    with session.store.read() as conn:
        if job is not None:
            lo, hi = (start - timedelta(days=1)).isoformat(), (end + timedelta(days=2)).isoformat()
            meters = conn.execute("SELECT count(DISTINCT meter_id) FROM readings WHERE taken_at >= ? AND taken_at < ?",
                                  (lo, hi)).fetchone()[0]
            progress.step(job, 0, int(meters) + 1)
        commune_of: dict[str, int | None] = {}
        rows: dict[int | None, Figures] = {}
        for cid, code, name in conn.execute("SELECT id, commune_code, commune FROM customers"):
            commune_of[str(cid)] = code
            if code not in rows:
                rows[code] = Figures(code, str(name or ""))
            rows[code].customers += 1

        def row(customer_id: str | None) -> Figures:
            code = commune_of.get(customer_id) if customer_id else None
            if code not in rows:
                rows[code] = Figures(code, "")
            return rows[code]

        for customer_id, at in conn.execute(
                "SELECT customer_id, recorded_at FROM installs "
                "WHERE id NOT IN (SELECT supersedes FROM installs WHERE supersedes IS NOT NULL)"):
            if _in(local_date(str(at)), start, end):
                row(customer_id).installs += 1

        done_at = _completion_times(conn)
        for wo_id, state, due, customer_id in conn.execute(
                "SELECT id, state, due_date, customer_id FROM work_orders"):
            due_day = date.fromisoformat(due) if due else None
            if state in DONE_STATES:
                finished = local_date(done_at[str(wo_id)])
                if _in(finished, start, end):
                    if due_day is None or finished <= due_day:
                        row(customer_id).done_on_time += 1
                    else:
                        row(customer_id).done_late += 1
            elif state in OPEN_STATES and due_day is not None and _in(due_day, start, end) and due_day < today:
                row(customer_id).open_overdue += 1

        progress.step(job)
        for done, meter_series in enumerate(_current_readings(conn, start, end), 1):
            if done % 50 == 0:
                progress.step(job, done)
            earlier: list[tuple[datetime, Decimal]] = []
            for when, value, customer_id in meter_series:
                if _in(local_date(when), start, end):
                    target = row(customer_id)
                    target.readings += 1
                    if abnormal_flag(earlier, (when, value)) is not None:
                        target.abnormal += 1
                earlier.append((when, value))

        progress.step(job)
        for (customer_id, step), data in latest_steps(conn, end).items():
            target = row(customer_id)
            if step == STEP_APP and data.get("registered") is True:
                target.app_users += 1
            elif step == STEP_CONTRACT and data.get("signed") is True:
                target.e_contracts += 1
            elif step == STEP_PAYMENT and data.get("method") in METHODS:
                target.payment[str(data["method"])] += 1
        team = _team_name(conn, session)

    chosen = [f for f in rows.values() if commune_code is None or f.commune_code == commune_code]
    chosen = [f for f in chosen if f.customers or _activity(f)]
    chosen.sort(key=lambda f: (f.commune_code is None, vi_sort_key(f.commune), f.commune_code or 0))
    total = Figures(commune_code, chosen[0].commune if commune_code is not None and chosen else "")
    for f in chosen:
        total.add(f)
    return TeamReport(start, end, commune_code, chosen, total, team, datetime.now(VIETNAM))


def _activity(f: Figures) -> int:
    return (f.installs + f.done_on_time + f.done_late + f.open_overdue + f.readings + f.e_contracts + f.app_users
            + sum(f.payment.values()))


def communes(session: Session) -> list[tuple[int, str]]:
    """(code, name) of the communes of the customers on this laptop, by name."""
    rows = session.store.query(
        "SELECT commune_code, min(commune) FROM customers WHERE commune_code IS NOT NULL GROUP BY commune_code")
    return sorted(((int(r[0]), str(r[1])) for r in rows), key=lambda r: vi_sort_key(r[1]))


# --- CSV -----------------------------------------------------------------------------------------------

CSV_COLUMNS: list[tuple[str, Message]] = [  # key, heading (its Vietnamese in core_vi.ts)
    ("commune", _M("Commune")),
    ("customers", _M("Customers")),
    ("installs", _M("Installs done")),
    ("done_on_time", _M("Work orders done on time")),
    ("done_late", _M("Work orders done late")),
    ("open_overdue", _M("Open overdue work orders")),
    ("readings", _M("Readings")),
    ("abnormal", _M("Abnormal readings")),
    ("e_contracts", _M("E-contracts")),
    ("e_contracts_pct", _M("E-contract share (%)")),
    ("app_users", _M("App users")),
    ("app_users_pct", _M("App user share (%)")),
    ("mobile_banking", _M("Mobile banking")),
    ("mobile_banking_pct", _M("Mobile banking (%)")),
    ("e_wallet", _M("E-wallet")),
    ("e_wallet_pct", _M("E-wallet (%)")),
    ("auto_debit", _M("Automatic debit")),
    ("auto_debit_pct", _M("Automatic debit (%)")),
    ("bank_qr", _M("Bank-transfer QR")),
    ("bank_qr_pct", _M("Bank-transfer QR (%)")),
    ("cash", _M("Cash")),
    ("cashless", _M("Cashless payers")),
    ("cashless_pct", _M("Cashless share (%)")),
]


CSV_DELIMITER = ";"


def figures_record(f: Figures, commune_label: str) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "commune": commune_label, "customers": f.customers, "installs": f.installs,
        "done_on_time": f.done_on_time, "done_late": f.done_late, "open_overdue": f.open_overdue,
        "readings": f.readings, "abnormal": f.abnormal, "e_contracts": f.e_contracts,
        "e_contracts_pct": round(f.share(f.e_contracts), 1), "app_users": f.app_users,
        "app_users_pct": round(f.share(f.app_users), 1), "cashless": f.cashless,
        "cashless_pct": round(f.share(f.cashless), 1),
    }
    for m in METHODS:
        rec[m] = f.payment[m]
        rec[f"{m}_pct"] = round(f.share(f.payment[m]), 1)
    return rec


def report_csv(report: TeamReport, lang: str = "vi") -> bytes:
    """The report as CSV for a spreadsheet in the user's locale: UTF-8 with a byte-order mark (Excel then
    reads Vietnamese), fields separated by `;` and, in Vietnamese, decimal commas (`50,0`), which is what
    Excel and LibreOffice with Vietnamese regional settings expect (their list separator is `;` because
    the comma is the decimal mark); English keeps `;` too so one file opens the same everywhere, with
    decimal points. One row per commune in Vietnamese order and a total row; shares in percent, one
    decimal."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([heading.text(lang) for _k, heading in CSV_COLUMNS])
    no_commune = _M.text("(no commune)", lang)

    def cell(value: Any) -> Any:
        if isinstance(value, float) and lang == "vi":
            return f"{value:.1f}".replace(".", ",")
        return value

    for f in report.rows:
        rec = figures_record(f, f.commune or no_commune)
        writer.writerow([cell(rec[k]) for k, _heading in CSV_COLUMNS])
    rec = figures_record(report.total, _M.text("Total", lang))
    writer.writerow([cell(rec[k]) for k, _heading in CSV_COLUMNS])
    return buf.getvalue().encode("utf-8-sig")


# --- a technician's day -------------------------------------------------------------------------------

def _local(stamp: str | datetime) -> datetime:
    when = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(VIETNAM)


def daily_summary(session: Session, user_id: str, day: date) -> DailySummary:
    """What one person did on `day`: readings taken, installs and onboarding steps recorded, and work
    orders they completed. Facts are attributed by `recorded_by`, work orders by their assignee."""
    lo, hi = (day - timedelta(days=1)).isoformat(), (day + timedelta(days=2)).isoformat()
    items: list[SummaryItem] = []
    with session.store.read() as conn:
        names = people(conn)
        role_row = conn.execute("SELECT role FROM users WHERE id = ?", (user_id,)).fetchone()
        customers = {str(r[0]): (str(r[1]), str(r[2])) for r in conn.execute("SELECT id, code, name FROM customers")}
        numbers = {str(r[0]): str(r[1]) for r in conn.execute("SELECT id, number FROM work_orders")}
        serials = {str(r[0]): (str(r[1]), r[2]) for r in conn.execute("SELECT id, serial, customer_id FROM meters")}

        def who(cid: str | None) -> tuple[str, str]:
            return customers.get(cid or "", ("", ""))

        for row in conn.execute(f"SELECT {facts_repo.READING_COLUMNS} FROM readings WHERE recorded_by = ? "
                                "AND taken_at >= ? AND taken_at < ? ORDER BY taken_at", (user_id, lo, hi)):
            rd = facts_repo.reading_from_row(row)
            if local_date(rd.taken_at) != day:
                continue
            serial, meter_customer = serials.get(rd.meter_id, ("", None))
            history = [h for h in reversed(facts_repo.readings_of_meter(conn, rd.meter_id, limit=400))
                       if h.taken_at < rd.taken_at]
            series = [(h.taken_at, v) for h in history if (v := main_index(h.registers)) is not None]
            value = main_index(rd.registers)
            flag = abnormal_flag(series, (rd.taken_at, value)) if value is not None else None
            regs = ", ".join(f"{k} = {v.value} {v.unit}".rstrip() for k, v in sorted(rd.registers.items()))
            code, name = who(rd.customer_id or meter_customer)
            items.append(SummaryItem(_local(rd.taken_at), "reading", numbers.get(rd.work_order_id or "", ""),
                                     code, name, serial, regs,
                                     flag or ("manual" if rd.source.value == "manual" else "")))
        for wo_id, customer_id, installed, removed, at in conn.execute(
                "SELECT work_order_id, customer_id, installed_meter_serial, removed_meter_serial, recorded_at "
                "FROM installs WHERE recorded_by = ? AND recorded_at >= ? AND recorded_at < ?", (user_id, lo, hi)):
            if local_date(str(at)) != day:
                continue
            code, name = who(customer_id)
            items.append(SummaryItem(_local(str(at)), "install", numbers.get(str(wo_id), ""), code, name,
                                     str(installed), str(removed)))
        for wo_id, customer_id, step, data, at in conn.execute(
                "SELECT work_order_id, customer_id, step, data, recorded_at FROM onboarding_steps "
                "WHERE recorded_by = ? AND recorded_at >= ? AND recorded_at < ?", (user_id, lo, hi)):
            if local_date(str(at)) != day:
                continue
            code, name = who(customer_id)
            items.append(SummaryItem(_local(str(at)), "onboarding", numbers.get(str(wo_id or ""), ""), code, name,
                                     str(step), _step_value(str(step), json.loads(data))))
        done_at = _completion_times(conn)
        for wo_id, number, kind, due, customer_id in conn.execute(
                f"SELECT id, number, kind, due_date, customer_id FROM work_orders WHERE assignee_id = ? "
                f"AND state IN ({', '.join('?' * len(DONE_STATES))})", (user_id, *DONE_STATES)):
            finished = done_at.get(str(wo_id))
            if finished is None or local_date(finished) != day:
                continue
            late = due is not None and day > date.fromisoformat(due)
            code, name = who(customer_id)
            items.append(SummaryItem(_local(finished), "work_order", str(number), code, name, str(kind),
                                     "late" if late else "on_time"))
        own = conn.execute("SELECT t.name FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = ?",
                           (user_id,)).fetchone()
        team = str(own[0]) if own else _team_name(conn, session)  # the person's team, not the reader's
        lead = _supervisor_of(conn, user_id)
    items.sort(key=lambda i: (i.at, i.kind))
    return DailySummary(user_id, names.get(user_id, user_id), str(role_row[0]) if role_row else "", day, items,
                        team, lead)


def _supervisor_of(conn: Any, user_id: str) -> str:
    """The name under "Tổ trưởng xác nhận": an active supervisor of the person's team (not the person);
    blank, to be written by hand, when the team has none on this laptop."""
    row = conn.execute("SELECT s.display_name FROM users u JOIN users s ON s.team_id = u.team_id "
                       "WHERE u.id = ? AND s.id != u.id AND s.role = 'supervisor' AND s.active = 1 "
                       "ORDER BY s.display_name LIMIT 1", (user_id,)).fetchone()
    return str(row[0]) if row else ""


def _step_value(step: str, data: Any) -> str:
    if not isinstance(data, dict):
        return ""
    if step == STEP_PAYMENT:
        return str(data.get("method") or "")
    if step == STEP_APP:
        return "yes" if data.get("registered") is True else "no"
    if step == STEP_CONTRACT:
        return "yes" if data.get("signed") is True else "no"
    return ""


def people_for_summary(session: Session) -> list[tuple[str, str]]:
    """(user id, name) of the people a daily summary can be made for: everyone for a supervisor,
    oneself otherwise."""
    from fieldkit.domain.models import Role

    if session.role is not Role.SUPERVISOR:
        return [(session.user_id, session.display_name)]
    rows = session.store.query("SELECT id, display_name FROM users WHERE role != 'supervisor' ORDER BY display_name")
    return [(str(r[0]), str(r[1])) for r in rows]


# --- demo activity (screenshots and the demo profile) ---------------------------------------------------

def add_demo_activity(session: Session, households: int = 400, seed: int = 7) -> int:
    """Give a demo profile something to review and report: onboarding steps for `households`
    customers (payment methods in roughly the shares one northern team reported), and readings
    with a raw capture and a meter photo for up to four submitted work orders (one of them
    abnormally high). Goes through the normal services, as the signed-in user. Returns the
    number of records added."""
    import random

    from fieldkit.devices.capture import Capture
    from fieldkit.services import field_facts

    rng = random.Random(seed)
    added = 0
    ids = [str(r[0]) for r in session.store.query("SELECT id FROM customers ORDER BY code LIMIT ?", (households,))]
    for cid in ids:
        if rng.random() < 0.45:
            field_facts.record_onboarding_step(session, customer_id=cid, step=STEP_APP, data={"registered": True})
            added += 1
        if rng.random() < 0.35:
            field_facts.record_onboarding_step(session, customer_id=cid, step=STEP_CONTRACT, data={"signed": True})
            added += 1
        method = rng.choices(METHODS, weights=[57, 14, 12, 5, 12])[0]
        field_facts.record_onboarding_step(session, customer_id=cid, step=STEP_PAYMENT, data={"method": method})
        added += 1
    rows = session.store.query(
        "SELECT w.id, w.meter_id FROM work_orders w WHERE w.state = 'done' AND w.meter_id IS NOT NULL "
        "ORDER BY w.due_date, w.number LIMIT 4")
    for n, (wo_id, meter_id) in enumerate(rows):
        with session.store.lock:
            last = facts_repo.readings_of_meter(session.store.conn, str(meter_id), limit=2)
        if len(last) < 2:
            continue
        a, b = main_index(last[0].registers), main_index(last[1].registers)
        if a is None or b is None:
            continue
        step = (a - b) * (5 if n == 0 else 1)
        index = (a + step).quantize(Decimal("0.1"))
        cap = Capture(port="/dev/ttyUSB0")
        cap.tx(b"/?!\r\n", 300)
        cap.rx(b"/VSE5VSE11-1\r\n", 300)
        cap.tx(b"\x06050\r\n", 300)
        cap.baud(9600)
        cap.rx(b"\x02" + f"0.0.0(VSE11)\r\n1.8.0({index}*kWh)\r\n!\r\n".encode() + b"\x03\x5a", 9600)
        field_facts.record_reading(
            session, meter_id=str(meter_id), work_order_id=str(wo_id), capture=cap.to_bytes(),
            registers={"1.8.0": RegisterValue(index, "kWh")}, source=ReadingSource.OPTICAL,
            photo=_demo_photo(f"{index}", rng), photo_mime="image/png")
        added += 1
    return added


def _demo_photo(text: str, rng: Any) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (320, 240), (58 + rng.randrange(20), 64, 72))
    draw = ImageDraw.Draw(img)
    draw.rectangle((40, 70, 280, 150), fill=(200, 214, 190), outline=(20, 20, 20), width=4)
    draw.text((70, 100), f"{text} kWh", fill=(10, 10, 10))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()
