"""A relay on loopback between a laptop and the REAL central server that forwards every request and
may send back, for the paths a case names, something else than the server's answer: a changed JSON
body (re-signed with the server's own key: a buggy or older server, or left with the server's signature:
a relay in between), or any bytes on the wire (duplicate headers, a length the body does not have, a
gzip bomb, garbage). Used by tests/sync/test_hostile_answers*.py."""

from __future__ import annotations

import gzip
import http.client
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from fieldkit.domain import signing

_HOP = {"connection", "keep-alive", "transfer-encoding", "host", "content-length", "content-encoding", "date",
        "server"}


@dataclass
class Real:
    """The server's answer to one request, gzip undone."""
    method: str
    path: str
    query: str
    nonce: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Wire:
    """What the relay sends instead. `headers` may repeat a name; `length` None: the body's own;
    `sign`: X-FK-Signature over this body with the server's key (None: the server's header kept as it was,
    False: none);
    `close`: the connection is closed after it."""
    status: int
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=lambda: [("Content-Type", "application/json")])
    length: str | None = None
    sign: bool | None = None
    close: bool = False
    reason: str = "OK"
    trickle: float = 0.0  # seconds between the body's bytes (a server that sends its answer a byte at a time)


Change = Callable[[Real], Wire | None]


class HostileRelay:
    """`change(real)` for the paths in `paths` (every answer, or only the first with `first_only`); the
    rest passes unchanged. `key`: the server's signing key, to sign a changed answer as the server would."""

    def __init__(self, port: int, key: Any = None):
        self.port, self.key = port, key
        self.change: Change | None = None
        self.paths: tuple[str, ...] = ()
        self.first_only = False
        self.changed: Counter[str] = Counter()
        self.seen: Counter[str] = Counter()
        self.queries: list[tuple[str, str]] = []  # (path, query) of every request, in order
        self.strip_hello_signature = False  # an older server: its hello not signed as a whole
        self.most = 60  # answers changed per case at most (then the server's own: a laptop that would loop ends)
        self._lock = threading.Lock()
        relay = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 30

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                del format, args

            def _any(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("content-length") or 0)
                data = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection",
                                                                                      "content-length")}
                up = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=60)
                try:
                    up.request(self.command, self.path, body=data, headers=headers)
                    resp = up.getresponse()
                    raw = resp.read()
                    got_headers = list(resp.getheaders())
                finally:
                    up.close()
                if resp.getheader("content-encoding", "") == "gzip":
                    raw = gzip.decompress(raw)
                real = Real(self.command, parts.path, parts.query, self.headers.get("x-fk-nonce", ""), resp.status,
                            resp.reason, [(k, v) for k, v in got_headers if k.lower() not in _HOP], raw)
                wire = relay._decide(real)
                if wire is None:
                    wire = Wire(real.status, real.body, real.headers, reason=real.reason)
                    if relay.strip_hello_signature and real.path == "/v1/hello":
                        wire.sign = False  # sent without the server's signature over the whole answer
                self._send(real, wire)

            def _send(self, real: Real, wire: Wire) -> None:
                lines = [f"HTTP/1.1 {wire.status} {wire.reason}"]
                headers = list(wire.headers)
                if wire.sign is not None:
                    headers = [(k, v) for k, v in headers if k.lower() != "x-fk-signature"]
                    if wire.sign and relay.key is not None:
                        headers.append(("X-FK-Signature", signing.sign(
                            relay.key, signing.answer_message(real.nonce, _plain(wire)))))
                elif not any(k.lower() == "x-fk-signature" for k, _ in headers):
                    headers += [(k, v) for k, v in real.headers if k.lower() == "x-fk-signature"]
                for k, v in headers:
                    lines.append(f"{k}: {v}")
                if not any(k.lower() == "content-length" for k, _ in headers):
                    lines.append(f"Content-Length: {wire.length if wire.length is not None else len(wire.body)}")
                if wire.close:
                    lines.append("Connection: close")
                head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
                try:
                    if wire.trickle:
                        self.wfile.write(head)
                        for i in range(len(wire.body)):
                            self.wfile.write(wire.body[i:i + 1])
                            self.wfile.flush()
                            time.sleep(wire.trickle)
                    else:
                        self.wfile.write(head + wire.body)
                    self.wfile.flush()
                except OSError:
                    pass
                if wire.close:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

            do_GET = do_POST = do_PUT = _any  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def _decide(self, real: Real) -> Wire | None:
        with self._lock:
            self.seen[real.path] += 1
            self.queries.append((real.path, real.query))
            hit = self.change is not None and any(real.path.startswith(p) for p in self.paths)
            if hit and ((self.first_only and self.changed[real.path]) or sum(self.changed.values()) >= self.most):
                hit = False
        if not hit or self.change is None:
            return None
        wire = self.change(real)
        if wire is not None:
            with self._lock:
                self.changed[real.path] += 1
        return wire

    def aim(self, paths: tuple[str, ...], change: Change | None, first_only: bool = True) -> None:
        with self._lock:
            self.paths, self.change, self.first_only = paths, change, first_only
            self.changed.clear()
            self.seen.clear()
            self.queries.clear()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> HostileRelay:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _plain(wire: Wire) -> bytes:
    """The body as the laptop reads it (gzip undone), which the signature covers."""
    if any(k.lower() == "content-encoding" and v == "gzip" for k, v in wire.headers):
        try:
            return gzip.decompress(wire.body)
        except OSError:
            return wire.body
    return wire.body


