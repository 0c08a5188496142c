"""Supervisor review (Qt-free): the queue of work orders, one work order's evidence, approve / return.

    review_queue(session, ReviewFilter(...))   rows by status, technician, commune and due date
    filter_choices(session)                    technicians and communes present on this laptop
    review_detail(session, wo_id)              readings, raw captures, photos, signatures, installs,
                                               onboarding steps, sync conflicts and refusals, history
    attachment_bytes(session, sha)             a photo or signature's bytes (never read from a widget)
    capture_text(session, sha)                 a raw optical exchange as a hex / ASCII dump
    approve(session, wo_id) / send_back(session, wo_id, comment)
                                               through `work_orders.review_work_order`; the action is an
                                               outbox entry like any other change, so it works offline

Everything reads the local database: with no network the supervisor reviews what the last
pull brought and the decisions wait in the outbox.

"Overdue" here means: the due date has passed (in Vietnam's time, UTC+7) and the work
order is not approved yet.

How a flagged conflict reaches this laptop: when this device pushed a change and the
server kept it but flagged a conflict, the outbox row is marked sent with the server's
answer (`status: conflict`, reason); when the server refused a change the row is
quarantined with the reason. Both are shown. Conflicts raised by any device of the team
come down with the pull (change kind `conflict`, kept in `sync_reference`) with both
versions side by side (services/review_conflicts.py, re-exported here).

Split by concern: review_conflicts.py (conflicts between laptops), review_evidence.py (photo
bytes, raw captures as text), review_records.py (each record with its form's labels and the
reading checks), order_history.py (the order's history in words, from the server's audit).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from fieldkit.domain import anomalies
from fieldkit.domain.local_time import VIETNAM as VIETNAM
from fieldkit.domain.local_time import local_date as local_date
from fieldkit.domain.local_time import local_today as local_today
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import (
    Customer,
    Install,
    Meter,
    OnboardingStep,
    Reading,
    Role,
    WorkOrder,
    WorkOrderKind,
    WorkOrderState,
)
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services.people import people as people
from fieldkit.services.review_conflicts import CONFLICT_STATES as CONFLICT_STATES
from fieldkit.services.review_conflicts import ConflictSide as ConflictSide
from fieldkit.services.review_conflicts import ConflictView as ConflictView
from fieldkit.services.review_conflicts import _conflict_rows, _conflicts_of
from fieldkit.services.review_conflicts import conflicts_for_customer as conflicts_for_customer
from fieldkit.services.review_conflicts import conflicts_for_work_order as conflicts_for_work_order
from fieldkit.services.review_conflicts import open_conflicts as open_conflicts
from fieldkit.services.review_conflicts import resolve_conflict as resolve_conflict
from fieldkit.services.review_evidence import attachment_bytes as attachment_bytes
from fieldkit.services.review_evidence import capture_text as capture_text
from fieldkit.services.review_evidence import hex_dump as hex_dump
from fieldkit.services.review_evidence import render_capture as render_capture
from fieldkit.services.session import Session
from fieldkit.services.work_orders import review_work_order
from fieldkit.store import customers as customer_repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import work_orders as wo_repo

_M = Texts("services.review")

STATUS_GROUPS: dict[str, tuple[WorkOrderState, ...]] = {
    "waiting": (WorkOrderState.DONE,),
    "returned": (WorkOrderState.RETURNED,),
    "approved": (WorkOrderState.APPROVED,),
    "open": (WorkOrderState.ASSIGNED, WorkOrderState.IN_PROGRESS),
    "all": (),
}


def is_overdue(state: WorkOrderState, due: date | None, today: date) -> bool:
    return due is not None and due < today and state is not WorkOrderState.APPROVED


@dataclass(frozen=True)
class ReviewFilter:
    status: str = "waiting"  # a key of STATUS_GROUPS
    technician_id: str | None = None
    commune_code: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    overdue_only: bool = False


@dataclass(frozen=True)
class ReviewRow:
    id: str
    number: str
    kind: WorkOrderKind
    state: WorkOrderState
    due_date: date | None
    technician_id: str | None
    technician: str
    customer_code: str
    customer_name: str
    commune: str
    overdue: bool
    flagged: bool  # a conflict or a refusal from the server concerns it
    waiting_to_sync: int  # changes about it still in this laptop's outbox


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


@dataclass(frozen=True)
class FilterChoices:
    technicians: list[Choice]
    communes: list[Choice]  # key is the commune code as text


def _open_conflict_work_orders(conn: Any) -> set[str]:
    """Work orders with an open conflict of their own or of their customer's details."""
    out: set[str] = set()
    customers: set[str] = set()
    for c in _conflict_rows(conn, "json_extract(data, '$.resolved_at') IS NULL"):
        (out if c.get("entity") == "work_order" else customers).add(str(c.get("entity_id")))
    if customers:
        marks = ",".join("?" * len(customers))
        out.update(str(r[0]) for r in conn.execute(
            f"SELECT id FROM work_orders WHERE customer_id IN ({marks})", tuple(sorted(customers))))
    return out


