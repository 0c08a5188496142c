"""Sealed pushes: a push the laptop sends before the server has proven its key, readable only by
the holder of that key (docs/security.md, "Sealed pushes"; docs/sync.md, "The 2G floor").

The server's signing key number n (Ed25519) has an X25519 *sealing* key derived from it
(HKDF-SHA256 over the private seed, info `fk-sealing-v1` and n): every worker derives the same one,
each key number its own, and nothing is stored. A proven, signed /v1/hello publishes it (`sealing`:
{n, key}); the laptop keeps it with its pin.

A sealed request body (`application/x-fk-sealed`):

    "FKS1" | n (4 bytes, big-endian) | ephemeral X25519 public key (32) | AES-256-GCM ciphertext

The keys come from HKDF-SHA256 over the X25519 secret (ephemeral x sealing key) with the transcript
(ephemeral public key, sealing public key, n, the path) as info: 32 bytes for the request, 32 for
the answer. The request's key is used once (a new ephemeral key per request: a zero nonce); its
associated data is the 40-byte head and the path. The plaintext is the whole push request: a small
header (the device token, the answer nonce, the user token, whether the body is gzipped, and `c`:
when the laptop made it, UTC seconds) and the body as it would have travelled. `c` is inside the
seal, so it is authenticated; the server refuses a push made outside its window (410
`sealed_stale`, central/sealed.py), and one without `c` (made before the field existed: the format
and FKS1 are otherwise unchanged), so a captured push is replayable only within that window.

The answer (`application/x-fk-sealed`): a random 12-byte nonce and AES-256-GCM under the answer key
(the server answers a sealed request once, a replay is refused 409 in the clear: central/sealed_seen.py;
the nonce is random all the same, for a server of before that), over a
header (the HTTP status the push had, its `X-FK-Signature`, gzip or not) and the body. Only the
laptop that made the ephemeral key can open it.

The same bytes are made and read on the laptop and on the server, so they live here, below both.
"""

from __future__ import annotations

import json
import os
import struct
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldkit.domain.signing import b64, private_bytes, unb64

MEDIA = "application/x-fk-sealed"
SEALS = "/v1/push"  # the request a sealed body carries: the transcript's path, on both sides of the wire
MAGIC = b"FKS1"
HEAD = struct.Struct(">4sI32s")  # magic, key number, ephemeral public key: 40 bytes
ZERO = bytes(12)
ANSWER_AAD = b"fk-seal-answer-v1"
MAX_HEADER = 4096


class SealError(ValueError):
    """A sealed body or answer that does not open (damaged, truncated, changed, or not for this key)."""


def sealing_private(signing_key: Ed25519PrivateKey, number: int) -> X25519PrivateKey:
    """Key n's sealing key: derived from its private seed, the same on every worker."""
    raw = HKDF(hashes.SHA256(), 32, salt=None, info=b"fk-sealing-v1\n%d" % number).derive(private_bytes(signing_key))
    return X25519PrivateKey.from_private_bytes(raw)


def public_text(key: X25519PrivateKey) -> str:
    return b64(key.public_key().public_bytes_raw())


def parse_public(text: str) -> X25519PublicKey | None:
    try:
        raw = unb64(text)
        return X25519PublicKey.from_public_bytes(raw) if len(raw) == 32 else None
    except ValueError:
        return None


def _keys(shared: bytes, ephemeral: bytes, sealing: bytes, number: int, path: str) -> tuple[bytes, bytes]:
    info = b"fk-seal-v1\n" + ephemeral + sealing + struct.pack(">I", number) + path.encode("utf-8")
    okm = HKDF(hashes.SHA256(), 64, salt=None, info=info).derive(shared)
    return okm[:32], okm[32:]


def _pack(header: dict[str, Any], body: bytes) -> bytes:
    head = json.dumps(header, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return struct.pack(">H", len(head)) + head + body


def _unpack(plain: bytes) -> tuple[dict[str, Any], bytes]:
    if len(plain) < 2:
        raise SealError("sealed_malformed: the sealed content is too short")
    n = struct.unpack(">H", plain[:2])[0]
    if n > MAX_HEADER or len(plain) < 2 + n:
        raise SealError("sealed_malformed: the sealed content's header is cut or too long")
    try:
        header = json.loads(plain[2:2 + n])
    except ValueError:
        header = None
    if not isinstance(header, dict):
        raise SealError("sealed_malformed: the sealed content's header is not an object")
    return header, plain[2 + n:]


def seal_request(sealing: str, number: int, path: str, header: dict[str, Any], body: bytes) -> tuple[bytes, bytes]:
    """The sealed body for the server's sealing key `sealing` (key number `number`), and the key that
    opens its answer (kept by the caller, never sent)."""
    public = parse_public(sealing)
    if public is None:
        raise SealError("the stored sealing key is malformed")
    ephemeral = X25519PrivateKey.generate()
    mine = ephemeral.public_key().public_bytes_raw()
    request_key, answer_key = _keys(ephemeral.exchange(public), mine, public.public_bytes_raw(), number, path)
    head = HEAD.pack(MAGIC, number, mine)
    return head + AESGCM(request_key).encrypt(ZERO, _pack(header, body), head + path.encode("utf-8")), answer_key


def read_head(data: bytes) -> int:
    """The key number a sealed body is for (SealError when it is no sealed body)."""
    if len(data) < HEAD.size + 16 + 2 or data[:4] != MAGIC:
        raise SealError("sealed_malformed: the body is not a sealed push (too short or no FKS1 head)")
    return int(HEAD.unpack(data[:HEAD.size])[1])


def open_request(data: bytes, key: X25519PrivateKey, path: str) -> tuple[dict[str, Any], bytes, bytes]:
    """(header, body, answer key) of a sealed body; SealError when it does not open."""
    number = read_head(data)
    ephemeral = data[8:HEAD.size]
    try:
        shared = key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    except ValueError as exc:  # a low-order point: no shared secret
        raise SealError("sealed_malformed: the ephemeral key is not a usable X25519 key") from exc
    request_key, answer_key = _keys(shared, ephemeral, key.public_key().public_bytes_raw(), number, path)
    try:
        plain = AESGCM(request_key).decrypt(ZERO, data[HEAD.size:], data[:HEAD.size] + path.encode("utf-8"))
    except InvalidTag as exc:
        raise SealError("sealed_malformed: the sealed body does not open (changed, cut, or sealed to another "
                        "key)") from exc
    header, body = _unpack(plain)
    return header, body, answer_key


def seal_answer(answer_key: bytes, header: dict[str, Any], body: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(answer_key).encrypt(nonce, _pack(header, body), ANSWER_AAD)


def open_answer(answer_key: bytes, data: bytes) -> tuple[dict[str, Any], bytes]:
    if len(data) < 12 + 16 + 2:
        raise SealError("the sealed answer is too short")
    try:
        plain = AESGCM(answer_key).decrypt(data[:12], data[12:], ANSWER_AAD)
    except InvalidTag as exc:
        raise SealError("the sealed answer does not open (changed on the way, or not from the server that "
                        "holds the pinned key)") from exc
    return _unpack(plain)
