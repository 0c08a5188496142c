"""Every request survives the database dropping the server's connections (a PostgreSQL restart; here
`pg_terminate_backend` of every backend of the test database, which is what a restart does to
them, without restarting the shared cluster): reads, the token checks, the turn look-up and pushes
are run once more on fresh connections (central/dropped.py), and a request whose write got as far
as its COMMIT is never run again. Real server processes (`serve --workers 2`), real PostgreSQL."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, insert, select
from test_batch_apply import _customer_and_meter, _work_order
from test_push import reading_op

from fieldkit.central import schema as t
from fieldkit.central import turns
from fieldkit.central.db import PING_IDLE_ENV, Database
from fieldkit.central.server import ServerProcess, ServerThread
from fieldkit.domain.ids import new_id
from tests.central.conftest import _pg_database, build_world

pytestmark = pytest.mark.postgres

NEVER_PINGED = {PING_IDLE_ENV: "3600"}  # no pooled connection counts as idle: requests meet the dead ones


@pytest.fixture
def pg_db() -> Iterator[Database]:
    for url in _pg_database():
        db = Database(url)
        db.create_all()
        yield db
        db.dispose()


def _plain_url(db: Database) -> str:
    return db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def terminate_server_backends(db: Database, killed: set[int] | None = None) -> dict[str, int]:
    """Every connection the central server holds to this database dies (as in a restart): how many
    per holder (application_name). The backends' pids are added to `killed`."""
    import psycopg

    with psycopg.connect(_plain_url(db), autocommit=True) as conn:
        rows = conn.execute(
            "SELECT application_name, pid, pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND application_name LIKE 'fieldkit-central-%%'").fetchall()
    out: dict[str, int] = {}
    for name, pid, _ok in rows:
        out[str(name)] = out.get(str(name), 0) + 1
        if killed is not None:
            killed.add(int(pid))
    return out


def sockets_to_port(pid: int, port: int) -> int | None:
    """How many TCP sockets process `pid` holds open (a file descriptor) to a remote `port` (Linux's
    /proc); None when the process is gone."""
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return None
    inodes = set()
    for fd in fds:
        with contextlib.suppress(OSError):  # closed meanwhile
            inodes.add(os.readlink(f"/proc/{pid}/fd/{fd}"))
    n = 0
    for table in ("tcp", "tcp6"):
        try:
            with open(f"/proc/{pid}/net/{table}") as f:
                rows = f.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            cols = row.split()  # sl local_address rem_address st ... inode (the 10th)
            if int(cols[2].rpartition(":")[2], 16) == port and f"socket:[{cols[9]}]" in inodes:
                n += 1
    return n


class Backends(threading.Thread):
    """The most connections to PostgreSQL each worker process held at once, sampled every 10 ms on
    the worker's side: its open TCP sockets to the database's port, by holder (application_name,
    'fieldkit-central-<pid>'). Not pg_stat_activity: a backend whose client has already closed it (an
    overflow connection given back to a full pool, a terminated one) stays listed until its process
    has exited, which on a loaded machine overlapped the next connection the worker opened (5 seen
    for a pool of 3 + 1: a failure by chance)."""

    def __init__(self, srv: ServerProcess, db: Database):
        super().__init__(daemon=True)
        self.srv, self.port = srv, int(db.engine.url.port or 5432)
        self.most: dict[str, int] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for pid in self.srv.worker_pids():
                held = sockets_to_port(pid, self.port)
                if held is not None:  # else the worker is gone
                    name = f"fieldkit-central-{pid}"
                    self.most[name] = max(self.most.get(name, 0), held)
            time.sleep(0.01)


def _run_all(calls: list[Callable[[requests.Session], requests.Response]], rounds: int) -> list[tuple[int, str]]:
    """Each call `rounds` times, all at once from threads with their own connections (so both
    workers get some): (status, text) of every answer that was not 200."""
    bad: list[tuple[int, str]] = []
    lock = threading.Lock()

    def one(call: Callable[[requests.Session], requests.Response]) -> None:
        with requests.Session() as s:
            for _ in range(rounds):
                r = call(s)
                if r.status_code != 200:
                    with lock:
                        bad.append((r.status_code, r.text[:300]))

    threads = [threading.Thread(target=one, args=(c,)) for c in calls]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    return bad


