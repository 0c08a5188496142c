"""Photos a draft put in the encrypted attachment store, removed once nothing uses them.

A photo added to a form goes to the attachment store at the next autosave (so a crash keeps it)
and is noted in `draft_files`. When the draft is submitted its photos become the record's
attachments (rows of `attachments`, kept for ever); when it is discarded, or a photo is taken
out of the form, the file would stay on the disk for ever. The new-supply request's signature is
noted the same way before its transaction (`services.supply_request`), in case that never commits.
`clean` removes the noted files that no record and no draft (any person's, superseded or not)
references.

Safe against a crash and against a save running at the same time:
- the candidates are found in a read snapshot; then, inside one write transaction, each is checked
  again, its file deleted and its note dropped, so no draft or record can start referencing one
  meanwhile (a draft save checks its files inside its own write transaction and puts a missing one
  back: `drafts._keep_files`);
- a file is deleted before its note: a crash in between leaves a note without a file (the next
  run drops it), never a referenced file without its note;
- a file written or put again in the last `GRACE_S` seconds is left for a later run (a submit puts
  its files before its transaction, like a draft save).
Other files in the store (records' attachments, kept documents) are never candidates.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from fieldkit.services.session import Session
from fieldkit.store import drafts as repo

GRACE_S = 600.0
BATCH = 50  # files removed per write transaction
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cleaned:
    removed: int  # files deleted
    kept_recent: int  # unreferenced but written in the last GRACE_S seconds: left for a later run
    bytes_freed: int


def clean(session: Session, grace_s: float = GRACE_S) -> Cleaned:
    removed = recent = freed = 0
    now = time.time()
    with session.store.read() as conn:  # found without the write lock (the usual run removes nothing)
        candidates = repo.unreferenced_files(conn)
    due: list[str] = []
    for sha in candidates:
        try:
            if now - session.attachments.path_for(sha).stat().st_mtime < grace_s:
                recent += 1
                continue
        except FileNotFoundError:
            pass  # already gone: its note is dropped below
        due.append(sha)
    if not due:
        return Cleaned(0, recent, 0)
    for start in range(0, len(due), BATCH):  # short write transactions: autosaves wait little
        batch_removed = batch_freed = 0
        with session.store.transaction(actor=session.user_id) as tx:
            for sha in due[start:start + BATCH]:
                if not repo.unreferenced(tx.conn, sha):  # referenced since: kept
                    continue
                path = session.attachments.path_for(sha)
                try:
                    st = path.stat()
                except FileNotFoundError:
                    repo.forget_file(tx.conn, sha)  # already gone (a run cut short after the delete)
                    continue
                if time.time() - st.st_mtime < grace_s:  # put again since
                    recent += 1
                    continue
                path.unlink(missing_ok=True)
                repo.forget_file(tx.conn, sha)
                batch_removed += 1
                batch_freed += st.st_size
            if batch_removed:
                tx.audit("draft_files", "attachments", "clean", detail=f"{batch_removed} files, {batch_freed} bytes")
        removed += batch_removed
        freed += batch_freed
    if removed:
        _log.info("draft photos no longer used: %d files removed (%d bytes)", removed, freed)
    return Cleaned(removed, recent, freed)
