"""Read-side queries and small use cases the desktop UI needs. Qt-free, no widgets.

- `my_work_orders`: the acting user's work orders with customer name and code, in the
  order a technician works them (overdue, today, later, undated, then finished ones).
- `create_first_user`: the first-run screen's "make the first user" with checks and
  messages in Vietnamese and English (PIN typed twice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fieldkit.domain.local_time import local_today
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Role, WorkOrderKind, WorkOrderState
from fieldkit.domain.problems import Problem, ValidationError, check
from fieldkit.domain.text import clean_name, fold
from fieldkit.services.session import Session, create, profile_users
from fieldkit.store import customers as customer_repo
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.keyring import KdfParams
from fieldkit.store.pin_policy import strength_problems as secret_problems
from fieldkit.store.work_orders import WorkOrderQuery

_M = Texts("services.ui_queries")

OPEN_STATES = (WorkOrderState.ASSIGNED, WorkOrderState.IN_PROGRESS, WorkOrderState.RETURNED)


@dataclass(frozen=True)
class WorkOrderRow:
    id: str
    number: str
    kind: WorkOrderKind
    state: WorkOrderState
    due_date: date | None
    customer_code: str
    customer_name: str
    address: str
    urgency: str  # "overdue", "today", "later", "undated", "closed"
    review_comment: str = ""  # the supervisor's reason, for a returned order (and while it is redone)
    days_late: int = 0  # whole days past the due date of an open order


def _urgency(state: WorkOrderState, due: date | None, today: date) -> str:
    if state not in OPEN_STATES:
        return "closed"
    if due is None:
        return "undated"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "later"


_ORDER = {"overdue": 0, "today": 1, "later": 2, "undated": 3, "closed": 4}


def my_work_orders(session: Session, today: date | None = None, limit: int = 500) -> list[WorkOrderRow]:
    """Technicians and trainers see their own work orders; a supervisor sees every one on the device."""
    return [row for row, _commune in work_orders_with_communes(session, today, limit)]


def work_orders_with_communes(session: Session, today: date | None = None,
                              limit: int = 500) -> list[tuple[WorkOrderRow, str]]:
    """`my_work_orders` with each customer's commune (the work list filters by it), from the same reads."""
    today = today or local_today()
    assignee = None if session.role is Role.SUPERVISOR else session.user_id
    with session.store.lock:
        conn = session.store.conn
        orders = wo_repo.list_work_orders(conn, WorkOrderQuery(assignee_id=assignee), limit=limit)
        customers = {}
        for wo in orders:
            if wo.customer_id and wo.customer_id not in customers:
                customers[wo.customer_id] = customer_repo.get(conn, wo.customer_id)
    rows = []
    for wo in orders:
        c = customers.get(wo.customer_id) if wo.customer_id else None
        rows.append((WorkOrderRow(
            id=wo.id, number=wo.number, kind=wo.kind, state=wo.state, due_date=wo.due_date,
            customer_code=c.code if c else "", customer_name=c.name if c else "",
            address=c.address.one_line() if c else "", urgency=_urgency(wo.state, wo.due_date, today),
            review_comment=wo.review_comment if wo.state in OPEN_STATES else "",
            days_late=max(0, (today - wo.due_date).days) if wo.due_date and wo.state in OPEN_STATES else 0,
        ), c.address.commune if c else ""))
    rows.sort(key=lambda rc: (_ORDER[rc[0].urgency], rc[0].due_date or date.max, rc[0].number))
    return rows


def has_users(folder: str | Path) -> bool:
    return bool(profile_users(folder))


def _username_for(display_name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]", "", fold(display_name)) or "user"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    return name


def create_first_user(
    folder: str | Path, *, display_name: str, role: Role | str | None, pin: str, pin_again: str,
    params: KdfParams = KdfParams(),
) -> Session:
    """Make the profile and its first user; every problem is reported at once, in both languages."""
    problems: list[Problem] = []
    name = clean_name(display_name)
    if len(name) < 2:
        problems.append(Problem("name", "required", _M("Enter the full name (at least 2 characters).")))
    try:
        role_value = Role(role) if role else None
    except ValueError:
        role_value = None
    if role_value is None:
        problems.append(Problem("role", "required", _M("Choose a role.")))
    problems += secret_problems(pin)
    if pin != pin_again:
        problems.append(Problem("pin_again", "mismatch", _M("The two PINs do not match.")))
    check(problems)
    if has_users(folder):
        raise ValidationError([Problem("profile", "exists", _M("This profile already has users; sign in instead."))])
    assert role_value is not None
    username = _username_for(name, set())
    return create(folder, username=username, display_name=name, role=role_value, secret=pin, params=params)
