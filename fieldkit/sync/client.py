"""The sync client: upload attachments, drain the outbox, pull changes by cursor, download files.

One `SyncEngine.run()` is one sync: attachments first (so that the operations that
reference them arrive after them), then the outbox in batches, then the change feed, then
(on a supervisor's device, within a byte budget) the files that pulled records reference.
Every step is safe to repeat after a cut connection: operation ids make a replayed push a
no-op, uploads resume from the offset the server confirmed, the cursor is stored in the
same transaction as the changes it covers, and downloads resume from their last whole chunk.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldkit.domain.models import Attachment
from fieldkit.domain.signing import ids_digest
from fieldkit.store import field_facts
from fieldkit.store.attachments import AttachmentError, AttachmentStore
from fieldkit.store.database import Store, utc_now
from fieldkit.sync import download, signing
from fieldkit.sync.apply import apply_change, local_user_ids, server_user_ids
from fieldkit.sync.batching import Batcher
from fieldkit.sync.signing import encode_op
from fieldkit.sync.transport import (
    AuthRefused,
    Exchange,
    NotOurServer,
    ServerRefused,
    SyncError,
    Transport,
    Unreachable,
)

T = TypeVar("T")

# Keys in the device's `meta` table.
K_URL = "sync.server_url"
K_TOKEN = "sync.token"
K_DEVICE = "sync.device_id"
K_TEAM = "sync.team_id"
K_CURSOR = "sync.cursor"
K_LAST_SUCCESS = "last_sync_success"  # also read by services.status
K_LAST_ATTEMPT = "sync.last_attempt"
K_LAST_ERROR = "sync.last_error"
K_SKEW = "sync.clock_skew_s"
K_DOWNLOAD_LIMIT = "sync.download_limit_bytes"  # bytes of others' files to fetch per sync
K_SERVER_KEY = "sync.server_key"  # the server's public key, pinned at enrolment

# Without a configured limit a supervisor's device fetches up to this much per sync (photos can
# be large on 2G: the rest comes with the next syncs); other roles fetch nothing.
SUPERVISOR_DOWNLOAD_LIMIT = 20 * 1024 * 1024

CLOCK_WARNING = timedelta(minutes=5)


class Cancelled(SyncError):
    pass


class NotConfigured(SyncError):
    pass


@dataclass(frozen=True)
class Progress:
    phase: str  # "upload", "push", "pull", "download", "done"
    done: int
    total: int
    bytes_sent: int
    bytes_received: int


ProgressFn = Callable[[Progress], None]


@dataclass
class SyncReport:
    ok: bool = False
    cancelled: bool = False
    error: str | None = None
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    replayed: int = 0
    pulled: int = 0
    pull_skipped: int = 0
    uploaded: int = 0
    uploaded_bytes: int = 0
    signature_bytes: int = 0  # the authors' batch signatures in the push bodies (before gzip)
    downloaded: int = 0  # files of other devices now stored here
    downloaded_bytes: int = 0
    download_waiting: int = 0  # referenced files still not here after this sync
    requests: int = 0
    retries: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    clock_skew_s: float | None = None
    seconds: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


FAST_LINK = 200_000  # bytes/s: above it the ~10 % more bytes of gzip level 4 cost less time than level 9's CPU


def backoff_delay(failures: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with full jitter in [d/2, d]."""
    d = min(cap, base * 2.0 ** max(0, failures - 1))
    return float(d / 2 + rng.random() * d / 2)


