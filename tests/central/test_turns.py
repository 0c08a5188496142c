"""Held pipelined pushes (central/turns.py): a commit wakes only its own device's held request, and
held requests look at the database at doubling intervals, so hundreds of devices pipelining at
once do not turn every commit into one query per held request. Real SQLite file, real threads."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import event, insert

from fieldkit.central import schema as t
from fieldkit.central import turns
from fieldkit.central.db import Database


def _store(db: Database, device_id: str, op_id: str) -> None:
    with db.write() as (conn, _pending):
        conn.execute(insert(t.ops).values(op_id=op_id, device_id=device_id, entity="reading", entity_id=op_id,
                                          action="append", status="applied", result="{}", at="2026-12-03"))


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(str(tmp_path / "central.db"))
    database.create_all()
    return database


def _count_answer_lookups(db: Database) -> list[int]:
    seen = [0]

    def before(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "ops.op_id" in statement and "ops.device_id" in statement:
            seen[0] += 1

    event.listen(db.engine, "before_cursor_execute", before)
    return seen


def test_a_commit_wakes_only_its_own_device_and_held_requests_poll_at_doubling_intervals(db: Database) -> None:
    lookups = _count_answer_lookups(db)
    hold = 0.8
    others = [f"dev-{k:02d}" for k in range(20)]  # their earlier batch never comes: held for `hold` s
    results: dict[str, bool] = {}
    threads = [threading.Thread(target=lambda d=d: results.__setitem__(d, turns.wait_turn(db, d, f"{d}-never", hold)))
               for d in others]
    for th in threads:
        th.start()
    time.sleep(0.05)
    # device A pushes 40 batches while the 20 others are held; each commit calls pushed(A)
    for k in range(40):
        _store(db, "dev-A", f"A-{k}")
        turns.pushed("dev-A")
        time.sleep(0.01)
    for th in threads:
        th.join(5)
    assert results == {d: False for d in others}  # refused after the hold: their batch never came
    # Each held request looks at most 1 + log2(160/20) + (0.8 s / 0.16 s) + 1 ~ 11 times. Waking every
    # held request on every commit (the earlier design) made 20 x 40 = 800 look-ups on top.
    assert lookups[0] <= 20 * 12, lookups[0]
    assert turns._devices == {}  # nothing left behind for devices no longer waiting


def test_a_held_batch_goes_as_soon_as_its_own_predecessor_commits_here(db: Database) -> None:
    got: list[tuple[bool, float]] = []

    def held() -> None:
        got.append((turns.wait_turn(db, "dev-B", "B-last", hold=3.0), time.monotonic()))

    th = threading.Thread(target=held)
    th.start()
    time.sleep(0.5)  # by now the held request polls every 160 ms
    _store(db, "dev-B", "B-last")
    committed = time.monotonic()
    turns.pushed("dev-B")
    th.join(5)
    assert got and got[0][0] is True
    assert got[0][1] - committed < 0.1, "the commit in this process must wake its device's held batch at once"


def test_a_batch_committed_by_another_worker_is_seen_by_polling(db: Database) -> None:
    got: list[bool] = []
    th = threading.Thread(target=lambda: got.append(turns.wait_turn(db, "dev-C", "C-last", hold=2.0)))
    th.start()
    time.sleep(0.3)
    _store(db, "dev-C", "C-last")  # another process committed it: no pushed() here
    started = time.monotonic()
    th.join(5)
    assert got == [True]
    assert time.monotonic() - started < 0.5  # within one poll interval (160 ms at most) and the look-up


def test_the_hold_ends_with_a_refusal(db: Database) -> None:
    started = time.monotonic()
    assert turns.wait_turn(db, "dev-D", "D-never", hold=0.3) is False
    assert 0.3 <= time.monotonic() - started < 1.0
