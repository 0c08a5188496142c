"""A sealed push is opened once (central/sealed.py; docs/security.md, "Sealed pushes").

The server keeps, in the database (workers are several and keep nothing of their own), the
ephemeral X25519 public key of every sealed push it opened (`sealed_seen`, schema 4), with the
push's creation time `c`. A body carrying a key already there is refused 409 `sealed_replayed`
in the clear: before it is decrypted when the mark is found first (`seen`: one look-up by primary
key), or, when two copies arrive at once, by the primary key itself (`claim`: the second INSERT
fails, on PostgreSQL once the first has committed). Nothing of the push runs for a replay: no
operation, no audit or rejection row, no page of changes.

Why the ephemeral key: it is the first 32 bytes after the key number, so it is read without
opening anything; a body that opens with it was made by the holder of its private half (the
sender), and the format uses each ephemeral key once (its request key has a zero nonce): a second
body under the same ephemeral key is refused whatever it holds. The laptop seals every try anew
(a new ephemeral key: sync/transport.py `_sealed_push`), so its own retry after a cut answer is a
new sealed push, never a replay; its operations are answered from the op log (replay: true).

The mark is written only after the body opened and its creation time is inside the window (an
unopened or stale body is not remembered: it cannot run anyway), and before the push runs, in a
transaction of its own: a push that then fails (a bad token, 422, a 500) has spent its sealed
bytes; the laptop seals again. Marks are needed only while a body with that `c` could pass the
window: each worker deletes those with `c` older than now - window - MARGIN_S, at most once per
PRUNE_EVERY_S of its clock (an indexed range delete), so the table holds about the sealed pushes
of the last window and a half."""

from __future__ import annotations

import logging
import threading

from fastapi import HTTPException
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from fieldkit.central import schema as t
from fieldkit.central.db import Database

log = logging.getLogger(__name__)

REPLAYED = ("sealed_replayed: this sealed push was opened before (a sealed push is opened once; "
            "the laptop seals every try anew); nothing was run")
MARGIN_S = 120  # kept this much past the window: workers' clocks or windows a little apart
PRUNE_EVERY_S = 60.0

_last_prune = float("-inf")
_prune_lock = threading.Lock()


def seen(db: Database, ephemeral: bytes) -> bool:
    """Was a sealed push with this ephemeral key opened here before (and not yet pruned)?"""
    with db.read() as conn:
        return conn.execute(select(t.sealed_seen.c.made)
                            .where(t.sealed_seen.c.ephemeral == ephemeral.hex())).first() is not None


def claim(db: Database, ephemeral: bytes, made: int) -> None:
    """Remember this sealed push before it runs; 409 `sealed_replayed` when it was remembered first
    (by another worker or thread: the primary key decides, exactly one claim commits)."""
    try:
        with db.write() as (conn, _):
            conn.execute(insert(t.sealed_seen).values(ephemeral=ephemeral.hex(), made=made))
    except IntegrityError:
        raise HTTPException(409, REPLAYED) from None


def prune(db: Database, now: float, window: float) -> int:
    """Delete the marks no body can need any more (made before now - window - MARGIN_S), at most once per
    PRUNE_EVERY_S (of `now`: a clock set back prunes again at once); how many were deleted. A failure is
    logged, never the push's: the marks stay until the next prune."""
    global _last_prune
    with _prune_lock:
        if abs(now - _last_prune) < PRUNE_EVERY_S:
            return 0
        _last_prune = now
    try:
        with db.write() as (conn, _):
            gone = conn.execute(delete(t.sealed_seen).where(t.sealed_seen.c.made < int(now - window - MARGIN_S)))
            return int(gone.rowcount or 0)
    except SQLAlchemyError:
        log.warning("could not prune the sealed pushes seen (kept until the next prune)", exc_info=True)
        return 0
