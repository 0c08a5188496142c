"""Read a meter: pick what to read, judge the result, save it (Qt-free).

    choices(session, text)                     -> [Choice]  open reading work orders, then meters that match
    target_for_work_order(session, wo_id)      -> Target    the meter, its customer, its current readings
    target_for_meter(session, meter_id)        -> Target
    read_options(target)                       -> ReadOptions for the device worker (expected size for progress)
    assess_result(target, result, limits)      -> Assessment registers beside the previous reading, consumption,
                                                             warnings, abnormal consumption, bill estimate
    save_optical(session, target, result, ...) -> Reading   append-only, with its raw capture as an attachment;
                                                             a flagged reading only with a confirmation
    manual_fields(target) / save_manual(...)   -> Reading   typed from the display, with a reason and a photo

The device I/O itself is not here: the UI runs it on the one device thread
(:class:`fieldkit.devices.worker.DeviceWorker`) and hands the
:class:`~fieldkit.devices.result.ReadingResult` to these functions. The checks are the
rules of :mod:`fieldkit.domain.anomalies`; the bill is :func:`fieldkit.domain.tariff.estimate_bill`
for the whole kWh used since the previous reading, over the days between the two
readings (Vietnam calendar days: from the day of the previous reading to the day before
this one), with the customer's household count.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from fieldkit.devices.capture import Capture
from fieldkit.devices.client import ReadOptions
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.meter_log import PHYSICAL_KEYS, LoadProfile, MeterEvent, consumption_check
from fieldkit.devices.meter_models import MeterModel, options_for
from fieldkit.devices.result import ReadingResult
from fieldkit.domain import anomalies
from fieldkit.domain.anomalies import Finding
from fieldkit.domain.messages import Lowered, Message, Texts, joined
from fieldkit.domain.models import (
    Customer,
    Meter,
    Reading,
    ReadingSource,
    RegisterValue,
    WorkOrder,
    WorkOrderKind,
)
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.domain.reading_limits import ReadingLimits as ReadingLimits
from fieldkit.domain.reading_limits import setting_problem as setting_problem
from fieldkit.domain.tariff import BillEstimate, TariffError, estimate_bill
from fieldkit.services import field_facts, ui_queries
from fieldkit.services.meter_log_text import unclear_text
from fieldkit.services.reading_memory import compact_events, compact_profile
from fieldkit.services.review import VIETNAM
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import reading_limits as limits_repo
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.customers import CustomerQuery

_M = Texts("services.readings")

log = logging.getLogger(__name__)

# Registers kept with a reading: energy (C.8.T) and maximum demand (C.6.T) of the current period.
STORED = re.compile(r"^\d{1,3}\.[68]\.\d{1,3}$")
ENERGY = re.compile(r"^\d{1,3}\.8\.\d{1,3}$")
# Rough size of a readout when this meter has never been read through the probe (for the progress bar).
TYPICAL_BYTES = {1: 200, 3: 1500}

REGISTER_NAMES: dict[str, Message] = {
    "1.8.0": _M("Active energy import, total (KT)"),
    "1.8.1": _M("Normal hours (BT)"),
    "1.8.2": _M("Peak hours (CD)"),
    "1.8.3": _M("Off-peak hours (TD)"),
    "2.8.0": _M("Active energy export"),
    "3.8.0": _M("Reactive energy import (VC)"),
    "4.8.0": _M("Reactive energy export"),
    "1.6.0": _M("Maximum demand"),
    "1.6.1": _M("Maximum demand, normal hours"),
    "1.6.2": _M("Maximum demand, peak hours"),
    "1.6.3": _M("Maximum demand, off-peak hours"),
}

# Why a reading was typed by hand: (code, its words).
MANUAL_REASONS: tuple[tuple[str, Message], ...] = (
    ("probe_failed", _M("The probe could not read the meter")),
    ("no_optical_port", _M("The meter has no optical port (mechanical)")),
    ("port_blocked", _M("The optical port is covered, dirty or damaged")),
    ("no_probe", _M("No probe with me, or the probe is broken")),
    ("other", _M("Another reason")),
)


def register_name(obis: str, lang: str = "vi") -> str:
    name = REGISTER_NAMES.get(obis.split("*")[0])
    return name.text(lang) if name else ""


# --- what to read ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Choice:
    kind: str  # "work_order" or "meter"
    id: str  # work order id or meter id
    serial: str  # meter serial ("" when the work order names no meter yet)
    customer_code: str
    customer_name: str
    address: str
    work_order_number: str = ""
    due_date: date | None = None
    urgency: str = ""  # for work orders: overdue, today, later, undated


@dataclass(frozen=True)
class Target:
    meter: Meter
    customer: Customer | None
    work_order: WorkOrder | None
    history: tuple[Reading, ...]  # current readings of the meter, oldest first
    expected_bytes: int | None = None  # size of the last readout (or a typical size), for progress

    @property
    def previous(self) -> Reading | None:
        return self.history[-1] if self.history else None

    @property
    def occupied(self) -> bool:
        """A household lives there: the meter has a customer (zero consumption is then abnormal)."""
        return self.customer is not None and self.customer.households >= 1

    @property
    def households(self) -> int:
        return self.customer.households if self.customer is not None and self.customer.households >= 1 else 1


_TODAY_FIRST = {"today": 0, "overdue": 1}


def choices(session: Session, text: str = "", limit: int = 50) -> list[Choice]:
    """Open reading work orders (today's, then overdue, then later) whose customer, number or meter match ``text``, then
    meters matching ``text`` (serial prefix, customer code, name or phone as the customer list searches)."""
    text = text.strip()
    folded = text.casefold()
    out: list[Choice] = []
    seen_meters: set[str] = set()
    rows = [r for r in ui_queries.my_work_orders(session)
            if r.kind is WorkOrderKind.READING and r.urgency != "closed"]
    # today's orders first (the day's round; Enter on the first row reads it), then the overdue ones
    rows.sort(key=lambda r: _TODAY_FIRST.get(r.urgency, 2))
    with session.store.read() as conn:
        for r in rows:
            wo = wo_repo.get_work_order(conn, r.id)
            meter = wo_repo.get_meter(conn, wo.meter_id) if wo is not None and wo.meter_id else None
            serial = meter.serial if meter is not None else ""
            hay = " ".join((r.number, r.customer_code, r.customer_name, r.address, serial)).casefold()
            if folded and folded not in hay:
                continue
            if meter is not None:
                seen_meters.add(meter.id)
            out.append(Choice("work_order", r.id, serial, r.customer_code, r.customer_name, r.address,
                              r.number, r.due_date, r.urgency))
        if not text:
            return out[:limit]
        meters: list[Meter] = []
        for (meter_id,) in conn.execute("SELECT id FROM meters WHERE serial >= ? AND serial < ? ORDER BY serial "
                                        "LIMIT ?", (text, text + "\uffff", limit)):
            m = wo_repo.get_meter(conn, str(meter_id))
            if m is not None:
                meters.append(m)
        for customer in customer_repo.page(conn, CustomerQuery(text), 0, limit):
            meters.extend(wo_repo.meters_of_customer(conn, customer.id))
        for m in meters:
            if m.id in seen_meters or len(out) >= limit:
                continue
            seen_meters.add(m.id)
            c = customer_repo.get(conn, m.customer_id) if m.customer_id else None
            out.append(Choice("meter", m.id, m.serial, c.code if c else "", c.name if c else "",
                              c.address.one_line() if c else ""))
    return out


def _missing(message: Message, field_name: str = "meter") -> ValidationError:
    return ValidationError([Problem(field_name, "missing", message)])


def _expected_bytes(session: Session, meter: Meter, history: tuple[Reading, ...]) -> int | None:
    for reading in reversed(history):
        if reading.capture_sha256:
            try:
                return len(Capture.from_bytes(session.attachments.get(reading.capture_sha256)).received())
            except Exception:  # noqa: BLE001 - a missing or damaged capture only costs the progress estimate
                log.info("capture %s not usable for the progress estimate", reading.capture_sha256)
                break
    return TYPICAL_BYTES.get(meter.phases)


def _target(session: Session, conn: Any, meter: Meter, wo: WorkOrder | None) -> Target:
    customer_id = meter.customer_id or (wo.customer_id if wo is not None else None)
    customer = customer_repo.get(conn, customer_id) if customer_id else None
    history = tuple(reversed(facts_repo.readings_of_meter(conn, meter.id, limit=60)))
    return Target(meter, customer, wo, history)


def target_for_work_order(session: Session, wo_id: str) -> Target:
    with session.store.read() as conn:
        wo = wo_repo.get_work_order(conn, wo_id)
        if wo is None:
            raise _missing(_M("Work order not found."), "work_order")
        meter = wo_repo.get_meter(conn, wo.meter_id) if wo.meter_id else None
        if meter is None and wo.customer_id:
            meters = wo_repo.meters_of_customer(conn, wo.customer_id)
            meter = meters[0] if len(meters) == 1 else None
        if meter is None:
            raise _missing(_M("This work order names no meter. Choose the meter from the meter list."))
        target = _target(session, conn, meter, wo)
    return Target(target.meter, target.customer, target.work_order, target.history,
                  _expected_bytes(session, target.meter, target.history))


def target_for_meter(session: Session, meter_id: str) -> Target:
    with session.store.read() as conn:
        meter = wo_repo.get_meter(conn, meter_id)
        if meter is None:
            raise _missing(_M("Meter not found."))
        target = _target(session, conn, meter, None)
    return Target(target.meter, target.customer, None, target.history,
                  _expected_bytes(session, target.meter, target.history))


def read_options(target: Target, models: Sequence[MeterModel] = ()) -> ReadOptions:
    """Options for reading this meter: the protocol is detected; per-model settings (client
    address, password, protocol) come from the utility's table ``models`` and the built-in one."""
    return options_for(target.meter.manufacturer, target.meter.model,
                       ReadOptions(expected_bytes=target.expected_bytes), tuple(models))


# --- judging a reading ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class RegisterRow:
    obis: str
    value: Decimal
    unit: str
    previous: Decimal | None  # the same register in the previous reading
    consumption: Decimal | None  # value - previous, for energy registers


@dataclass(frozen=True)
class Assessment:
    registers: dict[str, RegisterValue]  # what saving stores
    rows: list[RegisterRow]
    taken_at: datetime
    previous_at: datetime | None
    previous_source: str | None  # "optical" or "manual"
    current_index: Decimal | None  # main index (1.8.0, else BT + CD + TD)
    previous_index: Decimal | None
    consumption: Decimal | None  # current_index - previous_index
    findings: list[Finding]
    bill: BillEstimate | None
    bill_note: Message | None  # why there is no estimate
    serial: str | None = None
    meter_clock: datetime | None = None
    error_register: str | None = None
    bad_lines: list[str] = field(default_factory=list)
    protocol: str = "iec62056-21"
    events: list[MeterEvent] = field(default_factory=list)     # DLMS event log, oldest first
    load_profile: LoadProfile | None = None                    # DLMS load profile of the period read

    @property
    def tamper_events(self) -> list[MeterEvent]:
        return [e for e in self.events if e.tamper]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "warning"]

    @property
    def abnormal(self) -> Finding | None:
        return next((f for f in self.findings if f.kind == "abnormal"), None)


