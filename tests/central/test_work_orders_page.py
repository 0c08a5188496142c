"""GET /v1/work-orders reads the facts of the whole page in one query (not one per work order) and
answers each work order's delivery exactly as its own GET /v1/work-orders/{id} does: delivered,
missing attachments, a damaged record (delivered false, withheld), a withheld work order whose
facts are not counted, another team's work orders and facts. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import event, insert

from fieldkit.central import admin
from fieldkit.central import schema as t
from fieldkit.central.db import utc_now
from fieldkit.central.withhold import HEADER

HAVE, LACK, OTHER = "a" * 64, "b" * 64, "c" * 64


def order(team_id: str, number: str, kind: str = "inspection") -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "number": number, "team_id": team_id, "assignee_id": None, "state": "assigned",
            "version": 1, "conflict": False, "updated_at": utc_now(),
            "data": json.dumps({"number": number, "kind": kind, "state": "assigned"})}


def fact(team_id: str, wid: str, data: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "entity": "install", "team_id": team_id, "work_order_id": wid, "op_id": None,
            "at": utc_now(), "data": data if isinstance(data, str) else json.dumps(data)}


def test_the_list_answers_every_delivery_as_the_single_work_order_does(world: Any) -> None:
    db = world.db
    t1, t2 = admin.team_id_of(db, "T1"), admin.team_id_of(db, "T2")
    delivered, missing, damaged, bare = (order(t1, f"WO-{i}") for i in range(4))
    withheld_wo = order(t1, "WO-bad", kind="teleport")  # damaged: left out of the list
    foreign = order(t2, "WO-T2")
    facts = [fact(t1, delivered["id"], {"photo_sha256": HAVE}),
             fact(t1, missing["id"], {"photo_sha256": HAVE}), fact(t1, missing["id"], {"capture_sha256": LACK}),
             fact(t1, damaged["id"], {"photo_sha256": HAVE}), fact(t1, damaged["id"], "{not json"),
             fact(t1, withheld_wo["id"], "{not json either"),  # not read: its work order is withheld
             fact(t2, foreign["id"], {"photo_sha256": OTHER})]
    many = [order(t1, f"WO-many-{i}") for i in range(300)]
    facts += [fact(t1, w["id"], {"photo_sha256": HAVE if i % 2 else f"{i:064x}"}) for i, w in enumerate(many)]
    with db.write() as (conn, _pending):
        conn.execute(insert(t.work_orders), [delivered, missing, damaged, bare, withheld_wo, foreign, *many])
        conn.execute(insert(t.facts), facts)
        conn.execute(insert(t.team_attachments), [{"sha256": sha, "size": 1, "mime": "image/jpeg", "kind": "photo",
                                              "team_id": team, "received": 1, "complete": True,
                                              "created_at": utc_now()} for sha, team in ((HAVE, t1), (OTHER, t2))])
    fact_queries: list[str] = []

    def count(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        if "FROM facts" in statement:
            fact_queries.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        r = world.call("GET", "/v1/work-orders", "d1", "hung")
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert r.status_code == 200
    assert len(fact_queries) == 1  # one query for the page's 305 work orders
    assert r.headers[HEADER] == "2"  # the damaged work order and the damaged fact; not the withheld order's fact
    got = {w["id"]: w for w in r.json()}
    assert set(got) == {w["id"] for w in (delivered, missing, damaged, bare, *many)}
    assert (got[delivered["id"]]["delivered"], got[delivered["id"]]["missing_attachments"]) == (True, [])
    assert (got[missing["id"]]["delivered"], got[missing["id"]]["missing_attachments"]) == (False, [LACK])
    assert (got[damaged["id"]]["delivered"], got[damaged["id"]]["missing_attachments"]) == (False, [])
    assert (got[bare["id"]]["delivered"], got[bare["id"]]["missing_attachments"]) == (True, [])
    for w in (delivered, missing, damaged, bare, *many[:20]):
        one = world.call("GET", f"/v1/work-orders/{w['id']}", "d1", "hung").json()
        listed = dict(got[w["id"]])
        one.pop("versions", None), listed.pop("versions", None)
        assert one == listed
    assert [got[w["id"]]["delivered"] for w in many[:4]] == [False, True, False, True]
