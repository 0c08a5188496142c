"""Documents the app makes (install record, household sheet, reports) are kept encrypted.

A document is put in the profile's attachment store (AES-256-GCM with the data key, like
photos) and handed around as a `KeptDocument`: its hash, its kind and a file name that
carries no customer data. Nothing is written in the clear inside the profile.

- `open_private` decrypts one into a private temporary folder (mode 0700, file 0600, a
  generic name) for the system's PDF viewer to show or print; `remove_private_copies`
  deletes them (the app calls it when the session closes and at exit), and
  `sweep_stale_private_copies` deletes the ones a crashed run left behind.
- `save_copy` is the explicit "Save a copy…": a plain file where the user chooses, after
  the warning in `COPY_WARNING` (the UI shows it; see docs/security.md).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fieldkit.domain.messages import Texts
from fieldkit.services.session import Session

_M = Texts("services.kept_documents")

PRIVATE_PREFIX = "fieldkit-view-"

COPY_WARNING = _M("This copy is NOT encrypted: anyone who has the file can read the customer's name, code, phone, address and signature. Save it only somewhere safe (not a USB stick or a shared folder) and delete it when done.")


@dataclass(frozen=True)
class KeptDocument:
    sha256: str
    kind: str        # install_record | household_sheet | contract | new_supply_request | report | daily_summary
    file_name: str   # suggested name for "Save a copy…" and the private copy: no customer data
    mime: str = "application/pdf"


def keep(session: Session, data: bytes, kind: str, file_name: str, mime: str = "application/pdf") -> KeptDocument:
    """Encrypt `data` into the attachment store; returns how to find it again."""
    sha = session.attachments.put(data)
    return KeptDocument(sha, kind, _safe_name(file_name), mime)


def read(session: Session, doc: KeptDocument) -> bytes:
    return session.attachments.get(doc.sha256)


def _safe_name(name: str) -> str:
    keep_chars = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in name)
    return keep_chars.strip(".-")[:80] or "document.pdf"


_copies: list[Path] = []


def _private_root() -> Path:
    return Path(tempfile.gettempdir())


def open_private(session: Session, doc: KeptDocument) -> Path:
    """Decrypt `doc` into a new private temporary folder; returns the file's path."""
    data = read(session, doc)
    folder = Path(tempfile.mkdtemp(prefix=f"{PRIVATE_PREFIX}{os.getpid()}-", dir=_private_root()))
    os.chmod(folder, 0o700)
    path = folder / doc.file_name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    _copies.append(folder)
    return path


def remove_private_copies() -> int:
    """Delete this process's private copies; returns how many folders went."""
    removed = 0
    while _copies:
        folder = _copies.pop()
        shutil.rmtree(folder, ignore_errors=True)
        removed += 0 if folder.exists() else 1
    return removed


def remove_private_copy(path: str | Path) -> bool:
    """Delete one private copy (its folder) made by open_private; True when it is gone. A path this
    process did not make is left alone."""
    folder = Path(path).parent
    if folder not in _copies:
        return False
    shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        return False  # still open elsewhere (Windows): removed when the session closes
    _copies.remove(folder)
    return True


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def sweep_stale_private_copies() -> int:
    """Delete private copies left by FieldKit runs that are no longer alive (a crash, a power cut)."""
    removed = 0
    try:
        entries = list(_private_root().glob(f"{PRIVATE_PREFIX}*"))
    except OSError:
        return 0
    for folder in entries:
        pid_text = folder.name[len(PRIVATE_PREFIX):].split("-", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)) or not folder.is_dir():
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += 0 if folder.exists() else 1
    return removed


def save_copy(session: Session, doc: KeptDocument, target: str | Path) -> Path:
    """The user's explicit "Save a copy…": write the plain PDF to `target` (whole or not at all)."""
    target = Path(target)
    data = read(session, doc)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