# --- what a case does to an answer --------------------------------------------------------------------

NAN = float("nan")
VALUES: tuple[tuple[str, Any], ...] = (("null", None), ("text", "7"), ("minus", -1), ("huge", 10**400),
                                       ("fraction", 1.5), ("nan", NAN), ("list", []), ("object", {}),
                                       ("true", True))
DROP = object()


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), allow_nan=True).encode()


def json_case(edit: Callable[[Any], Any], sign: bool = True) -> Change:
    """The server's JSON answer changed by `edit` (which returns the new value), signed by the server's key
    (`sign`: a buggy server) or carrying the server's signature of the real body (a relay)."""
    def change(real: Real) -> Wire | None:
        if real.status != 200:
            return None
        new = edit(real.json())
        return Wire(200, dumps(new), sign=sign if sign else None)
    return change


def set_key(path: tuple[str | int, ...], value: Any) -> Callable[[Any], Any]:
    """Set (or with DROP, remove) the value at `path` (keys and list indexes)."""
    def edit(body: Any) -> Any:
        at = body
        for step in path[:-1]:
            at = at[step]
        if value is DROP and isinstance(at, list):
            del at[int(path[-1])]
        elif value is DROP:
            at.pop(path[-1], None)
        else:
            at[path[-1]] = value
        return body
    return edit


SOME = ("drop", "text", "huge", "nan", "object")  # for a key the laptop ignores or only compares


def grid(paths: tuple[str, ...], where: tuple[str | int, ...], expect: dict[str, str], sign: bool = True,
          name: str = "", only: tuple[str, ...] = ()) -> list[Case]:
    """The key at `where` dropped and replaced by each of VALUES (or `only` those); `expect`: what each
    ends with ("drop" and the VALUES' names; "*" for the rest; "skip": not this one)."""
    label = name or ".".join(str(s) for s in where)
    cases = [Case(f"{label} dropped", paths, json_case(set_key(where, DROP), sign), expect.get("drop", expect["*"]))
             ] if expect.get("drop") != "skip" else []
    for vname, value in VALUES:
        if expect.get(vname) == "skip" or (only and vname not in only):
            continue
        cases.append(Case(f"{label}={vname}", paths, json_case(set_key(where, value), sign),
                          expect.get(vname, expect["*"])))
    return cases


def wire_case(wire: Callable[[Real], Wire]) -> Change:
    return lambda real: wire(real) if real.status == 200 else None


# --- the laptop's state and the server's truth --------------------------------------------------------

OPTIONS: dict[str, Any] = {"max_retries": 1, "backoff_base": 0.001, "backoff_cap": 0.002, "seal": False}


