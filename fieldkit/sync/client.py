"""The sync client: upload attachments, drain the outbox, pull changes by cursor, download files.

One `SyncEngine.run()` is one sync: attachments first (so that the operations that
reference them arrive after them), then the outbox in batches, then the change feed, then
(on a supervisor's device, within a byte budget) the files that pulled records reference.
Every step is safe to repeat after a cut connection: operation ids make a replayed push a
no-op, uploads resume from the offset the server confirmed, the cursor is stored in the
same transaction as the changes it covers, and downloads resume from their last whole chunk.

The steps live in their own modules: push.py (pipelined batches, the first pull page in the
last push's answer), pull.py, files.py (uploads and downloads), base.py (plumbing),
enrolment.py (enrol, probe, people), report.py (progress, report, meta keys). The names
other code uses are importable from here.
"""

from __future__ import annotations

import time

from fieldkit.store.attachments import AttachmentError
from fieldkit.store.database import utc_now
from fieldkit.sync.enrolment import _transport, enrol, probe, refresh_users, register_person
from fieldkit.sync.files import Files
from fieldkit.sync.push import FAST_LINK, Pushing
from fieldkit.sync.report import (
    CLOCK_WARNING,
    K_CURSOR,
    K_DEVICE,
    K_DOWNLOAD_LIMIT,
    K_LAST_ATTEMPT,
    K_LAST_ERROR,
    K_LAST_SUCCESS,
    K_SERVER_KEY,
    K_SKEW,
    K_TEAM,
    K_TOKEN,
    K_URL,
    SUPERVISOR_DOWNLOAD_LIMIT,
    Cancelled,
    NotConfigured,
    Progress,
    ProgressFn,
    SyncReport,
    backoff_delay,
    describe,
)
from fieldkit.sync.transport import SyncError

__all__ = [
    "CLOCK_WARNING", "FAST_LINK", "K_CURSOR", "K_DEVICE", "K_DOWNLOAD_LIMIT", "K_LAST_ATTEMPT", "K_LAST_ERROR",
    "K_LAST_SUCCESS", "K_SERVER_KEY", "K_SKEW", "K_TEAM", "K_TOKEN", "K_URL", "SUPERVISOR_DOWNLOAD_LIMIT",
    "Cancelled", "NotConfigured", "Progress", "ProgressFn", "SyncEngine", "SyncReport", "_transport",
    "backoff_delay", "describe", "enrol", "probe", "refresh_users", "register_person",
]


class SyncEngine(Pushing, Files):
    def run(self) -> SyncReport:
        started = time.monotonic()
        self.store.set_meta(K_LAST_ATTEMPT, utc_now())
        try:
            self._pin_server()
            self.upload_attachments()
            self.push()
            self._note_server_limits()
            self.pull()  # nothing to do when the last push's answer brought the whole feed
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
            self._keep_proof()
            self.report.seconds = round(time.monotonic() - started, 3)
            if self.report.clock_skew_s is not None:
                self.store.set_meta(K_SKEW, str(self.report.clock_skew_s))
            self._tell("done", 1, 1)
        return self.report
