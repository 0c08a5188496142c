"""The work-order life cycle (fieldkit/domain/lifecycle.py): when the completing record submitted
an order and which record it was, kept after a return so the resubmission supersedes it and
reports count the technician's submission time (not the supervisor's approval)."""

from __future__ import annotations

from typing import Any

VERSION = 7


def migrate(conn: Any) -> None:
    conn.execute("ALTER TABLE work_orders ADD COLUMN submitted_at TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE work_orders ADD COLUMN submitted_record TEXT NOT NULL DEFAULT ''")
