"""Meter use cases."""

from __future__ import annotations

from fieldkit.domain.ids import new_id
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Meter, MeterProtocol
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services.session import Session
from fieldkit.store import work_orders as repo

_M = Texts("services.meters")


def register_meter(
    session: Session, *, serial: str, customer_id: str | None, manufacturer: str = "", model: str = "",
    phases: int = 1, protocol: MeterProtocol = MeterProtocol.IEC62056_21, ct_ratio: str = "",
    vt_ratio: str = "", tariff_registers: int = 1,
) -> Meter:
    serial = serial.strip()
    problems = []
    if not serial:
        problems.append(Problem("serial", "required", _M("The meter serial is missing.")))
    if phases not in (1, 3):
        problems.append(Problem("phases", "range", _M("A meter has 1 or 3 phases.")))
    if problems:
        raise ValidationError(problems)
    meter = Meter(
        id=new_id(), serial=serial, manufacturer=manufacturer, model=model, phases=phases, protocol=protocol,
        ct_ratio=ct_ratio, vt_ratio=vt_ratio, tariff_registers=tariff_registers, customer_id=customer_id,
    )
    with session.store.transaction(actor=session.user_id) as tx:
        repo.insert_meter(tx.conn, meter)
        tx.change("meter", meter.id, "create", repo.meter_record(meter))
    return meter


def meters_of_customer(session: Session, customer_id: str) -> list[Meter]:
    with session.store.lock:
        return repo.meters_of_customer(session.store.conn, customer_id)


def get_meter(session: Session, meter_id: str) -> Meter | None:
    with session.store.lock:
        return repo.get_meter(session.store.conn, meter_id)
