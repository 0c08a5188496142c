"""A real central server for tests: a database file (or a fresh PostgreSQL database when
FIELDKIT_TEST_PG is set) served by uvicorn on a free loopback port."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import requests

from fieldkit.central import admin, people
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.domain import signing

if TYPE_CHECKING:  # the class of the session fixture `central_templates` (not imported twice at run time)
    from tests.conftest import CentralTemplates


def _pg_database(templates: CentralTemplates | None = None, key: str = "central-schema") -> Iterator[str]:
    base = os.environ.get("FIELDKIT_TEST_PG")
    if not base:
        pytest.skip("FIELDKIT_TEST_PG is not set (see scripts/pg-test-server.sh)")
    import psycopg

    name = f"fk_test_{uuid.uuid4().hex[:12]}"
    head, _, _ = base.rpartition("/")
    if templates is not None:
        templates.postgres(base, key, name, _world_seed if key == "central-world" else None)
    else:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{head}/{name}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# A test that uses the `db` fixture gets its database with the tables already made: a copy of a template made
# once by Database.create_all (tests/conftest.py, CentralTemplates); with the `world` fixture, a copy of one
# where build_world has run too. `db_url` alone is an empty database.
_WITH_TABLES = pytest.StashKey[bool]()
_TEMPLATE = pytest.StashKey[tuple[str, str]]()  # (template key, "sqlite" | "postgres")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    templates: CentralTemplates | None = None
    key = "central-world" if "world" in request.fixturenames else "central-schema"
    if "db" in request.fixturenames:
        templates = request.getfixturevalue("central_templates")
        request.node.stash[_WITH_TABLES] = True
        request.node.stash[_TEMPLATE] = (key, request.param)
    if request.param == "sqlite":
        path = tmp_path / "central.db"
        if templates is not None:
            templates.sqlite(key, path, _world_seed if key == "central-world" else None)
        yield str(path)
    else:
        yield from _pg_database(templates, key)


@pytest.fixture
def db(db_url: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    d = Database(db_url)
    if not request.node.stash.get(_WITH_TABLES, False):
        d.create_all()
    yield d
    d.dispose()


@dataclass
class Device:
    device_id: str
    token: str
    team: str
    http: requests.Session = field(default_factory=requests.Session)
    keys: dict[str, Any] = field(default_factory=dict)  # username -> that person's private key here
    user_tokens: dict[str, str] = field(default_factory=dict)

    def as_user(self, username: str, url: str | None = None) -> dict[str, str]:
        """Headers of `username` really acting on this device: the device token and, when the person
        has a key here, a user token got by signing the server's challenge."""
        headers = {"Authorization": f"Bearer {self.token}"}
        if url is not None and username in self.keys:
            if username not in self.user_tokens:
                nonce = self.http.post(url + "/v1/auth/challenge", headers=headers, timeout=30).json()["nonce"]
                sig = signing.sign(self.keys[username], signing.token_message(self.device_id, username, nonce))
                got = self.http.post(url + "/v1/auth/token", headers=headers, timeout=30,
                                     json={"username": username, "nonce": nonce, "signature": sig})
                assert got.status_code == 200, got.text
                self.user_tokens[username] = got.json()["token"]
            headers["X-FK-User-Token"] = self.user_tokens[username]
        return headers

    def sign(self, username: str, ops: list[dict[str, Any]]) -> dict[str, Any]:
        """A push body: `ops` made by `username` (actor set when missing), each author whose key is on
        this device signing their own operations (one signature per author)."""
        for op in ops:
            if isinstance(op, dict):
                op.setdefault("actor", username)
        sigs = []
        mine = [op for op in ops if isinstance(op, dict) and isinstance(op.get("actor"), str) and "sig" not in op]
        for author in dict.fromkeys(op["actor"] for op in mine):
            if author not in self.keys:
                continue
            digests = []
            for op in mine:
                if op["actor"] == author:
                    try:
                        digests.append(signing.op_digest(op, self.device_id))
                    except (KeyError, TypeError, ValueError):  # garbage is sent as it is, unsigned
                        continue
            sigs.append({"actor": author, "sig": signing.sign(
                self.keys[author], signing.batch_message(self.device_id, author, digests))})
        return {"ops": ops, "sigs": sigs}

    def sign_raw(self, username: str, body: bytes) -> bytes:
        """A raw push body as `username` sends it from `device`: each operation object gets its author and
        the batch gets their signature; bodies that are not a JSON object with a list of ops stay as they are."""
        import json

        try:
            parsed = json.loads(body.decode("utf-8", "surrogatepass"))
        except (ValueError, RecursionError):
            return body
        if not isinstance(parsed, dict) or not isinstance(parsed.get("ops"), list) or username not in self.keys:
            return body
        signed_body = self.sign(username, parsed["ops"])
        return json.dumps(parsed | signed_body).encode("utf-8", "surrogatepass")


