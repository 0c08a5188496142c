"""The change feed on PostgreSQL numbers fact appends without a lock (fieldkit/central/feed.py), and a
pull never skips a change that commits late: two real connections, the transaction that began
first commits last; many writers at random against a reader pulling in small pages; mutable
records still in commit order; cursors of the counter era keep working after the upgrade."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from fieldkit.central import feed
from fieldkit.central import schema as t
from fieldkit.central.db import Database, utc_now

TEAM = "team-feed"


@pytest.fixture
def pg(db: Database) -> Database:
    """The conftest's fresh database, PostgreSQL only (see the parametrize marks)."""
    return db


def rows(entity: str, n: int, tag: str) -> list[dict[str, Any]]:
    return [{"team_id": TEAM, "entity": entity, "entity_id": f"{tag}-{i}", "origin_device": None,
             "data": f'{{"tag":"{tag}","i":{i}}}'} for i in range(n)]


def pull_all(db: Database, since: int, limit: int = 1000, wait: float = 5.0) -> tuple[list[tuple[int, str]], int]:
    """Every change after `since`, page by page as a device pulls: [(seq, entity_id)], new cursor."""
    got: list[tuple[int, str]] = []
    while True:
        with db.read() as conn:
            page = feed.read(conn, TEAM, since, limit, wait=wait)
        got += [(int(r[0]), str(r[2])) for r in page]
        if page:
            since = int(page[-1][0])
        if len(page) < limit:
            return got, since


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_a_pull_never_passes_a_transaction_that_began_first_and_commits_last(pg: Database) -> None:
    cursor = 0
    with pg.engine.connect() as a, pg.engine.connect() as b:
        a.begin()
        a.exec_driver_sql("SELECT pg_current_xact_id()")  # A has its transaction id first
        b.begin()
        feed.write(b, rows("reading", 3, "B"), utc_now())
        b.commit()  # B, which began after A, commits first
        with pg.read() as conn:  # B's rows are held back while A runs: a cursor past them would skip A's
            assert feed.read(conn, TEAM, cursor, 100, wait=0) == []
        feed.write(a, rows("reading", 2, "A"), utc_now())
        with pg.read() as conn:
            assert feed.read(conn, TEAM, cursor, 100, wait=0) == []
        a.commit()
    got, cursor = pull_all(pg, cursor)
    assert [e for _s, e in got] == ["A-0", "A-1", "B-0", "B-1", "B-2"]  # A's numbers come first: its xid
    assert [s for s, _e in got] == sorted({s for s, _e in got})
    assert pull_all(pg, cursor, wait=0)[0] == []


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_a_pull_waits_for_its_teams_changes_held_back_by_a_running_transaction(pg: Database) -> None:
    with pg.engine.connect() as a, pg.engine.connect() as b:
        a.begin()
        a.exec_driver_sql("SELECT pg_current_xact_id()")
        b.begin()
        feed.write(b, rows("install", 1, "B"), utc_now())
        b.commit()
        timer = threading.Timer(0.4, a.commit)
        timer.start()
        t0 = time.monotonic()
        with pg.read() as conn:
            got = feed.read(conn, TEAM, 0, 100, wait=10)
        timer.join()
    assert [str(r[2]) for r in got] == ["B-0"]
    assert 0.3 < time.monotonic() - t0 < 9


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_mutable_records_keep_commit_order_under_the_counter_row(pg: Database) -> None:
    """Two pushes changing the same customer: the one that commits last is numbered last, even
    though its transaction began first (a device applies the feed in order, last one wins)."""
    with pg.engine.connect() as a, pg.engine.connect() as b:
        a.begin()
        a.exec_driver_sql("SELECT pg_current_xact_id()")
        b.begin()
        seq_b = feed.write(b, rows("customer", 1, "v2"), utc_now())
        b.commit()
        seq_a = feed.write(a, rows("customer", 1, "v3") + rows("reading", 1, "r"), utc_now())
        a.commit()
    assert seq_a > seq_b
    got, _ = pull_all(pg, 0)
    assert [e for _s, e in got] == ["v2-0", "v3-0", "r-0"]


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_many_writers_at_random_and_a_reader_in_small_pages_see_every_change_once_in_order(pg: Database) -> None:
    written: list[str] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def writer(w: int) -> None:
        rnd = random.Random(w)
        try:
            for k in range(15):
                with pg.engine.connect() as conn:
                    conn.begin()
                    conn.exec_driver_sql("SELECT pg_current_xact_id()")
                    time.sleep(rnd.random() * 0.03)
                    kind = "customer" if rnd.random() < 0.2 else "reading"
                    batch = rows(kind, rnd.randint(1, 4), f"w{w}k{k}")
                    feed.write(conn, batch, utc_now())
                    time.sleep(rnd.random() * 0.03)
                    if rnd.random() < 0.1:
                        conn.rollback()  # an aborted push leaves nothing in the feed
                        continue
                    conn.commit()
                with lock:
                    written.extend(r["entity_id"] for r in batch)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(6)]
    for th in threads:
        th.start()
    seen: list[tuple[int, str]] = []
    cursor = 0
    while any(th.is_alive() for th in threads):
        with pg.read() as conn:
            page = feed.read(conn, TEAM, cursor, 3, wait=0)
        seen += [(int(r[0]), str(r[2])) for r in page]
        if page:
            cursor = int(page[-1][0])
    for th in threads:
        th.join()
    rest, _ = pull_all(pg, cursor, limit=3)
    seen += rest
    assert not errors
    ids = [e for _s, e in seen]
    assert len(ids) == len(set(ids))  # none twice
    assert sorted(ids) == sorted(written)  # none lost
    assert [s for s, _e in seen] == sorted(s for s, _e in seen)
    with pg.read() as conn:
        assert len(conn.execute(select(t.changes.c.seq)).all()) == len(written)


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_cursors_of_the_counter_era_keep_working_after_the_upgrade(pg: Database) -> None:
    """A database written by the previous version (numbers 1, 2, 3… from the counter row) is
    upgraded by create_all: a device's old cursor gets the rest of the old numbers, then the new."""
    now = utc_now()
    with pg.write() as (conn, _):  # as the previous version left it: 5 changes, counter at 5
        conn.execute(insert(t.changes), [r | {"seq": i + 1, "at": now} for i, r in enumerate(rows("reading", 5, "old"))])
        conn.execute(update(t.counters).where(t.counters.c.name == feed.CHANGE_SEQ).values(value=5))
    pg.create_all()  # the upgrade at start
    with pg.write() as (conn, pending):
        for r in rows("reading", 2, "new") + rows("work_order", 1, "wo"):
            pending.add(r["team_id"], r["entity"], r["entity_id"], {"x": 1})
    got, _ = pull_all(pg, 3)  # a device that had pulled up to 3 before the upgrade
    assert [e for _s, e in got] == ["old-3", "old-4", "new-0", "new-1", "wo-0"]
    assert got[2][0] > 5


