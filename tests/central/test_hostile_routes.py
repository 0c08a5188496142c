"""Hostile input on every endpoint of every router: no malformed path, query, body or header
makes a 5xx; a body over the endpoint's limit is 413 (declared or chunked), a deeply nested or
broken JSON body is a 4xx. The endpoints come from the server's own OpenAPI document, so a
route added to any router (central/routes_*.py) is covered without touching this file."""

from __future__ import annotations

import gzip
import http.client
import json
import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from fieldkit.central import limits

PATH_JUNK = ["%00", "%ED%A0%80", "a" * 5000, "..%2F..%2Fetc%2Fpasswd", "-1", "9" * 40, "%F0%9F%92%A3", "%FF%FE",
             "1e999", "%20", "x%0D%0ASet-Cookie:%20a=b"]
QUERY_JUNK = ["%00", "%ED%A0%80", "1e999", "-1", "9" * 40, "", "%FF", "NaN", "true", "x" * 5000]
DEEP = [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000]
BROKEN = [b"", b"{", b"\xff\xfe\x00", b"null", b"[]", b'{"x": NaN}', b'{"x": 1e999}', b'{"\\ud800": 1}',
          b'"' + b"x" * 60_000 + b'"', b"{" + b'"k": 1,' * 5000 + b'"k": 2}']