def stored_registers(result: ReadingResult) -> dict[str, RegisterValue]:
    """Energy and maximum-demand registers of the current period, as the meter sent them."""
    return {obis: RegisterValue(value, unit) for obis, (value, unit) in result.registers.items()
            if STORED.match(obis) and value.is_finite() and value >= 0}


def local_day(when: datetime) -> date:
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(VIETNAM).date()


def bill_for(households: int, previous_index: Decimal | None, current_index: Decimal | None,
             previous_at: datetime | None, taken_at: datetime) -> tuple[BillEstimate | None, Message | None]:
    """The estimate for the whole kWh used (as the display shows them: floor(now) - floor(before)) from the
    day of the previous reading to the day before this one; or (None, why not)."""
    if previous_at is None or previous_index is None or current_index is None:
        return None, _M("No previous reading yet, so there is no bill estimate.")
    if current_index < previous_index:
        return None, _M("Consumption is negative: no bill estimate.")
    kwh = current_index.to_integral_value(ROUND_FLOOR) - previous_index.to_integral_value(ROUND_FLOOR)
    start = local_day(previous_at)
    end = max(start, local_day(taken_at) - timedelta(days=1))
    try:
        return estimate_bill(kwh, start, end, households=households), None
    except (TariffError, ValueError) as exc:
        log.info("no bill estimate: %s", exc)
        return None, _M("No bill estimate for this period (no prices are known for those days).")


