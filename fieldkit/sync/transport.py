"""HTTP to the central server: one kept-alive connection, small headers, gzip both ways.

Errors are sorted into what the caller does next:
- `Unreachable`: the network or the server is not there right now (cut connection,
  timeout, truncated or damaged answer, 502/503/504). Safe to retry: every call is
  idempotent on the server (operation ids, upload offsets, cursors).
- `AuthRefused`: 401/403 on authentication: not enrolled, token revoked, user not in team.
- `ServerRefused`: any other 4xx/5xx: the message says why; retrying will not help.
"""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import requests
from requests.structures import CaseInsensitiveDict


class SyncError(Exception):
    pass


class Unreachable(SyncError):
    pass


class AuthRefused(SyncError):
    pass


class ServerRefused(SyncError):
    def __init__(self, status: int, message: str, body: Any = None):
        super().__init__(f"{status}: {message}")
        self.status = status
        self.body = body


@dataclass
class Exchange:
    status: int
    body: Any
    sent: int  # bytes on the wire out: request line, headers, body
    received: int  # bytes on the wire in: status line, headers, (compressed) body
    seconds: float
    server_time: datetime | None = None
    headers: Any = None  # the answer's headers (case-insensitive)


def _head_size(first_line: str, headers: Any) -> int:
    return len(first_line) + 2 + sum(len(k) + len(str(v)) + 4 for k, v in headers.items()) + 2


class Transport:
    def __init__(self, base_url: str, token: str | None = None, user: str | None = None,
                 timeout: tuple[float, float] = (10.0, 60.0)):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        # Only what the server needs: every byte counts on a 2G link.
        self.http.headers = CaseInsensitiveDict({"Accept-Encoding": "gzip"})
        if token:
            self.http.headers["Authorization"] = f"Bearer {token}"
        if user:
            self.http.headers["X-FK-User"] = user

    def close(self) -> None:
        self.http.close()

    def request(self, method: str, path: str, *, json_body: Any = None, data: bytes | None = None,
                params: dict[str, Any] | None = None, compress: bool = True,
                content_type: str = "application/json", ok: tuple[int, ...] = (200,),
                as_bytes: bool = False) -> Exchange:
        """One request. `as_bytes=True` gives the answer's bytes as they are (downloads), JSON or not."""
        headers: dict[str, str] = {}
        body: bytes | None = None
        if json_body is not None:
            raw = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            body = raw
        elif data is not None:
            body = data
        if body is not None:
            headers["Content-Type"] = content_type
            if compress and len(body) > 200:
                packed = gzip.compress(body, compresslevel=9, mtime=0)
                if len(packed) < len(body) * 0.95:  # photos are compressed already
                    body = packed
                    headers["Content-Encoding"] = "gzip"
        url = self.base_url + path
        started = time.monotonic()
        try:
            resp = self.http.request(method, url, data=body, params=params, headers=headers, timeout=self.timeout)
            content = resp.content
        except requests.RequestException as exc:
            raise Unreachable(_short(exc)) from exc
        seconds = time.monotonic() - started
        req = resp.request
        sent = _head_size(f"{method} {req.path_url} HTTP/1.1", req.headers) + len(body or b"")
        wire_len = int(resp.headers.get("content-length", len(content)))
        received = _head_size(f"HTTP/1.1 {resp.status_code} {resp.reason}", resp.headers) + wire_len
        if resp.status_code in (502, 503, 504):
            raise Unreachable(f"server busy or unavailable ({resp.status_code})")
        parsed: Any = None
        if as_bytes and resp.status_code in ok:
            parsed = content
        elif resp.headers.get("content-type", "").startswith("application/json"):
            try:
                parsed = json.loads(content)
            except ValueError as exc:  # a truncated or damaged answer: as if the line had dropped
                raise Unreachable("incomplete answer from the server") from exc
        else:
            parsed = content
        if resp.status_code not in ok:
            message = parsed.get("detail") if isinstance(parsed, dict) else resp.reason
            if resp.status_code in (401, 403) and path not in ("/v1/enrol",) and _is_auth(message):
                raise AuthRefused(str(message))
            raise ServerRefused(resp.status_code, str(message), parsed)
        server_time = None
        if isinstance(parsed, dict) and isinstance(parsed.get("time"), str):
            try:
                server_time = datetime.fromisoformat(parsed["time"])
            except ValueError:
                server_time = None
        return Exchange(resp.status_code, parsed, sent, received, seconds, server_time, resp.headers)


def _is_auth(message: Any) -> bool:
    text = str(message)
    return "token" in text or "enrolled" in text or "member of the device's team" in text


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    if "Connection refused" in text:
        return "connection refused: the server is not running there"
    if "timed out" in text.lower():
        return "the server did not answer in time"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "unknown server name"
    return f"connection failed: {type(exc).__name__}"
