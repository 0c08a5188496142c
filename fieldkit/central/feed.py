"""The change feed: numbering the changes a write transaction made, and reading them back in order
without ever skipping one that commits late.

**SQLite** has one writer at a time: each write transaction takes the next numbers from the
`counters` row at its end (1, 2, 3…), so feed order is commit order.

**PostgreSQL** lets pushes commit concurrently, and a push of field facts takes no lock for its
numbers. A change's number (`seq`) is made from the writing transaction's own id (`xid`, from
`pg_current_xact_id()`; 64 bits, never reused):

    fact rows (readings, installs, onboarding steps, meters):  xid << 24 | k           (k < 2^23)
    rows of a transaction that also changes mutable records:   the next number under the counter
                                                              row, at least xid << 24 | 2^23

and a pull returns only numbers below the *horizon* `xmin << 24`, where `xmin` is the oldest
transaction still running when the pull's snapshot was taken (`pg_snapshot_xmin`). Every
transaction that has not committed yet has `xid >= xmin`, so all its rows sit above the horizon,
and every row below it belongs to a transaction that has finished: a row that appears later can
never have a number below a cursor a device already holds (the test: two connections, the one
that began first commits last; tests/central/test_feed_order.py).

Why mutable records still take the counter row: two pushes that change the same customer or work
order read each other's committed version, so their feed rows must come in commit order, or a
device would apply version 3 and then version 2. Under the row lock the numbers increase in commit
order (`GREATEST(last + 1, xid << 24 | 2^23)`), and they stay at or above the writer's own
`xid << 24`, so the horizon holds them back until it commits. Fact appends are written once and
never changed, and a device only references a record it already received (its push starts after
that record committed, so its xid is larger): their order needs no lock, and the evening's
readings from hundreds of laptops never wait for each other.

Cursors stay integers and older cursors keep working: numbers from the counter era are small
(one per change), numbers made here start at `xid << 24` (about 16 million times the number of
transactions), so they all sort after. `check_upgrade` refuses the impossible case.

The horizon is cluster-wide (PostgreSQL's xids are): a long *write* transaction in another
database of the same cluster holds new changes back for its length (read-only transactions do
not). A pull that finds changes of its team held back that had committed when it came waits up to
`HOLD_WAIT` for the horizon to pass them (not for later ones), so a device that pulls right after
another pushed sees that push.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, text, update

from fieldkit.central import bulk
from fieldkit.central import schema as t

if TYPE_CHECKING:  # SQLAlchemy 2.1's Row[*columns]; only for the checker (2.0's Row takes one tuple type)
    from sqlalchemy import Row

    # (seq, entity, entity_id, data, origin_device): seq is Any, a damaged one is text in SQLite (_seq)
    Change = Row[Any, str, str, str, str | None]

CHANGE_SEQ = "change_seq"
SHIFT = 24
MUTABLE = 1 << (SHIFT - 1)  # mutable-path numbers of an xid sit above its fact numbers
MAX_ROWS = MUTABLE  # rows one transaction may add to the feed on PostgreSQL
FACTS = frozenset({"reading", "install", "onboarding_step", "meter"})  # append-only: no lock needed
HOLD_WAIT = 2.0  # seconds a pull waits at most for its team's changes committed before it came
COLUMNS = ("team_id", "entity", "entity_id", "origin_device", "data")

XID = "pg_current_xact_id()::text::bigint"
HORIZON = f"(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << {SHIFT})"


def write(conn: Connection, rows: list[dict[str, Any]], now: str) -> int:
    """Number `rows` (dicts of COLUMNS) and insert them; returns the highest number (0: no rows)."""
    if not rows:
        return 0
    if conn.dialect.name == "postgresql":
        return _write_pg(conn, rows, now)
    n = len(rows)
    last = int(conn.execute(update(t.counters).where(t.counters.c.name == CHANGE_SEQ)
                            .values(value=t.counters.c.value + n).returning(t.counters.c.value)).scalar_one())
    first = last - n + 1
    bulk.insert_rows(conn, t.changes, [r | {"seq": first + i, "at": now} for i, r in enumerate(rows)])
    return last


def _write_pg(conn: Connection, rows: list[dict[str, Any]], now: str) -> int:
    n = len(rows)
    if n >= MAX_ROWS:
        raise ValueError(f"one transaction may add at most {MAX_ROWS - 1} changes to the feed")
    arrays, values = bulk.pg_arrays([(c, "text") for c in COLUMNS], rows)
    cols = ", ".join("u." + c for c in COLUMNS)
    params = {"n": n, "name": CHANGE_SEQ, "at": now} | values
    if all(r["entity"] in FACTS for r in rows):
        # No lock: the numbers are this transaction's own (its xid), whoever commits first.
        # (A second call in the same transaction continues after the rows of the first.)
        sql = (f"WITH b AS (SELECT {XID} << {SHIFT} AS base), "
               f"o AS (SELECT count(*) AS m FROM changes, b WHERE seq >= b.base AND seq < b.base + {MUTABLE}) "
               f"INSERT INTO changes (seq, team_id, entity, entity_id, origin_device, data, at) "
               f"SELECT b.base + o.m + u.k - 1, {cols}, %(at)s "
               f"FROM b, o, unnest({arrays}) WITH ORDINALITY AS u({', '.join(COLUMNS)}, k) RETURNING seq")
    else:
        # The counter row's lock, held to commit, orders the writers of mutable records.
        sql = (f"WITH c AS (UPDATE counters SET value = GREATEST(value + 1, ({XID} << {SHIFT}) + {MUTABLE}) "
               f"+ %(n)s - 1 WHERE name = %(name)s RETURNING value) "
               f"INSERT INTO changes (seq, team_id, entity, entity_id, origin_device, data, at) "
               f"SELECT c.value - %(n)s + u.k, {cols}, %(at)s "
               f"FROM c, unnest({arrays}) WITH ORDINALITY AS u({', '.join(COLUMNS)}, k) RETURNING seq")
    return int(max(conn.exec_driver_sql(sql, params).scalars().all()))


def numbered_here(rows: list[dict[str, Any]]) -> bool:
    """Whether a statement may add field facts to the feed itself (`fact_rows_sql`) after `rows`,
    the changes the transaction has not written yet: only when they are all field facts (a
    transaction that changes mutable records numbers everything under the counter row, in order)."""
    return all(r["entity"] in FACTS for r in rows)


def fact_rows_sql(source: str, order: str) -> str:
    """CTEs for a data-modifying statement on PostgreSQL (they follow others in its WITH): add each
    row of `source` (columns entity, entity_id, data) to the feed for team %(team)s, from device
    %(device)s at %(at)s, numbered in the order of `order` lock-free, `xid << 24 | k`, after the rows
    this transaction added before (as `write` does for field facts). The caller writes the
    transaction's earlier pending changes first and only when `numbered_here` says so, so the feed
    keeps the order of the operations; a push holds far fewer than 2^23 rows (MAX_ROWS)."""
    return (f"fb AS (SELECT {XID} << {SHIFT} AS base), "
            f"fo AS (SELECT count(*) AS m FROM changes, fb WHERE seq >= fb.base AND seq < fb.base + {MUTABLE}), "
            f"fc AS (INSERT INTO changes (seq, team_id, entity, entity_id, origin_device, data, at) "
            f"SELECT fb.base + fo.m + row_number() OVER (ORDER BY {order}) - 1, %(team)s, s.entity, s.entity_id, "
            f"%(device)s, s.data, %(at)s FROM {source} s, fb, fo)")


def read(conn: Connection, team_id: str, since: int, limit: int, wait: float = HOLD_WAIT) -> list[Change]:
    """The team's changes (and everyone's: team NULL) after `since`, oldest first, at most `limit`:
    rows (seq, entity, entity_id, data, origin_device). On PostgreSQL only below the horizon. When
    changes of the team that had committed when the pull came are held back by an older transaction
    still running, waits (up to `wait` seconds) until the horizon has passed them, not for changes
    committed later (under a steady stream of pushes there always are some), then answers with what
    is below the horizon."""
    return read_for(conn, team_id, None, since, limit, wait)[0]


def _not_own_facts(device_id: str) -> ColumnElement[bool]:
    """Leaves out the field facts `device_id` pushed itself (it has them); keeps rows of no origin
    (NULL) and its own changes of mutable records (their new version comes back to it)."""
    c = t.changes.c
    return or_(c.origin_device.is_(None), c.origin_device != device_id, c.entity.not_in(sorted(FACTS)))


def read_for(conn: Connection, team_id: str, device_id: str | None, since: int, limit: int,
             wait: float = HOLD_WAIT) -> tuple[list[Change], int]:
    """`read` for one device: its own field facts are left out in the query, so they never count
    toward `limit` (a device that pushed 10,000 readings gets the others' 3 changes in one page).
    Returns (rows, reach): `reach` is the highest number a cursor may move to after these rows. On a
    short page that is the team's newest change the read could see (own facts included), never
    above the horizon on PostgreSQL, so the cursor passes the own facts it skipped but no change
    another transaction could still commit below it; on a full page it is the page's last row."""
    team = or_(t.changes.c.team_id == team_id, t.changes.c.team_id.is_(None))
    wanted = and_(t.changes.c.seq > since, team)
    if device_id is not None:
        wanted = and_(wanted, _not_own_facts(device_id))
    q = (select(t.changes.c.seq, t.changes.c.entity, t.changes.c.entity_id, t.changes.c.data,
                t.changes.c.origin_device)
         .where(wanted).order_by(t.changes.c.seq).limit(limit))
    if conn.dialect.name != "postgresql":
        # The newest number first, then the page (each statement may see a newer commit): numbers
        # follow commit order here, so every row up to `top` is in the page's view too.
        top = _top(conn, team_id, since, None) if device_id is not None else since
        rows = list(conn.execute(q).all())
        return rows, _reach(rows, since, limit, top)
    deadline = time.monotonic() + wait
    target: int | None = None
    while True:
        horizon = int(conn.exec_driver_sql(f"SELECT {HORIZON}").scalar_one())
        rows = list(conn.execute(q.where(t.changes.c.seq < horizon)).all())
        if len(rows) == limit or time.monotonic() >= deadline:
            return rows, _reach(rows, since, limit, _top(conn, team_id, since, horizon) if device_id else since)
        if target is None:  # the newest of the team's changes (not its own facts) committed by now
            target = conn.execute(select(func.max(t.changes.c.seq)).where(and_(
                t.changes.c.seq >= horizon, wanted))).scalar()
        if target is None or horizon > target:
            # below the horizon every transaction has finished: the order of the two reads is free
            return rows, _reach(rows, since, limit, _top(conn, team_id, since, horizon) if device_id else since)
        conn.rollback()  # end the read's transaction while waiting
        time.sleep(0.02)


def _seq(value: Any) -> int | None:
    """A stored number, or None for a damaged one (text in SQLite's untyped column)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _top(conn: Connection, team_id: str, since: int, horizon: int | None) -> int:
    """The team's newest change after `since` (below the horizon on PostgreSQL), own facts included;
    `since` when none. Two index lookups on (team_id, seq)."""
    top = since
    for who in (t.changes.c.team_id == team_id, t.changes.c.team_id.is_(None)):
        q = select(func.max(t.changes.c.seq)).where(and_(who, t.changes.c.seq > since))
        if horizon is not None:
            q = q.where(t.changes.c.seq < horizon)
        found = _seq(conn.execute(q).scalar())
        if found is not None:
            top = max(top, found)
    return top


def _reach(rows: list[Change], since: int, limit: int, top: int) -> int:
    last = next((s for s in (_seq(r[0]) for r in reversed(rows)) if s is not None), since)
    return max(since, last) if len(rows) == limit else max(since, last, top)


def head(conn: Connection) -> int:
    """The highest number in the feed (0 when empty)."""
    return int(conn.execute(select(func.coalesce(func.max(t.changes.c.seq), 0))).scalar_one())


_BEHIND = text("SELECT count(*) FROM (SELECT 1 FROM changes WHERE seq > :since LIMIT :cap) AS s")


def behind(conn: Connection, since: int, cap: int = 100_000) -> int:
    """How many changes (every team's) come after `since`, counted up to `cap`. One constant
    statement (compiled once, not a select() built per pull)."""
    return int(conn.execute(_BEHIND, {"since": since, "cap": cap}).scalar_one())


XID_LIMIT = (1 << (63 - SHIFT)) - (1 << 32)  # xid << SHIFT must stay a positive bigint, one epoch spare


def check_room(xid: int) -> None:
    """Refuse to start when the cluster's transaction ids come near 2^39 (at which `xid << 24` would
    no longer fit a bigint and PostgreSQL would wrap it silently). At 10,000 write transactions a
    second that is 1.7 years of nothing but pushes; a utility's real rate gives centuries."""
    if xid >= XID_LIMIT:
        raise RuntimeError(f"this PostgreSQL cluster's transaction id {xid} is too large for the change feed's "
                           f"numbering (limit {XID_LIMIT}); move the database to a new cluster (pg_dump/restore)")


def check_upgrade(conn: Connection) -> None:
    """On PostgreSQL the numbers made here must sort after every number of the counter era."""
    if conn.dialect.name != "postgresql":
        return
    check_room(int(conn.exec_driver_sql(f"SELECT {XID}").scalar_one()))
    top = head(conn)
    floor = int(conn.exec_driver_sql(f"SELECT {XID} << {SHIFT}").scalar_one())
    if top >= floor:
        raise RuntimeError(f"the change feed's highest number {top} is above this cluster's new numbering "
                           f"({floor}); restore into a cluster that has run more transactions")
