"""The server database: engine for SQLite or PostgreSQL, write transactions, the change feed."""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, insert, inspect, select, update
from sqlalchemy.exc import DBAPIError, DisconnectionError, IntegrityError

from fieldkit.central import dropped, feed
from fieldkit.central import schema as t

CHANGE_SEQ = feed.CHANGE_SEQ
_T = TypeVar("_T")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def engine_url(db: str) -> str:
    """`postgresql://…` uses psycopg 3; a plain path or `sqlite:///…` is a SQLite file."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).resolve()}"


POOL_DEFAULT = 6  # connections a worker keeps (FIELDKIT_DB_POOL, `serve --db-pool`)
PING_IDLE_S = 2.0  # a pooled PostgreSQL connection idle longer than this is pinged before use
PING_IDLE_ENV = "FIELDKIT_DB_PING_IDLE_S"  # another idle time before the ping (tests: 3600 = never)
OVERFLOW_DEFAULT = 2  # more a worker may open at a peak (FIELDKIT_DB_POOL_OVERFLOW, `serve --db-overflow`)


def env_seconds(name: str, default: float, low: float = 0.0, high: float = math.inf) -> float:
    """A time in seconds from the environment as an operator writes it: bounded to low .. high
    (inf is high); no number (garbage, nan, empty) is the default, never an error."""
    try:
        value = float(os.environ.get(name) or default)
    except ValueError:
        return default
    return default if math.isnan(value) else min(high, max(low, value))


def ping_idle_s() -> float:
    """FIELDKIT_DB_PING_IDLE_S: no number is the default (it was a ValueError out of every worker's
    start); below 0 is 0 (every checkout pinged)."""
    return env_seconds(PING_IDLE_ENV, PING_IDLE_S)


def pool_settings() -> tuple[int, int]:
    """(pool size, overflow) of a worker's PostgreSQL pool, from the environment `serve` sets.
    One interpreter lock runs a worker's Python, so a few connections keep it busy: more let
    more transactions sit open waiting for that lock (docs/central.md, deployment)."""
    return (int(os.environ.get("FIELDKIT_DB_POOL") or POOL_DEFAULT),
            int(os.environ.get("FIELDKIT_DB_POOL_OVERFLOW") or OVERFLOW_DEFAULT))


@dataclass
class Pending:
    """Changes made in one write transaction; they get their sequence numbers at the end."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, team_id: str | None, entity: str, entity_id: str, data: dict[str, Any],
            origin_device: str | None = None, text: str | None = None) -> None:
        """`text`: `dumps(data)` when the caller has it already (the fast path stores the same text)."""
        self.rows.append({"team_id": team_id, "entity": entity, "entity_id": entity_id,
                          "origin_device": origin_device, "data": dumps(data) if text is None else text})


