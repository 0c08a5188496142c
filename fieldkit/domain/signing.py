"""Who made an operation, provably: the digests and messages people and the server sign (Ed25519).

The same bytes are computed on the laptop (to sign) and on the central server (to verify),
so they live here, below both.

- An operation's digest covers its id, kind (entity/action), entity id, a digest of its
  payload, its base version, the device it was made on (the device's own id, `device_key`),
  its device time and its author (username).
- An author signs one *batch*: the digests of their operations in one push, in order. One
  64-byte signature per author per push keeps the 2G bytes low; the server keeps the
  signature and the digests, so authorship can be proved later.
- User tokens (for role-gated reads) are obtained by signing a server challenge.
- The server signs its answers with its own key, pinned by the laptop at enrolment; a new server
  key is endorsed by the one before (`endorse_message`), so the pin can follow a rotation.
"""

from __future__ import annotations

import base64
import hashlib
import json
from json.encoder import encode_basestring
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

OP = b"fk-op-v1"
BATCH = b"fk-batch-v1"
TOKEN = b"fk-token-v1"
REGISTER = b"fk-register-v1"
ANSWER = b"fk-answer-v1"
HELLO = b"fk-hello-v1"
ENDORSE = b"fk-endorse-v1"


# One encoder for every call: json.dumps with options builds a new one each time (a tenth of a
# digest's time, and a push of 10,000 readings computes 20,000 of these on each side).
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)


def canonical(value: Any) -> bytes:
    return _CANONICAL.encode(value).encode("utf-8")


def _canonical_list(items: list[Any]) -> bytes:
    """canonical() of a flat list of strings, whole numbers and None, byte for byte, without the
    encoder's recursion; anything else goes to canonical()."""
    parts = []
    for item in items:
        kind = type(item)
        if kind is str:
            parts.append(encode_basestring(item))
        elif item is None:
            parts.append("null")
        elif kind is int:
            parts.append(int.__repr__(item))
        else:
            return canonical(items)
    return ("[" + ",".join(parts) + "]").encode("utf-8")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def op_digest(op: dict[str, Any], device_key: str) -> bytes:
    """SHA-256 over what identifies an operation as sent (the `op` dict of a push)."""
    payload = hashlib.sha256(canonical(op.get("payload"))).hexdigest()
    fields = ["fk-op-v1", str(op["op_id"]), str(op["entity"]), str(op["action"]), str(op["entity_id"]), payload,
              op.get("base_version"), device_key, str(op.get("device_time") or ""), str(op.get("actor") or "")]
    return hashlib.sha256(_canonical_list(fields)).digest()


def ids_digest(op_ids: list[str]) -> str:
    """What a push answer names: its operations' ids, in order (SHA-256, hex)."""
    return hashlib.sha256("\n".join(op_ids).encode("utf-8")).hexdigest()


def batch_message(device_key: str, actor: str, digests: list[bytes]) -> bytes:
    return b"\n".join([BATCH, device_key.encode(), actor.encode(), b"".join(digests)])


def token_message(device_key: str, username: str, nonce: str) -> bytes:
    return b"\n".join([TOKEN, device_key.encode(), username.encode(), nonce.encode()])


def register_message(device_key: str, username: str, public_key: str) -> bytes:
    return b"\n".join([REGISTER, device_key.encode(), username.encode(), public_key.encode()])


def answer_message(nonce: str, body: bytes) -> bytes:
    return b"\n".join([ANSWER, nonce.encode(), hashlib.sha256(body).digest()])


def hello_message(nonce: str, public_key: str) -> bytes:
    return b"\n".join([HELLO, nonce.encode(), public_key.encode()])


def endorse_message(number: int, public_key: str, valid_from: str, previous: str) -> bytes:
    """A server key hands over to its successor: key `number`, its public key, from when, after which key."""
    return b"\n".join([ENDORSE, str(number).encode(), public_key.encode(), valid_from.encode(), previous.encode()])


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def private_from(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_text(key: Ed25519PrivateKey) -> str:
    return b64(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def sign(key: Ed25519PrivateKey, message: bytes) -> str:
    return b64(key.sign(message))


def verify(public_key: str, signature: str, message: bytes) -> bool:
    """True only for a well-formed key and signature that match the message."""
    try:
        raw_key, raw_sig = unb64(public_key), unb64(signature)
        if len(raw_key) != 32 or len(raw_sig) != 64:
            return False
        Ed25519PublicKey.from_public_bytes(raw_key).verify(raw_sig, message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
