"""Where the reading checks' limits are kept, and the limits in force (server, else supervisor, else default).

A technician could otherwise loosen the abnormal-use threshold before saving a doubtful reading,
so the limits live in the encrypted store, not in settings.json: the server's reference record
``settings/<key>`` wins, else a supervisor's value in ``meta`` (``quality_setting.<key>``), else the
default. `limits(conn)` is what a reading is judged by; the services that save a reading read it
themselves (and check it again in the save's transaction) instead of trusting limits a caller passes.
Who may change them is `services.quality_settings`.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from fieldkit.domain.reading_limits import ReadingLimits, setting_problem

CLOCK_KEY = "reading_clock_minutes"
MULTIPLE_KEY = "reading_abnormal_multiple"
GUARDED: dict[str, Literal["minutes", "multiple"]] = {CLOCK_KEY: "minutes", MULTIPLE_KEY: "multiple"}
REFERENCE_KIND = "settings"  # the server's reference records: settings/<key>
META_PREFIX = "quality_setting."


def server_value(conn: Any, key: str) -> str | None:
    """The server's value of a guarded limit, when it published a usable one."""
    row = conn.execute("SELECT data FROM sync_reference WHERE kind = ? AND key = ?",
                       (REFERENCE_KIND, key)).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[0])
    except (TypeError, ValueError):
        return None
    if isinstance(data, dict):
        data = data.get("value")
    if isinstance(data, bool) or not isinstance(data, (int, float, str)):
        return None
    text = str(data).strip()
    return text if text and setting_problem(text, GUARDED[key]) is None else None


def local_value(conn: Any, key: str) -> str:
    """A supervisor's value on this laptop ("" = none)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_PREFIX + key,)).fetchone()
    return str(row[0]) if row and row[0] else ""


def value(conn: Any, key: str) -> str:
    """The value in force ("" = the default)."""
    server = server_value(conn, key)
    return server if server is not None else local_value(conn, key)


def limits(conn: Any) -> ReadingLimits:
    """The limits the reading checks use now."""
    return ReadingLimits.from_settings(value(conn, CLOCK_KEY), value(conn, MULTIPLE_KEY))