def _flagged_ids(conn: Any) -> set[str]:
    """Work orders that a server conflict or refusal concerns (directly or through a field fact)."""
    rows = conn.execute(
        "SELECT entity, entity_id, json_extract(payload, '$.work_order_id') FROM outbox "
        "WHERE state = 'quarantined' OR (result IS NOT NULL AND json_extract(result, '$.status') = 'conflict')"
    ).fetchall()
    out: set[str] = set()
    for entity, entity_id, wo_id in rows:
        if entity == "work_order":
            out.add(str(entity_id))
        elif wo_id:
            out.add(str(wo_id))
    return out | _open_conflict_work_orders(conn)


def _waiting(conn: Any) -> dict[str, int]:
    rows = conn.execute(
        "SELECT CASE WHEN entity = 'work_order' THEN entity_id ELSE json_extract(payload, '$.work_order_id') END, "
        "count(*) FROM outbox WHERE state = 'pending' GROUP BY 1"
    ).fetchall()
    return {str(r[0]): int(r[1]) for r in rows if r[0]}


def review_queue(session: Session, flt: ReviewFilter = ReviewFilter(), today: date | None = None,
                 limit: int = 2000) -> list[ReviewRow]:
    """Work orders for the supervisor, overdue first, then by due date."""
    session.require(Role.SUPERVISOR)
    today = today or local_today()
    if flt.status not in STATUS_GROUPS:
        raise ValueError(f"unknown status group {flt.status!r}")
    clauses: list[str] = []
    params: list[Any] = []
    states = STATUS_GROUPS[flt.status]
    if states:
        clauses.append(f"w.state IN ({', '.join('?' * len(states))})")
        params += [s.value for s in states]
    if flt.technician_id is not None:
        clauses.append("w.assignee_id = ?")
        params.append(flt.technician_id)
    if flt.commune_code is not None:
        clauses.append("c.commune_code = ?")
        params.append(flt.commune_code)
    if flt.due_from is not None:
        clauses.append("w.due_date >= ?")
        params.append(flt.due_from.isoformat())
    if flt.due_to is not None:
        clauses.append("w.due_date <= ?")
        params.append(flt.due_to.isoformat())
    if flt.overdue_only:
        clauses.append("w.due_date < ? AND w.state != 'approved'")
        params.append(today.isoformat())
    where = " AND ".join(clauses) or "1"
    with session.store.read() as conn:
        rows = conn.execute(
            "SELECT w.id, w.number, w.kind, w.state, w.due_date, w.assignee_id, c.code, c.name, c.commune "
            f"FROM work_orders w LEFT JOIN customers c ON c.id = w.customer_id WHERE {where} "
            "ORDER BY w.due_date IS NULL, w.due_date, w.number LIMIT ?", (*params, limit)).fetchall()
        names = people(conn)
        flagged = _flagged_ids(conn)
        waiting = _waiting(conn)
    out = []
    for r in rows:
        state = WorkOrderState(r[3])
        due = date.fromisoformat(r[4]) if r[4] else None
        out.append(ReviewRow(
            id=r[0], number=r[1], kind=WorkOrderKind(r[2]), state=state, due_date=due, technician_id=r[5],
            technician=names.get(str(r[5]), "") if r[5] else "", customer_code=r[6] or "",
            customer_name=r[7] or "", commune=r[8] or "", overdue=is_overdue(state, due, today),
            flagged=r[0] in flagged, waiting_to_sync=waiting.get(r[0], 0),
        ))
    out.sort(key=lambda x: (not x.overdue, x.due_date or date.max, x.number))
    return out


