"""A device profile: the folder holding the encrypted database, the keyring and attachments."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldkit.domain.ids import new_id
from fieldkit.store import person_keys
from fieldkit.store.attachments import AttachmentStore
from fieldkit.store.database import Store, StoreError
from fieldkit.store.disk import owner_only
from fieldkit.store.keyring import KdfParams, Keyring, KeyringTampered, KeyringUser, WrongSecret, new_data_key
from fieldkit.store.pagecheck import check_pages

DB_FILE = "fieldkit.db"
# the login's quick page check; the rest of the file is checked in the background once the main
# window is up (services/health.finish_page_check): at 1.0 s it was a third of the sign-in on a
# 180 MB profile
LOGIN_CHECK_S = 0.15


def default_profile_dir() -> Path:
    env = os.environ.get("FIELDKIT_PROFILE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("FieldKit", "FieldKit")) / "default"


@dataclass
class OpenProfile:
    folder: Path
    store: Store
    attachments: AttachmentStore
    user: KeyringUser
    data_key: bytes
    signing_key: Ed25519PrivateKey | None = None  # the person's own key, unwrapped with their PIN

    def close(self) -> None:
        self.store.close()


def seal_recovery(keyring: Keyring, data_key: bytes) -> None:
    """Seal the data key to the configured recovery public key, unless it is sealed to it already."""
    from fieldkit.store import recovery

    public = recovery.configured_public()
    if public is None:
        return
    current = keyring.recovery()
    if current is not None and current.get("key_id") == recovery.key_id(public):
        return
    pid = keyring.profile_id()
    assert pid is not None
    keyring.set_recovery(recovery.seal(public, data_key, pid))


def create_profile(
    folder: str | Path, *, username: str, display_name: str, role: str, secret: str,
    team_id: str | None = None, params: KdfParams = KdfParams(),
) -> OpenProfile:
    """Make a new profile with its first user. Refuses to overwrite an existing one."""
    folder = Path(folder)
    keyring = Keyring(folder)
    if keyring.exists() or (folder / DB_FILE).exists():
        raise FileExistsError(f"a profile already exists in {folder}")
    key = new_data_key()
    user_id = new_id()
    entry = keyring.add_user(
        user_id=user_id, username=username, display_name=display_name, role=role, team_id=team_id,
        secret=secret, data_key=key, params=params,
    )
    store = Store(folder / DB_FILE, key)
    owner_only(folder)
    with store.transaction(actor=user_id) as tx:
        tx.conn.execute(
            "INSERT INTO users (id, username, display_name, role, team_id) VALUES (?, ?, ?, ?, ?)",
            (user_id, username, display_name, role, None),
        )
        tx.audit("user", user_id, "create", detail=username)
    signer = person_keys.create(folder, username, secret, params)
    seal_recovery(keyring, key)
    return OpenProfile(folder, store, AttachmentStore(folder / "attachments", key), entry, key, signer)


def open_profile(folder: str | Path, username: str, secret: str) -> OpenProfile:
    """Unlock with a user's PIN or password. Raises keyring.WrongSecret when it does not fit."""
    folder = Path(folder)
    keyring = Keyring(folder)
    key = keyring.unlock(username, secret)
    entry = keyring.find(username)
    assert entry is not None
    try:
        signer = person_keys.unlock_or_create(folder, username, secret, KdfParams(**entry.kdf))
    except WrongSecret:  # the PIN opened the data key, so person_keys.json was changed
        raise KeyringTampered(folder, person_keys.FILE) from None
    from fieldkit.store.recovery import RecoveryKeyError

    try:
        seal_recovery(keyring, key)
    except (OSError, RecoveryKeyError):
        pass  # read-only media, or a bad key in the configuration (`fieldkit doctor` names it): later
    store = Store(folder / DB_FILE, key, must_exist=True)
    owner_only(folder)  # readable by the owner only, also for files an older FieldKit wrote
    # quick integrity check: page HMACs, both ends first, at most LOGIN_CHECK_S (a damaged page
    # elsewhere is still named when it is read: see store/guard.py)
    store.page_report = check_pages(store.path, key, LOGIN_CHECK_S)
    store.damaged = bool(store.page_report.bad)
    # The role shown in the keyring is for the login screen only; the one that counts on this laptop
    # is the database's, which sync keeps equal to the server's.
    try:
        row = store.query_one("SELECT role FROM users WHERE username = ?", (username,))
    except StoreError as exc:
        if exc.code != "damaged":
            raise
        row = ("technician",)  # the users page is damaged: open for recovery with the least rights
    if row is not None and row[0] != entry.role:
        entry = replace(entry, role=str(row[0]))
    return OpenProfile(folder, store, AttachmentStore(folder / "attachments", key), entry, key, signer)
