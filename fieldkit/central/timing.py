"""`Server-Timing: app;dur=<ms>` on every answer: how long the server held the request, from the
moment its body had arrived (for a request without a body: its headers) until its answer
started. That covers waiting for a thread, parsing, checking, queueing for the database behind
other devices, applying and encoding; it leaves out the time the body spent on the link.

The laptop's batcher (fieldkit/sync/batching.py) takes the rest of a request's time as the
link's: it sizes batches by the link's rate and keeps the server's part near half a second, so
a busy server gets smaller batches while a 2G link still gets few round trips. The header is a
sizing hint only (it is not signed; the answer's body is): W3C Server-Timing, also shown by
browsers' developer tools. About 28 bytes per answer.

A pipelined push that waits for the same device's earlier batch (central/turns.py) is not held by
the server's load but by the device's own pipelining (the wait overlaps the earlier batch): that
wait is left out of `app` and told apart as `turn;dur=<ms>`, so a device alone on a server is not
taken for a device behind a queue."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TURN = "fieldkit.turn_s"


@contextmanager
def own_turn(request: Request) -> Iterator[None]:
    """Time spent waiting for this device's own earlier batch (not counted as the server's time)."""
    began = time.perf_counter()
    try:
        yield
    finally:
        request.scope[TURN] = request.scope.get(TURN, 0.0) + time.perf_counter() - began


class ServerTiming:
    """Pure ASGI middleware (no BaseHTTPMiddleware: it stays cheap under load)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        since = time.perf_counter()

        async def body_arrived() -> Message:
            nonlocal since
            message = await receive()
            if message["type"] == "http.request" and not message.get("more_body", False):
                since = time.perf_counter()
            return message

        async def send_timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                turn = float(scope.get(TURN, 0.0))
                ms = max(0.0, time.perf_counter() - since - turn) * 1000.0
                value = b"app;dur=%.1f, turn;dur=%.1f" % (ms, turn * 1000.0) if turn else b"app;dur=%.1f" % ms
                message["headers"] = [*message.get("headers", []), (b"server-timing", value)]
            await send(message)

        await self.app(scope, body_arrived, send_timed)
