"""Set-based apply of reading runs (fieldkit/central/batch_apply.py): the same rows and answers as
the per-operation path, exactly once under replays and concurrent pushes, and a run with a bad
operation falls back to the per-operation path that names it."""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from test_push import counts, customer_op, meter_op, reading_op

from fieldkit.central import batch_apply
from fieldkit.central import schema as t
from fieldkit.domain import signing
from fieldkit.domain.ids import new_id


def _meter(world, device: str = "d1", user: str = "lan", unit: str = "PA23LN") -> str:
    cid, mid = new_id(), new_id()
    code = f"{unit}{abs(hash(cid)) % 10**7:07d}"
    r = world.call("POST", "/v1/push", device, user, json={"ops": [customer_op(cid, code), meter_op(mid, cid)]})
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"], r.text
    return mid


def _push(world, ops, device: str = "d1", user: str = "lan") -> list[dict]:
    """The answers (the answer names the batch by the digest of its op ids)."""
    r = world.call("POST", "/v1/push", device, user, json={"ops": ops})
    assert r.status_code == 200, r.text
    assert r.json()["ids"] == signing.ids_digest([o["op_id"] for o in ops])
    return r.json()["results"]


def _rows(db, op_id: str) -> dict:
    """What one operation left behind, without ids and times."""
    with db.read() as conn:
        op = conn.execute(select(t.ops.c.device_id, t.ops.c.user_id, t.ops.c.entity, t.ops.c.action, t.ops.c.status,
                                 t.ops.c.result).where(t.ops.c.op_id == op_id)).one()
        fact = conn.execute(select(t.facts.c.entity, t.facts.c.team_id, t.facts.c.work_order_id)
                            .where(t.facts.c.op_id == op_id)).one()
        aud = conn.execute(select(t.audit.c.device_id, t.audit.c.user_id, t.audit.c.action, t.audit.c.entity,
                                  t.audit.c.detail).where(t.audit.c.op_id == op_id)).all()
        fid = conn.execute(select(t.facts.c.id).where(t.facts.c.op_id == op_id)).scalar_one()
        change = conn.execute(select(t.changes.c.team_id, t.changes.c.entity, t.changes.c.origin_device)
                              .where(t.changes.c.entity_id == fid)).all()
    return {"op": tuple(op), "fact": tuple(fact), "audit": [tuple(a) for a in aud], "change": [tuple(c) for c in change]}


def test_a_run_of_readings_leaves_the_same_rows_and_answers_as_one_by_one(world, monkeypatch):
    taken: list[int] = []
    real = batch_apply.apply_run

    def counting(*args, **kw):
        got = real(*args, **kw)
        taken.append(len(args[4]) if got is not None else -len(args[4]))
        return got

    monkeypatch.setattr(batch_apply, "apply_run", counting)
    mid = _meter(world)
    one = [reading_op(mid, 1) for _ in range(batch_apply.MIN_RUN - 1)]  # too short: per operation
    run = [reading_op(mid, 2) for _ in range(300)]
    assert _push(world, one) == [{"status": "applied"}] * len(one)
    before = counts(world.db)
    assert _push(world, run) == [{"status": "applied"}] * 300
    assert taken == [-7, 300]  # the short run was handed back (per operation), the long one went set-based
    after = counts(world.db)
    assert {k: after[k] - before[k] for k in after} == {"ops": 300, "facts": 300, "customers": 0, "changes": 300,
                                                       "audit": 300, "versions": 0}
    assert _rows(world.db, run[0]["op_id"]) == _rows(world.db, one[0]["op_id"])
    with world.db.read() as conn:  # the feed numbers stay dense and in push order
        seqs = [r[0] for r in conn.execute(select(t.changes.c.seq).where(t.changes.c.entity_id.in_(
            [o["entity_id"] for o in run])).order_by(t.changes.c.seq))]
        ids = [r[0] for r in conn.execute(select(t.changes.c.entity_id).where(t.changes.c.seq.in_(seqs))
                                          .order_by(t.changes.c.seq))]
    assert seqs == list(range(seqs[0], seqs[0] + 300)) and ids == [o["entity_id"] for o in run]


