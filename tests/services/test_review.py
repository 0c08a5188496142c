"""The review service: queue filters, overdue, details with evidence, decisions in the outbox, sync issues."""

from __future__ import annotations

import json
from datetime import date

import pytest
from test_reports import COMMUNE_B, TODAY, at, build_world

from fieldkit.domain.models import WorkOrderState
from fieldkit.domain.problems import ValidationError
from fieldkit.services import review
from fieldkit.services.review import ReviewFilter


@pytest.fixture
def world(session, monkeypatch):
    return build_world(session, monkeypatch)


def test_only_a_supervisor_sees_the_queue(session, world):
    with pytest.raises(ValidationError) as e:
        review.review_queue(session)
    assert "Vai trò" in e.value.messages("vi")[0]


def test_queue_filters_by_status_technician_commune_and_due_date(supervisor, session, world):
    waiting = review.review_queue(supervisor, ReviewFilter(), today=TODAY)
    # wo5 (due 20/2), wo1 (5/3), wo2 (10/3), wo3 (20/3) are submitted; all past due on 10/4 -> overdue
    assert [r.number for r in waiting] == ["WO-WO5", "WO-WO1", "WO-WO2", "WO-WO3"]
    assert all(r.overdue and r.state is WorkOrderState.DONE for r in waiting)
    assert waiting[0].technician == "Trần Thị Lan" and waiting[0].customer_name == "Phạm Thị Ánh"
    assert review.review_queue(supervisor, ReviewFilter(commune_code=COMMUNE_B[0]), today=TODAY)[0].number == "WO-WO3"
    assert [r.number for r in review.review_queue(
        supervisor, ReviewFilter(due_from=date(2026, 3, 6), due_to=date(2026, 3, 31)), today=TODAY)] == \
        ["WO-WO2", "WO-WO3"]
    everything = review.review_queue(supervisor, ReviewFilter(status="all"), today=date(2026, 3, 15))
    assert {r.number: r.overdue for r in everything} == {
        "WO-WO5": True, "WO-WO1": True, "WO-WO2": True, "WO-WO3": False, "WO-WO4": False, "WO-WO6": False}
    assert [r.number for r in review.review_queue(supervisor, ReviewFilter(status="open", overdue_only=True),
                                                  today=TODAY)] == ["WO-WO4"]
    assert review.review_queue(supervisor, ReviewFilter(technician_id="someone-else"), today=TODAY) == []
    choices = review.filter_choices(supervisor)
    assert [c.label for c in choices.technicians] == ["Trần Thị Lan"]
    assert [c.label for c in choices.communes] == ["Phường Thuỷ Nguyên", "Xã Gia Viễn"]
    # every row waits to sync: nothing was pushed in this test
    assert all(r.waiting_to_sync > 0 for r in waiting) and not any(r.flagged for r in waiting)


def test_detail_has_readings_capture_photos_and_history(supervisor, world):
    d = review.review_detail(supervisor, world.orders["wo2"], today=TODAY)
    assert d.customer is not None and d.customer.name == "Trần Thị Hường" and d.overdue
    # the typo and its correction are both shown (append-only); the correction is flagged "zero"
    # (a2 had one earlier reading only: no interval to call 5000 "high")
    assert [(str(v.reading.registers["1.8.0"].value), v.flag, v.superseded) for v in d.readings] == [
        ("5000", None, True), ("500", "zero", False)]
    assert d.readings[1].consumption == 0
    assert [i.installed_meter_serial for i in d.installs] == ["CE18-NEW-1", "CE18-NEW-2"]
    kinds = sorted(a.kind for a in d.photos)
    assert kinds == ["photo", "signature"] and all(a.present for a in d.photos)
    assert review.attachment_bytes(supervisor, d.photos[0].sha256).startswith(b"\x89PNG")
    text = review.capture_text(supervisor, d.captures[0].sha256)
    assert "máy tính -> công tơ (tx)" in text and "/?!<CR><LF>" in text and "2f 3f 21 0d 0a" in text
    assert "<STX>1.8.0(5000*kWh)" in text and "tốc độ -> 9600 baud" in text
    assert "laptop -> meter (tx)" in review.capture_text(supervisor, d.captures[0].sha256, "en")
    assert [h.detail for h in d.history] == ["", "assigned->done"] and d.history[1].who == "Trần Thị Lan"


