"""The laptop's side of proving who did what: sign a push batch, get a user token.

The person syncing signs their own operations in a batch with one Ed25519 signature over
the operations' digests (fieldkit.domain.signing). Operations of another person of this
laptop wait in the outbox, in order, until that person syncs (only they hold their key):
a later operation never overtakes an earlier one.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldkit.domain import signing
from fieldkit.sync.transport import Transport


def signable_prefix(ops: list[dict[str, Any]], username: str) -> int:
    """How many operations from the start of `ops` the person `username` can send now."""
    for i, op in enumerate(ops):
        if op.get("actor") != username:
            return i
    return len(ops)


def sign_batch(ops: list[dict[str, Any]], username: str, key: Ed25519PrivateKey, device_key: str) -> dict[str, Any]:
    """The push body: the operations and one signature by `username` over their digests."""
    digests = [signing.op_digest(op, device_key) for op in ops]
    return {"ops": ops, "sigs": [{"actor": username,
                                  "sig": signing.sign(key, signing.batch_message(device_key, username, digests))}]}


def register_proof(key: Ed25519PrivateKey, device_key: str, username: str) -> tuple[str, str]:
    """(public key, signature proving the key's holder asks to register it for this person)."""
    public = signing.public_text(key)
    return public, signing.sign(key, signing.register_message(device_key, username, public))


def user_token(transport: Transport, username: str, key: Ed25519PrivateKey, device_key: str) -> tuple[str, str]:
    """Sign the server's challenge for a short-lived user token. Returns (token, role)."""
    nonce = str(transport.request("POST", "/v1/auth/challenge").body["nonce"])
    ex = transport.request("POST", "/v1/auth/token", signed=True, json_body={
        "username": username, "nonce": nonce,
        "signature": signing.sign(key, signing.token_message(device_key, username, nonce))})
    return str(ex.body["token"]), str(ex.body["role"])
