"""Many rows in one statement (fieldkit/central/bulk.py): on PostgreSQL each column travels as a
JSON array; what comes back is exactly what went in (awkward text, numbers, booleans, NULL, order),
and what the database cannot store is refused, never altered."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DataError, StatementError

from fieldkit.central import bulk
from fieldkit.central import schema as t
from fieldkit.central.db import Database

AWKWARD = ['plain', 'quote " and backslash \\ and slash /', '{"looks": ["like", "json"]}', "line\nbreak\ttab",
           "Tiếng Việt: Nguyễn Văn Bền ₫ 😀", "\u2028\u2029\ufeff", "", "null", "NULL", "'; DROP TABLE ops; --",
           "x" * 20_000, "\x01\x1f\x7f"]


def test_rows_come_back_exactly_as_they_went_in(db: Database) -> None:
    rows = [{"op_id": f"op-{i:04d}", "batch_id": i * 7, "position": -i} for i in range(1000)]
    texts = [{"at": "2026-12-01T00:00:00+00:00", "device_id": None, "user_id": None, "action": "append",
              "entity": "reading", "entity_id": f"e{i}", "op_id": None, "detail": text}
             for i, text in enumerate(AWKWARD)]
    with db.write() as (conn, _):
        bulk.insert_rows(conn, t.op_proofs, rows)
        bulk.insert_rows(conn, t.audit, texts)
        again = bulk.insert_rows(conn, t.op_proofs, rows[:10] + [{"op_id": "op-new", "batch_id": 1, "position": 2}],
                                 conflict="op_id", returning="op_id")
    assert again == ["op-new"]  # clashes skipped, only the inserted row returned
    with db.read() as conn:
        got = [tuple(r) for r in conn.execute(select(t.op_proofs.c.op_id, t.op_proofs.c.batch_id,
                                                     t.op_proofs.c.position).order_by(t.op_proofs.c.op_id))]
        details = [r[0] for r in conn.execute(select(t.audit.c.detail).where(t.audit.c.entity == "reading")
                                              .order_by(t.audit.c.seq))]
    assert got == [(r["op_id"], r["batch_id"], r["position"]) for r in rows] + [("op-new", 1, 2)]
    assert details == AWKWARD  # in order, byte for byte; None stayed NULL (device_id)


@pytest.mark.parametrize("bad", ["nul \x00 inside", "lone \ud800 surrogate"])
def test_text_the_database_cannot_store_is_refused_not_altered(db: Database, bad: str) -> None:
    row = {"at": "2026-12-01T00:00:00+00:00", "device_id": None, "user_id": None, "action": "append",
           "entity": "reading", "entity_id": "e", "op_id": None, "detail": bad}
    if db.is_sqlite:
        pytest.skip("SQLite stores any Python text")
    with pytest.raises((DataError, StatementError, UnicodeEncodeError)), db.write() as (conn, _):
        bulk.insert_rows(conn, t.audit, [row])
    with db.read() as conn:
        assert conn.execute(select(t.audit.c.detail).where(t.audit.c.entity == "reading")).first() is None
