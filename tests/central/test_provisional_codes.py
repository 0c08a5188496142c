"""A household onboarded before it is a customer carries the provisional code its laptop derives
from its id (domain/codes.provisional_code). The server takes it from a team of any unit, and
still refuses another unit's code, a provisional-looking code that is not the one derived from
the id, and a provisional code of another prefix."""

from __future__ import annotations

from test_push import customer_op

from fieldkit.domain import codes
from fieldkit.domain.ids import new_id


def _create(world, cid: str, code: str) -> dict:
    r = world.call("POST", "/v1/push", "d1", "lan", json={"ops": [customer_op(cid, code)]})
    assert r.status_code == 200, r.text
    return r.json()["results"][0]


def test_a_provisional_code_is_taken_from_a_team_of_any_unit(world):
    cid = new_id()
    code = codes.provisional_code(codes.DEFAULT_PROVISIONAL_UNIT, cid)
    assert not code.startswith("PA23LN")  # team T1's unit
    assert _create(world, cid, code)["status"] == "applied"


def test_codes_of_another_unit_stay_refused(world):
    cid = new_id()
    other = codes.provisional_code(codes.DEFAULT_PROVISIONAL_UNIT, new_id())  # derived from another id
    wrong_prefix = codes.provisional_code("PA23KB", cid)  # the digits fit, the unit is T2's
    for code in (other, wrong_prefix, "PA23KB0000001"):
        got = _create(world, cid, code)
        assert got["status"] == "rejected" and got["code"] == "code_other_unit", (code, got)
