"""Protection at rest: one random data key per profile, wrapped once per local user.

The database (SQLCipher, AES-256) and the attachment files (AES-256-GCM) are encrypted
with a random 32-byte data key. The data key is never stored in the clear: for each
local user it is wrapped (AES-256-GCM) under a key derived from that user's PIN or
password with Argon2id, a memory-hard KDF. `keyring.json` beside the database holds, per
user, the public profile needed to show the login screen (name, role), the KDF salt and
parameters, and the wrapped key. Unwrapping succeeds only with the right PIN: the GCM
tag is the password check, so no separate password hash exists to attack.
See docs/security.md for the threat model.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldkit.domain.problems import Problem, ValidationError

KEYRING_FILE = "keyring.json"


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


# Used by tests and the demo profile only (recorded per user, so the login still checks it).
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


class WrongSecret(Exception):
    """The PIN or password does not unlock this profile."""


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


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"), salt, time_cost=params.time_cost, memory_cost=params.memory_kib,
        parallelism=params.parallelism, hash_len=32, type=Type.ID,
    )


def secret_problems(secret: str) -> list[Problem]:
    if len(secret) < 6:
        return [Problem(
            "pin", "too_short",
            "Mã PIN hoặc mật khẩu phải có ít nhất 6 ký tự.",
            "The PIN or password needs at least 6 characters.",
        )]
    if secret.isdigit() and len(set(secret)) == 1:
        return [Problem("pin", "too_simple", "Mã PIN quá dễ đoán.", "That PIN is too easy to guess.")]
    return []


class Keyring:
    def __init__(self, folder: str | Path):
        self.path = Path(folder) / KEYRING_FILE

    def exists(self) -> bool:
        return self.path.exists()

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"format": 1, "users": []}
        with open(self.path, encoding="utf-8") as f:
            data: dict[str, Any] = json.load(f)
        return data

    def users(self) -> list[KeyringUser]:
        return [KeyringUser(**u) for u in self._load()["users"]]

    def find(self, username: str) -> KeyringUser | None:
        return next((u for u in self.users() if u.username == username), None)

    def _save(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def add_user(
        self, *, user_id: str, username: str, display_name: str, role: str, team_id: str | None,
        secret: str, data_key: bytes, params: KdfParams = KdfParams(),
    ) -> KeyringUser:
        problems = secret_problems(secret)
        if problems:
            raise ValidationError(problems)
        salt = os.urandom(16)
        kek = derive(secret, salt, params)
        nonce = os.urandom(12)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, username.encode("utf-8"))
        entry = KeyringUser(
            user_id=user_id, username=username, display_name=display_name, role=role, team_id=team_id,
            salt=_b64(salt), kdf=asdict(params), nonce=_b64(nonce), wrapped_key=_b64(wrapped),
        )
        data = self._load()
        data["users"] = [u for u in data["users"] if u["username"] != username] + [asdict(entry)]
        self._save(data)
        return entry

    def unlock(self, username: str, secret: str) -> bytes:
        user = self.find(username)
        if user is None:
            raise WrongSecret(username)
        kek = derive(secret, _unb64(user.salt), KdfParams(**user.kdf))
        try:
            return AESGCM(kek).decrypt(_unb64(user.nonce), _unb64(user.wrapped_key), username.encode("utf-8"))
        except InvalidTag as exc:
            raise WrongSecret(username) from exc

    def remove_user(self, username: str) -> None:
        data = self._load()
        remaining = [u for u in data["users"] if u["username"] != username]
        if not remaining:
            raise ValidationError([Problem(
                "username", "last_user",
                "Không thể xóa người dùng cuối cùng: dữ liệu sẽ không mở được nữa.",
                "The last user cannot be removed: nobody could open the data any more.",
            )])
        data["users"] = remaining
        self._save(data)


def new_data_key() -> bytes:
    return os.urandom(32)
