"""People come from the server: local users remember their server id and whether the server
still counts them (`active`); the server's team list does too. A user the server has not
confirmed (`server_id` NULL) can work offline, but the server refuses their operations until
they are added with a user code (see docs/security.md)."""

from __future__ import annotations

from typing import Any

VERSION = 4


def migrate(conn: Any) -> None:
    conn.execute("ALTER TABLE users ADD COLUMN server_id TEXT")
    conn.execute("ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1")
    conn.execute("ALTER TABLE sync_users ADD COLUMN active INTEGER NOT NULL DEFAULT 1")
    # Users already known to the server (matched by name, as sync did) keep their server id.
    conn.execute("UPDATE users SET server_id = (SELECT s.server_id FROM sync_users s WHERE s.username = users.username)")