def filter_choices(session: Session) -> FilterChoices:
    """Technicians who have work orders on this laptop, and the communes of their customers."""
    with session.store.read() as conn:
        names = people(conn)
        assignees = [str(r[0]) for r in conn.execute(
            "SELECT DISTINCT assignee_id FROM work_orders WHERE assignee_id IS NOT NULL")]
        communes = conn.execute(
            "SELECT DISTINCT c.commune_code, c.commune FROM work_orders w JOIN customers c ON c.id = w.customer_id "
            "WHERE c.commune_code IS NOT NULL").fetchall()
    techs = sorted((Choice(a, names.get(a, a[:8])) for a in assignees), key=lambda c: c.label)
    places = sorted((Choice(str(r[0]), str(r[1] or r[0])) for r in communes), key=lambda c: c.label)
    return FilterChoices(techs, places)


# --- detail -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReadingView:
    reading: Reading
    recorded_by: str
    consumption: Decimal | None  # since the previous reading of the same meter
    flag: str | None  # see reports.abnormal_flag: "negative", "zero", "high" or None
    superseded: bool = False  # a later correction replaces it (both are kept)


@dataclass(frozen=True)
class AttachmentRef:
    sha256: str
    kind: str  # photo, signature, capture, document
    mime: str
    size: int
    source: str  # "reading", "install", "onboarding:<step>"
    present: bool  # the file is on this laptop (a supervisor's sync downloads others' files)


@dataclass(frozen=True)
class SyncIssue:
    kind: str  # "conflict" (kept and flagged by the server) or "refused" (quarantined here)
    entity: str
    action: str
    device_time: str
    reason: str
    sent: dict[str, Any]
    answer: dict[str, Any]


@dataclass(frozen=True)
class HistoryLine:
    at: str
    who: str
    action: str
    detail: str


@dataclass(frozen=True)
class ReviewDetail:
    work_order: WorkOrder
    customer: Customer | None
    meter: Meter | None
    technician: str
    overdue: bool
    readings: list[ReadingView]
    installs: list[Install]
    onboarding: list[OnboardingStep]
    attachments: list[AttachmentRef]
    issues: list[SyncIssue]
    history: list[HistoryLine]
    waiting_to_sync: int
    people: dict[str, str] = field(default_factory=dict)
    conflicts: list[ConflictView] = field(default_factory=list)  # of the work order and its customer

    @property
    def photos(self) -> list[AttachmentRef]:
        return [a for a in self.attachments if a.kind in ("photo", "signature") or a.mime.startswith("image/")]

    @property
    def captures(self) -> list[AttachmentRef]:
        return [a for a in self.attachments if a.kind == "capture"]


def _missing() -> ValidationError:
    return ValidationError([Problem("work_order", "missing", _M("Work order not found."))])


