"""Operating the server: /healthz, Prometheus /metrics (also summed across worker processes),
request ids and JSON log lines; `fieldkit central serve --workers N` serving one database."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
import requests
from test_push import customer_op, meter_op, reading_op

from fieldkit.central.db import Database
from fieldkit.central.observe import JsonFormatter
from fieldkit.central.server import ServerProcess, ServerThread
from fieldkit.domain.ids import new_id


def metric(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text format (0 when absent)."""
    want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        m = re.match(r"^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$", line)
        if m and m.group(1) == name:
            got = ",".join(sorted(p for p in (m.group(2) or "").split(",") if p))
            if got == want:
                return float(m.group(3))
    return 0.0


def total(text: str, name: str) -> float:
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith(name + "{") or line.startswith(name + " "))


def test_healthz_metrics_and_request_ids(world, caplog: pytest.LogCaptureFixture):
    base = requests.get(world.url + "/metrics", timeout=10).text
    assert requests.get(world.url + "/healthz", timeout=10).json()["ok"] is True
    cid, mid = new_id(), new_id()
    ops = [customer_op(cid, "PA23LN0000777"), meter_op(mid, cid), *[reading_op(mid, 10 + i) for i in range(4)],
           reading_op(new_id(), 1)]  # unknown meter: rejected
    with caplog.at_level(logging.INFO, logger="fieldkit.central.access"):
        r = requests.post(world.url + "/v1/push", json=world.devices["d1"].sign("lan", ops), timeout=30, headers={
            **world.devices["d1"].as_user("lan"), "X-Request-Id": "proxy-req-12345678"})
    assert r.status_code == 200 and r.headers["X-Request-Id"] == "proxy-req-12345678"
    world.call("POST", "/v1/push", "d1", "lan", json={"ops": ops[:2]})  # replays
    pull = world.call("GET", "/v1/changes?since=0", "d1b", "lan")
    assert pull.status_code == 200 and len(pull.headers["X-Request-Id"]) == 32  # made by the server
    hostile = requests.get(world.url + "/v1/ping", headers={"X-Request-Id": "x\" injected"}, timeout=10)
    assert hostile.headers["X-Request-Id"] != "x\" injected"

    m = requests.get(world.url + "/metrics", timeout=10)
    assert m.headers["content-type"].startswith("text/plain")
    after = m.text

    def delta(name: str, **labels: str) -> float:
        return metric(after, name, **labels) - metric(base, name, **labels)

    assert delta("fieldkit_ops_total", status="applied") == 6
    assert delta("fieldkit_ops_total", status="rejected") == 1
    assert delta("fieldkit_ops_total", status="replay") == 2
    assert total(after, "fieldkit_rejections_total") - total(base, "fieldkit_rejections_total") == 1
    code = r.json()["results"][-1]["code"]
    assert delta("fieldkit_rejections_total", code=code) == 1
    assert delta("fieldkit_http_requests_total", method="POST", route="/v1/push", status="200") == 2
    assert delta("fieldkit_http_request_seconds_count", method="POST", route="/v1/push") == 2
    assert metric(after, "fieldkit_change_feed_head") >= 6
    assert metric(after, "fieldkit_quarantined_changes") == 0
    assert delta("fieldkit_pull_behind_changes_count") == 1
    # one JSON line per request, with its id, route template and status
    lines = [json.loads(JsonFormatter().format(rec)) for rec in caplog.records if rec.name.endswith("access")]
    mine = [line for line in lines if line["request_id"] == "proxy-req-12345678"]
    assert len(mine) == 1 and mine[0]["route"] == "/v1/push" and mine[0]["status"] == 200 and mine[0]["ms"] > 0


def test_healthz_says_503_when_the_database_is_unreachable():
    db = Database("postgresql://fieldkit@127.0.0.1:1/nowhere")  # nothing listens on port 1
    with ServerThread(db) as srv:
        r = requests.get(srv.url + "/healthz", timeout=30)
    db.dispose()
    assert r.status_code == 503 and r.json()["db"] == "unreachable"


@pytest.mark.slow
def test_two_worker_processes_serve_one_database_and_metrics_sum_over_them(db_url: str, tmp_path: Path):
    """Each request on a fresh connection lands on either worker; the scrape counts all of them."""
    with ServerProcess(db_url, workers=2, log_path=str(tmp_path / "server.log")) as srv:
        assert len(srv.worker_pids()) == 2
        workers = set(srv.worker_pids())
        answered: dict[int, int] = {}
        for _ in range(30):
            with requests.Session() as s:  # a new connection each time: the kernel picks a worker
                pid = s.get(srv.url + "/v1/ping", timeout=10) and s.get(srv.url + "/healthz", timeout=10).json()["pid"]
                answered[pid] = answered.get(pid, 0) + 1
        scrapes = {}
        for _ in range(60):
            with requests.Session() as s:
                text = s.get(srv.url + "/metrics", timeout=10).text
                scrapes[s.get(srv.url + "/healthz", timeout=10).json()["pid"]] = text
            if len(scrapes) == 2:
                break
    assert set(answered) <= workers and set(scrapes) <= workers
    assert len(answered) == 2 or len(scrapes) == 2, (answered, list(scrapes))  # both workers were used
    for text in scrapes.values():  # whichever worker answered the scrape, the sum over both
        assert metric(text, "fieldkit_http_requests_total", method="GET", route="/v1/ping", status="200") == 30
