"""Drafts (table `drafts`, migration 8): unsent form state, one row per (kind, ref, person).

Not field facts: a draft is overwritten as the person types and deleted when the record is
submitted (in the submit's own transaction). It never reaches the outbox.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from fieldkit.store.database import dumps

INSTALL = "install"
ONBOARDING = "onboarding"

_COLUMNS = ("kind, ref, user_id, work_order_id, customer_id, step, form_id, form_version, base, data, "
            "created_at, updated_at")


@dataclass(frozen=True)
class Draft:
    kind: str
    ref: str
    user_id: str
    data: dict[str, Any] = field(default_factory=dict)
    work_order_id: str | None = None
    customer_id: str | None = None
    step: str = ""
    form_id: str = ""
    form_version: int | None = None
    base: str | None = None
    created_at: str = ""
    updated_at: str = ""


def _row(r: Any) -> Draft:
    return Draft(kind=r[0], ref=r[1], user_id=r[2], work_order_id=r[3], customer_id=r[4], step=r[5] or "",
                 form_id=r[6] or "", form_version=r[7], base=r[8], data=json.loads(r[9]), created_at=r[10],
                 updated_at=r[11])


def get(conn: Any, kind: str, ref: str, user_id: str) -> Draft | None:
    r = conn.execute(f"SELECT {_COLUMNS} FROM drafts WHERE kind = ? AND ref = ? AND user_id = ?",
                     (kind, ref, user_id)).fetchone()
    return _row(r) if r else None


def upsert(conn: Any, d: Draft, now: str) -> bool:
    """Write the draft; True when it is new (the first save of this form)."""
    created = conn.execute("SELECT 1 FROM drafts WHERE kind = ? AND ref = ? AND user_id = ?",
                           (d.kind, d.ref, d.user_id)).fetchone() is None
    conn.execute(
        "INSERT INTO drafts (kind, ref, user_id, work_order_id, customer_id, step, form_id, form_version, base, "
        "data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, ref, user_id) DO UPDATE SET work_order_id = excluded.work_order_id, "
        "customer_id = excluded.customer_id, step = excluded.step, form_id = excluded.form_id, "
        "form_version = excluded.form_version, base = excluded.base, data = excluded.data, "
        "updated_at = excluded.updated_at",
        (d.kind, d.ref, d.user_id, d.work_order_id, d.customer_id, d.step, d.form_id, d.form_version, d.base,
         dumps(d.data), now, now),
    )
    return created


def onboarding_ref(customer_id: str, step: str) -> str:
    """An onboarding draft is one screen of one household: each screen keeps its own."""
    return f"{customer_id}:{step}"


def new_household_ref(user_id: str) -> str:
    """The onboarding form of a household not registered yet (no customer id): one per person."""
    return f"new:{user_id}"


def delete(conn: Any, kind: str, ref: str) -> int:
    """Every person's draft of this record (the submitted record supersedes them all)."""
    cur = conn.execute("DELETE FROM drafts WHERE kind = ? AND ref = ?", (kind, ref))
    return int(cur.rowcount or 0)


def of_customer(conn: Any, kind: str, customer_id: str, user_id: str) -> list[Draft]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM drafts WHERE kind = ? AND customer_id = ? AND user_id = ? "
                        "ORDER BY updated_at DESC", (kind, customer_id, user_id)).fetchall()
    return [_row(r) for r in rows]


def delete_one(conn: Any, kind: str, ref: str, user_id: str) -> int:
    cur = conn.execute("DELETE FROM drafts WHERE kind = ? AND ref = ? AND user_id = ?", (kind, ref, user_id))
    return int(cur.rowcount or 0)


def of_user(conn: Any, user_id: str, limit: int = 500) -> list[Draft]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM drafts WHERE user_id = ? ORDER BY updated_at DESC LIMIT ?",
                        (user_id, limit)).fetchall()
    return [_row(r) for r in rows]
