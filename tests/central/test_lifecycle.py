"""The server's work-order life cycle (fieldkit/central/lifecycle.py on fieldkit/domain/lifecycle.py)
on the real server (loopback; SQLite and PostgreSQL): every illegal move refused with its own reason
code (never the generic `refused`), nothing written for a refusal, reassignment by the team's
supervisor only and to a technician (or trainer, for onboarding) of the team only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from test_authorization_matrix import Team1, one, op

from fieldkit.central import people
from fieldkit.central import schema as t
from fieldkit.domain import lifecycle as lc
from fieldkit.domain.ids import new_id
from fieldkit.domain.models import Role, WorkOrderKind, WorkOrderState
from fieldkit.domain.reasons import REASONS, problem


def state_of(m: Any, wid: str) -> dict[str, Any]:
    return m.world.call("GET", f"/v1/work-orders/{wid}", "d1", "hung").json()["data"]


def versions(db: Any, wid: str) -> int:
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.work_order_versions)
                                .where(t.work_order_versions.c.work_order_id == wid)).scalar_one())


def move(m: Any, user: str, wid: str, action: str, payload: dict[str, Any], base: int | None = None,
         device: str = "d1") -> dict[str, Any]:
    extra = {} if base is None else {"base_version": base}
    return one(m.push(device, user, [op("work_order", wid, action, {"id": wid} | payload, **extra)]))


def reading(m: Any, team1: Team1, wid: str | None) -> str:
    """A reading of team 1's meter, for the order `wid`; returns its id."""
    rid = new_id()
    res = one(m.push("d1", "lan", [op("reading", rid, "append", {
        "id": rid, "meter_id": team1.meter, "taken_at": "2026-12-03T08:00:00+07:00", "source": "optical",
        "work_order_id": wid, "registers": {"1.8.0": {"value": "5", "unit": "kWh"}}})]))
    assert res["status"] == "applied", res
    return rid


def refused(res: dict[str, Any], code: str) -> dict[str, Any]:
    assert res["status"] == "rejected" and res["code"] == code, res
    assert code in REASONS and problem(code, res["params"]).vi  # the laptop says it in Vietnamese
    return dict(res["params"])


def test_illegal_moves_are_refused_with_their_own_reason(matrix, db):
    m = matrix
    team1 = Team1(m)
    wid = team1.work_order("reading")
    # Approve / return an order nobody submitted.
    p = refused(move(m, "hung", wid, "approve", {"state": "approved"}, 1), "wo_transition")
    assert (p["state"], p["action"]) == ("assigned", "approve")
    assert "đã giao" in problem("wo_transition", p).vi and "duyệt" in problem("wo_transition", p).vi
    refused(move(m, "hung", wid, "return", {"state": "returned", "comment": "x"}, 1), "wo_transition")
    # "assigned" is nobody's target.
    refused(move(m, "lan", wid, "status", {"state": "assigned"}, 1), "wo_transition")
    # The operation must be the move's own: a "return" that names "approved".
    refused(move(m, "hung", wid, "return", {"state": "approved", "comment": "x"}, 1), "wo_wrong_operation")
    assert versions(db, wid) == 1 and state_of(m, wid)["state"] == "assigned"  # nothing written
    # Submitted (with its record): start is no longer possible, nor a second submission.
    # The submitted record must be this order's reading, of this team: another order's, an install,
    # or an unknown id answer as unknown (nothing written).
    other = team1.work_order("reading")
    for bad in (new_id(), reading(m, team1, other), reading(m, team1, None)):
        refused(move(m, "lan", wid, "status", {"state": "done", "record_id": bad}, 1), "unknown_record")
    assert versions(db, wid) == 1
    rec = reading(m, team1, wid)
    assert move(m, "lan", wid, "status", {"state": "done", "record_id": rec}, 1)["status"] == "applied"
    data = state_of(m, wid)
    assert data["state"] == "done" and data["submitted_record"] == rec and data["submitted_at"]
    refused(move(m, "lan", wid, "status", {"state": "in_progress"}, 2), "wo_transition")
    refused(move(m, "lan", wid, "status", {"state": "done"}, 2), "wo_transition")
    # Return needs its comment (spaces are not a comment).
    refused(move(m, "hung", wid, "return", {"state": "returned", "comment": "   "}, 2), "wo_comment_required")
    assert move(m, "hung", wid, "return", {"state": "returned", "comment": "Ảnh mờ, chụp lại"}, 2)["status"] == \
        "applied"
    data = state_of(m, wid)
    assert (data["state"], data["review_comment"], data["submitted_record"]) == ("returned", "Ảnh mờ, chụp lại", rec)
    # Returned: approve is refused; start and resubmit are the technician's.
    refused(move(m, "hung", wid, "approve", {"state": "approved"}, 3), "wo_transition")
    assert move(m, "lan", wid, "status", {"state": "in_progress"}, 3)["status"] == "applied"
    rec2 = reading(m, team1, wid)
    assert move(m, "lan", wid, "status", {"state": "done", "record_id": rec2}, 4)["status"] == "applied"
    assert move(m, "hung", wid, "approve", {"state": "approved"}, 5)["status"] == "applied"
    # Approved is final.
    for user, action, payload in (("lan", "status", {"state": "in_progress"}), ("lan", "status", {"state": "done"}),
                                  ("hung", "return", {"state": "returned", "comment": "x"}),
                                  ("hung", "approve", {"state": "approved"})):
        refused(move(m, user, wid, action, payload, 6), "wo_transition")
    assert versions(db, wid) == 6 and state_of(m, wid)["submitted_record"] == rec2
    # Roles: a trainer moves onboarding orders only; a technician never approves.
    refused(move(m, "thu", team1.work_order("inspection"), "status", {"state": "in_progress"}, 1), "role_forbidden")
    onboarding = team1.work_order("onboarding")
    assert move(m, "thu", onboarding, "status", {"state": "in_progress"}, 1)["status"] == "applied"
    refused(move(m, "lan", team1.work_order(done=True), "approve", {"state": "approved"}, 2), "role_forbidden")
    # Another team's supervisor learns nothing of team 1's order.
    refused(move(m, "tuan", team1.work_order(done=True), "approve", {"state": "approved"}, 2, device="d2"),
            "unknown_record")


