"""The authorization matrix on the real server (loopback; SQLite and PostgreSQL): who may do what.

Two teams with a technician, a trainer and a supervisor each, a revoked laptop and a removed
person. Every operation kind by every role of team 1 (allowed or `role_forbidden`, the
server's matrix), every role-gated endpoint, and the forgeries: a person named in a header, a
forged op author, a signature made with a key the server does not know (a supervisor minted on
a laptop), replayed and re-signed operations, another laptop, another team, a revoked laptop, a
removed person, a role changed while offline. The table is printed (run with -s).
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy import func, select

from fieldkit.central import admin, people, signatures
from fieldkit.central import schema as t
from fieldkit.domain import signing
from fieldkit.domain.ids import new_id

ROLE_USER = {"technician": "lan", "trainer": "thu", "supervisor": "hung"}
ROWS: list[tuple[str, str, str, str]] = []  # (case, who, expected, got)


def op(entity: str, entity_id: str, action: str, payload: dict, **extra: Any) -> dict:
    return {"op_id": new_id(), "entity": entity, "entity_id": entity_id, "action": action, "payload": payload,
            "device_time": "2026-12-03T08:00:00+07:00"} | extra


def one(r: Any) -> dict:
    assert r.status_code == 200, r.text[:300]
    return r.json()["results"][0]


def record(case: str, who: str, expected: str, res: dict) -> None:
    got = res["status"] if res["status"] != "rejected" else f"rejected:{res.get('code')}"
    ROWS.append((case, who, expected, got))
    assert got == expected, (case, who, res)


def counts(db: Any) -> tuple[int, int, int]:
    with db.read() as conn:
        return tuple(conn.execute(select(func.count()).select_from(x)).scalar_one()  # type: ignore[return-value]
                     for x in (t.ops, t.changes, t.work_order_versions))


class Team1:
    """Records of team 1 made by its own people, for the cases to act on."""

    def __init__(self, m: Any):
        self.m = m
        self.customer, self.meter = new_id(), new_id()
        res = m.push("d1", "lan", [
            op("customer", self.customer, "create", {"id": self.customer, "code": "PA23LN0000001", "name": "Khách"}),
            op("meter", self.meter, "create", {"id": self.meter, "serial": "LN-1", "customer_id": self.customer})])
        assert [x["status"] for x in res.json()["results"]] == ["applied", "applied"], res.text

    def work_order(self, kind: str = "inspection", done: bool = False) -> str:
        wid = new_id()
        ops = [op("work_order", wid, "create", {"id": wid, "number": "LN-" + wid[-8:], "kind": kind,
                                                 "customer_id": self.customer})]
        assert one(self.m.push("d1", "hung", ops))["status"] == "applied"
        if done:
            assert one(self.m.push("d1", "lan", [op("work_order", wid, "status", {"id": wid, "state": "done"},
                                                    base_version=1)]))["status"] == "applied"
        return wid

    def conflict(self) -> str:
        cid = new_id()
        code = "PA23LN" + str(int(cid[-6:], 16) % 10**7).zfill(7)
        self.m.push("d1", "lan", [op("customer", cid, "create", {"id": cid, "code": code, "name": "A"})])
        self.m.push("d1", "lan", [op("customer", cid, "update", {"id": cid, "name": "B"}, base_version=1)])
        res = one(self.m.push("d1", "lan", [op("customer", cid, "update", {"id": cid, "phone": "0912000009"},
                                               base_version=1)]))
        assert res["status"] == "conflict"
        return str(res["conflict"])

    def case(self, kind: tuple[str, str], role: str) -> dict:
        entity, action = kind
        if kind == ("customer", "create"):
            cid = new_id()
            return op(entity, cid, action, {"id": cid, "code": "PA23LN" + str(int(cid[-6:], 16) % 10**7).zfill(7),
                                             "name": "Khách mới"})
        if kind == ("customer", "update"):
            return op(entity, self.customer, action, {"id": self.customer, "name": f"Khách ({role})"})
        if kind == ("work_order", "create"):
            wid = new_id()
            return op(entity, wid, action, {"id": wid, "number": "LN-" + wid[-8:], "kind": "inspection",
                                             "state": "approved"})  # the state is the server's: "assigned"
        if kind == ("work_order", "status"):
            wid = self.work_order("onboarding" if role == "trainer" else "inspection")
            return op(entity, wid, action, {"id": wid, "state": "in_progress"}, base_version=1)
        if kind == ("work_order", "reassign"):  # an open order given to a technician of the team
            wid = self.work_order()
            return op(entity, wid, action, {"id": wid, "assignee_id": self.m.world.users["lan"]}, base_version=1)
        if action in ("approve", "return"):
            wid = self.work_order(done=True)
            state = "approved" if action == "approve" else "returned"
            return op(entity, wid, action, {"id": wid, "state": state, "comment": "chụp lại"}, base_version=2)
        if kind == ("meter", "create"):
            mid = new_id()
            return op(entity, mid, action, {"id": mid, "serial": "S-" + mid[-6:], "customer_id": self.customer})
        if kind == ("reading", "append"):
            rid = new_id()
            return op(entity, rid, action, {"id": rid, "meter_id": self.meter, "taken_at": "2026-12-03T08:00:00+07:00",
                                             "source": "manual", "registers": {"1.8.0": {"value": "5", "unit": "kWh"}}})
        if kind == ("install", "append"):
            iid = new_id()
            return op(entity, iid, action, {"id": iid, "work_order_id": self.work_order()})
        if kind == ("onboarding_step", "append"):
            sid = new_id()
            return op(entity, sid, action, {"id": sid, "customer_id": self.customer, "step": "app"})
        if kind == ("attachment", "create"):
            sha = hashlib.sha256(new_id().encode()).hexdigest()
            return op(entity, sha, action, {"sha256": sha, "size": 10, "mime": "image/jpeg", "kind": "photo"})
        assert kind == ("conflict", "resolve")
        cid = self.conflict()
        return op(entity, cid, action, {"id": int(cid), "note": "đã xem"})


def test_every_operation_kind_by_every_role_and_every_forgery(matrix, db):
    m = matrix
    team1 = Team1(m)

    # --- every operation kind x every role of team 1: the server's matrix, signed by the real person ---
    for kind in sorted(signatures.MATRIX):
        for role, user in ROLE_USER.items():
            allowed = signatures.allowed(*kind, role)
            res = one(m.push("d1", user, [team1.case(kind, role)]))
            record(f"{kind[0]}/{kind[1]}", f"{role} ({user})", "applied" if allowed else "rejected:role_forbidden",
                   res)
    # The state of a new work order is the server's, whatever the payload says.
    wid = new_id()
    one(m.push("d1", "hung", [op("work_order", wid, "create", {"id": wid, "number": "LN-S1", "kind": "inspection",
                                                               "state": "approved"})]))
    got = m.world.call("GET", f"/v1/work-orders/{wid}", "d1", "hung").json()["data"]["state"]
    ROWS.append(("work_order/create with state 'approved'", "supervisor (hung)", "state assigned", f"state {got}"))
    assert got == "assigned"
    # A trainer moves onboarding work orders only; "status" cannot approve.
    record("work_order/status of an inspection", "trainer (thu)", "rejected:role_forbidden",
           one(m.push("d1", "thu", [op("work_order", team1.work_order(), "status", {"state": "in_progress"},
                                       base_version=1)])))
    done = team1.work_order(done=True)
    record("work_order/status to approved", "supervisor (hung)", "rejected:role_forbidden",
           one(m.push("d1", "hung", [op("work_order", done, "status", {"state": "approved"}, base_version=2)])))

    # --- forgeries -----------------------------------------------------------------------------
    before = counts(db)
    target = team1.work_order(done=True)
    before = counts(db)
    approve = op("work_order", target, "approve", {"id": target, "state": "approved"}, base_version=2)
    d1 = m.world.devices["d1"]

    # A person named in a header: the old X-FK-User trick. The operation names no author, no signature.
    bare = {k: v for k, v in approve.items()}
    record("approve, no author, X-FK-User: hung", "lan's laptop", "rejected:unsigned",
           one(m.push("d1", "lan", [bare], sigs=[], headers={"X-FK-User": "hung"})))
    # The op names hung as author but lan signs the batch (lan has no hung key).
    forged = approve | {"actor": "hung"}
    lan_sig = signing.sign(d1.keys["lan"], signing.batch_message(d1.device_id, "hung",
                                                                 [signing.op_digest(forged, d1.device_id)]))
    record("approve, actor hung, signed by lan", "lan", "rejected:bad_signature",
           one(m.push("d1", "lan", [forged], sigs=[{"actor": "hung", "sig": lan_sig}])))
    # A supervisor minted on a laptop: a key the server never registered for hung.
    minted = signing.new_private_key()
    minted_sig = signing.sign(minted, signing.batch_message(d1.device_id, "hung",
                                                            [signing.op_digest(forged, d1.device_id)]))
    record("approve by a locally minted 'hung' key", "lan's laptop", "rejected:bad_signature",
           one(m.push("d1", "lan", [forged], sigs=[{"actor": "hung", "sig": minted_sig}])))
    record("approve by a minted 'hung' on a laptop hung never joined", "drev", "rejected:key_not_registered",
           one(m.push("drev", "lan", [forged | {"op_id": new_id()}], sigs=[{"actor": "hung", "sig": minted_sig}])))
    record("approve by a user the server does not know ('boss')", "lan's laptop", "rejected:unknown_user",
           one(m.push("d1", "lan", [approve | {"actor": "boss", "op_id": new_id()}],
                      sigs=[{"actor": "boss", "sig": minted_sig}])))
    assert counts(db) == before  # none of it stored, not even as an answer
    # The real supervisor, once: applied. The same op again: a replay, nothing changes.
    signed_body = d1.sign("hung", [dict(approve)])
    record("approve by hung, signed", "hung", "applied", one(m.push("d1", "hung", [], sigs=signed_body["sigs"]
                                                                    ) if False else
                                                             d1.http.post(m.world.url + "/v1/push", json=signed_body,
                                                                          headers={"Authorization": f"Bearer {d1.token}"},
                                                                          timeout=30)))
    after = counts(db)
    again = d1.http.post(m.world.url + "/v1/push", json=signed_body, headers={"Authorization": f"Bearer {d1.token}"},
                         timeout=30).json()["results"][0]
    ROWS.append(("the same signed approve again", "hung", "replay, no change",
                 f"replay={again.get('replay')}, change={counts(db) != after}"))
    assert again.get("replay") is True and counts(db) == after
    # Re-signed: hung's signature moved to another op id / another payload / another laptop.
    moved = dict(signed_body["ops"][0]) | {"op_id": new_id()}
    record("hung's signature on a new op id", "lan's laptop", "rejected:bad_signature",
           one(m.push("d1", "lan", [moved], sigs=signed_body["sigs"])))
    changed = dict(signed_body["ops"][0]) | {"op_id": new_id(), "payload": {"id": target, "state": "returned",
                                                                             "comment": "x"}, "action": "return"}
    record("hung's signature on a changed payload", "lan's laptop", "rejected:bad_signature",
           one(m.push("d1", "lan", [changed], sigs=signed_body["sigs"])))
    fresh = dict(signed_body["ops"][0]) | {"op_id": new_id()}
    fresh_body = d1.sign("hung", [fresh])
    record("hung's op signed on d1, pushed from d1b", "d1b", "rejected:bad_signature",
           one(m.push("d1b", "hung", fresh_body["ops"], sigs=fresh_body["sigs"])))
    # Another team: an applied operation of team 1 replayed by team 2 learns nothing of it.
    stolen = d1.http.post(m.world.url + "/v1/push", json=m.world.devices["d2"].sign("tuan", [
        dict(signed_body["ops"][0]) | {"actor": "tuan"}]), timeout=30,
        headers={"Authorization": f"Bearer {m.world.devices['d2'].token}"})
    record("team 1's applied op id replayed by team 2 (re-signed by tuan)", "tuan", "rejected:id_unavailable",
           one(stolen))
    # Another team: team 2's laptop pushing team 1's signed operations, or acting on team 1's records.
    record("team 1's signed op pushed by team 2's laptop", "d2", "rejected:wrong_team",
           one(m.push("d2", "tuan", fresh_body["ops"], sigs=fresh_body["sigs"])))
    res = one(m.push("d2", "tuan", [op("work_order", team1.work_order(done=True), "approve", {"state": "approved"},
                                       base_version=2)]))
    ROWS.append(("team 2's supervisor approves team 1's work order", "tuan", "rejected", res["status"]))
    assert res["status"] == "rejected"

    # --- a role changed while offline; a removed person; a revoked laptop -------------------------
    waiting = team1.work_order(done=True)
    offline = d1.sign("vy", [op("work_order", waiting, "approve", {"state": "approved"}, base_version=2)])
    people.set_role(db, "vy", "technician")
    record("approve signed by vy, then vy made technician", "vy", "rejected:role_forbidden",
           one(d1.http.post(m.world.url + "/v1/push", json=offline, timeout=30,
                            headers={"Authorization": f"Bearer {d1.token}"})))
    rid = new_id()
    reading = d1.sign("old", [op("reading", rid, "append", {"id": rid, "meter_id": team1.meter, "source": "manual",
                                                             "taken_at": "2026-12-03T08:00:00+07:00",
                                                             "registers": {"1.8.0": {"value": "7", "unit": "kWh"}}})])
    people.remove(db, "old")
    record("reading signed by old, then old removed", "old", "rejected:user_removed",
           one(d1.http.post(m.world.url + "/v1/push", json=reading, timeout=30,
                            headers={"Authorization": f"Bearer {d1.token}"})))
    drev = m.world.devices["drev"]
    assert admin.revoke(db, drev.device_id)
    r = m.push("drev", "lan", [team1.case(("reading", "append"), "technician")])
    ROWS.append(("any push from the revoked laptop", "lan", "401", str(r.status_code)))
    assert r.status_code == 401
    sha = "a" * 64
    every = [("GET", "/v1/me", None), ("GET", "/v1/changes", None), ("GET", "/v1/work-orders", None),
             ("GET", f"/v1/work-orders/{waiting}", None), ("GET", f"/v1/customers/{team1.customer}", None),
             ("GET", "/v1/conflicts", None), ("GET", "/v1/audit", None), ("POST", "/v1/conflicts/1/resolve", None),
             ("POST", "/v1/attachments/missing", {"hashes": [sha]}), ("POST", "/v1/attachments/info", {"hashes": [sha]}),
             ("PUT", f"/v1/attachments/{sha}", None), ("GET", f"/v1/attachments/{sha}", None),
             ("POST", "/v1/auth/challenge", None),
             ("POST", "/v1/auth/token", {"username": "lan", "nonce": "x" * 16, "signature": "A" * 88}),
             ("POST", "/v1/users/register", {"username": "lan", "code": "ABCD-EFGH-JKLM", "public_key": "A" * 44,
                                             "proof": "A" * 88})]
    codes = {drev.http.request(method, m.world.url + path, json=body, timeout=30,
                               headers={"Authorization": f"Bearer {drev.token}", "X-FK-User": "lan"}).status_code
             for method, path, body in every}
    ROWS.append((f"every other endpoint ({len(every)}) from the revoked laptop", "lan", "401",
                 "/".join(map(str, sorted(codes)))))
    assert codes == {401}


GATED = [("GET", "/v1/audit"), ("GET", "/v1/conflicts"), ("POST", "/v1/attachments/info"),
         ("GET", "/v1/attachments/" + "a" * 64)]


def test_role_gated_reads_need_a_supervisors_user_token(matrix, db):
    m = matrix
    d1 = m.world.devices["d1"]
    device_only = {"Authorization": f"Bearer {d1.token}"}
    for method, path in GATED:
        kw: dict[str, Any] = {"json": {"hashes": ["a" * 64]}} if method == "POST" else {}
        no_token = d1.http.request(method, m.world.url + path, headers=device_only | {"X-FK-User": "hung"},
                                   timeout=30, **kw)
        ROWS.append((f"{method} {path[:30]} with X-FK-User: hung", "device token only", "401",
                     str(no_token.status_code)))
        assert no_token.status_code == 401 and no_token.json()["detail"].startswith("user_token")
        for user, expected in (("lan", {403}), ("thu", {403}), ("hung", {200, 404})):
            r = d1.http.request(method, m.world.url + path, headers=d1.as_user(user, m.world.url), timeout=30, **kw)
            ROWS.append((f"{method} {path[:30]}", f"{user}'s user token", "/".join(map(str, sorted(expected))),
                         str(r.status_code)))
            assert r.status_code in expected, (path, user, r.text)
    # POST /v1/conflicts/{id}/resolve: a supervisor's token only.
    team1 = Team1(m)
    cid = team1.conflict()
    for user, expected in (("lan", 403), ("hung", 200)):
        r = d1.http.post(m.world.url + f"/v1/conflicts/{cid}/resolve", headers=d1.as_user(user, m.world.url),
                         timeout=30)
        ROWS.append(("POST /v1/conflicts/{id}/resolve", f"{user}'s user token", str(expected), str(r.status_code)))
        assert r.status_code == expected
    # A token is bound to its laptop and to the person's role *now*.
    hung_token = d1.as_user("hung", m.world.url)["X-FK-User-Token"]
    d1b = m.world.devices["d1b"]
    other = d1b.http.get(m.world.url + "/v1/audit", timeout=30,
                         headers={"Authorization": f"Bearer {d1b.token}", "X-FK-User-Token": hung_token})
    ROWS.append(("GET /v1/audit, hung's d1 token on d1b", "d1b", "401", str(other.status_code)))
    assert other.status_code == 401
    people.set_role(db, "hung", "technician")
    demoted = d1.http.get(m.world.url + "/v1/audit", timeout=30, headers={"Authorization": f"Bearer {d1.token}",
                                                                         "X-FK-User-Token": hung_token})
    ROWS.append(("GET /v1/audit, hung's token after demotion", "hung", "401", str(demoted.status_code)))
    assert demoted.status_code == 401  # tokens are dropped when the role changes
    # A challenge signed by the wrong key, or used twice, gives no token.
    nonce = d1.http.post(m.world.url + "/v1/auth/challenge", headers=device_only, timeout=30).json()["nonce"]
    bad = signing.sign(d1.keys["lan"], signing.token_message(d1.device_id, "vy", nonce))
    r = d1.http.post(m.world.url + "/v1/auth/token", headers=device_only, timeout=30,
                     json={"username": "vy", "nonce": nonce, "signature": bad})
    ROWS.append(("user token for vy signed with lan's key", "lan", "403", str(r.status_code)))
    assert r.status_code == 403 and "bad_signature" in r.json()["detail"]
    r = d1.http.post(m.world.url + "/v1/auth/token", headers=device_only, timeout=30,
                     json={"username": "vy", "nonce": nonce,
                           "signature": signing.sign(d1.keys["vy"], signing.token_message(d1.device_id, "vy", nonce))})
    ROWS.append(("the same challenge again", "vy", "403", str(r.status_code)))
    assert r.status_code == 403


def test_user_codes_register_only_their_person_once_in_their_team(matrix, db):
    m = matrix
    d1, d2 = m.world.devices["d1"], m.world.devices["d2"]
    key = signing.new_private_key()
    public = signing.public_text(key)

    def register(device: Any, username: str, code: str) -> int:
        proof = signing.sign(key, signing.register_message(device.device_id, username, public))
        return int(device.http.post(m.world.url + "/v1/users/register", timeout=30,
                                    headers={"Authorization": f"Bearer {device.token}"},
                                    json={"username": username, "code": code, "public_key": public,
                                          "proof": proof}).status_code)

    lan_code = people.issue_code(db, "lan")
    cases = [("hung's key with lan's code", d1, "hung", lan_code, 403),
             ("minh (team 2) on a team 1 laptop", d1, "minh", people.issue_code(db, "minh"), 403),
             ("lan with her code", d1, "lan", lan_code, 200),
             ("lan with the same code again", d1, "lan", lan_code, 403),
             ("a made-up code", d2, "tuan", "ABCD-EFGH-JKLM", 403)]
    for case, device, user, code, expected in cases:
        got = register(device, user, code)
        ROWS.append((f"register key: {case}", user, str(expected), str(got)))
        assert got == expected, case


@pytest.fixture(scope="module", autouse=True)
def _print_table():
    yield
    if ROWS:
        print("\n| case | who | expected | got |\n|---|---|---|---|")
        for case, who, expected, got in ROWS:
            print(f"| {case} | {who} | {expected} | {got} |")
