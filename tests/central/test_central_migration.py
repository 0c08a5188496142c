"""The central schema from before people's keys (version 1) opens and is upgraded: new tables, the
server's key made at first use, existing people and devices kept; their laptops must register keys."""

from __future__ import annotations

from sqlalchemy import inspect, select

from fieldkit.central import admin, people
from fieldkit.central import schema as t
from fieldkit.central.db import SCHEMA_VERSION, Database

NEW = ("user_keys", "user_codes", "op_batches", "op_proofs", "auth_challenges", "user_tokens", "server_keys",
       "schema_info")


def test_an_older_central_database_is_upgraded_in_place(db_url: str):
    old = Database(db_url)
    old.create_all()
    admin.create_team(old, "T1", "Đội Lý Nhân")
    admin.create_user(old, "lan", "Trần Thị Lan", "technician", "T1")
    e = admin.enrol(old, "T1", "laptop")
    assert admin.exchange_code(old, e.code, "laptop") is not None
    # Make it an older database: the tables of version 2 did not exist.
    for name in reversed(NEW):
        t.metadata.tables[name].drop(old.engine)
    assert not set(NEW) & set(inspect(old.engine).get_table_names())
    old.dispose()

    db = Database(db_url)
    db.create_all()
    db.create_all()  # twice: nothing changes the second time
    try:
        assert set(NEW) <= set(inspect(db.engine).get_table_names())
        with db.read() as conn:
            assert conn.execute(select(t.schema_info.c.value)).scalar_one() == SCHEMA_VERSION
            assert len(conn.execute(select(t.server_keys)).all()) == 0  # made, sealed, at first use
            assert conn.execute(select(t.users.c.username)).scalar_one() == "lan"
        first = people.server_key(db)
        assert first is not None
        with db.read() as conn:
            assert len(conn.execute(select(t.server_keys)).all()) == 1
        assert [u["keys"] for u in people.list_users(db)] == [0]  # lan's laptop registers her key next
        assert people.issue_code(db, "lan")
    finally:
        db.dispose()
