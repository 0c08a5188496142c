"""The laptop's side of proving who did what: sign a push batch, get a user token.

The person syncing signs their own operations in a batch with one Ed25519 signature over
the operations' digests (fieldkit.domain.signing). Each operation is also signed by its
author when it is recorded (`seal`, kept in `outbox.sig`): another person's operations
travel with that signature (64 bytes each, only in that case). One without it (recorded
before this existed, or re-queued by someone else) waits, in order, until its author syncs:
a later operation never overtakes an earlier one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldkit.domain import signing

if TYPE_CHECKING:  # the HTTP client (requests, ~0.2 s) is not needed to sign: every sign-in imports this
    from fieldkit.sync.transport import Transport


def encode_op(row: Any, usernames: dict[str, str], to_server: dict[str, str]) -> dict[str, Any]:
    """An outbox row as it travels. Empty fields are left out; local user ids become the server's."""
    payload = json.loads(row[5])
    if row[2] == "work_order" and row[4] in ("create", "reassign") and payload.get("assignee_id") in to_server:
        payload["assignee_id"] = to_server[payload["assignee_id"]]
    op: dict[str, Any] = {"op_id": row[1], "entity": row[2], "entity_id": row[3], "action": row[4],
                          "payload": payload, "device_time": row[7]}
    if row[6] is not None:
        op["base_version"] = row[6]
    if row[8] and row[8] in usernames:
        op["actor"] = usernames[row[8]]
    return op


OUTBOX_COLUMNS = "seq, op_id, entity, entity_id, action, payload, base_version, device_time, actor, sig"


def seal(conn: Any, op_id: str, user_id: str, username: str, key: Ed25519PrivateKey, device_key: str) -> None:
    """Sign one outbox entry by its author as it is recorded (the operation as it will travel), so
    that another person of this laptop can send it later. Entries by someone else are left."""
    from fieldkit.sync.apply import server_user_ids

    row = conn.execute(f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE op_id = ?", (op_id,)).fetchone()
    if row is None or row[8] != user_id:
        return
    op = encode_op(row, {user_id: username}, server_user_ids(conn))
    digest = signing.op_digest(op, device_key)
    conn.execute("UPDATE outbox SET sig = ? WHERE op_id = ?",
                 (signing.sign(key, signing.batch_message(device_key, username, [digest])), op_id))


def signable_prefix(ops: list[dict[str, Any]], username: str) -> int:
    """How many operations from the start of `ops` can be sent now: the syncing person's own (signed
    in the batch) and others' that carry their author's own signature (`sig`, made when recorded)."""
    for i, op in enumerate(ops):
        if op.get("actor") != username and not op.get("sig"):
            return i
    return len(ops)


def sign_batch(ops: list[dict[str, Any]], username: str, key: Ed25519PrivateKey, device_key: str) -> dict[str, Any]:
    """The push body: the operations and one signature by `username` over their digests."""
    digests = [signing.op_digest(op, device_key) for op in ops if op.get("actor") == username and not op.get("sig")]
    if not digests:
        return {"ops": ops, "sigs": []}
    return {"ops": ops, "sigs": [{"actor": username,
                                  "sig": signing.sign(key, signing.batch_message(device_key, username, digests))}]}


def register_proof(key: Ed25519PrivateKey, device_key: str, username: str) -> tuple[str, str]:
    """(public key, signature proving the key's holder asks to register it for this person)."""
    public = signing.public_text(key)
    return public, signing.sign(key, signing.register_message(device_key, username, public))


def user_token(transport: Transport, username: str, key: Ed25519PrivateKey, device_key: str) -> tuple[str, str]:
    """Sign the server's challenge for a short-lived user token. Returns (token, role)."""
    from fieldkit.sync.answers import Answer

    ex = transport.request("POST", "/v1/auth/challenge")
    nonce = Answer(ex.body, ex.status, "the server's challenge").text("nonce", longest=256)
    ex = transport.request("POST", "/v1/auth/token", signed=True, json_body={
        "username": username, "nonce": nonce,
        "signature": signing.sign(key, signing.token_message(device_key, username, nonce))})
    answer = Answer(ex.body, ex.status, "the server's user token")
    return answer.text("token"), answer.text("role", longest=64)
