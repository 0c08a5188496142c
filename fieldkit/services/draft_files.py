"""Photos a draft put in the encrypted attachment store, removed once nothing uses them.

A photo added to a form goes to the attachment store at the next autosave (so a crash keeps it)
and is noted in `draft_files`. When the draft is submitted its photos become the record's
attachments (rows of `attachments`, kept for ever); when it is discarded, or a photo is taken
out of the form, the file would stay on the disk for ever. `clean` removes the noted files that
no record and no draft (any person's, superseded or not) references.

Safe against a crash and against a save running at the same time:
- the candidates are chosen, their files deleted and their notes dropped inside one write
  transaction, so no draft or record can start referencing one meanwhile (a draft save checks its
  files inside its own write transaction and puts a missing one back: `drafts._keep_files`);
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
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cleaned:
    removed: int  # files deleted
    kept_recent: int  # unreferenced but written in the last GRACE_S seconds: left for a later run
    bytes_freed: int


def clean(session: Session, grace_s: float = GRACE_S) -> Cleaned:
    removed = recent = freed = 0
    now = time.time()
    with session.store.transaction(actor=session.user_id) as tx:
        for sha in repo.unreferenced_files(tx.conn):
            path = session.attachments.path_for(sha)
            try:
                st = path.stat()
            except FileNotFoundError:
                repo.forget_file(tx.conn, sha)  # already gone (a run cut short after the delete)
                continue
            if now - st.st_mtime < grace_s:
                recent += 1
                continue
            path.unlink(missing_ok=True)
            repo.forget_file(tx.conn, sha)
            removed += 1
            freed += st.st_size
        if removed:
            tx.audit("draft_files", "attachments", "clean", detail=f"{removed} files, {freed} bytes")
    if removed:
        _log.info("draft photos no longer used: %d files removed (%d bytes)", removed, freed)
    return Cleaned(removed, recent, freed)