class SyncEngine:
    def __init__(
        self, store: Store, attachments: AttachmentStore, username: str, *, transport: Transport | None = None,
        progress: ProgressFn | None = None, cancel: threading.Event | None = None, max_retries: int = 6,
        backoff_base: float = 0.25, backoff_cap: float = 8.0, batch: Batcher | None = None,
        chunk_size: int = 64 * 1024, max_chunk: int = 1024 * 1024, seed: int | None = None,
        download_limit: int | None = None, download_chunk: int = 64 * 1024,
        signer: Ed25519PrivateKey | None = None,
    ):
        self.store = store
        self.attachments = attachments
        self.username = username
        self.signer = signer
        self._role: str | None = None
        url, token = store.get_meta(K_URL), store.get_meta(K_TOKEN)
        if transport is None:
            if not url:
                raise NotConfigured("no server address is set")
            if not token:
                raise NotConfigured("this device is not enrolled yet: enrol it with a code from `fieldkit central enrol`")
            transport = Transport(url, token, server_key=store.get_meta(K_SERVER_KEY))
        self.transport = transport
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.max_retries = max_retries
        self.backoff_base, self.backoff_cap = backoff_base, backoff_cap
        self.batch = batch or Batcher()
        self.pull_batch = Batcher(start=500, low=50, high=5000)
        self.chunk_size = min(chunk_size, max_chunk)
        self.max_chunk = max_chunk
        self.rng = random.Random(seed)
        self.report = SyncReport()
        self._download_limit = download_limit
        self.download_chunk = max(1024, min(download_chunk, max_chunk))

    # --- plumbing ---------------------------------------------------------------------------------

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("sync cancelled")

    def _tell(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(Progress(phase, done, total, self.report.bytes_sent, self.report.bytes_received))

    def _count(self, ex: Exchange) -> Exchange:
        self.report.requests += 1
        self.report.bytes_sent += ex.sent
        self.report.bytes_received += ex.received
        if ex.server_time is not None:
            local_mid = datetime.now(UTC) - timedelta(seconds=ex.seconds / 2)
            self.report.clock_skew_s = round((ex.server_time - local_mid).total_seconds(), 3)
        return ex

    def _retrying(self, call: Callable[[], T], on_failure: Callable[[], None] | None = None) -> T:
        failures = 0
        while True:
            self._check_cancel()
            try:
                return call()
            except Unreachable:
                failures += 1
                self.report.retries += 1
                if on_failure is not None:
                    on_failure()
                if failures > self.max_retries:
                    raise
                if self.cancel.wait(backoff_delay(failures, self.backoff_base, self.backoff_cap, self.rng)):
                    raise Cancelled("sync cancelled") from None

    # --- one sync -----------------------------------------------------------------------------------

    def run(self) -> SyncReport:
        started = time.monotonic()
        self.store.set_meta(K_LAST_ATTEMPT, utc_now())
        try:
            self._pin_server()
            self.upload_attachments()
            self.push()
            self.pull()
            self.download_attachments()
            self.report.ok = True
            self.store.set_meta(K_LAST_SUCCESS, utc_now())
            self.store.set_meta(K_LAST_ERROR, "")
        except Cancelled:
            self.report.cancelled = True
            self.report.error = "cancelled"
        except (SyncError, AttachmentError) as exc:
            self.report.error = describe(exc)
            self.store.set_meta(K_LAST_ERROR, f"{utc_now()} {self.report.error}")
        finally:
            self.report.seconds = round(time.monotonic() - started, 3)
            if self.report.clock_skew_s is not None:
                self.store.set_meta(K_SKEW, str(self.report.clock_skew_s))
            self._tell("done", 1, 1)
        return self.report

    def _pin_server(self) -> None:
        """A laptop enrolled before servers had keys pins the key on its first sync after the update."""
        if self.transport.server_key is None and self.transport.token:
            key, ex = self._retrying(self.transport.hello)
            self._count(ex)
            self.store.set_meta(K_SERVER_KEY, key)
            self.transport.server_key = key

    def _user_token(self) -> str | None:
        """Get a user token for role-gated reads; returns the person's role on the server (None: no key
        here, or the server refused)."""
        if self.transport.user_token and self._role:
            return self._role
        key = self.signer
        if key is None:
            return None
        try:
            token, role = self._retrying(lambda: signing.user_token(self.transport, self.username, key,
                                                                     self.store.device_id))
        except (AuthRefused, ServerRefused) as exc:
            self.report.reasons.append(f"user token: {exc}")
            return None
        self.transport.set_user_token(token)
        self._role = role
        return role

    # --- push ------------------------------------------------------------------------------------------

    def pending_count(self) -> int:
        return int(self.store.query_one("SELECT count(*) FROM outbox WHERE state = 'pending'")[0])

    def push(self) -> None:
        total = self.pending_count()
        done = 0
        with self.store.lock:
            usernames = {str(r[0]): str(r[1]) for r in self.store.conn.execute("SELECT id, username FROM users")}
            to_server = server_user_ids(self.store.conn)
        self._tell("push", 0, total)
        while True:
            self._check_cancel()
            rows = self.store.query(
                f"SELECT {signing.OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?",
                (self.batch.size,))
            if not rows:
                break
            ops = [encode_op(r, usernames, to_server) for r in rows]
            for r, o in zip(rows, ops, strict=True):
                if r[9] and o.get("actor") != self.username:
                    o["sig"] = r[9]  # its author's own signature: this person cannot sign for them
            # Only the person syncing can sign: their operations go; another person's wait (in order).
            n = signing.signable_prefix(ops, self.username) if self.signer is not None else 0
            if n == 0:
                who = ops[0].get("actor") or "?"
                waiting = total - done
                self.report.reasons.append(f"{waiting} operation(s) wait for {who} to sync (only they can sign "
                                           "them)")
                break
            rows, ops = rows[:n], ops[:n]
            assert self.signer is not None
            body = signing.sign_batch(ops, self.username, self.signer, self.store.device_id)
            self.report.signature_bytes += len(json.dumps(body["sigs"], separators=(",", ":"))) + len(',"sigs":')

            # On a link that carries megabytes a second, CPU is dearer than bytes: a lighter gzip.
            self.transport.compresslevel = 9 if (self.batch.rate or 0.0) < FAST_LINK else 4

            def send(body: dict[str, Any] = body) -> Exchange:
                return self._count(self.transport.request("POST", "/v1/push", json_body=body, signed=True))

            ex = self._retrying(send, self.batch.failed)
            self.batch.record(ex.seconds, ex.sent + ex.received, len(rows))
            results = ex.body.get("results") if isinstance(ex.body, dict) else None
            # Marked sent only when the answer names exactly these operations, in order.
            if (not isinstance(results, list) or len(results) != len(rows)
                    or not all(isinstance(res, dict) for res in results)
                    or ex.body.get("ids") != ids_digest([str(row[1]) for row in rows])):
                raise ServerRefused(ex.status, "the server's answer does not name the operations sent")
            self._record_results(rows, results)
            done += len(rows)
            self._tell("push", done, max(total, done))

    def _record_results(self, rows: list[Any], results: list[dict[str, Any]]) -> None:
        sent: list[tuple[str, str, Any]] = []
        refused: list[tuple[str, str, Any]] = []
        texts: dict[str, str] = {}  # most answers are the same few: {"status": "applied"}
        for row, res in zip(rows, results, strict=True):
            status = res.get("status")
            self.report.pushed += 1
            if res.get("replay"):
                self.report.replayed += 1
            key = repr(sorted(res.items()))
            text = texts.get(key)
            if text is None:
                text = texts[key] = json.dumps(res)
            if status in ("applied", "conflict"):
                if status == "conflict":
                    self.report.conflicts += 1
                    self.report.reasons.append(f"{row[2]} {row[3]}: conflict: {res.get('reason', '')}")
                else:
                    self.report.applied += 1
                sent.append((text, str(res.get("reason") or ""), row[0]))
            else:
                reason = str(res.get("reason") or "rejected by the server")
                self.report.rejected += 1
                self.report.reasons.append(f"{row[2]} {row[3]}: {reason}")
                refused.append((text, reason, row[0]))
        with self.store.transaction() as tx:
            if sent:
                tx.conn.executemany("UPDATE outbox SET state = 'sent', attempts = attempts + 1, result = ?, "
                                    "last_error = ? WHERE seq = ?", sent)
            if refused:
                tx.conn.executemany("UPDATE outbox SET state = 'quarantined', attempts = attempts + 1, "
                                    "result = ?, last_error = ? WHERE seq = ?", refused)

    # --- pull ------------------------------------------------------------------------------------------

    def pull(self) -> None:
        done = 0
        while True:
            self._check_cancel()
            cursor = int(self.store.get_meta(K_CURSOR, "0") or 0)

            def fetch(cursor: int = cursor) -> Exchange:
                return self._count(self.transport.request(
                    "GET", "/v1/changes", params={"since": cursor, "limit": self.pull_batch.size}))

            ex = self._retrying(fetch, self.pull_batch.failed)
            got = ex.body.get("changes") if isinstance(ex.body, dict) else None
            self.pull_batch.record(ex.seconds, ex.sent + ex.received, len(got) if isinstance(got, list) else 0)
            body = ex.body
            changes = body["changes"]
            nxt = int(body["next"])
            with self.store.transaction() as tx:
                user_map = local_user_ids(tx.conn)
                for ch in changes:
                    tx.conn.execute("SAVEPOINT change")
                    try:
                        apply_change(tx.conn, str(ch["entity"]), ch["data"], tx.now, user_map)
                        tx.conn.execute("RELEASE change")
                    except Exception as exc:  # one bad record must not stop the feed
                        tx.conn.execute("ROLLBACK TO change")
                        tx.conn.execute("RELEASE change")
                        self.report.pull_skipped += 1
                        self.report.reasons.append(f"pull {ch.get('entity')} {ch.get('id')}: {exc}")
                # The cursor moves in the same transaction as the changes it covers.
                tx.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (K_CURSOR, str(nxt)))
            done += len(changes)
            self.report.pulled += len(changes)
            self._tell("pull", done, done)
            if not body.get("more"):
                break

    # --- attachments -------------------------------------------------------------------------------

    def upload_attachments(self) -> None:
        todo = self.store.query(
            "SELECT a.sha256, a.size, a.mime, a.kind FROM attachments a LEFT JOIN sync_uploads u "
            "ON u.sha256 = a.sha256 WHERE u.confirmed_at IS NULL ORDER BY a.created_at")
        if not todo:
            return
        info = {str(r[0]): (int(r[1]), str(r[2]), str(r[3])) for r in todo}
        self._tell("upload", 0, len(todo))
        done = 0
        hashes = list(info)
        for i in range(0, len(hashes), 500):
            part = hashes[i:i + 500]

            def ask(part: list[str] = part) -> Exchange:
                return self._count(self.transport.request("POST", "/v1/attachments/missing",
                                                          json_body={"hashes": part}))

            missing = {m["sha256"]: int(m["offset"]) for m in self._retrying(ask).body["missing"]}
            for sha in part:
                size, mime, kind = info[sha]
                if sha in missing:
                    self._upload_one(sha, size, mime, kind, missing[sha])
                else:
                    self._confirm(sha, size, size)
                done += 1
                self._tell("upload", done, len(todo))

    def _confirm(self, sha: str, size: int, offset: int, complete: bool = True) -> None:
        with self.store.transaction() as tx:
            tx.conn.execute(
                "INSERT INTO sync_uploads (sha256, confirmed_offset, size, confirmed_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(sha256) DO UPDATE SET confirmed_offset = excluded.confirmed_offset, "
                "confirmed_at = excluded.confirmed_at, last_error = ''",
                (sha, offset, size, tx.now if complete else None))

    def _upload_one(self, sha: str, size: int, mime: str, kind: str, offset: int) -> None:
        data = self.attachments.get(sha)
        restarts = 0
        while True:
            self._check_cancel()
            chunk = data[offset:offset + self.chunk_size]

            def put(chunk: bytes = chunk, offset: int = offset) -> Exchange:
                return self._count(self.transport.request(
                    "PUT", f"/v1/attachments/{sha}", data=chunk, content_type="application/octet-stream",
                    params={"offset": offset, "size": size, "mime": mime, "kind": kind}, ok=(200,)))

            try:
                ex = self._retrying(put)
            except ServerRefused as exc:
                body = exc.body if isinstance(exc.body, dict) else {}
                if exc.status == 409 and "offset" in body:
                    offset = int(body["offset"])  # the server says where it is: continue from there
                    continue
                if exc.status == 422 and restarts < 1:
                    restarts += 1
                    offset = 0
                    continue
                raise
            self.report.uploaded_bytes += len(chunk)
            if ex.seconds > 4 and self.chunk_size > 8192:
                self.chunk_size //= 2
            elif ex.seconds < 0.5 and self.chunk_size * 2 <= self.max_chunk:
                self.chunk_size *= 2
            offset = int(ex.body["offset"])
            complete = bool(ex.body["complete"])
            self._confirm(sha, size, offset, complete)
            if complete:
                self.report.uploaded += 1
                return


    # --- downloads -----------------------------------------------------------------------------------

    def download_limit(self) -> int:
        """Bytes of other devices' files to fetch in this sync (0: none)."""
        if self._download_limit is not None:
            return max(0, self._download_limit)
        configured = self.store.get_meta(K_DOWNLOAD_LIMIT)
        if configured:
            try:
                return max(0, int(configured))
            except ValueError:
                pass
        row = self.store.query_one("SELECT role FROM users WHERE username = ?", (self.username,))
        return SUPERVISOR_DOWNLOAD_LIMIT if row is not None and row[0] == "supervisor" else 0

    def download_attachments(self) -> None:
        """Fetch files that pulled records reference, within the byte budget: started ones first,
        then the smallest (signatures and captures before photos)."""
        budget = self.download_limit()
        if budget <= 0:
            return
        with self.store.read() as conn:
            missing = download.wanted(conn)
        if not missing:
            return
        started = set(download.Partial.existing(self.attachments))
        missing.sort(key=lambda sha: (sha not in started, sha))
        used = 0
        done = 0
        self._tell("download", 0, len(missing))
        for i in range(0, len(missing), 200):
            if used >= budget:
                break
            part = missing[i:i + 200]

            if self._user_token() != "supervisor":
                self.report.reasons.append("the team's files are downloaded on a supervisor's laptop only")
                return

            def ask(part: list[str] = part) -> Exchange:
                return self._count(self.transport.request("POST", "/v1/attachments/info",
                                                          json_body={"hashes": part}))

            items = [m for m in self._retrying(ask).body["items"] if download.is_sha(m.get("sha256"))]
            items.sort(key=lambda m: (m["sha256"] not in started, int(m["size"])))
            for item in items:
                if used >= budget and not self.attachments.has(item["sha256"]):
                    break
                used += self._download_one(item, budget - used)
                done += 1
                self._tell("download", done, len(missing))
        self.report.download_waiting = len(missing) - self.report.downloaded

    def _download_one(self, item: dict[str, Any], allowance: int) -> int:
        """Fetch one file, at most `allowance` bytes of it now; returns the bytes fetched."""
        sha, size = str(item["sha256"]), int(item["size"])
        used = 0
        if not self.attachments.has(sha):
            part = download.Partial(self.attachments, sha)
            if part.offset > size:
                part.discard()
            while part.offset < size:
                self._check_cancel()
                if used >= allowance:
                    return used  # the rest comes with a later sync; what came is kept
                want = min(self.download_chunk, size - part.offset, allowance - used)

                def get(offset: int = part.offset, want: int = want) -> Exchange:
                    ex = self._count(self.transport.request(
                        "GET", f"/v1/attachments/{sha}", params={"offset": offset, "length": want}, as_bytes=True))
                    got = ex.headers.get("x-fk-offset") if ex.headers is not None else None
                    if not isinstance(ex.body, bytes) or len(ex.body) != want or got != str(offset):
                        raise Unreachable("incomplete download")
                    return ex

                try:
                    ex = self._retrying(get)
                except ServerRefused as exc:
                    self.report.reasons.append(f"download {sha[:12]}: {exc}")
                    return used
                part.append(ex.body)
                used += len(ex.body)
                self.report.downloaded_bytes += len(ex.body)
                if ex.seconds > 4 and self.download_chunk > 8192:
                    self.download_chunk //= 2
                elif ex.seconds < 0.5 and self.download_chunk * 2 <= self.max_chunk:
                    self.download_chunk *= 2
            data = part.verified()
            if data is None:
                part.discard()  # fetched again from 0 next time
                self.report.reasons.append(f"download {sha[:12]}: the content did not match its hash")
                return used
            self.attachments.put(data)  # encrypted, written to a temporary file and renamed
            part.discard()
        with self.store.transaction() as tx:
            field_facts.insert_attachment(tx.conn, Attachment(sha, size, str(item.get("mime") or
                                                                              "application/octet-stream"),
                                                              str(item.get("kind") or "document")), tx.now)
            tx.conn.execute("INSERT OR IGNORE INTO sync_uploads (sha256, confirmed_offset, size, confirmed_at) "
                            "VALUES (?, ?, ?, ?)", (sha, size, size, tx.now))
        self.report.downloaded += 1
        return used


