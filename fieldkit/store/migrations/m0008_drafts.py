"""Drafts: what a person typed into a form or an onboarding screen and has not submitted yet,
saved as they type (one row per person and form), so leaving or a crash loses nothing.

Drafts live only in this encrypted database (never in the outbox: they do not sync); photos
and signatures are referenced by the sha256 of their encrypted attachment, never copied.
Submitting the record deletes its draft in the same transaction.
"""

from __future__ import annotations

from typing import Any

VERSION = 8

SQL = """
CREATE TABLE drafts (
    kind TEXT NOT NULL,            -- 'install' (work order form) | 'onboarding' (a household's screen)
    ref TEXT NOT NULL,             -- the work order id / '<customer id>:<step>'
    user_id TEXT NOT NULL,
    work_order_id TEXT,
    customer_id TEXT,
    step TEXT NOT NULL DEFAULT '', -- onboarding: the screen the draft belongs to
    form_id TEXT NOT NULL DEFAULT '',
    form_version INTEGER,
    base TEXT,                     -- the record the draft was started over (a returned order's record)
    data TEXT NOT NULL,            -- JSON: the answers, photo and signature references, strokes
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, ref, user_id)
);
CREATE INDEX drafts_user ON drafts(user_id, updated_at);
"""


def migrate(conn: Any) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            conn.execute(statement)