def test_missing_attachment_is_a_clear_problem(supervisor):
    with pytest.raises(ValidationError) as e:
        review.attachment_bytes(supervisor, "ab" * 32)
    assert "chưa có trên máy" in e.value.messages("vi")[0] and "not on this laptop" in e.value.messages("en")[0]
    assert review.render_capture(b"\x02junk\x03").startswith("(không phải bản ghi của FieldKit")
    assert review.render_capture(b"\x02junk\x03", "en").startswith("(not a FieldKit capture")


def test_approve_and_return_go_to_the_outbox_and_return_needs_a_comment(supervisor, world, monkeypatch):
    at(monkeypatch, "2026-04-10")
    with pytest.raises(ValidationError) as e:
        review.send_back(supervisor, world.orders["wo2"], "   ")
    assert e.value.for_field("comment")
    assert review.pending_review_ops(supervisor, world.orders["wo2"]) == []  # nothing written
    review.approve(supervisor, world.orders["wo1"])
    review.send_back(supervisor, world.orders["wo2"], "Thiếu ảnh niêm phong hộp công tơ")
    assert review.pending_review_ops(supervisor, world.orders["wo1"]) == [{
        "action": "approve", "state": "pending", "base_version": 2,
        "payload": {"id": world.orders["wo1"], "state": "approved", "comment": ""}}]
    ret = review.pending_review_ops(supervisor, world.orders["wo2"])[0]
    assert ret["action"] == "return" and ret["payload"]["comment"] == "Thiếu ảnh niêm phong hộp công tơ"
    returned = review.review_queue(supervisor, ReviewFilter(status="returned"), today=TODAY)
    assert [r.number for r in returned] == ["WO-WO2"]
    with pytest.raises(ValidationError):  # already approved: cannot approve again
        review.approve(supervisor, world.orders["wo1"])


def test_conflicts_and_refusals_from_the_server_are_shown(supervisor, world):
    """Simulate what the sync client writes after a push: one op kept with a conflict, one quarantined."""
    wo2, wo3 = world.orders["wo2"], world.orders["wo3"]
    conflict = {"status": "conflict", "version": 4, "conflict": 7,
                "reason": "state change done made on version 1, server had 2 (returned)"}
    with supervisor.store.transaction() as tx:
        tx.conn.execute("UPDATE outbox SET state = 'sent', result = ?, last_error = ? WHERE entity = 'work_order' "
                        "AND entity_id = ? AND action = 'status'", (json.dumps(conflict), conflict["reason"], wo2))
        tx.conn.execute("UPDATE outbox SET state = 'quarantined', result = ?, last_error = ? "
                        "WHERE entity = 'install' AND json_extract(payload, '$.work_order_id') = ?",
                        (json.dumps({"status": "rejected", "reason": "unknown work order"}), "unknown work order",
                         wo3))
    rows = {r.number: r for r in review.review_queue(supervisor, today=TODAY)}
    assert rows["WO-WO2"].flagged and rows["WO-WO3"].flagged and not rows["WO-WO1"].flagged
    d2 = review.review_detail(supervisor, wo2)
    assert [(i.kind, i.entity, i.answer.get("conflict")) for i in d2.issues] == [("conflict", "work_order", 7)]
    assert d2.issues[0].sent["state"] == "done" and "server had 2" in d2.issues[0].reason
    d3 = review.review_detail(supervisor, wo3)
    assert [(i.kind, i.entity, i.reason) for i in d3.issues] == [("refused", "install", "unknown work order")]
