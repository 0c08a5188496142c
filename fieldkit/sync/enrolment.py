"""Enrolment and the calls around it that are not part of a sync: reachability probe, trading an
enrolment code for the device token (pinning the server's key), registering a person's key, and
learning the team's people and roles."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldkit.store.database import Store
from fieldkit.sync import signing
from fieldkit.sync.answers import Answer
from fieldkit.sync.apply import apply_change
from fieldkit.sync.report import (
    K_CURSOR,
    K_DEVICE,
    K_SERVER_KEY,
    K_SERVER_SIGNS,
    K_TEAM,
    K_TOKEN,
    K_URL,
    NotConfigured,
)
from fieldkit.sync.transport import AuthRefused, ServerRefused, SyncError, Transport, Unreachable


def probe(url: str, timeout: float = 5.0) -> tuple[bool, float | None]:
    """Is the server reachable? Returns (reachable, clock skew in seconds)."""
    t = Transport(url, timeout=(timeout, timeout))
    try:
        ex = t.request("GET", "/v1/ping")
    except SyncError:
        return False, None
    finally:
        t.close()
    if ex.server_time is None:
        return True, None
    local_mid = datetime.now(UTC) - timedelta(seconds=ex.seconds / 2)
    return True, round((ex.server_time - local_mid).total_seconds(), 3)


def enrol(store: Store, url: str, code: str, username: str, device_name: str = "",
          signer: Ed25519PrivateKey | None = None, user_code: str | None = None,
          server_key: str | None = None) -> str:
    """Trade an enrolment code for a token and pin the server's key (the one it proves it holds now,
    or `server_key` given out of band). With `user_code`, also register the person's key and take
    their role from the server. Returns the server's device id."""
    t = Transport(url, server_key=server_key)
    body = {"code": code.strip(), "name": device_name[:100], "device_key": store.device_id}
    try:
        pinned, _ = t.hello()
        for attempt in range(5):  # a lost answer is safe to ask again: same device_key, same enrolment
            try:
                ex = t.request("POST", "/v1/enrol", json_body=body)
                break
            except Unreachable:
                if attempt == 4:
                    raise
                time.sleep(0.2 * 2 ** attempt)
    except ServerRefused as exc:
        raise AuthRefused(str(exc).split(": ", 1)[-1]) from exc
    finally:
        t.close()
    answer = Answer(ex.body, ex.status, "the server's enrolment answer")
    token, device, team = answer.text("token"), answer.text("device_id", longest=64), answer.text("team_id", longest=64)
    with store.transaction() as tx:
        for key, value in ((K_URL, url.rstrip("/")), (K_TOKEN, token), (K_DEVICE, device),
                           (K_TEAM, team), (K_CURSOR, "0"), (K_SERVER_KEY, pinned),
                           (K_SERVER_SIGNS, "1" if t.signs_all else "")):
            tx.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
        tx.audit("device", device, "enrol", detail=url)
    if user_code and signer is not None:
        register_person(store, username, user_code, signer)
    refresh_users(store, username)
    return device


def _transport(store: Store) -> Transport:
    url, token = store.get_meta(K_URL), store.get_meta(K_TOKEN)
    if not url or not token:
        raise NotConfigured("this device is not enrolled yet: enrol it with a code from `fieldkit central enrol`")
    t = Transport(url, token, server_key=store.get_meta(K_SERVER_KEY))
    t.signs_all = store.get_meta(K_SERVER_SIGNS) == "1"
    return t


def register_person(store: Store, username: str, user_code: str, signer: Ed25519PrivateKey) -> dict[str, Any]:
    """Register a person's public key for this laptop with their one-time user code (online). Returns
    the server's record of them (id, username, display name, role) and the team id."""
    public, proof = signing.register_proof(signer, store.device_id, username)
    t = _transport(store)
    try:
        ex = t.request("POST", "/v1/users/register", signed=True, json_body={
            "username": username, "code": user_code.strip(), "public_key": public, "proof": proof})
    except ServerRefused as exc:
        raise AuthRefused(str(exc).split(": ", 1)[-1]) from exc
    finally:
        t.close()
    answer = Answer(ex.body, ex.status, "the server's answer to the key's registration")
    user = _person(answer.inner("user", "the person"), answer.text("team_id", longest=64))
    with store.transaction() as tx:
        apply_change(tx.conn, "user", user, tx.now, {})
        tx.audit("user", str(user["id"]), "register-key", detail=username)
    return user


def _person(got: Answer, team: str) -> dict[str, Any]:
    """A person as the server answers them (id, username; the rest as apply_change reads it), with the team."""
    got.text("id", longest=64), got.text("username", longest=128)
    got.text("display_name", ""), got.text("role", "", 64), got.flag("active", True)
    return got.body | {"team_id": team}


def refresh_users(store: Store, username: str) -> None:
    """Learn the server's users of this team and their roles (signed by the pinned server)."""
    del username
    t = _transport(store)
    try:
        ex = t.request("GET", "/v1/me", signed=True)
    finally:
        t.close()
    answer = Answer(ex.body, ex.status, "the server's people of the team")
    team = answer.text("team_id", longest=64)
    users = [_person(u, team) for u in answer.each("users", "person")]  # all read before any is stored
    with store.transaction() as tx:
        for user in users:
            apply_change(tx.conn, "user", user, tx.now, {})
