"""A laptop pulling its team's feed with one bad change in it gets every other change, and its
cursor passes the bad one: the laptop's own sync engine (encrypted profile, real enrolment)
against the real server, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fieldkit.central import admin, feed, people
from fieldkit.central import schema as t
from fieldkit.central.db import Database, write_changes
from fieldkit.domain.ids import new_id
from fieldkit.domain.models import Role
from fieldkit.services import customers, sync
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.store.keyring import FAST_KDF

# Damaged changes: the server withholds the first ones (they are no JSON object a client can read);
# the last is valid JSON the laptop cannot use as a customer (no code, no name): the laptop skips it.
BAD_CHANGES = {
    "broken JSON": '{"code": "PA23LN',
    "lone surrogate and NaN": '{"name": "\\ud800", "x": NaN}',
    "NUL": '{"name": "a\\u0000b"}',
    "beyond 2^53": '{"households": 100000000000000000000}',
    "a customer without code or name": None,  # filled in below with the customer's own id
}


@pytest.fixture
def laptops(tmp_path: Path, db: Database, server: Any) -> Iterator[Any]:
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    admin.create_user(db, "mai", "Nguyễn Thị Mai", "technician", "T1")
    opened: list[sessions.Session] = []

    def make(name: str, username: str) -> sessions.Session:
        s = sessions.create(tmp_path / name, username=username, display_name=username.title(),
                            role=Role.TECHNICIAN, secret="246810", params=FAST_KDF)
        opened.append(s)
        sync.enrol(s, admin.enrol(db, "T1", name).code, server.url, user_code=people.issue_code(db, username))
        return s

    yield make
    for s in opened:
        s.close()


def test_a_laptop_gets_every_other_change_and_its_cursor_moves_past_the_bad_ones(laptops, db):
    a, b = laptops("a", "lan"), laptops("b", "mai")
    made = []
    with db.read() as conn:
        team = str(conn.execute(select(t.teams.c.id).where(t.teams.c.code == "T1")).scalar_one())
    bad_seqs = []
    for i, data in enumerate(BAD_CHANGES.values()):
        made.append(customers.create_customer(a, CustomerInput(code=f"PA23LN{i + 1:07d}", name=f"Khách {i}")))
        assert sync.sync_now(a).ok
        victim = new_id()
        with db.write() as (conn, _):  # a bad change right behind each good one, stored behind the server's back
            bad_seqs.append(write_changes(conn, [{
                "team_id": team, "entity": "customer", "entity_id": victim, "origin_device": None,
                "data": data if data is not None else json.dumps({"id": victim, "code": None, "name": None})}]))
    made.append(customers.create_customer(a, CustomerInput(code="PA23LN0000099", name="Khách cuối")))
    assert sync.sync_now(a).ok
    with db.read() as conn:
        head = feed.head(conn)

    report = sync.sync_now(b)
    assert report.ok, report
    assert [customers.get_customer(b, c.id) for c in made] == made  # every good change arrived
    cursor = int(b.store.get_meta("sync.cursor", "0") or 0)
    assert cursor >= max(bad_seqs) and cursor == head  # and the cursor is past every bad one
    assert sync.sync_now(b).ok and int(b.store.get_meta("sync.cursor", "0") or 0) == cursor  # nothing stalls
    with db.read() as conn:  # the server kept what it withheld, for an administrator
        quarantined = {int(r[0]) for r in conn.execute(select(t.quarantine.c.seq))}
    assert quarantined == set(bad_seqs[:-1])
