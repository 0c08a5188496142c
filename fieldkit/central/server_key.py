"""The server's signing keys at rest and their rotation (docs/central.md, "The server's signing key").

Each Ed25519 key is a row of `server_keys` (`id` 1, 2, 3 … in the order they were made). Its private
half is sealed with AES-256-GCM under a key-encryption secret the operator keeps outside the database
(`FIELDKIT_SERVER_KEY_SECRET`, 64 hex digits, or `FIELDKIT_SERVER_KEY_FILE` / `serve --key-file`, a
file of 32 bytes or 64 hex digits): a dump of the database alone does not give the key. The row's
number and public key are the sealing's associated data, so a sealed key moved to another row does
not open.

Rotation adds a key whose public half, number, start (`valid_from`) and predecessor's public key are
signed by the key before it (`endorsement`): a laptop that pinned an older key follows the chain link
by link (fieldkit/sync/key_chain.py). Old keys stay (sealed) so laptops that missed several rotations
can still follow. The server signs with the newest key whose start has passed.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from fieldkit.central import schema as t
from fieldkit.domain import signing

log = logging.getLogger(__name__)

SECRET_ENV = "FIELDKIT_SERVER_KEY_SECRET"
FILE_ENV = "FIELDKIT_SERVER_KEY_FILE"
SEALED = "aesgcm1:"  # the sealed form's prefix: its version
MAX_NUMBER = 2**31 - 1  # the most a key's number may be (a /v1/hello `pinned` above it is refused: 422)
HOW = (f"set {SECRET_ENV} (64 hex digits) or {FILE_ENV} / --key-file (a file holding a 32-byte secret); "
       "make one with: python -c \"import os;print(os.urandom(32).hex())\" (docs/central.md)")


class KeySecretError(Exception):
    """The key-encryption secret is missing, malformed or wrong: one line saying what to set."""


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds")


def parse_secret(raw: bytes, where: str) -> bytes:
    """32 raw bytes, or 64 hex digits (surrounding whitespace ignored)."""
    if len(raw) == 32:
        return raw
    text = raw.strip()
    try:
        value = bytes.fromhex(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        value = b""
    if len(value) != 32:
        raise KeySecretError(f"the server key secret in {where} is not 32 bytes or 64 hex digits; {HOW}")
    return value


def secret_from_env(environ: Any = None) -> bytes:
    """The key-encryption secret from the environment (`serve --key-file` sets FIELDKIT_SERVER_KEY_FILE)."""
    env = os.environ if environ is None else environ
    text = env.get(SECRET_ENV)
    if text:
        return parse_secret(text.encode("utf-8", "replace"), SECRET_ENV)
    path = env.get(FILE_ENV)
    if path:
        try:
            check_private(Path(path))
            raw = Path(path).read_bytes()[:200]
        except OSError as exc:
            raise KeySecretError(f"cannot read the server key secret file {path} ({exc.strerror or exc}); "
                                 f"{HOW}") from None
        return parse_secret(raw, path)
    raise KeySecretError(f"the server's signing key is sealed and no secret opens it: {HOW}")


def check_private(path: Path) -> None:
    """Refuse a secret file that others may read or change, as ssh refuses such a private key: its
    owner's alone (0600 or 0400) when it belongs to the user running the server; a file of another
    owner (root:fieldkit 0640, read through the group) must not be open to everyone else."""
    if os.name != "posix":
        return
    st = path.stat()
    mine = st.st_uid == os.geteuid()
    loose = st.st_mode & (0o077 if mine else 0o007)
    if not loose:
        return
    who = "other users" if loose & 0o007 else "its group"
    raise KeySecretError(
        f"the server key secret file {path} is open to {who} (permissions {st.st_mode & 0o777:04o}): whoever "
        f"reads it opens the server's signing keys; refused. Make it private: chmod 600 {path}"
        + ("" if mine else " (or, read through its group: chmod 640)")
        + " (a mounted secret: mount it with mode 0400)")


def make_secret_file(path: Path) -> Path:
    """A new random secret in a file only its owner reads (the demo's, or an operator's first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(os.urandom(32).hex() + "\n")
    return path


def _aad(number: int, public: str) -> bytes:
    return f"fk-server-key-v1\n{number}\n{public}".encode()


def seal(secret: bytes, number: int, public: str, seed: bytes) -> str:
    nonce = os.urandom(12)
    return SEALED + signing.b64(nonce + AESGCM(secret).encrypt(nonce, seed, _aad(number, public)))


def unseal(secret: bytes, number: int, public: str, sealed: str) -> Any:
    """The private key of row `number`; KeySecretError when the secret does not open it."""
    try:
        blob = signing.unb64(sealed[len(SEALED):]) if sealed.startswith(SEALED) else b""
        seed = AESGCM(secret).decrypt(blob[:12], blob[12:], _aad(number, public)) if len(blob) > 28 else b""
    except (InvalidTag, ValueError):
        seed = b""
    if len(seed) != 32:
        raise KeySecretError(f"the server key secret does not open this database's signing key {number} (a "
                             f"wrong {SECRET_ENV} or key file?); nothing was changed")
    key = signing.private_from(seed)
    if signing.public_text(key) != public:
        raise KeySecretError(f"the server's signing key {number} does not match its public key (the row was "
                             "changed?); nothing was changed")
    return key


def endorse_message(number: int, public: str, valid_from: str, previous: str) -> bytes:
    """What the key before signs when it hands over to key `number` (the laptop checks the same bytes)."""
    return signing.endorse_message(number, public, valid_from, previous)


@dataclass(frozen=True)
class ServerKey:
    number: int
    public: str
    valid_from: str
    endorsement: str | None
    key: Any  # Ed25519PrivateKey


def _rows(conn: Connection) -> list[Any]:
    k = t.server_keys.c
    return list(conn.execute(select(k.id, k.private_key, k.public_key, k.created_at, k.sealed, k.valid_from,
                                    k.endorsement).order_by(k.id)).all())


def other_servers(conn: Connection) -> list[str]:
    """Before the keys kept in clear are sealed (the upgrade from schema 2): the central server
    processes of other pids connected to this PostgreSQL database (`fieldkit-central-<pid>`, as the
    release before names its connections too). Such a worker of the previous release could not sign
    once its key's clear copy is blanked. Empty when no key is in clear, and on SQLite (one host)."""
    if conn.dialect.name != "postgresql":
        return []
    if not any(not r.sealed for r in _rows(conn)):
        return []
    rows = conn.exec_driver_sql(
        "SELECT application_name, coalesce(host(client_addr), 'local'), count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "AND application_name LIKE 'fieldkit-central-%%' AND application_name <> %(me)s GROUP BY 1, 2 ORDER BY 1",
        {"me": f"fieldkit-central-{os.getpid()}"}).all()
    return [f"{name} on {host} ({n} connection(s))" for name, host, n in rows]


def ensure(conn: Connection, secret: bytes) -> int:
    """Check the secret opens every sealed key, seal the keys still stored in clear (schema 3's step:
    idempotent), and make the first key when there is none. Returns how many keys were sealed now.
    Raises KeySecretError (before writing anything) when the secret is wrong."""
    rows = _rows(conn)
    for r in rows:
        if r.sealed:
            unseal(secret, int(r.id), str(r.public_key), str(r.sealed))
    sealed_now = 0
    for r in rows:
        if r.sealed:
            continue
        seed = bytes.fromhex(str(r.private_key))
        key = signing.private_from(seed)
        if signing.public_text(key) != str(r.public_key):
            raise KeySecretError(f"the server's signing key {r.id} in clear does not match its public key; "
                                 "nothing was changed")
        conn.execute(update(t.server_keys).where(t.server_keys.c.id == r.id).values(
            sealed=seal(secret, int(r.id), str(r.public_key), seed), private_key="",
            valid_from=r.valid_from or r.created_at))
        sealed_now += 1
    if not rows:
        key = signing.new_private_key()
        public = signing.public_text(key)
        at = _iso(_now())
        try:
            with conn.begin_nested():
                conn.execute(insert(t.server_keys).values(
                    id=1, private_key="", public_key=public, created_at=at, valid_from=at,
                    sealed=seal(secret, 1, public, signing.private_bytes(key))))
        except IntegrityError:  # another worker made it first: it must open with our secret too
            ensure(conn, secret)
    return sealed_now


def load(conn: Connection, secret: bytes) -> list[ServerKey]:
    """Every key, oldest first, opened (the clear ones of a database not yet upgraded too)."""
    out = []
    for r in _rows(conn):
        if r.sealed:
            key = unseal(secret, int(r.id), str(r.public_key), str(r.sealed))
        else:
            key = signing.private_from(bytes.fromhex(str(r.private_key)))
        out.append(ServerKey(int(r.id), str(r.public_key), str(r.valid_from or r.created_at),
                             None if r.endorsement is None else str(r.endorsement), key))
    return out


def current(keys: list[ServerKey], at: datetime | None = None) -> ServerKey:
    """The newest key whose start has passed (the first key when none has: cannot happen in use)."""
    when = _iso(at or _now())
    started = [k for k in keys if k.valid_from <= when]
    return started[-1] if started else keys[0]


def chain(keys: list[ServerKey], upto: ServerKey, after: int | None = None) -> list[dict[str, Any]]:
    """The endorsed links up to `upto` (key 2 onwards), as /v1/hello gives them. `after`: the key a
    laptop pinned; only the links after it (a link is ~220 bytes: a laptop asking each sync need not
    get every rotation ever made again). A number beyond `upto` is no key this laptop can have
    pinned from this server (a database restored from before a rotation, another server): the whole
    chain, and the laptop says why it does not lead from its pin."""
    start = 1 if after is None or after > upto.number else after
    return [{"n": k.number, "public_key": k.public, "valid_from": k.valid_from, "endorsement": k.endorsement}
            for k in keys if start < k.number <= upto.number and k.endorsement]


def rotate(conn: Connection, secret: bytes, delay_s: float = 60.0) -> ServerKey:
    """A new key endorsed by the newest one, used from `delay_s` seconds on (workers re-read the keys
    more often than that, so every worker signs with it from the same moment)."""
    keys = load(conn, secret)
    if not keys:
        ensure(conn, secret)
        keys = load(conn, secret)
    last = keys[-1]
    number = int(conn.execute(select(func.max(t.server_keys.c.id))).scalar_one()) + 1
    key = signing.new_private_key()
    public = signing.public_text(key)
    start = max(_now() + timedelta(seconds=max(0.0, delay_s)), datetime.fromisoformat(last.valid_from))
    valid_from = _iso(start)
    endorsement = signing.sign(last.key, endorse_message(number, public, valid_from, last.public))
    conn.execute(insert(t.server_keys).values(
        id=number, private_key="", public_key=public, created_at=_iso(_now()), valid_from=valid_from,
        endorsement=endorsement, sealed=seal(secret, number, public, signing.private_bytes(key))))
    return ServerKey(number, public, valid_from, endorsement, key)


def reseal(conn: Connection, secret: bytes, new_secret: bytes) -> int:
    """Seal every key again under `new_secret` (the operator changes the secret); all or nothing:
    a key the old secret does not open stops it before anything is written."""
    keys = load(conn, secret)
    for k in keys:
        conn.execute(update(t.server_keys).where(t.server_keys.c.id == k.number).values(
            sealed=seal(new_secret, k.number, k.public, signing.private_bytes(k.key)), private_key=""))
    return len(keys)


class KeyCache:
    """One worker's keys: read from the database at first use and again every `reload_s` seconds (a
    rotation starts at least a minute after it is made), so a new key is used without a restart."""

    def __init__(self, db: Any, reload_s: float | None = None):
        self.db = db
        self.reload_s = float(os.environ.get("FIELDKIT_KEY_RELOAD_S") or 15.0) if reload_s is None else reload_s
        self._keys: list[ServerKey] = []
        self._read_at = 0.0
        self._started_upto = ""  # the start of the newest key known to have started
        self._lock = threading.Lock()

    def keys(self) -> list[ServerKey]:
        if self._keys and time.monotonic() - self._read_at < self.reload_s:
            return self._keys
        with self._lock:
            if not self._keys or time.monotonic() - self._read_at >= self.reload_s:
                try:
                    self._keys = self._read()
                except Exception:
                    if not self._keys:
                        raise
                    # a failed re-read (the database away for a moment) must not fail the answer
                    # being signed: the keys read before still hold; try again after reload_s
                    log.exception("could not re-read the server's keys; signing with those read before")
                self._read_at = time.monotonic()
        return self._keys

    def _read(self) -> list[ServerKey]:
        secret = secret_from_env()
        with self.db.read() as conn:
            keys = load(conn, secret)
        if not keys:
            with self.db.write() as (conn, _):
                ensure(conn, secret)
            with self.db.read() as conn:
                keys = load(conn, secret)
        return keys

    def current(self) -> ServerKey:
        keys = self.keys()
        if keys[-1].valid_from <= self._started_upto:  # the newest key has started: no clock reading per answer
            return keys[-1]
        now = current(keys)
        if now is keys[-1]:
            self._started_upto = keys[-1].valid_from
        return now
