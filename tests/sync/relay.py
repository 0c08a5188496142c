"""A relay on loopback between a laptop and the real server that keeps every request it sees and may
answer some itself (the sealed-push and key-rotation tests: what a man in the middle reads and says)."""

from __future__ import annotations

import gzip
import threading
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import requests

Answer = Callable[[str, bytes], tuple[int, bytes, str] | None]
KEPT = ("content-type", "content-encoding", "x-fk-signature", "x-fk-withheld", "server-timing")


class Relay:
    """Forwards every request to `target` and keeps what it saw (head and gunzipped body) in `seen`,
    the raw sealed bodies in `sealed`, the count per path in `requests`; `answer(path, body)` may
    answer instead (status, body, content type). A subclass answers through `own`."""

    def __init__(self, target: str, answer: Answer | None = None):
        self.target, self.answer = target, answer
        self.requests: Counter[str] = Counter()
        self.seen: list[bytes] = []
        self.sealed: list[bytes] = []
        relay = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                del format, args

            def _reply(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _any(self) -> None:
                parts = urlsplit(self.path)
                relay.requests[parts.path] += 1
                length = int(self.headers.get("content-length") or 0)
                data = self.rfile.read(length) if length else b""
                body = gzip.decompress(data) if data and "gzip" in self.headers.get("content-encoding", "") else data
                relay.seen.append(f"{self.command} {self.path}\n{self.headers}".encode() + body)
                if parts.path == "/v1/push/sealed":
                    relay.sealed.append(data)
                own = relay.own(parts.path, parts.query, data)
                if own is not None:
                    self._reply(*own)
                    return
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "connection", "content-length")}
                got = requests.request(self.command, relay.target + self.path, data=data or None, headers=headers,
                                       timeout=60, stream=True)
                raw = got.raw.read()  # as it came (gzip or not): its content-encoding goes along
                self._reply(got.status_code, raw, {k: v for k, v in got.headers.items() if k.lower() in KEPT})

            do_GET = do_POST = do_PUT = do_HEAD = _any  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def own(self, path: str, query: str, data: bytes) -> tuple[int, bytes, dict[str, str]] | None:
        """The relay's own answer (status, body, headers) to a request, or None: forwarded."""
        del query
        got = self.answer(path, data) if self.answer is not None else None
        return None if got is None else (got[0], got[1], {"Content-Type": got[2]})

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> Relay:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
