from __future__ import annotations

import os
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from fieldkit.domain.models import Address, ReadingSource, RegisterValue, WorkOrderKind
from fieldkit.services import customers, field_facts, meters, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.store.database import DatabaseError, Store, StoreError
from fieldkit.store.migrations import latest_version


def _customer(session, code="PA23VG0053140", name="Nguyễn Văn An", phone="0912345678"):
    return customers.create_customer(session, CustomerInput(
        code=code, name=name, phone=phone,
        address=Address(province_code=37, province="Ninh Bình", street="Xóm 3"),
    ))


def test_pragmas_and_version(session):
    conn = session.store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert session.store.version == latest_version()


def test_change_writes_row_outbox_and_audit_together(session):
    c = _customer(session)
    outbox = session.store.query("SELECT entity, entity_id, action, op_id FROM outbox")
    audit = session.store.query("SELECT entity, entity_id, action, op_id FROM audit WHERE entity='customer'")
    assert outbox == [("customer", c.id, "create", outbox[0][3])]
    assert audit == outbox


def test_failed_transaction_leaves_nothing(session):
    before = session.store.query("SELECT count(*) FROM outbox")[0][0]
    with pytest.raises(RuntimeError), session.store.transaction("x") as tx:
        tx.change("customer", "id-1", "create", {"a": 1})
        raise RuntimeError("power cut")
    assert session.store.query("SELECT count(*) FROM outbox")[0][0] == before
    assert session.store.query("SELECT count(*) FROM audit WHERE entity_id='id-1'")[0][0] == 0


def test_field_facts_are_append_only(session):
    c = _customer(session)
    m = meters.register_meter(session, serial="VSE11-000123", customer_id=c.id)
    r = field_facts.record_reading(session, meter_id=m.id, source=ReadingSource.OPTICAL,
                                   registers={"1.8.0": RegisterValue(Decimal("1234.5"), "kWh")})
    with pytest.raises(DatabaseError, match="append-only"), session.store.transaction() as tx:
        tx.conn.execute("UPDATE readings SET registers='{}' WHERE id=?", (r.id,))
    with pytest.raises(DatabaseError, match="append-only"), session.store.transaction() as tx:
        tx.conn.execute("DELETE FROM readings WHERE id=?", (r.id,))
    fix = field_facts.record_reading(session, meter_id=m.id, source=ReadingSource.OPTICAL, supersedes=r.id,
                                     registers={"1.8.0": RegisterValue(Decimal("1235.5"), "kWh")})
    current = field_facts.readings_of_meter(session, m.id)
    assert [x.id for x in current] == [fix.id]
    assert current[0].registers["1.8.0"].value == Decimal("1235.5")
    # history is kept
    assert session.store.query("SELECT count(*) FROM readings")[0][0] == 2


def test_database_is_encrypted_at_rest(session, profile_dir: Path):
    _customer(session, name="Hoàng Thị Mến")
    session.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = (profile_dir / "fieldkit.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "Mến".encode() not in raw and b"PA23VG0053140" not in raw
    plain = sqlite3.connect(profile_dir / "fieldkit.db")
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM customers").fetchall()


def test_wrong_key_gives_clear_error(session, profile_dir: Path):
    session.close()
    with pytest.raises(StoreError, match="wrong key"):
        Store(profile_dir / "fieldkit.db", os.urandom(32))


def test_attachments_encrypted_and_content_addressed(session, profile_dir: Path):
    photo = b"\xff\xd8\xff" + "ảnh công tơ".encode() * 100
    sha = field_facts.store_attachment(session, photo, "image/jpeg", "photo")
    again = field_facts.store_attachment(session, photo, "image/jpeg", "photo")
    assert sha == again
    on_disk = session.attachments.path_for(sha).read_bytes()
    assert "ảnh công tơ".encode() not in on_disk
    assert session.attachments.get(sha) == photo
    # one attachment row and one outbox entry, not two
    assert session.store.query("SELECT count(*) FROM outbox WHERE entity='attachment'")[0][0] == 1


def test_work_order_review_flow(session, supervisor):
    c = _customer(session)
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.READING, customer_id=c.id, due_date=None)
    work_orders.submit_work_order(session, wo.id)
    with pytest.raises(Exception, match="role"):
        work_orders.review_work_order(session, wo.id, approve=True)
    with pytest.raises(Exception, match="say what needs fixing"):
        work_orders.review_work_order(supervisor, wo.id, approve=False, comment="  ")
    returned = work_orders.review_work_order(supervisor, wo.id, approve=False, comment="Thiếu ảnh niêm chì")
    assert returned.state.value == "returned" and returned.review_comment == "Thiếu ảnh niêm chì"
    ops = session.store.query("SELECT action, base_version FROM outbox WHERE entity='work_order' ORDER BY seq")
    assert ops == [("create", None), ("status", 1), ("return", 2)]
