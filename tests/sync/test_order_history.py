"""The history of a work order on the supervisor's laptop comes from the server's audit (every
laptop's changes, not only this one's), in words in both languages and in Vietnam's time; a
supervisor of another team gets nothing of it (real server on loopback, real profiles)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from fieldkit.central import admin
from fieldkit.domain.models import Role
from fieldkit.services import order_history, review, sync, work_orders
from fieldkit.store.work_orders import WorkOrderQuery
from fieldkit.sync import client, signing
from fieldkit.sync.transport import ServerRefused

CSV = ("number,kind,customer_code,customer_name,phone,street,commune,province,assignee\n"
       "WO-81,inspection,PA23LN0008101,Vũ Thị Hạnh,0988111222,Xóm 2,Nhân Thịnh,Ninh Bình,lan\n")

RAW = re.compile(r"\bstatus\b|->|\bapplied\b|work_order|\bimport\b|\bapprove\b|\breturn\b|None|\{")


def test_history_comes_from_the_server_in_words_and_local_time(make_device, central, server):
    assert admin.import_work_orders(central, CSV, team_code="T1") == ["WO-81"]
    tech = make_device("laptop-t", "lan")
    sup = make_device("laptop-s", "hung", role=Role.SUPERVISOR)
    assert sync.sync_now(tech).ok
    wo = work_orders.list_work_orders(tech, WorkOrderQuery())[0]
    work_orders.start_work_order(tech, wo.id)
    work_orders.submit_work_order(tech, wo.id)
    assert sync.sync_now(tech).ok and sync.sync_now(sup).ok

    # before asking the server, the supervisor's laptop knows nothing of the technician's steps
    before = order_history.history(sup, wo.id)
    assert before.server_checked_at is None and before.events == []

    review.send_back(sup, wo.id, "Thiếu ảnh công tơ")
    local = order_history.history(sup, wo.id)
    assert [(e.vi, e.on_server) for e in local.events] == [("Trả lại để sửa", False)]

    assert sync.sync_now(sup).ok
    assert order_history.refresh(sup, wo.id) >= 4
    h = order_history.history(sup, wo.id)
    assert h.server_checked_at is not None
    assert [e.vi for e in h.events] == ["Phiếu được nhập trên máy chủ", "Bắt đầu làm", "Nộp để duyệt",
                                        "Trả lại để sửa"]
    assert [e.en for e in h.events] == ["Work order imported on the server", "Work started",
                                        "Submitted for review", "Returned for correction"]
    assert all(e.on_server for e in h.events)
    assert [e.who for e in h.events[1:]] == ["Trần Thị Lan", "Trần Thị Lan", "Phạm Văn Hùng"]
    assert [e.by_server for e in h.events] == [True, False, False, False]
    for e in h.events:
        assert not RAW.search(e.vi) and not RAW.search(e.en), e
        assert e.at.utcoffset() == timedelta(0)  # kept in UTC; the screen shows it in Vietnam's time

    # kept on this laptop: read again without the server
    assert [e.vi for e in order_history.history(sup, wo.id).events][-1] == "Trả lại để sửa"


def test_another_teams_supervisor_gets_none_of_it_and_a_technician_is_refused(make_device, central, server):
    assert admin.import_work_orders(central, CSV, team_code="T1") == ["WO-81"]
    tech = make_device("laptop-t", "lan")
    assert sync.sync_now(tech).ok
    wo = work_orders.list_work_orders(tech, WorkOrderQuery())[0]
    admin.create_user(central, "tuan", "Đỗ Văn Tuấn", "supervisor", "T2")
    other = make_device("laptop-o", "tuan", role=Role.SUPERVISOR, team="T2")
    t = client._transport(other.store)
    try:
        token, role = signing.user_token(t, "tuan", other.profile.signing_key, other.store.device_id)
        assert role == "supervisor"
        t.set_user_token(token)
        assert t.request("GET", "/v1/audit", params={"entity_id": [wo.id]}).body == []
        with pytest.raises(ServerRefused):
            t.request("GET", "/v1/audit", params={"entity_id": [f"x{i}" for i in range(101)]})
    finally:
        t.close()
    with pytest.raises(Exception, match="supervisor|role|quyền"):
        order_history.refresh(tech, wo.id)