def test_replays_whole_and_partial_change_nothing_and_answer_as_first_time(world):
    mid = _meter(world)
    run = [reading_op(mid, i) for i in range(100)]
    first = _push(world, run[:60])
    before = counts(world.db)
    mixed = _push(world, run)  # 60 seen, 40 new
    assert [x.get("replay", False) for x in mixed] == [True] * 60 + [False] * 40
    assert all(x["status"] == "applied" for x in mixed)
    assert counts(world.db)["ops"] == before["ops"] + 40
    again = _push(world, run)
    assert all(x.pop("replay") is True for x in again) and again[:60] == first
    assert counts(world.db)["ops"] == before["ops"] + 40


def test_a_bad_operation_in_a_run_falls_back_and_only_it_is_refused(world):
    mid = _meter(world)
    other_team_meter = _meter(world, "d2", "minh", unit="PA23KB")
    taken = reading_op(mid, 5)
    assert _push(world, [taken]) == [{"status": "applied"}]
    reused = reading_op(mid, 6)  # a new op id for a reading id already stored
    reused["entity_id"] = reused["payload"]["id"] = taken["entity_id"]
    run = [reading_op(mid, i) for i in range(20)]
    run[5] = reading_op(other_team_meter, 1)  # another team's meter: unknown here
    run[12] = reused
    got = _push(world, run)
    assert [x["status"] for x in got] == ["applied"] * 5 + ["rejected"] + ["applied"] * 6 + ["rejected"] + \
        ["applied"] * 7
    assert got[5]["code"] == "unknown_record"
    with world.db.read() as conn:
        stored = conn.execute(select(func.count()).select_from(t.facts).where(
            t.facts.c.id.in_([o["entity_id"] for o in run]))).scalar_one()
    assert stored == 18 + 1  # the 18 good ones, and the reading stored before


