"""A request that meets a dead PostgreSQL connection (the database restarted, a backend was
terminated, a connection cut) is run once more, when that is safe.

The pool pings only connections idle for a while (db.PING_IDLE_S): one used a moment before the
restart fails its first statement. SQLAlchemy then renews every connection of that pool, so the
second run takes fresh ones. Every route runs under `once_more` (http_io.GzipRoute): the request
runs again, with the same parsed body, if it failed on a connection found dead and none of its
write transactions reached COMMIT (db.Database.write marks it just before). Safe because:
- a read changes nothing;
- a write transaction whose connection died before its COMMIT was sent is rolled back by the
  database (the session is gone): nothing of it stays;
- a request that got as far as a COMMIT (landed or not, and whatever it did after) is NOT run again:
  its error goes out as before. Pushes retry their own transaction (db.once_more_if_dropped):
  the operation ids keep them exactly-once.
What a request records outside the database before it meets the dead connection (a damaged record's
metric and log line: central/withhold.py) would be recorded twice by the second run: it asks
`first_time` and the second run leaves out what the first recorded. (There is no rate limiter in the
server to count twice: a request's own metrics and log line are the edge's, once per request.)
SQLite has no connection to lose: nothing is run again there."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)
_T = TypeVar("_T")


class _Attempt:
    """One request, over its runs: did any of its write transactions reach COMMIT? What did its
    earlier run record (`before`) and what has this run recorded (`now`) through `first_time`?"""

    __slots__ = ("before", "committing", "now")

    def __init__(self) -> None:
        self.committing = False
        self.before: set[Hashable] = set()
        self.now: set[Hashable] = set()

    def again(self) -> None:
        self.before |= self.now
        self.now = set()


# The request's attempt. The endpoint's thread (and its dependencies' threads) run in a copy of the
# request's context: they see the same object, so a mark made there is seen here.
_attempt: ContextVar[_Attempt | None] = ContextVar("fieldkit_central_attempt", default=None)


def committing() -> None:
    """A write transaction of this request is about to COMMIT: from now on it is never run again."""
    attempt = _attempt.get()
    if attempt is not None:
        attempt.committing = True


def first_time(key: Hashable) -> bool:
    """False when an earlier run of this request recorded `key` (then its second run does not record it
    again); True otherwise, also for a key met twice in one run, and outside a request."""
    attempt = _attempt.get()
    if attempt is None:
        return True
    if key in attempt.before:
        return False
    attempt.now.add(key)
    return True


def is_dropped(exc: BaseException) -> bool:
    """The database connection was found dead (SQLAlchemy has invalidated its pool then). SQLite
    has no server to lose: its "closed database" errors are not that."""
    if not isinstance(exc, DBAPIError) or not exc.connection_invalidated:
        return False
    return type(exc.orig).__module__.split(".")[0] != "sqlite3"


async def once_more(run: Callable[[], Awaitable[_T]], what: str = "") -> _T:
    """`run` (one request), run once more if it failed on a dead connection before any COMMIT."""
    attempt = _Attempt()
    token = _attempt.set(attempt)
    try:
        try:
            return await run()
        except DBAPIError as exc:
            if attempt.committing or not is_dropped(exc):
                raise
            log.warning("the database connection was found dead (a restart?): %s runs once more", what or "a request")
        attempt.again()
        return await run()
    finally:
        _attempt.reset(token)
