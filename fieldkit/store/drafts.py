"""Drafts (table `drafts`, migrations 8 and 9): unsent form state, one row per (kind, ref, person).

Not field facts: a draft is overwritten as the person types and deleted when the record is
submitted (in the submit's own transaction). It never reaches the outbox.

A draft overtaken by a record that arrived by sync is never deleted silently: `set_aside` moves
it out of its form's slot (its `ref` gets a suffix, `superseded_by` names what overtook it) and
it stays, listed on the Today page, until its person discards it.

`draft_files` notes the photos a draft put in the encrypted attachment store, so that the ones
no record and no draft references any more can be removed (`unreferenced_files`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from fieldkit.store.database import dumps

INSTALL = "install"
ONBOARDING = "onboarding"
READING = "reading"  # the manual entry of a meter's index (ref: the meter id)
ASIDE = "~"  # a superseded draft's ref: "<ref>~<when it was set aside>"

_COLUMNS = ("kind, ref, user_id, work_order_id, customer_id, step, form_id, form_version, base, data, "
            "created_at, updated_at, superseded_by, superseded_at")


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
    superseded_by: str | None = None  # what overtook it (a record id, or "state:<state>"); None: live
    superseded_at: str | None = None

    @property
    def superseded(self) -> bool:
        return self.superseded_by is not None


def _data(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _row(r: Any) -> Draft:
    return Draft(kind=r[0], ref=r[1], user_id=r[2], work_order_id=r[3], customer_id=r[4], step=r[5] or "",
                 form_id=r[6] or "", form_version=r[7], base=r[8], data=_data(r[9]), created_at=r[10],
                 updated_at=r[11], superseded_by=r[12], superseded_at=r[13])


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


def set_aside(conn: Any, d: Draft, by: str, now: str) -> str:
    """Keep a superseded draft out of its form's slot (a new draft can be typed there) without
    losing it; returns its new ref."""
    aside = f"{d.ref}{ASIDE}{now}"
    conn.execute("UPDATE drafts SET ref = ?, superseded_by = ?, superseded_at = ? "
                 "WHERE kind = ? AND ref = ? AND user_id = ?", (aside, by, now, d.kind, d.ref, d.user_id))
    return aside


def live(conn: Any, kind: str, user_id: str | None = None) -> list[Draft]:
    """The drafts of this kind not superseded (every person's, or one person's)."""
    sql = f"SELECT {_COLUMNS} FROM drafts WHERE kind = ? AND superseded_by IS NULL"
    args: tuple[Any, ...] = (kind,)
    if user_id is not None:
        sql, args = sql + " AND user_id = ?", (kind, user_id)
    return [_row(r) for r in conn.execute(sql, args).fetchall()]


def superseded_count(conn: Any, kind: str, work_order_id: str, user_id: str) -> int:
    """The person's superseded drafts of this work order (kept until they discard them)."""
    row = conn.execute("SELECT count(*) FROM drafts WHERE kind = ? AND work_order_id = ? AND user_id = ? "
                       "AND superseded_by IS NOT NULL", (kind, work_order_id, user_id)).fetchone()
    return int(row[0])


def note_files(conn: Any, shas: list[str], now: str) -> None:
    """Photos a draft put in the attachment store: candidates for removal once nothing uses them."""
    conn.executemany("INSERT OR IGNORE INTO draft_files (sha256, added_at) VALUES (?, ?)", [(s, now) for s in shas])


def unreferenced_files(conn: Any) -> list[str]:
    """Draft photos that no record (the attachments table) and no draft (any kind, any person,
    superseded or not) references. Call inside the write transaction that removes them."""
    return [str(r[0]) for r in conn.execute(
        "SELECT f.sha256 FROM draft_files f WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = f.sha256) "
        "AND NOT EXISTS (SELECT 1 FROM drafts d WHERE instr(d.data, f.sha256) > 0) ORDER BY f.sha256").fetchall()]


def unreferenced(conn: Any, sha: str) -> bool:
    """`unreferenced_files` for one file (the check made again under the write lock)."""
    return conn.execute(
        "SELECT 1 FROM draft_files f WHERE f.sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachments a WHERE "
        "a.sha256 = f.sha256) AND NOT EXISTS (SELECT 1 FROM drafts d WHERE instr(d.data, f.sha256) > 0)",
        (sha,)).fetchone() is not None


def forget_file(conn: Any, sha: str) -> None:
    conn.execute("DELETE FROM draft_files WHERE sha256 = ?", (sha,))


def replaced(tx: Any, kind: str, ref: str, record_id: str) -> int:
    """Inside the submit's transaction (`tx.actor` submits `record_id`): the submitter's draft of
    this record is deleted; another person's (a shared laptop) is kept, set aside as superseded
    by the record, with an audit line. Returns how many were set aside."""
    others = [_row(r) for r in tx.conn.execute(
        f"SELECT {_COLUMNS} FROM drafts WHERE kind = ? AND ref = ? AND user_id IS NOT ?",
        (kind, ref, tx.actor)).fetchall()]
    for d in others:
        aside = set_aside(tx.conn, d, record_id, tx.now)
        tx.audit("draft", f"{kind}:{ref}", "superseded", detail=f"by {record_id}; kept as {aside} for {d.user_id}")
    tx.conn.execute("DELETE FROM drafts WHERE kind = ? AND ref = ? AND user_id IS ?", (kind, ref, tx.actor))
    return len(others)


def delete(conn: Any, kind: str, ref: str) -> int:
    """Every person's draft of this record (the submitted record supersedes them all)."""
    cur = conn.execute("DELETE FROM drafts WHERE kind = ? AND ref = ?", (kind, ref))
    return int(cur.rowcount or 0)


def of_customer(conn: Any, kind: str, customer_id: str, user_id: str) -> list[Draft]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM drafts WHERE kind = ? AND customer_id = ? AND user_id = ? "
                        "AND superseded_by IS NULL ORDER BY updated_at DESC", (kind, customer_id, user_id)).fetchall()
    return [_row(r) for r in rows]


def delete_one(conn: Any, kind: str, ref: str, user_id: str) -> int:
    cur = conn.execute("DELETE FROM drafts WHERE kind = ? AND ref = ? AND user_id = ?", (kind, ref, user_id))
    return int(cur.rowcount or 0)


def of_user(conn: Any, user_id: str, limit: int = 500) -> list[Draft]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM drafts WHERE user_id = ? ORDER BY updated_at DESC LIMIT ?",
                        (user_id, limit)).fetchall()
    return [_row(r) for r in rows]
