"""What one sync tells its caller: progress as it goes, the report at the end, and the
device's `meta` keys the sync engine keeps its state in."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any

from fieldkit.sync.transport import AuthRefused, BadAnswer, NotOurServer, ServerTooOld, SyncError, Unreachable

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
K_SERVER_SIGNS = "sync.server_signs_all"  # "1": the server's signed hello said it signs every answer (kept)

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
    pipelined: int = 0  # push requests sent while an earlier one was still unanswered
    sealed: int = 0  # pushes sent sealed to the pinned key before any proof (sync/sealed.py)
    out_of_order: int = 0  # of those, how many the server held back or refused until their turn
    pulled_with_push: int = 0  # changes that came in a push answer (no pull request of their own)
    server_lacks: list[str] = field(default_factory=list)  # what an older server could not do: ordered, pull_with_push
    reasons: list[str] = field(default_factory=list)
    server_key_moved: bool = False  # the pin followed the server's endorsed key rotation (sync/key_chain.py)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def backoff_delay(failures: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with full jitter in [d/2, d]."""
    d = min(cap, base * 2.0 ** max(0, failures - 1))
    return float(d / 2 + rng.random() * d / 2)


def describe(exc: BaseException) -> str:
    if isinstance(exc, ServerTooOld):
        return f"the server is too old for this laptop: {exc}"
    if isinstance(exc, NotOurServer):
        return f"not the enrolled server: {exc} (nothing was sent to it)"
    if isinstance(exc, AuthRefused):
        return f"refused by the server: {exc} (enrol this device again or check the user)"
    if isinstance(exc, Unreachable):
        return f"server not reachable: {exc}"
    if isinstance(exc, BadAnswer):  # the UI shows it as the server refusing (domain/problems.py: server_refused)
        return (f"the server's answer was not understood (HTTP {exc.status}): {str(exc).split(': ', 1)[-1]}; "
                "nothing it did not prove was stored, the next sync asks again")
    return str(exc) or type(exc).__name__
