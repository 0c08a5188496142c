"""Sync use cases for the desktop app and the CLI (Qt-free, thread-safe).

    configure(session, url)            remember the server address
    enrol(session, code)               trade a one-time enrolment code for this device's token
    sync_now(session, progress, cancel) one full sync; returns a SyncReport
    probe(session)                     is the server reachable now?
    status(session)                    what the status bar shows
    quarantined(session)               operations the server refused, with the reason
    retry_quarantined(session, seq)    put a refused operation back in the queue (after a fix)
    AutoSyncService(session)           background sync with backoff; start() / stop() / trigger()
    download_limit(session) / set_download_limit(session, n)
                                       bytes of the team's photos, signatures and captures fetched
                                       per sync (default: 20 MiB on a supervisor's device, else 0)

Only one sync runs at a time per profile; a second caller waits for it.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fieldkit.domain import reasons
from fieldkit.domain.models import Role
from fieldkit.services.session import Session
from fieldkit.store.database import Store
from fieldkit.sync import client
from fieldkit.sync.client import CLOCK_WARNING, Progress, SyncReport, describe
from fieldkit.sync.scheduler import AutoSync, SchedulerEvent
from fieldkit.sync.transport import SyncError

__all__ = ["Progress", "SyncError", "SyncReport", "describe"]

_locks: weakref.WeakKeyDictionary[Store, threading.Lock] = weakref.WeakKeyDictionary()
_online: weakref.WeakKeyDictionary[Store, bool] = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def _lock(session: Session) -> threading.Lock:
    with _guard:
        lock = _locks.get(session.store)
        if lock is None:
            lock = _locks[session.store] = threading.Lock()
        return lock


def _username(session: Session) -> str:
    return session.profile.user.username


def configure(session: Session, server_url: str) -> None:
    url = server_url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValueError("the server address must start with http:// or https://")
    session.store.set_meta(client.K_URL, url)


def server_url(session: Session) -> str | None:
    return session.store.get_meta(client.K_URL)


def enrol(session: Session, code: str, server: str | None = None, user_code: str | None = None,
          server_key: str | None = None) -> str:
    """Enrol this device with a code from `fieldkit central enrol`, pinning the server's key. With the
    person's one-time `user_code` (from `fieldkit central user`), their signing key is registered too
    and their role comes from the server. Returns the server's device id."""
    if server:
        configure(session, server)
    url = session.store.get_meta(client.K_URL)
    if not url:
        raise client.NotConfigured("set the server address first")
    return client.enrol(session.store, url, code, _username(session), socket.gethostname(),
                        session.profile.signing_key, user_code, server_key)


def user_token(session: Session) -> str:
    """A short-lived user token for role-gated reads (the person signs the server's challenge)."""
    from fieldkit.sync import signing

    key = session.profile.signing_key
    if key is None:
        raise client.NotConfigured("this person has no signing key on this laptop")
    t = client._transport(session.store)
    try:
        return signing.user_token(t, _username(session), key, session.store.device_id)[0]
    finally:
        t.close()


def register_me(session: Session, user_code: str) -> dict[str, Any]:
    """Register the logged-in person's key for this laptop with their user code (online)."""
    key = session.profile.signing_key
    if key is None:
        raise client.NotConfigured("this person has no signing key on this laptop")
    return client.register_person(session.store, _username(session), user_code, key)


def probe(session: Session, timeout: float = 5.0) -> bool:
    url = session.store.get_meta(client.K_URL)
    if not url:
        return False
    ok, skew = client.probe(url, timeout)
    _online[session.store] = ok
    if skew is not None:
        session.store.set_meta(client.K_SKEW, str(skew))
    return ok


def sync_now(session: Session, progress: Callable[[Progress], None] | None = None,
             cancel: threading.Event | None = None, **engine_options: Any) -> SyncReport:
    with _lock(session):
        try:
            engine_options.setdefault("signer", session.profile.signing_key)
            engine = client.SyncEngine(session.store, session.attachments, _username(session), progress=progress,
                                       cancel=cancel, **engine_options)
        except SyncError as exc:
            report = SyncReport(error=client.describe(exc))
            return report
        try:
            report = engine.run()
        finally:
            engine.transport.close()
        _follow_code_changes(session)
        _online[session.store] = report.ok or (report.error is not None and "not reachable" not in report.error)
        return report


def _follow_code_changes(session: Session) -> None:
    """Real customer codes that arrived: the household's records and sheet follow (never fails the sync)."""
    from fieldkit.services import documents

    try:
        documents.follow_code_changes(session)
    except Exception:  # noqa: BLE001 - the note stays; the next sync tries again
        logging.getLogger(__name__).exception("documents did not follow a customer-code change")


def download_limit(session: Session) -> int:
    """Bytes of other devices' attachments one sync fetches on this device (0: none)."""
    configured = session.store.get_meta(client.K_DOWNLOAD_LIMIT)
    if configured and configured.isdigit():
        return int(configured)
    return client.SUPERVISOR_DOWNLOAD_LIMIT if session.role is Role.SUPERVISOR else 0


def set_download_limit(session: Session, limit: int | None) -> None:
    """Set the per-sync download budget in bytes; None goes back to the default for the role."""
    if limit is None:
        with session.store.lock:
            session.store.conn.execute("DELETE FROM meta WHERE key = ?", (client.K_DOWNLOAD_LIMIT,))
        return
    if limit < 0:
        raise ValueError("the download limit cannot be negative")
    session.store.set_meta(client.K_DOWNLOAD_LIMIT, str(int(limit)))


