"""A request run once more after its PostgreSQL connection died (central/dropped.py) records what it
records outside the database once: a damaged record its first run withheld is counted in
`fieldkit_withheld_records_total` and logged by that run only, while the answer (whose run is the
second) still says it left the record out. Real server (a server thread), real PostgreSQL, the
connections really terminated (pg_terminate_backend) at the moment the route's next query goes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from prometheus_client import REGISTRY
from sqlalchemy import event, insert
from test_batch_apply import _work_order

from fieldkit.central import schema as t
from fieldkit.central.db import Database, utc_now
from fieldkit.central.server import ServerThread
from tests.central.conftest import _pg_database, build_world

pytestmark = pytest.mark.postgres

ROUTE = "/v1/work-orders/{work_order_id}"


@pytest.fixture
def pg_db() -> Iterator[Database]:
    for url in _pg_database():
        db = Database(url)
        db.create_all()
        yield db
        db.dispose()


def _terminate(db: Database) -> int:
    """Every connection the server holds to this database ends (as in a restart), waited for."""
    import psycopg

    url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as conn:
        return len(conn.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND application_name LIKE 'fieldkit-central-%%'").fetchall())


def _withheld(table: str) -> float:
    """What the server's metric says it withheld from `ROUTE`, for `table` (every reason)."""
    total = 0.0
    for metric in REGISTRY.collect():
        if metric.name == "fieldkit_withheld_records":
            total += sum(s.value for s in metric.samples if s.name.endswith("_total")
                         and s.labels.get("route") == ROUTE and s.labels.get("table") == table)
    return total


def test_a_request_run_once_more_counts_and_logs_a_damaged_record_once(pg_db: Database, caplog: Any) -> None:
    pg_db.ping_idle_s = 3600.0  # pooled connections are not pinged: the route meets the dead one
    with ServerThread(pg_db) as srv:
        world = build_world(pg_db, srv.url)
        wid = _work_order(world)
        with pg_db.write() as (conn, _):  # a version written behind the server's back: not JSON
            conn.execute(insert(t.work_order_versions).values(work_order_id=wid, version=2, data="{not json",
                                                              at=utc_now()))
        boss = world.devices["d1"].as_user("hung", srv.url)
        before = _withheld("work_order_versions")
        killed: list[int] = []

        def kill_once(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            # after the versions were read (and the damaged one withheld), before the attachments' query
            if "FROM facts" in statement and not killed:
                killed.append(_terminate(pg_db))

        event.listen(pg_db.engine, "before_cursor_execute", kill_once)
        try:
            with caplog.at_level(logging.WARNING):
                r = requests.get(srv.url + f"/v1/work-orders/{wid}", headers=boss, timeout=60)
        finally:
            event.remove(pg_db.engine, "before_cursor_execute", kill_once)
    assert killed and killed[0] >= 1, killed
    assert r.status_code == 200, r.text
    assert r.headers.get("x-fk-withheld") == "1" and [v["version"] for v in r.json()["versions"]] == [1]
    ran_again = [x for x in caplog.records if "runs once more" in x.getMessage()]
    assert len(ran_again) == 1, [x.getMessage() for x in caplog.records]  # the route did run twice
    assert _withheld("work_order_versions") == before + 1  # counted once (it was 2)
    logged = [x for x in caplog.records if x.name == "fieldkit.central.withheld"]
    assert len(logged) == 1, [x.getMessage() for x in logged]  # logged once (it was twice)
