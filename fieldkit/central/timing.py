"""`Server-Timing: app;dur=<ms>` on every answer: how long the server held the request, from the
moment its body had arrived (for a request without a body: its headers) until its answer
started. That covers waiting for a thread, parsing, checking, queueing for the database behind
other devices, applying and encoding; it leaves out the time the body spent on the link.

The laptop's batcher (fieldkit/sync/batching.py) takes the rest of a request's time as the
link's: it sizes batches by the link's rate and keeps the server's part near half a second, so
a busy server gets smaller batches while a 2G link still gets few round trips. The header is a
sizing hint only (it is not signed; the answer's body is): W3C Server-Timing, also shown by
browsers' developer tools. About 28 bytes per answer."""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send


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
                ms = (time.perf_counter() - since) * 1000.0
                message["headers"] = [*message.get("headers", []), (b"server-timing", b"app;dur=%.1f" % ms)]
            await send(message)

        await self.app(scope, body_arrived, send_timed)
