"""Sync through a fault-injecting proxy; an attachment upload cut part-way resumes from its offset."""

from __future__ import annotations

import hashlib
import os
import time
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from fieldkit.central import schema as t
from fieldkit.domain.models import ReadingSource, RegisterValue
from fieldkit.services import customers, field_facts, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.client import SyncEngine
from fieldkit.sync.scheduler import SchedulerEvent
from fieldkit.sync.testing.proxy import FAULTS, FaultProxy

FAST = {"backoff_base": 0.01, "backoff_cap": 0.1, "max_retries": 20}


def _device_with_meter(make_device, name, user, url, code):
    s = make_device(name, user)
    sync.configure(s, url)
    c = customers.create_customer(s, CustomerInput(code=code, name=f"Khách {name}"))
    m = meters.register_meter(s, serial=f"M-{name}", customer_id=c.id)
    return s, m


def _reading_ids(session) -> set[str]:
    return {r[0] for r in session.store.query("SELECT id FROM readings")}


@pytest.mark.slow
def test_ten_thousand_operations_through_faults_arrive_exactly_once_and_devices_converge(
        make_device, central, server, add_readings, sync_until_done, request):
    if "postgres" in request.node.name:
        pytest.skip("the 10,000-operation run uses SQLite; PostgreSQL is covered by the smaller tests")
    # Faults in turn (cycle) on half the connections: the pipelined sync needs only ~20 connections for
    # the whole run, and drawn at random at 0.3 one kind was missed (CI at d39c4cd); this gives each 2-3
    proxy = FaultProxy(("127.0.0.1", server.port), rate=0.5, seed=7, max_delay=0.3, cycle=True).start()
    try:
        a, ma = _device_with_meter(make_device, "a", "lan", proxy.url, "PA23LN0001001")
        b, mb = _device_with_meter(make_device, "b", "mai", proxy.url, "PA23LN0001002")
        add_readings(a, ma.id, 4998)
        add_readings(b, mb.id, 4998)
        ops_a = [r[0] for r in a.store.query("SELECT op_id FROM outbox")]
        ops_b = [r[0] for r in b.store.query("SELECT op_id FROM outbox")]
        assert len(ops_a) + len(ops_b) == 10_000
        started = time.monotonic()
        sync_until_done(a, **FAST)
        sync_until_done(b, **FAST)
        sync_until_done(a, **FAST)  # pull what b pushed
        elapsed = time.monotonic() - started
        print(f"\n10,000 ops through faults in {elapsed:.1f} s; faults: {proxy.stats.counts}")
    finally:
        proxy.stop()
    for fault in FAULTS:
        assert proxy.stats.counts[fault] > 0, f"fault {fault} never happened"

    for s in (a, b):
        assert s.store.query("SELECT state, count(*) FROM outbox GROUP BY state") == [("sent", 5000)]
    all_ops = ops_a + ops_b
    with central.read() as conn:
        n_ops = conn.execute(select(func.count()).select_from(t.ops)).scalar_one()
        n_applied = conn.execute(select(func.count()).select_from(t.ops).where(t.ops.c.status == "applied")) \
            .scalar_one()
        n_audit = conn.execute(select(func.count()).select_from(t.audit).where(t.audit.c.op_id.is_not(None))) \
            .scalar_one()
        server_readings = {r[0] for r in conn.execute(select(t.facts.c.id).where(t.facts.c.entity == "reading"))}
        server_customers = {r[0]: r[1] for r in conn.execute(select(t.customers.c.id, t.customers.c.version))}
        known = {r[0] for r in conn.execute(select(t.ops.c.op_id))}
    assert n_ops == n_applied == n_audit == 10_000  # every operation applied, none twice
    assert known == set(all_ops)
    assert len(server_readings) == 9996
    # Both devices converge to the server's state.
    assert _reading_ids(a) == _reading_ids(b) == server_readings
    for s in (a, b):
        assert {r[0]: r[1] for r in s.store.query("SELECT id, version FROM customers")} == server_customers
        assert {r[0] for r in s.store.query("SELECT id FROM meters")} == {ma.id, mb.id}


