"""Work-order use cases on the life cycle of fieldkit/domain/lifecycle.py: create, start, submit,
review (approve / return with a comment), reassign; saving a completing record submits the order
(`submit_with_record`, called by the services that save readings, installs and onboarding steps
inside their own transaction); what a returned order needs to be redone (`returned_context`);
the reminders (due today, overdue)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from fieldkit.domain import lifecycle as lc
from fieldkit.domain import onboarding as flow
from fieldkit.domain.ids import new_id
from fieldkit.domain.local_time import local_today
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import OnboardingStep, Role, WorkOrder, WorkOrderKind, WorkOrderState
from fieldkit.domain.problems import Problem, ValidationError, check
from fieldkit.domain.reasons import problem
from fieldkit.domain.validation import work_order_problems
from fieldkit.services.session import Session
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import work_orders as repo
from fieldkit.store.database import Tx
from fieldkit.store.work_orders import WorkOrderQuery

_M = Texts("services.work_orders")


def create_work_order(
    session: Session, *, kind: WorkOrderKind, customer_id: str | None, due_date: date | None,
    assignee_id: str | None = None, meter_id: str | None = None, note: str = "", team_id: str | None = None,
    number: str | None = None,
) -> WorkOrder:
    check(work_order_problems(kind, customer_id))
    wo_id = new_id()
    wo = WorkOrder(
        id=wo_id, number=number or f"L-{local_today():%y%m%d}-{wo_id[-6:].upper()}", kind=kind,
        state=WorkOrderState.ASSIGNED, customer_id=customer_id, team_id=team_id, due_date=due_date,
        assignee_id=assignee_id or session.user_id, meter_id=meter_id, note=note,
    )
    with session.store.transaction(actor=session.user_id) as tx:
        repo.insert_work_order(tx.conn, wo, tx.now)
        tx.change("work_order", wo.id, "create", repo.wo_record(wo))
    return wo


def _not_found() -> ValidationError:
    return ValidationError([Problem("work_order", "missing", _M("Work order not found."))])


def _refused(r: lc.Refusal) -> ValidationError:
    p = problem(r.code, r.params)
    return ValidationError([Problem("state" if r.code.startswith("wo_") else "role", r.code, p.text)])


def _move(tx: Tx, session: Session, wo: WorkOrder, action: lc.Action, comment: str = "",
          record_id: str = "", assignee: tuple[str, str] | None = None) -> WorkOrder:
    """One move of the life cycle inside `tx`: the order's new version, its outbox entry (the
    server's operation for the move) and the audit line."""
    move = lc.BY_ACTION[action]
    if move.needs_comment and not comment.strip():  # what the supervisor typed is checked first
        p = problem("wo_comment_required")
        raise ValidationError([Problem("comment", "required", p.text)])
    refused = lc.refusal(wo.kind, wo.state, move, session.role)
    if refused is not None:
        raise _refused(refused)
    updated = replace(wo, version=wo.version + 1)
    payload: dict[str, Any] = {"id": wo.id}
    if move.target is not None:
        updated = replace(updated, state=move.target)
        payload |= {"state": move.target.value, "comment": comment.strip()}
    if action is lc.Action.RETURN:
        updated = replace(updated, review_comment=comment.strip())
    if action is lc.Action.SUBMIT:
        updated = replace(updated, submitted_at=tx.now, submitted_record=record_id or wo.submitted_record)
        if record_id:
            payload["record_id"] = record_id
    if assignee is not None:  # (local id for this laptop, id the server knows)
        updated = replace(updated, assignee_id=assignee[0])
        payload["assignee_id"] = assignee[1]
    repo.update_work_order(tx.conn, updated, tx.now)
    target = move.target.value if move.target is not None else wo.state.value
    tx.change("work_order", wo.id, move.operation, payload, base_version=wo.version,
              detail=f"{wo.state.value}->{target}" + (f" {action.value}" if assignee is not None else ""))
    return updated


def _act(session: Session, wo_id: str, action: lc.Action, comment: str = "") -> WorkOrder:
    with session.store.transaction(actor=session.user_id) as tx:
        wo = repo.get_work_order(tx.conn, wo_id)
        if wo is None:
            raise _not_found()
        return _move(tx, session, wo, action, comment)


