"""Attachments (photos, signatures, raw captures, PDFs) stored by content hash.

Files live in `attachments/ab/<sha256>` beside the database, named by the sha256 of
their plain content and encrypted with the profile's data key (AES-256-GCM, the hash as
associated data), so a lost laptop does not show customers' photos or signatures.
Writes go to a temporary file, are fsynced, then renamed: a file is either whole or absent.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"FKA1"


class AttachmentError(Exception):
    pass


class AttachmentStore:
    def __init__(self, folder: str | Path, key: bytes | None):
        self.folder = Path(folder)
        self.key = key

    def path_for(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def put(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        path = self.path_for(sha)
        if path.exists():
            try:
                os.utime(path)  # in use again: a cleaning run leaves recently used files alone
            except OSError:
                pass
            return sha
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if self.key is not None:
            nonce = os.urandom(12)
            blob = MAGIC + nonce + AESGCM(self.key).encrypt(nonce, data, sha.encode("ascii"))
        else:
            blob = data
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        try:
            with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as f:
                f.write(blob)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)  # a full disk must not keep a partial file that keeps it full
            raise
        return sha

    def get(self, sha256: str) -> bytes:
        path = self.path_for(sha256)
        try:
            blob = path.read_bytes()
        except FileNotFoundError as exc:
            raise AttachmentError(f"attachment {sha256} is missing") from exc
        if self.key is not None and blob.startswith(MAGIC):
            nonce, body = blob[4:16], blob[16:]
            data = AESGCM(self.key).decrypt(nonce, body, sha256.encode("ascii"))
        else:
            data = blob
        if hashlib.sha256(data).hexdigest() != sha256:
            raise AttachmentError(f"attachment {sha256} is damaged (hash mismatch)")
        return data
