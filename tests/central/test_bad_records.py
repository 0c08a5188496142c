"""A planted bad record never makes a read endpoint answer 500 and never hides the good ones.

Each kind of damage is written straight into the database (behind the server's back, as a
broken tool, a hand edit or an older version would) into every table a read endpoint serves,
next to good records made through the real server. Every read endpoint must then answer 200
(or a clear 404 for the damaged record itself), serve every good record, leave the bad one
out, say so (`X-FK-Withheld`, and `withheld` in the change feed), log it with the request id
and count it in /metrics. SQLite keeps anything in any column (wrong types, bytes, text that
is not UTF-8, NUL); PostgreSQL only what its types allow, so some kinds are SQLite's only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from typing import Any

import pytest
from sqlalchemy import func, insert, select, text

from fieldkit.central import admin
from fieldkit.central import schema as t
from fieldkit.central.db import write_changes
from fieldkit.domain.ids import new_id

JSON_TABLES = ("customers", "customer_versions", "work_orders", "work_order_versions", "facts", "changes")
GOOD_BYTES, BAD_BYTES = b"a good photo", b"a photo whose row is damaged"
GOOD_SHA, BAD_SHA = hashlib.sha256(GOOD_BYTES).hexdigest(), hashlib.sha256(BAD_BYTES).hexdigest()
HUGE_TEXT = "x" * (2 * 1024 * 1024)


def _deep(n: int) -> str:
    return '{"a": ' * n + "1" + "}" * n


# kind -> table -> [(column, value)]; a value is a Python value (bound), or text("...") (SQL, SQLite's
# own functions), or "{json}" meaning: the good record's JSON with some fields replaced.
def kinds(sqlite: bool) -> dict[str, dict[str, list[tuple[str, Any]]]]:
    def every_json(value: Any) -> dict[str, list[tuple[str, Any]]]:
        return {table: [("data", value)] for table in JSON_TABLES}

    out: dict[str, dict[str, list[tuple[str, Any]]]] = {
        "json_broken": every_json('{"code": "PA23LN'),
        "json_not_object": every_json("[1, 2]"),
        "json_null": every_json("null"),
        "null_field": {"customers": [("data", {"code": None})], "work_orders": [("data", {"number": None, "kind": None})],
                       "customer_versions": [("data", "null")], "work_order_versions": [("data", "null")],
                       "facts": [("data", {"photo_sha256": None, "data": {"attachments": None}}), ("data", "null")],
                       "changes": [("data", "null")]},
        "unknown_kind_state": {"work_orders": [("state", "exploded"), ("data", {"kind": "teleport"})],
                               "work_order_versions": [("data", {"state": "exploded"})],
                               "changes": [("entity", "No Such Entity!")], "users": [("role", "emperor")],
                               "conflicts": [("entity", "No Entity")], "team_attachments": [("mime", "not a mime")]},
        "bad_date": {"work_orders": [("data", {"due_date": "2026-02-30"})],
                     "work_order_versions": [("at", "yesterday")], "customer_versions": [("at", "31/12/2026")],
                     "conflicts": [("at", "not a time")], "audit": [("at", "soon")]},
        "huge_number": {**every_json('{"households": 100000000000000000000, "x": 1e400}'),
                        "team_attachments": [("size", 10**18)], "conflicts": [("server_version", -5)]},
        "huge_text": {**every_json(json.dumps({"name": HUGE_TEXT})), "audit": [("detail", HUGE_TEXT)],
                      "conflicts": [("detail", HUGE_TEXT)], "users": [("display_name", HUGE_TEXT)]},
        "lone_surrogate": every_json('{"name": "\\ud800"}'),
        "nul_escaped": every_json('{"name": "a\\u0000b"}'),
        "deep": every_json(_deep(900)),
    }
    if sqlite:  # what only SQLite lets through: text that is not UTF-8, raw NUL, bytes, wrong types
        utf8 = text("CAST(X'7B226E616D65223A2022C328227D' AS TEXT)")  # {"name": "\xc3("}
        raw_bad = text("CAST(X'C328' AS TEXT)")
        nul = text("'a' || char(0) || 'b'")
        out["invalid_utf8"] = {**every_json(utf8), "users": [("display_name", raw_bad)], "audit": [("detail", raw_bad)],
                               "conflicts": [("detail", raw_bad)], "team_attachments": [("mime", raw_bad)]}
        out["raw_nul"] = {**every_json(text("'{\"name\": \"a' || char(0) || 'b\"}'")),
                          "users": [("display_name", nul)], "audit": [("entity_id", nul)],
                          "conflicts": [("detail", nul)], "team_attachments": [("kind", nul)]}
        out["bytes"] = {**every_json(text("X'7B7D00FF'")), "users": [("display_name", text("X'00FF'"))],
                        "audit": [("detail", text("X'00'"))], "team_attachment_chunks": [("data", "not bytes")]}
        out["wrong_type"] = {"customers": [("version", "abc")], "work_orders": [("version", 1e30)],
                             "customer_versions": [("version", "v9")], "conflicts": [("server_version", "abc")],
                             "team_attachments": [("size", "big")]}
        out["seq_not_a_number"] = {"changes": [("seq", "abc")]}
    return out


def _op(entity: str, entity_id: str, action: str, payload: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"op_id": new_id(), "entity": entity, "entity_id": entity_id, "action": action, "payload": payload} | extra


def team_id(world: Any, code: str = "T1") -> str:
    with world.db.read() as conn:
        return str(conn.execute(select(t.teams.c.id).where(t.teams.c.code == code)).scalar_one())


def build(world: Any) -> dict[str, Any]:
    """Good records through the real server (two customers, two work orders, a meter, a reading with
    a photo, a conflict, two delivered attachments), then a copy of each to damage: the victims."""
    ids = {k: new_id() for k in ("cust", "cust_bad", "meter", "reading", "wo", "wo_bad")}
    ops = [
        _op("customer", ids["cust"], "create", {"id": ids["cust"], "code": "PA23LN0000001", "name": "Khách tốt"}),
        _op("customer", ids["cust_bad"], "create", {"id": ids["cust_bad"], "code": "PA23LN0000002", "name": "Khách 2"}),
        _op("meter", ids["meter"], "create", {"id": ids["meter"], "serial": "LN-1", "customer_id": ids["cust"]}),
        _op("work_order", ids["wo"], "create", {"id": ids["wo"], "number": "LN-WO-1", "kind": "inspection",
                                                "customer_id": ids["cust"], "due_date": "2026-12-31"}),
        _op("work_order", ids["wo_bad"], "create", {"id": ids["wo_bad"], "number": "LN-WO-2", "kind": "reading",
                                                    "customer_id": ids["cust"]}),
        _op("reading", ids["reading"], "append", {
            "id": ids["reading"], "meter_id": ids["meter"], "work_order_id": ids["wo"], "photo_sha256": GOOD_SHA,
            "taken_at": "2026-12-01T08:00:00+07:00", "source": "optical",
            "registers": {"1.8.0": {"value": "109.5", "unit": "kWh"}}}),
        _op("customer", ids["cust"], "update", {"id": ids["cust"], "name": "Khách tốt hơn"}, base_version=1),
        _op("work_order", ids["wo"], "status", {"id": ids["wo"], "state": "in_progress"}, base_version=1),
    ]
    r = world.call("POST", "/v1/push", "d1", "lan", json={"ops": ops})
    assert [x["status"] for x in r.json()["results"]] == ["applied"] * len(ops), r.text
    stale = _op("customer", ids["cust"], "update", {"id": ids["cust"], "phone": "0912345678"}, base_version=1)
    r = world.call("POST", "/v1/push", "d1b", "lan", json={"ops": [stale]})
    assert r.json()["results"][0]["status"] == "conflict", r.text
    for data in (GOOD_BYTES, BAD_BYTES):
        sha = hashlib.sha256(data).hexdigest()
        up = world.call("PUT", f"/v1/attachments/{sha}", "d1", "lan", data=data, params={"offset": 0, "size": len(data)})
        assert up.json()["complete"] is True, up.text
    admin.create_user(world.db, "bad", "Người hỏng", "technician", "T1")
    team = team_id(world)
    with world.db.write() as (conn, _):
        def clone(table: Any, where: Any, **changes: Any) -> None:
            row = dict(conn.execute(select(table).where(where)).mappings().one())
            conn.execute(insert(table).values(row | changes))

        clone(t.customer_versions, (t.customer_versions.c.customer_id == ids["cust"])
              & (t.customer_versions.c.version == 1), version=99)
        clone(t.work_order_versions, (t.work_order_versions.c.work_order_id == ids["wo"])
              & (t.work_order_versions.c.version == 1), version=99)
        ids["fact_bad"] = new_id()
        clone(t.facts, t.facts.c.id == ids["reading"], id=ids["fact_bad"], op_id=None)
        conflict = conn.execute(select(t.conflicts.c.id)).scalar_one()
        ids["conflict"], ids["conflict_bad"] = conflict, conflict + 1000
        clone(t.conflicts, t.conflicts.c.id == conflict, id=ids["conflict_bad"])
        line = conn.execute(select(t.audit).where(t.audit.c.entity_id == ids["cust"]).order_by(t.audit.c.seq)
                            ).mappings().first()
        assert line is not None
        ids["audit_bad"] = int(conn.execute(select(func.max(t.audit.c.seq))).scalar_one()) + 100
        conn.execute(insert(t.audit).values(dict(line) | {"seq": ids["audit_bad"], "detail": "victim"}))
    with world.db.write() as (conn, _):
        ids["change_bad"] = write_changes(conn, [{"team_id": team, "entity": "customer", "entity_id": ids["cust"],
                                                  "origin_device": None, "data": json.dumps({"id": ids["cust"]})}])
    with world.db.write() as (conn, _):  # a good change after the bad one: the cursor must reach it
        ids["change_after"] = write_changes(conn, [{"team_id": team, "entity": "customer", "entity_id": ids["cust"],
                                                    "origin_device": None,
                                                    "data": json.dumps({"id": ids["cust"], "code": "PA23LN0000001",
                                                                        "name": "sau"})}])
    with world.db.read() as conn:
        ids["bad_user"] = conn.execute(select(t.users.c.id).where(t.users.c.username == "bad")).scalar_one()
    ids["team"] = team
    return ids


VICTIM_KEYS = {
    "customers": ("id", "cust_bad"), "work_orders": ("id", "wo_bad"), "facts": ("id", "fact_bad"),
    "customer_versions": ("version", 99), "work_order_versions": ("version", 99),
    "changes": ("seq", "change_bad"), "conflicts": ("id", "conflict_bad"), "audit": ("seq", "audit_bad"),
    "users": ("id", "bad_user"), "team_attachments": ("sha256", BAD_SHA), "team_attachment_chunks": ("sha256", BAD_SHA),
}


def plant(world: Any, ids: dict[str, Any], damage: dict[str, list[tuple[str, Any]]]) -> None:
    with world.db.write() as (conn, _):
        for table, changes in damage.items():
            key, ref = VICTIM_KEYS[table]
            where = ids.get(ref, ref) if isinstance(ref, str) else ref
            for column, value in changes:
                if isinstance(value, dict):  # the victim's own JSON with these fields replaced
                    current = conn.execute(text(f'SELECT data FROM {table} WHERE "{key}" = :k'), {"k": where}).scalar()
                    value = json.dumps(json.loads(current) | value)
                if isinstance(value, type(text(""))):
                    conn.execute(text(f'UPDATE {table} SET "{column}" = {value.text} WHERE "{key}" = :k'), {"k": where})
                else:
                    conn.execute(text(f'UPDATE {table} SET "{column}" = :v WHERE "{key}" = :k'), {"v": value, "k": where})
                if column == key:  # the victim's key itself changed
                    where = value if not isinstance(value, type(text(""))) else where


def withheld(r: Any) -> int:
    return int(r.headers.get("X-FK-Withheld", "0"))


def metric(world: Any) -> float:
    body = world.devices["d1"].http.get(world.url + "/metrics", timeout=30).text
    return sum(float(v) for v in re.findall(r'^fieldkit_withheld_records_total\{[^}]*\} ([0-9.e+]+)$', body, re.M))


def probe(world: Any, ids: dict[str, Any], damaged: set[str]) -> dict[str, tuple[int, str]]:
    """Call every read endpoint; (status, what was wrong or "") per endpoint."""
    out: dict[str, tuple[int, str]] = {}

    def check(name: str, r: Any, ok: bool, tables: set[str], expect: int = 200) -> None:
        problems = []
        if r.status_code != expect:
            problems.append(f"status {r.status_code}: {r.text[:120]}")
        elif not ok:
            problems.append("good records missing or bad one served")
        elif tables & damaged and not withheld(r) and expect == 200:
            problems.append("nothing said withheld")
        out[name] = (r.status_code, "; ".join(problems))

    def js(r: Any) -> Any:
        """The answer's JSON when it is a 200 with JSON, else an empty one (the status tells)."""
        try:
            return r.json() if r.status_code == 200 else {}
        except ValueError:
            return {}

    def call(method: str, path: str, user: str = "lan", **kw: Any) -> Any:
        return world.call(method, path, "d1", user, **kw)

    r = call("GET", "/v1/work-orders")
    got = {w["id"]: w for w in js(r)}
    bad_wo_served = "work_orders" in damaged and ids["wo_bad"] in got
    ok = ids["wo"] in got and not bad_wo_served and ("work_orders" in damaged or ids["wo_bad"] in got)
    if ok and "facts" in damaged:
        ok = got[ids["wo"]]["delivered"] is False  # one of its records is damaged: not known to be delivered
    elif ok:
        ok = got[ids["wo"]]["delivered"] is True
    check("GET /v1/work-orders", r, ok, {"work_orders", "facts"})

    r = call("GET", f"/v1/work-orders/{ids['wo']}")
    versions = [v["version"] for v in js(r).get("versions", [])]
    check("GET /v1/work-orders/{id}", r, versions[:2] == [1, 2] and (99 in versions) != ("work_order_versions" in damaged),
          {"work_order_versions", "facts"})
    r = call("GET", f"/v1/work-orders/{ids['wo_bad']}")
    check("GET /v1/work-orders/{bad id}", r, True, set(), 404 if "work_orders" in damaged else 200)

    r = call("GET", f"/v1/customers/{ids['cust']}")
    versions = [v["version"] for v in js(r).get("versions", [])]
    check("GET /v1/customers/{id}", r, versions[:2] == [1, 2] and (99 in versions) != ("customer_versions" in damaged),
          {"customer_versions"})
    r = call("GET", f"/v1/customers/{ids['cust_bad']}")
    check("GET /v1/customers/{bad id}", r, True, set(), 404 if "customers" in damaged else 200)

    r = call("GET", "/v1/conflicts", "hung")
    got_ids = [c["id"] for c in js(r)]
    check("GET /v1/conflicts", r, ids["conflict"] in got_ids and (ids["conflict_bad"] in got_ids) != ("conflicts" in damaged),
          {"conflicts"})

    r = call("GET", "/v1/audit", "hung", params={"limit": 1000})
    seqs = [a["seq"] for a in js(r)]
    states = [a.get("state") for a in js(r) if a["entity_id"] == ids["wo"]]
    check("GET /v1/audit", r, len(seqs) > 5 and (ids["audit_bad"] in seqs) != ("audit" in damaged)
          and "in_progress" in states, {"audit", "work_order_versions"})

    r = call("GET", "/v1/audit", "hung", params={"entity_id": [ids["wo"], ids["cust"]]})
    check("GET /v1/audit?entity_id=", r, r.status_code == 200 and len(js(r)) >= 2, {"audit", "work_order_versions"})

    # the team's other device pulls the whole feed in pages of 2: every good change, never the bad one
    seen, since, pages, told = [], 0, 0, 0
    while pages < 100:
        r = world.call("GET", "/v1/changes", "d1b", "lan", params={"since": since, "limit": 2})
        if r.status_code != 200:
            break
        body = r.json()
        seen += [c["seq"] for c in body["changes"]]
        told += body.get("withheld", 0)
        assert body["next"] >= since  # the cursor never goes back
        since, pages = body["next"], pages + 1
        if not body["more"]:
            break
    ok = ids["change_after"] in seen and ids["change_bad"] not in seen if "changes" in damaged \
        else ids["change_bad"] in seen and ids["change_after"] in seen
    ok = ok and since >= ids["change_after"] and ("changes" not in damaged or told >= 1)
    check("GET /v1/changes", r, ok, set())

    r = call("GET", "/v1/me")
    names = [u["username"] for u in js(r).get("users", [])]
    check("GET /v1/me", r, "lan" in names and "hung" in names and ("bad" in names) != ("users" in damaged), {"users"})

    att = {"team_attachments", "team_attachment_chunks"}
    r = call("POST", "/v1/attachments/info", "hung", json={"hashes": [GOOD_SHA, BAD_SHA]})
    items = [i["sha256"] for i in js(r).get("items", [])]
    check("POST /v1/attachments/info", r, GOOD_SHA in items and (BAD_SHA in items) != ("team_attachments" in damaged),
          {"team_attachments"})
    r = call("POST", "/v1/attachments/missing", json={"hashes": [GOOD_SHA, BAD_SHA]})
    missing = [m["sha256"] for m in js(r).get("missing", [])]
    check("POST /v1/attachments/missing", r, GOOD_SHA not in missing, set())
    r = call("GET", f"/v1/attachments/{GOOD_SHA}", "hung")
    check("GET /v1/attachments/{sha}", r, r.content == GOOD_BYTES, set())
    r = call("GET", f"/v1/attachments/{BAD_SHA}", "hung")
    check("GET /v1/attachments/{bad sha}", r, bool(att & damaged) or r.content == BAD_BYTES, set(),
          404 if att & damaged else 200)
    return out


