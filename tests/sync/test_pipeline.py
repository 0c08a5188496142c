"""Pipelined pushes (two requests in flight), order kept by the server, the first pull page in
the last push's answer, and an older client against this server. Real server, real profiles,
SQLite and PostgreSQL."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from fieldkit.central import schema as t
from fieldkit.central import turns
from fieldkit.services import customers, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync import signing
from fieldkit.sync.batching import Batcher
from fieldkit.sync.client import SyncEngine
from fieldkit.sync.push import encode_body
from fieldkit.sync.testing.proxy import FAULTS, FaultProxy, LinkEmulator
from fieldkit.sync.transport import ServerRefused

FAST = {"backoff_base": 0.01, "backoff_cap": 0.1, "max_retries": 30}
ROOT = Path(__file__).resolve().parents[2]


def _device(make_device, name: str, user: str, code: str, url: str | None = None):
    s = make_device(name, user)
    if url:
        sync.configure(s, url)
    c = customers.create_customer(s, CustomerInput(code=code, name=f"Khách {name}"))
    m = meters.register_meter(s, serial=f"M-{name}", customer_id=c.id)
    return s, c, m


def _server_counts(central) -> tuple[int, int, set[str]]:
    with central.read() as conn:
        n_ops = conn.execute(select(func.count()).select_from(t.ops)).scalar_one()
        n_facts = conn.execute(select(func.count()).select_from(t.facts)
                               .where(t.facts.c.entity == "reading")).scalar_one()
        ids = {r[0] for r in conn.execute(select(t.ops.c.op_id))}
    return n_ops, n_facts, ids


def test_pipelined_push_through_cuts_truncation_and_503_is_exactly_once_and_in_order(
        make_device, central, server, add_readings, sync_until_done):
    """Small batches (40) so that one sync makes many requests, two in flight at a time, through a
    proxy that cuts requests and answers, truncates answers, delays and answers 503. Customer edits
    between the readings must reach the server in the order they were made."""
    proxy = FaultProxy(("127.0.0.1", server.port), rate=0.5, seed=11, max_delay=0.2, cycle=True).start()
    try:
        a, c, m = _device(make_device, "a", "lan", "PA23LN0003001", proxy.url)
        reports = []
        for k in range(8):  # faults strike new connections: every sync opens its own
            add_readings(a, m.id, 70)
            customers.update_customer(a, c.id, name=f"Khách đổi lần {k + 1}")
            if k % 2 == 0:
                continue  # two rounds of work per sync: the edits wait in the outbox between readings
            for _ in range(80):
                rep = sync.sync_now(a, batch=Batcher(start=40, low=10, high=40), **FAST)
                reports.append(rep)
                if rep.ok:
                    break
            assert reports[-1].ok, reports[-1]
        outbox = [r[0] for r in a.store.query("SELECT op_id FROM outbox ORDER BY seq")]
    finally:
        proxy.stop()
    assert sum(r.pipelined for r in reports) >= 5  # it really had two batches in flight
    for fault in FAULTS:
        assert proxy.stats.counts[fault] > 0, f"fault {fault} never happened: {proxy.stats.counts}"
    n_ops, n_facts, ids = _server_counts(central)
    assert ids == set(outbox) and n_ops == len(outbox)  # every operation once
    assert n_facts == 8 * 70
    assert a.store.query("SELECT DISTINCT state FROM outbox") == [("sent",)]
    with central.read() as conn:
        row = conn.execute(select(t.customers.c.data, t.customers.c.version, t.customers.c.conflict)
                           .where(t.customers.c.id == c.id)).one()
    data = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    assert data["name"] == "Khách đổi lần 8" and row[1] == 9 and not row[2]  # in order: no conflict


def _signed_body(engine: SyncEngine, rows: list[Any], **extra: Any) -> dict[str, Any]:
    with engine.store.lock:
        usernames = {str(r[0]): str(r[1]) for r in engine.store.conn.execute("SELECT id, username FROM users")}
    ops = [signing.encode_op(r, usernames, {}) for r in rows]
    assert engine.signer is not None
    return signing.sign_batch(ops, engine.username, engine.signer, engine.store.device_id) | extra


def test_a_batch_that_arrives_before_the_one_it_follows_is_held_then_applied_after_it(
        make_device, central, server, add_readings):
    a, _, m = _device(make_device, "a", "lan", "PA23LN0003002")
    sync.sync_now(a)
    add_readings(a, m.id, 20)
    rows = a.store.query(f"SELECT {signing.OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY seq")
    first, second = rows[:10], rows[10:]
    engine = SyncEngine(a.store, a.attachments, "lan", signer=a.profile.signing_key)
    engine._prove_server()
    got: dict[str, Any] = {}

    def send_second() -> None:
        body = _signed_body(engine, second, after=str(first[-1][1]))
        got["second"] = engine.transport.request("POST", "/v1/push", json_body=body, signed=True)
        got["second_at"] = time.monotonic()

    sender = threading.Thread(target=send_second)
    sender.start()  # the later batch goes first
    time.sleep(0.4)
    n_ops, _, _ = _server_counts(central)
    assert n_ops == 2  # the customer and meter of the first sync: the later batch is held, not applied
    ex = engine.transport.request("POST", "/v1/push", json_body=_signed_body(engine, first), signed=True)
    first_at = time.monotonic()
    sender.join(10)
    assert [r["status"] for r in ex.body["results"]] == ["applied"] * 10
    assert [r["status"] for r in got["second"].body["results"]] == ["applied"] * 10
    assert got["second_at"] >= first_at - 0.05 and got["second"].body["ordered"] is True
    with central.read() as conn:  # applied in order: the held batch's operations come after
        at = dict(conn.execute(select(t.ops.c.op_id, t.ops.c.at)).all())
    assert max(at[str(r[1])] for r in first) <= min(at[str(r[1])] for r in second)
    engine.transport.close()


def test_a_batch_whose_predecessor_never_comes_is_refused_out_of_order_and_nothing_is_applied(
        make_device, central, server, add_readings, monkeypatch):
    monkeypatch.setattr(turns, "HOLD_S", 0.3)
    a, _, m = _device(make_device, "a", "lan", "PA23LN0003003")
    sync.sync_now(a)
    add_readings(a, m.id, 5)
    rows = a.store.query(f"SELECT {signing.OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY seq")
    engine = SyncEngine(a.store, a.attachments, "lan", signer=a.profile.signing_key)
    engine._prove_server()
    for after in ("0190aaaa-0000-7000-8000-000000000000",  # never sent
                  "bogus id with spaces"):  # not an id at all: refused by the schema
        with pytest.raises(ServerRefused) as err:
            engine.transport.request("POST", "/v1/push", json_body=_signed_body(engine, rows, after=after),
                                     signed=True)
        assert err.value.status in (409, 422)
    assert err.value.status == 422
    n_ops, _, _ = _server_counts(central)
    assert n_ops == 2
    # Another device's operation does not open the turn for this one either.
    b, _, _ = _device(make_device, "b", "mai", "PA23LN0003004")
    sync.sync_now(b)
    b_op = b.store.query("SELECT op_id FROM outbox LIMIT 1")[0][0]
    with pytest.raises(ServerRefused) as err:
        engine.transport.request("POST", "/v1/push", json_body=_signed_body(engine, rows, after=b_op), signed=True)
    assert err.value.status == 409 and "out_of_order" in str(err.value)
    # The engine itself recovers from a refusal: the batch goes again without `after` once its
    # predecessor has an answer (here: the whole outbox syncs).
    assert sync.sync_now(a).ok
    assert a.store.query("SELECT DISTINCT state FROM outbox") == [("sent",)]
    engine.transport.close()


def test_push_answer_carries_the_first_pull_page_one_round_trip_fewer(make_device, central, server, add_readings):
    a, _, ma = _device(make_device, "a", "lan", "PA23LN0003005")
    b, _, mb = _device(make_device, "b", "mai", "PA23LN0003006")
    assert sync.sync_now(a).ok and sync.sync_now(b).ok and sync.sync_now(a).ok
    add_readings(a, ma.id, 30)
    assert sync.sync_now(a).ok
    add_readings(b, mb.id, 3)
    link = LinkEmulator(("127.0.0.1", server.port), bandwidth=1e9, rtt=0.0).start()
    try:
        sync.configure(b, link.url)
        rep = sync.sync_now(b)
        add_readings(a, ma.id, 30)
        assert sync.sync_now(a).ok
        add_readings(b, mb.id, 3)
        before = sync.sync_now(b, pull_with_push=False)  # the protocol as it was: a pull of its own
    finally:
        link.stop()
    assert rep.ok and rep.pushed == 3
    assert rep.pulled == rep.pulled_with_push == 30  # a's readings came in the push's answer
    # one push, sealed to the pinned key (its answer is the server's proof: no hello), no GET /v1/changes
    assert rep.requests == 1 and rep.sealed == 1
    assert before.ok and before.pushed == 3 and before.pulled == 30 and before.pulled_with_push == 0
    assert before.requests == 2  # the sealed push and a pull of its own
    assert len(b.store.query("SELECT id FROM readings")) == 66
    # More than one page: the rest comes with ordinary pulls.
    add_readings(a, ma.id, 60)
    assert sync.sync_now(a).ok
    add_readings(b, mb.id, 1)
    sync.configure(b, server.url)
    engine = SyncEngine(b.store, b.attachments, "mai", signer=b.profile.signing_key)
    engine.pull_batch = Batcher(start=20, low=20, high=20)
    engine.run()
    assert engine.report.ok and engine.report.pulled == 60 and 0 < engine.report.pulled_with_push < 60
    assert len(b.store.query("SELECT id FROM readings")) == 127


def _old_client(tmp_path: Path) -> Any:
    """The sync client as it was before pipelining (fieldkit/sync/client.py at the commit before the
    split), loaded as its own module over today's transport, signing and apply modules."""
    base = subprocess.run(["git", "log", "--format=%H", "-1", "--grep=^Sync client split by concern", "--",
                           "fieldkit/sync/client.py"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    got = subprocess.run(["git", "show", f"{base}~1:fieldkit/sync/client.py"], cwd=ROOT, capture_output=True,
                         text=True) if base else None
    old = got.stdout if got is not None and got.returncode == 0 else ""
    if "class SyncEngine" not in old or "def push(self)" not in old:
        pytest.skip("the pre-pipelining client is not in this checkout's history")
    path = tmp_path / "old_sync_client.py"
    path.write_text(old, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_sync_client", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_sync_client"] = module
    spec.loader.exec_module(module)
    return module


def test_an_older_client_syncs_with_this_server_as_before(make_device, central, server, add_readings, tmp_path):
    old = _old_client(tmp_path)
    a, _, ma = _device(make_device, "a", "lan", "PA23LN0003007")
    b, _, mb = _device(make_device, "b", "mai", "PA23LN0003008")
    assert sync.sync_now(b).ok
    add_readings(a, ma.id, 250)
    add_readings(b, mb.id, 7)
    assert sync.sync_now(b).ok
    engine = old.SyncEngine(a.store, a.attachments, "lan", signer=a.profile.signing_key,
                            batch=Batcher(start=100, high=100))
    rep = engine.run()
    engine.transport.close()
    assert rep.ok and rep.pushed == 252 and rep.applied == 252 and rep.rejected == 0
    assert rep.pulled >= 7 + 1  # b's readings and meter (and the team's records), by the old separate pull
    assert len(a.store.query("SELECT id FROM readings")) == 257
    n_ops, n_facts, _ = _server_counts(central)
    assert n_facts == 257
    assert a.store.query("SELECT DISTINCT state FROM outbox") == [("sent",)]


def test_encode_body_is_the_same_json_as_the_standard_encoder():
    body = {"ops": [{"op_id": "x", "payload": {"name": "Nguyễn Văn Bền", "n": 12345678901234567, "f": 0.1,
                                               "z": None, "t": True, "l": [1, "2"]}}], "sigs": []}
    assert json.loads(encode_body(body)) == body


@pytest.mark.parametrize("where", ["up", "down"])
def test_a_sync_whose_line_dies_with_two_batches_in_flight_resumes_exactly_once(
        make_device, central, server, add_readings, where):
    """The line goes for good part-way through a pipelined push (mid-request or mid-answer): the sync
    fails, with some batches answered and some perhaps applied but unanswered; the next sync sends the
    rest and the unanswered again, and every operation is applied once, the edits in order."""
    proxy = FaultProxy(("127.0.0.1", server.port), rate=0.0).start()
    try:
        a, c, m = _device(make_device, "a", "lan", "PA23LN0003009", proxy.url)
        assert sync.sync_now(a).ok
        for k in range(4):
            add_readings(a, m.id, 60)
            customers.update_customer(a, c.id, name=f"Tên lần {k + 1}")
        outbox = [r[0] for r in a.store.query("SELECT op_id FROM outbox ORDER BY seq")]
        if where == "up":
            proxy.cut_after_up_bytes = 9_000
        else:
            proxy.cut_after_down_bytes = 1_500
        failed = sync.sync_now(a, batch=Batcher(start=30, low=30, high=30), max_retries=1, backoff_base=0.01,
                               backoff_cap=0.02)
        assert not failed.ok and "not reachable" in (failed.error or "")
        assert failed.pipelined >= 1
        sent_before = a.store.query("SELECT count(*) FROM outbox WHERE state = 'sent'")[0][0]
        assert 0 < sent_before < len(outbox)
        proxy.cut_after_up_bytes = None
        proxy.cut_after_down_bytes = None
        again = sync.sync_now(a, batch=Batcher(start=30, low=30, high=30))
    finally:
        proxy.stop()
    assert again.ok, again
    if where == "down":
        assert again.replayed > 0  # applied batches whose answers were lost came back as replays
    n_ops, n_facts, ids = _server_counts(central)
    assert ids == set(outbox) and n_ops == len(outbox) and n_facts == 240
    assert a.store.query("SELECT DISTINCT state FROM outbox") == [("sent",)]
    with central.read() as conn:
        row = conn.execute(select(t.customers.c.data, t.customers.c.version, t.customers.c.conflict)
                           .where(t.customers.c.id == c.id)).one()
    data = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    assert data["name"] == "Tên lần 4" and row[1] == 5 and not row[2]
