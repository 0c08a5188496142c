"""Protection at rest: one random data key per profile, wrapped once per local user.

The database (SQLCipher, AES-256) and the attachment files (AES-256-GCM) are encrypted with a
random 32-byte data key that is never stored in the clear. `keyring.json` beside the database
holds, per user, what the login screen shows (name, role), the KDF salt and parameters, and the
data key wrapped (AES-256-GCM) under a key made from two secrets: Argon2id of the user's PIN
and the profile's device secret, which lives in the OS credential store, not in the profile
folder (store/credentials.py). The GCM tag is the PIN check, so there is no password hash to
attack, and the folder alone, copied, cannot be guessed at.

keyring.json (format 2) is authenticated: an HMAC under a key derived from the device secret
covers every byte of it (users, roles, wrapped keys, the recovery seal), and each wrapped key's
associated data names its profile, user id, user name, display name, role and team, so an
edited or swapped entry opens nothing and is refused as "changed outside FieldKit". Wrong PINs
are counted in the credential store before the PIN is tried (store/pin_policy.py): growing
delays, then a lock. Format-1 files (PIN only, no device secret) are upgraded at their first
open; each user's entry is re-wrapped the first time that person logs in.
See docs/security.md for the threat model.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldkit.domain.messages import Texts, joined
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.store import credentials, pin_policy
from fieldkit.store.credentials import CredentialsUnavailable, canonical, hkdf

_M = Texts("store.keyring")

KEYRING_FILE = "keyring.json"
secret_problems = pin_policy.basic_problems  # the store's own floor; services check pin_policy.strength_problems

__all__ = ["CredentialsUnavailable", "KEYRING_FILE", "KdfParams", "Keyring", "KeyringUser", "secret_problems"]


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


# Used by tests and the demo profile only (recorded per user, so the login still checks it).
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


class Refused(Exception):
    """The profile did not open; `problem` says why in Vietnamese and English."""

    problem: Problem

    def __init__(self, problem: Problem):
        super().__init__(problem.en)
        self.problem = problem


class WrongSecret(Refused):
    """The PIN or password does not unlock this profile."""

    def __init__(self, username: str, failures: int = 0):
        self.username, self.failures = username, failures
        left = pin_policy.LOCK_AT - failures
        wait = pin_policy.delay_after(failures)
        parts = [_M("Wrong PIN or password.")]
        if failures and left <= 0:
            parts.append(_M("The account is now locked: ask a supervisor or the centre to unlock it."))
        elif failures >= pin_policy.FREE_FAILURES:
            if wait:
                parts.append(_M("Wait {wait} before the next try.", wait=pin_policy.wait_text(wait)))
            else:
                parts.append(_M("Try again."))
            parts.append(_M("{left} tries left before the account is locked.", left=left))
        else:
            parts.append(_M("Try again."))
        super().__init__(Problem("pin", "wrong", joined(parts)))


class PinDelay(Refused):
    def __init__(self, wait_s: float, failures: int):
        self.wait_s, self.failures = wait_s, failures
        super().__init__(Problem(
            "pin", "wait", _M("{failures} wrong PINs in a row. Wait {wait} more before the next try.", failures=failures,
                              wait=pin_policy.wait_text(wait_s))))


class PinLocked(Refused):
    def __init__(self, tampered: bool = False):
        why = _M("The wrong-PIN counter was changed outside FieldKit") if tampered else _M("Too many wrong PINs")
        super().__init__(Problem(
            "pin", "locked",
            _M("{why}: the account is locked. Ask a supervisor to unlock it (`fieldkit user unlock`) or the centre to use the recovery key (`fieldkit recover`).", why=why)))


class KeyringTampered(Refused):
    def __init__(self, folder: Path, name: str = KEYRING_FILE):
        super().__init__(Problem(
            "keyring", "tampered",
            _M("{value} was changed outside FieldKit and is not trusted. Put the original back, or ask the centre to open the profile with the recovery key (`fieldkit recover`).", value=folder / name)))


class OtherMachine(Refused):
    def __init__(self, kind: str):
        where = _M("the operating system's credential store") if kind == credentials.OS \
            else _M("this computer's device-secret folder")
        super().__init__(Problem(
            "profile", "other_machine",
            _M("This profile's device secret is not in {where}: the profile was copied from another computer or the store was reset. A PIN alone cannot open it; the centre can, with the recovery key (`fieldkit recover`).", where=where)))


class NoCredentialStore(Refused):
    def __init__(self, detail: str):
        super().__init__(Problem(
            "profile", "no_credential_store",
            _M("The operating system's credential store does not answer ({detail}); this profile needs it. Sign in to the computer again and retry.", detail=detail)))


@dataclass(frozen=True)
class KeyringUser:
    user_id: str
    username: str
    display_name: str
    role: str
    team_id: str | None
    salt: str
    kdf: dict[str, int]
    nonce: str
    wrapped_key: str
    v: int = 1  # 1: PIN only (before device secrets); 2: PIN + device secret


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"), salt, time_cost=params.time_cost, memory_cost=params.memory_kib,
        parallelism=params.parallelism, hash_len=32, type=Type.ID,
    )


def pin_key(secret: str, salt: bytes, params: KdfParams, device: bytes, context: bytes) -> bytes:
    """The key a PIN opens: Argon2id(PIN) and the device secret, bound to what it wraps."""
    return hkdf(derive(secret, salt, params) + device, b"fk-pin-key-v2\n" + context)


def _aad(profile_id: str, u: dict[str, Any]) -> bytes:
    fields = {k: u.get(k) for k in ("user_id", "username", "display_name", "role", "team_id", "salt", "kdf")}
    return b"fk-data-key-v2\n" + canonical({"profile": profile_id, **fields})


class Keyring:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.path = self.folder / KEYRING_FILE

    def exists(self) -> bool:
        return self.path.exists()

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"format": 2, "users": []}
        with open(self.path, encoding="utf-8") as f:
            data: dict[str, Any] = json.load(f)
        if not isinstance(data, dict) or not isinstance(data.get("users"), list):
            raise ValueError("keyring.json has no list of users")
        return data

    def users(self) -> list[KeyringUser]:
        return [KeyringUser(**u) for u in self._load()["users"]]

    def find(self, username: str) -> KeyringUser | None:
        return next((u for u in self.users() if u.username == username), None)

    def profile_id(self) -> str | None:
        pid = self._load().get("profile_id")
        return str(pid) if pid else None

    # --- the device secret and the file's MAC --------------------------------------------------------

    def _entry(self, data: dict[str, Any]) -> credentials.Entry:
        return credentials.Entry(str(data.get("credentials", credentials.FILE)), str(data["profile_id"]))

    def _device(self, data: dict[str, Any]) -> tuple[credentials.Entry, bytes, dict[str, Any], bool]:
        entry = self._entry(data)
        try:
            loaded = entry.load()
        except CredentialsUnavailable as exc:
            raise NoCredentialStore(str(exc)[:120]) from exc
        if loaded is None:
            raise OtherMachine(entry.kind)
        secret, attempts, authentic = loaded
        return entry, secret, attempts, authentic

    def _mac(self, data: dict[str, Any], device: bytes) -> str:
        body = {k: v for k, v in data.items() if k != "mac"}
        key = hkdf(device, b"fk-keyring-mac\n" + str(data["profile_id"]).encode())
        return _b64(hmac.new(key, canonical(body), hashlib.sha256).digest())

    def _verified(self) -> tuple[dict[str, Any], credentials.Entry, bytes, dict[str, Any], bool]:
        """The file, upgraded to format 2 if it was older, with its MAC checked."""
        data = self._load()
        if not data.get("profile_id"):
            data = self._upgrade(data)
        entry, device, attempts, authentic = self._device(data)
        if not hmac.compare_digest(self._mac(data, device), str(data.get("mac", ""))):
            raise KeyringTampered(self.folder)
        return data, entry, device, attempts, authentic

    def _upgrade(self, data: dict[str, Any]) -> dict[str, Any]:
        """A format-1 file gets a profile id, a device secret and a MAC (its entries stay v1)."""
        pid = os.urandom(16).hex()
        kind = credentials.default_kind()
        try:
            credentials.Entry(kind, pid).create()
        except CredentialsUnavailable:
            kind = credentials.FILE
            credentials.Entry(kind, pid).create()
        data = {**data, "format": 2, "profile_id": pid, "credentials": kind}
        device = credentials.Entry(kind, pid).load()
        assert device is not None
        return self._save(data, device[0])

    def device_secret(self) -> bytes | None:
        """This profile's device secret (None: a format-1 file not upgraded yet)."""
        data = self._load()
        if not data.get("profile_id"):
            return None
        return self._device(data)[1]

    def _save(self, data: dict[str, Any], device: bytes) -> dict[str, Any]:
        data = {**data, "format": 2}
        data["mac"] = self._mac(data, device)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        return data

    # --- users ---------------------------------------------------------------------------------------

    def _wrap(self, data: dict[str, Any], device: bytes, u: dict[str, Any], secret: str, data_key: bytes,
              params: KdfParams) -> dict[str, Any]:
        salt = os.urandom(16)
        u = {**u, "salt": _b64(salt), "kdf": asdict(params), "v": 2}
        pid = str(data["profile_id"])
        kek = pin_key(secret, salt, params, device, f"{pid}\n{u['username']}".encode())
        nonce = os.urandom(12)
        u["nonce"] = _b64(nonce)
        u["wrapped_key"] = _b64(AESGCM(kek).encrypt(nonce, data_key, _aad(pid, u)))
        return u

    def add_user(
        self, *, user_id: str, username: str, display_name: str, role: str, team_id: str | None,
        secret: str, data_key: bytes, params: KdfParams = KdfParams(),
    ) -> KeyringUser:
        problems = secret_problems(secret)
        if problems:
            raise ValidationError(problems)
        if self.exists():
            data, entry, device, attempts, _ = self._verified()
        else:  # a new profile: its id and device secret
            pid, kind = os.urandom(16).hex(), credentials.default_kind()
            try:
                device = credentials.Entry(kind, pid).create()
            except CredentialsUnavailable:
                if os.environ.get("FIELDKIT_CREDENTIALS", "").lower() == credentials.OS:
                    raise
                kind, device = credentials.FILE, credentials.Entry(credentials.FILE, pid).create()
            data = {"format": 2, "profile_id": pid, "credentials": kind, "users": []}
        u = self._wrap(data, device, {"user_id": user_id, "username": username, "display_name": display_name,
                                      "role": role, "team_id": team_id}, secret, data_key, params)
        data["users"] = [x for x in data["users"] if x["username"] != username] + [u]
        self._save(data, device)
        return KeyringUser(**u)

    def unlock(self, username: str, secret: str) -> bytes:
        """The data key. Refused (WrongSecret, PinDelay, PinLocked, KeyringTampered, OtherMachine, …)."""
        data, entry, device, attempts, authentic = self._verified()
        u = next((x for x in data["users"] if x.get("username") == username), None)
        if u is None:
            raise WrongSecret(username)
        if not authentic:
            raise PinLocked(tampered=True)
        now = pin_policy.clock()
        rec = attempts.get(username) or {}
        failures = int(rec.get("n", 0))
        if rec.get("locked") or failures >= pin_policy.LOCK_AT:
            raise PinLocked()
        wait = float(rec.get("until", 0)) - now
        if wait > pin_policy.delay_after(failures):  # the clock was set back: the wait restarts, no longer
            wait = pin_policy.delay_after(failures)
            attempts[username] = {**rec, "until": now + wait}
            _save_attempts(entry, device, attempts)
        if wait > 0:
            raise PinDelay(wait, failures)
        # counted before trying: a try killed half-way still counts
        failures += 1
        attempts[username] = {"n": failures, "until": now + pin_policy.delay_after(failures),
                              "locked": failures >= pin_policy.LOCK_AT}
        _save_attempts(entry, device, attempts)
        pid = str(data["profile_id"])
        try:
            if int(u.get("v", 1)) >= 2:
                kek = pin_key(secret, _unb64(u["salt"]), KdfParams(**u["kdf"]), device, f"{pid}\n{username}".encode())
                key = AESGCM(kek).decrypt(_unb64(u["nonce"]), _unb64(u["wrapped_key"]), _aad(pid, u))
            else:
                kek = derive(secret, _unb64(u["salt"]), KdfParams(**u["kdf"]))
                key = AESGCM(kek).decrypt(_unb64(u["nonce"]), _unb64(u["wrapped_key"]), username.encode("utf-8"))
        except InvalidTag:
            raise WrongSecret(username, failures) from None
        attempts.pop(username, None)
        _save_attempts(entry, device, attempts)
        if int(u.get("v", 1)) < 2:  # the first login since device secrets: re-wrap this person's copy
            fresh = self._wrap(data, device, u, secret, key, KdfParams(**u["kdf"]))
            data["users"] = [fresh if x["username"] == username else x for x in data["users"]]
            try:
                self._save(data, device)
            except OSError:
                pass  # read-only media: stays v1 until it can be written
        return key

    def remove_user(self, username: str) -> None:
        data, _entry, device, _attempts, _ = self._verified()
        remaining = [u for u in data["users"] if u["username"] != username]
        if not remaining:
            raise ValidationError([Problem(
                "username", "last_user",
                _M("The last user cannot be removed: nobody could open the data any more."),
            )])
        data["users"] = remaining
        self._save(data, device)

    # --- lockout and recovery ------------------------------------------------------------------------

    def attempts(self, username: str) -> dict[str, Any]:
        """The person's wrong-PIN record ({} when none)."""
        data = self._load()
        if not data.get("profile_id"):
            return {}
        rec = self._device(data)[2].get(username)
        return dict(rec) if isinstance(rec, dict) else {}

    def reset_attempts(self, username: str | None = None) -> None:
        """Unlock one person (or everyone, also after a tampered counter)."""
        data, entry, device, attempts, authentic = self._verified()
        if username is None or not authentic:
            attempts = {}
        else:
            attempts.pop(username, None)
        entry.save_attempts(device, attempts)

    def forget(self) -> None:
        """Delete this profile's device secret (a throw-away profile being deleted): nothing opens it after."""
        data = self._load()
        if data.get("profile_id"):
            self._entry(data).delete()

    def set_recovery(self, sealed: dict[str, Any]) -> None:
        data, _entry, device, _attempts, _ = self._verified()
        data["recovery"] = sealed
        self._save(data, device)

    def recovery(self) -> dict[str, Any] | None:
        r = self._load().get("recovery")
        return r if isinstance(r, dict) else None

    def rehome(self, data_key: bytes) -> bytes:
        """After recovery on a computer without this profile's device secret: a new secret here, the old
        users' copies (useless without the old secret) dropped. Returns the new device secret."""
        data = self._load()
        kind = credentials.default_kind()
        pid = str(data.get("profile_id") or os.urandom(16).hex())
        try:
            device = credentials.Entry(kind, pid).create()
        except CredentialsUnavailable:
            kind, device = credentials.FILE, credentials.Entry(credentials.FILE, pid).create()
        data.update({"profile_id": pid, "credentials": kind, "users": []})
        self._save(data, device)
        return device

    def reset_pin(self, username: str, secret: str, data_key: bytes, params: KdfParams,
                  user: dict[str, Any]) -> KeyringUser:
        """A new PIN for `username` (recovery): wraps `data_key` afresh and clears their counter."""
        data, entry, device, attempts, _ = self._verified()
        old = next((x for x in data["users"] if x["username"] == username), None)
        base = {k: (old or user).get(k) for k in ("user_id", "username", "display_name", "role", "team_id")}
        u = self._wrap(data, device, base, secret, data_key, params)
        data["users"] = [x for x in data["users"] if x["username"] != username] + [u]
        self._save(data, device)
        attempts.pop(username, None)
        entry.save_attempts(device, attempts)
        return KeyringUser(**u)


def _save_attempts(entry: credentials.Entry, device: bytes, attempts: dict[str, Any]) -> None:
    try:
        entry.save_attempts(device, attempts)
    except CredentialsUnavailable as exc:
        raise NoCredentialStore(str(exc)[:120]) from exc


def new_data_key() -> bytes:
    return os.urandom(32)