ENGINES = ["sqlite", "postgres"]


def _kind_names() -> list[str]:
    return list(kinds(sqlite=True))


@pytest.mark.parametrize("kind", _kind_names())
def test_a_bad_record_is_withheld_and_the_rest_served(world, db_url, kind, caplog):
    sqlite = "://" not in db_url
    damage = kinds(sqlite).get(kind)
    if damage is None:
        pytest.skip(f"{kind}: PostgreSQL's types do not let it be stored")
    ids = build(world)
    clean = probe(world, ids, set())
    assert {k: v for k, v in clean.items() if v[1]} == {}  # the world is right before the damage
    before = metric(world)
    plant(world, ids, damage)
    with caplog.at_level(logging.ERROR, logger="fieldkit.central.withheld"):
        got = probe(world, ids, set(damage))
    assert {k: v for k, v in got.items() if v[1] or v[0] >= 500} == {}
    assert metric(world) > before
    lines = [r for r in caplog.records if r.name == "fieldkit.central.withheld"]
    assert lines and all(re.fullmatch(r"[0-9a-f]{32}", r.fields["request_id"]) for r in lines)  # type: ignore[attr-defined]
    assert {r.fields["table"] for r in lines} >= set(damage) - {"team_attachment_chunks"}  # type: ignore[attr-defined]


