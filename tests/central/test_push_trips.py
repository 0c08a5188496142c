"""A push's round trips (central/routes_sync.py push_now): the device token is checked inside the
write transaction (signatures.check_token), so a token revoked while a pipelined push waits for
its turn applies nothing; on PostgreSQL a plain push takes one pooled connection and no pre-ping,
and a pooled connection found dead (the database restarted, a backend was terminated) costs no
push its answer and applies no operation twice. Real server on loopback, real databases."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
import requests
from sqlalchemy import event, func, insert, select
from test_batch_apply import _customer_and_meter
from test_push import reading_op

from fieldkit.central import admin, people, signatures, turns
from fieldkit.central import schema as t
from fieldkit.domain import signing
from fieldkit.domain.ids import new_id


def _stored(db: Any, ops: list[dict[str, Any]]) -> dict[str, int]:
    """How many rows each table holds for these operations."""
    ids = [o["op_id"] for o in ops]
    fids = [o["entity_id"] for o in ops]
    with db.read() as conn:
        return {"ops": conn.execute(select(func.count()).select_from(t.ops).where(t.ops.c.op_id.in_(ids))).scalar_one(),
                "facts": conn.execute(select(func.count()).select_from(t.facts)
                                      .where(t.facts.c.id.in_(fids))).scalar_one(),
                "changes": conn.execute(select(func.count()).select_from(t.changes)
                                        .where(t.changes.c.entity_id.in_(fids))).scalar_one(),
                "audit": conn.execute(select(func.count()).select_from(t.audit)
                                      .where(t.audit.c.op_id.in_(ids))).scalar_one()}


def _post(world: Any, body: dict[str, Any], device: str = "d1") -> requests.Response:
    d = world.devices[device]
    return d.http.post(world.url + "/v1/push", json=body, timeout=30, headers={"Authorization": f"Bearer {d.token}"})


def _wait(condition: Any, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come"
        time.sleep(0.01)


def test_a_token_revoked_while_a_pipelined_push_waits_applies_nothing(world):
    _cid, mid = _customer_and_meter(world)
    d = world.devices["d1"]
    earlier = new_id()  # the batch before: not here yet, so this one is held for its turn
    ops = [reading_op(mid, i) for i in range(12)]
    body = d.sign("lan", ops) | {"after": earlier}
    got: list[requests.Response] = []
    pushing = threading.Thread(target=lambda: got.append(_post(world, body)))
    pushing.start()
    _wait(lambda: d.device_id in turns._devices)  # held, its token seen
    assert admin.revoke(world.db, d.device_id)
    with world.db.write() as (conn, _):  # the earlier batch lands (another worker), then its turn comes
        conn.execute(insert(t.ops).values(op_id=earlier, device_id=d.device_id, entity="reading", entity_id=earlier,
                                          action="append", status="applied", result="{}", at="2026-12-03"))
    turns.pushed(d.device_id)
    pushing.join(30)
    assert got and got[0].status_code == 401, got[0].text if got else "no answer"
    assert "revoked" in got[0].json()["detail"]
    assert _stored(world.db, ops) == {"ops": 0, "facts": 0, "changes": 0, "audit": 0}
    again = _post(world, d.sign("lan", [reading_op(mid, 99)]))  # and a plain push is refused the same way
    assert again.status_code == 401


def test_a_bad_token_in_a_pipelined_push_is_refused_before_its_turn(world):
    _cid, mid = _customer_and_meter(world)
    d = world.devices["d1"]
    ops = [reading_op(mid, i) for i in range(3)]
    r = d.http.post(world.url + "/v1/push", json=d.sign("lan", ops) | {"after": new_id()}, timeout=30,
                    headers={"Authorization": "Bearer not-a-token"})
    assert r.status_code == 401  # at once, not after the hold (no turn is waited for a stranger)
    r = d.http.post(world.url + "/v1/push", json=d.sign("lan", ops), timeout=30)
    assert r.status_code == 401 and r.json()["detail"] == "a device token is required"
    assert _stored(world.db, ops)["ops"] == 0


def _pg_only(world: Any) -> None:
    if world.db.is_sqlite:
        pytest.skip("PostgreSQL's pool (SQLite has no connections to lose)")


def _trips(db: Any, monkeypatch: Any) -> dict[str, int]:
    seen = {"checkout": 0, "ping": 0, "disconnect": 0, "statement": 0}
    event.listen(db.engine.pool, "checkout", lambda *a: seen.__setitem__("checkout", seen["checkout"] + 1))
    event.listen(db.engine, "before_cursor_execute", lambda *a: seen.__setitem__("statement", seen["statement"] + 1))

    def lost(ctx: Any) -> None:
        if ctx.is_disconnect:
            seen["disconnect"] += 1

    event.listen(db.engine, "handle_error", lost)
    ping = db.engine.dialect.do_ping

    def counted(conn: Any) -> bool:
        seen["ping"] += 1
        return bool(ping(conn))

    monkeypatch.setattr(db.engine.dialect, "do_ping", counted)
    return seen


def _terminate_backends(db: Any) -> int:
    """Every server connection of the test database dies (as in a database restart)."""
    import psycopg

    url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as conn:
        killed = conn.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchone()
    return int(killed[0]) if killed else 0


def test_a_plain_push_takes_one_connection_and_no_ping(world, monkeypatch):
    _pg_only(world)
    _cid, mid = _customer_and_meter(world)
    d = world.devices["d1"]
    world.db.ping_idle_s = 3600.0  # whatever the machine's load, no connection counts as idle here
    seen = _trips(world.db, monkeypatch)
    ops = [reading_op(mid, i) for i in range(20)]
    r = _post(world, d.sign("lan", ops))
    assert r.status_code == 200 and {x["status"] for x in r.json()["results"]} == {"applied"}
    # the token was checked inside the write; statements: the token with the authors and keys, the
    # savepoint, the run with its proof (and BEGIN, COMMIT: 5 round trips)
    assert seen == {"checkout": 1, "ping": 0, "disconnect": 0, "statement": 3}
    more = [reading_op(mid, 100 + i) for i in range(20)]
    r = _post(world, d.sign("lan", more) | {"after": ops[-1]["op_id"]})  # pipelined, its turn has come
    assert r.status_code == 200 and {x["status"] for x in r.json()["results"]} == {"applied"}
    assert seen == {"checkout": 3, "ping": 0, "disconnect": 0, "statement": 7}  # its turn with the token first


def test_a_dead_pooled_connection_costs_no_answer_and_applies_nothing_twice(world, monkeypatch):
    _pg_only(world)
    _cid, mid = _customer_and_meter(world)
    d = world.devices["d1"]
    world.db.ping_idle_s = 3600.0  # not pinged: the push meets the dead connection itself
    seen = _trips(world.db, monkeypatch)
    first = [reading_op(mid, i) for i in range(15)]
    assert _terminate_backends(world.db) >= 1
    r = _post(world, d.sign("lan", first))
    assert r.status_code == 200, r.text
    assert [x["status"] for x in r.json()["results"]] == ["applied"] * 15
    assert seen["disconnect"] >= 1  # it did meet it, and ran its transaction once more
    assert _stored(world.db, first) == {"ops": 15, "facts": 15, "changes": 15, "audit": 15}
    # a pipelined push meets it at its turn's look-up
    seen["disconnect"] = 0
    assert _terminate_backends(world.db) >= 1
    second = [reading_op(mid, 100 + i) for i in range(15)]
    r = _post(world, d.sign("lan", second) | {"after": first[-1]["op_id"]})
    assert r.status_code == 200, r.text
    assert [x["status"] for x in r.json()["results"]] == ["applied"] * 15
    assert seen["disconnect"] >= 1
    # sent again (the device never saw an answer): replayed, nothing twice
    r = _post(world, d.sign("lan", first + second))
    assert {(x["status"], x.get("replay")) for x in r.json()["results"]} == {("applied", True)}
    assert _stored(world.db, first + second) == {"ops": 30, "facts": 30, "changes": 30, "audit": 30}


def test_a_connection_idle_in_the_pool_is_pinged_and_replaced(world, monkeypatch):
    _pg_only(world)
    _cid, mid = _customer_and_meter(world)
    d = world.devices["d1"]
    world.db.ping_idle_s = 0.0  # every connection counts as idle: pinged before use
    seen = _trips(world.db, monkeypatch)
    assert _terminate_backends(world.db) >= 1
    ops = [reading_op(mid, i) for i in range(10)]
    r = _post(world, d.sign("lan", ops))
    assert r.status_code == 200 and [x["status"] for x in r.json()["results"]] == ["applied"] * 10
    assert seen["ping"] >= 1 and seen["disconnect"] == 0  # the ping found it dead: no statement met it
    assert _stored(world.db, ops) == {"ops": 10, "facts": 10, "changes": 10, "audit": 10}


def _proves(db: Any, device: Any, op: dict[str, Any]) -> bool:
    """The kept proof shows `op` was signed by lan on `device`: its digest at its place, the signature good."""
    with db.read() as conn:
        got = signatures.proof(conn, op["op_id"])
        dkey = people.device_key(conn, device.device_id)
    assert got is not None, op["op_id"]
    digests = [bytes.fromhex(x) for x in got["digests"]]
    return (digests[got["position"]] == signing.op_digest(op, dkey)
            and signing.verify(got["public_key"], got["signature"], signing.batch_message(dkey, "lan", digests)))


def _batches(db: Any) -> int:
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.op_batches)).scalar_one())


def test_the_proof_kept_with_the_run_proves_each_operation_once(world):
    _cid, mid = _customer_and_meter(world)
    d = world.devices["d1"]
    ops = [reading_op(mid, i) for i in range(12)]
    before = _batches(world.db)
    r = _post(world, d.sign("lan", ops))
    assert [x["status"] for x in r.json()["results"]] == ["applied"] * 12
    assert _batches(world.db) == before + 1 and all(_proves(world.db, d, op) for op in ops)
    r = _post(world, d.sign("lan", ops))  # replayed: no proof of its own
    assert {x.get("replay") for x in r.json()["results"]} == {True}
    assert _batches(world.db) == before + 1 and all(_proves(world.db, d, op) for op in ops)
    # a run handed back (an unknown meter): applied one by one, the proof kept as before
    bad = [reading_op(mid, 50 + i) for i in range(10)]
    bad[4]["payload"]["meter_id"] = new_id()
    r = _post(world, d.sign("lan", bad))
    statuses = [x["status"] for x in r.json()["results"]]
    assert statuses[4] == "rejected" and statuses.count("applied") == 9
    assert _batches(world.db) == before + 2
    assert all(_proves(world.db, d, op) for op in bad)  # the refusal is stored too, with its proof


def test_a_held_push_looks_at_its_turn_outside_a_transaction(db):
    """Each look of a pipelined push held for its turn is one statement: no BEGIN/ROLLBACK round trips."""
    if db.is_sqlite:
        pytest.skip("psycopg's autocommit (SQLite's driver opens no transaction for a read anyway)")
    begun: list[bool] = []
    event.listen(db.engine, "begin", lambda conn: begun.append(bool(conn.connection.dbapi_connection.autocommit)))
    assert turns.has_answer(db, new_id(), new_id()) is False
    assert begun == [True]  # SQLAlchemy's own begin, under autocommit: psycopg sends nothing
