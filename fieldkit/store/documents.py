"""What the documents need from the store beyond the records themselves: when and by whom a
record was written, a person's display name, and the customer-code changes that arrived from
the server and whose documents still have to be made again.

A code change is noted inside the pull transaction (`note_code_change`, called from
sync/apply.py when a customer record arrives with another code than the one on this device)
as a row of `sync_reference` (kind `code_change`, key = customer id): no migration, and it
commits with the pulled record or not at all. The documents service makes the documents again
after the sync and clears the note (`clear_code_change`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

CODE_CHANGE = "code_change"

__all__ = [
    "BILL", "CODE_CHANGE", "CodeChange", "RecordStamp", "bill_of", "clear_code_change", "install_stamp", "note_code_change",
    "pending_code_changes", "person_name", "step_stamp", "installed_work_orders", "team_name", "team_of_person",
]


@dataclass(frozen=True)
class RecordStamp:
    recorded_at: str  # ISO UTC, when this device stored the record
    recorded_by: str  # user id (local or the server's)


def _stamp(conn: Any, table: str, record_id: str) -> RecordStamp | None:
    row = conn.execute(f"SELECT recorded_at, recorded_by FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return RecordStamp(str(row[0] or ""), str(row[1] or "")) if row else None


def install_stamp(conn: Any, install_id: str) -> RecordStamp | None:
    return _stamp(conn, "installs", install_id)


def step_stamp(conn: Any, step_id: str) -> RecordStamp | None:
    return _stamp(conn, "onboarding_steps", step_id)


def person_name(conn: Any, user_id: str | None) -> str:
    """A person's display name, by local user id or by the server's id of a team member."""
    if not user_id:
        return ""
    row = conn.execute("SELECT display_name FROM users WHERE id = ? OR server_id = ?", (user_id, user_id)).fetchone()
    if row is None:
        row = conn.execute("SELECT display_name FROM sync_users WHERE server_id = ?", (user_id,)).fetchone()
    return str(row[0]) if row and row[0] else ""


def team_name(conn: Any, team_id: str | None) -> str:
    if not team_id:
        return ""
    row = conn.execute("SELECT name FROM teams WHERE id = ?", (team_id,)).fetchone()
    return str(row[0]) if row and row[0] else ""


@dataclass(frozen=True)
class CodeChange:
    customer_id: str
    old_code: str
    new_code: str


def note_code_change(conn: Any, data: dict[str, Any], now: str) -> None:
    """Before a pulled customer record is written: if this device knows the customer under
    another code, note the change (the oldest code noted is kept when two arrive before the
    documents are made again)."""
    cid, new = data.get("id"), str(data.get("code") or "")
    if not cid or not new:
        return
    row = conn.execute("SELECT code FROM customers WHERE id = ?", (cid,)).fetchone()
    if row is None or str(row[0]) == new:
        return
    old = str(row[0])
    known = conn.execute("SELECT data FROM sync_reference WHERE kind = ? AND key = ?", (CODE_CHANGE, cid)).fetchone()
    if known is not None:
        old = str(json.loads(known[0]).get("old") or old)
    conn.execute(
        "INSERT INTO sync_reference (kind, key, version, data, received_at) VALUES (?, ?, 1, ?, ?) "
        "ON CONFLICT(kind, key) DO UPDATE SET data = excluded.data, received_at = excluded.received_at",
        (CODE_CHANGE, cid, json.dumps({"old": old, "new": new}), now),
    )


def pending_code_changes(conn: Any) -> list[CodeChange]:
    rows = conn.execute("SELECT key, data FROM sync_reference WHERE kind = ? ORDER BY received_at, key",
                        (CODE_CHANGE,)).fetchall()
    out: list[CodeChange] = []
    for key, text in rows:
        d = json.loads(text)
        out.append(CodeChange(str(key), str(d.get("old") or ""), str(d.get("new") or "")))
    return out


def clear_code_change(conn: Any, customer_id: str) -> None:
    conn.execute("DELETE FROM sync_reference WHERE kind = ? AND key = ?", (CODE_CHANGE, customer_id))


BILL = "bill"


def bill_of(conn: Any, customer_code: str) -> dict[str, Any] | None:
    """The newest bill the utility published for a customer code (reference kind `bill`, key =
    the customer code: period_start, period_end, amount, due_date, paid), or None."""
    row = conn.execute("SELECT data FROM sync_reference WHERE kind = ? AND key = ?", (BILL, customer_code)).fetchone()
    if row is None:
        return None
    data = json.loads(row[0])
    return data if isinstance(data, dict) else None


def team_of_person(conn: Any, user_id: str | None) -> str:
    """The name of a person's team (the managing unit printed on their documents), or ''."""
    if not user_id:
        return ""
    row = conn.execute("SELECT t.name FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = ? OR u.server_id = ?",
                       (user_id, user_id)).fetchone()
    return str(row[0]) if row and row[0] else ""


def installed_work_orders(conn: Any, customer_id: str) -> list[str]:
    """The customer's work orders that have an install record, oldest record first."""
    rows = conn.execute(
        "SELECT i.work_order_id FROM installs i JOIN work_orders w ON w.id = i.work_order_id "
        "WHERE w.customer_id = ? GROUP BY i.work_order_id ORDER BY MIN(i.recorded_at)", (customer_id,)).fetchall()
    return [str(r[0]) for r in rows]
