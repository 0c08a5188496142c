"""Each person's own signing key on this laptop (Ed25519), wrapped under *their* PIN.

The data key is shared by every user of a profile, so it must not protect what proves who
someone is. `person_keys.json` beside the keyring holds, per username, the public key (in
the clear: the server has it too) and the private key wrapped with AES-256-GCM under a key
derived from that person's PIN with Argon2id (own salt, the person's KDF parameters). Only
the person who types the PIN can sign as them; another user of the laptop, who can open the
database, cannot. Like the data key (store/keyring.py), the wrapping key also takes the
profile's device secret from the OS credential store (entries "v": 2), so this file alone is no
offline oracle for the PIN; a v1 entry (PIN only) is re-wrapped at the person's next login.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldkit.domain import signing
from fieldkit.store.keyring import KdfParams, Keyring, WrongSecret, derive, pin_key

FILE = "person_keys.json"


def _path(folder: str | Path) -> Path:
    return Path(folder) / FILE


def _load(folder: str | Path) -> dict[str, Any]:
    p = _path(folder)
    if not p.exists():
        return {"format": 1, "people": {}}
    with open(p, encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _save(folder: str | Path, data: dict[str, Any]) -> None:
    p = _path(folder)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(".tmp")
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, p)


def _kek(folder: str | Path, username: str, secret: str, salt: bytes, params: KdfParams, v: int) -> bytes:
    if v < 2:
        return derive(secret, salt, params)
    keyring = Keyring(folder)
    device = keyring.device_secret()
    if device is None:
        raise WrongSecret(username)
    return pin_key(secret, salt, params, device, f"person\n{keyring.profile_id()}\n{username}".encode())


def _aad(username: str) -> bytes:
    return b"fk-person-key\n" + username.encode("utf-8")


def create(folder: str | Path, username: str, secret: str, params: KdfParams) -> Ed25519PrivateKey:
    """A new key pair for `username`, wrapped under their PIN (replaces an older one)."""
    key = signing.new_private_key()
    keep(folder, username, key, secret, params)
    return key


def keep(folder: str | Path, username: str, key: Ed25519PrivateKey, secret: str, params: KdfParams) -> None:
    """Wrap `key` under `username`'s PIN and store it (replaces an older one)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    v = 2 if Keyring(folder).device_secret() is not None else 1
    kek = _kek(folder, username, secret, salt, params, v)
    wrapped = AESGCM(kek).encrypt(nonce, signing.private_bytes(key), _aad(username))
    data = _load(folder)
    data["people"][username] = {"public_key": signing.public_text(key), "salt": signing.b64(salt),
                                "kdf": asdict(params), "nonce": signing.b64(nonce), "wrapped": signing.b64(wrapped),
                                "v": v}
    _save(folder, data)


def unlock(folder: str | Path, username: str, secret: str) -> Ed25519PrivateKey | None:
    """The person's private key (None: they have none yet). WrongSecret when the PIN does not fit."""
    entry = _load(folder)["people"].get(username)
    if entry is None:
        return None
    v = int(entry.get("v", 1))
    params = KdfParams(**entry["kdf"])
    kek = _kek(folder, username, secret, signing.unb64(entry["salt"]), params, v)
    try:
        raw = AESGCM(kek).decrypt(signing.unb64(entry["nonce"]), signing.unb64(entry["wrapped"]), _aad(username))
    except InvalidTag as exc:
        raise WrongSecret(username) from exc
    key = signing.private_from(raw)
    if v < 2 and Keyring(folder).device_secret() is not None:
        try:
            keep(folder, username, key, secret, params)  # re-wrapped with the device secret
        except OSError:
            pass
    return key


def public_key(folder: str | Path, username: str) -> str | None:
    entry = _load(folder)["people"].get(username)
    return None if entry is None else str(entry["public_key"])


def unlock_or_create(folder: str | Path, username: str, secret: str, params: KdfParams) -> Ed25519PrivateKey:
    """At login: the person's key, made now for a profile from before person keys existed."""
    key = unlock(folder, username, secret)
    return key if key is not None else create(folder, username, secret, params)


def remove(folder: str | Path, username: str) -> None:
    data = _load(folder)
    if data["people"].pop(username, None) is not None:
        _save(folder, data)


def drop_all(folder: str | Path) -> None:
    """Forget every wrapped key (after a recovery re-homed the profile: they were wrapped with a device
    secret this computer does not have)."""
    _save(folder, {"format": 1, "people": {}})