def start_work_order(session: Session, wo_id: str) -> WorkOrder:
    return _act(session, wo_id, lc.Action.START)


def submit_work_order(session: Session, wo_id: str) -> WorkOrder:
    """Submit by hand (the record's own saving does it too). Already submitted: nothing changes."""
    wo = get_work_order(session, wo_id)
    if wo is not None and wo.state is WorkOrderState.DONE:
        return wo
    return _act(session, wo_id, lc.Action.SUBMIT)


def review_work_order(session: Session, wo_id: str, approve: bool, comment: str = "") -> WorkOrder:
    session.require(Role.SUPERVISOR)
    return _act(session, wo_id, lc.Action.APPROVE if approve else lc.Action.RETURN, comment)


# --- the completing record submits the order -------------------------------------------------------

def submit_with_record(tx: Tx, session: Session, wo_id: str | None, entity: str, record_id: str) -> WorkOrder | None:
    """Inside the transaction that saved `record_id` (a reading, install or onboarding step): when it
    is the record that completes its work order's kind and the order is open, the order is submitted
    (state done, its outbox entry and audit line in the same transaction). Otherwise nothing."""
    if not wo_id:
        return None
    wo = repo.get_work_order(tx.conn, wo_id)
    if wo is None or lc.life(wo.kind).record != entity or not lc.is_open(wo.state):
        return None
    if lc.refusal(wo.kind, wo.state, lc.BY_ACTION[lc.Action.SUBMIT], session.role) is not None:
        return None  # e.g. a supervisor's reading on a technician's order: the record stands, the order waits
    return _move(tx, session, wo, lc.Action.SUBMIT, record_id=record_id)


def record_to_supersede(conn: Any, wo_id: str | None, entity: str) -> str | None:
    """The earlier submitted record a new record of `entity` for a returned (or restarted) order
    replaces: append-only, the new record names it in `supersedes`; the server keeps both."""
    if not wo_id:
        return None
    wo = repo.get_work_order(conn, wo_id)
    if wo is None or not wo.submitted_record or lc.life(wo.kind).record != entity or not lc.is_open(wo.state):
        return None
    return wo.submitted_record


def onboarding_order(conn: Any, customer_id: str) -> str | None:
    """The open onboarding work order of a household, if any (its steps are recorded against it)."""
    row = conn.execute(
        "SELECT id FROM work_orders WHERE customer_id = ? AND kind = ? AND state IN (?, ?, ?) "
        "ORDER BY due_date IS NULL, due_date LIMIT 1",
        (customer_id, WorkOrderKind.ONBOARDING.value, *(s.value for s in lc.OPEN_STATES)),
    ).fetchone()
    return str(row[0]) if row else None


def submit_finished_onboarding(tx: Tx, session: Session, step: OnboardingStep) -> WorkOrder | None:
    """After an onboarding step is saved: when the household's flow is now complete, the open
    onboarding order is submitted with this step as its completing record."""
    wo_id = step.work_order_id or onboarding_order(tx.conn, step.customer_id)
    if wo_id is None:
        return None
    records = flow.latest_records(facts_repo.onboarding_steps_of(tx.conn, step.customer_id))
    answers = flow.drop_stale({k: dict(r.data) for k, r in records.items()})
    if flow.resume_step(answers) != flow.DONE:
        return None
    return submit_with_record(tx, session, wo_id, "onboarding_step", step.id)


# --- returned orders --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReturnedContext:
    work_order_id: str
    comment: str  # the supervisor's reason
    record_id: str  # the last submitted record (install, reading or onboarding step): reopen it pre-filled
    record_entity: str  # install | reading | onboarding_step
    state: WorkOrderState


def returned_context(conn: Any, wo_id: str) -> ReturnedContext | None:
    """What a returned order needs to be redone: the comment and the record to reopen (None when
    the order is not returned, or unknown). After "start" the order is in progress again but the
    context stays until it is resubmitted (the comment is kept until the next return)."""
    wo = repo.get_work_order(conn, wo_id)
    if wo is None or not wo.review_comment or wo.state not in (WorkOrderState.RETURNED, WorkOrderState.IN_PROGRESS):
        return None
    return ReturnedContext(wo.id, wo.review_comment, wo.submitted_record, lc.life(wo.kind).record, wo.state)


