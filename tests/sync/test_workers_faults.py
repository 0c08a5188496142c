"""Exactly once with several worker processes: two real devices sync through a fault-injecting
proxy (cut requests and answers, truncation, delays, 503) to `fieldkit central serve --workers 2`
on PostgreSQL, while worker processes are killed with SIGKILL in the middle of pushes. Every
operation is stored once, every answer the devices got is the stored one, and the devices
converge to the server's state."""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldkit.central import admin, people
from fieldkit.central import schema as t
from fieldkit.central.db import Database
from fieldkit.central.server import ServerProcess
from fieldkit.domain.models import Role
from fieldkit.services import customers, meters, sync
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.store.keyring import FAST_KDF
from fieldkit.sync.batching import Batcher
from fieldkit.sync.testing.proxy import FAULTS, FaultProxy

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
FAST = {"backoff_base": 0.01, "backoff_cap": 0.2, "max_retries": 30}
PER_DEVICE = 1500


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = os.environ.get("FIELDKIT_TEST_PG")
    if not base:
        pytest.skip("FIELDKIT_TEST_PG is not set (see scripts/pg-test-server.sh)")
    import psycopg

    name = f"fk_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _killer(srv: ServerProcess, pg_url: str, stop: threading.Event, kills: list[int]) -> None:
    """SIGKILL a worker while it is inside a write transaction (seen in pg_stat_activity through the
    worker's application_name), three times, leaving the supervisor time to start a new one."""
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        while not stop.is_set() and len(kills) < 3:
            time.sleep(0.01)
            pids = srv.worker_pids()
            if len(pids) < 2:
                continue  # the supervisor is still starting the last one we killed
            busy = [int(r[0].rsplit("-", 1)[1]) for r in conn.execute(
                "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name LIKE 'fieldkit-central-%' AND xact_start IS NOT NULL "
                "AND backend_xid IS NOT NULL")]  # a transaction that has written
            victims = [p for p in busy if p in pids]
            if victims:
                os.kill(victims[0], signal.SIGKILL)
                kills.append(victims[0])
                time.sleep(1.0)


def test_two_workers_on_postgres_faults_and_kill_9_every_operation_once(pg_url: str, tmp_path: Path,
                                                                       add_readings, sync_until_done):
    db = Database(pg_url)
    db.create_all()
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    admin.create_user(db, "mai", "Nguyễn Thị Mai", "technician", "T1")
    opened: list[sessions.Session] = []
    with ServerProcess(pg_url, workers=2, log_path=str(tmp_path / "server.log")) as srv:
        devices, meter_ids = [], []
        for name, user in (("a", "lan"), ("b", "mai")):
            s = sessions.create(tmp_path / name, username=user, display_name=user.title(), role=Role.TECHNICIAN,
                                secret="246810", params=FAST_KDF)
            opened.append(s)
            sync.enrol(s, admin.enrol(db, "T1", name).code, srv.url, user_code=people.issue_code(db, user))
            c = customers.create_customer(s, CustomerInput(code=f"PA23LN000900{len(devices)}", name=f"Khách {name}"))
            meter_ids.append(meters.register_meter(s, serial=f"M-{name}", customer_id=c.id).id)
            devices.append(s)
        for s, mid in zip(devices, meter_ids, strict=True):
            add_readings(s, mid, PER_DEVICE)
        outbox = {op for s in devices for (op,) in s.store.query("SELECT op_id FROM outbox")}
        assert len(outbox) == 2 * (PER_DEVICE + 2)

        proxy = FaultProxy(("127.0.0.1", srv.port), rate=0.3, seed=11, max_delay=0.2, cycle=True).start()
        stop, kills = threading.Event(), []
        killer = threading.Thread(target=_killer, args=(srv, pg_url, stop, kills), daemon=True)
        try:
            for s in devices:
                sync.configure(s, proxy.url)
            killer.start()
            results: dict[str, object] = {}

            def run(s: sessions.Session) -> None:
                try:
                    # batches of 100, as before link-sized batches: enough requests for every fault
                    # kind and for the killer to find workers inside a write transaction
                    # two batches in flight (pipelined, the default): kills and faults hit both
                    reports = []
                    for _ in range(200):
                        reports.append(sync.sync_now(s, batch=Batcher(start=100, high=100), **FAST))
                        if reports[-1].ok:
                            break
                    assert reports[-1].ok, reports[-1]
                    earlier = results.get(s.user_id)
                    results[s.user_id] = (earlier if isinstance(earlier, list) else []) + reports
                except BaseException as exc:  # reported below
                    results[s.user_id] = exc

            # A write transaction lasts a few milliseconds now (the run is one statement): when the
            # killer has not caught two workers inside one yet, both devices record another
            # PER_DEVICE readings and push again (at most 4 rounds in all).
            rounds = 0
            while True:
                rounds += 1
                threads = [threading.Thread(target=run, args=(s,)) for s in devices]  # both push at once
                for th in threads:
                    th.start()
                for th in threads:
                    th.join(timeout=600)
                failed = any(isinstance(r, BaseException) for r in results.values())
                if len(kills) >= 2 or rounds == 4 or failed:
                    break
                for s, mid in zip(devices, meter_ids, strict=True):
                    add_readings(s, mid, PER_DEVICE)
            outbox = {op for s in devices for (op,) in s.store.query("SELECT op_id FROM outbox")}
            assert len(outbox) == 2 * (rounds * PER_DEVICE + 2)
            stop.set()
            killer.join(timeout=10)
            for s in devices:  # a last round each, so each pulls what the other pushed
                sync_until_done(s, attempts=200, **FAST)
        finally:
            stop.set()
            proxy.stop()
        assert all(not isinstance(r, BaseException) for r in results.values()), results
        assert sum(rep.pipelined for reps in results.values() for rep in reps) >= 4  # both pipelined
        assert len(kills) >= 2, f"workers killed inside a write transaction: {kills}"
        assert [f for f in FAULTS if proxy.stats.counts[f] == 0] == []
        assert len(srv.worker_pids()) == 2  # the supervisor replaced the killed workers

    with db.read() as conn:
        n_ops = conn.execute(select(func.count()).select_from(t.ops)).scalar_one()
        applied = conn.execute(select(func.count()).select_from(t.ops).where(t.ops.c.status == "applied")).scalar_one()
        audited = conn.execute(select(func.count()).select_from(t.audit).where(t.audit.c.op_id.is_not(None))) \
            .scalar_one()
        known = {r[0] for r in conn.execute(select(t.ops.c.op_id))}
        readings = [r[0] for r in conn.execute(select(t.facts.c.id).where(t.facts.c.entity == "reading"))]
        fed = conn.execute(select(func.count(), func.count(func.distinct(t.changes.c.entity_id)))
                           .where(t.changes.c.entity == "reading")).one()
    db.dispose()
    assert known == outbox and n_ops == applied == audited == len(outbox)  # each operation once
    total = 2 * rounds * PER_DEVICE
    assert len(readings) == len(set(readings)) == total and fed == (total, total)
    for s in devices:
        assert s.store.query("SELECT state, count(*) FROM outbox GROUP BY state") == [("sent", rounds * PER_DEVICE + 2)]
        assert {r[0] for r in s.store.query("SELECT id FROM readings")} == set(readings)  # converged
    for s in opened:
        s.close()
    print(f"\nkilled workers {kills} in {rounds} round(s); faults {proxy.stats.counts}")
