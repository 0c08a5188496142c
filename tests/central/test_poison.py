"""Poison payloads: each is refused with a stable reason code, never a 500, the rest of its
batch is applied, and afterwards the team's feed still answers for another device."""

from __future__ import annotations

import http.client
import json
import math
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.central import validate
from fieldkit.domain import reasons
from fieldkit.domain.ids import new_id

EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def op(entity: str, entity_id: str, action: str, payload: Any, **extra: Any) -> dict[str, Any]:
    return {"op_id": new_id(), "entity": entity, "entity_id": entity_id, "action": action,
            "payload": payload} | extra


def raw_push(world, device: str, user: str, body: bytes) -> Any:
    d = world.devices[device]
    return d.http.post(world.url + "/v1/push", data=d.sign_raw(user, body), timeout=60,
                       headers=d.as_user(user) | {"Content-Type": "application/json"})


@pytest.fixture
def team1(world) -> dict[str, str]:
    cid, mid = new_id(), new_id()
    ops = [op("customer", cid, "create", {"id": cid, "code": "PA23LN0000001", "name": "Nguyễn Văn A"}),
           op("meter", mid, "create", {"id": mid, "serial": "LN-1", "customer_id": cid})]
    r = world.call("POST", "/v1/push", "d1", "lan", json={"ops": ops})
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"], r.text
    return {"customer": cid, "meter": mid}


def good_reading(meter: str, value: int = 1) -> dict[str, Any]:
    rid = new_id()
    return op("reading", rid, "append", {"id": rid, "meter_id": meter, "taken_at": "2025-09-01T08:00:00+07:00",
                                         "source": "optical", "registers": {"1.8.0": {"value": str(value),
                                                                                      "unit": "kWh"}}})


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"x": value}
    return value