def _stored(db: Database, op_ids: list[str], fact_ids: list[str]) -> dict[str, int]:
    with db.read() as conn:
        return {
            "ops": conn.execute(select(func.count()).select_from(t.ops).where(t.ops.c.op_id.in_(op_ids))).scalar_one(),
            "facts": conn.execute(select(func.count()).select_from(t.facts)
                                  .where(t.facts.c.id.in_(fact_ids))).scalar_one(),
            "changes": conn.execute(select(func.count()).select_from(t.changes)
                                    .where(t.changes.c.entity_id.in_(fact_ids))).scalar_one()}


def test_two_workers_answer_every_request_after_their_connections_are_dropped(pg_db: Database, tmp_path: Path):
    """2 workers, each with a pool of 3 + 1 overflow, 13 clients at once (reads of every kind,
    plain and pipelined pushes); three times every server connection is terminated: no request
    fails, no operation is stored twice, and no worker ever holds more than its 4 connections
    (the retries and the pool's renewal open no more)."""
    log = tmp_path / "server.log"
    with ServerProcess(_pg_url(pg_db), workers=2, log_path=str(log), env=NEVER_PINGED,
                       extra=["--db-pool", "3", "--db-overflow", "1"]) as srv:
        backends = Backends(srv, pg_db)
        backends.start()
        world = build_world(pg_db, srv.url)
        _cid, mid = _customer_and_meter(world)
        wid = _work_order(world)
        photo = b"a meter photo " * 100
        sha = hashlib.sha256(photo).hexdigest()
        up = world.call("PUT", f"/v1/attachments/{sha}?offset=0&size={len(photo)}&mime=image/jpeg&kind=photo",
                        "d1", "lan", data=photo)
        assert up.status_code == 200 and up.json()["complete"], up.text
        d = world.devices["d1"]
        boss = d.as_user("hung", srv.url)
        lan = d.as_user("lan", srv.url)
        pushed: list[dict[str, Any]] = []
        plock = threading.Lock()

        def get(path: str, headers: dict[str, str]) -> Callable[[requests.Session], requests.Response]:
            return lambda s: s.get(srv.url + path, headers=headers, timeout=60)

        def post(path: str, body: dict[str, Any]) -> Callable[[requests.Session], requests.Response]:
            return lambda s: s.post(srv.url + path, json=body, headers=boss, timeout=60)

        def push(s: requests.Session) -> requests.Response:
            """A plain push, then one pipelined after it (its turn looked up first)."""
            first = [reading_op(mid, i) for i in range(5)]
            r = s.post(srv.url + "/v1/push", json=d.sign("lan", first), headers=lan, timeout=60)
            if r.status_code != 200:
                return r
            then = [reading_op(mid, i) for i in range(5)]
            with plock:
                pushed.extend(first + then)
            return s.post(srv.url + "/v1/push", json=d.sign("lan", then) | {"after": first[-1]["op_id"]},
                          headers=lan, timeout=60)

        calls = [get("/v1/changes?since=0&limit=50", lan), get("/v1/me", lan), get("/v1/me", boss),
                 get("/v1/work-orders", boss), get(f"/v1/work-orders/{wid}", boss), get("/v1/conflicts", boss),
                 get("/v1/audit", boss), get(f"/v1/attachments/{sha}", boss), get("/healthz", {}),
                 post("/v1/attachments/missing", {"hashes": [sha]}), post("/v1/attachments/info", {"hashes": [sha]}),
                 push, push]
        for round_ in range(3):
            assert _run_all(calls, rounds=3) == []  # every worker's pool holds connections now
            lost = terminate_server_backends(pg_db)
            workers = {f"fieldkit-central-{p}" for p in srv.worker_pids()}
            assert workers <= set(lost), (lost, workers)  # both workers lost their connections
            bad = _run_all(calls, rounds=2)
            assert bad == [], (round_, bad)
        backends.stop.set()
        backends.join()
    most = {name: n for name, n in backends.most.items() if name in workers}
    assert set(most) == workers and all(n <= 4 for n in most.values()), most  # pool 3 + overflow 1 each
    assert max(most.values()) >= 3, most  # the load did fill a pool
    ops = [o["op_id"] for o in pushed]
    facts = [o["entity_id"] for o in pushed]
    assert len(ops) == 3 * 2 * (3 + 2) * 10
    assert _stored(pg_db, ops, facts) == {"ops": len(ops), "facts": len(ops), "changes": len(ops)}  # each once
    retried = {json.loads(line)["pid"] for line in log.read_text(errors="replace").splitlines()
               if line.startswith("{") and "runs once more" in line}
    # the workers met dead connections and said so (both, unless the kernel gave one every connection)
    assert retried and retried <= {int(name.rpartition("-")[2]) for name in workers}, (retried, workers)


