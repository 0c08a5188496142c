"""The set-based apply as one statement on PostgreSQL (fieldkit/central/batch_apply.py): the feed keeps
the order of a push's operations whichever way each went, stored texts are the per-operation
path's, two connections applying the same run store each operation once, and the proofs and the
migration of the digests' storage. The same tests run on SQLite (executemany), except where noted."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import func, select
from test_batch_apply import _customer_and_meter, _fact, _push
from test_push import customer_op, meter_op, reading_op

from fieldkit.central import admin, batch_apply, signatures
from fieldkit.central import schema as t
from fieldkit.central.db import Database, Pending
from fieldkit.domain.ids import new_id


@pytest.fixture
def taken(monkeypatch) -> list[int]:
    """Run lengths apply_run was given: positive when it took the run, negative when it handed it back."""
    got: list[int] = []
    real = batch_apply.apply_run

    def counting(*args, **kw):
        out = real(*args, **kw)
        got.append(len(args[4]) if out is not None else -len(args[4]))
        return out

    monkeypatch.setattr(batch_apply, "apply_run", counting)
    return got


def _feed(db, entity_ids: list[str]) -> list[str]:
    """The entity ids of these changes in feed order."""
    with db.read() as conn:
        return [r[0] for r in conn.execute(select(t.changes.c.entity_id).where(
            t.changes.c.entity_id.in_(entity_ids)).order_by(t.changes.c.seq))]


def test_a_meter_and_its_readings_in_one_push_come_in_push_order(world, taken):
    cid, _mid = _customer_and_meter(world)
    mid = new_id()
    run = [reading_op(mid, i) for i in range(12)]
    ops = [meter_op(mid, cid), *run, meter_op(new_id(), cid), *[reading_op(mid, 50 + i) for i in range(9)]]
    assert _push(world, ops) == [{"status": "applied"}] * len(ops)
    assert taken == [12, 9]  # the readings set-based (the meters are not fact appends: one by one)
    assert _feed(world.db, [o["entity_id"] for o in ops]) == [o["entity_id"] for o in ops]


def test_a_new_customer_and_its_steps_in_one_push_come_in_push_order(world, taken):
    """A change of a mutable record (under the counter row) before and between runs of facts."""
    cid, cid2 = new_id(), new_id()
    steps = [_fact("onboarding_step", customer_id=cid, step="app") for _ in range(10)]
    more = [_fact("onboarding_step", customer_id=cid2, step="app") for _ in range(8)]
    ops = [customer_op(cid, "PA23LN7000001"), *steps, customer_op(cid2, "PA23LN7000002"), *more]
    assert {x["status"] for x in _push(world, ops)} == {"applied"}
    assert taken == [10, 8]
    assert _feed(world.db, [o["entity_id"] for o in ops]) == [o["entity_id"] for o in ops]


def test_a_run_before_a_mutable_change_stays_before_it(world, taken):
    cid, mid = _customer_and_meter(world)
    first = [reading_op(mid, i) for i in range(10)]
    later = [reading_op(mid, 100 + i) for i in range(10)]
    ops = [*first, customer_op(new_id(), "PA23LN7000003"), *later]
    assert {x["status"] for x in _push(world, ops)} == {"applied"}
    assert taken == [10, 10]
    assert _feed(world.db, [o["entity_id"] for o in ops]) == [o["entity_id"] for o in ops]


def test_stored_texts_are_the_per_operation_paths(world, taken):
    """Facts and feed rows hold the same data text either way (no floats in these payloads, which
    orjson spells differently): keys sorted, Vietnamese as is, the id added when the payload has none."""
    cid, mid = _customer_and_meter(world)

    def ops() -> list[dict]:
        out = [reading_op(mid, i) for i in range(9)]
        for op in out:
            op["payload"] |= {"customer_id": cid, "manual_reason": "Đồng hồ ở cột điện \"số 3\" \\ ngõ 5"}
        del out[4]["payload"]["id"]
        return out

    single, run = [], ops()
    for op in ops():
        single.append(op)
        assert _push(world, [op]) == [{"status": "applied"}]
    assert _push(world, run) == [{"status": "applied"}] * len(run)
    assert taken[-1] == len(run)

    def texts(op: dict) -> tuple[str, str]:
        with world.db.read() as conn:
            fact = conn.execute(select(t.facts.c.data).where(t.facts.c.op_id == op["op_id"])).scalar_one()
            change = conn.execute(select(t.changes.c.data).where(t.changes.c.entity_id == op["entity_id"])).scalar_one()
        return fact, change

    for a, b in zip(single, run, strict=True):
        fa, ca = texts(a)
        fb, cb = texts(b)
        assert fa == ca and fb == cb
        assert fb == fa.replace(a["entity_id"], b["entity_id"]).replace(
            json.dumps(a["payload"]["registers"], separators=(",", ":"), sort_keys=True),
            json.dumps(b["payload"]["registers"], separators=(",", ":"), sort_keys=True))
    assert json.loads(texts(run[4])[0])["id"] == run[4]["entity_id"]


def _items(world, ops: list[dict]) -> list[batch_apply.Item]:
    user = world.users["lan"]
    return [batch_apply.Item(op, user, user) for op in ops]


@pytest.mark.postgres
def test_two_connections_applying_the_same_run_store_each_operation_once(world, db_url):
    if not db_url.startswith("postgres"):
        pytest.skip("SQLite has one writer: the second waits for the whole first transaction")
    _cid, mid = _customer_and_meter(world)
    device, team = world.devices["d1"].device_id, admin.team_id_of(world.db, "T1")
    run = [reading_op(mid, i) for i in range(50)]
    second: list[list[dict]] = []
    began = threading.Event()
    from fieldkit.central.apply import _seen

    def replayed(c, ids):
        return _seen(c, team, ids)

    with world.db.write() as (a, pending_a):
        got_a = batch_apply.apply_run(a, pending_a, device, team, _items(world, run), replayed)
        assert got_a == [{"status": "applied"}] * 50

        def other() -> None:
            with world.db.write() as (b, pending_b):
                began.set()  # waits on a's uncommitted op ids, then finds them stored
                out = batch_apply.apply_run(b, pending_b, device, team, _items(world, run), replayed)
                assert out is not None
                second.append(out)
                assert pending_b.rows == []

        th = threading.Thread(target=other)
        th.start()
        assert began.wait(10)
        th.join(0.5)
        assert th.is_alive()  # b is waiting for a's commit
    th.join(30)
    assert second and all(r == {"status": "applied", "replay": True} for r in second[0])
    with world.db.read() as conn:
        for table, column, ids in ((t.ops, t.ops.c.op_id, [o["op_id"] for o in run]),
                                   (t.facts, t.facts.c.op_id, [o["op_id"] for o in run]),
                                   (t.audit, t.audit.c.op_id, [o["op_id"] for o in run]),
                                   (t.changes, t.changes.c.entity_id, [o["entity_id"] for o in run])):
            assert conn.execute(select(func.count()).select_from(table).where(column.in_(ids))).scalar_one() == 50


def test_a_fact_id_stored_under_another_op_id_hands_the_run_back_and_leaves_nothing(world):
    _cid, mid = _customer_and_meter(world)
    device, team = world.devices["d1"].device_id, admin.team_id_of(world.db, "T1")
    earlier = reading_op(mid, 1)
    assert _push(world, [earlier]) == [{"status": "applied"}]
    run = [reading_op(mid, i) for i in range(10)]
    run[6]["entity_id"] = run[6]["payload"]["id"] = earlier["entity_id"]  # another op id, the same reading id
    before = _counts(world.db)
    with world.db.write() as (conn, pending):
        pending.rows.append({"team_id": team, "entity": "meter", "entity_id": new_id(), "origin_device": device,
                             "data": "{}"})  # an earlier change of the same transaction stays
        assert batch_apply.apply_run(conn, pending, device, team, _items(world, run), lambda c, o: {}) is None
        assert len(pending.rows) <= 1
    after = _counts(world.db)
    assert {k: after[k] - before[k] for k in after} == {"ops": 0, "facts": 0, "audit": 0, "changes": 1}


def _counts(db) -> dict[str, int]:
    with db.read() as conn:
        return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("ops", t.ops), ("facts", t.facts), ("audit", t.audit), ("changes", t.changes))}


def test_proofs_are_kept_once_for_the_operations_stored(world):
    _cid, mid = _customer_and_meter(world)
    run = [reading_op(mid, i) for i in range(20)]
    assert _push(world, run[:5]) == [{"status": "applied"}] * 5
    got = _push(world, run)  # 5 replays, 15 new
    assert [bool(x.get("replay")) for x in got] == [True] * 5 + [False] * 15
    with world.db.read() as conn:
        batches = conn.execute(select(t.op_batches.c.id, t.op_batches.c.digests).order_by(t.op_batches.c.id)).all()
    with world.db.read() as conn:
        first = signatures.proof(conn, run[0]["op_id"])
        second = signatures.proof(conn, run[10]["op_id"])
        n = conn.execute(select(func.count()).select_from(t.op_proofs).where(
            t.op_proofs.c.op_id.in_([o["op_id"] for o in run]))).scalar_one()
    assert n == 20
    assert first is not None and second is not None
    assert first["position"] == 0 and len(first["digests"]) == 5  # the first push's proof stays
    assert second["position"] == 10 and len(second["digests"]) == 20
    assert [len(str(b[1]).split(",")) for b in batches[-2:]] == [5, 20]


def test_digests_are_stored_without_compression_on_postgresql(db_url):
    if not db_url.startswith("postgres"):
        pytest.skip("PostgreSQL's column storage")
    db = Database(db_url)
    try:
        db.create_all()
        with db.write() as (conn, _):  # as an older database made it
            conn.exec_driver_sql("ALTER TABLE op_batches ALTER COLUMN digests SET STORAGE EXTENDED")
        db.create_all()
        db.create_all()  # twice: nothing changes the second time
        with db.read() as conn:
            storage = conn.exec_driver_sql("SELECT attstorage FROM pg_attribute WHERE attrelid = 'op_batches'::regclass "
                                           "AND attname = 'digests'").scalar_one()
        assert storage == "e"
    finally:
        db.dispose()


def test_pending_rows_stay_for_the_end_of_the_transaction_on_sqlite(db_url, world):
    """SQLite numbers at the end of the transaction, in commit order: the run's rows go to Pending."""
    if db_url.startswith("postgres"):
        pytest.skip("SQLite's way")
    _cid, mid = _customer_and_meter(world)
    device, team = world.devices["d1"].device_id, admin.team_id_of(world.db, "T1")
    run = [reading_op(mid, i) for i in range(10)]
    with world.db.write() as (conn, pending):
        assert isinstance(pending, Pending)
        assert batch_apply.apply_run(conn, pending, device, team, _items(world, run), lambda c, o: {}) is not None
        assert [r["entity_id"] for r in pending.rows] == [o["entity_id"] for o in run]


def test_a_replayed_run_is_answered_from_one_look_up(world):
    """A device retrying a push after a timeout sends the whole batch again: its answers come from
    one query, not two per operation."""
    from sqlalchemy import event

    _cid, mid = _customer_and_meter(world)
    run = [reading_op(mid, i) for i in range(300)]
    first = _push(world, run)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(world.db.engine, "before_cursor_execute", seen)
    try:
        again = _push(world, run)
    finally:
        event.remove(world.db.engine, "before_cursor_execute", seen)
    assert [x.pop("replay") for x in again] == [True] * 300 and again == first
    looked_up = [s for s in statements if "ops.result" in s]
    assert len(looked_up) == 1, looked_up