def test_concurrent_pushes_of_the_same_run_store_each_operation_once(world):
    mid = _meter(world)
    run = [reading_op(mid, i) for i in range(400)]
    answers: list[list[dict]] = []
    go = threading.Barrier(3)

    def push(device: str) -> None:
        go.wait()
        answers.append(_push(world, run, device=device))

    threads = [threading.Thread(target=push, args=(d,)) for d in ("d1", "d1b", "d1")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(answers) == 3
    for i in range(400):  # each operation applied by exactly one of the three pushes
        assert sorted(bool(a[i].get("replay")) for a in answers) == [False, True, True]
    with world.db.read() as conn:
        n = conn.execute(select(func.count()).select_from(t.ops).where(
            t.ops.c.op_id.in_([o["op_id"] for o in run]))).scalar_one()
        f = conn.execute(select(func.count()).select_from(t.changes).where(
            t.changes.c.entity_id.in_([o["entity_id"] for o in run]))).scalar_one()
    assert n == f == 400


def test_another_teams_operation_ids_in_a_run_are_unavailable_not_replayed(world):
    t1_meter, t2_meter = _meter(world), _meter(world, "d2", "minh", unit="PA23KB")
    run = [reading_op(t1_meter, i) for i in range(20)]
    assert _push(world, run) == [{"status": "applied"}] * 20
    theirs = [reading_op(t2_meter, i) | {"op_id": o["op_id"]} for i, o in enumerate(run)]  # T1's ids, T2's meter
    got = _push(world, theirs, device="d2", user="minh")
    assert {(x["status"], x["code"]) for x in got} == {("rejected", "id_unavailable")}
    assert not any("replay" in x for x in got)  # T1's stored answers are not shown to T2
    with world.db.read() as conn:
        stored = conn.execute(select(func.count()).select_from(t.facts).where(
            t.facts.c.id.in_([o["entity_id"] for o in theirs]))).scalar_one()
    assert stored == 0


def _customer_and_meter(world, device: str = "d1", user: str = "lan", unit: str = "PA23LN") -> tuple[str, str]:
    cid, mid = new_id(), new_id()
    code = f"{unit}{abs(hash(cid)) % 10**7:07d}"
    r = world.call("POST", "/v1/push", device, user, json={"ops": [customer_op(cid, code), meter_op(mid, cid)]})
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"], r.text
    return cid, mid


def _work_order(world, device: str = "d1", user: str = "lan") -> str:
    wid = new_id()
    r = world.call("POST", "/v1/push", device, user, json={"ops": [{
        "op_id": new_id(), "entity": "work_order", "entity_id": wid, "action": "create",
        "payload": {"id": wid, "number": "LN-" + wid[-8:], "kind": "inspection"}}]})
    assert r.json()["results"][0]["status"] == "applied", r.text
    return wid


def _fact(entity: str, **payload: object) -> dict:
    fid = new_id()
    return {"op_id": new_id(), "entity": entity, "entity_id": fid, "action": "append",
            "payload": {"id": fid, **payload}, "device_time": "2025-09-01T08:00:00+07:00"}


def test_readings_with_links_installs_and_onboarding_steps_go_set_based_like_one_by_one(world, monkeypatch):
    taken: list[int] = []
    real = batch_apply.apply_run

    def counting(*args, **kw):
        got = real(*args, **kw)
        taken.append(len(args[4]) if got is not None else -len(args[4]))
        return got

    monkeypatch.setattr(batch_apply, "apply_run", counting)
    cid, mid = _customer_and_meter(world)
    wid = _work_order(world)
    first = reading_op(mid, 1)
    first["payload"] |= {"customer_id": cid, "work_order_id": wid}
    assert _push(world, [first]) == [{"status": "applied"}]  # one alone: per operation
    run = [reading_op(mid, i) for i in range(10)]
    for op in run:
        op["payload"] |= {"customer_id": cid, "work_order_id": wid, "manual_reason": "dial"}
    run[3]["payload"]["supersedes"] = first["entity_id"]
    run += [_fact("install", work_order_id=wid, customer_id=cid) for _ in range(5)]
    run += [_fact("onboarding_step", customer_id=cid, step="app") for _ in range(5)]
    before = counts(world.db)
    assert _push(world, run) == [{"status": "applied"}] * 20
    assert taken[-1] == 20  # the whole mixed run in one set-based savepoint
    after = counts(world.db)
    assert {k: after[k] - before[k] for k in ("ops", "facts", "changes", "audit")} == \
        {"ops": 20, "facts": 20, "changes": 20, "audit": 20}
    assert _rows(world.db, run[0]["op_id"]) == _rows(world.db, first["op_id"])  # work order column, audit, feed
    with world.db.read() as conn:
        kinds = dict(conn.execute(select(t.facts.c.entity, func.count()).where(
            t.facts.c.op_id.in_([o["op_id"] for o in run])).group_by(t.facts.c.entity)).all())
    assert kinds == {"reading": 10, "install": 5, "onboarding_step": 5}


def test_a_link_to_another_team_in_a_run_is_refused_alone(world):
    cid, mid = _customer_and_meter(world)
    wid = _work_order(world)
    their_cid, _their_mid = _customer_and_meter(world, "d2", "minh", unit="PA23KB")
    their_wid = _work_order(world, "d2", "minh")
    run = [reading_op(mid, i) for i in range(12)]
    for op in run:
        op["payload"] |= {"customer_id": cid, "work_order_id": wid}
    run[2]["payload"]["customer_id"] = their_cid  # another team's customer
    run[7] = _fact("install", work_order_id=their_wid)  # another team's work order
    run[9]["payload"]["supersedes"] = new_id()  # nothing to supersede
    got = _push(world, run)
    assert [x["status"] for x in got] == ["applied"] * 2 + ["rejected"] + ["applied"] * 4 + ["rejected"] + \
        ["applied"] + ["rejected"] + ["applied"] * 2
    assert {got[i]["code"] for i in (2, 7, 9)} == {"unknown_record"}
    with world.db.read() as conn:
        stored = conn.execute(select(func.count()).select_from(t.facts).where(
            t.facts.c.id.in_([o["entity_id"] for o in run]))).scalar_one()
    assert stored == 9
