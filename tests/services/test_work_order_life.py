"""The life cycle on the laptop (fieldkit/domain/lifecycle.py, services/work_orders.py): saving the
record that completes an order submits it, for every kind, in the record's own transaction (record,
state, outbox entries and audit lines together); a returned order keeps its reason and its record,
and the resubmission supersedes that record; reminders; reassignment by a supervisor only."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest

from fieldkit.domain import lifecycle as lc
from fieldkit.domain import onboarding as flow
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Address, ReadingSource, RegisterValue, Role, WorkOrderKind, WorkOrderState
from fieldkit.domain.problems import ValidationError
from fieldkit.services import customers, field_facts, meters, work_orders
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.store.keyring import FAST_KDF


def _setup(session, kind: WorkOrderKind, due=None):
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000011", name="Vũ Thị Hạnh",
                                                         address=Address(province_code=37, province="Ninh Bình")))
    m = meters.register_meter(session, serial="CE18-11", customer_id=c.id)
    wo = work_orders.create_work_order(session, kind=kind, customer_id=c.id, due_date=due, meter_id=m.id,
                                       number="WO-L1")
    return c, m, wo


def save_record(session, kind: WorkOrderKind, customer_id: str, meter_id: str, wo_id: str, n: int = 1) -> str:
    """The kind's completing record, saved the way the screens save it."""
    entity = lc.life(kind).record
    if entity == "reading":
        return field_facts.record_reading(session, meter_id=meter_id, source=ReadingSource.OPTICAL,
                                          registers={"1.8.0": RegisterValue(Decimal(100 + n), "kWh")},
                                          work_order_id=wo_id, capture=b"capture %d" % n).id
    if entity == "install":
        return field_facts.record_install(session, work_order_id=wo_id, installed_meter_serial=f"NEW-{n}",
                                          data={"seal": f"S-{n}"}, attachments=[(b"sig%d" % n, "image/png",
                                                                                  "signature")]).id
    steps = [(flow.HOUSEHOLD, {"customer_id": customer_id, "new_supply": False}), (flow.APP_INSTALL, {"shown": True}),
             (flow.APP, {"registered": True}), (flow.PAYMENT, {"method": "auto_debit"}),
             (flow.CONTRACT, {"signed": True}), (flow.SHEET, {"sha256": "a" * 64, "printed": n > 1})]
    last = ""
    for i, (step, data) in enumerate(steps if n == 1 else steps[-1:]):
        last = field_facts.record_onboarding_step(session, customer_id=customer_id, step=step, data=data).id
        if i < len(steps) - 1 and n == 1:  # not finished yet: the order waits
            assert work_orders.get_work_order(session, wo_id).state is WorkOrderState.ASSIGNED
    return last


def outbox(session) -> list[tuple[str, str, dict]]:
    return [(r[0], r[1], json.loads(r[2])) for r in
            session.store.query("SELECT entity, action, payload FROM outbox ORDER BY seq")]


@pytest.mark.parametrize("kind", list(WorkOrderKind))
def test_saving_the_completing_record_submits_every_kind(session, supervisor, kind):
    c, m, wo = _setup(session, kind, due=local_today())
    assert work_orders.reminders(session).due_today == 1
    rec = save_record(session, kind, c.id, m.id, wo.id)
    got = work_orders.get_work_order(session, wo.id)
    assert (got.state, got.submitted_record, got.version) == (WorkOrderState.DONE, rec, 2) and got.submitted_at
    # The state change is an operation of its own, naming the record, right after the record itself.
    ops = outbox(session)
    entity = lc.life(kind).record
    assert ops[-1] == ("work_order", "status", {"id": wo.id, "state": "done", "comment": "", "record_id": rec})
    assert ops[-2][0] == entity and ops[-2][2]["id"] == rec and ops[-2][2]["work_order_id"] == wo.id
    assert session.store.query("SELECT detail FROM audit WHERE entity = 'work_order' AND entity_id = ? "
                               "ORDER BY rowid DESC LIMIT 1", (wo.id,))[0][0] == "assigned->done"
    assert work_orders.reminders(session).due_today == 0  # a submitted order is no longer due
    # Returned with a comment: the reason and the record to reopen.
    work_orders.review_work_order(supervisor, wo.id, approve=False, comment="Ảnh niêm phong bị mờ")
    ctx = work_orders.returned(session, wo.id)
    assert ctx is not None and (ctx.comment, ctx.record_id, ctx.record_entity) == ("Ảnh niêm phong bị mờ", rec, entity)
    assert work_orders.reminders(session).returned == 1
    work_orders.start_work_order(session, wo.id)
    assert work_orders.returned(session, wo.id).comment == "Ảnh niêm phong bị mờ"  # kept while it is redone
    # The resubmission supersedes the submitted record (append-only: both kept).
    rec2 = save_record(session, kind, c.id, m.id, wo.id, n=2)
    got = work_orders.get_work_order(session, wo.id)
    assert got.state is WorkOrderState.DONE and got.submitted_record == rec2
    table = {"reading": "readings", "install": "installs", "onboarding_step": "onboarding_steps"}[entity]
    assert session.store.query(f"SELECT supersedes FROM {table} WHERE id = ?", (rec2,))[0][0] == rec
    assert session.store.query(f"SELECT count(*) FROM {table} WHERE id = ?", (rec,))[0][0] == 1
    assert work_orders.returned(session, wo.id) is None
    work_orders.review_work_order(supervisor, wo.id, approve=True)
    assert work_orders.get_work_order(session, wo.id).state is WorkOrderState.APPROVED
    # A record saved after approval changes nothing of the order.
    save_record(session, kind, c.id, m.id, wo.id, n=3)
    assert work_orders.get_work_order(session, wo.id).state is WorkOrderState.APPROVED


