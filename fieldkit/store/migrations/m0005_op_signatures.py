"""An operation's own signature, made when its author recorded it (`outbox.sig`): another person
syncing the laptop can then send it without waiting for the author (see docs/security.md)."""

from __future__ import annotations

from typing import Any

VERSION = 5


def migrate(conn: Any) -> None:
    conn.execute("ALTER TABLE outbox ADD COLUMN sig TEXT")
