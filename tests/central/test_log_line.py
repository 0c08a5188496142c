"""The one JSON log line per request (central/observe.py), now written by orjson when it can: the
same text as the standard encoder, still one JSON object with the request id, method, route,
status and duration, and odd values (lone surrogates, huge integers) still written. The real
server's own stderr at `--log-level info` is read back."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import requests

from fieldkit.central import observe
from fieldkit.central.server import ServerProcess

FIELDS = {"request_id": "abcdef0123456789abcdef0123456789", "method": "POST", "route": "/v1/push", "status": 200,
          "ms": 12.3}


def _record(msg: str = "request", args: tuple[object, ...] = (), **fields: object) -> logging.LogRecord:
    log = logging.getLogger("fieldkit.central.access")
    return log.makeRecord(log.name, logging.INFO, __file__, 1, msg, args, None, extra={"fields": fields or FIELDS})


def test_orjson_writes_the_standard_encoders_text(monkeypatch: pytest.MonkeyPatch):
    assert observe.orjson is not None
    fmt = observe.JsonFormatter()
    rec = _record("Nguyễn Văn Bền %s", ("ổ",), **FIELDS, note="điện lực \"quote\" \\ \n")
    fast = fmt.format(rec)
    monkeypatch.setattr(observe, "orjson", None)
    assert fmt.format(rec) == fast
    line = json.loads(fast)
    assert line["msg"] == "Nguyễn Văn Bền ổ" and "Nguyễn" in fast  # UTF-8 as it is, not \\u escapes
    assert {k: line[k] for k in FIELDS} == FIELDS
    assert line["at"].endswith("Z") and line["level"] == "info"


def test_values_orjson_refuses_still_make_a_line():
    fmt = observe.JsonFormatter()
    line = json.loads(fmt.format(_record("bad \udc80 text", (), big=2**70, status=500)))
    assert line["big"] == 2**70 and line["status"] == 500 and line["msg"] == "bad \udc80 text"


def test_the_real_servers_request_line(tmp_path: Path):
    log_path = tmp_path / "server.log"
    with ServerProcess(f"sqlite:///{tmp_path / 'c.db'}", workers=1, log_path=str(log_path),
                       extra=["--log-level", "info"]) as srv:
        r = requests.get(srv.url + "/v1/ping", headers={"X-Request-Id": "ops-check-0001"}, timeout=10)
        assert r.status_code == 200
        bad = requests.post(srv.url + "/v1/push", data=b"{", headers={"X-Request-Id": "ops-check-0002",
                                                                      "Authorization": "Bearer nope"}, timeout=10)
        assert bad.status_code in (400, 401, 422)
    lines = [json.loads(x) for x in log_path.read_text().splitlines() if x.startswith("{")]
    by_id = {x.get("request_id"): x for x in lines}
    ping, push = by_id["ops-check-0001"], by_id["ops-check-0002"]
    assert ping["route"] == "/v1/ping" and ping["status"] == 200 and ping["method"] == "GET" and ping["ms"] >= 0
    assert push["route"] == "/v1/push" and push["status"] == bad.status_code and push["method"] == "POST"
    assert ping["logger"] == "fieldkit.central.access" and ping["msg"] == "request"
