"""A connection wrapper that turns a broken disk into a named error and keeps the store usable.

After SQLCipher meets a page whose HMAC fails, the connection stays in an error state:
every later statement fails with an empty `MemoryError` until it is reopened. The wrapper
catches the failure where it happens (execute or fetch), reopens the connection so the
pages that are still good stay readable, and raises `StoreError` with code `damaged`
(or `disk_full`, `read_only`, `io_error`) and a message that says what to do. Errors
that are not about the disk (a constraint, a typo in SQL) pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

DISK_CODES = ("damaged", "disk_full", "read_only", "io_error", "permission")


def disk_code(exc: BaseException) -> str | None:
    """The disk problem behind a SQLite error, or None when it is an ordinary SQL error."""
    from fieldkit.store.disk import classify

    if isinstance(exc, MemoryError) or _stale(exc):
        return "damaged"  # SQLCipher's state after a failed page check (a real OOM is not an empty error)
    if not isinstance(exc, sqlcipher.DatabaseError):
        return None
    if isinstance(exc, sqlcipher.IntegrityError | sqlcipher.ProgrammingError):
        return None
    code = classify(exc)
    return code if code in DISK_CODES else None


def _stale(exc: BaseException) -> bool:
    """The bare errors a SQLCipher connection answers with once a page failed its check."""
    return isinstance(exc, MemoryError) or (
        isinstance(exc, sqlcipher.OperationalError) and str(exc) in ("SQL logic error", ""))


class GuardedCursor:
    def __init__(self, cursor: Any, on_error: Callable[[BaseException], BaseException]):
        self._cursor = cursor
        self._on_error = on_error

    def _call(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except (sqlcipher.DatabaseError, MemoryError) as exc:
            err = self._on_error(exc)
            if err is exc:
                raise
            raise err from exc

    def fetchone(self) -> Any:
        return self._call(self._cursor.fetchone)

    def fetchall(self) -> list[Any]:
        return list(self._call(self._cursor.fetchall))

    def fetchmany(self, size: int = 1) -> list[Any]:
        return list(self._call(lambda: self._cursor.fetchmany(size)))

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        return self._call(lambda: next(self._cursor))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class GuardedConnection:
    """Forwards to the live SQLCipher connection (`raw`, swapped by the store when reopened)."""

    def __init__(self, raw: Any, on_error: Callable[[BaseException], BaseException],
                 reopen: Callable[[], None] | None = None):
        self.raw = raw
        self._on_error = on_error
        self._reopen = reopen

    def _run(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except (MemoryError, sqlcipher.OperationalError) as first:
            if not _stale(first):
                err = self._on_error(first)
                if err is first:
                    raise
                raise err from first
            # An empty MemoryError before this statement touched anything: the connection was
            # left in SQLCipher's error state by an earlier statement (e.g. an integrity check
            # that reported a bad page). Reopen and run it once more.
            if self._reopen is None or self.raw.in_transaction:
                raise self._on_error(MemoryError()) from None
            self._reopen()
            try:
                return fn()
            except (sqlcipher.DatabaseError, MemoryError) as exc:
                err = self._on_error(exc)
                if err is exc:
                    raise
                raise err from exc
        except sqlcipher.DatabaseError as exc:
            err = self._on_error(exc)
            if err is exc:
                raise
            raise err from exc

    def execute(self, sql: str, params: Any = ()) -> GuardedCursor:
        return GuardedCursor(self._run(lambda: self.raw.execute(sql, params)), self._on_error)

    def executemany(self, sql: str, rows: Any) -> GuardedCursor:
        return GuardedCursor(self._run(lambda: self.raw.executemany(sql, rows)), self._on_error)

    def executescript(self, script: str) -> GuardedCursor:
        return GuardedCursor(self._run(lambda: self.raw.executescript(script)), self._on_error)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)
