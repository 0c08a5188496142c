"""One bad record never stops a feed.

`load()` decides whether a stored change can be served: it must be a JSON object that any
client can parse (bounded nesting, finite numbers, clean Unicode). `GET /v1/changes`
skips a change that cannot, logs the error and records it here; every other change keeps
flowing, and the device's cursor moves past it. An administrator sees such changes with
`fieldkit central quarantine list` (which also scans the whole feed) and takes them out of
the feed with `fieldkit central quarantine remove SEQ`; the quarantine row stays, marked
removed, with an audit line.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from fieldkit.central import schema as t
from fieldkit.central import stored, withhold
from fieldkit.central.db import Database, audit, utc_now

log = logging.getLogger(__name__)

MAX_DEPTH = stored.MAX_DEPTH
SCAN_BATCH = 500


def load(text: Any) -> tuple[dict[str, Any] | None, str]:
    """(the record, "") when it can be served, else (None, why not): the same rule the read
    endpoints apply (central/stored.py: an object, nesting at most 16, finite numbers within
    +-2^53, clean Unicode without NUL, at most 1 MiB)."""
    try:
        return stored.record(text), ""
    except withhold.Bad as exc:
        return None, str(exc)


def record(db: Database, bad: list[dict[str, Any]]) -> None:
    """Remember changes the feed had to skip (once each); log every skip."""
    now = utc_now()
    for given in bad:  # whatever a damaged row holds, what is written and logged is printable
        row = given | {"entity": withhold.printable(given["entity"], 32),
                       "entity_id": withhold.printable(given["entity_id"], 64)}
        log.error("change %s (%s %s) cannot be served and is skipped: %s", row["seq"], row["entity"],
                  row["entity_id"], row["error"])
        try:
            with db.write() as (conn, _):
                if conn.execute(select(t.quarantine.c.seq).where(t.quarantine.c.seq == row["seq"])).first():
                    continue
                conn.execute(insert(t.quarantine).values(
                    seq=row["seq"], team_id=row["team_id"], entity=str(row["entity"])[:32],
                    entity_id=str(row["entity_id"])[:64], error=str(row["error"])[:2000], at=now))
                audit(conn, device_id=None, user_id=None, action="quarantine", entity=str(row["entity"])[:32],
                      entity_id=str(row["entity_id"])[:64], detail=f"seq {row['seq']}: {str(row['error'])[:200]}")
        except IntegrityError:  # another request recorded it first
            pass


def scan(db: Database) -> int:
    """Check the whole feed; record every change that cannot be served. Returns how many were new."""
    since, found = 0, []
    known = {int(r["seq"]) for r in listing(db, include_removed=True)}
    while True:
        with db.read() as conn:
            rows = conn.execute(select(t.changes.c.seq, t.changes.c.team_id, t.changes.c.entity,
                                       t.changes.c.entity_id, t.changes.c.data)
                                .where(t.changes.c.seq > since).order_by(t.changes.c.seq).limit(SCAN_BATCH)).all()
        if not rows:
            break
        for r in rows:
            _, error = load(r[4])
            if error and int(r[0]) not in known:
                found.append({"seq": int(r[0]), "team_id": r[1], "entity": r[2], "entity_id": r[3], "error": error})
        since = int(rows[-1][0])
    record(db, found)
    return len(found)


def listing(db: Database, include_removed: bool = False) -> list[dict[str, Any]]:
    with db.read() as conn:
        q = select(t.quarantine).order_by(t.quarantine.c.seq)
        if not include_removed:
            q = q.where(t.quarantine.c.removed_at.is_(None))
        return [dict(r) for r in conn.execute(q).mappings()]


def remove(db: Database, seq: int) -> bool:
    """Take a quarantined change out of the feed. False when it is not quarantined (or removed already)."""
    with db.write() as (conn, _):
        row = conn.execute(select(t.quarantine).where(and_(t.quarantine.c.seq == seq,
                                                           t.quarantine.c.removed_at.is_(None)))).mappings().first()
        if row is None:
            return False
        conn.execute(delete(t.changes).where(t.changes.c.seq == seq))
        conn.execute(update(t.quarantine).where(t.quarantine.c.seq == seq).values(removed_at=utc_now()))
        audit(conn, device_id=None, user_id=None, action="quarantine-remove", entity=str(row["entity"]),
              entity_id=str(row["entity_id"]), detail=f"seq {seq}")
    return True