def returned(session: Session, wo_id: str) -> ReturnedContext | None:
    with session.store.read() as conn:
        return returned_context(conn, wo_id)


# --- reassignment --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TeamMember:
    local_id: str  # this laptop's user id when the person has one here, else the server's id
    server_id: str
    name: str
    role: Role


def team_members(session: Session, wo_id: str) -> list[TeamMember]:
    """Who an order can be given to: the team's active technicians (and trainers, for the kinds they
    do), as the server last said (`sync_users`), else the people on this laptop; not its assignee."""
    with session.store.read() as conn:
        wo = repo.get_work_order(conn, wo_id)
        if wo is None:
            raise _not_found()
        local = {str(r[0]): str(r[1]) for r in conn.execute("SELECT username, id FROM users")}
        rows = conn.execute("SELECT server_id, username, display_name, role FROM sync_users WHERE active = 1").fetchall()
        if not rows:
            rows = conn.execute("SELECT COALESCE(server_id, id), username, display_name, role FROM users").fetchall()
    workers = lc.life(wo.kind).workers
    out = [TeamMember(local.get(str(r[1]), str(r[0])), str(r[0]), str(r[2]) or str(r[1]), Role(r[3]))
           for r in rows if r[3] in {w.value for w in workers}]
    return sorted((m for m in out if wo.assignee_id not in (m.local_id, m.server_id)), key=lambda m: m.name)


def reassign(session: Session, wo_id: str, member: TeamMember) -> WorkOrder:
    """A supervisor gives an open order to another technician of the team (checked again by the server)."""
    session.require(Role.SUPERVISOR)
    if Role(member.role) not in lc.life(_kind(session, wo_id)).workers:
        p = problem("wo_assignee_kind", {"user": member.name, "role": member.role.value, "kind": _kind(session, wo_id)})
        raise ValidationError([Problem("assignee", "wo_assignee_kind", p.text)])
    with session.store.transaction(actor=session.user_id) as tx:
        wo = repo.get_work_order(tx.conn, wo_id)
        if wo is None:
            raise _not_found()
        return _move(tx, session, wo, lc.Action.REASSIGN, assignee=(member.local_id, member.server_id))


def _kind(session: Session, wo_id: str) -> WorkOrderKind:
    wo = get_work_order(session, wo_id)
    if wo is None:
        raise _not_found()
    return wo.kind


# --- reminders -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reminders:
    due_today: int
    overdue: int
    returned: int


def days_late(due: date | None, state: WorkOrderState, today: date | None = None) -> int:
    """Whole days past the due date of an open order (Vietnam calendar); 0 when not late."""
    if due is None or not lc.is_open(state):
        return 0
    return max(0, ((today or local_today()) - due).days)


def reminders(session: Session, today: date | None = None) -> Reminders:
    """Open orders due today and overdue (and returned ones): the acting person's own, or the whole
    laptop's for a supervisor. Vietnam calendar days."""
    day = (today or local_today()).isoformat()
    mine = "" if session.role is Role.SUPERVISOR else " AND assignee_id = ?"
    params: tuple[Any, ...] = tuple(s.value for s in lc.OPEN_STATES) + ((session.user_id,) if mine else ())
    with session.store.read() as conn:
        row = conn.execute(
            "SELECT COALESCE(SUM(due_date = ?), 0), COALESCE(SUM(due_date < ?), 0), COALESCE(SUM(state = ?), 0) "
            f"FROM work_orders WHERE state IN (?, ?, ?){mine}",
            (day, day, WorkOrderState.RETURNED.value, *params)).fetchone()
    return Reminders(int(row[0]), int(row[1]), int(row[2]))


# --- reads -----------------------------------------------------------------------------------------

def get_work_order(session: Session, wo_id: str) -> WorkOrder | None:
    with session.store.lock:
        return repo.get_work_order(session.store.conn, wo_id)


def list_work_orders(session: Session, query: WorkOrderQuery, limit: int = 500) -> list[WorkOrder]:
    with session.store.lock:
        return repo.list_work_orders(session.store.conn, query, limit=limit)


def actions(session: Session, wo: WorkOrder) -> list[lc.Action]:
    """What the acting person may do with `wo` now (for the screens' buttons)."""
    return lc.actions(wo.kind, wo.state, session.role)
