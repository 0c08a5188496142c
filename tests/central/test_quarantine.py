"""One bad record never stops a feed: records stored behind the server's back (direct SQL)
that cannot be served are skipped with a logged error, quarantined, listed and removed by
`fieldkit central quarantine`, while every other record keeps flowing."""

from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import select

from fieldkit.central import schema as t
from fieldkit.central.db import write_changes
from fieldkit.domain.ids import new_id

BAD = {
    "nested 900 deep": '{"registers": ' + '{"x": ' * 900 + "1" + "}" * 900 + "}",
    "not JSON": "{not json",
    "NaN": '{"households": NaN}',
    "lone surrogate": '{"name": "\\ud800"}',
    "not an object": "[1, 2]",
}


def team_id(world, code: str) -> str:
    with world.db.read() as conn:
        return str(conn.execute(select(t.teams.c.id).where(t.teams.c.code == code)).scalar_one())


def store_behind_the_back(world, team: str, data: str, entity: str = "reading") -> int:
    with world.db.write() as (conn, _):
        return write_changes(conn, [{"team_id": team, "entity": entity, "entity_id": new_id(),
                                     "origin_device": None, "data": data}])


def push_customer(world, device: str, user: str, code: str) -> None:
    cid = new_id()
    r = world.call("POST", "/v1/push", device, user, json={"ops": [{
        "op_id": new_id(), "entity": "customer", "entity_id": cid, "action": "create",
        "payload": {"id": cid, "code": code, "name": "Khách " + code[-3:]}}]})
    assert r.json()["results"][0]["status"] == "applied", r.text


def cli(world, db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    return subprocess.run([sys.executable, "-m", "fieldkit", "central", "quarantine", "--db", db_url, *args],
                           capture_output=True, text=True, timeout=120, env=env)


def test_bad_records_are_skipped_quarantined_listed_and_removed(world, db_url, caplog):
    t1, t2 = team_id(world, "T1"), team_id(world, "T2")
    push_customer(world, "d1", "lan", "PA23LN0000101")
    bad_seqs = {name: store_behind_the_back(world, t1, data) for name, data in BAD.items()}
    push_customer(world, "d1", "lan", "PA23LN0000102")
    hidden = store_behind_the_back(world, t2, BAD["NaN"])  # never pulled: only the scan finds it

    # The team's other device pulls in small pages: the feed flows past every bad record.
    codes, since = [], 0
    with caplog.at_level("ERROR", logger="fieldkit.central.quarantine"):
        while True:
            r = world.call("GET", "/v1/changes", "d1b", "hung", params={"since": since, "limit": 2})
            assert r.status_code == 200, r.text[:300]
            body = r.json()
            codes += [c["data"]["code"] for c in body["changes"] if c["entity"] == "customer"]
            assert not {c["seq"] for c in body["changes"]} & set(bad_seqs.values())
            since = body["next"]
            if not body["more"]:
                break
    assert codes == ["PA23LN0000101", "PA23LN0000102"]
    assert sum("cannot be served" in r.getMessage() for r in caplog.records) == len(BAD)
    assert world.call("GET", "/v1/changes", "d1", "lan").status_code == 200  # and for the device that wrote

    with world.db.read() as conn:
        quarantined = {int(r[0]) for r in conn.execute(select(t.quarantine.c.seq))}
    assert quarantined == set(bad_seqs.values())

    listed = cli(world, db_url, "list")
    assert listed.returncode == 0, listed.stderr
    for seq in [*bad_seqs.values(), hidden]:
        assert f"\n{seq} " in "\n" + listed.stdout, listed.stdout
    assert f"{len(BAD) + 1} record(s) in quarantine" in listed.stdout

    removed = cli(world, db_url, "remove", str(bad_seqs["nested 900 deep"]))
    assert removed.returncode == 0 and "removed" in removed.stdout, removed.stderr
    again = cli(world, db_url, "remove", str(bad_seqs["nested 900 deep"]))
    assert again.returncode == 1
    with world.db.read() as conn:
        assert conn.execute(select(t.changes.c.seq).where(t.changes.c.seq == bad_seqs["nested 900 deep"])).first() \
            is None
    after = cli(world, db_url, "list")
    assert f"{len(BAD)} record(s) in quarantine" in after.stdout
    assert f"\n{bad_seqs['nested 900 deep']} " not in "\n" + after.stdout

    # Other records keep flowing after the removal, to every device of the team.
    push_customer(world, "d1", "lan", "PA23LN0000103")
    r = world.call("GET", "/v1/changes", "d1b", "hung", params={"since": since})
    assert [c["data"]["code"] for c in r.json()["changes"]] == ["PA23LN0000103"]
