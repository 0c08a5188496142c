"""A logged-in session: the open profile and the acting user. Every service takes one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Role
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.store.attachments import AttachmentStore
from fieldkit.store.database import Store
from fieldkit.store.keyring import KdfParams, Keyring, KeyringUser, Refused
from fieldkit.store.pin_policy import strength_problems as secret_problems
from fieldkit.store.profile import OpenProfile, create_profile, open_profile

_M = Texts("services.session")


@dataclass
class Session:
    profile: OpenProfile

    def __post_init__(self) -> None:
        # Every operation this person records is signed by them as it is written (outbox.sig).
        key = self.profile.signing_key
        if key is not None:
            from fieldkit.sync.signing import seal

            uid, name, device = self.profile.user.user_id, self.profile.user.username, self.store.device_id
            self.store.seal = lambda conn, op_id: seal(conn, op_id, uid, name, key, device)

    @property
    def store(self) -> Store:
        return self.profile.store

    @property
    def attachments(self) -> AttachmentStore:
        return self.profile.attachments

    @property
    def user_id(self) -> str:
        return self.profile.user.user_id

    @property
    def role(self) -> Role:
        return Role(self.profile.user.role)

    @property
    def display_name(self) -> str:
        return self.profile.user.display_name

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            raise ValidationError([Problem(
                "role", "forbidden",
                _M("Your role is not allowed to do this."),
            )])

    def close(self) -> None:
        self.profile.close()


def profile_users(folder: str | Path) -> list[KeyringUser]:
    """Who can log in on this profile (for the login screen; needs no key)."""
    return Keyring(folder).users()


def login(folder: str | Path, username: str, secret: str) -> Session:
    """Wrong PINs meet growing delays and then a lock (store/pin_policy.py); every refusal is a
    ValidationError whose problem code says which: wrong, wait (with the time left), locked,
    tampered (keyring.json edited), other_machine, no_credential_store."""
    try:
        return Session(open_profile(folder, username, secret))
    except Refused as exc:
        raise ValidationError([exc.problem]) from exc


def create(
    folder: str | Path, *, username: str, display_name: str, role: Role, secret: str,
    params: KdfParams = KdfParams(),
) -> Session:
    problems = secret_problems(secret)
    if problems:
        raise ValidationError(problems)
    return Session(create_profile(
        folder, username=username, display_name=display_name, role=role.value, secret=secret, params=params,
    ))


def add_user(
    session: Session, *, username: str, display_name: str, role: Role, secret: str,
    team_id: str | None = None, params: KdfParams = KdfParams(),
) -> str:
    """A provisional local user (demo data, tests, a laptop not enrolled yet): the role is only what
    this laptop shows. The server counts nobody it did not issue: their operations are refused
    until the person is registered with a user code (`add_person`, `register_me`), and the role
    is replaced by the server's at the next sync. No command line or screen calls this."""
    from fieldkit.domain.ids import new_id
    from fieldkit.store import person_keys

    username = username.strip()
    if not username:
        raise ValidationError([Problem("username", "required", _M("The user name is missing."))])
    problems = secret_problems(secret)
    if problems:
        raise ValidationError(problems)
    keyring = Keyring(session.profile.folder)
    if keyring.find(username) is not None:
        raise ValidationError([Problem(
            "username", "taken", _M("That user name is already taken."),
        )])
    user_id = new_id()
    with session.store.transaction(actor=session.user_id) as tx:
        tx.conn.execute(
            "INSERT INTO users (id, username, display_name, role, team_id) VALUES (?, ?, ?, ?, ?)",
            (user_id, username, display_name, role.value, team_id),
        )
        tx.audit("user", user_id, "create", detail=username)
        # The keyring is written inside the transaction: if it fails, the user row rolls back.
        keyring.add_user(
            user_id=user_id, username=username, display_name=display_name, role=role.value,
            team_id=team_id, secret=secret, data_key=session.profile.data_key, params=params,
        )
        person_keys.create(session.profile.folder, username, secret, params)
    return user_id


def add_person(session: Session, *, username: str, user_code: str, secret: str,
               params: KdfParams = KdfParams()) -> str:
    """Add a person the server issued for this laptop's team. Online only: their key pair is made
    here and registered with their one-time user code; their name and role come from the server
    (no role can be typed on the laptop). Their private key is wrapped under their own PIN."""
    from fieldkit.domain import signing
    from fieldkit.domain.ids import new_id
    from fieldkit.store import person_keys
    from fieldkit.sync.client import register_person

    username = username.strip()
    problems = [*([Problem("username", "required", _M("The user name is missing."))]
                  if not username else []), *secret_problems(secret)]
    if problems:
        raise ValidationError(problems)
    keyring = Keyring(session.profile.folder)
    if keyring.find(username) is not None:
        raise ValidationError([Problem(
            "username", "taken", _M("That user name is already taken."),
        )])
    key = signing.new_private_key()
    server = register_person(session.store, username, user_code, key)  # raises when the server says no
    user_id = new_id()
    with session.store.transaction(actor=session.user_id) as tx:
        tx.conn.execute(
            "INSERT INTO users (id, username, display_name, role, team_id, server_id) VALUES (?, ?, ?, ?, ?, ?)",
            (user_id, username, server["display_name"], server["role"], None, server["id"]),
        )
        tx.audit("user", user_id, "create", detail=f"{username} (issued by the server)")
        person_keys.keep(session.profile.folder, username, key, secret, params)
        keyring.add_user(
            user_id=user_id, username=username, display_name=str(server["display_name"]), role=str(server["role"]),
            team_id=None, secret=secret, data_key=session.profile.data_key, params=params,
        )
    return user_id


def unlock_person(session: Session, username: str) -> None:
    """A supervisor of this laptop (the role the server gave them) unlocks a person locked by wrong PINs."""
    session.require(Role.SUPERVISOR)
    keyring = Keyring(session.profile.folder)
    if keyring.find(username) is None:
        raise ValidationError([Problem("username", "unknown", _M("There is no user '{username}'.", username=username))])
    keyring.reset_attempts(username)
    with session.store.transaction(actor=session.user_id) as tx:
        tx.audit("user", session.user_id, "unlock", detail=username)
