"""A DLMS reading's event log and load profile as their own compact fields of the reading
(JSON text; empty for a mode C or manual reading and for readings written before)."""

from __future__ import annotations

from typing import Any

VERSION = 6


def migrate(conn: Any) -> None:
    conn.execute("ALTER TABLE readings ADD COLUMN events TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE readings ADD COLUMN load_profile TEXT NOT NULL DEFAULT ''")
