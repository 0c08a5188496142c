"""Push: drain the outbox in signed batches, with up to `pipeline` requests in flight.

While batch N is on the wire or being applied, batch N+1 is read from the outbox, signed,
encoded and compressed, and (once the server has shown that it keeps batches in order) sent
on a second kept-alive connection; the answer of N is stored while N+1 is in flight.

Order and exactly-once:
- A pipelined batch names the last operation of the batch before it (`after`). The server
  applies it only once that operation has its answer stored; until then it holds the request
  a moment and then refuses it (409 `out_of_order`). The device then waits for the earlier
  batch's outcome and sends the batch again without `after` (it is in order by then).
- A server that does not answer `"ordered": true` (an older one) gets one request at a time.
- Answers are stored oldest first; an operation leaves `pending` only when its answer is
  stored. When a batch fails, later batches' answers are not stored: their operations go
  again next time and get their first answers back as replays (operation ids are the guard).

The last batch asks for the first page of the change feed (`pull`): a server that knows it
answers it in the same (signed) answer, and the pull then starts after that page, or is not
needed at all. An older server ignores the field and the pull asks as before.
"""

from __future__ import annotations

import json
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from fieldkit.domain.signing import ids_digest
from fieldkit.sync import signing
from fieldkit.sync.answers import Answer
from fieldkit.sync.apply import server_user_ids
from fieldkit.sync.batching import held_seconds
from fieldkit.sync.pull import Pulling
from fieldkit.sync.signing import encode_op
from fieldkit.sync.transport import Exchange, ServerRefused

try:  # the wire body only (digests are computed with the standard encoder): same JSON, faster
    import orjson
except ImportError:  # pragma: no cover - optional on the laptop
    orjson = None  # type: ignore[assignment]

FAST_LINK = 200_000  # bytes/s: above it the ~10 % more bytes of gzip level 4 cost less time than level 9's CPU
OUT_OF_ORDER = "out_of_order"
STATUSES = ("applied", "conflict", "rejected")  # what a push answer says of one operation
MAX_PAGE = 5000  # the server's largest page of changes
LAST_BATCH = 50  # records in the last push when split off (a slow link, a server slow on the last batch)
SLOW_LINK = 50_000  # bytes/s: below it (2G, EDGE, a weak 3G) a last batch may be split; loopback never is
SPLIT_COST = 650  # bytes up one more push costs (headers, signatures, gzip apart), measured on 2G (docs/sync.md)


@dataclass
class Batch:
    rows: list[Any]
    body: dict[str, Any]
    data: bytes  # the body as it travels (gzip when it helps)
    gzipped: bool
    pull_since: int | None  # the cursor the answer's page of changes starts from (None: not asked)
    sent_at: float = 0.0  # monotonic: when its request (the last try) went, when its answer was in
    answered_at: float = 0.0

    @property
    def last_op(self) -> str:
        return str(self.rows[-1][1])


def read_results(ex: Exchange, op_ids: list[str]) -> list[dict[str, Any]]:
    """A push answer's results, proven to answer exactly `op_ids` in order (`ids`, one result each, an
    `op_id` a result names is its operation's, a status this laptop knows), else a BadAnswer: nothing
    of the batch is stored (its operations go again; the server keeps each once)."""
    answer = Answer(ex.body, ex.status, "the server's push answer")
    if answer.text("ids") != ids_digest(op_ids) or len(answer.items("results")) != len(op_ids):
        raise answer.refuse("it does not name the operations sent")
    out = []
    for op_id, res in zip(op_ids, answer.each("results", "result"), strict=True):
        if res.text("op_id", op_id) != op_id:
            raise answer.refuse("a result names another operation than the one sent")
        if res.text("status") not in STATUSES:
            raise answer.refuse("a result's status is none this laptop knows")
        res.text("reason", "")
        res.text("code", "")
        if not isinstance(res.body.get("params") or {}, dict):
            raise answer.refuse("a result's `params` is not an object")
        out.append(res.body)
    return out


