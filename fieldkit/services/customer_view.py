"""Everything about one customer for the customer page (Qt-free, one read transaction):
details, meters with their recent readings, onboarding progress, work orders and the records
a document was made from (install records, the signed e-contract, the household sheet)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from fieldkit.domain import anomalies
from fieldkit.domain import onboarding as flow
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Customer, Meter
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store import field_facts as facts_repo

_M = Texts("services.customer_view")

READINGS_PER_METER = 12
OPEN_STATES = ("assigned", "in_progress", "returned")


@dataclass(frozen=True)
class MeterHistory:
    meter: Meter
    readings: list[tuple[datetime, Decimal | None, str]]  # oldest first: (taken at, main index, source)


@dataclass(frozen=True)
class CustomerWorkOrder:
    id: str
    number: str
    kind: str
    state: str
    due: date | None

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass(frozen=True)
class CustomerDocument:
    kind: str  # install_record | contract | household_sheet
    at: datetime
    subject: str  # the meter serial of an install record, else ""


@dataclass(frozen=True)
class CustomerView:
    customer: Customer
    meters: list[MeterHistory]
    work_orders: list[CustomerWorkOrder]  # open ones first, then newest
    onboarding_done: list[str]  # step ids done, in flow order
    onboarding_path: list[str]
    documents: list[CustomerDocument] = field(default_factory=list)

    @property
    def onboarding_finished(self) -> bool:
        return bool(self.onboarding_path) and all(s in self.onboarding_done for s in self.onboarding_path)


def customer_view(session: Session, customer_id: str) -> CustomerView:
    with session.store.read() as conn:
        customer = customer_repo.get(conn, customer_id)
        if customer is None:
            raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
        meters = [_meter_from_row(r) for r in conn.execute(
            "SELECT id, serial, manufacturer, model, phases, customer_id FROM meters WHERE customer_id = ? "
            "ORDER BY serial", (customer_id,))]
        histories = []
        for m in meters:
            rows = facts_repo.readings_of_meter(conn, m.id, limit=READINGS_PER_METER)
            histories.append(MeterHistory(m, [(r.taken_at, anomalies.main_index(r.registers), r.source.value)
                                              for r in reversed(rows)]))
        orders = [CustomerWorkOrder(str(r[0]), str(r[1]), str(r[2]), str(r[3]),
                                    date.fromisoformat(r[4]) if r[4] else None)
                  for r in conn.execute("SELECT id, number, kind, state, due_date FROM work_orders "
                                        "WHERE customer_id = ? ORDER BY updated_at DESC LIMIT 200", (customer_id,))]
        orders.sort(key=lambda w: not w.open)  # stable: open first, each group newest first
        records = flow.latest_records(facts_repo.onboarding_steps_of(conn, customer_id))
        answers = flow.drop_stale({k: dict(r.data) for k, r in records.items()})
        path = flow.path(answers) if records else []
        steps = {s.id: s for s in flow.FLOW}
        done = [s for s in path if steps[s].is_complete(answers.get(s))]
        documents: list[CustomerDocument] = []
        for serial, at in conn.execute(
                "SELECT installed_meter_serial, recorded_at FROM installs WHERE customer_id = ? AND id NOT IN "
                "(SELECT supersedes FROM installs WHERE supersedes IS NOT NULL) ORDER BY recorded_at",
                (customer_id,)):
            documents.append(CustomerDocument("install_record", datetime.fromisoformat(str(at)), str(serial)))
        for step, kind in ((flow.CONTRACT, "contract"), (flow.SHEET, "household_sheet")):
            rec = records.get(step)
            if rec is not None and (step != flow.CONTRACT or answers.get(step, {}).get("signed") is True):
                at_row = conn.execute("SELECT recorded_at FROM onboarding_steps WHERE id = ?", (rec.id,)).fetchone()
                if at_row:
                    documents.append(CustomerDocument(kind, datetime.fromisoformat(str(at_row[0])), ""))
    documents.sort(key=lambda d: d.at)
    return CustomerView(customer, histories, orders, done, path, documents)


def _meter_from_row(r: tuple[object, ...]) -> Meter:
    return Meter(id=str(r[0]), serial=str(r[1]), manufacturer=str(r[2] or ""), model=str(r[3] or ""),
                 phases=int(str(r[4] or 1)), customer_id=str(r[5]))
