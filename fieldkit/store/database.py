"""The local store: one SQLCipher-encrypted SQLite file per device profile.

- WAL journal, foreign keys on, `synchronous=FULL` so a committed field fact survives
  a power cut.
- Numbered migrations run at open (`fieldkit.store.migrations`).
- `Store.transaction()` is the only way to write: it yields a `Tx` whose `change()`
  writes the outbox entry and the audit line in the same transaction as the change.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlcipher3 import dbapi2 as sqlcipher

from fieldkit.domain.ids import new_id
from fieldkit.domain.messages import Message, Texts, verbatim
from fieldkit.store.guard import GuardedConnection, disk_code
from fieldkit.store.migrations import all_migrations

_M = Texts("store.database")

if TYPE_CHECKING:
    import sqlite_utils

DatabaseError = sqlcipher.DatabaseError
IntegrityError = sqlcipher.IntegrityError


class StoreError(Exception):
    """The database cannot be opened or used; the message says what to do.

    `code` names the cause: damaged | read_only | permission | disk_full | io_error | missing |
    newer | other (see fieldkit.store.disk)."""

    def __init__(self, message: str | Message, code: str = "other"):
        # str(exc) stays "Vietnamese / English" for logs and the CLI; `message` is translated when shown
        self.message = message if isinstance(message, Message) else verbatim(message)
        super().__init__(f"{self.message.vi} / {self.message.en}" if isinstance(message, Message) else message)
        self.code = code


def _open_error(path: Path, exc: Exception) -> StoreError:
    """Why a database did not open, named: read-only media and permissions are not "damage"."""
    from fieldkit.store import disk

    if not path.exists():
        p = disk.problem("missing", str(path))
        return StoreError(p.message, p.code)
    blocked = disk.writable(path.parent)
    if blocked is None and not os.access(path, os.R_OK | os.W_OK):
        blocked = disk.problem("permission", str(path))
    if blocked is not None:
        return StoreError(blocked.message, blocked.code)
    code = disk.classify(exc) or "damaged"
    if code in ("damaged", "other"):
        return StoreError(_M("The database cannot be opened: wrong key or a damaged file."), "damaged")
    p = disk.problem(code)
    return StoreError(p.message, p.code)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _json_default(value: Any) -> Any:
    from datetime import date
    from decimal import Decimal

    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} as JSON")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default, sort_keys=True)


def connect(path: str | Path, key: bytes | None) -> Any:
    """Open a SQLCipher connection. `key` is the raw 32-byte data key; None opens a plain file."""
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    if not os.environ.get("FIELDKIT_DEBUG"):  # SQLCipher logs decrypt failures to stderr; we say it in words
        conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        if len(key) != 32:
            raise StoreError("the data key must be 32 bytes")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise _open_error(Path(path), exc) from exc
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA cache_size=-32000")
    return conn


def schema_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Any, target: int | None = None) -> int:
    """Apply migrations up to `target` (default: all). Returns the version reached."""
    migrations = all_migrations()
    latest = migrations[-1].version if migrations else 0
    target = latest if target is None else target
    current = schema_version(conn)
    if current > latest:
        raise StoreError(_M("This database comes from a newer FieldKit (schema {current} > {latest}); update FieldKit.",
                            current=current, latest=latest))
    for m in migrations:
        if current < m.version <= target:
            conn.execute("BEGIN IMMEDIATE")
            try:
                m.migrate(conn)
                conn.execute(f"PRAGMA user_version = {m.version}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            current = m.version
    return current


@dataclass
class Tx:
    """One open write transaction. Repositories write rows through `conn`;
    `change()` records the outbox entry and audit line for what was changed."""

    conn: Any
    device_id: str
    actor: str | None
    now: str
    seal: Callable[[Any, str], None] | None = None  # signs a new outbox entry for its author (set at login)

    def change(
        self,
        entity: str,
        entity_id: str,
        action: str,
        payload: dict[str, Any],
        base_version: int | None = None,
        detail: str = "",
    ) -> str:
        op_id = new_id()
        self.conn.execute(
            "INSERT INTO outbox (op_id, entity, entity_id, action, payload, base_version, device_time, actor) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (op_id, entity, entity_id, action, dumps(payload), base_version, self.now, self.actor),
        )
        if self.seal is not None:
            self.seal(self.conn, op_id)
        self.audit(entity, entity_id, action, op_id=op_id, detail=detail)
        return op_id

    def audit(self, entity: str, entity_id: str, action: str, op_id: str | None = None, detail: str = "") -> None:
        self.conn.execute(
            "INSERT INTO audit (at, actor, device_id, action, entity, entity_id, op_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (self.now, self.actor, self.device_id, action, entity, entity_id, op_id, detail),
        )


class Store:
    """An open profile database. Thread-safe: one connection, writes serialised by a lock."""

    def __init__(self, path: str | Path, key: bytes | None, device_id: str | None = None, *,
                 must_exist: bool = False):
        self.path = Path(path)
        if must_exist and not self.path.is_file():
            from fieldkit.store import disk

            p = disk.problem("missing", f"{self.path}: the profile's database file is missing")
            raise StoreError(p.message, "missing")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._key = key
        self.damaged = False  # set once a page failed its check: the profile needs `fieldkit doctor`
        self.page_report: Any = None  # the login's quick page check (store/pagecheck.py), when it ran
        self.conn = GuardedConnection(connect(self.path, key), self._disk_error, self._reopen)
        self.lock = threading.RLock()
        self.seal: Callable[[Any, str], None] | None = None
        self.closed = False
        self.version = migrate(self.conn)
        try:
            self.device_id = device_id or self._meta_device_id()
        except StoreError as exc:
            if exc.code != "damaged":
                raise
            # the page holding `meta` is gone: open anyway, so what is readable can be recovered
            # (the recovered profile gets a new device id and enrols again)
            self.damaged = True
            self.device_id = device_id or "unknown-damaged"

    @property
    def db(self) -> sqlite_utils.Database:
        import sqlite_utils  # for inspection only; it imports numpy (0.8 s of start-up), so not at start

        return sqlite_utils.Database(self.conn.raw)

    def _disk_error(self, exc: BaseException) -> BaseException:
        """A failed statement: a disk problem becomes a named StoreError (and the connection is
        reopened, so good pages stay readable); anything else is returned unchanged."""
        from fieldkit.store import disk

        code = disk_code(exc)
        if code is None:
            return exc
        if code in ("damaged", "io_error"):
            self.damaged = self.damaged or code == "damaged"
            self._reopen()
        p = disk.problem(code)
        if code == "damaged":
            p = disk.problem(code, f"{type(exc).__name__}: {str(exc) or 'page check failed'}")
        return StoreError(p.message, code)

    def _reopen(self) -> None:
        old = self.conn.raw
        try:
            fresh = connect(self.path, self._key)
        except (StoreError, sqlcipher.DatabaseError, MemoryError):
            return  # page 1 itself is gone; the error already raised says what to do
        self.conn.raw = fresh
        try:
            old.close()
        except (sqlcipher.DatabaseError, MemoryError):
            pass

    def _end(self, sql: str) -> None:
        """COMMIT/ROLLBACK when a transaction is still open (a reopened connection has none)."""
        if self.conn.raw.in_transaction:
            self.conn.execute(sql)

    def _meta_device_id(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        if row:
            return str(row[0])
        device_id = new_id()
        self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?)", (device_id,))
        return device_id

    @contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Tx]:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield Tx(self.conn, self.device_id, actor, utc_now(), self.seal)
            except BaseException:
                try:
                    self._end("ROLLBACK")
                except (StoreError, sqlcipher.DatabaseError, MemoryError):
                    pass  # the original error says what happened
                raise
            else:
                try:
                    self.conn.execute("COMMIT")
                except BaseException:
                    try:
                        self._end("ROLLBACK")  # e.g. the disk filled up at commit: nothing half-written
                    except (StoreError, sqlcipher.DatabaseError, MemoryError):
                        pass
                    raise

    @contextmanager
    def read(self) -> Iterator[Any]:
        """A consistent snapshot for several reads."""
        with self.lock:
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                self._end("COMMIT")

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Any]:
        with self.lock:
            return list(self.conn.execute(sql, params).fetchall())

    def query_one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        with self.lock:
            return self.conn.execute(sql, params).fetchone()

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0]) if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.lock:
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def integrity_check(self) -> str:
        return str(self.query_one("PRAGMA integrity_check")[0])

    def close(self) -> None:
        """Close; never raises (a full or damaged disk must not stop a logout): what was
        committed is in the database or its WAL either way."""
        with self.lock:
            if self.closed:
                return
            self.closed = True
            try:
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except (StoreError, sqlcipher.DatabaseError, MemoryError):
                pass
            finally:
                try:
                    self.conn.raw.close()
                except (sqlcipher.DatabaseError, MemoryError):
                    pass
