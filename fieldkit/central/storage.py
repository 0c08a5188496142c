"""Where attachment bytes live, behind one small interface, so that every worker on every host
sees every upload. The bookkeeping (declared size, received offset, complete) stays in the
database tables of attachments.py whatever the store.

- `DatabaseChunks` (the default): rows of `team_attachment_chunks`, written in the same
  transaction as the offset they advance; one database backup holds everything.
- `FolderChunks`: files in a folder every worker mounts (a shared volume, NFS or SMB):
  `<root>/<team>/<sha[:2]>/<sha>/<offset, 16 digits>`. A chunk file is written under a temporary
  name and renamed before the transaction records it, so an upload whose transaction never
  commits leaves at most a file that the next upload of that offset replaces. Chunks of an
  upload that failed its hash are removed at once; should that transaction then roll back,
  the missing file makes the next check fail and the device uploads again from 0.

Chosen with `FIELDKIT_ATTACHMENTS`: unset or `database`, or a folder path. An S3-compatible
store can be added as another class with the same four methods.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, and_, delete, func, insert, select

from fieldkit.central import schema as t

ENV = "FIELDKIT_ATTACHMENTS"
C = t.team_attachment_chunks.c


class ChunkStore(Protocol):
    def put(self, conn: Connection, team_id: str, sha: str, offset: int, data: bytes) -> None: ...

    def parts(self, conn: Connection, team_id: str, sha: str) -> Iterator[bytes]:
        """Every stored chunk of this upload, in offset order."""
        ...

    def drop(self, conn: Connection, team_id: str, sha: str) -> None: ...

    def range(self, conn: Connection, team_id: str, sha: str, offset: int, end: int) -> bytes:
        """The bytes [offset, end) of a complete upload."""
        ...


class DatabaseChunks:
    def put(self, conn: Connection, team_id: str, sha: str, offset: int, data: bytes) -> None:
        conn.execute(insert(t.team_attachment_chunks).values(team_id=team_id, sha256=sha, offset=offset, data=data))

    def parts(self, conn: Connection, team_id: str, sha: str) -> Iterator[bytes]:
        for (part,) in conn.execute(select(C.data).where(and_(C.team_id == team_id, C.sha256 == sha))
                                    .order_by(C.offset)):
            yield bytes(part)

    def drop(self, conn: Connection, team_id: str, sha: str) -> None:
        conn.execute(delete(t.team_attachment_chunks).where(and_(C.team_id == team_id, C.sha256 == sha)))

    def range(self, conn: Connection, team_id: str, sha: str, offset: int, end: int) -> bytes:
        if offset >= end:
            return b""
        parts = conn.execute(select(C.offset, C.data).where(and_(
            C.team_id == team_id, C.sha256 == sha, C.offset < end, C.offset + func.length(C.data) > offset))
            .order_by(C.offset)).all()
        if not parts:
            return b""
        first = int(parts[0][0])
        return b"".join(bytes(p[1]) for p in parts)[offset - first:end - first]


class FolderChunks:
    def __init__(self, root: Path):
        self.root = root

    def _dir(self, team_id: str, sha: str) -> Path:
        if not sha.isalnum() or not team_id.replace("-", "").isalnum():  # ids only: never a path of the caller's
            raise ValueError("not an attachment id")
        return self.root / team_id / sha[:2] / sha

    def _chain(self, folder: Path) -> Iterator[tuple[int, Path, int]]:
        """(offset, file, size) from offset 0, each chunk starting where the last ended: a file
        left by an upload that never committed, off that chain, is never read."""
        pos = 0
        while True:
            path = folder / f"{pos:016d}"
            try:
                size = path.stat().st_size
            except FileNotFoundError:
                return
            if size == 0:
                return
            yield pos, path, size
            pos += size

    def put(self, conn: Connection, team_id: str, sha: str, offset: int, data: bytes) -> None:
        folder = self._dir(team_id, sha)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{offset:016d}.{uuid.uuid4().hex}"
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, folder / f"{offset:016d}")

    def parts(self, conn: Connection, team_id: str, sha: str) -> Iterator[bytes]:
        for _off, path, _size in self._chain(self._dir(team_id, sha)):
            yield path.read_bytes()

    def drop(self, conn: Connection, team_id: str, sha: str) -> None:
        folder = self._dir(team_id, sha)
        if folder.exists():
            aside = folder.with_name(f".{sha}.{uuid.uuid4().hex}")
            os.replace(folder, aside)
            shutil.rmtree(aside, ignore_errors=True)

    def range(self, conn: Connection, team_id: str, sha: str, offset: int, end: int) -> bytes:
        out = []
        for off, path, size in self._chain(self._dir(team_id, sha)):
            if off >= end:
                break
            if off + size <= offset:
                continue
            with open(path, "rb") as f:
                f.seek(max(0, offset - off))
                out.append(f.read(min(end, off + size) - max(offset, off)))
        return b"".join(out)


@lru_cache(maxsize=4)
def _store(setting: str) -> ChunkStore:
    if setting in ("", "database"):
        return DatabaseChunks()
    root = Path(setting.removeprefix("file://")).expanduser()
    root.mkdir(parents=True, exist_ok=True)
    return FolderChunks(root)


def chunks() -> ChunkStore:
    """The store this process was configured with (the same setting on every worker)."""
    return _store(os.environ.get(ENV, "").strip())
