"""GET /v1/changes writes a page with orjson when no change holds a float: the same text as the
standard encoder (and so the same signature check), and a page with a float anywhere is still
written the standard way (orjson spells 1e-05 `0.00001`, the standard encoder `1e-05`). Both engines,
through the real server."""

from __future__ import annotations

import json

import requests
from sqlalchemy import insert
from test_push import customer_op, meter_op, reading_op

from fieldkit.central import schema as t
from fieldkit.central.db import dumps
from fieldkit.domain import signing
from fieldkit.domain.ids import new_id


def _get(world, nonce: str) -> requests.Response:
    d = world.devices["d1b"]
    r = d.http.get(world.url + "/v1/changes?since=0", headers={**d.as_user("lan", world.url), "X-FK-Nonce": nonce},
                   timeout=30)
    assert r.status_code == 200
    return r


def _page(world) -> tuple[bytes, dict]:
    r = _get(world, "feedtext1")
    return r.content, r.json()


def test_a_page_without_floats_is_the_standard_text_and_verifies(world, db):
    cid, mid = new_id(), new_id()
    r = world.call("POST", "/v1/push", "d1", "lan", json={"ops": [
        customer_op(cid, "PA23LN0000990"), meter_op(mid, cid), *[reading_op(mid, 30 + i) for i in range(12)]]})
    assert r.status_code == 200 and all(x["status"] == "applied" for x in r.json()["results"])
    body, page = _page(world)
    assert len(page["changes"]) >= 14
    assert body == dumps(json.loads(body)).encode("utf-8")
    from fieldkit.central.access import Access

    public = signing.public_text(Access(db).server_key())
    r = _get(world, "feedtext2")
    assert signing.verify(public, r.headers["X-FK-Signature"], signing.answer_message("feedtext2", r.content))


def test_a_page_with_a_float_goes_the_standard_way(world, db):
    with db.engine.begin() as conn:  # a change whose data holds a float (written here, as an older server might have)
        conn.execute(insert(t.changes).values(seq=1 << 30, team_id=None, entity="note", entity_id="n-float",
                                              origin_device=None, data='{"small":1e-05,"x":0.5}', at="x"))
    body, page = _page(world)
    assert [c["data"] for c in page["changes"] if c["id"] == "n-float"] == [{"small": 1e-05, "x": 0.5}]
    assert b'"small":1e-05' in body  # the standard encoder's spelling (orjson writes 0.00001)
    assert body == dumps(json.loads(body)).encode("utf-8")