class Database:
    def __init__(self, url: str):
        self.url = engine_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            # One pool per worker process: size it so workers x (size + overflow) stays under
            # PostgreSQL's max_connections (docs/central.md, deployment).
            size, overflow = pool_settings()
            # No pre-ping on every check-out (a round trip each, 2-3 per push): a connection is
            # pinged only after PING_IDLE_S idle in the pool (_ping_if_idle), when it may have died
            # (a restart, an idle timeout). One that died sooner fails its statement: SQLAlchemy then
            # renews every connection of the pool, and a push runs its transaction once more
            # (`once_more_if_dropped`: exactly-once stays guarded by the op ids).
            kwargs.update(pool_pre_ping=False, pool_size=size, max_overflow=overflow,
                          pool_timeout=30, pool_recycle=1800,
                          # which worker holds a connection, for pg_stat_activity (and the kill -9 test)
                          connect_args={"application_name": f"fieldkit-central-{os.getpid()}"})
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            self.ping_idle_s = ping_idle_s()
            event.listen(self.engine.pool, "checkin", _idle_from)
            event.listen(self.engine.pool, "connect", _idle_from)
            event.listen(self.engine.pool, "checkout", self._ping_if_idle)
        # SQLite has one writer: serialise our writers instead of meeting "database is locked"
        # (in this process; other worker processes wait on BEGIN IMMEDIATE in `write`).
        self._write_lock = threading.Lock() if self.is_sqlite else None

    def create_all(self) -> None:
        t.metadata.create_all(self.engine)
        with self.write() as (conn, _):
            try:
                with conn.begin_nested():
                    conn.execute(insert(t.counters).values(name=CHANGE_SEQ, value=0))
            except IntegrityError:
                pass
        from fieldkit.central.attachments_legacy import copy_legacy

        with self.write() as (conn, _):
            copy_legacy(conn)
            upgrade(conn)
            feed.check_upgrade(conn)

    @contextmanager
    def write(self) -> Iterator[tuple[Connection, Pending]]:
        """One write transaction. Changes added to `Pending` are numbered and written at its end
        (fieldkit/central/feed.py: on SQLite in commit order under the counter row; on PostgreSQL
        fact appends without a lock, and a pull never passes a transaction still running)."""
        lock = self._write_lock
        if lock is not None:
            lock.acquire()
        try:
            with self.engine.begin() as conn:
                if lock is not None:
                    # take SQLite's write lock first (waiting up to busy_timeout): a transaction that
                    # read before writing could otherwise fail at once when another process wrote
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                pending = Pending()
                yield conn, pending
                if pending.rows:
                    write_changes(conn, pending.rows)
                dropped.committing()  # this request is never run again from here (central/dropped.py)
        finally:
            if lock is not None:
                lock.release()

    def _ping_if_idle(self, dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        """Ping a connection that sat idle in the pool (the pessimistic check, only where it may
        have died): a dead one is replaced by the pool before anyone uses it."""
        since = record.info.get(_IDLE_KEY)
        if since is not None and time.monotonic() - since <= self.ping_idle_s:
            return
        try:
            ok = self.engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:
            raise DisconnectionError("the pooled connection is dead") from exc
        if not ok:
            raise DisconnectionError("the pooled connection is dead")

    def once_more_if_dropped(self, work: Callable[[], _T]) -> _T:
        """`work` (whole transactions or reads, nothing outside the database), run once more if the
        database connection was found dead: the pool has renewed its connections then. For reads (the
        turn look-up, the token checks) and pushes: each operation id is stored at most once (a push
        whose COMMIT did reach the database is answered from the op log the second time, as a device's
        own retry would be). Any other write: the request-level retry (central/dropped.py) instead."""
        try:
            return work()
        except DBAPIError as exc:
            if self.is_sqlite or not dropped.is_dropped(exc):
                raise
            dropped.log.warning("the database connection was found dead (a restart?): %s runs once more",
                                getattr(work, "__qualname__", "a transaction"))
        return work()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


_IDLE_KEY = "fieldkit_idle_since"


def _idle_from(_dbapi_conn: Any, record: Any) -> None:
    record.info[_IDLE_KEY] = time.monotonic()


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Text that is not UTF-8 (stored behind the server's back) is read as lone surrogates instead of
    # failing the whole query; read endpoints withhold such rows (central/withhold.py).
    dbapi_conn.text_factory = _lenient_text
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def write_changes(conn: Connection, rows: list[dict[str, Any]]) -> int:
    """Number `rows` and add them to the change feed (fieldkit/central/feed.py)."""
    return feed.write(conn, rows, utc_now())


def audit(conn: Connection, *, device_id: str | None, user_id: str | None, action: str, entity: str,
          entity_id: str, op_id: str | None = None, detail: str = "", at: str | None = None) -> None:
    conn.execute(insert(t.audit).values(
        at=at or utc_now(), device_id=device_id, user_id=user_id, action=action, entity=entity,
        entity_id=entity_id, op_id=op_id, detail=detail,
    ))


SCHEMA_VERSION = 4  # 1: before people's keys; 2: user keys, codes, signed batches, tokens, server key;
# 3: the server's keys sealed under the operator's secret, with rotation (central/server_key.py);
# 4: `sealed_seen`, the sealed pushes opened within their window (central/sealed_seen.py)

_KEY_COLUMNS = (("sealed", "TEXT"), ("valid_from", "VARCHAR(40)"), ("endorsement", "VARCHAR(100)"))


def upgrade(conn: Connection) -> None:
    """Central schema migration (new tables are made by create_all): record the version, give
    `server_keys` its schema-3 columns, and on PostgreSQL keep the batch digests uncompressed. The
    server's keys themselves are made and sealed with the operator's secret (server_key.ensure, at
    `serve` and first use): a key schema 2 kept in clear is sealed there, in place."""
    if conn.dialect.name == "postgresql":
        _uncompressed(conn, "op_batches", "digests")
    have = {c["name"] for c in inspect(conn).get_columns("server_keys")}
    for name, kind in _KEY_COLUMNS:
        if name not in have:
            conn.exec_driver_sql(f"ALTER TABLE server_keys ADD COLUMN {name} {kind}")
    row = conn.execute(select(t.schema_info.c.value).where(t.schema_info.c.name == "version")).first()
    if row is None or int(row[0]) < SCHEMA_VERSION:
        try:
            with conn.begin_nested():
                if row is None:
                    conn.execute(insert(t.schema_info).values(name="version", value=SCHEMA_VERSION))
                else:
                    conn.execute(update(t.schema_info).where(t.schema_info.c.name == "version")
                                 .values(value=SCHEMA_VERSION))
        except IntegrityError:
            pass


def _uncompressed(conn: Connection, table: str, column: str) -> None:
    """Store a column's long values out of line without trying to compress them (PostgreSQL's
    EXTERNAL storage): a push's digests are thousands of random hex characters that pglz cannot
    shrink, and trying cost PostgreSQL 0.6-0.8 ms per 400 operations (5x the row's insert).
    Existing rows stay as they are."""
    found = conn.exec_driver_sql("SELECT attstorage FROM pg_attribute WHERE attrelid = %(t)s::regclass "
                                 "AND attname = %(c)s", {"t": table, "c": column}).scalar()
    if found is not None and found != "e":
        conn.exec_driver_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" SET STORAGE EXTERNAL')