def test_reassign_supervisor_only_to_a_worker_of_the_team(matrix, db):
    m = matrix
    users = m.world.users
    team1 = Team1(m)
    wid = team1.work_order("inspection")
    # The team's supervisor gives it to Lan: applied, a new version, the assignee in the record and its column.
    res = move(m, "hung", wid, "reassign", {"assignee_id": users["lan"]}, 1)
    assert res["status"] == "applied" and res["version"] == 2
    assert state_of(m, wid)["assignee_id"] == users["lan"] and state_of(m, wid)["state"] == "assigned"
    with db.read() as conn:
        assert conn.execute(select(t.work_orders.c.assignee_id).where(t.work_orders.c.id == wid)).scalar_one() == \
            users["lan"]
    # A technician may not reassign (not even to herself).
    refused(move(m, "lan", wid, "reassign", {"assignee_id": users["lan"]}, 2), "role_forbidden")
    # Not to another team's technician, not to a supervisor, not to someone unknown: the same answer.
    for who in (users["minh"], users["vy"], new_id()):
        refused(move(m, "hung", wid, "reassign", {"assignee_id": who}, 2), "wo_assignee")
    # Not to a person removed from the team.
    people.remove(db, "old")
    refused(move(m, "hung", wid, "reassign", {"assignee_id": users["old"]}, 2), "wo_assignee")
    # A trainer does onboarding only.
    p = refused(move(m, "hung", wid, "reassign", {"assignee_id": users["thu"]}, 2), "wo_assignee_kind")
    assert (p["role"], p["kind"]) == ("trainer", "inspection")
    onboarding = team1.work_order("onboarding")
    assert move(m, "hung", onboarding, "reassign", {"assignee_id": users["thu"]}, 1)["status"] == "applied"
    # Another team's supervisor: the order is unknown to them.
    refused(move(m, "tuan", wid, "reassign", {"assignee_id": users["minh"]}, 2, device="d2"), "unknown_record")
    # Only open orders move to someone else.
    done = team1.work_order(done=True)
    refused(move(m, "hung", done, "reassign", {"assignee_id": users["lan"]}, 2), "wo_transition")
    # A malformed reassignment is refused by the schema before anything else.
    refused(move(m, "hung", wid, "reassign", {"assignee_id": users["old"], "state": "approved"}, 2), "field_unknown")
    refused(move(m, "hung", wid, "reassign", {}, 2), "field_missing")
    assert versions(db, wid) == 2  # only the one applied reassignment
    # Reassigned on an older version: applied, and flagged for the supervisor as a conflict.
    res = move(m, "hung", wid, "reassign", {"assignee_id": users["lan"]}, 1)
    assert res["status"] == "conflict" and state_of(m, wid)["assignee_id"] == users["lan"]


def test_the_table_is_the_same_on_both_sides():
    """Every kind has its completing record and workers; every move has its operation, which the
    server's schema and authorization matrix know."""
    from fieldkit.central import signatures, validate

    assert set(lc.KINDS) == set(WorkOrderKind)
    for move_ in lc.MOVES:
        assert ("work_order", move_.operation) in validate.SCHEMAS
        assert ("work_order", move_.operation) in signatures.MATRIX
        if move_.by_supervisor:
            assert signatures.MATRIX[("work_order", move_.operation)] == frozenset({"supervisor"})
    assert lc.actions(WorkOrderKind.ONBOARDING, WorkOrderState.RETURNED, Role.TRAINER) == [
        lc.Action.START, lc.Action.SUBMIT]
    assert lc.actions(WorkOrderKind.READING, WorkOrderState.RETURNED, Role.TRAINER) == []
    assert lc.actions(WorkOrderKind.READING, WorkOrderState.DONE, Role.SUPERVISOR) == [
        lc.Action.APPROVE, lc.Action.RETURN]
    assert lc.kinds_completed_by("reading") == (WorkOrderKind.READING, WorkOrderKind.INSPECTION)
