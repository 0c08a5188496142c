"""Download of other devices' attachments (photos, signatures, raw captures) to this device.

A supervisor reviews work done on the team's laptops, so the files that pulled readings,
installs and onboarding steps reference are fetched after the pull:

- `wanted(conn)`: hashes referenced by records on this device whose file is not here;
- the server says which of them it has (`POST /v1/attachments/info`: size, type, kind);
- each file comes down in chunks (`GET /v1/attachments/{sha}?offset=&length=`) into a
  partial file, then is checked against its sha256 and only then stored (encrypted,
  atomically) with `AttachmentStore.put`. A file is either whole in the store or absent.
- `Partial` keeps the chunks received so far, each encrypted with the profile's key (the
  customer's photo is never on disk in clear), each appended and fsynced as one record. A
  record cut by a crash or a dead battery fails its check and is dropped when the file is
  opened again; the download resumes from the end of the last whole record.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
from collections.abc import Iterator
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldkit.store.attachments import AttachmentStore

HEADER = struct.Struct(">I")
MAX_RECORD = 8 * 1024 * 1024
SHA_CHARS = frozenset("0123456789abcdef")


def is_sha(text: object) -> bool:
    return isinstance(text, str) and len(text) == 64 and set(text) <= SHA_CHARS


def wanted(conn: Any) -> list[str]:
    """Hashes that records on this device reference and whose file is not recorded here."""
    rows = conn.execute(
        "SELECT capture_sha256 FROM readings WHERE capture_sha256 IS NOT NULL "
        "UNION SELECT photo_sha256 FROM readings WHERE photo_sha256 IS NOT NULL "
        "UNION SELECT j.value FROM installs, json_each(installs.data, '$.attachments') j "
        "WHERE json_type(installs.data, '$.attachments') = 'array' "
        "UNION SELECT j.value FROM onboarding_steps, json_each(onboarding_steps.data, '$.attachments') j "
        "WHERE json_type(onboarding_steps.data, '$.attachments') = 'array' "
        "EXCEPT SELECT sha256 FROM attachments").fetchall()
    return sorted(str(r[0]) for r in rows if is_sha(r[0]))


class Partial:
    """The received part of one download, as encrypted, length-prefixed records in one file."""

    def __init__(self, store: AttachmentStore, sha256: str):
        self.sha256 = sha256
        self.key = store.key
        self.path = store.folder / "partial" / f"{sha256}.part"
        self.offset = 0
        self._valid_bytes = 0  # on-disk length of the whole records
        if self.path.exists():
            for _ in self._records(repair=True):
                pass

    @staticmethod
    def existing(store: AttachmentStore) -> list[str]:
        folder = store.folder / "partial"
        if not folder.is_dir():
            return []
        return sorted(p.stem for p in folder.glob("*.part") if is_sha(p.stem))

    def _ad(self, offset: int) -> bytes:
        return f"{self.sha256}:{offset}".encode("ascii")

    def _records(self, repair: bool = False) -> Iterator[bytes]:
        """The plain chunks in order. With `repair`, a damaged or cut tail is cut off the file."""
        offset = 0
        good = 0
        with open(self.path, "rb") as f:
            while True:
                head = f.read(HEADER.size)
                if len(head) < HEADER.size:
                    break
                (n,) = HEADER.unpack(head)
                body = f.read(n) if n <= MAX_RECORD else b""
                if n > MAX_RECORD or len(body) < n:
                    break
                try:
                    chunk = self._open(body, offset)
                except (InvalidTag, ValueError):
                    break
                offset += len(chunk)
                good += HEADER.size + n
                yield chunk
        if repair:
            if good != self.path.stat().st_size:
                with open(self.path, "r+b") as f:
                    f.truncate(good)
                    f.flush()
                    os.fsync(f.fileno())
            self.offset, self._valid_bytes = offset, good

    def _seal(self, chunk: bytes, offset: int) -> bytes:
        if self.key is None:
            return chunk
        nonce = os.urandom(12)
        return nonce + AESGCM(self.key).encrypt(nonce, chunk, self._ad(offset))

    def _open(self, body: bytes, offset: int) -> bytes:
        if self.key is None:
            return body
        if len(body) < 12 + 16:
            raise ValueError("record too short")
        return AESGCM(self.key).decrypt(body[:12], body[12:], self._ad(offset))

    def append(self, chunk: bytes) -> None:
        """Add the next chunk; it is on disk (fsynced) when this returns."""
        if not chunk:
            return
        body = self._seal(chunk, self.offset)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "ab") as f:
            f.write(HEADER.pack(len(body)) + body)
            f.flush()
            os.fsync(f.fileno())
        self.offset += len(chunk)
        self._valid_bytes += HEADER.size + len(body)

    def content(self) -> bytes:
        if not self.path.exists():
            return b""
        return b"".join(self._records())

    def verified(self) -> bytes | None:
        """The whole content when it matches its sha256, else None."""
        data = self.content()
        return data if hashlib.sha256(data).hexdigest() == self.sha256 else None

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.offset = self._valid_bytes = 0


def partial_bytes(store: AttachmentStore) -> int:
    folder = store.folder / "partial"
    return sum(p.stat().st_size for p in folder.glob("*.part")) if folder.is_dir() else 0