def poison_ops(t: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name, raw JSON of one operation, expected reason code). Raw JSON so NaN, Infinity and lone
    surrogates travel exactly as an attacker would send them."""
    mid, cid = t["meter"], t["customer"]
    rid, wid = new_id(), new_id()

    def j(value: Any) -> str:
        return json.dumps(value)

    reading = {"id": rid, "meter_id": mid, "taken_at": "2025-09-01T08:00:00+07:00", "source": "optical",
               "registers": {"1.8.0": {"value": "1", "unit": "kWh"}}}
    return [
        ("registers nested 900 deep", j(op("reading", rid, "append", reading | {"registers": nested(900)})),
         "too_deep"),
        ("registers nested 5 deep", j(op("reading", rid, "append", reading | {"registers": nested(5)})),
         "field_missing"),
        ("base_version Infinity", j(op("customer", cid, "update", {"id": cid, "name": "B"}))
         .replace('"payload"', '"base_version": Infinity, "payload"'), "number_not_finite"),
        ("base_version NaN", j(op("customer", cid, "update", {"id": cid, "name": "B"}))
         .replace('"payload"', '"base_version": NaN, "payload"'), "number_not_finite"),
        ("base_version 1e400", j(op("customer", cid, "update", {"id": cid, "name": "B"}))
         .replace('"payload"', '"base_version": 1e400, "payload"'), "number_not_finite"),
        ("base_version huge int", j(op("customer", cid, "update", {"id": cid, "name": "B"}, base_version=10**30)),
         "field_range"),
        ("lone surrogate in actor", j(op("reading", rid, "append", reading)).replace(
            '"payload"', '"actor": "lan\\ud800", "payload"'), "text_unicode"),
        ("lone surrogate in name", j(op("customer", new_id(), "create", {"code": "PA23LN0000002", "name": "x"}))
         .replace('"name": "x"', '"name": "A\\udc00B"'), "text_unicode"),
        ("100 kB name with NUL", j(op("customer", new_id(), "create",
                                      {"code": "PA23LN0000003", "name": "A\x00" + "B" * 100_000})),
         "field_too_long"),
        ("name with NUL", j(op("customer", new_id(), "create", {"code": "PA23LN0000003", "name": "A\x00B"})),
         "text_control"),
        ("taken_at not a date", j(op("reading", rid, "append", reading | {"taken_at": "not a date"})),
         "field_format"),
        ("unknown work-order kind", j(op("work_order", wid, "create", {"id": wid, "number": "LN-1",
                                                                       "kind": "demolition"})), "field_choice"),
        ("unknown work-order state", j(op("work_order", wid, "status", {"id": wid, "state": "paid"})),
         "field_choice"),
        ("households NaN", j(op("customer", cid, "update", {"id": cid})).replace(
            '"payload": {', '"payload": {"households": NaN, '), "number_not_finite"),
        ("households 1000", j(op("customer", cid, "update", {"id": cid, "households": 1000})), "field_range"),
        ("households as text", j(op("customer", cid, "update", {"id": cid, "households": "3"})), "field_type"),
        ("size 0 attachment claim", j(op("attachment", "a" * 64, "create", {"sha256": "a" * 64, "size": 0})),
         "empty_file"),
        ("negative size", j(op("attachment", "a" * 64, "create", {"sha256": "a" * 64, "size": -5})),
         "field_range"),
        ("unknown field", j(op("meter", new_id(), "create", {"serial": "S", "evil": 1})), "field_unknown"),
        ("payload not an object", j(op("meter", new_id(), "create", [1, 2])), "field_type"),
        ("unknown operation", j(op("spaceship", "x", "launch", {})), "unknown_operation"),
        ("register value not decimal", j(op("reading", rid, "append",
                                            reading | {"registers": {"1.8.0": {"value": "1e999"}}})),
         "field_format"),
        ("due date nonsense", j(op("work_order", wid, "create", {"id": wid, "number": "LN-2", "kind": "inspection",
                                                                 "due_date": "2025-02-30"})), "field_format"),
        ("op_id too long", j(op("meter", "m", "create", {"serial": "S"}) | {"op_id": "x" * 80}), "field_too_long"),
        ("op not an object", "[1, 2, 3]", "not_object"),
        ("record id too long for a record", j(op("meter", "m" * 50, "create", {"serial": "S"})), "field_format"),
        ("conflict id not a number", j(op("conflict", "abc", "resolve", {})), "field_format"),
        ("control char in note", j(op("work_order", wid, "create", {"id": wid, "number": "LN-3",
                                                                    "kind": "inspection", "note": "a\x1bb"})),
         "text_control"),
        ("form data too deep", j(op("install", new_id(), "append", {"work_order_id": wid, "data": nested(4)})),
         "too_deep"),
        ("conflict id as text", j(op("conflict", "5", "resolve", {"id": "5"})), "field_type"),
    ]


def test_each_poison_is_refused_with_a_reason_and_the_batch_and_feed_go_on(world, team1):
    cases = poison_ops(team1)
    body = "{\"ops\": [" + ", ".join(raw for _name, raw, _code in cases) + ", " \
        + json.dumps(good_reading(team1["meter"], 42)) + "]}"
    r = raw_push(world, "d1", "lan", body.encode("utf-8", "surrogatepass"))
    assert r.status_code == 200, r.text[:500]
    results = r.json()["results"]
    assert len(results) == len(cases) + 1
    for (name, _raw, code), res in zip(cases, results, strict=False):
        assert res["status"] == "rejected", (name, res)
        assert res["code"] == code, (name, res)
        assert res["code"] in reasons.REASONS
        vi = reasons.from_answer(res).message("vi")
        en = reasons.from_answer(res).message("en")
        assert vi and en and vi != en and "?" not in en, (name, vi, en)
    assert results[-1]["status"] == "applied"  # the good reading after 30 bad operations
    # The team's other device still gets the feed, with the good reading in it.
    feed = world.call("GET", "/v1/changes", "d1b", "hung", params={"since": 0})
    assert feed.status_code == 200
    readings = [c for c in feed.json()["changes"] if c["entity"] == "reading"]
    assert [c["data"]["registers"]["1.8.0"]["value"] for c in readings] == ["42"]


@pytest.mark.parametrize("body", [
    b"{", b"not json", b"[]", b"{\"ops\": 5}", b"\xff\xfe\x00",
    b"{\"ops\": []," + b" " * 10 + b"}", b"[" * 100_000 + b"]" * 100_000, b"{\"ops\": [" + b"9" * 5000 + b"]}",
    b"{\"ops\": NaN}", b"{\"ops\": {\"\\ud800\": 1}}",
    b"{\"ops\": [" + b",".join([b"{}"] * 5001) + b"]}",
])
def test_broken_bodies_are_4xx_never_5xx(world, body):
    r = raw_push(world, "d1", "lan", body)
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    assert world.call("GET", "/v1/ping", "d1", "lan").status_code == 200


def test_operations_that_are_not_objects_are_refused_one_by_one(world, team1):
    body = "{\"ops\": [1, \"x\", null, " + json.dumps(good_reading(team1["meter"])) + "]}"
    r = raw_push(world, "d1", "lan", body.encode())
    assert r.status_code == 200
    assert [(x["status"], x.get("code")) for x in r.json()["results"]] == [("rejected", "not_object")] * 3 + [
        ("applied", None)]


def _raw_request(world, method: str, target: bytes, headers: list[tuple[bytes, bytes]]) -> int:
    u = urlsplit(world.url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    conn.putrequest(method, target.decode("latin-1"), skip_accept_encoding=True)
    for name, value in headers:
        conn.putheader(name.decode("latin-1"), value)
    conn.endheaders()
    status = conn.getresponse().status
    conn.close()
    return status


def test_surrogates_and_junk_in_headers_paths_and_queries_are_never_5xx(world):
    token = world.devices["d1"].token.encode()
    auth = [(b"Authorization", b"Bearer " + token)]
    cases = [
        ("GET", b"/v1/me", auth + [(b"X-FK-User", b"lan\xed\xa0\x80")]),
        ("GET", b"/v1/me", [(b"Authorization", b"Bearer \xed\xa0\x80"), (b"X-FK-User", b"lan")]),
        ("GET", b"/v1/me", [(b"Authorization", b"\xff\xfe"), (b"X-FK-User", b"\xff")]),
        ("GET", b"/v1/customers/%ED%A0%80", auth + [(b"X-FK-User", b"lan")]),
        ("GET", b"/v1/customers/a%00b", auth + [(b"X-FK-User", b"lan")]),
        ("GET", b"/v1/work-orders/%F0%9F%92%A3" + b"x" * 5000, auth + [(b"X-FK-User", b"lan")]),
        ("GET", b"/v1/work-orders?state=%ED%A0%80", auth + [(b"X-FK-User", b"lan")]),
        ("GET", b"/v1/changes?since=%ED%A0%80&limit=1e999", auth + [(b"X-FK-User", b"lan")]),
        ("GET", b"/v1/changes?since=99999999999999999999999999999", auth + [(b"X-FK-User", b"lan")]),
        ("GET", b"/v1/attachments/" + b"a" * 64 + b"?offset=-1&length=%00", auth + [(b"X-FK-User", b"lan")]),
        ("PUT", b"/v1/attachments/" + b"a" * 64 + b"?mime=%ED%A0%80", auth + [(b"X-FK-User", b"lan"),
                                                                           (b"Content-Length", b"0")]),
    ]
    for method, target, headers in cases:
        status = _raw_request(world, method, target, headers)
        assert status < 500, (method, target[:80], status)
    assert world.call("GET", "/v1/changes", "d1b", "hung").status_code == 200


def test_missing_or_malformed_credentials_are_401(world):
    for headers in ({}, {"X-FK-User": "lan"}, {"Authorization": "Basic abc", "X-FK-User": "lan"},
                    {"Authorization": "Bearer ", "X-FK-User": "lan"}):
        r = world.devices["d1"].http.get(world.url + "/v1/me", headers=headers, timeout=10)
        assert r.status_code == 401, (headers, r.status_code)


# --- generated from the schemas ------------------------------------------------------------------

HOSTILE = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(codec=None, categories=None), max_size=50),
    st.sampled_from(["\ud800", "a\x00b", "\x1b[31m", "x" * 5000, "2025-13-45", "Infinity", "", " "]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.integers(min_value=3, max_value=40).map(nested),
)


def _valid(kind: tuple[str, str], t: dict[str, str]) -> dict[str, Any]:
    wid = new_id()
    return {
        ("customer", "create"): {"code": "PA23LN0000009", "name": "Khách"},
        ("customer", "update"): {"id": t["customer"], "name": "Khách mới"},
        ("work_order", "create"): {"number": "LN-" + wid[-6:], "kind": "inspection"},
        ("work_order", "status"): {"state": "in_progress"},
        ("work_order", "approve"): {"state": "approved"},
        ("work_order", "return"): {"state": "returned", "comment": "sửa"},
        ("work_order", "reassign"): {"assignee_id": new_id()},
        ("meter", "create"): {"serial": "S-" + wid[-6:]},
        ("reading", "append"): {"meter_id": t["meter"], "taken_at": "2025-09-01T08:00:00+07:00",
                                "source": "manual", "registers": {"1.8.0": {"value": "5", "unit": "kWh"}}},
        ("install", "append"): {"work_order_id": wid},
        ("onboarding_step", "append"): {"customer_id": t["customer"], "step": "app"},
        ("attachment", "create"): {"sha256": "b" * 64, "size": 10},
        ("conflict", "resolve"): {"note": "ok"},
    }[kind]


@pytest.mark.slow
def test_generated_poison_from_the_schemas_is_refused_never_5xx(world, team1):
    kinds = sorted(validate.SCHEMAS)
    seen = {"rejected": 0, "applied": 0}

    @given(kind=st.sampled_from(kinds), data=st.data(), value=HOSTILE)
    @settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(kind: tuple[str, str], data: st.DataObject, value: Any) -> None:
        payload = _valid(kind, team1)
        field = data.draw(st.sampled_from(sorted(validate.SCHEMAS[kind].model_fields)))
        payload[field] = value
        entity_id = team1["customer"] if kind == ("customer", "update") else new_id()
        if kind[0] == "conflict":
            entity_id = "1"
        body = json.dumps({"ops": [op(kind[0], entity_id, kind[1], payload), good_reading(team1["meter"])]},
                          allow_nan=True, ensure_ascii=True)
        r = raw_push(world, "d1", "lan", body.encode())
        assert r.status_code == 200, r.text[:300]
        bad, good = r.json()["results"]
        assert good["status"] == "applied"
        seen[bad["status"] if bad["status"] in seen else "rejected"] += 1
        if bad["status"] == "rejected":
            assert bad["code"] in reasons.REASONS, bad
        if isinstance(value, float) and not math.isfinite(value):
            assert bad["status"] == "rejected" and bad["code"] == "number_not_finite", (field, bad)

    check()
    assert seen["rejected"] > 50
    feed = world.call("GET", "/v1/changes", "d1b", "hung", params={"since": 0, "limit": 5000})
    assert feed.status_code == 200 and len(feed.json()["changes"]) > 100


def test_hostile_audit_filters_are_422_never_5xx(world):
    """A work order's history filter (`/v1/audit?entity_id=`): NUL (PostgreSQL refuses it in text:
    it was a 500), controls, over 64 characters, over 100 values — each a 422; a good id answers."""
    for bad in (["a\x00b"], ["\x1b[31m"], ["x" * 65], ["ok", "a b"], [str(i) for i in range(101)]):
        r = world.call("GET", "/v1/audit", "d1b", "hung", params={"entity_id": bad})
        assert r.status_code == 422, (bad[:2], r.status_code, r.text[:200])
    assert world.call("GET", "/v1/audit", "d1b", "hung", params={"entity_id": [new_id()]}).status_code == 200
