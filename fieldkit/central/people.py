"""People on the central server: roles and teams (the server's word), their signing keys per
laptop, one-time user codes, challenges and short-lived user tokens, and the server's own key.

An administrator creates users (`fieldkit central user`), changes their role or team, removes
them, and issues one-time user codes. A laptop adds a person only with such a code, while
online: it registers the person's public key for that laptop, and the server answers with
the person's role and team. Nothing a laptop says about a role is believed.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from fieldkit.central import schema as t
from fieldkit.central.db import Database, audit, utc_now
from fieldkit.domain import signing
from fieldkit.domain.models import Role

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
TOKEN_MINUTES = 15
CHALLENGE_SECONDS = 120

# Reason codes (the laptop shows them in Vietnamese and English; see fieldkit/sync/reasons.py).
UNSIGNED = "unsigned"
BAD_SIGNATURE = "bad_signature"
UNKNOWN_USER = "unknown_user"
USER_REMOVED = "user_removed"
WRONG_TEAM = "wrong_team"
NO_KEY = "key_not_registered"
ROLE_FORBIDDEN = "role_forbidden"


class PeopleError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Person:
    user_id: str
    username: str
    display_name: str
    role: str
    team_id: str
    active: bool


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _normal_code(code: str) -> str:
    return code.replace("-", "").replace(" ", "").strip().upper()


def _later(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat(timespec="milliseconds")


def person(conn: Connection, *, username: str | None = None, user_id: str | None = None) -> Person | None:
    q = select(t.users.c.id, t.users.c.username, t.users.c.display_name, t.users.c.role, t.users.c.team_id,
               t.users.c.active)
    q = q.where(t.users.c.username == username) if username is not None else q.where(t.users.c.id == user_id)
    row = conn.execute(q).first()
    return None if row is None else Person(str(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]),
                                           bool(row[5]))


def member(conn: Connection, username: str, team_id: str) -> Person:
    """The active user `username` of team `team_id`, else PeopleError with the reason code."""
    return member_of(person(conn, username=username), username, team_id)


def member_of(p: Person | None, username: str, team_id: str) -> Person:
    """`member` for a person already read (None: no such user)."""
    if p is None:
        raise PeopleError(UNKNOWN_USER, f"unknown user '{username[:64]}' on the server")
    if not p.active:
        raise PeopleError(USER_REMOVED, f"user '{p.username}' was removed from the team")
    if p.team_id != team_id:
        raise PeopleError(WRONG_TEAM, f"user '{p.username}' is not in this device's team")
    return p


def device_key(conn: Connection, device_id: str) -> str:
    """The device's own id as sent at enrolment: operations are signed for it."""
    row = conn.execute(select(t.devices.c.device_key).where(t.devices.c.id == device_id)).first()
    return str(row[0]) if row is not None and row[0] else device_id


def public_key(conn: Connection, user_id: str, device_id: str) -> str | None:
    row = conn.execute(select(t.user_keys.c.public_key).where(and_(
        t.user_keys.c.user_id == user_id, t.user_keys.c.device_id == device_id,
        t.user_keys.c.revoked_at.is_(None)))).first()
    return None if row is None else str(row[0])


# --- administration ----------------------------------------------------------------------------

