"""What a utility's IT watches: GET /healthz, Prometheus metrics at GET /metrics, one JSON log
line per request with its request id.

Counters and latency histograms are kept with prometheus_client. With several worker processes
(`fieldkit central serve --workers N`) every process writes its samples to files in
PROMETHEUS_MULTIPROC_DIR (set by the serve command before the workers start) and a scrape of any
worker sums them, so the figures are the server's, not one worker's; a worker that dies keeps
its counts. Figures that live in the database (quarantined changes, the head of the change
feed) are read from it at each scrape, so every worker answers the same.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import re
import secrets
import time
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

from fastapi import FastAPI, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Connection, func, select, text
from starlette.types import Scope

from fieldkit.central import feed
from fieldkit.central import schema as t
from fieldkit.central.db import Database
from fieldkit.central.withhold import WITHHELD

orjson: ModuleType | None  # None without it (the tests set it to None to read the fallback)
try:
    import orjson
except ImportError:  # pragma: no cover - the server's extra installs it; the standard encoder writes the same line
    orjson = None

log = logging.getLogger("fieldkit.central.access")
REQUEST_ID = re.compile(r"^[0-9A-Za-z._-]{8,64}$")
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
BEHIND_BUCKETS = (0, 10, 100, 1_000, 10_000)
BEHIND_CAP = 10_001  # counted up to here: more than 10,000 behind lands in +Inf (a count of 100,000
# index entries took PostgreSQL 27-31 ms on every pull page of a device that far behind, as much
# as the page itself and before its last byte left; 10,000 take 3-4 ms)

# Registered in prometheus_client's default registry (in multiprocess mode they write to files).
REQUESTS = Counter("fieldkit_http_requests", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram("fieldkit_http_request_seconds", "time to answer, per endpoint", ["method", "route"],
                    buckets=LATENCY_BUCKETS)
OPS = Counter("fieldkit_ops", "pushed operations by outcome (applied, conflict, rejected, replay)", ["status"])
REJECTIONS = Counter("fieldkit_rejections", "refused operations by reason code", ["code"])
UPLOAD_BYTES = Counter("fieldkit_upload_bytes", "attachment bytes received (chunk bodies)")
PULL_BEHIND = Histogram("fieldkit_pull_behind_changes",
                        "change-feed lag: how many changes behind the head a device's pull starts",
                        buckets=BEHIND_BUCKETS)


def count_results(results: Iterable[dict[str, Any]]) -> None:
    """Count a push's answers (called by POST /v1/push once its transaction committed)."""
    by_status: dict[str, int] = {}
    for r in results:
        status = "replay" if r.get("replay") else str(r.get("status", ""))
        by_status[status] = by_status.get(status, 0) + 1
        if r.get("status") == "rejected":
            REJECTIONS.labels(str(r.get("code") or "other")[:48]).inc()
    for status, n in by_status.items():
        OPS.labels(status).inc(n)


class DatabaseFigures(Collector):
    """Gauges read from the database at scrape time (the same for every worker)."""

    def __init__(self, db: Database):
        self.db = db

    def collect(self) -> Iterable[GaugeMetricFamily]:
        with self.db.read() as conn:
            try:
                head: float = feed.head(conn)
            except (ValueError, TypeError):  # a damaged seq (central/withhold.py): the scrape goes on
                log.error("the change-feed head is not a number")
                head = float("nan")
            quarantined = conn.execute(select(func.count()).select_from(t.quarantine)
                                       .where(t.quarantine.c.removed_at.is_(None))).scalar()
        yield GaugeMetricFamily("fieldkit_change_feed_head", "sequence number of the newest change",
                                value=float(head or 0))
        yield GaugeMetricFamily("fieldkit_quarantined_changes", "change-feed records skipped as unservable",
                                value=float(quarantined or 0))


def registry(db: Database) -> CollectorRegistry:
    reg = CollectorRegistry()
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(reg, path=folder)
    else:  # one process (tests, the demo): our collectors as they are
        for collector in (REQUESTS, LATENCY, OPS, REJECTIONS, UPLOAD_BYTES, PULL_BEHIND, WITHHELD):
            reg.register(collector)
    reg.register(DatabaseFigures(db))
    return reg


class JsonFormatter(logging.Formatter):
    """One JSON object per line. `at` is UTC (it says Z; the machine's zone used to be written
    there), its text made once per second: the formatter runs for every request's line."""

    converter: Callable[[float | None], time.struct_time] = time.gmtime  # typed as the base's (not a method)
    _second: tuple[int, str] = (-1, "")

    def format(self, record: logging.LogRecord) -> str:
        second, stamp = self._second
        if int(record.created) != second:
            second = int(record.created)
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
            self._second = (second, stamp)
        line: dict[str, Any] = {"at": f"{stamp}.{int(record.msecs):03d}Z",
                                "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage(),
                                "pid": record.process}
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        if orjson is not None:  # the same text (compact, UTF-8 as it is), 3-4x faster; every request writes one
            try:
                return str(orjson.dumps(line).decode("utf-8"))
            except (TypeError, orjson.JSONEncodeError):  # a lone surrogate, a huge integer, an odd value: the standard way
                pass
        return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def json_logging(level: str = "info") -> dict[str, Any]:
    """A logging config (uvicorn's `log_config`): every line JSON on stderr, times in UTC."""
    return {
        "version": 1, "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
        "loggers": {
            "fieldkit": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},  # ours is richer
        },
    }