@dataclass(frozen=True)
class Quarantined:
    seq: int
    op_id: str
    entity: str
    entity_id: str
    action: str
    reason: str
    device_time: str
    payload: dict[str, Any]
    answer: dict[str, Any] = field(default_factory=dict)  # the server's answer: status, code, params, reason

    def message(self, lang: str = "vi") -> str:
        """Why the server refused it, in the UI language (reason code → vi/en message)."""
        if not self.answer.get("code"):
            return self.reason
        return reasons.from_answer(self.answer).message(lang)


def quarantined(session: Session) -> list[Quarantined]:
    rows = session.store.query(
        "SELECT seq, op_id, entity, entity_id, action, last_error, device_time, payload, result FROM outbox "
        "WHERE state = 'quarantined' ORDER BY seq")
    return [Quarantined(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), _answer(r[8]))
            for r in rows]


def _answer(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def retry_quarantined(session: Session, seq: int) -> None:
    """Queue a refused operation again under a new id (the old id's answer is final on the server)."""
    from fieldkit.domain.ids import new_id

    with session.store.transaction(actor=session.user_id) as tx:
        row = tx.conn.execute("SELECT op_id, entity, entity_id FROM outbox WHERE seq = ? AND state = 'quarantined'",
                              (seq,)).fetchone()
        if row is None:
            raise ValueError("no such quarantined item")
        fresh = new_id()
        tx.conn.execute("UPDATE outbox SET op_id = ?, state = 'pending', last_error = '', result = NULL, sig = NULL "
                        "WHERE seq = ?", (fresh, seq))
        if session.store.seal is not None:  # signed again when the author re-queues it; else it waits for them
            session.store.seal(tx.conn, fresh)
        tx.audit(row[1], row[2], "retry", op_id=row[0])


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    enrolled: bool
    online: bool | None  # None: not probed yet
    server_url: str | None
    waiting: int
    quarantined: int
    last_success: str | None
    last_error: str | None
    clock_skew_s: float | None

    @property
    def clock_warning(self) -> bool:
        return self.clock_skew_s is not None and abs(self.clock_skew_s) > CLOCK_WARNING.total_seconds()


def status(session: Session) -> SyncStatus:
    store = session.store
    counts = dict(store.query("SELECT state, count(*) FROM outbox GROUP BY state"))
    skew = store.get_meta(client.K_SKEW)
    return SyncStatus(
        configured=bool(store.get_meta(client.K_URL)), enrolled=bool(store.get_meta(client.K_TOKEN)),
        online=_online.get(store), server_url=store.get_meta(client.K_URL),
        waiting=int(counts.get("pending", 0)), quarantined=int(counts.get("quarantined", 0)),
        last_success=store.get_meta(client.K_LAST_SUCCESS) or None,
        last_error=store.get_meta(client.K_LAST_ERROR) or None,
        clock_skew_s=float(skew) if skew else None,
    )


def clock_skew(session: Session) -> timedelta | None:
    skew = session.store.get_meta(client.K_SKEW)
    return timedelta(seconds=float(skew)) if skew else None


def delivered(session: Session, work_order_id: str) -> bool:
    """A work order is delivered when the server has every operation about it and every
    attachment its records reference is confirmed."""
    with session.store.read() as conn:
        open_ops = conn.execute(
            "SELECT count(*) FROM outbox WHERE state != 'sent' AND (entity_id = ? OR "
            "json_extract(payload, '$.work_order_id') = ?)", (work_order_id, work_order_id)).fetchone()[0]
        if open_ops:
            return False
        shas: set[str] = set()
        for text in [r[0] for r in conn.execute(
                "SELECT payload FROM outbox WHERE json_extract(payload, '$.work_order_id') = ?", (work_order_id,))]:
            data = json.loads(text)
            shas.update(str(data[k]) for k in ("capture_sha256", "photo_sha256") if data.get(k))
            inner = data.get("data")
            if isinstance(inner, dict):
                shas.update(str(s) for s in inner.get("attachments") or [])
        if not shas:
            return True
        marks = ",".join("?" * len(shas))
        confirmed = conn.execute(
            f"SELECT count(*) FROM sync_uploads WHERE confirmed_at IS NOT NULL AND sha256 IN ({marks})",
            tuple(shas)).fetchone()[0]
    return int(confirmed) == len(shas)


class AutoSyncService:
    """Background sync for a session: probes with backoff and jitter, syncs when reachable."""

    def __init__(self, session: Session, *, interval: float = 300.0, base_delay: float = 2.0,
                 max_delay: float = 300.0, on_event: Callable[[SchedulerEvent], None] | None = None,
                 progress: Callable[[Progress], None] | None = None):
        self.session = session
        self.progress = progress
        self.scheduler = AutoSync(lambda: probe(session), self._sync, interval=interval, base_delay=base_delay,
                                  max_delay=max_delay, on_event=on_event)

    def _sync(self, cancel: threading.Event) -> SyncReport:
        return sync_now(self.session, self.progress, cancel)

    def start(self) -> None:
        self.scheduler.start()

    def stop(self) -> None:
        self.scheduler.stop()

    def trigger(self) -> None:
        self.scheduler.trigger()

    @property
    def running(self) -> bool:
        return self.scheduler.running


def describe_skew(skew_s: float | None) -> str | None:
    """A warning to show when the device clock is off by more than 5 minutes, else None."""
    if skew_s is None or abs(skew_s) <= CLOCK_WARNING.total_seconds():
        return None
    minutes = round(abs(skew_s) / 60)
    direction = "chậm" if skew_s > 0 else "nhanh"
    direction_en = "behind" if skew_s > 0 else "ahead of"
    now = datetime.now(UTC) + timedelta(seconds=skew_s)
    return (f"Đồng hồ máy {direction} {minutes} phút so với máy chủ (giờ máy chủ {now:%H:%M} UTC). / "
            f"This computer's clock is {minutes} minutes {direction_en} the server's.")
