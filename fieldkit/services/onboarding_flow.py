"""Where one household's onboarding stands, rebuilt from its saved steps, and how a step is saved.

Every step is an append-only row of `onboarding_steps` (the newest record of a step supersedes the
older one), written by `_append` inside the caller's transaction with its outbox entry and audit
line; the step's draft goes in the same transaction (`drafts_repo.replaced`: the person's deleted,
another person's kept as superseded). Navigation (which step comes next, where to resume) is
`fieldkit.domain.onboarding`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from fieldkit.domain import onboarding as flow
from fieldkit.domain.ids import new_id
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Customer, OnboardingStep
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services import work_orders
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store import drafts as drafts_repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store.database import Tx

_M = Texts("services.onboarding")  # the same context as services/onboarding.py: one set of texts

Lang = Literal["vi", "en"]

@dataclass(frozen=True)
class Flow:
    """Where one household's onboarding stands, rebuilt from its saved steps."""

    customer: Customer
    answers: dict[str, dict[str, Any]]
    step: str  # where to resume: the first incomplete step on the path, or DONE
    path: list[str]
    records: dict[str, OnboardingStep] = field(default_factory=dict)

    @property
    def new_supply(self) -> bool:
        return bool(self.answers.get(flow.HOUSEHOLD, {}).get("new_supply"))


def _flow(conn: Any, customer_id: str) -> Flow:
    customer = customer_repo.get(conn, customer_id)
    if customer is None:
        raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
    records = flow.latest_records(facts_repo.onboarding_steps_of(conn, customer_id))
    answers = flow.drop_stale({k: dict(r.data) for k, r in records.items()})
    return Flow(customer, answers, flow.resume_step(answers), flow.path(answers), records)


def load_flow(session: Session, customer_id: str) -> Flow:
    with session.store.read() as conn:
        return _flow(conn, customer_id)


def _append(tx: Tx, session: Session, customer_id: str, step: str, data: dict[str, Any],
            work_order_id: str | None = None) -> OnboardingStep:
    """One onboarding step inside an open transaction (superseding the step's current record)."""
    current = flow.latest_records(facts_repo.onboarding_steps_of(tx.conn, customer_id)).get(step)
    item = OnboardingStep(id=new_id(), customer_id=customer_id, step=step, data=data,
                          work_order_id=work_order_id or work_orders.onboarding_order(tx.conn, customer_id),
                          supersedes=current.id if current else None, recorded_by=session.user_id)
    facts_repo.insert_onboarding_step(tx.conn, item, tx.now)
    drafts_repo.replaced(tx, drafts_repo.ONBOARDING, drafts_repo.onboarding_ref(customer_id, step), item.id)
    tx.change("onboarding_step", item.id, "append", facts_repo.onboarding_payload(item))
    work_orders.submit_finished_onboarding(tx, session, item)  # the flow complete: the order is submitted
    return item


def _record(session: Session, customer_id: str, step: str, data: dict[str, Any]) -> Flow:
    with session.store.transaction(actor=session.user_id) as tx:
        if customer_repo.get(tx.conn, customer_id) is None:
            raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
        _append(tx, session, customer_id, step, data)
    return load_flow(session, customer_id)