def assess(target: Target, registers: Mapping[str, RegisterValue], *, taken_at: datetime | None = None,
           serial: str | None = None, meter_clock: datetime | None = None, error_register: str | None = None,
           limits: ReadingLimits = ReadingLimits(), bad_lines: list[str] | None = None) -> Assessment:
    """Registers beside the previous reading, consumption, the checks and the bill estimate."""
    taken_at = taken_at or datetime.now(UTC)
    prev = target.previous
    prev_regs = prev.registers if prev is not None else {}
    rows = []
    for obis in sorted(registers, key=_obis_order):
        reg = registers[obis]
        before = prev_regs[obis].value if obis in prev_regs else None
        used = reg.value - before if before is not None and ENERGY.match(obis) else None
        rows.append(RegisterRow(obis, reg.value, reg.unit, before, used))
    current_index = anomalies.main_index(registers)
    previous_index = anomalies.main_index(prev_regs) if prev is not None else None
    consumption = current_index - previous_index if current_index is not None and previous_index is not None \
        else None
    findings: list[Finding] = []
    laptop_local = taken_at.astimezone(VIETNAM).replace(tzinfo=None) if taken_at.tzinfo else taken_at
    for found in (anomalies.check_serial(target.meter.serial, serial),
                  anomalies.check_clock(meter_clock, laptop_local, limits.clock_minutes),
                  anomalies.check_error_register(error_register)):
        if found is not None:
            findings.append(found)
    if current_index is not None:
        series = [(r.taken_at, v) for r in target.history if (v := anomalies.main_index(r.registers)) is not None]
        abnormal = anomalies.check_consumption(series, (taken_at, current_index), limits.abnormal_multiple,
                                               target.occupied)
        if abnormal is not None:
            findings.append(abnormal)
    bill, note = bill_for(target.households, previous_index, current_index,
                          prev.taken_at if prev is not None else None, taken_at)
    return Assessment(
        registers=dict(registers), rows=rows, taken_at=taken_at,
        previous_at=prev.taken_at if prev is not None else None,
        previous_source=prev.source.value if prev is not None else None,
        current_index=current_index, previous_index=previous_index, consumption=consumption,
        findings=findings, bill=bill, bill_note=note, serial=serial, meter_clock=meter_clock,
        error_register=error_register, bad_lines=list(bad_lines or []),
    )


