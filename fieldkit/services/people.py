"""Who is who on this laptop: user ids (local or the server's) to display names."""

from __future__ import annotations

from typing import Any


def has_table(conn: Any, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def people(conn: Any) -> dict[str, str]:
    """user id (local or the server's) -> display name."""
    names = {str(r[0]): str(r[1]) for r in conn.execute("SELECT server_id, display_name FROM sync_users")
             if r[1]} if has_table(conn, "sync_users") else {}
    names.update({str(r[0]): str(r[1]) for r in conn.execute("SELECT id, display_name FROM users")})
    return names
