"""What the disk says, in words a field worker can act on (Vietnamese first, English second).

`describe_os_error` turns an OSError or a SQLite error caused by the disk (full, read-only,
no permission, I/O error, damaged file) into a `DiskProblem` with a code and a message
that says what to do. `free_bytes` and `low_space` back the "disk almost full" warning.
"""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from fieldkit.domain.messages import Message, Texts, Worded
from fieldkit.domain.problems import with_detail

_M = Texts("store.disk")

# A day's photos: about 60 jobs x 6 photos x 1.5 MB, plus signatures, captures and PDFs.
DAY_OF_PHOTOS_BYTES = 600 * 1024 * 1024


@dataclass(frozen=True)
class DiskProblem(Worded):
    code: str  # disk_full | read_only | permission | io_error | damaged | missing | other
    message: Message  # translated when shown (core_vi.ts)

    def words(self) -> Message:
        return self.message

    def text(self) -> str:
        return f"{self.vi} / {self.en}"


MESSAGES: dict[str, Message] = {
    "disk_full": _M("The disk is full. Delete files you do not need (photos, videos, downloads) or sync, then try again; nothing already saved is lost."),
    "read_only": _M("The disk or the profile folder is read-only: nothing can be written. Copy the profile to a writable disk or turn off the device's write protection."),
    "permission": _M("No permission to read or write the profile folder. Sign in to the computer as the account that uses FieldKit, or ask the administrator to grant access."),
    "io_error": _M("The disk reported a read/write error (it may be failing). Do not switch off; sync now and tell the support team."),
    "damaged": _M("The data file is damaged. Run `fieldkit doctor` to check it, push what can still be read, then re-create the profile from the server."),
    "missing": _M("A file or folder is missing. Check the path."),
    "other": _M("A file could not be read or written. Try again; if it happens again, restart the computer and tell the support team."),
}

_ERRNO_CODES = {
    errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full", errno.EFBIG: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "permission", errno.EPERM: "permission",
    errno.EIO: "io_error",
    errno.ENOENT: "missing", errno.ENOTDIR: "missing",
}


def problem(code: str, detail: str = "") -> DiskProblem:
    return DiskProblem(code, with_detail(MESSAGES[code], detail) if detail else MESSAGES[code])


def classify(exc: BaseException) -> str | None:
    """The disk problem behind an exception, or None when it is not one."""
    if isinstance(exc, OSError) and exc.errno in _ERRNO_CODES:
        return _ERRNO_CODES[exc.errno]
    text = str(exc).lower()
    if "database or disk is full" in text or "no space left" in text:
        return "disk_full"
    if "readonly database" in text or "read-only file system" in text:
        return "read_only"
    if "disk i/o error" in text:
        return "io_error"
    if "malformed" in text or "file is not a database" in text or "hmac check failed" in text:
        return "damaged"
    if "unable to open database file" in text:
        return "permission"
    if isinstance(exc, OSError):
        return "other"
    return None


def describe_os_error(exc: BaseException) -> DiskProblem | None:
    code = classify(exc)
    if code is None:
        return None
    where = getattr(exc, "filename", None)
    return problem(code, f"{where}" if where else "")


def free_bytes(path: str | Path) -> int:
    """Free bytes on the file system holding `path` (its nearest existing parent)."""
    p = Path(path)
    while not p.exists() and p.parent != p:
        p = p.parent
    return int(shutil.disk_usage(p).free)


def low_space(path: str | Path, need: int = DAY_OF_PHOTOS_BYTES) -> DiskProblem | None:
    """A warning when less than `need` bytes (a day's photos) are free, else None."""
    free = free_bytes(path)
    if free >= need:
        return None
    mb = free // (1024 * 1024)
    return DiskProblem(
        "low_space",
        _M("The disk is almost full: only {mb} MB free, less than a day's photos need. Delete files you do not need or sync soon.", mb=mb),
    )


def writable(folder: str | Path) -> DiskProblem | None:
    """None when new files can be created in `folder`, else why not (read-only, permission)."""
    folder = Path(folder)
    probe = folder / f".fieldkit-write-check-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        return describe_os_error(exc)
    os.close(fd)
    try:
        probe.unlink()
    except OSError:
        pass
    return None


def owner_only(folder: str | Path) -> int:
    """Make a profile readable by its owner only: folders 0700, files 0600 (POSIX; on Windows
    the profile lives in the user's own AppData, protected by its ACL). Returns files changed."""
    if os.name != "posix":
        return 0
    changed = 0
    root = Path(folder)
    for dirpath, dirnames, filenames in os.walk(root):
        for name, mode in [(dirpath, 0o700)] + [(os.path.join(dirpath, f), 0o600) for f in filenames]:
            try:
                st = os.lstat(name)
                if not os.path.islink(name) and (st.st_mode & 0o777) != mode:
                    os.chmod(name, mode)
                    changed += 1
            except OSError:
                continue
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
    return changed
