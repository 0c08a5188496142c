"""Conflicts between laptops, for the supervisor's review (Qt-free).

Conflicts raised by any device of the team come down with the pull (change kind `conflict`,
kept in `sync_reference`) with both versions side by side:

    conflicts_for_work_order(session, wo_id)   the work order's and its customer's conflicts
    conflicts_for_customer(session, customer_id)
    open_conflicts(session)                    every conflict not resolved yet
    resolve_conflict(session, conflict_id, note)
                                               an outbox operation (`conflict/resolve`), like
                                               approve / return; the server marks it resolved
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Role
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services.people import people
from fieldkit.services.session import Session
from fieldkit.store import work_orders as wo_repo

_M = Texts("services.review_conflicts")


def _missing() -> ValidationError:
    return ValidationError([Problem("work_order", "missing", _M("Work order not found."))])


def _conflict_rows(conn: Any, where: str = "1", params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    rows = conn.execute(f"SELECT data FROM sync_reference WHERE kind = 'conflict' AND ({where}) "
                        "ORDER BY CAST(key AS INTEGER)", params).fetchall()
    return [json.loads(r[0]) for r in rows]


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
            raise ValidationError([Problem("conflict", "missing", _M("This conflict is not on this laptop."))])
        data = json.loads(row[0])
        local = _local_resolutions(tx.conn)
        if data.get("resolved_at") or local.get(key, ("", ""))[0] in ("pending", "sent"):
            raise ValidationError([Problem("conflict", "resolved", _M("This conflict is resolved already."))])
        tx.change("conflict", key, "resolve", {"id": int(key), "note": note.strip()[:2000]},
                  detail=note.strip()[:200])
        local = _local_resolutions(tx.conn)
        names = people(tx.conn)
    return _view(data, names, local)
