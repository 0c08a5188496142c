"""signatures.check reads the device's key and every author with their key in one query (it was
three round trips a push, each waiting on a loaded database), and answers exactly as the look-ups
one by one did: unknown, removed, other team's and keyless authors, odd names, many names."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from fieldkit.central import admin, people, signatures
from fieldkit.central.db import Database
from fieldkit.domain import signing
from fieldkit.domain.ids import new_id


def _setup(db: Database) -> tuple[str, str, dict[str, Any]]:
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_team(db, "T2", "Đội Kim Bảng", "PA23KB")
    for name, team in (("lan", "T1"), ("hung", "T1"), ("old", "T1"), ("nokey", "T1"), ("elsewhere", "T1"),
                       ("minh", "T2"), ("Lan", "T1")):
        admin.create_user(db, name, name.title(), "technician", team)
    team = admin.team_id_of(db, "T1")
    devices = []
    for name in ("d1", "d2"):
        e = admin.enrol(db, "T1", name)
        got = admin.exchange_code(db, e.code, name, device_key=f"key-of-{name}")
        assert got is not None
        devices.append(got[0])
    keys: dict[str, Any] = {}
    for name, device in (("lan", devices[0]), ("hung", devices[0]), ("old", devices[0]), ("elsewhere", devices[1]),
                         ("Lan", devices[0])):
        key = signing.new_private_key()
        public = signing.public_text(key)
        people.register_key(db, device, team, name, people.issue_code(db, name), public,
                            signing.sign(key, signing.register_message(_dkey(db, device), name, public)))
        keys[name] = key
    people.remove(db, "old")
    return devices[0], team, keys


def _dkey(db: Database, device_id: str) -> str:
    with db.read() as conn:
        return people.device_key(conn, device_id)


def _one_by_one(conn: Any, device_id: str, team_id: str, name: str) -> Any:
    try:
        p = people.member(conn, name, team_id)
    except people.PeopleError as exc:
        return (exc.code, str(exc))
    return (p, people.public_key(conn, p.user_id, device_id))


NAMES = ["lan", "hung", "old", "nokey", "elsewhere", "minh", "nobody", "Lan", "LAN", "lan ", "x" * 129,
         "ngọc", "a\x00b", "lan\ud800"]


def test_one_query_answers_as_the_look_ups_one_by_one(db):
    device, team, _ = _setup(db)
    with db.read() as conn:
        dkey, members, keys = _by_id(conn, device, team, set(NAMES))
        assert dkey == people.device_key(conn, device) == "key-of-d1"
        for name in NAMES:
            if name not in members:  # left to the look-up one by one
                assert len(name) > 128 or "\x00" in name or "\ud800" in name, name
                continue
            got = members[name]
            expected = _one_by_one(conn, device, team, name)
            if isinstance(got, signatures.Refusal):
                assert (got.code, got.reason) == expected, name
            else:
                assert (got, keys[got.user_id]) == expected, name
        assert isinstance(members["lan"], people.Person) and keys[members["lan"].user_id] is not None
        assert members["nokey"] == expected_person(conn, "nokey") and keys[members["nokey"].user_id] is None
        assert keys[members["elsewhere"].user_id] is None  # a key on another laptop is no key here
        codes = {n: m.code for n, m in members.items() if isinstance(m, signatures.Refusal)}
        assert codes == {"old": people.USER_REMOVED, "minh": people.WRONG_TEAM, "nobody": people.UNKNOWN_USER,
                         "LAN": people.UNKNOWN_USER, "lan ": people.UNKNOWN_USER,
                         "ngọc": people.UNKNOWN_USER}
        # no names, or more than MAX_NAMES: the device key still comes, the rest one by one
        assert _by_id(conn, device, team, set()) == ("key-of-d1", {}, {})
        many = {f"u{i:03d}" for i in range(signatures.MAX_NAMES + 20)} | {"lan"}
        _, members, _ = _by_id(conn, device, team, many)
        assert len(members) == signatures.MAX_NAMES
        # a device without a row (cannot pass the token check): the device id, as before
        other = new_id()
        assert _by_id(conn, other, team, {"lan"}) == (other, {}, {})


def _by_id(conn: Any, device: str, team: str, names: set[str]) -> tuple[Any, ...]:
    """The look-up check() makes (a device without a row: its key one by one, as before)."""
    found = signatures._look_up(conn, "id", device, team, names)
    return (people.device_key(conn, device), {}, {}) if found is None else found[2:]


def expected_person(conn: Any, name: str) -> people.Person | None:
    return people.person(conn, username=name)


def test_a_signed_batch_costs_one_look_up_query_and_checks_as_before(db):
    device, team, keys = _setup(db)
    dkey = _dkey(db, device)
    rid = new_id()
    ops: list[Any] = [{"op_id": new_id(), "entity": "reading", "entity_id": rid, "action": "append",
                       "payload": {"id": rid}, "actor": "lan"} for _ in range(5)]
    ops += [{"op_id": new_id(), "entity": "x", "entity_id": "y", "action": "z", "payload": {}, "actor": a}
            for a in ("old", "nokey", "nobody", "lan\ud800", "a\x00b")]
    ops += [5, {"op_id": new_id()}]
    digests = [signatures.op_digest(op, dkey) for op in ops[:5]]
    sigs = [{"actor": "lan", "sig": signing.sign(keys["lan"], signing.batch_message(dkey, "lan", digests))}]
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.read() as conn:
            statements.clear()
            checked = signatures.check(conn, device, team, ops[:5], sigs)
            assert len(statements) == 1, statements
            assert all(isinstance(a, people.Person) and a.username == "lan" for a in checked.authors)
            checked = signatures.check(conn, device, team, ops, sigs)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    codes = [a.code if isinstance(a, signatures.Refusal) else "ok" for a in checked.authors]
    # a name no database can hold (NUL) is an unknown user, without asking the database (PostgreSQL refused it)
    assert codes == ["ok"] * 5 + [people.USER_REMOVED, people.NO_KEY, people.UNKNOWN_USER, "invalid_author",
                                  people.UNKNOWN_USER, people.UNSIGNED, people.UNSIGNED]
    assert len(checked.groups) == 1 and checked.groups[0].indices == [0, 1, 2, 3, 4]
