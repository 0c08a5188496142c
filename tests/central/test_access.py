"""Access rules: every cross-team read and write is refused; authentication on every request."""

from __future__ import annotations

import hashlib

import pytest

from fieldkit.central import admin
from fieldkit.domain.ids import new_id


def op(entity: str, entity_id: str, action: str, payload: dict, **extra) -> dict:
    return {"op_id": new_id(), "entity": entity, "entity_id": entity_id, "action": action, "payload": payload} | extra


@pytest.fixture
def team2(world):
    """Team 2's records, made through team 2's own device."""
    cid, mid, rid, wid = new_id(), new_id(), new_id(), new_id()
    ops = [
        op("customer", cid, "create", {"id": cid, "code": "PA23KB0000001", "name": "Khách đội 2"}),
        op("meter", mid, "create", {"id": mid, "serial": "KB-1", "customer_id": cid}),
        op("reading", rid, "append", {"id": rid, "meter_id": mid, "taken_at": "2025-09-01T08:00:00+07:00",
                                      "source": "optical", "registers": {"1.8.0": {"value": "1", "unit": "kWh"}}}),
        op("work_order", wid, "create", {"id": wid, "number": "KB-WO-1", "kind": "inspection", "customer_id": cid,
                                         "state": "approved"}),  # the server ignores a state in the payload
        op("work_order", wid, "status", {"id": wid, "state": "done"}, base_version=1),
    ]
    r = world.call("POST", "/v1/push", "d2", "minh", json={"ops": ops})
    assert [x["status"] for x in r.json()["results"]] == ["applied"] * 5, r.text
    data = b"team two photo"
    sha = hashlib.sha256(data).hexdigest()
    up = world.call("PUT", f"/v1/attachments/{sha}", "d2", "minh", data=data, params={"offset": 0, "size": len(data)})
    assert up.json()["complete"] is True
    return {"customer": cid, "meter": mid, "reading": rid, "work_order": wid, "sha": sha}


READS = [
    ("customer", "/v1/customers/{customer}"),
    ("work_order", "/v1/work-orders/{work_order}"),
    ("attachment", "/v1/attachments/{sha}"),
]


@pytest.mark.parametrize("user", ["lan", "hung"])
@pytest.mark.parametrize(("what", "path"), READS, ids=[r[0] for r in READS])
def test_cross_team_reads_are_refused(world, team2, user, what, path):
    r = world.call("GET", path.format(**team2), "d1", user)
    if what == "attachment" and user == "lan":  # files: a supervisor's user token first (role gate)
        assert r.status_code == 403 and r.json()["detail"].startswith("role_forbidden"), r.text
        return
    assert r.status_code == 404, r.text  # as if unknown: the answer does not say that it exists
    unknown = path.format(customer=new_id(), work_order=new_id(), sha="0" * 64)
    assert world.call("GET", unknown, "d1", user).json() == r.json()
    # ... while team 2 itself may read them (files: its supervisor).
    assert world.call("GET", path.format(**team2), "d2", "tuan").status_code == 200


def test_cross_team_records_never_appear_in_lists_or_the_feed(world, team2):
    ids = set(team2.values())
    feed = world.call("GET", "/v1/changes", "d1", "lan", params={"since": 0, "limit": 5000}).json()
    assert not ids & {c["id"] for c in feed["changes"]}
    assert not ids & {w["id"] for w in world.call("GET", "/v1/work-orders", "d1", "hung").json()}
    audit = world.call("GET", "/v1/audit", "d1", "hung").json()
    assert audit and not ids & {a["entity_id"] for a in audit}


def _cross_team_writes(t2: dict) -> dict[str, dict]:
    rid2, mid2, sid = new_id(), new_id(), new_id()
    return {
        "customer_update": op("customer", t2["customer"], "update",
                              {"id": t2["customer"], "code": "PA23KB0000001", "name": "X", "phone": "0911111111"},
                              base_version=1),
        "work_order_status": op("work_order", t2["work_order"], "status",
                                {"id": t2["work_order"], "state": "in_progress", "comment": ""}, base_version=1),
        "work_order_approve": op("work_order", t2["work_order"], "approve",
                                 {"id": t2["work_order"], "state": "approved", "comment": ""}, base_version=1,
                                 actor="hung"),
        "work_order_return": op("work_order", t2["work_order"], "return",
                                {"id": t2["work_order"], "state": "returned", "comment": "no"}, base_version=1,
                                actor="hung"),
        "work_order_create_for_their_customer": op(
            "work_order", new_id(), "create", {"number": "LN-X", "kind": "inspection", "customer_id": t2["customer"]}),
        "reading_on_their_meter": op("reading", rid2, "append", {
            "id": rid2, "meter_id": t2["meter"], "taken_at": "2025-09-01T09:00:00+07:00", "source": "manual",
            "registers": {"1.8.0": {"value": "2", "unit": "kWh"}}}),
        "reading_superseding_theirs": op("reading", new_id(), "append", {
            "meter_id": t2["meter"], "taken_at": "2025-09-01T09:00:00+07:00", "source": "manual",
            "registers": {"1.8.0": {"value": "2", "unit": "kWh"}}, "supersedes": t2["reading"]}),
        "meter_for_their_customer": op("meter", mid2, "create", {"id": mid2, "serial": "LN-9",
                                                                "customer_id": t2["customer"]}),
        "install_on_their_work_order": op("install", new_id(), "append", {
            "work_order_id": t2["work_order"], "installed_meter_serial": "Z", "form_id": "f", "form_version": 1,
            "data": {}}),
        "onboarding_for_their_customer": op("onboarding_step", sid, "append", {
            "id": sid, "customer_id": t2["customer"], "step": "app", "data": {}}),
        "acting_as_their_user": op("customer", new_id(), "create", {"code": "PA23LN0000777", "name": "Y"},
                                   actor="minh"),
    }


