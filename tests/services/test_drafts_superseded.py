"""Nothing typed is lost: an install draft overtaken by the order's record arriving by sync (the
order done on another laptop, through the real central server on loopback) is kept, marked
superseded, listed on Today, readable, and deleted only when its person discards it. Then its
photo leaves the attachment store (draft_files.clean), and only then."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fieldkit.central import admin, people
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Role, WorkOrderState
from fieldkit.services import draft_files, drafts, installs, superseded_drafts, sync, work_orders
from fieldkit.services import session as sessions
from fieldkit.services.installs import InstallFile
from fieldkit.store import drafts as repo
from fieldkit.store.keyring import FAST_KDF
from fieldkit.store.work_orders import WorkOrderQuery

PIN = "246810"
TYPED = "Đinh Thị Gõ Dở 4471"  # what the technician typed on laptop A and never submitted


def _png(colour: str, size: tuple[int, int] = (120, 90)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[sessions.Session, sessions.Session]]:
    """Lan's two laptops, enrolled with a real central server (SQLite) on loopback, one order each."""
    db = Database(str(tmp_path / "central.db"))
    db.create_all()
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    admin.import_work_orders(db, "number,kind,customer_code,customer_name,phone,street,commune,province,"
                                 "meter_serial,due_date,assignee\nWO-S1,meter_replacement,PA23LN0000881,Đinh Văn Tú,"
                                 "0987000001,Xóm 3,Nhân Thịnh,Ninh Bình,VSE-881,2026-12-31,lan\n", team_code="T1")
    opened: list[sessions.Session] = []
    with ServerThread(db) as srv:
        for name in ("a", "b"):
            s = sessions.create(tmp_path / name, username="lan", display_name="Trần Thị Lan",
                                role=Role.TECHNICIAN, secret=PIN, params=FAST_KDF)
            opened.append(s)
            sync.enrol(s, admin.enrol(db, "T1", name).code, srv.url, user_code=people.issue_code(db, "lan"))
            assert sync.sync_now(s).ok
        yield opened[0], opened[1]
        for s in opened:
            s.close()
    db.dispose()


def _values(photo: str, sig_a: str, sig_b: str) -> dict[str, Any]:
    return {
        "reason": "faulty", "representative": "Đinh Văn Tú", "place": "Xóm 3", "substation": "TBA 3",
        "pole_number": "12/4", "box_number": "H2", "position": {"lat": "20.5", "lon": "106.0", "source": "typed"},
        "removed_serial": "VSE-881", "removed_reading": {"BT": "10", "CD": "2", "TD": "3", "source": "manual"},
        "installed_serial": "VSN2025000881", "installed_model": "VSE11-20", "installed_type": "electronic",
        "phases": "1", "installed_reading": {"BT": "0.0", "CD": "0", "TD": "0", "source": "manual"},
        "terminal_seal_code": "NPC-A 1", "terminal_seal_count": "2", "sticker_seal": "TEM-1",
        "optical_sticker": "QC-1", "install_date": local_today().isoformat(),
        "meter_photos": [photo], "technician_signature": sig_a, "customer_signature": sig_b,
    }


def _order_id(s: sessions.Session) -> str:
    [wo] = work_orders.list_work_orders(s, WorkOrderQuery(assignee_id=s.user_id))
    return wo.id


