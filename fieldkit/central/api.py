"""The HTTP API (FastAPI), assembled from its routers. OpenAPI at /openapi.json, browsable at /docs.

Every call except /v1/ping, /v1/hello and /v1/enrol needs `Authorization: Bearer <device
token>`: the device must be enrolled and not revoked (checked on every request, so a revoked
token is refused at once). The device token says nothing about the person: pushed operations
carry their authors' signatures (see central/signatures.py), and role-gated reads (audit,
conflicts, downloads of the team's files) need `X-FK-User-Token`, a short-lived user token
obtained by signing a server challenge (/v1/auth/challenge, /v1/auth/token). `X-FK-User` is
not trusted for anything. Answers that a laptop acts on (push, me, user registration, hello)
are signed with the server's key over the request's `X-FK-Nonce` (`X-FK-Signature`). Request bodies may be gzip-compressed (`Content-Encoding: gzip`);
answers are gzip-compressed when the client accepts it.

The routers, by concern:
- routes_devices.py: ping, hello, enrolment, people's keys and user tokens, me
- routes_sync.py: push and the change feed (pull)
- routes_attachments.py: missing, upload, info, download
- routes_review.py: work orders, customers, conflicts, audit
- observe.py: /healthz and /metrics (and what each request records)
- edge.py: the one middleware every request passes: body limit, request id, metrics and log line,
  `Server-Timing: app;dur` (timing.py; the laptop sizes its batches with it), gzip
Shared: http_io.py (gzip/JSON request, patterns, sizes), access.py (device and user tokens,
the supervisor gate, signed answers).
"""

from __future__ import annotations

from fastapi import FastAPI

from fieldkit import __version__
from fieldkit.central import (
    edge,
    limits,
    observe,
    routes_attachments,
    routes_devices,
    routes_review,
    routes_sync,
)
from fieldkit.central.access import Access
from fieldkit.central.db import Database
from fieldkit.central.http_io import GzipRoute, fast_loads

__all__ = ["create_app", "fast_loads"]


def create_app(db: Database) -> FastAPI:
    app = FastAPI(title="FieldKit central", version=__version__,
                  description="Reference central server for FieldKit devices: enrolment, sync, attachments, review.")
    app.router.route_class = GzipRoute
    limits.install(app)
    observe.install(app, db)
    edge.install(app)  # one middleware: body limit, request id, metrics and log, Server-Timing, gzip
    access = Access(db)
    for module in (routes_devices, routes_sync, routes_attachments, routes_review):
        app.include_router(module.router(db, access))
    return app
