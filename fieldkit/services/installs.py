"""Meter install / replacement: validate the form, save the record and finish the work order.

``complete_install`` is one transaction: the attachments' metadata (photos, signature
PNGs), the install record (with the form id and version it was filled with) and the
work order's change to "done", each with its outbox entry and audit line. Files are
written to the content-addressed attachment store first (a file left by a transaction
that did not commit is harmless). Nothing here knows about Qt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from fieldkit.domain import lifecycle
from fieldkit.domain.ids import new_id
from fieldkit.domain.messages import Message, Texts
from fieldkit.domain.models import (
    Attachment,
    Install,
    Meter,
    MeterProtocol,
    WorkOrder,
)
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.forms.definition import FormDefinition, load_form
from fieldkit.forms.engine import clean, validate
from fieldkit.services import kept_documents, ui_queries, work_orders
from fieldkit.services.kept_documents import KeptDocument
from fieldkit.services.session import Session
from fieldkit.services.ui_queries import WorkOrderRow
from fieldkit.store import customers as customer_repo
from fieldkit.store import documents as doc_repo
from fieldkit.store import drafts as drafts_repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import work_orders as wo_repo

_M = Texts("services.installs")

if TYPE_CHECKING:
    from fieldkit.devices.result import ReadingResult
    from fieldkit.devices.worker import DeviceWorker
    from fieldkit.services.install_check import Mismatch

__all__ = [
    "FORM_ID", "INSTALL_KINDS", "InstallFile", "check_install", "complete_install", "form_for", "install_record_pdf",
    "WorkListRow", "installs_of", "probe_registers", "read_meter_through_probe", "read_registers_through_probe", "save_record_pdf",
    "work_list",
]

FORM_ID = "meter_install"
INSTALL_KINDS = lifecycle.kinds_completed_by("install")  # install, replacement, new supply
# Vietnamese three-rate meters: rate 1 normal hours (BT), rate 2 peak (CD), rate 3 off-peak (TD)
OBIS_TO_REGISTER = {"1.8.1": "BT", "1.8.2": "CD", "1.8.3": "TD", "1.8.0": "KT"}


@dataclass(frozen=True)
class InstallFile:
    content: bytes
    mime: str  # image/png, image/jpeg
    kind: str  # photo, signature

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def form_for(version: int | None = None) -> FormDefinition:
    """The install form: the given version (of a saved record) or the newest."""
    return load_form(FORM_ID, version)


def _missing(message: Message, field: str = "work_order") -> ValidationError:
    return ValidationError([Problem(field, "missing", message)])


def _referenced(form: FormDefinition, values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field id, sha256) of every photo and signature the values point at."""
    out = []
    for f in form.fields:
        v = values.get(f.id)
        if f.type == "signature" and isinstance(v, str) and v:
            out.append((f.id, v))
        elif f.type == "photo" and isinstance(v, list):
            out += [(f.id, x) for x in v if isinstance(x, str)]
    return out


def complete_install(
    session: Session, *, work_order_id: str, values: Mapping[str, Any], files: list[InstallFile],
    form_version: int | None = None,
) -> Install:
    """Check the form, then save the record and mark the work order done, in one transaction.

    Raises ValidationError (every problem, Vietnamese and English) and saves nothing when
    the form is not complete, an attachment is missing, or the work order cannot be closed.
    """
    form = form_for(form_version)
    problems = validate(form, values)
    by_sha = {f.sha256: f for f in files}
    for field_id, sha in _referenced(form, values):
        if sha not in by_sha and not session.attachments.has(sha):
            problems.append(Problem(field_id, "attachment", _M("The photo / signature file is missing; please add it again.")))
    if problems:
        raise ValidationError(problems)
    data = clean(form, values)
    wanted = {sha for _f, sha in _referenced(form, data)}
    stored = [(f, session.attachments.put(f.content)) for f in files if f.sha256 in wanted]
    with session.store.transaction(actor=session.user_id) as tx:
        wo = wo_repo.get_work_order(tx.conn, work_order_id)
        if wo is None:
            raise _missing(_M("Work order not found."))
        if wo.kind not in INSTALL_KINDS:
            raise ValidationError([Problem("work_order", "kind", _M("This work order is not a meter install or replacement."))])
        if lifecycle.refusal(wo.kind, wo.state, lifecycle.BY_ACTION[lifecycle.Action.SUBMIT], session.role):
            raise ValidationError([Problem(
                "work_order", "state", _M("This work order was already submitted or approved; a record cannot be added now."))])
        for f, sha in stored:
            if facts_repo.insert_attachment(tx.conn, Attachment(sha, len(f.content), f.mime, f.kind), tx.now):
                tx.change("attachment", sha, "create",
                          {"sha256": sha, "size": len(f.content), "mime": f.mime, "kind": f.kind})
        earlier = facts_repo.installs_of_work_order(tx.conn, work_order_id)
        install = Install(
            id=new_id(), work_order_id=work_order_id, customer_id=wo.customer_id,
            installed_meter_serial=str(data.get("installed_serial", "")).strip(),
            removed_meter_serial=str(data.get("removed_serial", "")).strip(),
            form_id=form.id, form_version=form.version,
            data=data | {"attachments": sorted({sha for _f, sha in stored})},
            supersedes=earlier[-1].id if earlier else None, recorded_by=session.user_id,
        )
        facts_repo.insert_install(tx.conn, install, tx.now)
        drafts_repo.replaced(tx, drafts_repo.INSTALL, work_order_id, install.id)  # others' drafts: kept, superseded
        tx.change("install", install.id, "append", facts_repo.install_payload(install))
        _register_installed_meter(tx, install, data)
        work_orders.submit_with_record(tx, session, wo.id, "install", install.id)
    return install