def issue_code(db: Database, username: str, valid_hours: int = 72) -> str:
    """A one-time code that adds `username` to one laptop of their team (read aloud: no 0/O, 1/I)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    code = "-".join(raw[i:i + 4] for i in range(0, 12, 4))
    with db.write() as (conn, _):
        p = person(conn, username=username)
        if p is None or not p.active:
            raise PeopleError(UNKNOWN_USER, f"no active user {username!r}")
        conn.execute(insert(t.user_codes).values(code_hash=_hash(_normal_code(code)), user_id=p.user_id,
                                                 expires_at=_later(hours=valid_hours)))
        audit(conn, device_id=None, user_id=None, action="user-code", entity="user", entity_id=p.user_id)
    return code


def _publish_user(conn: Connection, pending: Any, p: Person) -> None:
    pending.add(p.team_id, "user", p.user_id, {"id": p.user_id, "username": p.username,
                                               "display_name": p.display_name, "role": p.role,
                                               "team_id": p.team_id, "active": p.active})


def set_role(db: Database, username: str, role: str) -> None:
    role = Role(role).value
    with db.write() as (conn, pending):
        p = person(conn, username=username)
        if p is None:
            raise PeopleError(UNKNOWN_USER, f"no user {username!r}")
        conn.execute(update(t.users).where(t.users.c.id == p.user_id).values(role=role))
        conn.execute(delete(t.user_tokens).where(t.user_tokens.c.user_id == p.user_id))
        _publish_user(conn, pending, Person(p.user_id, p.username, p.display_name, role, p.team_id, p.active))
        audit(conn, device_id=None, user_id=None, action="role", entity="user", entity_id=p.user_id,
              detail=f"{p.role}->{role}")


def set_team(db: Database, username: str, team_code: str) -> None:
    """Move a person to another team: their laptop keys of the old team stop counting."""
    with db.write() as (conn, pending):
        p = person(conn, username=username)
        team = conn.execute(select(t.teams.c.id).where(t.teams.c.code == team_code)).first()
        if p is None or team is None:
            raise PeopleError(UNKNOWN_USER, f"no user {username!r} or no team {team_code!r}")
        now = utc_now()
        conn.execute(update(t.users).where(t.users.c.id == p.user_id).values(team_id=str(team[0])))
        conn.execute(update(t.user_keys).where(and_(t.user_keys.c.user_id == p.user_id,
                                                    t.user_keys.c.revoked_at.is_(None))).values(revoked_at=now))
        conn.execute(delete(t.user_tokens).where(t.user_tokens.c.user_id == p.user_id))
        _publish_user(conn, pending, Person(p.user_id, p.username, p.display_name, p.role, p.team_id, False))
        _publish_user(conn, pending, Person(p.user_id, p.username, p.display_name, p.role, str(team[0]), True))
        audit(conn, device_id=None, user_id=None, action="team", entity="user", entity_id=p.user_id,
              detail=team_code)


def remove(db: Database, username: str) -> None:
    """Take a person out: their keys, tokens and open codes stop working at once."""
    with db.write() as (conn, pending):
        p = person(conn, username=username)
        if p is None:
            raise PeopleError(UNKNOWN_USER, f"no user {username!r}")
        now = utc_now()
        conn.execute(update(t.users).where(t.users.c.id == p.user_id).values(active=False))
        conn.execute(update(t.user_keys).where(and_(t.user_keys.c.user_id == p.user_id,
                                                    t.user_keys.c.revoked_at.is_(None))).values(revoked_at=now))
        conn.execute(delete(t.user_tokens).where(t.user_tokens.c.user_id == p.user_id))
        conn.execute(delete(t.user_codes).where(t.user_codes.c.user_id == p.user_id))
        _publish_user(conn, pending, Person(p.user_id, p.username, p.display_name, p.role, p.team_id, False))
        audit(conn, device_id=None, user_id=None, action="remove", entity="user", entity_id=p.user_id)


def list_users(db: Database) -> list[dict[str, Any]]:
    with db.read() as conn:
        rows = conn.execute(select(t.users.c.username, t.users.c.display_name, t.users.c.role, t.teams.c.code,
                                   t.users.c.active).join(t.teams, t.teams.c.id == t.users.c.team_id)
                            .order_by(t.teams.c.code, t.users.c.username)).all()
        keys: dict[str, int] = {}
        for (name,) in conn.execute(select(t.users.c.username).join(t.user_keys, t.user_keys.c.user_id == t.users.c.id)
                                    .where(t.user_keys.c.revoked_at.is_(None))):
            keys[str(name)] = keys.get(str(name), 0) + 1
    return [{"username": r[0], "display_name": r[1], "role": r[2], "team": r[3], "active": bool(r[4]),
             "keys": keys.get(str(r[0]), 0)} for r in rows]


# --- a laptop adds a person --------------------------------------------------------------------

def register_key(db: Database, device_id: str, team_id: str, username: str, code: str, key: str,
                 proof: str) -> Person:
    """Register `username`'s public key for this device, spending a one-time user code.
    `proof` is the person's signature over the registration (they hold the private key)."""
    now = utc_now()
    with db.write() as (conn, _):
        p = member(conn, username, team_id)
        dkey = device_key(conn, device_id)
        if not signing.verify(key, proof, signing.register_message(dkey, p.username, key)):
            raise PeopleError(BAD_SIGNATURE, "the key registration is not signed by that key")
        spent = conn.execute(update(t.user_codes).where(and_(
            t.user_codes.c.code_hash == _hash(_normal_code(code)), t.user_codes.c.user_id == p.user_id,
            t.user_codes.c.used_at.is_(None), t.user_codes.c.expires_at > now))
            .values(used_at=now, device_id=device_id))
        if spent.rowcount != 1:
            raise PeopleError("user_code", "this user code is unknown, expired, used, or for another person")
        conn.execute(delete(t.user_keys).where(and_(t.user_keys.c.user_id == p.user_id,
                                                    t.user_keys.c.device_id == device_id)))
        conn.execute(insert(t.user_keys).values(user_id=p.user_id, device_id=device_id, public_key=key,
                                                created_at=now))
        audit(conn, device_id=device_id, user_id=p.user_id, action="register-key", entity="user",
              entity_id=p.user_id)
    return p


