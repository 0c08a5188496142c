"""The pull's lag metric (`fieldkit_pull_behind_changes`), counted by GET /v1/changes on the page's
own connection (no second thread hand-off and connection after the answer): it still moves as the
feed grows, says 0 for a device that is up to date, and never fails the pull. Both engines."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlalchemy import event, func, select
from test_push import customer_op, meter_op, reading_op

from fieldkit.central import feed, observe
from fieldkit.central import schema as t
from fieldkit.domain.ids import new_id


def lag() -> tuple[float, float, float]:
    """(observations, sum, observations in the 0 bucket) of the pull-lag histogram so far."""
    samples = observe.PULL_BEHIND.collect()[0].samples
    count = next(s.value for s in samples if s.name.endswith("_count"))
    total = next(s.value for s in samples if s.name.endswith("_sum"))
    zero = next(s.value for s in samples if s.name.endswith("_bucket") and s.labels["le"] == "0.0")
    return count, total, zero


def feed_rows(db: Any) -> int:
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.changes)).scalar_one())


def push(world: Any, ops: list[dict[str, Any]]) -> None:
    r = world.call("POST", "/v1/push", "d1", "lan", json={"ops": ops})
    assert r.status_code == 200 and all(x["status"] == "applied" for x in r.json()["results"]), r.text


def test_the_lag_moves_as_the_feed_grows_and_is_zero_when_up_to_date(world, db):
    cid, mid = new_id(), new_id()
    push(world, [customer_op(cid, "PA23LN0000888"), meter_op(mid, cid), *[reading_op(mid, 10 + i) for i in range(4)]])
    n0, s0, z0 = lag()
    first = world.call("GET", "/v1/changes?since=0", "d1b", "lan")
    assert first.status_code == 200
    n1, s1, _ = lag()
    assert n1 == n0 + 1 and s1 - s0 == feed_rows(db)  # every change of the feed is after 0

    push(world, [reading_op(mid, 20 + i) for i in range(3)])
    again = world.call("GET", "/v1/changes?since=0", "d1b", "lan")
    assert again.status_code == 200
    n2, s2, _ = lag()
    assert n2 == n1 + 1 and s2 - s1 == feed_rows(db) == (s1 - s0) + 3  # the feed grew by 3: so did the lag

    head = again.json()["next"]
    assert world.call("GET", f"/v1/changes?since={head}", "d1b", "lan").status_code == 200
    n3, s3, z3 = lag()
    assert n3 == n2 + 1 and s3 == s2 and z3 == z0 + 1  # up to date: 0 behind


def test_the_lag_is_counted_on_the_pages_own_connection(world, db):
    """The count runs in the checkout that read the page: no connection goes back to the pool
    between the page's query and the count (it was a second checkout, in a second thread hand-off)."""
    push(world, [customer_op(new_id(), "PA23LN0000889")])
    events: list[str] = []
    on_checkout = lambda *a: events.append("checkout")  # noqa: E731
    on_checkin = lambda *a: events.append("checkin")  # noqa: E731

    def on_execute(_conn: Any, _cur: Any, statement: str, *_a: Any) -> None:
        if "count(*)" in statement and "LIMIT" in statement:
            events.append("lag count")
        elif "FROM changes" in statement and "ORDER BY changes.seq" in statement:
            events.append("page")

    event.listen(db.engine.pool, "checkout", on_checkout)
    event.listen(db.engine.pool, "checkin", on_checkin)
    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        assert world.call("GET", "/v1/changes?since=0", "d1b", "lan").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
        event.remove(db.engine.pool, "checkin", on_checkin)
        event.remove(db.engine.pool, "checkout", on_checkout)
    assert "page" in events and "lag count" in events, events
    page, count = events.index("page"), events.index("lag count")
    assert page < count and "checkin" not in events[page:count], events


def test_a_failing_count_never_fails_the_pull(world, monkeypatch: pytest.MonkeyPatch,
                                              caplog: pytest.LogCaptureFixture):
    def broken(*_a: Any, **_k: Any) -> int:
        raise RuntimeError("count failed")

    monkeypatch.setattr(feed, "behind", broken)
    n0, _, _ = lag()
    with caplog.at_level(logging.ERROR, logger="fieldkit.central.access"):
        r = world.call("GET", "/v1/changes?since=0", "d1b", "lan")
    assert r.status_code == 200 and "changes" in r.json()
    assert lag()[0] == n0  # nothing observed
    assert any("lag" in rec.getMessage() for rec in caplog.records), [rec.getMessage() for rec in caplog.records]