def assess_result(target: Target, result: ReadingResult, limits: ReadingLimits = ReadingLimits(),
                  taken_at: datetime | None = None) -> Assessment:
    assessment = assess(target, stored_registers(result), taken_at=taken_at, serial=result.serial,
                        meter_clock=result.meter_clock, error_register=result.error_register, limits=limits,
                        bad_lines=result.bad_lines)
    if result.protocol == "dlms":
        return replace(assessment, protocol=result.protocol, events=list(result.events),
                       load_profile=result.load_profile,
                       findings=[*assessment.findings,
                                 *evidence_findings(target, result.events, result.load_profile)])
    return assessment


def _when(moment: datetime) -> tuple[str, str]:
    """(HH:MM, dd/mm) of a meter time as the meter's local wall clock said it."""
    return moment.strftime("%H:%M"), moment.strftime("%d/%m")


def evidence_findings(target: Target, events: list[MeterEvent], profile: LoadProfile | None) -> list[Finding]:
    """What the meter's own memory says: tamper events since the previous reading, and a change
    of consumption from a tamper event on ("cover opened on 12/11 at 02:14; consumption fell by
    60 % from that day")."""
    found: list[Finding] = []
    since = target.previous.taken_at if target.previous is not None else None
    recent = [e for e in events if e.tamper and e.time is not None
              and (since is None or since.tzinfo is None or e.time.tzinfo is None or e.time >= since)]
    if recent:
        found.append(Finding("tamper_events", "warning",
                             _M("The meter logged {count} tamper events: {names}. Check the seals.",
                                count=len(recent), names=joined([Lowered(e.name) for e in {e.key: e for e in recent}.values()], ", ")),
                             {"count": str(len(recent))}))
    check = consumption_check(events, profile)
    evidence = check.evidence
    unclear = sorted(check.unclear, key=lambda u: u.event.key not in PHYSICAL_KEYS)  # the cover before the clock
    if evidence is None and unclear and unclear[0].event.time is not None:
        hour, day = _when(unclear[0].event.time)
        found.append(Finding(
            "tamper_consumption_unclear", "warning",
            unclear_text(unclear[0].reason, unclear[0].event.name, day, hour) or
            _M("The meter's clock was changed around the event “{event}” ({day} at {hour}): consumption before "
               "and after it cannot be compared.", event=unclear[0].event.name, day=day, hour=hour),
            {"event": unclear[0].event.key, "at": unclear[0].event.time.isoformat(), "reason": unclear[0].reason}))
    if evidence is not None and evidence.event.time is not None:
        hour, day = _when(evidence.event.time)
        pct = str(abs(evidence.change * 100).quantize(Decimal(1)))
        fell = evidence.change < 0
        found.append(Finding(
            "tamper_consumption", "abnormal",
            (_M("{event} on {day} at {hour}; consumption fell by {pct} % from that day.", event=evidence.event.name, day=day,
                hour=hour, pct=pct) if fell else
             _M("{event} on {day} at {hour}; consumption rose by {pct} % from that day.", event=evidence.event.name, day=day,
                hour=hour, pct=pct)),
            {"event": evidence.event.key, "at": evidence.event.time.isoformat(), "change_pct": pct,
             "before_kwh_day": str(evidence.before_per_day.quantize(Decimal("0.01"))),
             "after_kwh_day": str(evidence.after_per_day.quantize(Decimal("0.01")))}))
    return found


