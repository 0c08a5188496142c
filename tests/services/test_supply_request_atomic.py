"""The new-supply request and the applicant's signature are one transaction: a failure injected
where the signature is written, or the process killed (SIGKILL) right there, leaves nothing
half-written (no unsigned request, no work order, no outbox entry, the household count unchanged)
and loses nothing (saving again gives one signed record, with every outbox entry and audit line)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldkit.domain import onboarding as flow
from fieldkit.services import documents as docs
from fieldkit.services import draft_files
from fieldkit.services import onboarding as ob
from fieldkit.services import session as sessions
from fieldkit.store import field_facts as facts_repo

ROOT = Path(__file__).resolve().parents[2]
ANSWER = flow.NewSupplyAnswer(documents=("id_document", "address_proof", "household_authorisation"), households=2, street="Xóm 3",
                              commune_code=14464)
STROKES = [[(0.1, 0.5), (0.5, 0.2), (0.9, 0.6)]]


def _household(session: Any) -> str:
    f = ob.start_new_household(session, ob.HouseholdInput(
        name="Phạm Thị Hằng", phone="0987111222", street="Xóm 3", province_code=37, commune_code=14464,
        existing_customer=False))
    return str(f.customer.id)


def _state(session: Any, cid: str) -> dict[str, Any]:
    q = session.store.query
    return {
        "requests": q("SELECT count(*) FROM onboarding_steps WHERE customer_id = ? AND step = ?",
                      (cid, flow.NEW_SUPPLY))[0][0],
        "orders": q("SELECT count(*) FROM work_orders WHERE customer_id = ? AND kind = 'new_supply'", (cid,))[0][0],
        "outbox": q("SELECT count(*) FROM outbox")[0][0],
        "audit": q("SELECT count(*) FROM audit")[0][0],
        "signatures": q("SELECT count(*) FROM attachments WHERE kind = 'signature'")[0][0],
        "households": q("SELECT households FROM customers WHERE id = ?", (cid,))[0][0],
    }


def _check_saved_once(session: Any, cid: str, before: dict[str, Any]) -> None:
    after = _state(session, cid)
    assert (after["requests"], after["orders"], after["signatures"], after["households"]) == (1, 1, 1, 2)
    request = ob.load_flow(session, cid).records[flow.NEW_SUPPLY]
    assert request.supersedes is None  # one record, signed from the start
    assert request.data["signer"] == "Phạm Thị Hằng" and request.data["attachments"] == [
        request.data["signature_sha256"]]
    assert session.attachments.has(request.data["signature_sha256"])
    entities = [r[0] for r in session.store.query("SELECT entity FROM outbox ORDER BY seq")][before["outbox"]:]
    assert sorted(entities) == ["attachment", "customer", "onboarding_step", "work_order"]
    assert after["audit"] - before["audit"] >= 4  # every change its audit line
    ops = {r[0] for r in session.store.query("SELECT op_id FROM audit WHERE op_id IS NOT NULL")}
    assert {r[0] for r in session.store.query("SELECT op_id FROM outbox")} <= ops


def test_a_failure_while_writing_the_signature_leaves_nothing_half_written(session, monkeypatch):
    cid = _household(session)
    before = _state(session, cid)
    real = facts_repo.insert_attachment

    def failing(conn: Any, attachment: Any, now: str) -> bool:
        if attachment.kind == "signature":
            raise OSError(28, "No space left on device")
        return real(conn, attachment, now)

    monkeypatch.setattr(facts_repo, "insert_attachment", failing)
    with pytest.raises(OSError):
        docs.save_supply_request(session, cid, ANSWER, "Phạm Thị Hằng", STROKES)
    assert _state(session, cid) == before  # nothing: no unsigned request, no order, no outbox entry
    assert flow.NEW_SUPPLY not in ob.load_flow(session, cid).answers
    # the signature's file, put before the transaction, is not left behind for ever
    [(sha,)] = session.store.query("SELECT sha256 FROM draft_files")
    assert session.attachments.has(sha) and draft_files.clean(session, grace_s=0).removed == 1
    monkeypatch.setattr(facts_repo, "insert_attachment", real)
    docs.save_supply_request(session, cid, ANSWER, "Phạm Thị Hằng", STROKES)  # saved again: all of it
    _check_saved_once(session, cid, before)
    assert draft_files.clean(session, grace_s=0).removed == 0  # the record's signature is never cleaned


def test_killed_between_the_request_and_its_signature_leaves_nothing_half_written(session, profile_dir):
    cid = _household(session)
    before = _state(session, cid)
    session.close()
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("supply_request_crasher.py")),
                           str(profile_dir), cid], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    s = sessions.login(profile_dir, "lan", "246810")
    try:
        assert s.store.integrity_check() == "ok"
        assert _state(s, cid) == before
        docs.save_supply_request(s, cid, ANSWER, "Phạm Thị Hằng", STROKES)
        _check_saved_once(s, cid, before)
    finally:
        s.close()


def test_without_ink_the_request_is_saved_unsigned_in_one_transaction(session):
    cid = _household(session)
    f = docs.save_supply_request(session, cid, ANSWER, "Phạm Thị Hằng", [])
    assert "signature_sha256" not in f.answers[flow.NEW_SUPPLY] and _state(session, cid)["signatures"] == 0
