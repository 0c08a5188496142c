"""Drafts in the store (services.drafts): saved as typed, reopened, dropped by the submit in the
same transaction, refused after the submit, seeded from a returned order's record, never synced
and never in the clear on the disk."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fieldkit.domain import onboarding as flow
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Address, WorkOrderKind, WorkOrderState
from fieldkit.services import customers, drafts, installs, work_orders
from fieldkit.services import onboarding as ob
from fieldkit.services.customers import CustomerInput
from fieldkit.services.installs import InstallFile
from fieldkit.store import drafts as repo

NAME, STREET = "Hoàng Thị Xuân Quỳnh", "Xóm Cây Gạo Đỏ"


def _png(colour: str, size: tuple[int, int] = (160, 120)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def _order(session: Any, kind: WorkOrderKind = WorkOrderKind.METER_REPLACEMENT) -> tuple[Any, Any]:
    c = customers.create_customer(session, CustomerInput(
        code="PA23VG0077441", name=NAME, phone="0987654123", address=Address(commune="Xã Gia Viễn", street=STREET)))
    wo = work_orders.create_work_order(session, kind=kind, customer_id=c.id, due_date=local_today(), number="L-D-1")
    return c, wo


def _values(photos: list[str], tech_sig: str, cust_sig: str) -> dict[str, Any]:
    return {
        "reason": "faulty", "representative": NAME, "place": STREET, "substation": "TBA 3", "pole_number": "12/4",
        "box_number": "H2", "position": {"lat": "20.5", "lon": "106.0", "source": "typed"},
        "removed_serial": "OLD-1", "removed_reading": {"BT": "10", "CD": "2", "TD": "3", "source": "manual"},
        "installed_serial": "VSN2025000999", "installed_model": "VSE11-20", "installed_type": "electronic",
        "phases": "1", "installed_reading": {"BT": "0.0", "CD": "0", "TD": "0", "source": "manual"},
        "terminal_seal_code": "NPC-A 1", "terminal_seal_count": "2", "sticker_seal": "TEM-1",
        "optical_sticker": "QC-1", "install_date": local_today().isoformat(),
        "meter_photos": photos, "technician_signature": tech_sig, "customer_signature": cust_sig,
    }


def _outbox(session: Any) -> int:
    return int(session.store.query_one("SELECT count(*) FROM outbox")[0])


def test_install_draft_saved_reopened_and_removed_by_the_submit(session):
    _c, wo = _order(session)
    photo = _png("#3366AA")
    before = _outbox(session)
    data = {"values": {"representative": NAME, "installed_serial": "VSN20"},
            "photos": {"meter_photos": [{"sha": InstallFile(photo, "image/png", "photo").sha256, "mime": "image/png",
                                         "name": "a.png"}]},
            "strokes": {"customer_signature": [[[0.1, 0.2], [0.5, 0.6]]]}}
    assert drafts.save_install(session, wo.id, data, [photo], None, 2)
    assert _outbox(session) == before  # drafts never sync
    start = drafts.open_install(session, wo.id)
    assert start.draft is not None and start.draft.data == data and not start.returned
    assert set(start.files) == {InstallFile(photo, "", "").sha256}  # the photo comes back decrypted
    assert start.files[InstallFile(photo, "", "").sha256][0] == photo

    files = [InstallFile(photo, "image/png", "photo"), InstallFile(_png("white", (300, 100)), "image/png", "signature"),
             InstallFile(_png("#EEEEEE", (300, 100)), "image/png", "signature")]
    installs.complete_install(session, work_order_id=wo.id, values=_values([files[0].sha256], files[1].sha256,
                                                                            files[2].sha256), files=files)
    assert session.store.query("SELECT count(*) FROM drafts") == [(0,)]
    # a late autosave (started before the submit, committed after) is refused: no draft comes back
    assert not drafts.save_install(session, wo.id, data, [], None, 2)
    assert session.store.query("SELECT count(*) FROM drafts") == [(0,)]


def test_submit_that_fails_keeps_the_draft(session):
    _c, wo = _order(session)
    drafts.save_install(session, wo.id, {"values": {"representative": NAME}}, [], None, 2)
    with pytest.raises(Exception):  # noqa: B017 - the form is incomplete: ValidationError
        installs.complete_install(session, work_order_id=wo.id, values={"representative": NAME}, files=[])
    assert drafts.draft_of(session, drafts.INSTALL, wo.id) is not None


def test_returned_order_reopens_prefilled_from_its_record(session, supervisor):
    _c, wo = _order(session)
    files = [InstallFile(_png("#3366AA"), "image/jpeg", "photo"), InstallFile(_png("#AA6633"), "image/png", "photo"),
             InstallFile(_png("white", (300, 100)), "image/png", "signature"),
             InstallFile(_png("#EEEEEE", (300, 100)), "image/png", "signature")]
    values = _values([files[0].sha256, files[1].sha256], files[2].sha256, files[3].sha256)
    first = installs.complete_install(session, work_order_id=wo.id, values=values, files=files)
    work_orders.review_work_order(supervisor, wo.id, approve=False, comment="Chụp lại ảnh niêm phong")
    start = drafts.open_install(session, wo.id)
    assert start.returned and start.seeded and start.comment == "Chụp lại ảnh niêm phong"
    assert start.draft is not None and start.base == first.id
    v = start.draft.data["values"]
    assert v["installed_serial"] == "VSN2025000999" and v["removed_reading"]["BT"] == "10"
    assert v["customer_signature"] == files[3].sha256 and "attachments" not in v
    assert [p["sha"] for p in start.draft.data["photos"]["meter_photos"]] == [files[0].sha256, files[1].sha256]
    assert start.draft.data["photos"]["meter_photos"][0]["mime"] == "image/jpeg"
    assert set(start.files) == {f.sha256 for f in files}  # photos and signatures, decrypted, to show
    # opened again: the same draft (not seeded twice)
    again = drafts.open_install(session, wo.id)
    assert not again.seeded and again.draft is not None and again.draft.created_at == start.draft.created_at

    # the resubmission: a new record superseding the first, kept photos without re-sending bytes
    second = installs.complete_install(session, work_order_id=wo.id, values=v, files=[])
    assert second.supersedes == first.id and second.data["meter_photos"] == values["meter_photos"]
    assert work_orders.get_work_order(session, wo.id).state is WorkOrderState.DONE
    assert session.store.query("SELECT count(*) FROM drafts") == [(0,)]


def test_onboarding_screen_drafts_per_step_and_dropped_when_the_step_is_saved(session):
    c, _wo = _order(session, WorkOrderKind.READING)
    f = ob.start_with_customer(session, c.id)
    f = ob.mark_app_shown(session, c.id)
    assert drafts.save_onboarding(session, c.id, flow.APP, {"registered": True, "phone": "0987"}, None)
    assert drafts.save_onboarding(session, c.id, flow.PAYMENT, {"method": "e_wallet", "provider": ""}, None)
    kept = drafts.onboarding_drafts(session, c.id)
    assert [d.step for d in kept] == [flow.PAYMENT, flow.APP]  # newest first
    ob.save_app(session, c.id, True, "0987654123")
    assert [d.step for d in drafts.onboarding_drafts(session, c.id)] == [flow.PAYMENT]
    # a late autosave of the saved step (typed over "no record") is refused
    assert not drafts.save_onboarding(session, c.id, flow.APP, {"registered": False, "phone": ""}, None)
    record = ob.load_flow(session, c.id).records[flow.APP]
    assert drafts.save_onboarding(session, c.id, flow.APP, {"registered": False, "phone": ""}, record.id)
    assert f.customer.id == c.id


def test_today_groups(session, supervisor):
    from fieldkit.services import sync as _sync  # noqa: F401 - the outbox states are the sync's

    c, wo = _order(session)
    other = work_orders.create_work_order(session, kind=WorkOrderKind.METER_INSTALL, customer_id=c.id,
                                          due_date=local_today(), number="L-D-2")
    back = work_orders.create_work_order(session, kind=WorkOrderKind.METER_INSTALL, customer_id=c.id,
                                         due_date=local_today(), number="L-D-3")
    drafts.save_install(session, other.id, {"values": {"representative": "x"}}, [], None, 2)
    ob.start_with_customer(session, c.id)
    drafts.save_onboarding(session, c.id, flow.APP_INSTALL, {"x": 1}, None)
    drafts.save_onboarding(session, c.id, flow.APP, {"phone": "1"}, None)  # same household: one draft row shown
    files = [InstallFile(_png("#3366AA"), "image/png", "photo"), InstallFile(_png("white", (300, 100)), "image/png",
                                                                              "signature")]
    for order in (wo, back):
        installs.complete_install(session, work_order_id=order.id, values=_values(
            [files[0].sha256], files[1].sha256, files[1].sha256), files=files)
    work_orders.review_work_order(supervisor, back.id, approve=False, comment="Thiếu số niêm phong")
    # the sync sent the first order's operations
    session.store.conn.execute("UPDATE outbox SET state = 'sent' WHERE entity_id = ? OR payload LIKE ?",
                               (wo.id, f'%"work_order_id":"{wo.id}"%'))
    t = drafts.today(session)
    assert [i.title for i in t.drafts] == [NAME, "L-D-2"]
    assert t.drafts[0].step == flow.APP
    assert [i.title for i in t.sent] == ["L-D-1"]
    assert {i.title for i in t.waiting} == {NAME}  # the onboarding steps; the returned order is not "waiting"
    assert [(i.title, i.comment) for i in t.returned] == [("L-D-3", "Thiếu số niêm phong")]


@pytest.mark.parametrize("start", range(0, 8))
def test_drafts_table_from_every_older_version(tmp_path: Path, start: int):
    from fieldkit.store.database import Store, connect, migrate

    key = os.urandom(32)
    conn = connect(tmp_path / "old.db", key)
    migrate(conn, target=start)
    conn.close()
    store = Store(tmp_path / "old.db", key)
    with store.transaction() as tx:
        assert repo.upsert(tx.conn, repo.Draft("install", "w1", "u1", {"values": {"a": "b"}}), tx.now)
        assert not repo.upsert(tx.conn, repo.Draft("install", "w1", "u1", {"values": {"a": "c"}}), tx.now)
    assert repo.get(store.conn, "install", "w1", "u1").data == {"values": {"a": "c"}}
    assert store.integrity_check() == "ok"
    store.close()


def test_drafts_are_not_in_the_clear_on_disk(session, profile_dir: Path):
    _c, wo = _order(session)
    typed = "Nguyễn Văn Đặc Biệt Draft 778812"
    photo = _png("#123456")
    drafts.save_install(session, wo.id, {"values": {"representative": typed}, "photos": {
        "meter_photos": [{"sha": InstallFile(photo, "", "").sha256, "mime": "image/png", "name": "p.png"}]}},
        [photo], None, 2)
    session.close()
    hits = []
    for dirpath, _d, names in os.walk(profile_dir):
        for n in names:
            data = (Path(dirpath) / n).read_bytes()
            for needle in (typed.encode(), typed.encode("utf-16-le"), b"778812", b"\x89PNG", b"SQLite format 3"):
                if needle in data:
                    hits.append((n, needle))
    assert hits == []
