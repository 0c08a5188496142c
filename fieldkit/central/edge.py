"""What every HTTP request gets at the edge, in ONE pure-ASGI middleware (one receive wrapper, one
send wrapper; there were four layers each wrapping send in the same shape, plus Starlette's
GZipMiddleware):

- the body limit (central/limits.py): a declared `Content-Length` above the endpoint's limit is
  answered 413 at once, a chunked or lying body is cut off at the limit as it arrives, and an
  answer given before the body was read closes the connection;
- the request id (`X-Request-Id`, the proxy's when well-formed) on the answer and in the scope;
- the request's metrics and its one JSON log line (central/observe.py), recorded before the last
  byte of the answer leaves;
- `Server-Timing: app;dur` (and `turn;dur`, central/timing.py), from the body's arrival to the
  answer's start;
- gzip of answers of 300 bytes or more when the client accepts it (as Starlette's GZipMiddleware:
  `Vary: Accept-Encoding`, streaming answers compressed as they go, already encoded, partial and
  compressed media types left alone, large chunks compressed in a thread);
- an exception in a route that has not started its answer is answered 500 here, with the request
  id, and still counted and logged (then re-raised, so the server logs the traceback as before).

Measured with bench/central_edge.py (server CPU per request from /proc)."""

from __future__ import annotations

import time
import zlib
from typing import Any

import anyio.to_thread
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fieldkit.central import limits, observe
from fieldkit.central.timing import TURN

MIN_GZIP = 300
GZIP_LEVEL = 6
THREAD_GZIP = 128 * 1024  # a chunk this large is compressed in a thread (it would hold the event loop)
EXCLUDED = frozenset(t.partition(";")[0].strip().lower() for t in DEFAULT_EXCLUDED_CONTENT_TYPES)
BODY_METHODS = frozenset(("POST", "PUT", "PATCH"))
ERROR_500 = b"Internal Server Error"
_perf = time.perf_counter


def _excluded(headers: list[tuple[bytes, bytes]]) -> bool:
    """Already encoded, or a media type that does not compress (Starlette's list)."""
    for name, value in headers:
        if name == b"content-encoding":
            return True
        if name == b"content-type":
            media = value.decode("latin-1").partition(";")[0].strip().lower()
            if media in EXCLUDED or media.partition("/")[0] + "/*" in EXCLUDED or media.startswith("application/grpc"):
                return True
    return False