def encode_body(body: dict[str, Any]) -> bytes:
    if orjson is not None:
        return bytes(orjson.dumps(body))
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Pushing(Pulling):
    last_batch = LAST_BATCH  # 0: the last batch is never split
    _answered_at: float | None = None  # when the last landed batch's answer was in (this push)
    _pushed_bytes = 0  # both ways, the batches landed in this push
    _push_started = 0.0

    def pending_count(self) -> int:
        return int(self.store.query_one("SELECT count(*) FROM outbox WHERE state = 'pending'")[0])

    def push(self) -> None:
        total = self.pending_count()
        self._tell("push", 0, total)
        if total == 0:
            return
        with self.store.lock:
            usernames = {str(r[0]): str(r[1]) for r in self.store.conn.execute("SELECT id, username FROM users")}
            to_server = server_user_ids(self.store.conn)
        self._prove_server()  # before any thread sends: each would ask otherwise
        self._ordered = self.transport.ordered  # said in the hello; else learned from the first answer
        self._answered_at = None
        self._pushed_bytes = 0
        self._push_started = time.monotonic()
        flights: deque[tuple[Batch, Future[Exchange]]] = deque()
        done = 0
        last_seq = 0
        pool = ThreadPoolExecutor(max_workers=self.pipeline, thread_name_prefix="fk-push")
        try:
            while True:
                self._check_cancel()
                while flights and len(flights) >= (self.pipeline if self._ordered else 1):
                    done += self._land(*flights.popleft())
                    self._tell("push", done, max(total, done))
                batch = self._prepare(last_seq, usernames, to_server,
                                      after=flights[-1][0].last_op if flights else None)
                if batch is None:
                    break
                before = flights[-1][1] if flights else None
                if before is not None:
                    self.report.pipelined += 1
                flights.append((batch, pool.submit(self._send, batch, before)))
                last_seq = int(batch.rows[-1][0])
            while flights:
                done += self._land(*flights.popleft())
                self._tell("push", done, max(total, done))
        finally:
            # On a failure the batches still in flight end (or fail) on their own; their answers are
            # not stored, so their operations go again next time and come back as replays.
            pool.shutdown(wait=True, cancel_futures=True)

    def _prepare(self, last_seq: int, usernames: dict[str, str], to_server: dict[str, str],
                 after: str | None) -> Batch | None:
        # A short tail (up to a quarter more) goes with this batch rather than in a request of its own:
        # on 2G each request costs about 0.7 kB of headers and answer.
        size = self.batch.size
        most = size + size // 4
        rows = self.store.query(
            f"SELECT {signing.OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?",
            (last_seq, most + 1))
        if not rows:
            return None
        last = len(rows) <= most
        if not last:
            rows = rows[:size]
        elif self._split_tail(len(rows)):
            # The server applies the last batch after its last byte, the link idle meanwhile; a small last
            # batch is applied at once, the one before it while the last goes up (docs/sync.md, 2G floor).
            rows = rows[:len(rows) - self.last_batch]
            last = False
        ops = [encode_op(r, usernames, to_server) for r in rows]
        for r, o in zip(rows, ops, strict=True):
            if r[9] and o.get("actor") != self.username:
                o["sig"] = r[9]  # its author's own signature: this person cannot sign for them
        # Only the person syncing can sign: their operations go; another person's wait (in order).
        n = signing.signable_prefix(ops, self.username) if self.signer is not None else 0
        if n == 0:
            who = ops[0].get("actor") or "?"
            waiting = int(self.store.query_one("SELECT count(*) FROM outbox WHERE state = 'pending' AND seq > ?",
                                               (last_seq,))[0])
            self.report.reasons.append(f"{waiting} operation(s) wait for {who} to sync (only they can sign them)")
            return None
        last = last or n < len(rows)
        rows, ops = rows[:n], ops[:n]
        assert self.signer is not None
        body = signing.sign_batch(ops, self.username, self.signer, self.store.device_id)
        self.report.signature_bytes += len(json.dumps(body["sigs"], separators=(",", ":"))) + len(',"sigs":')
        if after is not None:
            body["after"] = after
        since: int | None = None
        if last and self.pull_with_push and not self._pulled_all:
            # The server leaves this device's own new facts out of the page in its query (they never
            # fill it) and moves the cursor past them.
            since = self.cursor()
            body["pull"] = {"since": since, "limit": min(MAX_PAGE, self.pull_batch.size)}
        # On a link that carries megabytes a second, CPU is dearer than bytes: a lighter gzip.
        level = 9 if (self.batch.rate or 0.0) < FAST_LINK else 4
        data, gzipped = self.transport.pack(encode_body(body), level)
        return Batch(rows, body, data, gzipped, since)

    def _split_tail(self, n: int) -> bool:
        """A small last batch of its own when it saves time: batches two at a time in flight (one at a time,
        the last would wait for the answer before it anyway), and the server's time on the `n` records it
        would hold after the last byte (its time per record, Server-Timing) longer than one more push's
        bytes take on the link (a slow link: a fast one carries them in no time, the server applies at once)."""
        b = self.batch
        if not (0 < 2 * self.last_batch < n and self.pipeline > 1 and self._ordered and b.rate and b.server_per_record):
            return False
        return b.rate < SLOW_LINK and b.server_per_record * (n - self.last_batch) > SPLIT_COST / b.rate

    def _send(self, batch: Batch, before: Future[Exchange] | None) -> Exchange:
        """One batch, retried on a cut line; runs in a sender thread."""
        def send(data: bytes = batch.data, gzipped: bool = batch.gzipped) -> Exchange:
            batch.sent_at = time.monotonic()
            ex = self._count(self.transport.request("POST", "/v1/push", data=data, gzipped=gzipped, signed=True))
            batch.answered_at = time.monotonic()
            return ex

        try:
            return self._retrying(send, self.batch.failed)
        except ServerRefused as exc:
            detail = exc.body.get("detail") if isinstance(exc.body, dict) else None
            if exc.status != 409 or before is None or not str(detail or "").startswith(OUT_OF_ORDER):
                raise
        with self._counting:
            self.report.out_of_order += 1
        before.result()  # the batch before it: its failure ends this one too (it goes again next time)
        batch.body.pop("after", None)  # in order now: the earlier batch has its answer
        data, gzipped = self.transport.pack(encode_body(batch.body), 9)
        return self._retrying(lambda: send(data, gzipped), self.batch.failed)

    def _land(self, batch: Batch, flight: Future[Exchange]) -> int:
        """Store one batch's answers (oldest batch first); returns how many operations it carried."""
        ex = flight.result()
        rows = batch.rows
        # the server's own time (Server-Timing) apart from the link's: a busy server gets smaller batches.
        # Pipelined, a request shares the link with the one before it: its own time counts that one's bytes
        # too (the second push of a sync, sent with the first, took both uploads' time) and the batches stay
        # small. Its time is then its share of this push's time so far by bytes: the link's rate over the push
        # (docs/sync.md, Batch sizing); never below the server's own time for it.
        seconds, held, nbytes = ex.seconds, held_seconds(ex.headers), ex.sent + ex.received
        self._pushed_bytes += nbytes
        if self._answered_at is not None and batch.sent_at < self._answered_at and self._pushed_bytes > 0:
            share = (batch.answered_at - self._push_started) * nbytes / self._pushed_bytes
            seconds = min(seconds, max(share, held or 0.0))
        self._answered_at = batch.answered_at
        self.batch.record(seconds, nbytes, len(rows), held)
        body = ex.body if isinstance(ex.body, dict) else {}
        # Marked sent only when the answer names exactly these operations, in order.
        if isinstance(body.get("results"), list) and "ids" not in body:
            raise ServerRefused(ex.status, "the server is too old for this laptop: its push answer does not name "
                                "the operations it answers (no `ids`), so none is marked sent (the server keeps "
                                "each once; they go again as replays); update the central server")
        results = read_results(ex, [str(row[1]) for row in rows])
        self._ordered = body.get("ordered") is True
        self._record_results(rows, results)
        page = body.get("pull")  # anything but a page (null: not asked, an older server): the pull asks
        if batch.pull_since is not None and isinstance(page, dict):
            n, more = self.apply_page(page, batch.pull_since, ex.status)
            self.report.pulled_with_push += n
            self._pulled_all = not more
            self._tell("pull", n, n)
        return len(rows)

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
            if len(texts) == 1 and len(sent) == len(rows) and len(rows) > 1:
                # The usual answer: every operation applied alike. The batch is every pending row from
                # its first to its last (read in order): one statement over that range.
                tx.conn.execute("UPDATE outbox SET state = 'sent', attempts = attempts + 1, result = ?, last_error = ? "
                                "WHERE seq BETWEEN ? AND ? AND state = 'pending'",
                                (sent[0][0], sent[0][1], rows[0][0], rows[-1][0]))
                return
            if sent:
                tx.conn.executemany("UPDATE outbox SET state = 'sent', attempts = attempts + 1, result = ?, "
                                    "last_error = ? WHERE seq = ?", sent)
            if refused:
                tx.conn.executemany("UPDATE outbox SET state = 'quarantined', attempts = attempts + 1, "
                                    "result = ?, last_error = ? WHERE seq = ?", refused)
