"""Opening a profile with the utility's recovery key when nobody's PIN opens it any more.

Every user forgot their PIN, or is locked out, or the laptop's credential store is gone (a
reinstalled OS, a dead laptop whose disk was moved): the data key is also sealed to the
utility's recovery public key (store/recovery.py), so the holder of the private key can

- push what was pending: every operation was signed by its author when it was recorded
  (outbox.sig), so it travels with its own signature and the server checks it as usual; the
  recovery key signs nothing and the server believes nothing more than it would from the laptop;
- unlock everyone (clear the wrong-PIN counters), when the credential store is this laptop's;
- give a named person a new PIN. Their old signing key was wrapped under the PIN nobody knows:
  they get a new key pair, to be registered with a new user code (`fieldkit user register`). On a
  computer without the profile's device secret, the profile is re-homed: a new device secret
  here, and only the people given a new PIN can log in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fieldkit.domain.problems import ValidationError
from fieldkit.store import person_keys, pin_policy
from fieldkit.store import recovery as sealing
from fieldkit.store.attachments import AttachmentStore
from fieldkit.store.database import Store
from fieldkit.store.keyring import KdfParams, Keyring, OtherMachine, Refused
from fieldkit.store.profile import DB_FILE


class RecoveryProblem(Exception):
    """One line that says what to do."""


@dataclass
class RecoveryReport:
    pending_before: int = 0
    pushed: int = 0
    applied: int = 0
    rejected: int = 0
    pending_after: int = 0
    sync_error: str = ""
    reasons: list[str] = field(default_factory=list)
    unlocked: bool = False
    new_pin_for: str | None = None
    rehomed: bool = False
    notes: list[str] = field(default_factory=list)


def open_data_key(folder: Path, private_key: Path) -> bytes:
    keyring = Keyring(folder)
    if not keyring.exists():
        raise RecoveryProblem(f"there is no profile in {folder} (no keyring.json)")
    try:
        sealed, pid = keyring.recovery(), keyring.profile_id()
    except (ValueError, TypeError) as exc:
        raise RecoveryProblem(f"{folder / 'keyring.json'} is damaged ({type(exc).__name__})") from exc
    if sealed is None or pid is None:
        raise RecoveryProblem("this profile was never sealed to a recovery key (no recovery public key was "
                              "configured when it was made or last opened)")
    try:
        return sealing.open_sealed(sealing.load_private(private_key), sealed, pid)
    except sealing.RecoveryKeyError as exc:
        raise RecoveryProblem(str(exc)) from exc


def recover(folder: str | Path, private_key: str | Path, *, push: bool = True, unlock_all: bool = False,
            new_pin_for: str | None = None, new_pin: str | None = None,
            params: KdfParams = KdfParams()) -> RecoveryReport:
    folder, report = Path(folder), RecoveryReport()
    if new_pin_for is not None:
        problems = pin_policy.strength_problems(new_pin or "")
        if problems:
            raise ValidationError(problems)
    data_key = open_data_key(folder, Path(private_key))
    store = Store(folder / DB_FILE, data_key, must_exist=True)
    try:
        report.pending_before = _pending(store)
        if push:
            _push(store, AttachmentStore(folder / "attachments", data_key), report)
        report.pending_after = _pending(store)
        keyring = Keyring(folder)
        if unlock_all:
            try:
                keyring.reset_attempts(None)
                report.unlocked = True
            except OtherMachine:
                report.notes.append("this computer does not hold the profile's device secret: nobody can log in "
                                     "here before a new PIN is set (--new-pin-for)")
        if new_pin_for is not None:
            assert new_pin is not None
            _new_pin(store, keyring, folder, new_pin_for, new_pin, data_key, params, report)
    finally:
        store.close()
    return report


def _pending(store: Store) -> int:
    return int(store.query_one("SELECT count(*) FROM outbox WHERE state = 'pending'")[0])


def _push(store: Store, attachments: AttachmentStore, report: RecoveryReport) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fieldkit.sync import client

    if not (store.get_meta(client.K_URL) and store.get_meta(client.K_TOKEN)):
        report.sync_error = "this laptop was never enrolled with a server: nothing can be pushed"
        return
    # Nobody signs in the batch: a throwaway key under a name no operation carries, so only the
    # operations that carry their author's own signature (all, since outbox.sig) are sent.
    engine = client.SyncEngine(store, attachments, "(recovery)", signer=Ed25519PrivateKey.generate())
    got = engine.run()
    report.pushed, report.applied, report.rejected = got.pushed, got.applied, got.rejected
    report.reasons = list(got.reasons)
    report.sync_error = "" if got.ok else (got.error or "sync failed")


def _new_pin(store: Store, keyring: Keyring, folder: Path, username: str, pin: str, data_key: bytes,
             params: KdfParams, report: RecoveryReport) -> None:
    row = store.query_one("SELECT id, username, display_name, role, team_id FROM users WHERE username = ?",
                          (username,))
    if row is None:
        raise RecoveryProblem(f"there is no user '{username}' in this profile's database")
    user = dict(zip(("user_id", "username", "display_name", "role", "team_id"), row, strict=True))
    try:
        keyring.device_secret()
    except OtherMachine:
        keyring.rehome(data_key)
        report.rehomed = True
        person_keys.drop_all(folder)
    except Refused as exc:
        raise RecoveryProblem(exc.problem.en) from exc
    keyring.reset_pin(username, pin, data_key, params, user)
    person_keys.create(folder, username, pin, params)
    report.new_pin_for = username
    report.notes.append(f"{username} has a new signing key: register it with a new user code "
                        f"(`fieldkit user register --as {username} --code CODE`) before their new work syncs")


__all__ = ["RecoveryProblem", "RecoveryReport", "open_data_key", "recover"]
