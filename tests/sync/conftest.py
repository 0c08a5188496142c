"""Real devices (separate encrypted profiles) syncing with a real central server on loopback."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from fieldkit.central import admin, people
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.domain.ids import new_id
from fieldkit.domain.models import Reading, ReadingSource, RegisterValue, Role
from fieldkit.services import session as sessions
from fieldkit.services import sync
from fieldkit.store import field_facts
from fieldkit.store.keyring import FAST_KDF

PIN = "246810"

if TYPE_CHECKING:  # the class of the session fixture `central_templates` (not imported twice at run time)
    from tests.conftest import CentralTemplates


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def central(request: pytest.FixtureRequest, tmp_path: Path, central_templates: CentralTemplates) -> Iterator[Database]:
    """A central database of this test's own with the tables and _seed's rows: a copy of a template made
    once a run with Database.create_all and _seed (tests/conftest.py, CentralTemplates)."""
    if request.param == "sqlite":
        path = tmp_path / "central.db"
        central_templates.sqlite("sync-seeded", path, _seed)
        db = Database(str(path))
        yield db
        db.dispose()
        return
    base = os.environ.get("FIELDKIT_TEST_PG")
    if not base:
        pytest.skip("FIELDKIT_TEST_PG is not set (see scripts/pg-test-server.sh)")
    import psycopg

    name = f"fk_test_{uuid.uuid4().hex[:12]}"
    db = Database(central_templates.postgres(base, "sync-seeded", name, _seed))
    yield db
    db.dispose()
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _seed(db: Database) -> None:
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_team(db, "T2", "Đội Kim Bảng", "PA23KB")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    admin.create_user(db, "mai", "Nguyễn Thị Mai", "technician", "T1")
    admin.create_user(db, "hung", "Phạm Văn Hùng", "supervisor", "T1")
    admin.create_user(db, "minh", "Lê Văn Minh", "technician", "T2")


@pytest.fixture
def server(central: Database) -> Iterator[ServerThread]:
    with ServerThread(central) as srv:
        yield srv


DeviceFactory = Callable[..., sessions.Session]


@pytest.fixture
def make_device(tmp_path: Path, central: Database, server: ServerThread) -> Iterator[DeviceFactory]:
    opened: list[sessions.Session] = []

    def make(name: str, username: str = "lan", role: Role = Role.TECHNICIAN, team: str = "T1",
             url: str | None = None, enrolled: bool = True) -> sessions.Session:
        s = sessions.create(tmp_path / name, username=username, display_name=username.title(), role=role,
                            secret=PIN, params=FAST_KDF)
        opened.append(s)
        if enrolled:
            code = admin.enrol(central, team, name).code
            sync.enrol(s, code, url or server.url, user_code=people.issue_code(central, username))
        elif url:
            sync.configure(s, url)
        return s

    yield make
    for s in opened:
        s.close()


def add_readings(session: sessions.Session, meter_id: str, n: int, per_tx: int = 500) -> list[str]:
    """Record `n` readings through the store's own transaction/outbox path, many per transaction
    (the service does one per transaction, which is slow for ten thousand)."""
    ids: list[str] = []
    from datetime import UTC, datetime

    for start in range(0, n, per_tx):
        with session.store.transaction(actor=session.user_id) as tx:
            for i in range(start, min(n, start + per_tx)):
                r = Reading(id=new_id(), meter_id=meter_id, taken_at=datetime.now(UTC), source=ReadingSource.OPTICAL,
                            registers={"1.8.0": RegisterValue(Decimal(10000 + i) / 10, "kWh")},
                            recorded_by=session.user_id)
                field_facts.insert_reading(tx.conn, r, tx.now)
                tx.change("reading", r.id, "append", field_facts.reading_payload(r))
                ids.append(r.id)
    return ids


def sync_until_done(session: sessions.Session, attempts: int = 60, **options: object) -> sync.SyncReport:
    last = None
    for _ in range(attempts):
        last = sync.sync_now(session, **options)  # type: ignore[arg-type]
        if last.ok:
            return last
    raise AssertionError(f"sync did not succeed in {attempts} attempts: {last}")


@pytest.fixture(name="add_readings")
def _add_readings_fixture() -> Callable[..., list[str]]:
    return add_readings


@pytest.fixture(name="sync_until_done")
def _sync_until_done_fixture() -> Callable[..., sync.SyncReport]:
    return sync_until_done