def test_attachment_upload_cut_at_60_percent_resumes_from_its_offset(make_device, central, server):
    size = 1_000_000
    photo = os.urandom(size)
    sha = hashlib.sha256(photo).hexdigest()
    proxy = FaultProxy(("127.0.0.1", server.port), rate=0.0).start()
    try:
        a = make_device("a", "lan", url=proxy.url)
        c = customers.create_customer(a, CustomerInput(code="PA23LN0002001", name="Hà Văn Ảnh"))
        m = meters.register_meter(a, serial="P-1", customer_id=c.id)
        field_facts.record_reading(a, meter_id=m.id, source=ReadingSource.MANUAL, photo=photo,
                                   registers={"1.8.0": RegisterValue(Decimal(7), "kWh")},
                                   manual_reason="optical port dirty")
        # The link dies once 60% of the photo has gone up.
        proxy.cut_after_up_bytes = int(size * 0.6)
        engine = SyncEngine(a.store, a.attachments, "lan", signer=a.profile.signing_key, chunk_size=50_000, max_chunk=50_000, max_retries=0)
        report = engine.run()
        engine.transport.close()
        assert not report.ok and "not reachable" in report.error
    finally:
        proxy.stop()
    offset = a.store.query_one("SELECT confirmed_offset, confirmed_at FROM sync_uploads WHERE sha256 = ?", (sha,))
    assert offset[1] is None and 0.45 * size <= offset[0] <= 0.6 * size
    with central.read() as conn:
        received = conn.execute(select(t.team_attachments.c.received)
                                .where(t.team_attachments.c.sha256 == sha)).scalar_one()
    assert received == offset[0]

    sync.configure(a, server.url)  # the link is back (directly this time)
    engine = SyncEngine(a.store, a.attachments, "lan", signer=a.profile.signing_key, chunk_size=50_000, max_chunk=50_000)
    report = engine.run()
    assert report.ok and report.uploaded == 1
    assert report.uploaded_bytes == size - offset[0]  # only the rest went up
    with central.read() as conn:
        row = conn.execute(select(t.team_attachments.c.complete, t.team_attachments.c.received)
                           .where(t.team_attachments.c.sha256 == sha)).one()
        parts = [p[0] for p in conn.execute(select(t.team_attachment_chunks.c.data)
                                            .where(t.team_attachment_chunks.c.sha256 == sha)
                                            .order_by(t.team_attachment_chunks.c.offset))]
    assert row == (True, size) and hashlib.sha256(b"".join(parts)).hexdigest() == sha


def test_auto_sync_starts_when_the_server_becomes_reachable(make_device, server):
    proxy = FaultProxy(("127.0.0.1", server.port), rate=0.0).start()
    events: list[SchedulerEvent] = []
    try:
        a = make_device("a", "lan")
        sync.configure(a, proxy.url)
        proxy.down = True
        customers.create_customer(a, CustomerInput(code="PA23LN0003001", name="Lò Thị Tự"))
        auto = sync.AutoSyncService(a, interval=60, base_delay=0.05, max_delay=0.2, on_event=events.append)
        auto.start()
        deadline = time.monotonic() + 10
        while not any(e.kind == "offline" for e in events) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert sync.status(a).waiting == 1 and sync.status(a).online is False
        proxy.down = False  # the signal comes back
        while not any(e.kind == "synced" for e in events) and time.monotonic() < deadline + 10:
            time.sleep(0.05)
        auto.stop()
        assert not auto.running
    finally:
        proxy.stop()
    kinds = [e.kind for e in events]
    assert kinds[0] == "offline" and "online" in kinds and "synced" in kinds
    assert sync.status(a).waiting == 0 and sync.status(a).online is True


def test_sync_is_refused_cleanly_when_server_answers_503(make_device, server):
    proxy = FaultProxy(("127.0.0.1", server.port), rate=1.0, faults=("503",)).start()
    try:
        a = make_device("a", "lan")
        sync.configure(a, proxy.url)
        customers.create_customer(a, CustomerInput(code="PA23LN0004001", name="Quàng Văn Ba"))
        report = sync.sync_now(a, backoff_base=0.01, backoff_cap=0.02, max_retries=3)
    finally:
        proxy.stop()
    assert not report.ok and "503" in report.error and report.retries == 4
    assert sync.status(a).waiting == 1 and "503" in sync.status(a).last_error
