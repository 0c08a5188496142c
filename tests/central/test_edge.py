"""The one edge middleware (fieldkit/central/edge.py) keeps what the four layers it replaced did:
a request refused by the body limit, one whose route fails, one with a made-up method, each still
has a request id and Server-Timing and is counted and logged; answers are gzip'd as Starlette's
GZipMiddleware did. Against a real uvicorn server on loopback (the app with a few test routes)."""

from __future__ import annotations

import gzip
import http.client
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import Response
from fastapi.responses import StreamingResponse
from test_operations import metric

from fieldkit.central.api import create_app
from fieldkit.central.db import Database


@pytest.fixture(params=["httptools", "h11"])  # the server's parser (central/server.py) and the fallback
def url(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, int]]:
    db = Database(str(tmp_path / "central.db"))
    db.create_all()
    app = create_app(db)

    @app.get("/test/boom")
    async def boom() -> Response:
        raise RuntimeError("a bug in a route")

    @app.get("/test/boom-sync")
    def boom_sync() -> Response:
        raise KeyError("a bug in a thread")

    @app.get("/test/big")
    async def big() -> Response:
        return Response(json.dumps({"rows": list(range(600))}).encode(), media_type="application/json")

    @app.get("/test/stream")
    async def stream() -> StreamingResponse:
        async def parts() -> Any:
            for k in range(3):
                yield (f"part {k} " * 60).encode()
        return StreamingResponse(parts(), media_type="text/plain")

    @app.get("/test/png")
    async def png() -> Response:
        return Response(b"\x89PNG" + b"\x00" * 1000, media_type="image/png")

    @app.get("/test/encoded")
    async def encoded() -> Response:
        return Response(gzip.compress(b"x" * 1000), media_type="text/plain", headers={"Content-Encoding": "gzip"})

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, http=request.param))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        db.dispose()


def call(where: tuple[str, int], method: str, path: str, body: bytes | None = None,
         headers: dict[str, str] | None = None, chunked: bool = False) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(*where, timeout=30)
    try:
        conn.request(method, path, body=iter([body[i:i + 1024] for i in range(0, len(body), 1024)]) if chunked and body
                     else body, headers=headers or {}, encode_chunked=chunked)
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def scrape(where: tuple[str, int]) -> str:
    return call(where, "GET", "/metrics")[2].decode()


def counted(where: tuple[str, int], method: str, route: str, status: int) -> float:
    return metric(scrape(where), "fieldkit_http_requests_total", method=method, route=route, status=str(status))


def well_marked(headers: dict[str, str]) -> None:
    assert len(headers["x-request-id"]) == 32
    assert headers["server-timing"].startswith("app;dur=")
    assert float(headers["server-timing"].split("=", 1)[1]) >= 0


def test_a_body_over_the_limit_is_refused_with_a_request_id_and_counted(url, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO, logger="fieldkit")
    before = counted(url, "POST", "unmatched", 413)  # the metrics are the process's: counted as deltas
    inside = counted(url, "POST", "/v1/enrol", 413)
    # declared too large: answered before anything is read
    status, headers, body = call(url, "POST", "/v1/enrol", b"{" + b" " * 5000 + b"}",
                                 {"Content-Type": "application/json", "X-Request-Id": "proxy-413-declared"})
    assert status == 413 and json.loads(body)["code"] == "too_large" and json.loads(body)["params"]["max"] == 4096
    assert headers["x-request-id"] == "proxy-413-declared" and headers["connection"] == "close"
    assert headers["server-timing"].startswith("app;dur=")
    assert counted(url, "POST", "unmatched", 413) == before + 1
    # chunked, no length said: cut off at the limit as it arrives (inside the route this time)
    status, headers, body = call(url, "POST", "/v1/enrol", b"{" + b" " * 9000 + b"}",
                                 {"Content-Type": "application/json"}, chunked=True)
    assert status == 413 and json.loads(body)["code"] == "too_large"
    well_marked(headers)
    assert headers["connection"] == "close"
    assert counted(url, "POST", "/v1/enrol", 413) == inside + 1
    lines = [r for r in caplog.records if r.getMessage() == "request" and r.fields["status"] == 413]  # type: ignore[attr-defined]
    assert {r.fields["request_id"] for r in lines} >= {"proxy-413-declared", headers["x-request-id"]}  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["/test/boom", "/test/boom-sync"])
