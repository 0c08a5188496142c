"""Device-side sync state.

Scalars live in `meta` (keys `sync.*`: server URL, device token, server device id, team,
pull cursor, last success / error, clock skew). Tables here hold what is not a scalar:
- `sync_uploads`: how far each attachment's upload is confirmed by the server;
- `sync_users`: the server's users of this team (server id <-> username), so work orders
  assigned on the server show up as the local user's;
- `sync_reference`: tariff tables and form definitions published by the server.
Quarantine details stay on the outbox row (`state`, `last_error`, `result`).
"""

from __future__ import annotations

from typing import Any

VERSION = 3


def migrate(conn: Any) -> None:
    conn.execute(
        "CREATE TABLE sync_uploads (sha256 TEXT PRIMARY KEY, confirmed_offset INTEGER NOT NULL DEFAULT 0, "
        "size INTEGER NOT NULL, confirmed_at TEXT, last_error TEXT NOT NULL DEFAULT '')"
    )
    conn.execute(
        "CREATE TABLE sync_users (server_id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, "
        "display_name TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT '', team_id TEXT)"
    )
    conn.execute(
        "CREATE TABLE sync_reference (kind TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, "
        "data TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (kind, key))"
    )
