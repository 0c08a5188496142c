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
versions side by side:

    conflicts_for_work_order(session, wo_id)   the work order's and its customer's conflicts
    conflicts_for_customer(session, customer_id)
    open_conflicts(session)                    every conflict not resolved yet
    resolve_conflict(session, conflict_id, note)
                                               an outbox operation (`conflict/resolve`), like
                                               approve / return; the server marks it resolved
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from fieldkit.devices.capture import Capture
from fieldkit.devices.errors import ProtocolError
from fieldkit.domain import anomalies
from fieldkit.domain.local_time import VIETNAM as VIETNAM
from fieldkit.domain.local_time import local_date as local_date
from fieldkit.domain.local_time import local_today as local_today
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
from fieldkit.services.session import Session
from fieldkit.services.work_orders import review_work_order
from fieldkit.store import customers as customer_repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.attachments import AttachmentError

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


def _conflict_rows(conn: Any, where: str = "1", params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    rows = conn.execute(f"SELECT data FROM sync_reference WHERE kind = 'conflict' AND ({where}) "
                        "ORDER BY CAST(key AS INTEGER)", params).fetchall()
    return [json.loads(r[0]) for r in rows]


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
class ConflictSide:
    """One of the two versions of a conflict: who made it, from which device, when, what it changed."""

    version: int
    who: str  # display name (or username)
    username: str
    device: str  # the device's name on the server
    device_id: str  # the server's id of the device
    at: str  # when the server received it
    device_time: str  # the device's own clock when the change was made
    changed: dict[str, Any]  # field -> value this version set
    data: dict[str, Any]  # the whole record after this version


@dataclass(frozen=True)
class ConflictView:
    id: int  # the server's conflict id
    entity: str  # "customer" or "work_order"
    entity_id: str
    label: str  # customer code and name, or work-order number
    detail: str
    at: str
    base: dict[str, Any]  # the version both edits started from
    earlier: ConflictSide  # what the server had when the late edit arrived
    later: ConflictSide  # the edit made on the out-of-date version
    between: list[ConflictSide]  # versions made after the base up to `earlier` (each with what it changed)
    fields: list[str]  # fields either side changed
    overlap: list[str]  # fields both changed (to different values)
    state: str  # "open", "waiting" (resolved here, not sent yet), "refused" (by the server), "resolved"
    resolved_at: str | None
    resolved_by: str
    note: str
    refusal: str = ""


CONFLICT_STATES = ("open", "waiting", "refused", "resolved")


def _side(d: dict[str, Any], names: dict[str, str]) -> ConflictSide:
    uid = str(d.get("user_id") or "")
    who = str(d.get("display_name") or "") or names.get(uid, "") or str(d.get("username") or "")
    return ConflictSide(
        version=int(d.get("version") or 0), who=who, username=str(d.get("username") or ""),
        device=str(d.get("device_name") or d.get("device_id") or ""), device_id=str(d.get("device_id") or ""),
        at=str(d.get("at") or ""),
        device_time=str(d.get("device_time") or ""), changed=dict(d.get("changed") or {}),
        data=dict(d.get("data") or {}))


def _local_resolutions(conn: Any) -> dict[str, tuple[str, str]]:
    """conflict id -> (outbox state, reason) of the latest resolve operation made here."""
    out: dict[str, tuple[str, str]] = {}
    for r in conn.execute("SELECT entity_id, state, last_error FROM outbox WHERE entity = 'conflict' "
                          "AND action = 'resolve' ORDER BY seq"):
        out[str(r[0])] = (str(r[1]), str(r[2] or ""))
    return out


def _view(c: dict[str, Any], names: dict[str, str], local: dict[str, tuple[str, str]]) -> ConflictView:
    cid = int(c["id"])
    resolved_at = c.get("resolved_at")
    state, refusal = "open", ""
    if resolved_at:
        state = "resolved"
    elif str(cid) in local:
        out_state, reason = local[str(cid)]
        state = {"pending": "waiting", "quarantined": "refused"}.get(out_state, "waiting")
        refusal = reason if out_state == "quarantined" else ""
    resolver = str(c.get("resolved_by") or "")
    return ConflictView(
        id=cid, entity=str(c["entity"]), entity_id=str(c["entity_id"]), label=str(c.get("label") or ""),
        detail=str(c.get("detail") or ""), at=str(c.get("at") or ""),
        base=dict((c.get("base") or {}).get("data") or {}), earlier=_side(c.get("earlier") or {}, names),
        later=_side(c.get("later") or {}, names),
        between=[_side(x, names) for x in c.get("between") or [] if isinstance(x, dict)], fields=[str(f) for f in c.get("fields") or []],
        overlap=[str(f) for f in c.get("overlap") or []], state=state,
        resolved_at=str(resolved_at) if resolved_at else None,
        resolved_by=names.get(resolver, "") or str(c.get("resolved_by_username") or ""),
        note=str(c.get("note") or ""), refusal=refusal)


def _conflicts_of(conn: Any, wo_id: str | None, customer_id: str | None, names: dict[str, str]) -> list[ConflictView]:
    clauses, params = [], []
    if wo_id:
        clauses.append("(json_extract(data, '$.entity') = 'work_order' AND json_extract(data, '$.entity_id') = ?)")
        params.append(wo_id)
    if customer_id:
        clauses.append("(json_extract(data, '$.entity') = 'customer' AND json_extract(data, '$.entity_id') = ?)")
        params.append(customer_id)
    if not clauses:
        return []
    local = _local_resolutions(conn)
    return [_view(c, names, local) for c in _conflict_rows(conn, " OR ".join(clauses), tuple(params))]


def conflicts_for_work_order(session: Session, wo_id: str) -> list[ConflictView]:
    """Conflicts about a work order's status and about its customer's details, oldest first."""
    session.require(Role.SUPERVISOR)
    with session.store.read() as conn:
        wo = wo_repo.get_work_order(conn, wo_id)
        if wo is None:
            raise _missing()
        return _conflicts_of(conn, wo_id, wo.customer_id, people(conn))


def conflicts_for_customer(session: Session, customer_id: str) -> list[ConflictView]:
    session.require(Role.SUPERVISOR)
    with session.store.read() as conn:
        return _conflicts_of(conn, None, customer_id, people(conn))


def open_conflicts(session: Session) -> list[ConflictView]:
    """Every conflict of the team not resolved on the server yet (incl. ones resolved here, not sent)."""
    session.require(Role.SUPERVISOR)
    with session.store.read() as conn:
        local = _local_resolutions(conn)
        names = people(conn)
        return [_view(c, names, local) for c in _conflict_rows(conn, "json_extract(data, '$.resolved_at') IS NULL")]


def resolve_conflict(session: Session, conflict_id: int, note: str = "") -> ConflictView:
    """Mark a conflict resolved (after looking at both versions). Written to the outbox with its audit
    line in one transaction; the server marks it resolved at the next sync, and every supervisor's
    device learns it with the pull. Works offline."""
    session.require(Role.SUPERVISOR)
    key = str(int(conflict_id))
    with session.store.transaction(actor=session.user_id) as tx:
        row = tx.conn.execute("SELECT data FROM sync_reference WHERE kind = 'conflict' AND key = ?",
                              (key,)).fetchone()
        if row is None:
            raise ValidationError([Problem("conflict", "missing", "Không tìm thấy xung đột này trên máy.",
                                           "This conflict is not on this laptop.")])
        data = json.loads(row[0])
        local = _local_resolutions(tx.conn)
        if data.get("resolved_at") or local.get(key, ("", ""))[0] in ("pending", "sent"):
            raise ValidationError([Problem("conflict", "resolved", "Xung đột này đã được xử lý.",
                                           "This conflict is resolved already.")])
        tx.change("conflict", key, "resolve", {"id": int(key), "note": note.strip()[:2000]},
                  detail=note.strip()[:200])
        local = _local_resolutions(tx.conn)
        names = people(tx.conn)
    return _view(data, names, local)


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
    return ValidationError([Problem("work_order", "missing", "Không tìm thấy phiếu công việc.",
                                    "Work order not found.")])


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


def attachment_bytes(session: Session, sha256: str) -> bytes:
    """The content of a photo, signature or capture kept on this laptop."""
    try:
        return session.attachments.get(sha256)
    except AttachmentError as exc:
        raise ValidationError([Problem(
            "attachment", "missing",
            "Tệp đính kèm này chưa có trên máy (chưa tải về hoặc bị hỏng).",
            "This attachment is not on this laptop (not downloaded yet, or damaged).",
        )]) from exc


def hex_dump(data: bytes, width: int = 16) -> str:
    """Classic offset / hex / ASCII dump; bytes outside printable ASCII show as '.'."""
    lines = []
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexes = " ".join(f"{b:02x}" for b in chunk).ljust(width * 3 - 1)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{off:06x}  {hexes}  |{text}|")
    return "\n".join(lines)


_CONTROL = {0x01: "<SOH>", 0x02: "<STX>", 0x03: "<ETX>", 0x04: "<EOT>", 0x06: "<ACK>", 0x15: "<NAK>",
            0x0D: "<CR>", 0x0A: "<LF>"}


def _readable(data: bytes) -> str:
    return "".join(_CONTROL.get(b, chr(b) if 32 <= b < 127 else f"<{b:02X}>") for b in data)


def capture_text(session: Session, sha256: str) -> str:
    """A raw optical exchange as text: each burst with its direction, time and baud, then hex / ASCII."""
    data = attachment_bytes(session, sha256)
    return render_capture(data)


def _dlms_summary(cap: Capture) -> list[str]:
    """For a DLMS reading: what the meter remembered (event log, tamper events marked "!", and
    the load profile), re-parsed from the capture, before the raw bytes."""
    from fieldkit.devices.dlms_capture import looks_like_hdlc, parse_capture

    if not looks_like_hdlc(cap.received()):
        return []
    try:
        result = parse_capture(cap)
    except ProtocolError as exc:
        return [f"DLMS: not re-parsable ({exc.code})"]
    lines = [f"DLMS reading · serial {result.serial or '?'} · meter clock "
             f"{result.meter_time.isoformat() if result.meter_time else '?'}"]
    tamper = [e for e in result.events if e.tamper]
    lines.append(f"event log: {len(result.events)} events, {len(tamper)} tamper (!)")
    for e in result.events:
        lines.append(f" {'!' if e.tamper else ' '} {e.time.isoformat() if e.time else '?'}  {e.code:>3}  "
                     f"{e.text_en} / {e.text_vi}")
    profile = result.load_profile
    if profile is not None and profile.rows:
        total = sum((v[0] for _t, v in profile.rows if v and v[0] is not None), start=Decimal(0))
        first, last = profile.rows[0][0], profile.rows[-1][0]
        lines.append(f"load profile: {len(profile.rows)} intervals of {profile.period // 60} min, "
                     f"{first.isoformat() if first else '?'} .. {last.isoformat() if last else '?'}, "
                     f"{total} {profile.columns[0][1] if profile.columns else ''} in total")
    return lines


def render_capture(data: bytes) -> str:
    try:
        cap = Capture.from_bytes(data)
    except ProtocolError:
        return "(not a FieldKit capture; raw bytes)\n" + hex_dump(data)
    out = [f"port {cap.port or '?'} · started {cap.started}"]
    out.extend(_dlms_summary(cap))
    bursts: list[tuple[str, float, int, bytearray]] = []
    for e in cap.events:
        if e.direction == "baud":
            bursts.append(("baud", e.t, e.baud, bytearray()))
        elif bursts and bursts[-1][0] == e.direction and bursts[-1][2] == e.baud:
            bursts[-1][3].extend(e.data)
        else:
            bursts.append((e.direction, e.t, e.baud, bytearray(e.data)))
    for direction, t, baud, chunk in bursts:
        if direction == "baud":
            out.append(f"\n[{t:9.3f} s] baud -> {baud}")
            continue
        arrow = "laptop -> meter (tx)" if direction == "tx" else "meter -> laptop (rx)"
        out.append(f"\n[{t:9.3f} s] {arrow}, {len(chunk)} bytes at {baud} baud")
        out.append("  " + _readable(bytes(chunk)))
        out.append(hex_dump(bytes(chunk)))
    return "\n".join(out)


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