def _register_installed_meter(tx: Any, install: Install, data: Mapping[str, Any]) -> None:
    """The meter hung on the customer's supply becomes one of the customer's meters (same
    transaction), so the next reading round finds it. A serial already known is left as it is."""
    serial = install.installed_meter_serial
    if not serial or wo_repo.meter_by_serial(tx.conn, serial) is not None:
        return
    electronic = str(data.get("installed_type", "electronic")) != "mechanical"
    meter = Meter(
        id=new_id(), serial=serial, model=str(data.get("installed_model") or ""),
        phases=3 if str(data.get("phases", "1")) == "3" else 1,
        protocol=MeterProtocol.IEC62056_21 if electronic else MeterProtocol.NONE,
        ct_ratio=str(data.get("ct_ratio") or ""), vt_ratio=str(data.get("vt_ratio") or ""),
        tariff_registers=3 if isinstance(data.get("installed_reading"), Mapping)
        and len(data["installed_reading"]) >= 3 else 1,
        customer_id=install.customer_id,
    )
    wo_repo.insert_meter(tx.conn, meter)
    tx.change("meter", meter.id, "create", wo_repo.meter_record(meter), detail=f"installed {serial}")


def installs_of(session: Session, work_order_id: str) -> list[Install]:
    with session.store.lock:
        return facts_repo.installs_of_work_order(session.store.conn, work_order_id)


def install_record_pdf(session: Session, work_order_id: str, lang: str = "vi") -> bytes:
    """The newest install record of a work order as a PDF, laid out with the form version it was saved with."""
    with session.store.lock:
        conn = session.store.conn
        wo: WorkOrder | None = wo_repo.get_work_order(conn, work_order_id)
        records = facts_repo.installs_of_work_order(conn, work_order_id)
        customer = customer_repo.get(conn, wo.customer_id) if wo and wo.customer_id else None
        stamp = doc_repo.install_stamp(conn, records[-1].id) if records else None
        technician = doc_repo.person_name(conn, stamp.recorded_by if stamp else None) or session.display_name
        unit = doc_repo.team_name(conn, wo.team_id if wo else None)
    if wo is None:
        raise _missing(_M("Work order not found."))
    if not records:
        raise _missing(_M("This work order has no install record yet."),
                       "install")
    install = records[-1]
    files = {sha: session.attachments.get(sha) for sha in install.data.get("attachments", [])
             if session.attachments.has(sha)}
    # reportlab (0.7 s) is imported when the first record is made, not when the work-order page starts
    from fieldkit.documents.install_record import InstallRecord, render_install_record

    rec = InstallRecord(
        form=form_for(install.form_version), data=install.data, work_order_id=wo.id,
        work_order_number=wo.number, record_number=f"BB-{wo.number}",
        customer_name=customer.name if customer else "", customer_code=customer.code if customer else "",
        customer_phone=customer.phone if customer else "",
        address=customer.address.one_line() if customer else "",
        technician_name=technician, attachments=files, unit=unit,
        place=(customer.address.province or customer.address.commune) if customer else "",
        recorded_at=record_time(install.data.get("install_date"), stamp.recorded_at if stamp else ""),
    )
    return render_install_record(rec, "en" if lang == "en" else "vi")