def test_a_failing_route_answers_500_with_a_request_id_and_is_counted_and_logged(url, path: str,
                                                                               caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO, logger="fieldkit")
    before = counted(url, "GET", path, 500)
    status, headers, body = call(url, "GET", path, headers={"X-Request-Id": "proxy-500-request"})
    assert status == 500 and body == b"Internal Server Error"
    assert headers["x-request-id"] == "proxy-500-request" and headers["server-timing"].startswith("app;dur=")
    assert counted(url, "GET", path, 500) == before + 1
    errors = [r for r in caplog.records if r.getMessage() == "request" and r.levelno == logging.ERROR]
    assert [r.fields["request_id"] for r in errors] == ["proxy-500-request"]  # type: ignore[attr-defined]
    # the server goes on serving
    assert call(url, "GET", "/v1/ping")[0] == 200


def test_made_up_methods_do_not_make_new_metric_series(url):
    before = metric(scrape(url), "fieldkit_http_requests_total", method="other", route="/v1/ping", status="405")
    status, headers, _ = call(url, "PROPFIND", "/v1/ping")  # a method h11 and httptools both parse
    assert status == 405
    well_marked(headers)
    text = scrape(url)
    assert "PROPFIND" not in text
    assert metric(text, "fieldkit_http_requests_total", method="other", route="/v1/ping", status="405") == before + 1


def test_answers_are_gzipped_where_it_pays(url):
    # a large answer, the client takes gzip: compressed, its length the compressed one, Vary said
    status, headers, raw = call(url, "GET", "/test/big", headers={"Accept-Encoding": "gzip"})
    plain = json.dumps({"rows": list(range(600))}).encode()
    assert status == 200 and headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert int(headers["content-length"]) == len(raw) < len(plain) and gzip.decompress(raw) == plain
    well_marked(headers)
    # the client does not take gzip: as it is, still with Vary
    status, headers, raw = call(url, "GET", "/test/big")
    assert raw == plain and "content-encoding" not in headers and headers["vary"] == "Accept-Encoding"
    assert int(headers["content-length"]) == len(plain)
    # a small answer (under 300 bytes) is not worth it
    status, headers, raw = call(url, "GET", "/v1/ping", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and "content-encoding" not in headers and json.loads(raw)["ok"] is True
    well_marked(headers)
    # a streamed answer is compressed as it goes
    status, headers, raw = call(url, "GET", "/test/stream", headers={"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip" and "content-length" not in headers
    assert gzip.decompress(raw) == b"".join((f"part {k} " * 60).encode() for k in range(3))
    # compressed media and answers already encoded are left alone
    status, headers, raw = call(url, "GET", "/test/png", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in headers and raw.startswith(b"\x89PNG") and len(raw) == 1004
    status, headers, raw = call(url, "GET", "/test/encoded", headers={"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip" and gzip.decompress(raw) == b"x" * 1000


def test_ping_answers_as_its_model_says(url):
    status, headers, raw = call(url, "GET", "/v1/ping")
    got = json.loads(raw)
    assert status == 200 and headers["content-type"] == "application/json"
    assert set(got) == {"ok", "time", "version"} and got["ok"] is True
    assert got["time"].endswith("+00:00") and isinstance(got["version"], str)
    schema = json.loads(call(url, "GET", "/openapi.json")[2])
    ref = schema["paths"]["/v1/ping"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/Ping")


def test_log_lines_say_utc_whatever_the_machines_zone(monkeypatch):
    import time as clock

    from fieldkit.central.observe import JsonFormatter

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    clock.tzset()
    try:
        fmt = JsonFormatter()
        for created in (1_764_795_599.5, 1_764_795_600.25, 1_764_795_600.75):  # 2025-12-03 20:59:59.5 UTC…
            rec = logging.LogRecord("fieldkit.central.access", logging.INFO, __file__, 1, "request", None, None)
            rec.created, rec.msecs = created, (created % 1) * 1000
            rec.fields = {"request_id": "r" * 32}  # type: ignore[attr-defined]
            line = json.loads(fmt.format(rec))
            want = clock.strftime("%Y-%m-%dT%H:%M:%S", clock.gmtime(int(created))) + f".{int(rec.msecs):03d}Z"
            assert line["at"] == want and line["request_id"] == "r" * 32
        assert line["at"] == "2025-12-03T21:00:00.750Z"
    finally:
        monkeypatch.undo()
        clock.tzset()