def test_a_device_pulling_a_feed_with_one_bad_change_gets_every_other_and_moves_on(world, db_url):
    """The laptop's own sync engine pulls the team's feed with one damaged change in the middle: it
    gets every other change and its cursor passes the damaged one (a second sync is quiet)."""
    pytest.importorskip("fieldkit.sync")
    ids = build(world)
    plant(world, ids, {"changes": [("data", '{"name": "\\ud800", "x": NaN}')]})
    seen, since = [], 0
    for _ in range(50):
        r = world.call("GET", "/v1/changes", "d1b", "lan", params={"since": since, "limit": 3})
        assert r.status_code == 200, r.text
        body = r.json()
        seen += [c["seq"] for c in body["changes"]]
        since = body["next"]
        if not body["more"]:
            break
    assert ids["change_bad"] not in seen and ids["change_after"] in seen and since >= ids["change_after"]
    again = world.call("GET", "/v1/changes", "d1b", "lan", params={"since": since}).json()
    assert again["changes"] == [] and again["next"] == since and again["more"] is False


@pytest.mark.parametrize(("raw", "reason"), [
    ('{"a": ' * 15 + "1" + "}" * 15, None), ('{"a": ' * 16 + "1" + "}" * 16, None),
    ('{"a": ' * 17 + "1" + "}" * 17, "too_deep"), ('{"a": ' + "[" * 16 + "]" * 16 + "}", "too_deep"),
    ('{"n": 9007199254740992}', None), ('{"n": -9007199254740992}', None),
    ('{"n": 9007199254740993}', "number"), ('{"n": [1, -9007199254740993]}', "number"),
    ('{"x": 1e308}', None), ('{"x": -1e400}', "number"), ('{"x": NaN}', "number"), ('{"x": Infinity}', "number"),
    ('{"a\\u0000": 1}', "nul"), ('{"k": ["ok", "a\\u0000"]}', "nul"), ('{"k": {"\\udc80": 1}}', "unicode"),
    ('{"k": "\\ud83d\\udca3 b\\u00e0"}', None), ('{"k": "\x01 \t"}', "json"), ("[]", "not_object"),
    ('"x"', "not_object"), ("", "json"), ("{" * 5000, "json"),
])
def test_the_record_rule(raw, reason):
    from fieldkit.central import stored, withhold

    if reason is None:
        assert isinstance(stored.record(raw), dict)
    else:
        with pytest.raises(withhold.Bad) as got:
            stored.record(raw)
        assert got.value.reason == reason