def record_time(typed_day: Any, recorded_at: str) -> datetime:
    """The record's date ("Ngày lập"): the time this device stored it, in Vietnam's time; the day the
    technician typed (form v2's install date) wins when it differs (a record pulled from the server
    is stored when it arrived). Never empty: the day the PDF is made when nothing else is known."""
    from fieldkit.domain.local_time import VIETNAM

    stored = datetime.fromisoformat(recorded_at) if recorded_at else datetime.now(UTC)
    stored = (stored if stored.tzinfo else stored.replace(tzinfo=UTC)).astimezone(VIETNAM)
    try:
        day = date.fromisoformat(str(typed_day)) if typed_day else None
    except ValueError:
        day = None
    if day is not None and day != stored.date():
        return datetime(day.year, day.month, day.day, tzinfo=VIETNAM)
    return stored


def probe_registers(registers: Mapping[str, tuple[Decimal, str]]) -> dict[str, str]:
    """BT / CD / TD (and KT) from an optical readout's OBIS registers (current values only)."""
    out: dict[str, str] = {}
    for obis, (value, _unit) in registers.items():
        name = OBIS_TO_REGISTER.get(obis)
        if name:
            out[name] = format(value, "f")
    return out


# what the install form reads: the registers it fills in and what install_check compares
INSTALL_OBJECTS = ("identity", "clock", "billing", "status", "instant")


def read_meter_through_probe(port: str, timeout: float = 60.0,
                             worker: DeviceWorker | None = None) -> ReadingResult:
    """Read the meter on the optical probe at `port` (mode C or DLMS, detected by the reader);
    for a DLMS meter only what the install needs (no event log, no load profile).

    The app passes its one shared device thread (`worker`); scripts and tests may leave it
    out, and then a worker is started for this read and stopped after it.
    Raises the device layer's ProtocolError (no answer, port error …) for the caller to show."""
    from fieldkit.devices.client import ReadOptions
    from fieldkit.devices.worker import DeviceWorker as Worker

    own = worker is None
    active = Worker(name="fieldkit-install-probe") if worker is None else worker
    try:
        return active.read(port, ReadOptions(dlms_objects=INSTALL_OBJECTS), timeout=timeout)
    finally:
        if own:
            active.stop()


def read_registers_through_probe(port: str, timeout: float = 60.0, worker: DeviceWorker | None = None) -> dict[str, str]:
    """The install form's registers (BT/CD/TD, serial) of the meter on the probe."""
    result = read_meter_through_probe(port, timeout, worker)
    regs = probe_registers(result.registers)
    if result.serial:
        regs["serial"] = result.serial
    return regs


def check_install(values: Mapping[str, Any], result: ReadingResult, now: datetime | None = None) -> list[Mismatch]:
    """The install form's values against the meter as read through the probe (serial, clock,
    phase voltages and currents, CT/VT ratio): every mismatch, named vi/en."""
    from fieldkit.services.install_check import check_installed_meter

    return check_installed_meter(values, result, now=now or datetime.now(UTC))


def save_record_pdf(session: Session, work_order_id: str, lang: str = "vi") -> KeptDocument:
    """Keep the record's PDF encrypted in the profile's attachment store (never in the clear on
    disk); open or print it with kept_documents.open_private, export it with save_copy."""
    pdf = install_record_pdf(session, work_order_id, lang)
    wo = wo_repo_get(session, work_order_id)
    return kept_documents.keep(session, pdf, "install_record", f"BB-{wo.number}-{lang}.pdf")


def wo_repo_get(session: Session, work_order_id: str) -> WorkOrder:
    with session.store.lock:
        wo = wo_repo.get_work_order(session.store.conn, work_order_id)
    if wo is None:
        raise _missing(_M("Work order not found."))
    return wo


@dataclass(frozen=True)
class WorkListRow:
    row: WorkOrderRow
    commune: str


def work_list(session: Session) -> list[WorkListRow]:
    """The technician's work orders (overdue and today's first, as ui_queries orders them) with the
    customer's commune, for filtering by commune (from the same reads: each order and customer read
    again here made the first page wait 0.14 s more on the 80,000-customer profile)."""
    return [WorkListRow(r, commune) for r, commune in ui_queries.work_orders_with_communes(session)]
