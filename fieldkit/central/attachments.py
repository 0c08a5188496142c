"""Attachments are verified bytes, kept per team.

A team's attachment (`team_attachments`, keyed by team and sha256) is complete only when the
bytes the server stored for that team hash to the declared sha256; the empty file is
complete without bytes only under the empty file's own hash. What one team claims or
uploads never changes another team's size, type or kind, never marks another team's
upload complete, and never shows in another team's answers: `missing`, `info` and
downloads only look at the asking team's rows, so no answer says whether another team
holds a hash. (The price: the same photo taken by two teams is stored twice.)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, insert, select, update
from sqlalchemy.exc import IntegrityError

from fieldkit.central import schema as t
from fieldkit.central import storage

# The one-time copy of the older shared tables lives in attachments_legacy.py, so that
# db.create_all runs it without importing this module (which imports db).
from fieldkit.central.attachments_legacy import EMPTY_SHA, LEGACY_COPIED, copy_legacy  # noqa: F401
from fieldkit.central.db import Database, audit
from fieldkit.central.validate import Refusal

A = t.team_attachments.c
C = t.team_attachment_chunks.c


def _row(conn: Connection, team_id: str, sha: str) -> Any:
    return conn.execute(select(A.size, A.received, A.complete)
                        .where(and_(A.team_id == team_id, A.sha256 == sha))).first()


def _numbers(row: Any) -> tuple[int, int, bool] | None:
    """(size, received, complete) of a stored upload row, or None when the row is damaged (a value that
    is not a whole number, a negative or inconsistent count, a flag that is not 0/1)."""
    size, received, complete = row[0], row[1], row[2]
    if type(size) is not int or type(received) is not int or complete not in (0, 1):  # bool is 0/1 too
        return None
    if size < 0 or not 0 <= received <= size:
        return None
    return size, received, bool(complete)


def _reset_damaged(conn: Connection, team_id: str, sha: str, size: int, now: str) -> tuple[int, int, bool]:
    """A damaged upload row starts again from 0 (its stored bytes dropped): the laptop still has the
    file and sends it again; the hash check at the end keeps what is stored exact."""
    storage.chunks().drop(conn, team_id, sha)
    conn.execute(update(t.team_attachments).where(and_(A.team_id == team_id, A.sha256 == sha))
                 .values(size=size, received=0, complete=sha == EMPTY_SHA and size == 0))
    audit(conn, device_id=None, user_id=None, action="upload-reset-damaged", entity="attachment", entity_id=sha)
    return size, 0, sha == EMPTY_SHA and size == 0


def _create(conn: Connection, team_id: str, sha: str, size: int, mime: str, kind: str, now: str) -> Any:
    try:
        with conn.begin_nested():
            conn.execute(insert(t.team_attachments).values(
                team_id=team_id, sha256=sha, size=size, mime=mime or "application/octet-stream", kind=kind,
                received=0, complete=sha == EMPTY_SHA and size == 0, created_at=now))
    except IntegrityError:  # the same team's other request made it first
        pass
    return _row(conn, team_id, sha)


def claim(conn: Connection, team_id: str, sha: str, size: int, mime: str, kind: str, now: str) -> None:
    """`attachment/create`: this team will upload these bytes. Raises Refusal."""
    if size == 0 and sha != EMPTY_SHA:
        raise Refusal("empty_file")
    if sha == EMPTY_SHA and size != 0:
        raise Refusal("attachment_size")
    row = _row(conn, team_id, sha)
    if row is None:
        _create(conn, team_id, sha, size, mime, kind, now)
        return
    numbers = _numbers(row)
    if numbers is None:
        numbers = _reset_damaged(conn, team_id, sha, size, now)
    if numbers[0] != size:
        if numbers[1] or numbers[2]:
            raise Refusal("attachment_size")
        conn.execute(update(t.team_attachments).where(and_(A.team_id == team_id, A.sha256 == sha)).values(size=size))
    conn.execute(update(t.team_attachments).where(and_(A.team_id == team_id, A.sha256 == sha))
                 .values(mime=mime or "application/octet-stream", kind=kind))


@dataclass(frozen=True)
class Stored:
    status: int  # 200, or 409 (wrong offset / size), or 422 (hash mismatch, too many bytes)
    body: dict[str, Any]


def store_chunk(db: Database, team_id: str, device_id: str, user_id: str | None, sha: str, offset: int, size: int,
                mime: str, kind: str, chunk: bytes, now: str) -> Stored:
    """One uploaded chunk at `offset`, for this team; the last one is verified against the hash."""
    with db.write() as (conn, _):
        row = _row(conn, team_id, sha)
        if row is None:
            row = _create(conn, team_id, sha, size, mime, kind, now)
        numbers = _numbers(row)
        if numbers is None:
            numbers = _reset_damaged(conn, team_id, sha, size, now)
        total, received, complete = numbers
        if complete:
            return Stored(200, {"sha256": sha, "offset": total, "size": total, "complete": True})
        if size and size != total:
            if received:
                return Stored(409, {"detail": "size differs from the upload in progress", "code": "attachment_size"})
            conn.execute(update(t.team_attachments).where(and_(A.team_id == team_id, A.sha256 == sha))
                         .values(size=size))
            total = size
        if offset != received:
            return Stored(409, {"sha256": sha, "offset": received, "size": total, "complete": False})
        if received + len(chunk) > total:
            return Stored(422, {"detail": "more bytes than the declared size"})
        if chunk:
            # The guard on `received` makes a racing duplicate chunk a no-op.
            done = conn.execute(update(t.team_attachments).where(and_(
                A.team_id == team_id, A.sha256 == sha, A.received == offset)).values(received=offset + len(chunk)))
            if done.rowcount != 1:
                return Stored(409, {"sha256": sha, "offset": received, "size": total, "complete": False})
            storage.chunks().put(conn, team_id, sha, offset, chunk)
            received = offset + len(chunk)
        if received == total:
            h = hashlib.sha256()
            for part in storage.chunks().parts(conn, team_id, sha):
                h.update(part)
            if h.hexdigest() != sha:
                storage.chunks().drop(conn, team_id, sha)
                conn.execute(update(t.team_attachments).where(and_(A.team_id == team_id, A.sha256 == sha))
                             .values(received=0))
                audit(conn, device_id=device_id, user_id=user_id, action="upload-bad-hash", entity="attachment",
                      entity_id=sha)
                return Stored(422, {"detail": "the content does not match its sha256; upload it again from 0"})
            conn.execute(update(t.team_attachments).where(and_(A.team_id == team_id, A.sha256 == sha))
                         .values(complete=True))
            audit(conn, device_id=device_id, user_id=user_id, action="upload", entity="attachment", entity_id=sha,
                  detail=str(total))
            complete = True
    return Stored(200, {"sha256": sha, "offset": received, "size": total, "complete": complete})


def missing(conn: Connection, team_id: str, hashes: list[str]) -> list[tuple[str, int]]:
    """(sha256, offset to resume from) for each hash this team has not delivered yet."""
    rows = {r[0]: (int(r[1]), bool(r[2])) for r in conn.execute(
        select(A.sha256, A.received, A.complete).where(and_(A.team_id == team_id, A.sha256.in_(hashes))))} \
        if hashes else {}
    return [(h, rows.get(h, (0, False))[0]) for h in hashes if not rows.get(h, (0, False))[1]]


def info(conn: Connection, team_id: str, hashes: list[str]) -> list[tuple[str, int, str, str]]:
    """(sha256, size, mime, kind) of this team's complete attachments among `hashes`."""
    if not hashes:
        return []
    return [(str(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in conn.execute(
        select(A.sha256, A.size, A.mime, A.kind).where(and_(A.team_id == team_id, A.sha256.in_(hashes),
                                                            A.complete.is_(True))))]


def complete_hashes(conn: Connection, team_id: str, hashes: set[str]) -> set[str]:
    return {r[0] for r in info(conn, team_id, sorted(hashes))}


def read(conn: Connection, team_id: str, sha: str, offset: int, length: int | None) -> tuple[int, str, bytes] | None:
    """(whole size, mime, the bytes from `offset`, at most `length`) of this team's complete attachment."""
    row = conn.execute(select(A.size, A.mime).where(and_(A.team_id == team_id, A.sha256 == sha,
                                                         A.complete.is_(True)))).first()
    if row is None:
        return None
    total = int(row[0])
    end = total if length is None else min(total, offset + length)
    return total, str(row[1]), storage.chunks().range(conn, team_id, sha, offset, end)
