"""The device secret and the PIN attempt record, kept OUTSIDE the profile folder.

Each profile has a random 32-byte device secret. It is mixed into every key that a PIN
unwraps (store/keyring.py, store/person_keys.py), so the profile folder alone, copied to
another disk, cannot be guessed at offline, not even with the right PIN. It is kept in the
operating system's credential store through the `keyring` library (Windows Credential
Manager, protected by DPAPI on the laptops; the Secret Service, e.g. gnome-keyring, on Linux;
the macOS Keychain), one entry per profile. The same entry holds the wrong-PIN counter of
each person of the profile, authenticated with an HMAC under a key derived from the secret:
restoring an older copy of the profile folder does not reset it, and an edited counter
locks everyone (the recovery key or a supervisor unlocks).

Where no credential store exists (a Linux without a Secret Service, a headless server) the
entry is a file in a per-user folder outside the profile (`FIELDKIT_SECRETS_DIR`, default
the user's FieldKit data folder / `device-secrets`), 0600. That still keeps a copied
profile folder from being opened, but a thief with the whole disk reads it, and restoring
an old copy of it resets the counter: docs/security.md says so.

`FIELDKIT_CREDENTIALS=os|file` forces the kind when a profile is created (default: the
OS store when one answers, else the file); an existing profile always uses the kind it
was made with (recorded in keyring.json, which is itself authenticated).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from pathlib import Path
from typing import Any

SERVICE = "FieldKit device secret"
OS, FILE = "os", "file"


class CredentialsUnavailable(Exception):
    """The credential store this profile was made with does not answer here."""


def hkdf(secret: bytes, info: bytes, length: int = 32) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(secret)


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _os_backend() -> Any | None:
    """The OS credential store, or None when there is none that works here (the `keyring`
    library picks it once per process, from the environment it starts in)."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:
        return None
    module = type(backend).__module__
    if module.endswith((".fail", ".null")) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def default_kind() -> str:
    forced = os.environ.get("FIELDKIT_CREDENTIALS", "").strip().lower()
    if forced in (OS, FILE):
        return forced
    return OS if _os_backend() is not None else FILE


def secrets_dir() -> Path:
    env = os.environ.get("FIELDKIT_SECRETS_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("FieldKit", "FieldKit")) / "device-secrets"


class Entry:
    """One profile's entry: {"secret": b64, "attempts": {username: {...}}, "mac": b64}."""

    def __init__(self, kind: str, profile_id: str):
        if kind not in (OS, FILE):
            raise CredentialsUnavailable(f"unknown credential store kind {kind!r}")
        self.kind, self.profile_id = kind, profile_id

    # --- raw text in the store ---------------------------------------------------------------------

    def _file(self) -> Path:
        return secrets_dir() / f"{self.profile_id}.json"

    def _read(self) -> str | None:
        if self.kind == FILE:
            try:
                return self._file().read_text(encoding="utf-8")
            except FileNotFoundError:
                return None
        backend = _os_backend()
        if backend is None:
            raise CredentialsUnavailable("no OS credential store answers")
        try:
            value = backend.get_password(SERVICE, self.profile_id)
        except Exception as exc:  # keyring.errors.* or a D-Bus failure
            raise CredentialsUnavailable(str(exc) or type(exc).__name__) from exc
        return None if value is None else str(value)

    def _write(self, text: str) -> None:
        if self.kind == FILE:
            p = self._file()
            p.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(p.parent, 0o700)
            tmp = p.with_suffix(f".{os.getpid()}.tmp")
            with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, p)
            return
        backend = _os_backend()
        if backend is None:
            raise CredentialsUnavailable("no OS credential store answers")
        try:
            backend.set_password(SERVICE, self.profile_id, text)
        except Exception as exc:
            raise CredentialsUnavailable(str(exc) or type(exc).__name__) from exc

    def delete(self) -> None:
        if self.kind == FILE:
            self._file().unlink(missing_ok=True)
            return
        backend = _os_backend()
        if backend is not None:
            try:
                backend.delete_password(SERVICE, self.profile_id)
            except Exception:
                pass

    # --- the entry -----------------------------------------------------------------------------------

    def create(self) -> bytes:
        secret = os.urandom(32)
        self._store(secret, {})
        return secret

    def _mac(self, secret: bytes, attempts: dict[str, Any]) -> str:
        key = hkdf(secret, b"fk-attempts-mac\n" + self.profile_id.encode())
        return base64.b64encode(hmac.new(key, canonical(attempts), hashlib.sha256).digest()).decode()

    def _store(self, secret: bytes, attempts: dict[str, Any]) -> None:
        self._write(json.dumps({"secret": base64.b64encode(secret).decode(), "attempts": attempts,
                                "mac": self._mac(secret, attempts)}, sort_keys=True))

    def load(self) -> tuple[bytes, dict[str, Any], bool] | None:
        """(secret, attempts, authentic) or None when this store has no entry for the profile."""
        text = self._read()
        if text is None:
            return None
        try:
            data = json.loads(text)
            secret = base64.b64decode(data["secret"], validate=True)
            attempts = data.get("attempts")
            if len(secret) != 32:
                raise ValueError("bad secret length")
        except (ValueError, KeyError, TypeError) as exc:
            raise CredentialsUnavailable(f"the credential entry is damaged ({type(exc).__name__})") from exc
        ok = isinstance(attempts, dict) and hmac.compare_digest(self._mac(secret, attempts), str(data.get("mac")))
        return secret, (attempts if isinstance(attempts, dict) else {}), ok

    def save_attempts(self, secret: bytes, attempts: dict[str, Any]) -> None:
        self._store(secret, attempts)