def test_a_draft_overtaken_by_a_record_from_sync_is_kept_until_discarded(laptops):
    a, b = laptops
    wo_a, wo_b = _order_id(a), _order_id(b)
    assert wo_a == wo_b
    # laptop A: Lan types, adds a photo; the autosave keeps it
    photo = _png("#224466")
    sha = InstallFile(photo, "", "").sha256
    data = {"values": {"representative": TYPED, "installed_serial": "VSN-DRAFT-1"},
            "photos": {"meter_photos": [{"sha": sha, "mime": "image/png", "name": "1.png"}]}, "strokes": {}}
    assert drafts.save_install(a, wo_a, data, [photo], None, 2)
    # laptop B: the same order is completed and synced
    files = [InstallFile(_png("#AA0000"), "image/png", "photo"),
             InstallFile(_png("white", (300, 100)), "image/png", "signature"),
             InstallFile(_png("#EEEEEE", (300, 100)), "image/png", "signature")]
    record = installs.complete_install(b, work_order_id=wo_b, values=_values(*(f.sha256 for f in files)),
                                       files=files)
    assert sync.sync_now(b).ok
    # laptop A pulls the record: the order is done there too
    assert sync.sync_now(a).ok
    assert work_orders.get_work_order(a, wo_a).state is WorkOrderState.DONE

    # opening the order no longer finds a draft to type on... but the draft is not gone
    start = drafts.open_install(a, wo_a)
    assert start.draft is None and start.superseded == 1  # the form says where the draft is kept
    [kept] = repo.of_user(a.store.conn, a.user_id)
    assert kept.superseded and kept.superseded_by == record.id and kept.data == data
    assert kept.ref.startswith(wo_a + repo.ASIDE) and kept.work_order_id == wo_a
    # Today lists it, marked superseded, with when the record that overtook it was stored
    [item] = drafts.today(a).drafts
    assert item.superseded and item.title == "WO-S1" and item.overtaken_at >= kept.updated_at
    # read before discarding: what was typed, labelled from the form; the photo counted
    view = superseded_drafts.superseded(a, drafts.INSTALL, kept.ref)
    assert view is not None and view.title == "WO-S1" and view.photos == 1
    assert any(line.value == TYPED and line.label.text("en") for line in view.lines)
    # the photo stays while the superseded draft references it
    assert draft_files.clean(a, grace_s=0).removed == 0 and a.attachments.has(sha)
    # a late autosave of the open form changes nothing
    assert not drafts.save_install(a, wo_a, {"values": {}}, [], None, 2)
    assert repo.of_user(a.store.conn, a.user_id)[0].data == data
    audit = a.store.query("SELECT action, detail FROM audit WHERE entity = 'draft' ORDER BY seq")
    assert [x[0] for x in audit] == ["create", "superseded"] and record.id in audit[1][1]

    # the deliberate discard deletes it (audited), and the photo only it used leaves the disk
    assert drafts.discard(a, drafts.INSTALL, kept.ref)
    assert repo.of_user(a.store.conn, a.user_id) == [] and drafts.today(a).drafts == []
    assert a.store.query("SELECT action FROM audit WHERE entity = 'draft' ORDER BY seq DESC LIMIT 1") == [("discard",)]
    assert not a.attachments.has(sha) or draft_files.clean(a, grace_s=0).removed == 1
    assert not a.attachments.has(sha)
    # the record's own photos (pulled by sync or not) are never touched
    assert a.store.query("SELECT count(*) FROM draft_files") == [(0,)]


def test_set_aside_stale_marks_without_opening_and_a_new_draft_can_start(laptops):
    a, b = laptops
    wo = _order_id(a)
    assert drafts.save_install(a, wo, {"values": {"representative": TYPED}}, [], None, 2)
    files = [InstallFile(_png("#00AA00"), "image/png", "photo"),
             InstallFile(_png("white", (300, 100)), "image/png", "signature"),
             InstallFile(_png("#EEEEEE", (300, 100)), "image/png", "signature")]
    installs.complete_install(b, work_order_id=wo, values=_values(*(f.sha256 for f in files)), files=files)
    assert sync.sync_now(b).ok and sync.sync_now(a).ok
    assert drafts.set_aside_stale(a) == 1
    assert drafts.set_aside_stale(a) == 0  # once
    [d] = repo.of_user(a.store.conn, a.user_id)
    assert d.superseded and drafts.draft_of(a, drafts.INSTALL, wo) is None
    assert [i.superseded for i in drafts.today(a).drafts] == [True]