def _obis_order(obis: str) -> tuple[int, ...]:
    base = obis.split("*")[0]
    parts = [int(p) if p.isdigit() else 999 for p in re.split(r"[.:-]", base)]
    # energy first (D = 8), then demand (D = 6); by quantity C, then tariff T
    return (0 if len(parts) > 1 and parts[1] == 8 else 1, *parts)


# --- saving ---------------------------------------------------------------------------------------------

def _customer_id(target: Target) -> str | None:
    if target.customer is not None:
        return target.customer.id
    return target.work_order.customer_id if target.work_order is not None else None


def stored_limits(session: Session, shown: ReadingLimits | None = None) -> ReadingLimits:
    """The limits a reading is judged by when it is saved: the store's (server, else supervisor, else
    default), never the caller's. ``shown``, the limits the screen judged with, is only compared."""
    with session.store.read() as conn:
        limits = limits_repo.limits(conn)
    if shown is not None and shown != limits:
        log.warning("a save passed limits %s; judged by the stored %s", shown, limits)
    return limits


def same_limits(conn: Any, used: ReadingLimits) -> None:
    """In the save's transaction: refused when the stored limits changed since the reading was judged."""
    if limits_repo.limits(conn) != used:
        raise ValidationError([Problem("limits", "changed", _M(
            "The supervisor's limits for the checks changed while saving. Save again to check the reading."))])


def needs_confirmation(assessment: Assessment) -> list[Finding]:
    """The findings that a reading may be saved despite only with a reason: abnormal use (consumption,
    a tamper event changing it) and a wrong meter. The same rule for optical and manual readings."""
    return [f for f in assessment.findings if f.kind == "abnormal" or f.code == "serial_mismatch"]


def confirmation_problem(assessment: Assessment, confirmation: str) -> Problem | None:
    """The refusal when the reading is flagged and ``confirmation`` (why it is saved anyway) is missing."""
    found = needs_confirmation(assessment)
    if not found or len(" ".join(confirmation.split())) >= 3:
        return None
    return Problem("confirmation", "required",
                   _M("{finding} Write why you save it anyway (what you saw on site).",
                      finding=found[0].text))


def save_optical(session: Session, target: Target, result: ReadingResult,
                 taken_at: datetime | None = None, *, limits: ReadingLimits | None = None,
                 confirmation: str = "") -> Reading:
    """Append the reading with its raw capture (the attachment re-parses to the same registers).

    The service judges the reading again with the stored limits (`stored_limits`; the `limits` a caller
    passes are not trusted), so a caller that skips the screen or loosens them cannot save a flagged reading
    (abnormal use, a wrong meter) without `confirmation`, the technician's reason: it is refused with
    a ValidationError naming the warning. The reason and the flagged checks' codes are kept in the
    reading's reason field (``reason [serial_mismatch,high]``, at most 200 characters)."""
    if result.capture is None:
        raise ValidationError([Problem("capture", "missing", _M("The raw capture of the reading is missing."))])
    registers = stored_registers(result)
    if not registers:
        raise ValidationError([Problem("registers", "required",
                                       _M("The meter sent no energy register. Read again or type the reading."))])
    taken_at = taken_at or datetime.now(UTC)
    used = stored_limits(session, limits)
    assessment = assess_result(target, result, used, taken_at)
    refused = confirmation_problem(assessment, confirmation)
    if refused is not None:
        raise ValidationError([refused])
    codes = [f.code for f in needs_confirmation(assessment)]
    note = ""
    if codes:  # the server keeps 200 characters: the flags always fit
        suffix = f" [{','.join(codes)}]"
        note = " ".join(confirmation.split())[:200 - len(suffix)] + suffix
    return field_facts.record_reading(
        session, meter_id=target.meter.id, registers=registers, source=ReadingSource.OPTICAL,
        taken_at=taken_at, work_order_id=target.work_order.id if target.work_order is not None else None,
        customer_id=_customer_id(target), capture=result.capture.to_bytes(), manual_reason=note,
        events=compact_events(result.events), load_profile=compact_profile(result.load_profile),
        in_transaction=lambda conn: same_limits(conn, used),
    )


def failure_text(exc: BaseException, lang: str = "vi") -> str:
    """A device failure in the user's language (a ProtocolError carries a Message)."""
    if isinstance(exc, ProtocolError):
        return exc.message.text(lang)
    if isinstance(exc, ValidationError):
        return "\n".join(exc.messages(lang))
    return str(exc)