WRITE_CASES = list(_cross_team_writes({k: "x" for k in ("customer", "meter", "reading", "work_order")}))


@pytest.mark.parametrize("case", WRITE_CASES)
def test_cross_team_writes_are_rejected_and_change_nothing(world, team2, case):
    ops = _cross_team_writes(team2)
    before = world.call("GET", "/v1/changes", "d2", "minh", params={"since": 0, "limit": 5000}).json()["next"]
    r = world.call("POST", "/v1/push", "d1", "lan", json={"ops": [ops[case]]})
    result = r.json()["results"][0]
    assert result["status"] == "rejected", result
    assert result.get("code") == "unknown_record" or "not in this device's team" in result["reason"], result
    after = world.call("GET", "/v1/changes", "d2", "minh", params={"since": 0, "limit": 5000}).json()["next"]
    assert after == before
    wo = world.call("GET", f"/v1/work-orders/{team2['work_order']}", "d2", "minh").json()
    assert wo["version"] == 2 and wo["data"]["state"] == "done"


def test_authentication_on_every_request(world, db):
    assert world.call("GET", "/v1/me", "d1", "lan").json()["user"]["username"] == "lan"  # by a user token
    # A person named in a header is not believed: no user token, no person.
    d = world.devices["d1"]
    for name in ("minh", "nobody", "hung"):
        forged = d.http.get(world.url + "/v1/me", headers={"Authorization": f"Bearer {d.token}", "X-FK-User": name},
                            timeout=10)
        assert forged.status_code == 200 and forged.json()["user"] is None
    bad = d.http.get(world.url + "/v1/me", headers={"Authorization": "Bearer nope", "X-FK-User": "lan"}, timeout=10)
    assert bad.status_code == 401
    assert d.http.get(world.url + "/v1/me", timeout=10).status_code in (401, 422)
    # A revoked token is refused on the very next request.
    assert admin.revoke(db, d.device_id)
    assert world.call("GET", "/v1/me", "d1", "lan").status_code == 401
    assert world.call("POST", "/v1/push", "d1", "lan", json={"ops": []}).status_code == 401


def test_role_rules(world):
    assert world.call("GET", "/v1/conflicts", "d1", "lan").status_code == 403
    assert world.call("GET", "/v1/audit", "d1", "lan").status_code == 403
    assert world.call("GET", "/v1/conflicts", "d1", "hung").status_code == 200
    cid, wid = new_id(), new_id()
    world.call("POST", "/v1/push", "d1", "lan", json={"ops": [
        op("customer", cid, "create", {"id": cid, "code": "PA23LN0000555", "name": "Z"}),
        op("work_order", wid, "create", {"id": wid, "number": "LN-5", "kind": "inspection", "customer_id": cid}),
        op("work_order", wid, "status", {"id": wid, "state": "done"}, base_version=1)]})
    # A technician may not approve, even in the own team; the supervisor may.
    tech = world.call("POST", "/v1/push", "d1", "lan", json={"ops": [
        op("work_order", wid, "approve", {"id": wid, "state": "approved"}, base_version=2)]}).json()["results"][0]
    assert tech["status"] == "rejected" and "technician may not" in tech["reason"]
    sup = world.call("POST", "/v1/push", "d1", "hung", json={"ops": [
        op("work_order", wid, "approve", {"id": wid, "state": "approved"}, base_version=2)]}).json()["results"][0]
    assert sup["status"] == "applied"


def test_enrolment_code_is_single_use_and_expires(world, db):
    e = admin.enrol(db, "T1", "x")
    first = world.devices["d1"].http.post(world.url + "/v1/enrol", json={"code": e.code, "device_key": "k1"},
                                          timeout=10)
    assert first.status_code == 200
    again = world.devices["d1"].http.post(world.url + "/v1/enrol", json={"code": e.code, "device_key": "k2"},
                                          timeout=10)
    assert again.status_code == 403
    expired = admin.enrol(db, "T1", "y", valid_hours=-1)
    r = world.devices["d1"].http.post(world.url + "/v1/enrol", json={"code": expired.code}, timeout=10)
    assert r.status_code == 403
