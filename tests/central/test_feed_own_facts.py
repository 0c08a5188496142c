"""A pull leaves the device's own field facts out in the query (fieldkit/central/feed.py read_for):
they never fill a page, the cursor still moves past them on a short page, and never past a change
another transaction could still commit below the horizon (PostgreSQL: two real connections, the one
that began first commits last)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from fieldkit.central import feed
from fieldkit.central.db import Database, utc_now

TEAM = "team-own"


def rows(entity: str, n: int, tag: str, origin: str | None) -> list[dict[str, Any]]:
    return [{"team_id": TEAM, "entity": entity, "entity_id": f"{tag}-{i}", "origin_device": origin,
             "data": f'{{"tag":"{tag}","i":{i}}}'} for i in range(n)]


def write(db: Database, batch: list[dict[str, Any]]) -> int:
    with db.write() as (conn, _pending):
        return feed.write(conn, batch, utc_now())


def settle(db: Database, seq: int, timeout: float = 30.0) -> None:
    """PostgreSQL: wait until no transaction that could still commit at or below `seq` is running.
    The horizon is cluster-wide, so another test's transaction in another database of the same
    cluster holds it back as well (the cursor then stops below it, which is right but not what
    these tests look at). Skipped, never failed, if the cluster stays busy that long."""
    if db.engine.dialect.name != "postgresql":
        return
    deadline = time.monotonic() + timeout
    while True:
        with db.read() as conn:
            if int(conn.exec_driver_sql(f"SELECT {feed.HORIZON}").scalar_one()) > seq:
                return
        if time.monotonic() > deadline:
            pytest.skip(f"another transaction in the PostgreSQL cluster held the feed's horizon for {timeout:.0f} s")
        time.sleep(0.05)


def test_own_facts_never_fill_the_page_and_the_cursor_passes_them(db: Database) -> None:
    write(db, rows("reading", 1500, "own", "dev-b"))
    write(db, rows("reading", 2, "other", "dev-a"))
    write(db, rows("customer", 1, "own-edit", "dev-b"))  # its own edit of a record: the new version comes back
    write(db, rows("reading", 1, "nobody", None))  # no origin: everyone gets it
    top = write(db, rows("install", 500, "own2", "dev-b"))
    settle(db, top)
    with db.read() as conn:
        got, reach = feed.read_for(conn, TEAM, "dev-b", 0, 100, wait=5.0)
        assert [r[2] for r in got] == ["other-0", "other-1", "own-edit-0", "nobody-0"]
        assert reach == top == feed.head(conn)  # short page: past the 2,000 own facts, at the head
        assert feed.read_for(conn, TEAM, "dev-b", reach, 100, wait=0) == ([], reach)
        # a full page stops at its last row: what follows it is the next page's
        page, nxt = feed.read_for(conn, TEAM, "dev-b", 0, 2, wait=5.0)
        assert [r[2] for r in page] == ["other-0", "other-1"] and nxt == page[-1][0]
        # another device gets everything (dev-b's facts are its news)
        assert len(feed.read_for(conn, TEAM, "dev-a", 0, 5000, wait=5.0)[0]) == 2002
        # the plain read (admin, old callers) is unchanged
        assert len(feed.read(conn, TEAM, 0, 5000, wait=5.0)) == 2004


def test_nothing_new_but_own_facts_moves_the_cursor_to_the_head(db: Database) -> None:
    start = write(db, rows("reading", 3, "other", "dev-a"))
    top = write(db, rows("reading", 2000, "own", "dev-b"))
    settle(db, top)
    with db.read() as conn:
        assert feed.read_for(conn, TEAM, "dev-b", start, 100, wait=5.0) == ([], top)
        assert feed.read_for(conn, "another-team", "dev-b", start, 100, wait=5.0) == ([], start)


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_the_cursor_never_passes_a_slow_transaction_that_began_before_the_own_facts(db: Database) -> None:
    start = write(db, rows("reading", 1, "first", "dev-a"))
    with db.engine.connect() as a, db.engine.connect() as b:
        a.begin()
        a.exec_driver_sql("SELECT pg_current_xact_id()")  # another device's push: its xid first
        b.begin()
        feed.write(b, rows("reading", 2000, "own", "dev-b"), utc_now())
        b.commit()  # the device's own push commits first
        with db.read() as conn:  # held back by A: the cursor must not move past them
            assert feed.read_for(conn, TEAM, "dev-b", start, 100, wait=0) == ([], start)
        top = feed.write(a, rows("reading", 3, "slow", "dev-a"), utc_now())
        a.commit()
    settle(db, top)
    with db.read() as conn:
        got, reach = feed.read_for(conn, TEAM, "dev-b", start, 100, wait=5.0)
        assert [r[2] for r in got] == ["slow-0", "slow-1", "slow-2"]
        assert reach == feed.head(conn)  # and now past the own facts too


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_own_facts_below_the_horizon_are_passed_but_not_a_running_transaction_above_it(db: Database) -> None:
    start = write(db, rows("reading", 1, "first", "dev-a"))
    own_top = write(db, rows("reading", 500, "own", "dev-b"))  # committed before A began: below the horizon
    settle(db, own_top)
    with db.engine.connect() as a:
        a.begin()
        feed.write(a, rows("reading", 3, "slow", "dev-a"), utc_now())  # running: above the horizon
        with db.read() as conn:
            got, reach = feed.read_for(conn, TEAM, "dev-b", start, 100, wait=0)
            assert got == [] and reach == own_top
        a.commit()
    with db.read() as conn:
        got, _ = feed.read_for(conn, TEAM, "dev-b", reach, 100, wait=5.0)
        assert [r[2] for r in got] == ["slow-0", "slow-1", "slow-2"]