def test_a_record_of_another_kind_or_role_does_not_submit(session, profile_dir):
    c, m, wo = _setup(session, WorkOrderKind.INSPECTION)
    field_facts.record_install(session, work_order_id=wo.id, installed_meter_serial="X", data={})
    assert work_orders.get_work_order(session, wo.id).state is WorkOrderState.ASSIGNED  # an inspection is read
    sessions.add_user(session, username="thu", display_name="Đặng Thu", role=Role.TRAINER, secret="402917",
                      params=FAST_KDF)
    thu = sessions.login(profile_dir, "thu", "402917")
    try:
        field_facts.record_reading(thu, meter_id=m.id, source=ReadingSource.OPTICAL, work_order_id=wo.id,
                                   registers={"1.8.0": RegisterValue(Decimal(5), "kWh")})
        assert work_orders.get_work_order(session, wo.id).state is WorkOrderState.ASSIGNED  # trainers: onboarding
        with pytest.raises(ValidationError) as e:
            work_orders.start_work_order(thu, wo.id)
        assert e.value.problems[0].code == "role_forbidden" and "trainer" in e.value.problems[0].en
    finally:
        thu.close()


def test_illegal_moves_on_the_laptop_say_why(session, supervisor):
    c, m, wo = _setup(session, WorkOrderKind.READING)
    with pytest.raises(ValidationError) as e:
        work_orders.review_work_order(supervisor, wo.id, approve=True)
    assert e.value.problems[0].code == "wo_transition" and "“đã giao”; không thể duyệt" in e.value.problems[0].vi
    with pytest.raises(ValidationError) as e:
        work_orders.review_work_order(supervisor, wo.id, approve=False, comment="  ")
    assert e.value.problems[0].code == "required"
    before = len(outbox(session))
    work_orders.submit_work_order(session, wo.id)
    work_orders.submit_work_order(session, wo.id)  # twice: the second changes nothing
    assert len(outbox(session)) == before + 1


def test_reminders_and_days_late(session, supervisor):
    today = local_today()
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000012", name="Lê Văn Tiến"))
    for n, (due, kind) in enumerate(((today, "reading"), (today - timedelta(days=3), "inspection"),
                                     (today + timedelta(days=1), "reading"), (today - timedelta(days=9), "reading"))):
        work_orders.create_work_order(session, kind=WorkOrderKind(kind), customer_id=c.id, due_date=due,
                                      number=f"WO-R{n}")
    late = work_orders.list_work_orders(session, work_orders.WorkOrderQuery())[0]  # ordered by due date
    work_orders.submit_work_order(session, late.id)  # no longer overdue: waiting for review
    r = work_orders.reminders(session)
    assert (r.due_today, r.overdue, r.returned) == (1, 1, 0)
    assert work_orders.reminders(supervisor) == r  # the supervisor sees the laptop's orders
    assert work_orders.days_late(today - timedelta(days=3), WorkOrderState.IN_PROGRESS, today) == 3
    assert work_orders.days_late(today - timedelta(days=3), WorkOrderState.DONE, today) == 0
    assert work_orders.days_late(today, WorkOrderState.ASSIGNED, today) == 0


def test_reassign_by_the_supervisor_only(session, supervisor, profile_dir):
    c, m, wo = _setup(session, WorkOrderKind.READING)
    sessions.add_user(session, username="mai", display_name="Nguyễn Thị Mai", role=Role.TECHNICIAN,
                      secret="402917", params=FAST_KDF)
    members = work_orders.team_members(supervisor, wo.id)
    assert [m_.name for m_ in members] == ["Nguyễn Thị Mai"]  # not Lan (hers already), not the supervisor
    with pytest.raises(ValidationError):
        work_orders.reassign(session, wo.id, members[0])
    got = work_orders.reassign(supervisor, wo.id, members[0])
    assert got.assignee_id == members[0].local_id and got.state is WorkOrderState.ASSIGNED and got.version == 2
    assert outbox(session)[-1] == ("work_order", "reassign", {"id": wo.id, "assignee_id": members[0].server_id})
    work_orders.submit_work_order(session, wo.id)  # Lan's own submission is still hers to make offline…
    with pytest.raises(ValidationError) as e:  # …but a done order is not reassigned
        work_orders.reassign(supervisor, wo.id, members[0])
    assert e.value.problems[0].code == "wo_transition"
