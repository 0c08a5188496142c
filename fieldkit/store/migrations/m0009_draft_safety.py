"""Drafts lose nothing: a draft overtaken by a record that arrived by sync (the order done on
another laptop) is kept and marked superseded until its person discards it; the photos a draft
put in the encrypted attachment store are noted, so those no record and no draft references
any more can be removed (and only those: kept documents live in the same store).
"""

from __future__ import annotations

import json
from typing import Any

VERSION = 9


def migrate(conn: Any) -> None:
    # the record (or the order's state) that overtook the draft; NULL: the draft is live
    conn.execute("ALTER TABLE drafts ADD COLUMN superseded_by TEXT")
    conn.execute("ALTER TABLE drafts ADD COLUMN superseded_at TEXT")
    conn.execute("CREATE TABLE draft_files (sha256 TEXT PRIMARY KEY, added_at TEXT NOT NULL)")
    # the photos of the drafts kept so far become known draft files (kept while referenced)
    for (data,) in conn.execute("SELECT data FROM drafts").fetchall():
        try:
            photos = (json.loads(data).get("photos") or {}).values()
        except (ValueError, AttributeError):
            continue
        for items in photos:
            for p in items if isinstance(items, list) else []:
                sha = p.get("sha") if isinstance(p, dict) else None
                if isinstance(sha, str) and len(sha) == 64:
                    conn.execute("INSERT OR IGNORE INTO draft_files (sha256, added_at) VALUES (?, '')", (sha,))