def review_detail(session: Session, wo_id: str, today: date | None = None) -> ReviewDetail:

    session.require(Role.SUPERVISOR)
    today = today or local_today()
    with session.store.read() as conn:
        wo = wo_repo.get_work_order(conn, wo_id)
        if wo is None:
            raise _missing()
        names = people(conn)
        customer = customer_repo.get(conn, wo.customer_id) if wo.customer_id else None
        meter = wo_repo.get_meter(conn, wo.meter_id) if wo.meter_id else None
        rows = conn.execute(f"SELECT {facts_repo.READING_COLUMNS} FROM readings WHERE work_order_id = ? "
                            "ORDER BY taken_at", (wo_id,)).fetchall()
        readings = [facts_repo.reading_from_row(r) for r in rows]
        replaced = {r.supersedes for r in readings if r.supersedes}
        views = []
        for rd in readings:
            earlier = facts_repo.readings_of_meter(conn, rd.meter_id, limit=400)
            before = [h for h in earlier if h.taken_at < rd.taken_at and h.id != rd.id]
            before.sort(key=lambda h: h.taken_at)
            points = [(h.taken_at, anomalies.main_index(h.registers)) for h in before]
            series = [(t, v) for t, v in points if v is not None]
            value = anomalies.main_index(rd.registers)
            consumption = value - series[-1][1] if value is not None and series else None
            flag = anomalies.abnormal_flag(series, (rd.taken_at, value), anomalies.DEFAULT_ABNORMAL_MULTIPLE) \
                if value is not None else None
            views.append(ReadingView(rd, names.get(rd.recorded_by or "", ""), consumption, flag, rd.id in replaced))
        installs = facts_repo.installs_of_work_order(conn, wo_id)
        onboarding = [s for s in (facts_repo.onboarding_steps_of(conn, wo.customer_id) if wo.customer_id else [])
                      if s.work_order_id == wo_id]
        wanted: list[tuple[str, str]] = []
        for rd in readings:
            if rd.capture_sha256:
                wanted.append((rd.capture_sha256, "reading"))
            if rd.photo_sha256:
                wanted.append((rd.photo_sha256, "reading"))
        for ins in installs:
            wanted += [(str(s), "install") for s in ins.data.get("attachments") or []]
        for step in onboarding:
            wanted += [(str(s), f"onboarding:{step.step}") for s in step.data.get("attachments") or []]
        meta = {}
        if wanted:
            marks = ",".join("?" * len(wanted))
            meta = {str(r[0]): (str(r[1]), str(r[2]), int(r[3])) for r in conn.execute(
                f"SELECT sha256, kind, mime, size FROM attachments WHERE sha256 IN ({marks})",
                tuple(s for s, _ in wanted))}
        seen: set[str] = set()
        refs = []
        for sha, source in wanted:
            if sha in seen:
                continue
            seen.add(sha)
            kind, mime, size = meta.get(sha, ("document", "application/octet-stream", 0))
            refs.append(AttachmentRef(sha, kind, mime, size, source, session.attachments.has(sha)))
        issues = []
        for r in conn.execute(
                "SELECT entity, action, device_time, state, last_error, payload, result FROM outbox "
                "WHERE (entity_id = ? OR json_extract(payload, '$.work_order_id') = ?) AND (state = 'quarantined' "
                "OR (result IS NOT NULL AND json_extract(result, '$.status') = 'conflict')) ORDER BY seq",
                (wo_id, wo_id)):
            answer = json.loads(r[6]) if r[6] else {}
            issues.append(SyncIssue("refused" if r[3] == "quarantined" else "conflict", r[0], r[1], r[2],
                                    r[4] or str(answer.get("reason") or ""), json.loads(r[5]), answer))
        history = [HistoryLine(str(r[0]), names.get(str(r[1]), str(r[1] or "")), str(r[2]), str(r[3]))
                   for r in conn.execute("SELECT at, actor, action, detail FROM audit WHERE entity = 'work_order' "
                                         "AND entity_id = ? ORDER BY seq", (wo_id,))]
        waiting = _waiting(conn).get(wo_id, 0)
        conflicts = _conflicts_of(conn, wo_id, wo.customer_id, names)
    return ReviewDetail(
        work_order=wo, customer=customer, meter=meter,
        technician=names.get(wo.assignee_id or "", "") if wo.assignee_id else "",
        overdue=is_overdue(wo.state, wo.due_date, today), readings=views, installs=installs,
        onboarding=onboarding, attachments=refs, issues=issues, history=history, waiting_to_sync=waiting,
        people=names, conflicts=conflicts,
    )


# --- decisions ----------------------------------------------------------------------------------------

def approve(session: Session, wo_id: str) -> WorkOrder:
    return review_work_order(session, wo_id, approve=True)


def send_back(session: Session, wo_id: str, comment: str) -> WorkOrder:
    """Return a work order to its technician; the comment says what to fix (required)."""
    return review_work_order(session, wo_id, approve=False, comment=comment)


def pending_review_ops(session: Session, wo_id: str) -> list[dict[str, Any]]:
    """The approve / return operations about a work order in this laptop's outbox (any state)."""
    rows = session.store.query(
        "SELECT action, state, payload, base_version FROM outbox WHERE entity = 'work_order' AND entity_id = ? "
        "AND action IN ('approve', 'return') ORDER BY seq", (wo_id,))
    return [{"action": r[0], "state": r[1], "payload": json.loads(r[2]), "base_version": r[3]} for r in rows]
