"""Work-order use cases: create, start, submit, review (approve / return with a comment)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from fieldkit.domain.ids import new_id
from fieldkit.domain.models import TRANSITIONS, Role, WorkOrder, WorkOrderKind, WorkOrderState
from fieldkit.domain.problems import Problem, ValidationError, check
from fieldkit.domain.validation import work_order_problems
from fieldkit.services.session import Session
from fieldkit.store import work_orders as repo
from fieldkit.store.work_orders import WorkOrderQuery


def create_work_order(
    session: Session, *, kind: WorkOrderKind, customer_id: str | None, due_date: date | None,
    assignee_id: str | None = None, meter_id: str | None = None, note: str = "", team_id: str | None = None,
    number: str | None = None,
) -> WorkOrder:
    check(work_order_problems(kind, customer_id))
    wo_id = new_id()
    wo = WorkOrder(
        id=wo_id, number=number or f"L-{date.today():%y%m%d}-{wo_id[-6:].upper()}", kind=kind,
        state=WorkOrderState.ASSIGNED, customer_id=customer_id, team_id=team_id, due_date=due_date,
        assignee_id=assignee_id or session.user_id, meter_id=meter_id, note=note,
    )
    with session.store.transaction(actor=session.user_id) as tx:
        repo.insert_work_order(tx.conn, wo, tx.now)
        tx.change("work_order", wo.id, "create", repo.wo_record(wo))
    return wo


def _transition(session: Session, wo_id: str, to: WorkOrderState, comment: str = "") -> WorkOrder:
    with session.store.transaction(actor=session.user_id) as tx:
        wo = repo.get_work_order(tx.conn, wo_id)
        if wo is None:
            raise ValidationError([Problem("work_order", "missing", "Không tìm thấy phiếu công việc.",
                                           "Work order not found.")])
        allowed = TRANSITIONS[wo.state].get(to)
        if allowed is None:
            raise ValidationError([Problem(
                "state", "transition",
                f"Không thể chuyển phiếu từ '{wo.state.value}' sang '{to.value}'.",
                f"A work order cannot go from '{wo.state.value}' to '{to.value}'.",
            )])
        if session.role not in allowed:
            raise ValidationError([Problem("role", "forbidden", "Vai trò của bạn không được làm việc này.",
                                           "Your role is not allowed to do this.")])
        updated = replace(wo, state=to, version=wo.version + 1,
                          review_comment=comment if to is WorkOrderState.RETURNED else wo.review_comment)
        repo.update_work_order(tx.conn, updated, tx.now)
        action = {WorkOrderState.APPROVED: "approve", WorkOrderState.RETURNED: "return"}.get(to, "status")
        tx.change(
            "work_order", wo_id, action, {"id": wo_id, "state": to.value, "comment": comment},
            base_version=wo.version, detail=f"{wo.state.value}->{to.value}",
        )
    return updated


def start_work_order(session: Session, wo_id: str) -> WorkOrder:
    return _transition(session, wo_id, WorkOrderState.IN_PROGRESS)


def submit_work_order(session: Session, wo_id: str) -> WorkOrder:
    return _transition(session, wo_id, WorkOrderState.DONE)


def review_work_order(session: Session, wo_id: str, approve: bool, comment: str = "") -> WorkOrder:
    session.require(Role.SUPERVISOR)
    if not approve and not comment.strip():
        raise ValidationError([Problem(
            "comment", "required",
            "Khi trả lại phiếu, hãy ghi rõ cần sửa gì.",
            "When returning a work order, say what needs fixing.",
        )])
    return _transition(session, wo_id, WorkOrderState.APPROVED if approve else WorkOrderState.RETURNED,
                       comment.strip())


def get_work_order(session: Session, wo_id: str) -> WorkOrder | None:
    with session.store.lock:
        return repo.get_work_order(session.store.conn, wo_id)


def list_work_orders(session: Session, query: WorkOrderQuery, limit: int = 500) -> list[WorkOrder]:
    with session.store.lock:
        return repo.list_work_orders(session.store.conn, query, limit=limit)
