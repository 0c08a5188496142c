"""The utility's recovery key: the data key sealed to a public key whose private half is never on a laptop.

`fieldkit recovery-key new --out DIR` makes an X25519 key pair at the utility (the private key
file goes into the utility's safe; `recovery.pub` goes into every laptop's configuration:
`FIELDKIT_RECOVERY_PUBLIC_KEY`, the key text or a file holding it). A profile seals its data key
to that public key when it is created and, for older profiles, at the next login (the data key
is in hand then): an ephemeral X25519 key agreement, HKDF-SHA256, AES-256-GCM, the profile id as
associated data — a sealed box. Opening it needs the private key only: not a PIN, and not this
laptop's credential store, so a profile whose every user forgot their PIN, or whose laptop died,
is still opened by `fieldkit recover`.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldkit.store.credentials import hkdf

PREFIX = "fk-recovery-x25519:"
ENV = "FIELDKIT_RECOVERY_PUBLIC_KEY"


class RecoveryKeyError(Exception):
    """The recovery key is malformed, or is not the one this profile was sealed to."""


def _raw(pub: X25519PublicKey) -> bytes:
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_text(pub: X25519PublicKey) -> str:
    return PREFIX + base64.b64encode(_raw(pub)).decode("ascii")


def key_id(pub: X25519PublicKey) -> str:
    return hashlib.sha256(_raw(pub)).hexdigest()[:16]


def parse_public(text: str) -> X25519PublicKey:
    text = text.strip()
    if not text.startswith(PREFIX):
        raise RecoveryKeyError(f"a recovery public key starts with {PREFIX}")
    try:
        raw = base64.b64decode(text[len(PREFIX):], validate=True)
        return X25519PublicKey.from_public_bytes(raw)
    except ValueError as exc:
        raise RecoveryKeyError("the recovery public key is malformed") from exc


def configured_public() -> X25519PublicKey | None:
    """The laptop's configured recovery public key (None: none configured)."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    if not value.startswith(PREFIX):
        try:
            value = Path(value).read_text(encoding="utf-8")
        except OSError as exc:
            raise RecoveryKeyError(f"cannot read the recovery public key file {value}: {exc.strerror}") from exc
    return parse_public(value)


def new_pair(out_dir: Path) -> tuple[Path, Path]:
    """Write `recovery-private.pem` (0600) and `recovery.pub` into out_dir; never overwrite."""
    key = X25519PrivateKey.generate()
    out_dir.mkdir(parents=True, exist_ok=True)
    private, public = out_dir / "recovery-private.pem", out_dir / "recovery.pub"
    for p in (private, public):
        if p.exists():
            raise FileExistsError(f"{p} already exists; it is not overwritten")
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    with open(os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
        f.write(pem)
    public.write_text(public_text(key.public_key()) + "\n", encoding="utf-8")
    return private, public


def load_private(path: Path) -> X25519PrivateKey:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RecoveryKeyError(f"cannot read the recovery key {path}: {exc.strerror}") from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise RecoveryKeyError(f"{path} is not a recovery private key (PEM, X25519)") from exc
    if not isinstance(key, X25519PrivateKey):
        raise RecoveryKeyError(f"{path} is not an X25519 recovery private key")
    return key


def _kek(shared: bytes, epk: bytes, pub: bytes, profile_id: str) -> bytes:
    return hkdf(shared + epk + pub, b"fk-recovery-v1\n" + profile_id.encode("utf-8"))


def seal(pub: X25519PublicKey, data_key: bytes, profile_id: str) -> dict[str, Any]:
    eph = X25519PrivateKey.generate()
    epk = _raw(eph.public_key())
    kek = _kek(eph.exchange(pub), epk, _raw(pub), profile_id)
    nonce = os.urandom(12)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, profile_id.encode("utf-8"))
    b64 = base64.b64encode
    return {"key_id": key_id(pub), "epk": b64(epk).decode(), "nonce": b64(nonce).decode(),
            "wrapped": b64(wrapped).decode()}


def open_sealed(private: X25519PrivateKey, sealed: dict[str, Any], profile_id: str) -> bytes:
    pub = private.public_key()
    if sealed.get("key_id") != key_id(pub):
        raise RecoveryKeyError(f"this profile was sealed to recovery key {sealed.get('key_id')}, "
                               f"not to {key_id(pub)}")
    try:
        epk = base64.b64decode(str(sealed["epk"]), validate=True)
        nonce = base64.b64decode(str(sealed["nonce"]), validate=True)
        wrapped = base64.b64decode(str(sealed["wrapped"]), validate=True)
        shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
        return AESGCM(_kek(shared, epk, _raw(pub), profile_id)).decrypt(nonce, wrapped, profile_id.encode("utf-8"))
    except (KeyError, ValueError, InvalidTag) as exc:
        raise RecoveryKeyError("the profile's recovery copy of its key is damaged or was changed") from exc
