"""HTTP to the central server: one kept-alive connection, small headers, gzip both ways.

Errors are sorted into what the caller does next:
- `Unreachable`: the network or the server is not there right now (cut connection,
  timeout, truncated or damaged answer, 502/503/504). Safe to retry: every call is
  idempotent on the server (operation ids, upload offsets, cursors).
- `AuthRefused`: 401/403 on authentication: not enrolled, token revoked, user not in team.
- `ServerRefused`: any other 4xx/5xx: the message says why; retrying will not help.
- `NotOurServer`: the server cannot prove it holds the key pinned at enrolment: nothing
  (token, data) is sent to it.
- `BadAnswer` (a `ServerRefused`, status as answered): a whole answer that is not what this laptop
  reads (a protocol error: a field missing or of another type, a number out of range, results that
  do not match what was sent, a cursor going backwards, an answer beyond MAX_ANSWER bytes). Not
  retried within the sync (the same server answers the same); nothing it did not prove is stored,
  the next sync asks again (docs/sync.md, "Answers the laptop does not read").

With a pinned server key the transport first asks /v1/hello to sign a fresh nonce and sends
the device token only after that proof; answers the laptop acts on are checked against
their `X-FK-Signature` over the request's `X-FK-Nonce` and the body. With a sealing key kept from
an earlier proven hello (`sealing`, fieldkit/sync/sealed.py) the first pushes go before any proof,
sealed to the pinned key (token, nonce and body inside): the sealed answer opening is the proof.
A server that does not open them (an older one: 404/405; a retired key: 410; made outside the
server's time window, a wrong laptop clock: 410 sealed_stale; 400) gets the hello first, as before.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.structures import CaseInsensitiveDict
from urllib3.util import SKIP_HEADER

from fieldkit.domain import sealing, signing
from fieldkit.sync import deadline, key_chain, sealed


class SyncError(Exception):
    pass


class Unreachable(SyncError):
    pass


class AuthRefused(SyncError):
    pass


class NotOurServer(SyncError):
    pass


class ServerTooOld(NotOurServer):
    """The server lacks something this laptop needs before it sends anything (an older version)."""


class ServerRefused(SyncError):
    def __init__(self, status: int, message: str, body: Any = None):
        super().__init__(f"{status}: {message}")
        self.status = status
        self.body = body


class BadAnswer(ServerRefused):
    """A protocol error: the answer's shape is not what this laptop reads (fieldkit/sync/answers.py).
    A ServerRefused: not retried within the sync (only Unreachable is), shown as the server refusing
    (sync again later, then tell support); nothing the answer did not prove is stored."""

    def __init__(self, status: int, message: str):
        super().__init__(status, message)


class TooLarge(BadAnswer):
    """An answer beyond MAX_ANSWER once inflated: a pull asks again for a smaller page."""


DEADLINE_S = 300.0
MAX_ANSWER = sealed.MAX_ANSWER  # bytes of one answer's body once gzip is undone: beyond it a BadAnswer
_READ = 64 * 1024


@dataclass
class Exchange:
    status: int
    body: Any
    sent: int  # bytes on the wire out: request line, headers, body
    received: int  # bytes on the wire in: status line, headers, (compressed) body
    seconds: float
    server_time: datetime | None = None
    headers: Any = None  # the answer's headers (case-insensitive)
    raw: bytes = b""  # the answer's body as received (decompressed)


def _head_size(first_line: str, headers: Any) -> int:
    return len(first_line) + 2 + sum(len(k) + len(str(v)) + 4 for k, v in headers.items() if v != SKIP_HEADER) + 2


class Transport:
    def __init__(self, base_url: str, token: str | None = None, user: str | None = None,
                 timeout: tuple[float, float] = (10.0, 60.0), server_key: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        # Only what the server needs: every byte counts on a 2G link (no `User-Agent: python-urllib3/…`,
        # 31 bytes a request that nothing reads).
        self.http.headers = CaseInsensitiveDict({"Accept-Encoding": "gzip", "User-Agent": SKIP_HEADER})
        deadline.watch(self.http)
        # One exchange, sent and answered, at most this long: the read timeout bounds each wait for bytes, not
        # an answer sent a byte at a time (fieldkit/sync/deadline.py). Legitimate exchanges are sized to a
        # few seconds on 2G (batches, pages and chunks follow the link's rate).
        self.deadline_s = DEADLINE_S
        self.token = token
        self.server_key = server_key
        self.proven = False
        self.ordered = False  # the server said it keeps pipelined pushes in order (signed hello, push answers)
        self.hello_signed = False  # the last hello's whole answer (its capabilities) carried the server's signature
        # The server signs every answer the laptop acts on (change feed, upload offsets): said in a signed
        # hello, or remembered from one (then an unsigned answer is refused even if a later hello lost it).
        self.signs_all = False
        self.user_token: str | None = None
        # gzip level for request bodies: 9 by default (bytes are what a 2G link costs); a caller that
        # measured a fast link lowers it (level 9 costs about twice the CPU of 5 for ~2 % fewer bytes)
        self.compresslevel = 9
        # Sealed pushes before the proof (fieldkit/sync/sealed.py): the kept key, set by the engine
        self.sealing: sealed.SealingKey | None = None
        self.hello_sealing: sealed.SealingKey | None = None  # what the last proven hello published
        self.seal_skew_s = 0  # the correction of a sealed push's creation time (set by the engine)
        self.hello_skew_s: int | None = None  # the skew the last signed hello measured
        self.hellos = 0  # proven hellos in this session
        self.sealed_sent = 0  # pushes that went sealed
        self.sealing_refused = ""  # why the server did not open a sealed push (then: the hello first)
        self._proof = threading.Lock()
        del user  # the server no longer takes the person from a header

    def hello(self, whole_chain: bool = False) -> tuple[str, Exchange]:
        """Ask the server to sign a fresh nonce; returns its public key (checked against the pin)."""
        nonce = signing.b64(os.urandom(18)).replace("+", "-").replace("/", "_")
        params: dict[str, Any] = {"nonce": nonce}
        pinned = None if whole_chain else self._pinned_number()
        if pinned is not None and pinned > 1:  # only the key links after it (~220 bytes a rotation)
            params["pinned"] = pinned
        try:
            ex = self._send("GET", "/v1/hello", None, params, {}, (200,), False)
        except ServerRefused as exc:
            if exc.status in (404, 405):
                raise ServerTooOld("it cannot prove its identity (it has no /v1/hello), so nothing was sent to "
                                   "it; update the central server (or check the address: this may not be a "
                                   "FieldKit server)") from exc
            raise
        body = ex.body if isinstance(ex.body, dict) else {}
        key = str(body.get("public_key") or "")
        if not signing.verify(key, str(body.get("signature") or ""), signing.hello_message(nonce, key)):
            raise NotOurServer("the server did not prove its identity")
        if self.server_key is not None and key != self.server_key:
            refused = key_chain.follow(self.server_key, key, body.get("keys"))
            if refused and "pinned" in params:  # a stale key number kept: the whole chain, once
                return self.hello(whole_chain=True)
            if refused:  # not an endorsed rotation of the pinned key (sync/key_chain.py)
                raise NotOurServer(f"this is not the server this laptop was enrolled with: {refused}")
            self.server_key = key  # the caller stores the new pin (sync/base.py _pin_server)
        self.proven = True
        # What the server can do (a server that keeps pipelined pushes in order says `ordered`; older
        # ones do not) counts only when the whole answer carries the server's signature: a flag added
        # or flipped on the way is not acted upon (one push at a time, as with an older server).
        self.hello_signed = vouched(key, nonce, ex)
        self.ordered = self.hello_signed and body.get("ordered") is True
        self.signs_all = self.signs_all or (self.hello_signed and body.get("signs_all") is True)
        self.hello_sealing = sealed.from_hello(key, body, self.hello_signed)
        if self.hello_signed:  # its time is the server's word: what the next sealed push corrects by
            self.hello_skew_s = sealed.skew_from(ex.server_time, ex.seconds)
        self.hellos += 1
        return key, ex

    def _pinned_number(self) -> int | None:
        """The pinned key's number, known from a signed hello of that key (its sealing key's `n`)."""
        for known in (self.hello_sealing, self.sealing):
            if known is not None and known.pin == self.server_key:
                return known.n
        return None

    def prove(self) -> Exchange | None:
        """The hello, once, however many sender threads need the proof at the same moment."""
        with self._proof:
            return None if self.proven else self.hello()[1]

    def _key_started(self, sig: str, message: bytes) -> bool:
        """A rotated key may have started since this session's hello: ask again (the pin moves only
        along the endorsed chain) and check the answer under the key the server now proves it holds."""
        if not self.proven or not sig:  # an answer without a signature is no sign of a new key
            return False
        before = self.server_key
        key = self.hello()[0]
        return key != before and signing.verify(key, sig, message)

    def set_user_token(self, token: str | None) -> None:
        self.user_token = token

    def close(self) -> None:
        self.http.close()

    def pack(self, body: bytes, level: int | None = None) -> tuple[bytes, bool]:
        """A request body compressed ahead of sending (when that helps): (bytes, gzipped)."""
        if len(body) > 200:
            packed = gzip.compress(body, compresslevel=self.compresslevel if level is None else level, mtime=0)
            if len(packed) < len(body) * 0.95:  # photos are compressed already
                return packed, True
        return body, False

    def request(self, method: str, path: str, *, json_body: Any = None, data: bytes | None = None,
                params: dict[str, Any] | None = None, compress: bool = True,
                content_type: str = "application/json", ok: tuple[int, ...] = (200,),
                as_bytes: bool = False, signed: bool = False, gzipped: bool = False) -> Exchange:
        """One request. `as_bytes=True` gives the answer's bytes as they are (downloads), JSON or not.
        `signed=True`: the answer must carry the pinned server's signature over a fresh nonce.
        `gzipped=True`: `data` is a JSON body already compressed (`pack`)."""
        headers: dict[str, str] = {}
        proof: Exchange | None = None
        spent = (0, 0)  # the bytes of a sealed push the server did not open
        if (path == sealed.SEALS and method == "POST" and signed and not self.proven and self.token
                and self.sealing is not None and self.sealing.pin == self.server_key and data is not None):
            got = self._sealed_push(self.sealing, data, gzipped, ok)
            if isinstance(got, Exchange):
                return got
            spent = got
        if self.token and path not in ("/v1/ping", "/v1/hello", "/v1/enrol"):
            if self.server_key is not None and not self.proven:
                proof = self.prove()
            headers["Authorization"] = f"Bearer {self.token}"
            if self.user_token:
                headers["X-FK-User-Token"] = self.user_token
        nonce = ""
        if signed:
            nonce = signing.b64(os.urandom(18))
            headers["X-FK-Nonce"] = nonce
        body: bytes | None = None
        if json_body is not None:
            body = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        elif data is not None:
            body = data
        if gzipped:
            headers["Content-Encoding"] = "gzip"
            compress = False
        ex = self._send(method, path, body, params, headers, ok, as_bytes, compress, content_type)
        if signed and self.server_key is not None:
            sig = str(ex.headers.get("x-fk-signature", "")) if ex.headers is not None else ""
            message = signing.answer_message(nonce, ex.raw)
            if not signing.verify(self.server_key, sig, message) and not self._key_started(sig, message):
                raise NotOurServer("the answer is not signed by the server this laptop was enrolled with")
        if proof is not None:  # the proof's bytes count too
            ex.sent += proof.sent
            ex.received += proof.received
        ex.sent += spent[0]
        ex.received += spent[1]
        return ex

    def _sealed_push(self, key: sealed.SealingKey, data: bytes, gzipped: bool,
                     ok: tuple[int, ...]) -> Exchange | tuple[int, int]:
        """One push sealed to the pinned key, before any proof. Its answer opening proves the server
        (it holds the key the pin vouched for); an answer in the clear means the server did not open
        it: the bytes spent are returned and the push goes the usual way (the hello first)."""
        nonce = signing.b64(os.urandom(18))
        assert self.token is not None
        body, answer_key = sealed.seal(key, self.token, nonce, self.user_token, data, gzipped,
                                        self.seal_skew_s)
        # No Accept-Encoding: a sealed answer does not compress (the push's answer is gzipped inside).
        resp, content, sent, received, seconds = self._http(
            "POST", sealed.PATH, body, None, {"Content-Type": sealing.MEDIA, "Accept-Encoding": None})
        media = resp.headers.get("content-type", "")
        if resp.status_code != 200 or not media.startswith(sealing.MEDIA):
            if resp.status_code == 200:
                raise NotOurServer("the answer to a sealed push is not sealed: not the server this laptop was "
                                   "enrolled with (nothing is marked sent)")
            try:
                detail = json.loads(content).get("detail") if media.startswith("application/json") else None
            except (ValueError, AttributeError):
                detail = None
            with self._proof:
                if self.sealing is key:
                    self.sealing = None
                    self.sealing_refused = f"{resp.status_code} {str(detail or resp.reason)[:200]}"
            return sent, received
        try:
            opened = sealed.open_answer(answer_key, content)
        except sealing.SealError as exc:
            raise NotOurServer(f"{exc}: nothing is marked sent") from None
        self.proven = True  # only the holder of the pinned key could seal this answer
        with self._proof:
            self.sealed_sent += 1
        headers = CaseInsensitiveDict(dict(resp.headers))
        headers["x-fk-signature"] = opened.signature
        headers["content-type"] = "application/json"
        ex = self._answer(sealed.SEALS, opened.status, resp.reason, headers, opened.body, sent,
                          received, seconds, ok, False)
        sig = opened.signature
        message = signing.answer_message(nonce, ex.raw)
        if not signing.verify(str(self.server_key), sig, message) and not self._key_started(sig, message):
            raise NotOurServer("the answer is not signed by the server this laptop was enrolled with")
        return ex

    def _send(self, method: str, path: str, body: bytes | None, params: dict[str, Any] | None,
              headers: dict[str, str], ok: tuple[int, ...], as_bytes: bool, compress: bool = True,
              content_type: str = "application/json") -> Exchange:
        if body is not None:
            headers["Content-Type"] = content_type
            if compress:
                body, packed = self.pack(body)
                if packed:
                    headers["Content-Encoding"] = "gzip"
        resp, content, sent, received, seconds = self._http(method, path, body, params, headers)
        return self._answer(path, resp.status_code, resp.reason, resp.headers, content, sent, received,
                            seconds, ok, as_bytes)

    def _http(self, method: str, path: str, body: bytes | None, params: dict[str, Any] | None,
              headers: dict[str, Any]) -> tuple[requests.Response, bytes, int, int, float]:
        """One request on the wire: the answer, its bytes, the bytes both ways, the seconds."""
        url = self.base_url + path
        started = time.monotonic()
        with deadline.Deadline(self.deadline_s) as late:
            try:
                resp = self.http.request(method, url, data=body, params=params, headers=headers,
                                         timeout=self.timeout, stream=True)
                content = _bounded(resp)
            except requests.RequestException as exc:
                if late.fired:
                    raise Unreachable(f"the exchange took longer than {self.deadline_s:g} s (an answer sent "
                                      "a little at a time): cut") from exc
                raise Unreachable(_short(exc)) from exc
        seconds = time.monotonic() - started
        req = resp.request
        # urllib3 adds Host (not in req.headers): counted too, so that `sent` is the bytes on the wire
        sent = (_head_size(f"{method} {req.path_url} HTTP/1.1", req.headers) + len(body or b"")
                + (0 if "host" in req.headers else len("Host: \r\n") + len(urlsplit(url).netloc)))
        if resp.status_code in (502, 503, 504):
            raise Unreachable(f"server busy or unavailable ({resp.status_code})")
        declared = resp.headers.get("content-length")
        if declared is not None and not (declared.strip().isascii() and declared.strip().isdigit()):
            # A line cut inside the answer's headers ("Content-Length: " and the end): http.client takes
            # the early end for the end of the headers, the value for empty and the body as empty.
            raise Unreachable("incomplete answer from the server")
        if (method != "HEAD" and resp.status_code not in (204, 304) and declared is None
                and "chunked" not in resp.headers.get("transfer-encoding", "").lower()):
            # The same cut before the length's line. Every answer of the server has a length or is chunked.
            raise Unreachable("incomplete answer from the server")
        wire_len = int(declared) if declared is not None else len(content)
        received = _head_size(f"HTTP/1.1 {resp.status_code} {resp.reason}", resp.headers) + wire_len
        return resp, content, sent, received, seconds

    def _answer(self, path: str, status: int, reason: str, headers: Any, content: bytes, sent: int,
                received: int, seconds: float, ok: tuple[int, ...], as_bytes: bool) -> Exchange:
        """The answer read and sorted: parsed JSON (or bytes), or the error the caller acts upon."""
        parsed: Any = None
        if as_bytes and status in ok:
            parsed = content
        elif headers.get("content-type", "").startswith("application/json"):
            try:
                parsed = json.loads(content)
            except ValueError as exc:  # a truncated or damaged answer: as if the line had dropped
                raise Unreachable("incomplete answer from the server") from exc
            except RecursionError:  # JSON nested deeper than Python's stack: no answer of this server's
                raise BadAnswer(status, "the server's answer is JSON nested too deep to read: a protocol error") from None
        else:
            parsed = content
        if status not in ok:
            message = parsed.get("detail") if isinstance(parsed, dict) else reason
            if status in (401, 403) and path not in ("/v1/enrol",) and _is_auth(message):
                raise AuthRefused(str(message))
            raise ServerRefused(status, str(message), parsed)
        server_time = _server_time(parsed)
        return Exchange(status, parsed, sent, received, seconds, server_time, headers, content)


def _bounded(resp: requests.Response) -> bytes:
    """The answer's body with gzip undone, at most MAX_ANSWER bytes (a small gzip that inflates to
    gigabytes, or an endless body, is refused as it comes in, never held whole)."""
    parts: list[bytes] = []
    size = 0
    for part in resp.iter_content(_READ):  # read to its end, the connection goes back to the pool (as .content)
        size += len(part)
        if size > MAX_ANSWER:
            resp.close()  # the rest is not read: this connection is not used again
            raise TooLarge(resp.status_code, f"the server's answer is larger than {MAX_ANSWER} bytes "
                                              "(once uncompressed): not read")
        parts.append(part)
    return b"".join(parts)


def _server_time(parsed: Any) -> datetime | None:
    """The answer's `time` when it is a time with its zone (else None: a time without one cannot be
    compared with this clock, and a year beyond the calendar is not a time)."""
    raw = parsed.get("time") if isinstance(parsed, dict) else None
    if not isinstance(raw, str) or len(raw) > 64:
        return None
    try:
        got = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return got if got.tzinfo is not None and got.utcoffset() is not None and 2000 <= got.year <= 9000 else None


def vouched(key: str, nonce: str, ex: Exchange) -> bool:
    """Does the hello answer carry `key`'s signature over the whole body (`X-FK-Signature`)? A server
    signs it over the hello's nonce; servers from before that signed it over the empty nonce (the
    `X-FK-Nonce` header the hello never sent), which is as fresh: the body holds the signature over
    this hello's nonce, checked before."""
    sig = str(ex.headers.get("x-fk-signature", "")) if ex.headers is not None else ""
    return bool(sig) and any(signing.verify(key, sig, signing.answer_message(n, ex.raw)) for n in (nonce, ""))


def _is_auth(message: Any) -> bool:
    text = str(message)
    return ("token" in text or "enrolled" in text or "member of the device's team" in text
            or text.startswith(("user_token", "role_forbidden")))


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    if "Connection refused" in text:
        return "connection refused: the server is not running there"
    if "timed out" in text.lower():
        return "the server did not answer in time"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "unknown server name"
    return f"connection failed: {type(exc).__name__}"
