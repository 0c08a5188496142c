"""A real central server for tests: a database file (or a fresh PostgreSQL database when
FIELDKIT_TEST_PG is set) served by uvicorn on a free loopback port."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from fieldkit.central import admin
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread


def _pg_database() -> Iterator[str]:
    base = os.environ.get("FIELDKIT_TEST_PG")
    if not base:
        pytest.skip("FIELDKIT_TEST_PG is not set (see scripts/pg-test-server.sh)")
    import psycopg

    name = f"fk_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    head, _, _ = base.rpartition("/")
    try:
        yield f"{head}/{name}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "central.db")
    else:
        yield from _pg_database()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    d = Database(db_url)
    d.create_all()
    yield d
    d.dispose()


@dataclass
class Device:
    device_id: str
    token: str
    team: str
    http: requests.Session = field(default_factory=requests.Session)

    def as_user(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "X-FK-User": username}


@dataclass
class World:
    db: Database
    url: str
    devices: dict[str, Device]
    users: dict[str, str]

    def call(self, method: str, path: str, device: str, user: str, **kw: Any) -> requests.Response:
        d = self.devices[device]
        return d.http.request(method, self.url + path, headers=d.as_user(user), timeout=30, **kw)


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
    return World(db, url, devices, users)


@pytest.fixture
def server(db: Database) -> Iterator[ServerThread]:
    with ServerThread(db) as srv:
        yield srv


@pytest.fixture
def world(db: Database, server: ServerThread) -> World:
    return build_world(db, server.url)