_ids: tuple[int, str, bytes, itertools.count[int]] = (0, "", b"", itertools.count())


def new_request_id() -> str:
    """32 hex digits: 16 random per process, then a keyed hash of a counter (so an answer does not
    tell how many requests came before it). Unique across workers and hosts like a uuid4, without
    reading the kernel's random source on every request: that system call lets go of the
    interpreter lock, and the event loop then waits for an endpoint thread to hand it back (up to
    the 5 ms switch interval) before it serves any other connection."""
    global _ids
    pid, prefix, key, counter = _ids
    if pid != os.getpid():  # first call in this process (or a fork): fresh randomness
        pid, prefix, key, counter = os.getpid(), secrets.token_hex(8), secrets.token_bytes(16), itertools.count()
        _ids = (pid, prefix, key, counter)
    return prefix + hashlib.blake2b(next(counter).to_bytes(8, "little"), key=key, digest_size=8).hexdigest()


METHODS = frozenset(("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"))
_children: dict[tuple[str, str, int], tuple[Any, Any]] = {}  # (method, route, status) -> metric children


def _series(method: str, route: str, status: int) -> tuple[Any, Any]:
    """The request counter's and the latency histogram's children for these labels, looked up once
    (a label look-up takes a lock and checks the labels on every call). Methods outside HTTP's
    usual ones count as "other", so a client cannot make new series with made-up methods."""
    key = (method, route, status)
    got = _children.get(key)
    if got is None:
        label = method if method in METHODS else "other"
        got = _children[key] = (REQUESTS.labels(label, route, str(status)), LATENCY.labels(label, route))
    return got


def record(scope: Scope, method: str, status: int, seconds: float, rid: str, length: bytes) -> None:
    """Count and log one request (central/edge.py calls it before the answer's last byte leaves, so
    a client that has the answer also finds it in /metrics): its count and latency by route
    template (never the raw path), upload bytes, and one log line with its id (the pull's lag is
    counted by GET /v1/changes itself: observe_behind)."""
    route = getattr(scope.get("route"), "path", None) or "unmatched"
    counter, latency = _series(method, route, status)
    counter.inc()
    latency.observe(seconds)
    if route == "/v1/attachments/{sha256}" and method == "PUT" and status < 400:
        UPLOAD_BYTES.inc(_int(length))
    # (the pull's lag, fieldkit_pull_behind_changes, is observed by GET /v1/changes itself, on the
    # page's connection: observe_behind)
    level = logging.ERROR if status >= 500 else logging.INFO
    if log.isEnabledFor(level):
        log.log(level, "request", extra={"fields": {"request_id": rid, "method": method, "route": route,
                                                    "status": status, "ms": round(seconds * 1000, 1)}})


def _int(raw: bytes | None) -> int:
    try:
        return max(0, int(raw or b"0"))
    except ValueError:
        return 0


def install(app: FastAPI, db: Database) -> None:
    """GET /healthz and GET /metrics (the request middleware is central/edge.py)."""

    @app.get("/healthz", tags=["operations"], responses={503: {"description": "the database is not reachable"}})
    def healthz() -> Response:
        """200 when this worker can reach the database (for the load balancer and the supervisor)."""
        def select_1() -> None:
            with db.read() as conn:
                conn.execute(text("SELECT 1")).scalar()

        try:  # a pooled connection found dead (PostgreSQL restarted): once more on a fresh one first
            db.once_more_if_dropped(select_1)
        except Exception as exc:  # any failure to reach the database means: take me out of rotation
            log.error("health check failed", extra={"fields": {"error": type(exc).__name__}})
            return JSONResponse({"ok": False, "db": "unreachable", "pid": os.getpid()}, status_code=503)
        return JSONResponse({"ok": True, "db": "ok", "pid": os.getpid()})

    @app.get("/metrics", tags=["operations"], response_class=Response,
             responses={200: {"content": {CONTENT_TYPE_LATEST: {}}}})
    def metrics() -> Response:
        """Prometheus text format; the same sums whichever worker answers."""
        return Response(generate_latest(registry(db)), media_type=CONTENT_TYPE_LATEST)


def observe_behind(conn: Connection, since: int) -> None:
    """Record how many changes behind the feed's head a pull starts (counted, up to BEHIND_CAP: on
    PostgreSQL the numbers have gaps, fieldkit/central/feed.py). GET /v1/changes calls it on the
    connection that read the page, in the same thread: it used to be a second hand-off to the
    thread pool and a second connection from the pool after the answer. A failure is logged, never
    the request's (a metric must never fail a pull)."""
    try:
        PULL_BEHIND.observe(feed.behind(conn, since, BEHIND_CAP))
    except Exception:
        log.exception("could not count the pull's lag behind the change feed")