def describe(exc: BaseException) -> str:
    if isinstance(exc, NotOurServer):
        return f"not the enrolled server: {exc} (nothing was sent to it)"
    if isinstance(exc, AuthRefused):
        return f"refused by the server: {exc} (enrol this device again or check the user)"
    if isinstance(exc, Unreachable):
        return f"server not reachable: {exc}"
    return str(exc) or type(exc).__name__


def probe(url: str, timeout: float = 5.0) -> tuple[bool, float | None]:
    """Is the server reachable? Returns (reachable, clock skew in seconds)."""
    t = Transport(url, timeout=(timeout, timeout))
    try:
        ex = t.request("GET", "/v1/ping")
    except SyncError:
        return False, None
    finally:
        t.close()
    if ex.server_time is None:
        return True, None
    local_mid = datetime.now(UTC) - timedelta(seconds=ex.seconds / 2)
    return True, round((ex.server_time - local_mid).total_seconds(), 3)


def enrol(store: Store, url: str, code: str, username: str, device_name: str = "",
          signer: Ed25519PrivateKey | None = None, user_code: str | None = None,
          server_key: str | None = None) -> str:
    """Trade an enrolment code for a token and pin the server's key (the one it proves it holds now,
    or `server_key` given out of band). With `user_code`, also register the person's key and take
    their role from the server. Returns the server's device id."""
    t = Transport(url, server_key=server_key)
    body = {"code": code.strip(), "name": device_name[:100], "device_key": store.device_id}
    try:
        pinned, _ = t.hello()
        for attempt in range(5):  # a lost answer is safe to ask again: same device_key, same enrolment
            try:
                ex = t.request("POST", "/v1/enrol", json_body=body)
                break
            except Unreachable:
                if attempt == 4:
                    raise
                time.sleep(0.2 * 2 ** attempt)
    except ServerRefused as exc:
        raise AuthRefused(str(exc).split(": ", 1)[-1]) from exc
    finally:
        t.close()
    answer = ex.body
    with store.transaction() as tx:
        for key, value in ((K_URL, url.rstrip("/")), (K_TOKEN, answer["token"]), (K_DEVICE, answer["device_id"]),
                           (K_TEAM, answer["team_id"]), (K_CURSOR, "0"), (K_SERVER_KEY, pinned)):
            tx.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
        tx.audit("device", str(answer["device_id"]), "enrol", detail=url)
    if user_code and signer is not None:
        register_person(store, username, user_code, signer)
    refresh_users(store, username)
    return str(answer["device_id"])


