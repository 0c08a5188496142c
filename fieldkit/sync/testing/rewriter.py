"""A man in the middle for tests (loopback only): an HTTP proxy that forwards every request to a
real server and may change a JSON answer on its way back, and that counts the requests it sees
and how many of each path were in flight at once.

    proxy = AnswerRewriter(("127.0.0.1", port), rewrite=lambda method, path, body: ...).start()
    ... proxy.url ...
    proxy.most_in_flight["/v1/push"]
    proxy.stop()

`rewrite(method, path, answer)` gets each JSON answer (decoded, gzip undone) and returns the answer
to send instead, or None to pass it on unchanged (byte for byte). Headers pass unchanged (the
server's `X-FK-Signature` too), except the body's length and encoding when the body was changed
and the `strip_headers` of a changed answer.
"""

from __future__ import annotations

import gzip
import http.client
import json
import threading
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

Rewrite = Callable[[str, str, Any], Any]
_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "te", "upgrade", "host", "date",
        "server"}


class AnswerRewriter:
    def __init__(self, target: tuple[str, int], rewrite: Rewrite | None = None,
                 strip_headers: frozenset[str] = frozenset()):
        if target[0] not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the rewriting proxy is for loopback tests only")
        self.target = target
        self.rewrite = rewrite
        self.strip_headers = {h.lower() for h in strip_headers}  # left out of every answer that was rewritten
        self.requests: Counter[str] = Counter()  # path -> requests seen
        self.rewritten: Counter[str] = Counter()  # path -> answers changed
        self.in_flight: Counter[str] = Counter()
        self.most_in_flight: Counter[str] = Counter()  # path -> the most requests in flight at once
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> AnswerRewriter:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fk-rewriter", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> AnswerRewriter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset(self) -> None:
        """Forget the counts so far."""
        with self._lock:
            for c in (self.requests, self.rewritten, self.most_in_flight):
                c.clear()

    def _enter(self, path: str) -> None:
        with self._lock:
            self.requests[path] += 1
            self.in_flight[path] += 1
            self.most_in_flight[path] = max(self.most_in_flight[path], self.in_flight[path])

    def _leave(self, path: str) -> None:
        with self._lock:
            self.in_flight[path] -= 1

    def _changed(self, method: str, path: str, headers: http.client.HTTPMessage, raw: bytes) -> bytes | None:
        if self.rewrite is None or not headers.get("content-type", "").startswith("application/json"):
            return None
        plain = gzip.decompress(raw) if headers.get("content-encoding", "") == "gzip" else raw
        try:
            answer = json.loads(plain)
        except ValueError:
            return None
        new = self.rewrite(method, path, answer)
        if new is None:
            return None
        with self._lock:
            self.rewritten[path] += 1
        return json.dumps(new, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            upstream: http.client.HTTPConnection | None = None

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
                del format, args

            def _forward(self) -> None:
                path = urlsplit(self.path).path
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
                proxy._enter(path)
                try:
                    if self.upstream is None:
                        self.upstream = http.client.HTTPConnection(*proxy.target, timeout=60)
                    self.upstream.request(self.command, self.path, body=body, headers=headers)
                    resp = self.upstream.getresponse()
                    raw = resp.read()
                finally:
                    proxy._leave(path)
                changed = proxy._changed(self.command, path, resp.msg, raw)
                self.send_response(resp.status, resp.reason)
                for k, v in resp.msg.items():
                    if k.lower() in _HOP or k.lower() == "content-length":
                        continue
                    if changed is not None and (k.lower() == "content-encoding" or k.lower() in proxy.strip_headers):
                        continue
                    self.send_header(k, v)
                out = raw if changed is None else changed
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            do_GET = do_POST = do_PUT = do_DELETE = _forward

            def finish(self) -> None:
                super().finish()
                if self.upstream is not None:
                    self.upstream.close()

        return Handler
