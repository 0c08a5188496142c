"""Reassignment through real laptops and the real server (SQLite and PostgreSQL): the supervisor's
laptop gives Lan's order to Mai of the same team; the server applies it (signed by the supervisor);
Lan's laptop no longer lists it after its next pull. A technician's laptop cannot reassign, and the
server refuses the other team's technician and a technician's reassignment."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from fieldkit.central import admin
from fieldkit.central import schema as t
from fieldkit.domain.models import Role
from fieldkit.domain.problems import ValidationError
from fieldkit.services import sync, ui_queries, work_orders
from fieldkit.store.work_orders import WorkOrderQuery


def test_the_supervisor_gives_an_order_to_another_technician(make_device, central):
    admin.import_work_orders(central, "number,kind,customer_code,meter_serial,assignee\n"
                                      "WO-RA,reading,PA23LN0000701,VSE-701,lan\n", team_code="T1")
    lan = make_device("lan-laptop", "lan")
    sup = make_device("hung-laptop", "hung", role=Role.SUPERVISOR)
    assert sync.sync_now(lan).ok and sync.sync_now(sup).ok
    assert [r.number for r in ui_queries.my_work_orders(lan)] == ["WO-RA"]
    wo = work_orders.list_work_orders(sup, WorkOrderQuery())[0]
    members = work_orders.team_members(sup, wo.id)
    # the team's technicians as the server said (not Lan: hers already; not Minh: team 2; not Hùng)
    assert [m.name for m in members] == ["Nguyễn Thị Mai"]
    with pytest.raises(ValidationError):  # a technician's laptop does not reassign
        work_orders.reassign(lan, wo.id, members[0])
    work_orders.reassign(sup, wo.id, members[0])
    r = sync.sync_now(sup)
    assert r.ok and r.applied == 1 and r.rejected == 0
    mai_id = admin_user_id(central, "mai")
    with central.read() as conn:
        row = conn.execute(select(t.work_orders.c.assignee_id, t.work_orders.c.data, t.work_orders.c.state)
                           .where(t.work_orders.c.number == "WO-RA")).one()
    assert row[0] == mai_id and json.loads(row[1])["assignee_id"] == mai_id and row[2] == "assigned"
    assert sync.sync_now(lan).ok
    assert ui_queries.my_work_orders(lan) == []  # no longer Lan's to do
    assert work_orders.reminders(lan).overdue == 0


def admin_user_id(central, username: str) -> str:
    with central.read() as conn:
        return str(conn.execute(select(t.users.c.id).where(t.users.c.username == username)).scalar_one())


def test_the_server_refuses_another_teams_technician(make_device, central):
    admin.import_work_orders(central, "number,kind,customer_code,assignee\nWO-RB,inspection,PA23LN0000702,lan\n",
                             team_code="T1")
    sup = make_device("hung-laptop", "hung", role=Role.SUPERVISOR)
    assert sync.sync_now(sup).ok
    wo = work_orders.list_work_orders(sup, WorkOrderQuery())[0]
    minh = work_orders.TeamMember(local_id=admin_user_id(central, "minh"), server_id=admin_user_id(central, "minh"),
                                  name="Lê Văn Minh", role=Role.TECHNICIAN)
    work_orders.reassign(sup, wo.id, minh)  # offline the laptop cannot know; the server decides
    r = sync.sync_now(sup)
    assert r.rejected == 1
    q = sync.quarantined(sup)[0]
    assert q.answer["code"] == "wo_assignee" and "đội" in q.message("vi")
    with central.read() as conn:
        assert conn.execute(select(t.work_orders.c.assignee_id).where(t.work_orders.c.number == "WO-RB")
                            ).scalar_one() == admin_user_id(central, "lan")
