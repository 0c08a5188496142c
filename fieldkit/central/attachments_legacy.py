"""Once, at start: the older shared attachment tables (`attachments`, `attachment_chunks`, one row
per hash) become each team's rows (`team_attachments`, `team_attachment_chunks`;
central/attachments.py). Its own module so that `db.create_all` runs it without importing
central/attachments.py (which imports db)."""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, and_, exists, insert, literal, select

from fieldkit.central import schema as t

EMPTY_SHA = hashlib.sha256(b"").hexdigest()
LEGACY_COPIED = "team_attachments_v1"
A = t.team_attachments.c
C = t.team_attachment_chunks.c


def copy_legacy(conn: Connection) -> None:
    """Once: the older shared tables' rows become their team's rows. A size-0 claim under any
    hash but the empty one was never verified bytes, so it is not complete here."""
    if conn.execute(select(t.counters.c.value).where(t.counters.c.name == LEGACY_COPIED)).first():
        return
    old, oc = t.attachments.c, t.attachment_chunks.c
    already = exists().where(and_(A.team_id == old.team_id, A.sha256 == old.sha256))
    conn.execute(insert(t.team_attachments).from_select(
        ["team_id", "sha256", "size", "mime", "kind", "received", "complete", "created_at"],
        select(old.team_id, old.sha256, old.size, old.mime, old.kind, old.received,
               and_(old.complete, (old.size > 0) | (old.sha256 == literal(EMPTY_SHA))), old.created_at)
        .where(~already)))
    have = exists().where(and_(C.team_id == t.attachments.c.team_id, C.sha256 == oc.sha256, C.offset == oc.offset))
    conn.execute(insert(t.team_attachment_chunks).from_select(
        ["team_id", "sha256", "offset", "data"],
        select(old.team_id, oc.sha256, oc.offset, oc.data).select_from(
            t.attachment_chunks.join(t.attachments, old.sha256 == oc.sha256)).where(~have)))
    conn.execute(insert(t.counters).values(name=LEGACY_COPIED, value=1))
