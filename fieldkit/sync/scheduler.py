"""Automatic sync: a plain thread (no Qt) that probes the server with exponential backoff and
jitter, syncs as soon as it becomes reachable, then again every `interval` or when poked."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fieldkit.sync.client import backoff_delay


@dataclass(frozen=True)
class SchedulerEvent:
    kind: str  # "online", "offline", "synced", "failed"
    detail: Any = None


class AutoSync:
    """Calls `probe()` until it answers True, then `sync()`; waits `interval` (or a `trigger()`).

    While the server is unreachable the probe is retried after 1, 2, 4 … `max_delay` seconds,
    each with jitter, so a hundred laptops coming back at once do not knock together."""

    def __init__(self, probe: Callable[[], bool], sync: Callable[[threading.Event], Any], *,
                 interval: float = 300.0, base_delay: float = 1.0, max_delay: float = 300.0,
                 on_event: Callable[[SchedulerEvent], None] | None = None, seed: int | None = None,
                 sync_ok: Callable[[Any], bool] | None = None):
        self._probe, self._sync = probe, sync
        self.interval, self.base_delay, self.max_delay = interval, base_delay, max_delay
        self.on_event = on_event
        self.sync_ok = sync_ok or (lambda result: bool(getattr(result, "ok", result)))
        self._rng = random.Random(seed)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self.cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.online: bool | None = None
        self.failures = 0

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="fieldkit-autosync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self.cancel.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    def trigger(self) -> None:
        """Sync now (e.g. after new work was recorded, or "Sync now")."""
        self.failures = 0
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _emit(self, kind: str, detail: Any = None) -> None:
        if self.on_event is not None:
            self.on_event(SchedulerEvent(kind, detail))

    def _wait(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                reachable = bool(self._probe())
            except Exception:  # a probe must never kill the thread
                reachable = False
            if self._stop.is_set():
                break
            if reachable != self.online:
                self.online = reachable
                self._emit("online" if reachable else "offline")
            if not reachable:
                self.failures += 1
                self._wait(backoff_delay(self.failures, self.base_delay, self.max_delay, self._rng))
                continue
            self.cancel.clear()
            try:
                result = self._sync(self.cancel)
                ok = self.sync_ok(result)
            except Exception as exc:
                result, ok = exc, False
            if self._stop.is_set():
                break
            if ok:
                self.failures = 0
                self._emit("synced", result)
                self._wait(self.interval)
            else:
                self.failures += 1
                self._emit("failed", result)
                self._wait(backoff_delay(self.failures, self.base_delay, self.max_delay, self._rng))
