"""The sync engine's shared plumbing: configuration, progress, counting, retries, the server's
identity proof and the person's user token. The steps of a sync (upload, push, pull, download)
are mixins over this base (fieldkit/sync/push.py, pull.py, files.py); `client.SyncEngine`
puts them together."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldkit.store.attachments import AttachmentStore
from fieldkit.store.database import Store
from fieldkit.sync import sealed, signing
from fieldkit.sync.batching import Batcher
from fieldkit.sync.report import (
    K_SERVER_KEY,
    K_SERVER_SIGNS,
    K_TOKEN,
    K_URL,
    Cancelled,
    NotConfigured,
    Progress,
    ProgressFn,
    SyncReport,
    backoff_delay,
)
from fieldkit.sync.transport import AuthRefused, BadAnswer, Exchange, ServerRefused, Transport, Unreachable

T = TypeVar("T")
HELLO_CAPABILITIES = ("ordered", "signs_all")  # what a server's /v1/hello may say it can do (acted upon only when signed)


class EngineBase:
    def __init__(
        self, store: Store, attachments: AttachmentStore, username: str, *, transport: Transport | None = None,
        progress: ProgressFn | None = None, cancel: threading.Event | None = None, max_retries: int = 6,
        backoff_base: float = 0.25, backoff_cap: float = 8.0, batch: Batcher | None = None,
        chunk_size: int = 64 * 1024, max_chunk: int = 1024 * 1024, seed: int | None = None,
        download_limit: int | None = None, download_chunk: int = 64 * 1024,
        signer: Ed25519PrivateKey | None = None, pipeline: int = 2, pull_with_push: bool = True,
        seal: bool = True,
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
        if store.get_meta(K_SERVER_SIGNS) == "1":  # once seen signed, never accepted unsigned again
            transport.signs_all = True
        # The first pushes may go sealed to the pinned key before any proof (fieldkit/sync/sealed.py).
        self.seal = seal
        if seal and transport.sealing is None and not transport.proven:
            transport.sealing = sealed.load(store, transport.server_key)
            transport.seal_skew_s = sealed.load_skew(store)
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
        # Push requests in flight at once (1: each waits for the answer before the next is sent).
        self.pipeline = max(1, pipeline)
        # Ask for the first page of changes in the last push's answer (saves the pull's round trip).
        self.pull_with_push = pull_with_push
        self._pulled_all = False  # the push answers brought the whole change feed
        self._ordered = False  # the server keeps pipelined batches in order (said in its answers)
        self._counting = threading.Lock()

    # --- plumbing ---------------------------------------------------------------------------------

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("sync cancelled")

    def _tell(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(Progress(phase, done, total, self.report.bytes_sent, self.report.bytes_received))

    def _count(self, ex: Exchange) -> Exchange:
        with self._counting:  # pipelined push requests are counted from their sender threads
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
                with self._counting:
                    self.report.retries += 1
                if on_failure is not None:
                    on_failure()
                if failures > self.max_retries:
                    raise
                if self.cancel.wait(backoff_delay(failures, self.backoff_base, self.backoff_cap, self.rng)):
                    raise Cancelled("sync cancelled") from None

    def _prove_server(self) -> None:
        """The pinned server proves its identity before the token or any data go to it (once per
        transport; done up front so that pipelined requests do not each ask)."""
        if self.transport.token and self.transport.server_key is not None and not self.transport.proven:
            if self._sealing():
                self.transport.ordered = self.transport.sealing is not None and self.transport.sealing.ordered
                return  # the first pushes go sealed: their answer is the proof
            self._hello()

    def _sealing(self) -> bool:
        """Will the first pushes go sealed (a sealing key kept for this pin, something to push)?"""
        t = self.transport
        return (t.sealing is not None and t.sealing.pin == t.server_key and not t.proven
                and self.store.query_one("SELECT 1 FROM outbox WHERE state = 'pending' LIMIT 1") is not None)

    def _pin_server(self) -> None:
        """The server proves its identity first. A laptop enrolled before servers had keys pins the key
        on its first sync after the update; a pinned key moves only along the server's endorsed
        rotation chain (transport.hello, sync/key_chain.py), and the new pin is stored here."""
        if self.transport.token and (self.transport.server_key is None or not self.transport.proven):
            if self.transport.server_key is not None and self._sealing():
                return  # no hello: the sealed first push proves the server (its answer opens)
            key = self._hello()
            self._store_pin(key)
            self.transport.server_key = key

    def _store_pin(self, key: str) -> None:
        """The pin as proven now, stored (and said in the report when it moved from another one)."""
        kept = self.store.get_meta(K_SERVER_KEY)
        if kept != key:
            self.report.server_key_moved = kept is not None
            self.store.set_meta(K_SERVER_KEY, key)

    def _store_signs_all(self) -> None:
        """Once seen signed, never accepted unsigned again (stored)."""
        if self.transport.signs_all and self.store.get_meta(K_SERVER_SIGNS) != "1":
            self.store.set_meta(K_SERVER_SIGNS, "1")

    def _keep_proof(self) -> None:
        """After the sync (whatever its end): what a proven hello in it taught is kept. The pin moved
        only along the endorsed chain (transport.hello); the sealing key the hello published (or none:
        a server without sealed pushes) replaces the one kept; why a sealed push was not opened is said."""
        t = self.transport
        if t.sealing_refused:
            self.report.reasons.append(f"the server did not open the sealed push ({t.sealing_refused}): "
                                       "the hello went first")
        self.report.sealed = t.sealed_sent
        if not t.hellos or not t.proven or t.server_key is None:
            return
        self._store_pin(t.server_key)
        self._store_signs_all()
        got = t.hello_sealing
        sealed.keep(self.store, got if got is not None and got.pin == t.server_key else None)
        sealed.keep_skew(self.store, t.hello_skew_s)

    def _hello(self) -> str:
        """The server's identity proof; what it says it can do counts only if its signature covers it."""
        key, ex = self._retrying(self.transport.hello)
        self._count(ex)
        self._store_signs_all()
        claims = sorted(k for k in HELLO_CAPABILITIES if isinstance(ex.body, dict) and k in ex.body)
        if claims and not self.transport.hello_signed:
            self.report.reasons.append(
                f"the server's hello says {', '.join(claims)} without its signature over it (changed on the way?): "
                "not acted upon, pushes go one at a time")
        return key

    def _note_server_limits(self) -> None:
        """After the push: say plainly what this (older) server could not do in this sync."""
        if self.report.pushed == 0:
            return
        lacks = []
        if not self._ordered:
            lacks.append(("ordered", "it does not keep pipelined pushes in order, so they went one at a time"))
        if self.pull_with_push and not self._pulled_all and self.report.pulled_with_push == 0:
            lacks.append(("pull_with_push", "it does not send the first page of changes with the last push, so "
                                            "the pull asked on its own (one round trip more)"))
        for name, text in lacks:
            self.report.server_lacks.append(name)
            self.report.reasons.append(f"the server is older than this laptop's sync: {text}; "
                                       "update the central server for faster syncs")

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
        except BadAnswer:
            raise  # a protocol error ends the sync (as every other answer's): not a refusal to note and go on
        except (AuthRefused, ServerRefused) as exc:
            self.report.reasons.append(f"user token: {exc}")
            return None
        self.transport.set_user_token(token)
        self._role = role
        return role