@pytest.mark.parametrize("kind", ["json_broken", "json_null", "null_field", "unknown_kind_state", "lone_surrogate",
                                  "deep", "invalid_utf8", "wrong_type"])
def test_a_push_onto_a_damaged_record_is_answered_per_operation(world, db_url, kind):
    """Writes meet damaged rows too: an edit of a damaged customer or work order is refused (or
    applied) on its own, the push answers 200 and the good operation in it is applied."""
    damage = kinds("://" not in db_url).get(kind)
    if damage is None:
        pytest.skip(f"{kind}: PostgreSQL's types do not let it be stored")
    ids = build(world)
    plant(world, ids, {k: v for k, v in damage.items() if k in ("customers", "work_orders")})
    good = new_id()
    ops = [_op("customer", ids["cust_bad"], "update", {"id": ids["cust_bad"], "name": "Sửa"}, base_version=1),
           _op("work_order", ids["wo_bad"], "status", {"id": ids["wo_bad"], "state": "in_progress"}, base_version=1),
           _op("customer", good, "create", {"id": good, "code": "PA23LN0000077", "name": "Khách mới"})]
    r = world.call("POST", "/v1/push", "d1", "lan", json={"ops": ops})
    assert r.status_code == 200, r.text[:300]
    results = r.json()["results"]
    assert len(results) == 3 and results[2]["status"] == "applied"
    assert all(x["status"] in ("applied", "rejected", "conflict") for x in results)
    assert world.call("GET", f"/v1/customers/{good}", "d1", "lan").status_code == 200