def _vary(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    out, vary = [], b""
    for name, value in headers:
        if name == b"vary":
            vary = value
        else:
            out.append((name, value))
    out.append((b"vary", vary + b", Accept-Encoding" if vary else b"Accept-Encoding"))
    return out


def _without(headers: list[tuple[bytes, bytes]], drop: bytes) -> list[tuple[bytes, bytes]]:
    return [(n, v) for n, v in headers if n != drop]


class Edge:
    def __init__(self, app: ASGIApp, minimum_size: int = MIN_GZIP, compresslevel: int = GZIP_LEVEL):
        self.app = app
        self.minimum_size = minimum_size
        self.compresslevel = compresslevel

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # noqa: C901 - one flat pass on purpose
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = since = _perf()
        method = scope["method"]
        given = length = b""
        gzip_ok = False
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                given = value
            elif name == b"content-length" and not length:
                length = value
            elif name == b"accept-encoding":
                gzip_ok = b"gzip" in value
        rid = given.decode("latin-1") if given and observe.REQUEST_ID.match(given.decode("latin-1")) else observe.new_request_id()
        rid_header = (b"x-request-id", rid.encode())
        scope.setdefault("state", {})["request_id"] = rid
        limit = limits.limit_for(method, scope["path"])
        scope[limits.SCOPE_KEY] = limit
        try:
            declared: int | None = int(length) if length else None
        except ValueError:
            declared = None
        status = 500
        seen = 0
        body_done = declared == 0
        started = done = False
        held: Message | None = None  # the answer's start, held until its first body shows whether to gzip
        compress: Any = None  # zlib compressor of a streaming answer, or False: passed as it is

        async def finish() -> None:
            nonlocal done
            if not done:
                done = True
                observe.record(scope, method, status, _perf() - t0, rid, length)

        async def send_out(message: Message) -> None:
            """Request id, Server-Timing and the connection's fate on the start; metrics and the log
            line before the last byte leaves."""
            nonlocal status, started
            kind = message["type"]
            if kind == "http.response.start":
                status = int(message["status"])
                started = True
                turn = float(scope.get(TURN, 0.0))
                ms = max(0.0, _perf() - since - turn) * 1000.0
                timing = b"app;dur=%.1f, turn;dur=%.1f" % (ms, turn * 1000.0) if turn else b"app;dur=%.1f" % ms
                headers = list(message.get("headers", ()))
                if not body_done and method in BODY_METHODS:
                    # Answered before the body was read (401, 403, 422…): close instead of letting the
                    # server read and discard the rest of a possibly huge body.
                    headers.append((b"connection", b"close"))
                headers.append(rid_header)
                headers.append((b"server-timing", timing))
                message = {**message, "headers": headers}
            elif kind == "http.response.body" and not message.get("more_body", False):
                await finish()
            await send(message)

        async def gzipped(body: bytes, more: bool) -> bytes:
            nonlocal compress
            if not compress:
                compress = zlib.compressobj(self.compresslevel, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            c: zlib._Compress = compress

            def run() -> bytes:
                return c.compress(body) + (c.flush(zlib.Z_SYNC_FLUSH) if more else c.flush())

            return await anyio.to_thread.run_sync(run) if len(body) >= THREAD_GZIP else run()

        async def send_app(message: Message) -> None:
            """The answer as the app gives it: gzip'd when it pays and the client takes it."""
            nonlocal held, compress
            kind = message["type"]
            if kind == "http.response.start":
                headers = message.get("headers") or []
                if message["status"] == 206 or _excluded(headers):
                    compress = False
                    await send_out(message)
                else:
                    held = message
                return
            if held is not None and kind != "http.response.body":  # pathsend, trailers…: nothing to compress
                start, held = held, None
                await send_out(start)
            if held is None:
                if compress and kind == "http.response.body":  # the rest of a compressed stream
                    more = message.get("more_body", False)
                    message = {**message, "body": await gzipped(message.get("body", b""), more)}
                await send_out(message)
                return
            start, held = held, None
            body = message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) < self.minimum_size and not more:
                await send_out(start)
                await send_out(message)
                return
            headers = _vary(list(start.get("headers") or []))
            if gzip_ok:
                packed = await gzipped(body, more)
                headers = _without(headers, b"content-length")
                headers.append((b"content-encoding", b"gzip"))
                if not more and not start.get("trailers", False):
                    headers.append((b"content-length", str(len(packed)).encode()))
                message = {**message, "body": packed}
            await send_out({**start, "headers": headers})
            await send_out(message)

        async def receive_counted() -> Message:
            nonlocal seen, body_done, since
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise limits.BodyTooLarge(limit)
                if not message.get("more_body", False):
                    body_done = True
                    since = _perf()
            return message

        try:
            if declared is not None and declared > limit:
                body_done = True  # not read: the answer itself says Connection: close
                await limits.answer(send_out, 413, limits.too_large(limit))
                return
            await self.app(scope, receive_counted, send_app)
        except limits.BodyTooLarge:
            if started:
                raise
            body_done = True
            await limits.answer(send_out, 413, limits.too_large(limit))
        except ClientDisconnect:  # the client went away mid-body: nobody to answer, nothing to log as an error
            observe.log.info("client disconnected during %s %s", method, scope.get("path"))
        except Exception:
            if not started:  # answered here, so the 500 carries the request id and is counted
                await send_out({"type": "http.response.start", "status": 500, "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"%d" % len(ERROR_500))]})
                await send_out({"type": "http.response.body", "body": ERROR_500})
            raise
        finally:
            await finish()  # no answer was completed (an error, or the client went away)


def install(app: Any) -> None:
    """The edge middleware, outside everything of ours (added last: Starlette puts it first)."""
    app.add_middleware(Edge)
