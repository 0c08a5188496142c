"""The history of one work order, in words, for the supervisor (Qt-free).

    refresh(session, wo_id)   online: read the server's audit of the order and its records (a gated
                              read with the person's user token) and keep it on this laptop
    history(session, wo_id)   what the server said (kept from the last refresh) plus what this
                              laptop did that the server does not know yet, oldest first

Every line is an `Event` with its UTC time (the UI shows it in Vietnam's time), who did it and
what happened as a `Message` (translated when shown, `.text(lang)`); nothing of the audit's internal vocabulary
("status", "done->approved", "applied") reaches the screen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fieldkit.domain.messages import Message, Texts, Worded
from fieldkit.domain.models import Role
from fieldkit.services.people import people
from fieldkit.services.session import Session

_M = Texts("services.order_history")

KIND = "order_history"  # sync_reference kind of the kept server audit (key: work order id)

STATES = {
    "assigned": _M("Assigned to the technician"),
    "in_progress": _M("Work started"),
    "done": _M("Submitted for review"),
    "approved": _M("Approved"),
    "returned": _M("Returned for correction"),
}
ACTIONS = {
    ("work_order", "create"): _M("Work order created"),
    ("work_order", "import"): _M("Work order imported on the server"),
    ("work_order", "approve"): STATES["approved"],
    ("work_order", "return"): STATES["returned"],
    ("work_order", "reassign"): _M("Reassigned to another technician"),
    ("work_order", "start"): STATES["in_progress"],
    ("work_order", "submit"): STATES["done"],
    ("reading", "append"): _M("Meter reading recorded"),
    ("reading", "create"): _M("Meter reading recorded"),
    ("install", "append"): _M("Install record made"),
    ("install", "create"): _M("Install record made"),
    ("onboarding_step", "append"): _M("Onboarding step recorded"),
}
OTHER = _M("Other change")


@dataclass(frozen=True)
class Event(Worded):
    at: datetime  # UTC
    who: str
    what: Message  # what happened, translated when shown (.text(lang); .vi/.en from Worded)
    on_server: bool  # known to the server (else: only on this laptop, waiting for the next sync)
    refused: bool = False  # the server refused it
    by_server: bool = False  # done on the server itself (an import by the utility's office), not by a person

    def words(self) -> Message:
        return self.what

    def text(self, lang: str | None = None) -> str:
        return self.what.text(lang)


def parse_time(text: str) -> datetime:
    """A stored or served timestamp as an aware UTC time (naive ones are UTC)."""
    try:
        when = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _state_of(detail: str) -> str | None:
    """The state a local audit line moved to: "done->approved" -> "approved"."""
    return detail.split("->", 1)[1].strip() if "->" in detail else None


def describe(entity: str, action: str, state: str | None, result: str = "") -> tuple[Message, bool]:
    """(what happened, refused) of one audit line."""
    if entity == "work_order" and state in STATES:
        message = STATES[state]
    else:
        message = ACTIONS.get((entity, action), OTHER)
    refused = result.startswith(("rejected", "refused"))
    if refused:
        message = _M("{event} (refused by the server)", event=message)
    elif result.startswith("conflict"):
        message = _M("{event} (the server flagged a conflict)", event=message)
    return message, refused


def record_ids(conn: Any, wo_id: str) -> list[str]:
    """The work order and the records made for it (readings, installs, onboarding steps)."""
    ids = [wo_id]
    for table in ("readings", "installs", "onboarding_steps"):
        ids += [str(r[0]) for r in conn.execute(f"SELECT id FROM {table} WHERE work_order_id = ?", (wo_id,))]
    return ids[:100]


def refresh(session: Session, wo_id: str, timeout: float = 8.0) -> int:
    """Fetch the server's audit of the order (needs the network and this person's signing key); keep
    it. Returns the number of lines. Raises the sync layer's errors when the server is not reached."""
    from fieldkit.sync import client, signing

    session.require(Role.SUPERVISOR)
    key = session.profile.signing_key
    if key is None:
        raise client.NotConfigured("this person has no signing key on this laptop")
    with session.store.read() as conn:
        ids = record_ids(conn, wo_id)
    t = client._transport(session.store)
    t.timeout = (timeout, timeout)
    try:
        token, _role = signing.user_token(t, session.profile.user.username, key, session.store.device_id)
        t.set_user_token(token)
        rows = t.request("GET", "/v1/audit", params={"entity_id": ids, "limit": 500}).body
    finally:
        t.close()
    lines = [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
    with session.store.transaction(actor=session.user_id) as tx:
        tx.conn.execute(
            "INSERT INTO sync_reference (kind, key, version, data, received_at) VALUES (?, ?, 1, ?, ?) "
            "ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data, received_at = excluded.received_at",
            (KIND, wo_id, json.dumps(lines, ensure_ascii=False), tx.now))
    return len(lines)


@dataclass(frozen=True)
class History:
    events: list[Event]
    server_checked_at: datetime | None  # when the server's audit was last read (None: never)


def history(session: Session, wo_id: str) -> History:
    session.require(Role.SUPERVISOR)
    with session.store.read() as conn:
        names = people(conn)
        kept = conn.execute("SELECT data, received_at FROM sync_reference WHERE kind = ? AND key = ?",
                            (KIND, wo_id)).fetchone()
        ids = record_ids(conn, wo_id)
        marks = ",".join("?" * len(ids))
        local = conn.execute(f"SELECT at, actor, action, entity, entity_id, op_id, detail FROM audit "
                             f"WHERE entity_id IN ({marks}) ORDER BY seq", tuple(ids)).fetchall()
        sent = {str(r[0]) for r in conn.execute(f"SELECT op_id FROM outbox WHERE state = 'sent' AND entity_id IN ({marks})",
                                                tuple(ids))}
    events: list[Event] = []
    seen_ops: set[str] = set()
    server_rows = json.loads(kept[0]) if kept else []
    for r in server_rows:
        entity, action = str(r.get("entity") or ""), str(r.get("action") or "")
        detail = str(r.get("detail") or "")
        what, refused = describe(entity, action, r.get("state"), detail)
        if r.get("op_id"):
            seen_ops.add(str(r["op_id"]))
        events.append(Event(parse_time(str(r.get("at") or "")), names.get(str(r.get("user_id") or ""), ""), what,
                            True, refused, by_server=not r.get("user_id") and not r.get("device_id")))
    for at, actor, action, entity, _eid, op_id, detail in local:
        if op_id and str(op_id) in seen_ops:
            continue
        what, refused = describe(str(entity), str(action), _state_of(str(detail or "")))
        events.append(Event(parse_time(str(at)), names.get(str(actor or ""), ""), what, str(op_id or "") in sent,
                            refused))
    events.sort(key=lambda e: e.at)
    return History(events, parse_time(kept[1]) if kept else None)