# --- user tokens for role-gated reads ----------------------------------------------------------

def challenge(db: Database, device_id: str) -> str:
    nonce = secrets.token_urlsafe(24)
    now = utc_now()
    with db.write() as (conn, _):
        conn.execute(delete(t.auth_challenges).where(t.auth_challenges.c.expires_at < now))
        conn.execute(insert(t.auth_challenges).values(nonce=nonce, device_id=device_id,
                                                      expires_at=_later(seconds=CHALLENGE_SECONDS)))
    return nonce


def issue_token(db: Database, device_id: str, team_id: str, username: str, nonce: str,
                signature: str) -> tuple[str, str, Person]:
    """Trade a signed challenge (once) for a user token. Returns (token, expires_at, person)."""
    now = utc_now()
    with db.write() as (conn, _):  # spent first, in its own transaction: one try per challenge
        used = conn.execute(delete(t.auth_challenges).where(and_(
            t.auth_challenges.c.nonce == nonce, t.auth_challenges.c.device_id == device_id,
            t.auth_challenges.c.expires_at > now)))
    if used.rowcount != 1:
        raise PeopleError("challenge", "this challenge is unknown, expired or used")
    with db.write() as (conn, _):
        p = member(conn, username, team_id)
        key = public_key(conn, p.user_id, device_id)
        if key is None:
            raise PeopleError(NO_KEY, f"no signing key of '{p.username}' is registered for this device")
        if not signing.verify(key, signature, signing.token_message(device_key(conn, device_id), p.username,
                                                                    nonce)):
            raise PeopleError(BAD_SIGNATURE, "the challenge is not signed by this person")
        token = secrets.token_urlsafe(32)
        expires = _later(minutes=TOKEN_MINUTES)
        conn.execute(delete(t.user_tokens).where(t.user_tokens.c.expires_at < now))
        conn.execute(insert(t.user_tokens).values(token_hash=_hash(token), user_id=p.user_id, device_id=device_id,
                                                  expires_at=expires))
        audit(conn, device_id=device_id, user_id=p.user_id, action="token", entity="user", entity_id=p.user_id)
    return token, expires, p


def token_person(conn: Connection, token: str, device_id: str, team_id: str) -> Person | None:
    """The person a user token stands for, with their role *now* (None: invalid or expired)."""
    row = conn.execute(select(t.user_tokens.c.user_id).where(and_(
        t.user_tokens.c.token_hash == _hash(token), t.user_tokens.c.device_id == device_id,
        t.user_tokens.c.expires_at > utc_now()))).first()
    if row is None:
        return None
    p = person(conn, user_id=str(row[0]))
    if p is None or not p.active or p.team_id != team_id:
        return None
    return p


# --- the server's own key ----------------------------------------------------------------------

def server_key(db: Database) -> Any:
    """The key the server signs with now, opened with the operator's secret (central/server_key.py)."""
    from fieldkit.central import server_key as keys

    return keys.KeyCache(db, reload_s=0).current().key
