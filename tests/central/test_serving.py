"""The serving settings of `fieldkit central serve` reach the workers and hold under load: the
endpoint threads per worker (anyio's limiter), the PostgreSQL pool per worker, and a refusal
at start when the workers' pools cannot fit in PostgreSQL's max_connections."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio.to_thread
import pytest
import requests

from fieldkit.central.db import Database
from fieldkit.central.server import ServerProcess, ServerThread
from fieldkit.ports import free_port
from tests.central.conftest import _pg_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from _pg_database()


def _tokens_route(srv: ServerThread) -> None:
    app: Any = srv.server.config.app

    async def tokens() -> dict[str, float]:
        return {"tokens": anyio.to_thread.current_default_thread_limiter().total_tokens}

    app.add_api_route("/test-tokens", tokens, methods=["GET"])


@pytest.mark.parametrize("threads, expected", [(3, 3), (None, 40)])
def test_the_thread_limit_is_set_in_the_running_server(tmp_path: Path, threads: int | None, expected: int):
    db = Database(str(tmp_path / "central.db"))
    db.create_all()
    srv = ServerThread(db, threads=threads)
    _tokens_route(srv)
    with srv:
        got = requests.get(srv.url + "/test-tokens", timeout=10).json()
    db.dispose()
    assert got == {"tokens": expected}


@pytest.mark.postgres
@pytest.mark.slow
def test_each_worker_keeps_to_its_pool_under_load(pg_url: str, tmp_path: Path):
    """2 workers with --db-pool 2 --db-overflow 0 and 24 clients hammering /healthz (one database
    read each): no worker ever holds more than 2 connections, and every request is answered."""
    import psycopg

    base = os.environ["FIELDKIT_TEST_PG"]
    dbname = pg_url.rpartition("/")[2]
    with ServerProcess(pg_url, workers=2, log_path=str(tmp_path / "server.log"),
                       extra=["--db-pool", "2", "--db-overflow", "0", "--threads", "6"]) as srv:
        stop = threading.Event()
        answers: list[int] = []

        def client() -> None:
            with requests.Session() as s:
                while not stop.is_set():
                    answers.append(s.get(srv.url + "/healthz", timeout=30).status_code)

        clients = [threading.Thread(target=client) for _ in range(24)]
        for c in clients:
            c.start()
        most: dict[str, int] = {}
        deadline = time.monotonic() + 4
        with psycopg.connect(base, autocommit=True) as conn:
            while time.monotonic() < deadline:
                for name, n in conn.execute(
                        "SELECT application_name, count(*) FROM pg_stat_activity WHERE datname = %s "
                        "AND application_name LIKE 'fieldkit-central-%%' GROUP BY 1", (dbname,)).fetchall():
                    most[name] = max(most.get(name, 0), int(n))
                time.sleep(0.01)
        stop.set()
        for c in clients:
            c.join()
        workers = {f"fieldkit-central-{p}" for p in srv.worker_pids()}
    assert len(answers) > 100 and set(answers) == {200}, (len(answers), set(answers))
    assert most and set(most) <= workers, (most, workers)  # the workers used the database ...
    assert max(most.values()) == 2, most  # ... up to the pool's size ...
    assert all(n <= 2 for n in most.values()), most  # ... and never beyond it


@pytest.mark.postgres
def test_serve_refuses_pools_larger_than_postgresql_allows(pg_url: str, tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    port = str(free_port())
    r = subprocess.run([sys.executable, "-m", "fieldkit", "central", "serve", "--db", pg_url, "--port", port,
                        "--workers", "64", "--db-pool", "100"], capture_output=True, text=True, timeout=120,
                       env=env, cwd=tmp_path)
    out = (r.stderr + r.stdout).strip()
    assert r.returncode == 2 and "Traceback" not in out, out
    assert "64 worker(s) x (100 pool + 2 overflow) = 6528 database connections" in out, out
    assert "max_connections" in out and len(out.splitlines()) == 1, out


def test_request_ids_made_without_a_system_call_are_unique_and_tell_nothing(monkeypatch: pytest.MonkeyPatch):
    """The server's own request ids: 32 hex digits, unique, and no counter to read off (a client must
    not learn how many requests came before its own); a new process (or fork) gets a new prefix."""
    from fieldkit.central import observe

    ids = [observe.new_request_id() for _ in range(5000)]
    assert len(set(ids)) == 5000 and all(observe.REQUEST_ID.match(i) and len(i) == 32 for i in ids)
    assert len({i[:16] for i in ids}) == 1  # one prefix per process ...
    tails = [int(i[16:], 16) for i in ids[:100]]
    assert sum(1 for a, b in zip(tails, tails[1:], strict=False) if b - a == 1) < 3  # ... and no count after it
    real = os.getpid()
    monkeypatch.setattr(observe.os, "getpid", lambda: real + 1)
    assert observe.new_request_id()[:16] != ids[0][:16]


def test_serve_says_what_to_install_when_uvloop_is_asked_for_and_missing(tmp_path: Path):
    """--loop uvloop without the package: one line naming it (a Python that cannot import it)."""
    import importlib.util

    if importlib.util.find_spec("uvloop") is not None:
        pytest.skip("uvloop is installed here")
    port = str(free_port())
    r = subprocess.run([sys.executable, "-m", "fieldkit", "central", "serve", "--db", str(tmp_path / "c.db"),
                        "--port", port, "--loop", "uvloop"], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    out = (r.stderr + r.stdout).strip()
    assert r.returncode == 2 and "pip install uvloop" in out and len(out.splitlines()) == 1, out
    assert not (tmp_path / "c.db").exists()



def test_the_pull_lag_metric_counts_no_further_than_its_last_bucket(tmp_path: Path):
    """A device 12,000 changes behind is observed in +Inf (beyond 10,000), by a count that stopped
    at 10,001 index entries instead of walking the whole feed."""
    from sqlalchemy import event, insert

    from fieldkit.central import observe
    from fieldkit.central import schema as t

    db = Database(str(tmp_path / "central.db"))
    db.create_all()
    with db.engine.begin() as conn:
        conn.execute(insert(t.changes), [{"seq": i, "team_id": None, "entity": "reading", "entity_id": f"r{i}",
                                          "origin_device": None, "data": "{}", "at": "x"} for i in range(1, 12_001)])
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda c, cur, stmt, params, *a: seen.append(str(params)))
    before = observe.PULL_BEHIND.collect()[0].samples
    with db.read() as conn:  # as GET /v1/changes does, on the page's connection
        observe.observe_behind(conn, 0)
        observe.observe_behind(conn, 11_995)
    after = observe.PULL_BEHIND.collect()[0].samples
    db.dispose()

    def bucket(samples: Any, le: str) -> float:
        return next(s.value for s in samples if s.name.endswith("_bucket") and s.labels["le"] == le)

    assert bucket(after, "+Inf") - bucket(before, "+Inf") == 2
    assert bucket(after, "10000.0") - bucket(before, "10000.0") == 1  # the one 5 behind
    assert bucket(after, "10.0") - bucket(before, "10.0") == 1
    assert any("10001" in p for p in seen), seen  # the count's LIMIT


@pytest.mark.parametrize(("raw", "want"), [("", 2.0), ("abc", 2.0), ("nan", 2.0), ("2,5", 2.0), ("-1", 0.0),
                                           ("0", 0.0), ("inf", float("inf")), ("3600", 3600.0), ("0.5", 0.5)])
def test_the_ping_idle_time_as_an_operator_writes_it(monkeypatch: pytest.MonkeyPatch, raw: str, want: float) -> None:
    """FIELDKIT_DB_PING_IDLE_S: a value that is no number is the default, not a worker that cannot start."""
    from fieldkit.central import db

    monkeypatch.setenv(db.PING_IDLE_ENV, raw)
    assert db.ping_idle_s() == want
