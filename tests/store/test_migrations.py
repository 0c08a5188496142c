"""Every migration is tested by opening a database created at each earlier version."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fieldkit.store import customers as customer_repo
from fieldkit.store.customers import CustomerQuery
from fieldkit.store.database import Store, StoreError, connect, migrate, schema_version
from fieldkit.store.migrations import all_migrations, latest_version

KEY = bytes(range(32))


def _seed_v1(conn) -> None:
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO customers (id, code, name, name_folded, phone, updated_at) VALUES "
        "('c1', 'PA23LN0000001', 'Nguyễn Thị Hường', 'nguyen thi huong', '0912345678', '2025-01-01')"
    )
    conn.execute("INSERT INTO meters (id, serial, customer_id) VALUES ('m1', 'VSE11-1', 'c1')")
    conn.execute(
        "INSERT INTO readings (id, meter_id, taken_at, source, registers, recorded_at) VALUES "
        "('r1', 'm1', '2025-01-01T08:00:00+00:00', 'optical', '{\"1.8.0\":{\"value\":\"12.5\",\"unit\":\"kWh\"}}', "
        "'2025-01-01')"
    )
    conn.execute(
        "INSERT INTO outbox (op_id, entity, entity_id, action, payload, device_time) VALUES "
        "('op1', 'reading', 'r1', 'append', '{}', '2025-01-01')"
    )
    conn.execute("COMMIT")


def test_migrations_are_numbered_without_gaps():
    versions = [m.version for m in all_migrations()]
    assert versions == list(range(1, latest_version() + 1))
    assert latest_version() >= 2


@pytest.mark.parametrize("start", range(0, latest_version()))
def test_open_database_created_at_every_earlier_version(tmp_path: Path, start: int):
    path = tmp_path / "old.db"
    conn = connect(path, KEY)
    assert migrate(conn, target=start) == start
    if start >= 1:
        _seed_v1(conn)
    conn.close()

    store = Store(path, KEY)
    assert schema_version(store.conn) == latest_version()
    assert store.integrity_check() == "ok"
    if start >= 1:
        # data written by the old release is intact and usable by today's code
        assert customer_repo.by_code(store.conn, "PA23LN0000001").name == "Nguyễn Thị Hường"
        assert store.query("SELECT state FROM outbox WHERE op_id='op1'") == [("pending",)]
        # customers written before the search index existed are found by it (v2 rebuilds it)
        assert customer_repo.count(store.conn, CustomerQuery("huong")) == 1
        assert customer_repo.count(store.conn, CustomerQuery("0912")) == 1
    store.close()


def test_reopening_latest_is_a_no_op(tmp_path: Path):
    s = Store(tmp_path / "x.db", KEY)
    s.close()
    s2 = Store(tmp_path / "x.db", KEY)
    assert s2.version == latest_version()
    s2.close()


def test_database_from_a_newer_release_is_refused_clearly(tmp_path: Path):
    s = Store(tmp_path / "x.db", KEY)
    s.conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    s.close()
    with pytest.raises(StoreError, match="newer FieldKit"):
        Store(tmp_path / "x.db", KEY)


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from fieldkit.store import migrations

    real = migrations.all_migrations()

    def broken(conn) -> None:
        real[-1].migrate(conn)
        raise RuntimeError("disk full")

    patched = [*real[:-1], migrations.Migration(real[-1].version, real[-1].name, broken)]
    monkeypatch.setattr("fieldkit.store.database.all_migrations", lambda: patched)
    conn = connect(tmp_path / "y.db", os.urandom(32))
    with pytest.raises(RuntimeError):
        migrate(conn)
    assert schema_version(conn) == latest_version() - 1


@pytest.mark.parametrize("start", range(1, 6))
def test_readings_from_before_the_meter_memory_columns(tmp_path: Path, start: int):
    """m0006: readings written before have no event log or load profile (empty, not broken);
    new ones keep theirs."""
    from datetime import UTC, datetime
    from decimal import Decimal

    from fieldkit.domain.models import Reading, ReadingSource, RegisterValue
    from fieldkit.store import field_facts as facts_repo

    path = tmp_path / "old.db"
    conn = connect(path, KEY)
    assert migrate(conn, target=start) == start
    _seed_v1(conn)
    conn.close()
    store = Store(path, KEY)
    with store.read() as c:
        old = facts_repo.get_reading(c, "r1")
    assert old is not None and old.events == () and old.load_profile is None
    assert "events" not in facts_repo.reading_payload(old)
    new = Reading(id="r2", meter_id="m1", taken_at=datetime(2026, 12, 3, tzinfo=UTC), source=ReadingSource.OPTICAL,
                  registers={"1.8.0": RegisterValue(Decimal("1900"), "kWh")}, events=((1764748800, 40), (None, 1)),
                  load_profile={"start": 1764748800, "period": 900, "obis": "1.0.1.29.0.255", "unit": "Wh",
                                "values": [250, None]})
    with store.transaction() as tx:
        facts_repo.insert_reading(tx.conn, new, tx.now)
    with store.read() as c:
        assert facts_repo.get_reading(c, "r2") == new
        assert [r.id for r in facts_repo.readings_of_meter(c, "m1")] == ["r2", "r1"]
    store.close()