def test_on_a_shared_laptop_another_persons_submit_keeps_my_draft(session, profile_dir):
    """Lan typed a draft; Mai, on the same laptop, submits the order: Lan's draft is kept for her
    (superseded), Mai's own draft goes with her submit."""
    from fieldkit.domain.models import Address, WorkOrderKind
    from fieldkit.services import customers
    from fieldkit.services.customers import CustomerInput

    sessions.add_user(session, username="mai", display_name="Nguyễn Thị Mai", role=Role.TECHNICIAN,
                      secret="135790", params=FAST_KDF)
    mai = sessions.login(profile_dir, "mai", "135790")
    try:
        c = customers.create_customer(session, CustomerInput(code="PA23VG0077999", name="Tú", phone="0987654123",
                                                             address=Address(commune="Xã Gia Viễn", street="X")))
        wo = work_orders.create_work_order(session, kind=WorkOrderKind.METER_REPLACEMENT, customer_id=c.id,
                                           due_date=local_today(), number="L-SH-1")
        assert drafts.save_install(session, wo.id, {"values": {"representative": TYPED}}, [], None, 2)
        assert drafts.save_install(mai, wo.id, {"values": {"representative": "Mai's"}}, [], None, 2)
        files = [InstallFile(_png("#0000AA"), "image/png", "photo"),
                 InstallFile(_png("white", (300, 100)), "image/png", "signature"),
                 InstallFile(_png("#EEEEEE", (300, 100)), "image/png", "signature")]
        record = installs.complete_install(mai, work_order_id=wo.id, values=_values(*(f.sha256 for f in files)),
                                           files=files)
        assert repo.of_user(mai.store.conn, mai.user_id) == []
        [lans] = repo.of_user(session.store.conn, session.user_id)
        assert lans.superseded_by == record.id and lans.data["values"]["representative"] == TYPED
        [item] = drafts.today(session).drafts
        assert item.superseded and item.overtaken_by == "Nguyễn Thị Mai"
    finally:
        mai.close()


def test_a_manual_reading_draft_overtaken_by_a_reading_from_sync_is_kept(laptops):
    from decimal import Decimal

    from fieldkit.domain.models import ReadingSource, RegisterValue
    from fieldkit.services import field_facts

    a, b = laptops
    meter_id = a.store.query("SELECT id FROM meters WHERE serial = 'VSE-881'")[0][0]
    draft, base, files = drafts.reading_draft(a, meter_id)
    assert draft is None and files == {}
    assert drafts.save_reading(a, meter_id, {"values": {"1.8.0": "4471,5"}, "reason": "no_probe"}, [], base)
    field_facts.record_reading(b, meter_id=meter_id, registers={"1.8.0": RegisterValue(Decimal("4480"), "kWh")},
                               source=ReadingSource.OPTICAL)
    assert sync.sync_now(b).ok and sync.sync_now(a).ok
    draft, new_base, _files = drafts.reading_draft(a, meter_id)
    assert draft is None and new_base != base  # the entry starts afresh over the new reading...
    [kept] = repo.of_user(a.store.conn, a.user_id)  # ...and what was typed is kept, superseded
    assert kept.kind == drafts.READING and kept.superseded and kept.data["values"] == {"1.8.0": "4471,5"}
    [item] = drafts.today(a).drafts
    assert item.superseded and item.title == "VSE-881"
    view = superseded_drafts.superseded(a, drafts.READING, kept.ref)
    assert view is not None
    lines = {(line.label.text("vi"), line.label.text("en")): line for line in view.lines}
    assert lines[("Tổng điện năng tác dụng giao (KT)", "Active energy import, total (KT)")].value == "4471,5"
    reason = lines[("Lý do", "Reason")]
    assert reason.text("vi").startswith("Lý do: Không mang theo đầu đọc") and reason.value == "no_probe"
    assert reason.text("en").startswith("Reason: ") and not re.search(r"[ạ-ỹđ]", reason.text("en"))