def _transport(store: Store) -> Transport:
    url, token = store.get_meta(K_URL), store.get_meta(K_TOKEN)
    if not url or not token:
        raise NotConfigured("this device is not enrolled yet: enrol it with a code from `fieldkit central enrol`")
    return Transport(url, token, server_key=store.get_meta(K_SERVER_KEY))


def register_person(store: Store, username: str, user_code: str, signer: Ed25519PrivateKey) -> dict[str, Any]:
    """Register a person's public key for this laptop with their one-time user code (online). Returns
    the server's record of them (id, username, display name, role) and the team id."""
    public, proof = signing.register_proof(signer, store.device_id, username)
    t = _transport(store)
    try:
        ex = t.request("POST", "/v1/users/register", signed=True, json_body={
            "username": username, "code": user_code.strip(), "public_key": public, "proof": proof})
    except ServerRefused as exc:
        raise AuthRefused(str(exc).split(": ", 1)[-1]) from exc
    finally:
        t.close()
    user = dict(ex.body["user"])
    with store.transaction() as tx:
        apply_change(tx.conn, "user", user | {"team_id": ex.body["team_id"]}, tx.now, {})
        tx.audit("user", str(user["id"]), "register-key", detail=username)
    return user | {"team_id": ex.body["team_id"]}


def refresh_users(store: Store, username: str) -> None:
    """Learn the server's users of this team and their roles (signed by the pinned server)."""
    del username
    t = _transport(store)
    try:
        ex = t.request("GET", "/v1/me", signed=True)
    finally:
        t.close()
    with store.transaction() as tx:
        for u in ex.body["users"]:
            apply_change(tx.conn, "user", u | {"team_id": ex.body["team_id"]}, tx.now, {})
