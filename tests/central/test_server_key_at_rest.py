"""The server's signing key at rest: sealed under the operator's secret (central/server_key.py).

A schema-2 database (the key as plain hex) is upgraded in place on SQLite and PostgreSQL, once; the
database alone no longer holds the key; `serve` without the secret, or with a wrong one, refuses to
start in one line and changes nothing."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select, text, update

from fieldkit.central import schema as t
from fieldkit.central import server_key
from fieldkit.central.db import SCHEMA_VERSION, Database, utc_now
from fieldkit.domain import signing
from fieldkit.ports import free_port


def _schema2(db_url: str) -> tuple[str, str]:
    """A database as version 2 left it: server_keys without the schema-3 columns, the key in clear."""
    db = Database(db_url)
    db.create_all()
    t.server_keys.drop(db.engine)
    old = Table("server_keys", MetaData(), Column("id", Integer, primary_key=True),
                Column("private_key", String(64), nullable=False), Column("public_key", String(64), nullable=False),
                Column("created_at", String(40), nullable=False))
    old.create(db.engine)
    key = signing.new_private_key()
    seed = signing.private_bytes(key).hex()
    with db.write() as (conn, _):
        conn.execute(insert(old).values(id=1, private_key=seed, public_key=signing.public_text(key),
                                        created_at=utc_now()))
        conn.execute(update(t.schema_info).where(t.schema_info.c.name == "version").values(value=2))
    db.dispose()
    return seed, signing.public_text(key)


def _dump(db: Database) -> str:
    """Everything the server_keys table holds, as text (what a dump of it would show)."""
    with db.read() as conn:
        return repr(conn.execute(text("SELECT * FROM server_keys")).all())


def test_a_plain_key_of_schema_2_is_sealed_in_place_once(db_url: str):
    seed, public = _schema2(db_url)
    secret = os.urandom(32)
    db = Database(db_url)
    try:
        db.create_all()
        db.create_all()  # twice: the columns are added once
        assert seed in _dump(db)  # without the secret nothing can be sealed yet: the key is as it was
        with db.write() as (conn, _):
            assert server_key.ensure(conn, secret) == 1
        dumped = _dump(db)
        assert seed not in dumped and seed.upper() not in dumped
        with db.read() as conn:
            row = conn.execute(select(t.server_keys)).one()
            assert conn.execute(select(t.schema_info.c.value)).scalar_one() == SCHEMA_VERSION  # the latest (4: sealed_seen)
        assert row.private_key == "" and row.sealed.startswith(server_key.SEALED) and row.public_key == public
        with db.write() as (conn, _):  # idempotent: nothing sealed again, the same bytes
            assert server_key.ensure(conn, secret) == 0
        assert _dump(db) == dumped
        with db.read() as conn:
            keys = server_key.load(conn, secret)
        assert [k.public for k in keys] == [public]
        assert signing.private_bytes(keys[0].key).hex() == seed  # the same key: enrolled laptops keep trusting it
        with db.write() as (conn, _), pytest.raises(server_key.KeySecretError, match="does not open"):
            server_key.ensure(conn, os.urandom(32))
        assert _dump(db) == dumped
    finally:
        db.dispose()


def test_a_sealed_key_moved_to_another_row_or_altered_does_not_open(tmp_path: Path):
    db = Database(str(tmp_path / "c.db"))
    db.create_all()
    secret = os.urandom(32)
    with db.write() as (conn, _):
        server_key.ensure(conn, secret)
        server_key.rotate(conn, secret, 0)
        rows = conn.execute(select(t.server_keys.c.id, t.server_keys.c.sealed).order_by(t.server_keys.c.id)).all()
        conn.execute(update(t.server_keys).where(t.server_keys.c.id == 2).values(sealed=rows[0].sealed))
    with db.read() as conn, pytest.raises(server_key.KeySecretError, match="key 2"):
        server_key.load(conn, secret)
    db.dispose()


@pytest.mark.parametrize("value", ["", "abc", "zz" * 32, "00" * 31])
def test_a_malformed_secret_is_named(value: str):
    env = {server_key.SECRET_ENV: value} if value else {}
    with pytest.raises(server_key.KeySecretError, match="FIELDKIT_SERVER_KEY_SECRET") as got:
        server_key.secret_from_env(env)
    assert "\n" not in str(got.value)


def _env(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in (server_key.SECRET_ENV, server_key.FILE_ENV)} | env



def _serve(db: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldkit", "central", "serve", "--db", db, "--port",
                           str(free_port())], env=_env(env), capture_output=True, text=True, timeout=120)


def test_serve_refuses_without_the_secret_or_with_a_wrong_one_and_changes_nothing(tmp_path: Path):
    db_path = str(tmp_path / "central.db")
    seed, public = _schema2(db_path)
    no = _serve(db_path, {})
    assert no.returncode != 0
    lines = no.stderr.strip().splitlines()
    assert len(lines) == 1 and "FIELDKIT_SERVER_KEY_SECRET" in lines[0] and "--key-file" in lines[0], no.stderr
    secret_file = tmp_path / "secret"
    assert subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "secret", str(secret_file)],
                          capture_output=True, text=True, timeout=60).returncode == 0
    assert secret_file.stat().st_mode & 0o077 == 0
    again = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "secret", str(secret_file)],
                           capture_output=True, text=True, timeout=60)
    assert again.returncode != 0 and "never overwritten" in again.stderr
    db = Database(db_path)
    assert seed in _dump(db)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "fieldkit", "central", "serve", "--db", db_path, "--port",
                               str(port), "--log-level", "warning", "--key-file", str(secret_file)],
                              env=_env({}), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                hello = requests.get(f"http://127.0.0.1:{port}/v1/hello", params={"nonce": "abcdefgh12"}, timeout=5)
                break
            except requests.RequestException:
                assert server.poll() is None and time.monotonic() < deadline, server.communicate()[1]
                time.sleep(0.2)
        assert hello.json()["public_key"] == public  # the same key, now sealed: laptops keep trusting it
    finally:
        server.terminate()
        server.communicate(timeout=30)
    sealed = _dump(db)
    assert seed not in sealed
    wrong = _serve(db_path, {server_key.SECRET_ENV: os.urandom(32).hex()})
    lines = wrong.stderr.strip().splitlines()
    assert wrong.returncode != 0 and len(lines) == 1 and "does not open" in lines[0], wrong.stderr
    assert _dump(db) == sealed
    listed = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "list", "--db", db_path,
                             "--key-file", str(secret_file)], capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and "in use" in listed.stdout
    db.dispose()


def test_the_secret_is_changed_with_reseal_and_only_the_new_one_opens(db_url: str, tmp_path: Path):
    db = Database(db_url)
    db.create_all()
    old, new = tmp_path / "old.secret", tmp_path / "new.secret"
    server_key.make_secret_file(old)
    server_key.make_secret_file(new)
    with db.write() as (conn, _):
        server_key.ensure(conn, server_key.secret_from_env({server_key.FILE_ENV: str(old)}))
        server_key.rotate(conn, server_key.secret_from_env({server_key.FILE_ENV: str(old)}), 0)
    with db.read() as conn:
        before = [(k.number, k.public) for k in server_key.load(conn, server_key.secret_from_env(
            {server_key.FILE_ENV: str(old)}))]
    db.dispose()

    def key(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", *args, "--db", db_url],
                              env=_env({}), capture_output=True, text=True, timeout=120)

    wrong = key("reseal", "--key-file", str(new), "--new-key-file", str(old))  # the wrong way round
    assert wrong.returncode != 0 and "does not open" in wrong.stderr
    done = key("reseal", "--key-file", str(old), "--new-key-file", str(new))
    assert done.returncode == 0 and "sealed 2 key(s)" in done.stdout, done.stderr
    assert key("list", "--key-file", str(old)).returncode != 0
    listed = key("list", "--key-file", str(new))
    assert listed.returncode == 0 and [line.split()[:2] for line in listed.stdout.splitlines()] == [
        [str(n), p] for n, p in before]


def test_a_failed_re_read_of_the_keys_keeps_signing_with_those_read_before(tmp_path: Path, monkeypatch):
    """The database away for a moment when a worker re-reads its keys: answers are still signed with
    the keys it has (the next re-read is tried after reload_s); with no keys yet, the failure shows."""
    db = Database(f"sqlite:///{tmp_path / 'central.db'}")
    db.create_all()
    cache = server_key.KeyCache(db, reload_s=0.0)  # every call re-reads
    first = cache.current()

    def away() -> None:
        raise OSError("the database is away")

    monkeypatch.setattr(db, "read", away)
    assert cache.current().public == first.public  # signed with the key read before
    with pytest.raises(OSError):
        server_key.KeyCache(db, reload_s=0.0).current()  # nothing read yet: nothing to sign with


@pytest.mark.parametrize("mode, refused", [(0o600, False), (0o400, False), (0o644, True), (0o640, True),
                                           (0o604, True), (0o620, True), (0o666, True)])
def test_a_secret_file_open_to_others_is_refused_like_ssh_refuses_a_private_key(tmp_path: Path, mode: int,
                                                                                 refused: bool):
    path = server_key.make_secret_file(tmp_path / "server-key.secret")
    path.chmod(mode)
    env = {server_key.FILE_ENV: str(path)}
    if not refused:
        assert len(server_key.secret_from_env(env)) == 32
        return
    with pytest.raises(server_key.KeySecretError) as got:
        server_key.secret_from_env(env)
    message = str(got.value)
    assert f"chmod 600 {path}" in message and f"{mode:04o}" in message and "\n" not in message, message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give the file away")
def test_a_secret_file_of_another_owner_may_be_read_through_its_group_only(tmp_path: Path):
    """root:fieldkit 0640 with the server running as fieldkit (here: root reading a file of nobody's)."""
    path = server_key.make_secret_file(tmp_path / "server-key.secret")
    os.chown(path, 65534, 0)
    path.chmod(0o640)
    assert len(server_key.secret_from_env({server_key.FILE_ENV: str(path)})) == 32
    path.chmod(0o644)
    with pytest.raises(server_key.KeySecretError, match="other users"):
        server_key.secret_from_env({server_key.FILE_ENV: str(path)})


def test_serve_and_the_key_commands_refuse_a_secret_file_others_can_read(tmp_path: Path):
    db_path = str(tmp_path / "central.db")
    secret = server_key.make_secret_file(tmp_path / "server-key.secret")
    secret.chmod(0o644)  # as `echo … > file` leaves it under the usual umask
    served = _serve(db_path, {server_key.FILE_ENV: str(secret)})
    lines = served.stderr.strip().splitlines()
    assert served.returncode != 0 and len(lines) == 1 and f"chmod 600 {secret}" in lines[0], served.stderr
    assert _no_keys(db_path)  # no key was made or sealed with it
    listed = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "list", "--db", db_path,
                             "--key-file", str(secret)], env=_env({}), capture_output=True, text=True, timeout=60)
    assert listed.returncode != 0 and f"chmod 600 {secret}" in listed.stderr, listed.stderr
    secret.chmod(0o600)  # what the message says to do: then it is used
    rotated = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "rotate", "--db", db_path,
                              "--key-file", str(secret)], env=_env({}), capture_output=True, text=True, timeout=60)
    assert rotated.returncode == 0 and rotated.stdout.startswith("key 2 "), rotated.stderr