def laptop_state(session: Any) -> dict[str, Any]:
    """Everything an answer could make the laptop store: the outbox rows whole, the cursor, the uploads
    it takes as confirmed, the files and records it holds."""
    q = session.store.query
    return {"outbox": q("SELECT seq, op_id, state, attempts, result, last_error FROM outbox ORDER BY seq"),
            "cursor": session.store.get_meta("sync.cursor"),
            "uploads": q("SELECT sha256, confirmed_offset, size, confirmed_at FROM sync_uploads ORDER BY sha256"),
            "attachments": q("SELECT sha256, size FROM attachments ORDER BY sha256"),
            "customers": q("SELECT id, code, name FROM customers ORDER BY id"),
            "users": q("SELECT server_id, username, role, active FROM sync_users ORDER BY server_id")}


def server_truth(central: Any, session: Any) -> list[str]:
    """What the laptop holds as delivered that the server does not have (empty: none): every operation
    marked sent is among the server's operations, none quarantined (these answers never refuse one), every
    upload taken as confirmed is complete on the server."""
    from sqlalchemy import text

    wrong = []
    sent = {str(r[0]) for r in session.store.query("SELECT op_id FROM outbox WHERE state = 'sent'")}
    quarantined = session.store.query("SELECT count(*) FROM outbox WHERE state = 'quarantined'")[0][0]
    confirmed = {str(r[0]) for r in session.store.query(
        "SELECT sha256 FROM sync_uploads WHERE confirmed_at IS NOT NULL")}
    with central.read() as conn:
        ops = {str(r[0]) for r in conn.execute(text("SELECT op_id FROM ops"))}
        complete = {str(r[0]) for r in conn.execute(text("SELECT sha256 FROM team_attachments WHERE complete"))}
    if sent - ops:
        wrong.append(f"{len(sent - ops)} operation(s) marked sent that the server does not have")
    if quarantined:
        wrong.append(f"{quarantined} operation(s) quarantined")
    if confirmed - complete:
        wrong.append(f"{len(confirmed - complete)} upload(s) taken as confirmed that the server does not have whole")
    return wrong


@dataclass(frozen=True)
class Case:
    """One hostile answer: the paths it is sent on, what it is, what the sync must end with: `expect`
    "ok" (the sync succeeds: an ignored or harmless difference) or a text the report's error holds
    (then nothing the laptop stores changed, except `may_change`)."""
    name: str
    paths: tuple[str, ...]
    change: Change
    expect: str
    first_only: bool = True
    may_change: tuple[str, ...] = ()


UNDERSTOOD = "not understood"  # describe(BadAnswer)
NOT_OURS = "not the enrolled server"  # describe(NotOurServer)
CUT = "not reachable"  # describe(Unreachable)


def run_cases(cases: list[Case], relay: HostileRelay, session: Any, central: Any,
              prepare: Callable[[], None], state: Callable[[Any], dict[str, Any]] = laptop_state,
              **options: Any) -> list[str]:
    """Each case through the relay: sync_now returns a report (never raises), as expected; on a failure
    nothing the laptop stores changed; the server's truth holds after each. Returns what went wrong."""
    from fieldkit.services import sync

    problems = []
    for case in cases:
        prepare()
        before = state(session)
        relay.aim(case.paths, case.change, case.first_only)
        try:
            rep = sync.sync_now(session, **(OPTIONS | options))
        except Exception as exc:  # noqa: BLE001 - what the test is about: nothing may escape
            problems.append(f"{case.name}: raised {type(exc).__name__}: {str(exc)[:120]}")
            continue
        if not sum(relay.changed.values()):
            problems.append(f"{case.name}: the relay never changed an answer (seen {dict(relay.seen)})")
            continue
        after = state(session)
        if case.expect == "ok":
            if not rep.ok:
                problems.append(f"{case.name}: expected a good sync, got {rep.error}")
        else:
            if rep.ok or case.expect not in str(rep.error):
                problems.append(f"{case.name}: expected an error with {case.expect!r}, got ok={rep.ok} {rep.error}")
            changed = [k for k in before if before[k] != after[k] and k not in case.may_change]
            if changed:
                problems.append(f"{case.name}: the laptop stored what the answer did not prove: {changed}")
        problems += [f"{case.name}: {w}" for w in server_truth(central, session)]
    relay.aim((), None)
    return problems