def test_sqlite_keeps_numbering_one_by_one(tmp_path) -> None:
    db = Database(str(tmp_path / "c.db"))
    db.create_all()
    with db.write() as (conn, _):
        assert feed.write(conn, rows("reading", 3, "a"), utc_now()) == 3
    with db.write() as (conn, _):
        assert feed.write(conn, rows("customer", 2, "b"), utc_now()) == 5
    with db.read() as conn:
        assert [int(r[0]) for r in feed.read(conn, TEAM, 0, 100)] == [1, 2, 3, 4, 5]
    db.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_a_transaction_writing_the_feed_twice_gets_distinct_numbers(pg: Database) -> None:
    with pg.write() as (conn, _):
        first = feed.write(conn, rows("reading", 2, "x"), utc_now())
        second = feed.write(conn, rows("reading", 2, "y"), utc_now())
    assert second == first + 2
    assert [e for _s, e in pull_all(pg, 0)[0]] == ["x-0", "x-1", "y-0", "y-1"]


def test_numbering_refuses_a_cluster_whose_transaction_ids_would_overflow() -> None:
    from fieldkit.central import feed

    feed.check_room(12345)
    feed.check_room(feed.XID_LIMIT - 1)
    assert ((feed.XID_LIMIT - 1) << feed.SHIFT) + feed.MUTABLE * 2 < 1 << 63  # still a positive bigint
    with pytest.raises(RuntimeError, match="too large"):
        feed.check_room(feed.XID_LIMIT)