def _no_keys(db_path: str) -> bool:
    import sqlite3

    if not Path(db_path).exists():
        return True
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        try:
            return conn.execute("SELECT count(*) FROM server_keys").fetchone()[0] == 0
        except sqlite3.OperationalError:  # no table yet
            return True


@pytest.mark.postgres
def test_the_sealing_upgrade_waits_until_no_worker_of_the_previous_release_is_connected(tmp_path: Path):
    """PostgreSQL: a key still in clear and a central server process of another pid connected (as a
    worker of the previous release would be): serve and key rotate refuse, naming it, and change
    nothing; once it is gone the key is sealed. Once sealed, connected workers do not matter."""
    import psycopg

    from tests.central.conftest import _pg_database

    secret = {server_key.SECRET_ENV: os.environ[server_key.SECRET_ENV]}
    for url in _pg_database():
        seed, public = _schema2(url)
        plain = url.replace("postgresql+psycopg://", "postgresql://")
        old_worker = psycopg.connect(plain, application_name="fieldkit-central-999999")
        try:
            served = _serve(url, secret)
            lines = served.stderr.strip().splitlines()
            assert served.returncode != 0 and len(lines) == 1, served.stderr
            assert "fieldkit-central-999999" in lines[0] and "stop every central server worker" in lines[0]
            rotate = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "rotate", "--db", url,
                                     "--in", "3600"], env=_env(secret), capture_output=True, text=True, timeout=120)
            assert rotate.returncode != 0 and "fieldkit-central-999999" in rotate.stderr, rotate.stderr
            db = Database(url)
            assert seed in _dump(db)  # still in clear: nothing was changed
            db.dispose()  # (this test's own pool is named like a server too)
        finally:
            old_worker.close()
        rotate = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "rotate", "--db", url,
                                 "--in", "3600"], env=_env(secret), capture_output=True, text=True, timeout=120)
        assert rotate.returncode == 0 and rotate.stdout.startswith("key 2 "), rotate.stderr
        assert seed not in _dump(db)
        with psycopg.connect(plain, application_name="fieldkit-central-999999"):  # a worker of this release
            again = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "rotate", "--db", url,
                                    "--in", "3600"], env=_env(secret), capture_output=True, text=True, timeout=120)
        assert again.returncode == 0 and again.stdout.startswith("key 3 "), again.stderr
        with db.read() as conn:
            assert [k.public for k in server_key.load(conn, server_key.secret_from_env())][0] == public
        db.dispose()