def _pg_url(db: Database) -> str:
    return _plain_url(db)


def test_a_request_runs_once_more_only_before_any_commit(pg_db: Database):
    """In one worker (a server thread): a read that meets dead connections is answered; a request
    whose write committed and whose next read meets a dead connection fails as before, and its
    write is not done twice; /healthz says the database is reachable (it is: only the pooled
    connection was dead), so a load balancer does not take every worker out after a restart."""
    pg_db.ping_idle_s = 3600.0
    runs = {"read": 0, "write": 0}
    srv = ServerThread(pg_db)
    app: Any = srv.server.config.app

    def read_route() -> dict[str, int]:
        runs["read"] += 1
        with pg_db.read() as conn:
            return {"n": int(conn.execute(select(func.count()).select_from(t.teams)).scalar_one())}

    def write_then_read() -> dict[str, int]:
        runs["write"] += 1
        with pg_db.write() as (conn, _):
            conn.execute(insert(t.teams).values(id=new_id(), code=f"X{runs['write']}", name="x", unit_code="PA00XX"))
        terminate_server_backends(pg_db)  # the database goes away right after the COMMIT
        with pg_db.read() as conn:
            return {"n": int(conn.execute(select(func.count()).select_from(t.teams)).scalar_one())}

    app.add_api_route("/test-read", read_route, methods=["GET"])
    app.add_api_route("/test-write", write_then_read, methods=["POST"])
    with srv:
        assert requests.get(srv.url + "/test-read", timeout=30).status_code == 200
        assert terminate_server_backends(pg_db)
        r = requests.get(srv.url + "/test-read", timeout=30)
        assert r.status_code == 200 and runs["read"] == 3, (r.status_code, runs)  # once more, answered
        r = requests.post(srv.url + "/test-write", timeout=30)
        assert r.status_code == 500 and runs["write"] == 1, (r.status_code, runs)  # not run again
        assert requests.get(srv.url + "/healthz", timeout=30).status_code == 200  # warm again
        assert terminate_server_backends(pg_db)
        r = requests.get(srv.url + "/healthz", timeout=30)  # reachable: not taken out of the balancer
        assert r.status_code == 200 and r.json()["db"] == "ok", r.text
    with pg_db.read() as conn:
        assert conn.execute(select(func.count()).select_from(t.teams).where(t.teams.c.name == "x")).scalar_one() == 1


def test_the_turn_look_up_survives_dropped_connections(pg_db: Database):
    pg_db.ping_idle_s = 3600.0
    op = new_id()
    with pg_db.write() as (conn, _):
        conn.execute(insert(t.ops).values(op_id=op, device_id="dev-1", entity="reading", entity_id=op,
                                          action="append", status="applied", result="{}", at="2026-12-04"))
    assert turns.has_answer(pg_db, "dev-1", op)  # the pool holds a connection now
    assert terminate_server_backends(pg_db)
    assert turns.has_answer(pg_db, "dev-1", op)
    assert not turns.has_answer(pg_db, "dev-1", new_id())
