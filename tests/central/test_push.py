"""Push semantics on the server: at-most-once per operation id, answers per operation, replays."""

from __future__ import annotations

import threading
import uuid

from sqlalchemy import func, select

from fieldkit.central import schema as t
from fieldkit.domain.ids import new_id


def customer_op(cid: str, code: str, name: str = "Nguyễn Văn An", phone: str = "0988000111") -> dict:
    return {"op_id": new_id(), "entity": "customer", "entity_id": cid, "action": "create",
            "payload": {"id": cid, "code": code, "name": name, "phone": phone, "households": 1, "version": 1},
            "device_time": "2025-09-01T08:00:00+07:00"}


def meter_op(mid: str, cid: str) -> dict:
    return {"op_id": new_id(), "entity": "meter", "entity_id": mid, "action": "create",
            "payload": {"id": mid, "serial": "VSE11-123", "customer_id": cid, "phases": 1}}


def reading_op(mid: str, value: int) -> dict:
    rid = new_id()
    return {"op_id": new_id(), "entity": "reading", "entity_id": rid, "action": "append",
            "payload": {"id": rid, "meter_id": mid, "taken_at": "2025-09-01T08:00:00+07:00", "source": "optical",
                        "registers": {"1.8.0": {"value": str(value), "unit": "kWh"}}}}


def counts(db) -> dict[str, int]:
    with db.read() as conn:
        return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("ops", t.ops), ("facts", t.facts), ("customers", t.customers),
                                    ("changes", t.changes), ("audit", t.audit), ("versions", t.customer_versions))}


def test_batch_answers_per_operation_and_replay_changes_nothing(world):
    cid, mid = new_id(), new_id()
    ops = [customer_op(cid, "PA23LN0000001"), meter_op(mid, cid), *[reading_op(mid, 100 + i) for i in range(5)],
           reading_op(str(uuid.uuid4()), 1),  # unknown meter: rejected, the rest goes on
           customer_op(new_id(), "PA23LN0000001"),  # same code, another id: rejected
           {"op_id": new_id(), "entity": "spaceship", "entity_id": "x", "action": "launch", "payload": {}}]
    r1 = world.call("POST", "/v1/push", "d1", "lan", json={"ops": ops})
    assert r1.status_code == 200, r1.text
    first = r1.json()["results"]
    assert [x["status"] for x in first] == ["applied"] * 7 + ["rejected"] * 3
    assert "unknown meter" in first[7]["reason"]
    assert "already exists" in first[8]["reason"]
    assert first[9]["code"] == "unknown_operation" and first[9]["params"] == {"entity": "spaceship",
                                                                               "action": "launch"}
    before = counts(world.db)

    r2 = world.call("POST", "/v1/push", "d1", "lan", json={"ops": ops})
    second = r2.json()["results"]
    assert all(x.pop("replay") is True for x in second)
    assert second == first
    assert counts(world.db) == before


def test_concurrent_duplicate_batches_apply_once(world):
    cid, mid = new_id(), new_id()
    world.call("POST", "/v1/push", "d1", "lan", json={"ops": [customer_op(cid, "PA23LN0000002"), meter_op(mid, cid)]})
    ops = [reading_op(mid, i) for i in range(200)]
    answers: list[list[dict]] = []

    def push() -> None:
        r = world.call("POST", "/v1/push", "d1", "lan", json={"ops": ops})
        answers.append(r.json()["results"])

    threads = [threading.Thread(target=push) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(answers) == 4
    with world.db.read() as conn:
        assert conn.execute(select(func.count()).select_from(t.facts).where(t.facts.c.entity == "reading")) \
            .scalar_one() == 200
        applied_audit = conn.execute(select(func.count()).select_from(t.audit).where(
            t.audit.c.op_id.in_([o["op_id"] for o in ops]))).scalar_one()
    assert applied_audit == 200
    # Exactly one of the four applied each op for the first time; the others got replays of it.
    for i in range(200):
        firsts = [a[i] for a in answers if not a[i].get("replay")]
        assert len(firsts) == 1 and firsts[0]["status"] == "applied"


def test_change_feed_is_ordered_and_scoped(world):
    cid, mid = new_id(), new_id()
    world.call("POST", "/v1/push", "d1", "lan",
               json={"ops": [customer_op(cid, "PA23LN0000003"), meter_op(mid, cid), reading_op(mid, 7)]})
    own = world.call("GET", "/v1/changes", "d1", "lan", params={"since": 0}).json()
    other = world.call("GET", "/v1/changes", "d1b", "lan", params={"since": 0}).json()
    team2 = world.call("GET", "/v1/changes", "d2", "minh", params={"since": 0}).json()
    seqs = [c["seq"] for c in other["changes"]]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert {c["entity"] for c in other["changes"]} >= {"customer", "meter", "reading", "user"}
    # A device does not get back the field facts it pushed itself, but its cursor moves past them.
    assert {c["entity"] for c in own["changes"]} & {"meter", "reading"} == set()
    assert own["next"] == other["next"]
    assert {c["data"]["username"] for c in team2["changes"] if c["entity"] == "user"} == {"minh", "tuan"}
    assert not [c for c in team2["changes"] if c["id"] in (cid, mid)]
    # Paging: small limits walk the same feed.
    walked, since = [], 0
    while True:
        page = world.call("GET", "/v1/changes", "d1b", "lan", params={"since": since, "limit": 2}).json()
        walked += [c["seq"] for c in page["changes"]]
        since = page["next"]
        if not page["more"]:
            break
    assert walked == seqs