@dataclass
class World:
    db: Database
    url: str
    devices: dict[str, Device]
    users: dict[str, str]

    def call(self, method: str, path: str, device: str, user: str, *, raw: bool = False,
             **kw: Any) -> requests.Response:
        """`user` acting on `device`. A push is signed by `user` (unless `raw`: sent as given)."""
        d = self.devices[device]
        if path == "/v1/push" and not raw and "json" in kw and user in d.keys:
            kw["json"] = d.sign(user, kw["json"]["ops"])
        return d.http.request(method, self.url + path, headers=d.as_user(user, self.url), timeout=30, **kw)


def register(db: Database, device: Device, username: str) -> None:
    """Add `username` to `device` as a laptop does: a one-time user code and their new public key."""
    key = signing.new_private_key()
    public = signing.public_text(key)
    people.register_key(db, device.device_id, admin.team_id_of(db, device.team), username,
                        people.issue_code(db, username), public,
                        signing.sign(key, signing.register_message(device.device_id, username, public)))
    device.keys[username] = key


def build_world(db: Database, url: str) -> World:
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_team(db, "T2", "Đội Kim Bảng", "PA23KB")
    users = {
        "lan": admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1"),
        "hung": admin.create_user(db, "hung", "Phạm Văn Hùng", "supervisor", "T1"),
        "minh": admin.create_user(db, "minh", "Lê Văn Minh", "technician", "T2"),
        "tuan": admin.create_user(db, "tuan", "Đỗ Anh Tuấn", "supervisor", "T2"),
    }
    devices: dict[str, Device] = {}
    for name, team in (("d1", "T1"), ("d1b", "T1"), ("d2", "T2")):
        e = admin.enrol(db, team, name)
        got = admin.exchange_code(db, e.code, name)
        assert got is not None
        devices[name] = Device(got[0], got[1], team)
    for name, members in (("d1", ("lan", "hung")), ("d1b", ("lan", "hung")), ("d2", ("minh", "tuan"))):
        for username in members:
            register(db, devices[name], username)
    return World(db, url, devices, users)


@pytest.fixture
def server(db: Database) -> Iterator[ServerThread]:
    with ServerThread(db) as srv:
        yield srv


@dataclass
class _WorldSeed:
    """What build_world made in a template database: the laptops' ids, tokens and people's private keys
    (the database itself is copied for each test) and the users' ids."""

    devices: dict[str, tuple[str, str, str, dict[str, Any]]]
    users: dict[str, str]


def _world_seed(db: Database) -> _WorldSeed:
    w = build_world(db, "")
    return _WorldSeed({name: (d.device_id, d.token, d.team, dict(d.keys)) for name, d in w.devices.items()},
                      dict(w.users))


@pytest.fixture
def world(db: Database, server: ServerThread, request: pytest.FixtureRequest) -> World:
    """build_world's two teams, four people and three laptops. The database is a copy of a template where
    build_world ran once (db_url); each test gets Device objects of its own (own HTTP sessions, no user
    tokens yet)."""
    made = request.node.stash.get(_TEMPLATE, None)
    if made is None or made[0] != "central-world":
        return build_world(db, server.url)
    seed: _WorldSeed = request.getfixturevalue("central_templates").seeded[made]
    devices = {name: Device(device_id, token, team, keys=dict(keys))
               for name, (device_id, token, team, keys) in seed.devices.items()}
    return World(db, server.url, devices, dict(seed.users))


@dataclass
class Matrix:
    """Two teams with a technician, a trainer and a supervisor each; laptops d1, d1b (team 1),
    d2 (team 2) and drev (team 1, revoked during the test); `old` (team 1) is removed during it."""

    world: World

    def push(self, device: str, user: str, ops: list[dict[str, Any]], *, sigs: list[dict[str, Any]] | None = None,
             headers: dict[str, str] | None = None) -> requests.Response:
        d = self.world.devices[device]
        body = d.sign(user, ops) if sigs is None else {"ops": ops, "sigs": sigs}
        return d.http.post(self.world.url + "/v1/push", json=body, timeout=30,
                           headers={"Authorization": f"Bearer {d.token}", **(headers or {})})


@pytest.fixture
def matrix(db: Database, server: ServerThread) -> Matrix:
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_team(db, "T2", "Đội Kim Bảng", "PA23KB")
    users = {}
    for name, role, team in (("lan", "technician", "T1"), ("thu", "trainer", "T1"), ("hung", "supervisor", "T1"),
                             ("vy", "supervisor", "T1"), ("old", "technician", "T1"),
                             ("minh", "technician", "T2"), ("nga", "trainer", "T2"), ("tuan", "supervisor", "T2")):
        users[name] = admin.create_user(db, name, name.title(), role, team)
    devices: dict[str, Device] = {}
    for name, team in (("d1", "T1"), ("d1b", "T1"), ("d2", "T2"), ("drev", "T1")):
        e = admin.enrol(db, team, name)
        got = admin.exchange_code(db, e.code, name)
        assert got is not None
        devices[name] = Device(got[0], got[1], team)
    for name, members in (("d1", ("lan", "thu", "hung", "vy", "old")), ("d1b", ("lan", "hung")),
                          ("d2", ("minh", "nga", "tuan")), ("drev", ("lan",))):
        for username in members:
            register(db, devices[name], username)
    return Matrix(World(db, server.url, devices, users))