def _send(world: Any, method: str, target: str, headers: dict[str, Any], body: bytes | None = None,
          chunked: bool = False) -> int:
    u = urlsplit(world.url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        for k, v in headers.items():
            conn.putheader(k, v)
        if chunked:
            conn.putheader("Transfer-Encoding", "chunked")
        elif body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body is not None:
            try:
                if chunked:
                    for i in range(0, len(body), 65536):
                        part = body[i:i + 65536]
                        conn.send(b"%x\r\n%s\r\n" % (len(part), part))
                    conn.send(b"0\r\n\r\n")
                else:
                    conn.send(body)
            except (BrokenPipeError, ConnectionResetError):  # answered (413) before the rest was read
                pass
        return conn.getresponse().status
    finally:
        conn.close()


def _operations(world: Any) -> list[tuple[str, str, dict[str, Any]]]:
    doc = world.devices["d1"].http.get(world.url + "/openapi.json", timeout=30).json()
    return [(method.upper(), path, op) for path, ops in doc["paths"].items() for method, op in ops.items()]


def _example_path(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda m: "1" if "conflict" in m.group() else "a" * 64 if "sha" in m.group()
                  else "01HZZZZZZZZZZZZZZZZZZZZZZZ", path)


@pytest.fixture
def auth(world: Any) -> dict[str, str]:
    return world.devices["d1"].as_user("hung", world.url)  # a supervisor: every handler is reached


def test_every_route_is_covered(world):
    ops = _operations(world)
    routes = {f"{m} {p}" for m, p, _ in ops}
    assert len(ops) >= 21 and {"POST /v1/push", "GET /v1/changes", "GET /v1/work-orders", "GET /v1/audit",
                               "PUT /v1/attachments/{sha256}", "POST /v1/enrol", "GET /metrics"} <= routes


def test_junk_paths_queries_and_headers_are_never_5xx(world, auth):
    bad: list[str] = []
    sent = 0
    for method, path, op in _operations(world):
        has_body = "requestBody" in op
        body = b"{}" if has_body else None
        headers = {**auth, "Content-Type": "application/json"} if has_body else dict(auth)
        targets = []
        for name in re.findall(r"\{([^}]+)\}", path):
            targets += [_example_path(path.replace("{" + name + "}", junk)) for junk in PATH_JUNK]
        queries = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
        base = _example_path(path)
        for q in queries:
            targets += [f"{base}?{q}={junk}" for junk in QUERY_JUNK]
            targets.append(f"{base}?{q}=1&{q}=2&{q}=%00")
        targets.append(f"{base}?unknown=%00&{'&'.join('x=1' for _ in range(500))}")
        for target in targets:
            status = _send(world, method, target, headers, body)
            sent += 1
            if status >= 500:
                bad.append(f"{status} {method} {target[:100]}")
        for extra in ({"X-FK-User-Token": "\xff" * 200}, {"X-FK-User-Token": "x" * 20_000},
                      {"X-Request-Id": "\xff\x00" * 40}, {"X-FK-Nonce": "\xff" * 500},
                      {"Authorization": "Bearer " + "\xe9" * 5000}, {"Authorization": "bearer"},
                      {"Content-Encoding": "gzip"}, {"Content-Encoding": "br, gzip, x"},
                      {"Content-Type": "application/json; charset=utf-16"}, {"Content-Length": "-5"},
                      {"Accept-Encoding": "gzip;q=NaN, *;q=-1"}):
            try:
                status = _send(world, method, base, {**headers, **extra}, body)
            except http.client.HTTPException:  # refused by the client library itself
                continue
            if status >= 500:
                bad.append(f"{status} {method} {base} {list(extra)[0]}")
            sent += 1
    assert bad == [] and sent > 400
    assert world.call("GET", "/v1/changes", "d1b", "hung").status_code == 200


def test_broken_deep_and_huge_bodies_are_4xx_on_every_body_endpoint(world, auth):
    bad: list[str] = []
    seen = 0
    for method, path, op in _operations(world):
        if "requestBody" not in op:
            continue
        seen += 1
        target = _example_path(path)
        limit = limits.limit_for(method, target)
        raw = "application/octet-stream" in op["requestBody"].get("content", {})
        headers = {**auth, "Content-Type": "application/octet-stream" if raw else "application/json"}
        if not raw:  # JSON endpoints: broken and deeply nested bodies, plain and gzip-compressed
            for body in BROKEN + DEEP:
                for gz in (False, True):
                    data = gzip.compress(body) if gz else body
                    h = {**headers, **({"Content-Encoding": "gzip"} if gz else {})}
                    status = _send(world, method, target, h, data)
                    if not 400 <= status < 500:
                        bad.append(f"{status} {method} {path} {'gzip ' if gz else ''}{body[:20]!r}")
            status = _send(world, method, target, {**headers, "Content-Encoding": "gzip"}, b"not gzip at all")
            if not 400 <= status < 500:
                bad.append(f"{status} {method} {path} damaged gzip")
        over = b"[" + b"0," * ((limit // 2) + 10) + b"0]"
        for chunked in (False, True):
            status = _send(world, method, target, headers, over, chunked=chunked)
            if status != 413:
                bad.append(f"{status} {method} {path} {len(over)} bytes over {limit} (chunked={chunked})")
        bomb = gzip.compress(b" " * (limit + 1024) + b"{}")
        status = _send(world, method, target, {**headers, "Content-Encoding": "gzip"}, bomb)
        if status != 413 and not (raw and 400 <= status < 500):
            bad.append(f"{status} {method} {path} gzip bomb")
    assert seen >= 7
    assert bad == []
    assert world.call("GET", "/v1/ping", "d1", "lan").status_code == 200


@pytest.mark.parametrize("depth", [900, 5000, 100_000])
def test_deep_json_inside_a_push_operation_is_refused_per_operation_or_422(world, depth):
    body = json.dumps({"ops": [{"op_id": "x1", "entity": "reading", "entity_id": "r1", "action": "append",
                                "payload": {}}]}).encode()
    body = body.replace(b'"payload": {}', b'"payload": ' + b'{"a": ' * depth + b"1" + b"}" * depth)
    r = world.devices["d1"].http.post(world.url + "/v1/push", data=body, timeout=60,
                                      headers={**world.devices["d1"].as_user("lan", world.url),
                                               "Content-Type": "application/json"})
    assert r.status_code in (200, 422), r.text[:200]  # 422: the body itself is nested deeper than a parser goes
    if r.status_code == 200:
        assert r.json()["results"][0]["status"] == "rejected"
