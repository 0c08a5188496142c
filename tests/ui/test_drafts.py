"""Drafts through the real widgets: typing saves a draft (in the background, the stall probe on),
Back loses nothing, submitting removes the draft, a returned order opens pre-filled from its
record, the onboarding screens keep what was typed, and the Today page counts the four groups."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QPoint

from fieldkit.domain import onboarding as flow
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Address, WorkOrderKind
from fieldkit.services import customers, drafts, installs, work_orders
from fieldkit.services import onboarding as ob
from fieldkit.services.customers import CustomerInput
from fieldkit.services.installs import InstallFile
from fieldkit.ui.main_window import MainWindow  # noqa: F401 - imported here, not inside the first sign-in
from fieldkit.ui.qt import Qt
from tests.conftest import TEST_PIN

LEFT = Qt.MouseButton.LeftButton


def _png(colour: str, size: tuple[int, int] = (320, 240)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def _photo(tmp_path: Path, name: str, colour: str) -> Path:
    path = tmp_path / name
    path.write_bytes(_png(colour))
    return path


def _customer(session: Any) -> Any:
    return customers.create_customer(session, CustomerInput(
        code="PA23LN0000123", name="Nguyễn Văn Bình", phone="0912345678",
        address=Address(commune="Xã Nhân Hà", street="Thôn Đông")))


def _order(session: Any, c: Any, number: str = "L-REPL-1") -> Any:
    return work_orders.create_work_order(session, kind=WorkOrderKind.METER_REPLACEMENT, customer_id=c.id,
                                         due_date=local_today(), number=number)


def login(qtbot: Any, shell: Any) -> Any:
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText(TEST_PIN)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    return shell.main_window


def open_form(qtbot: Any, win: Any, wo_id: str) -> Any:
    page = win.go_to("work_orders")
    qtbot.waitUntil(lambda: page.loaded and any(r.id == wo_id for r in page.rows), timeout=10_000)
    old = page.install_form
    page.open_order(next(r for r in page.rows if r.id == wo_id))
    if page.stack.currentIndex() == page.DETAIL:  # a returned order shows the reason first
        assert page.detail_form.isVisible()
        page.detail_form.click()
    qtbot.waitUntil(lambda: page.install_form is not old and page.install_form.start is not None, timeout=10_000)
    return page, page.install_form


def settled(qtbot: Any, saver: Any, saves: int = 1) -> None:
    qtbot.waitUntil(lambda: saver.saves >= saves and not saver.pending(), timeout=10_000)


def sign(qtbot: Any, pad: Any, wiggle: int) -> None:
    qtbot.waitUntil(lambda: pad.isVisible() and pad.width() > 100, timeout=5_000)
    y = pad.height() // 2
    qtbot.mousePress(pad, LEFT, pos=QPoint(20, y))
    for i in range(1, 12):
        qtbot.mouseMove(pad, QPoint(20 + i * 20, y + (wiggle if i % 2 else -wiggle)))
    qtbot.mouseRelease(pad, LEFT, pos=QPoint(260, y))


def choose(ed: Any, fid: str, value: str) -> None:
    combo = ed[fid].combo
    combo.setCurrentIndex(combo.findData(value))


def fill_rest(qtbot: Any, form: Any) -> None:
    ed = form.view.editors
    choose(ed, "reason", "faulty")
    qtbot.keyClicks(ed["position"].inputs["lat"], "20.5412")
    qtbot.keyClicks(ed["position"].inputs["lon"], "106.0521")
    qtbot.keyClicks(ed["removed_serial"].inputs["value"], "OLD-778812")
    for reg, value in (("BT", "10234.5"), ("CD", "2200"), ("TD", "3100")):
        qtbot.keyClicks(ed["removed_reading"].inputs[reg], value)
    choose(ed, "installed_type", "electronic")
    choose(ed, "phases", "1")
    for reg in ("BT", "CD", "TD"):
        qtbot.keyClicks(ed["installed_reading"].inputs[reg], "0")
    qtbot.keyClicks(ed["terminal_seal_code"].inputs["value"], "NPC-A 778812")
    qtbot.keyClicks(ed["terminal_seal_count"].inputs["value"], "2")
    qtbot.keyClicks(ed["optical_sticker"].inputs["value"], "QC-99001")
    form.scroll_area.ensureWidgetVisible(ed["technician_signature"])
    sign(qtbot, ed["technician_signature"].pad, 12)


def test_typing_saves_back_loses_nothing_submit_removes_the_draft(qtbot, shell, session, tmp_path):
    wo = _order(session, _customer(session))
    win = login(qtbot, shell)
    page, form = open_form(qtbot, win, wo.id)
    assert form.start.draft is None and not form.banner.isVisible()
    ed = form.view.editors
    qtbot.keyClicks(ed["representative"].inputs["value"], "Nguyen Van Binh")
    qtbot.keyClicks(ed["installed_serial"].inputs["value"], "VSN2025000123")
    assert ed["meter_photos"].photos.add_file(_photo(tmp_path, "meter.png", "#3366AA"))
    form.scroll_area.ensureWidgetVisible(ed["customer_signature"])
    sign(qtbot, ed["customer_signature"].pad, 25)
    settled(qtbot, form.saver)

    # typed -> saved in the store, without pressing anything
    d = drafts.draft_of(session, drafts.INSTALL, wo.id)
    assert d is not None and d.data["values"]["representative"] == "Nguyen Van Binh"
    [photo] = d.data["photos"]["meter_photos"]
    assert session.attachments.has(photo["sha"])  # the photo is in the encrypted store, referenced
    strokes = d.data["strokes"]["customer_signature"]
    assert len(strokes) == 1 and len(strokes[0]) >= 10

    # Back asks nothing (no dialog: the list is shown at once) and loses nothing
    qtbot.keyClicks(ed["place"].inputs["value"], "Cot 12")  # typed just before leaving
    qtbot.mouseClick(form.back_button, LEFT)
    assert page.stack.currentIndex() == page.LIST
    qtbot.waitUntil(lambda: not form.saver.pending(), timeout=10_000)
    _page, form = open_form(qtbot, win, wo.id)
    ed = form.view.editors
    assert form.banner.isVisible() and "Bản nháp" in form.banner.text()
    assert ed["representative"].inputs["value"].text() == "Nguyen Van Binh"
    assert ed["place"].inputs["value"].text() == "Cot 12"
    assert ed["installed_serial"].inputs["value"].text() == "VSN2025000123"
    assert [p[0] for p in ed["meter_photos"].photos.photos] == [_png("#3366AA")]
    assert ed["meter_photos"].photos.list.count() == 1
    assert [[list(p) for p in s] for s in ed["customer_signature"].pad.strokes] == strokes

    # submit: the record is saved and the draft is gone (same transaction)
    fill_rest(qtbot, form)
    form.save_button.click()
    qtbot.waitUntil(lambda: form.document is not None, timeout=20_000)
    [install] = installs.installs_of(session, wo.id)
    assert install.data["representative"] == "Nguyen Van Binh" and install.data["place"] == "Cot 12"
    assert install.data["meter_photos"] == [photo["sha"]]
    assert session.store.query("SELECT count(*) FROM drafts") == [(0,)]
    qtbot.wait(800)  # longer than the autosave delay: nothing comes back
    assert session.store.query("SELECT count(*) FROM drafts") == [(0,)]


def test_returned_order_opens_prefilled_and_the_resubmission_supersedes(qtbot, shell, session, supervisor):
    wo = _order(session, _customer(session))
    files = [InstallFile(_png("#3366AA"), "image/png", "photo"), InstallFile(_png("#AA6633"), "image/png", "photo"),
             InstallFile(_png("white", (300, 100)), "image/png", "signature"),
             InstallFile(_png("#DDDDDD", (300, 100)), "image/png", "signature")]
    values = {
        "reason": "faulty", "representative": "Nguyễn Văn Bình", "place": "Thôn Đông", "substation": "TBA 3",
        "position": {"lat": "20.5", "lon": "106.0", "source": "typed"},
        "removed_serial": "OLD-1", "removed_reading": {"BT": "10", "CD": "2", "TD": "3", "source": "manual"},
        "installed_serial": "VSN2025000999", "installed_type": "electronic", "phases": "1",
        "installed_reading": {"BT": "0.0", "CD": "0", "TD": "0", "source": "manual"},
        "terminal_seal_code": "NPC-A 1", "terminal_seal_count": "2", "optical_sticker": "QC-1",
        "install_date": local_today().isoformat(), "meter_photos": [files[0].sha256, files[1].sha256],
        "technician_signature": files[2].sha256, "customer_signature": files[3].sha256,
    }
    first = installs.complete_install(session, work_order_id=wo.id, values=values, files=files)
    work_orders.review_work_order(supervisor, wo.id, approve=False, comment="Số niêm phong sai, ghi lại")

    win = login(qtbot, shell)
    _page, form = open_form(qtbot, win, wo.id)
    ed = form.view.editors
    assert form.banner.isVisible() and "Số niêm phong sai, ghi lại" in form.banner.text()
    assert ed["installed_serial"].inputs["value"].text() == "VSN2025000999"
    assert ed["removed_reading"].inputs["BT"].text() == "10"
    assert ed["terminal_seal_code"].inputs["value"].text() == "NPC-A 1"
    assert [p[0] for p in ed["meter_photos"].photos.photos] == [files[0].content, files[1].content]
    assert ed["customer_signature"].pad.kept == files[3].content and not ed["customer_signature"].pad.is_empty()
    assert form.view.values()["customer_signature"] == files[3].sha256

    # only what the comment asks is redone
    seal = ed["terminal_seal_code"].inputs["value"]
    seal.clear()
    qtbot.keyClicks(seal, "NPC-A 2")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.document is not None, timeout=20_000)
    old, new = installs.installs_of(session, wo.id)
    assert old.id == first.id and new.supersedes == first.id
    assert new.data["terminal_seal_code"] == "NPC-A 2"
    for key in ("meter_photos", "technician_signature", "customer_signature", "removed_reading"):
        assert new.data[key] == values[key], key
    assert work_orders.get_work_order(session, wo.id).state.value == "done"
    assert session.store.query("SELECT count(*) FROM drafts") == [(0,)]


def test_onboarding_screens_keep_what_was_typed(qtbot, shell, session):
    c = _customer(session)
    ob.start_with_customer(session, c.id)
    ob.mark_app_shown(session, c.id)
    win = login(qtbot, shell)
    page = win.go_to("onboarding")
    qtbot.waitUntil(lambda: page.current == flow.APP, timeout=10_000)
    app = page.screens[flow.APP]
    qtbot.mouseClick(app.yes, LEFT)
    app.phone.clear()
    qtbot.keyClicks(app.phone, "0912345678")
    settled(qtbot, page.saver)
    [d] = drafts.onboarding_drafts(session, c.id)
    assert d.step == flow.APP and d.data == {"registered": True, "phone": "0912345678"}

    # Back, then Next again: the unsaved answer is still there
    qtbot.mouseClick(page.back_button, LEFT)
    qtbot.waitUntil(lambda: page.current == flow.APP_INSTALL, timeout=5_000)
    qtbot.mouseClick(page.next_button, LEFT)
    qtbot.waitUntil(lambda: page.current == flow.APP, timeout=5_000)
    assert app.yes.isChecked() and app.phone.text() == "0912345678"

    # sign out without Next, sign in again: the screen reopens with the answer
    shell.logout()
    qtbot.waitUntil(lambda: shell.session is None, timeout=5_000)
    win = login(qtbot, shell)
    page = win.go_to("onboarding")
    qtbot.waitUntil(lambda: page.current == flow.APP and page.resumed, timeout=10_000)
    app = page.screens[flow.APP]
    assert app.yes.isChecked() and app.phone.text() == "0912345678"
    # Next saves the step: its draft is gone in the same transaction
    qtbot.mouseClick(page.next_button, LEFT)
    qtbot.waitUntil(lambda: page.current == flow.PAYMENT and not page.saving, timeout=10_000)
    assert drafts.onboarding_drafts(shell.session, c.id) == []


def test_today_page_shows_the_four_groups(qtbot, shell, session, supervisor):
    c = _customer(session)
    sent, waiting, returned, drafted = (_order(session, c, n) for n in ("L-1", "L-2", "L-3", "L-4"))
    files = [InstallFile(_png("#3366AA"), "image/png", "photo"), InstallFile(_png("white", (300, 100)), "image/png",
                                                                              "signature")]
    values = {"reason": "faulty", "representative": "Bình", "place": "Thôn Đông", "removed_serial": "OLD-1",
              "removed_reading": {"BT": "10", "CD": "2", "TD": "3", "source": "manual"},
              "installed_serial": "VSN2025000999", "installed_type": "electronic", "phases": "1",
              "installed_reading": {"BT": "0", "CD": "0", "TD": "0", "source": "manual"},
              "terminal_seal_code": "NPC-A 1", "terminal_seal_count": "2", "optical_sticker": "QC-1",
              "position": {"lat": "20.5", "lon": "106.0", "source": "typed"}, "install_date": local_today().isoformat(),
              "meter_photos": [files[0].sha256], "technician_signature": files[1].sha256,
              "customer_signature": files[1].sha256}
    for wo in (sent, waiting, returned):
        installs.complete_install(session, work_order_id=wo.id, values=values, files=files)
    session.store.conn.execute("UPDATE outbox SET state = 'sent' WHERE entity_id = ? OR payload LIKE ?",
                               (sent.id, f'%"work_order_id":"{sent.id}"%'))
    work_orders.review_work_order(supervisor, returned.id, approve=False, comment="Chụp lại công tơ")
    drafts.save_install(session, drafted.id, {"values": {"representative": "x"}}, [], None, 2)

    win = login(qtbot, shell)
    page = win.go_to("today")
    qtbot.waitUntil(lambda: page.today is not None, timeout=10_000)
    assert page.counts() == {"drafts": 1, "waiting": 1, "sent": 1, "returned": 1}
    assert page.boxes["drafts"].title() == "Bản nháp (1)"
    assert page.boxes["returned"].title() == "Bị trả lại (1)"
    texts = {g: [page.lists[g].item(i).text() for i in range(page.lists[g].count())] for g in page.lists}
    assert texts["drafts"][0].startswith("L-4") and "L-1" in texts["sent"][0]
    assert texts["waiting"][0].startswith("L-2")  # L-3 was returned: only under "returned", with the comment
    assert "Chụp lại công tơ" in texts["returned"][0]
    # opening the draft goes to its form, where it was
    page.open_item(page.lists["drafts"].item(0))
    orders = win.pages["work_orders"]
    qtbot.waitUntil(lambda: orders.install_form is not None and orders.install_form.start is not None,
                    timeout=10_000)
    assert orders.install_form.row.id == drafted.id
    assert orders.install_form.view.editors["representative"].inputs["value"].text() == "x"


def test_a_broken_draft_or_a_lost_photo_never_breaks_the_form(qtbot, shell, session, tmp_path):
    """Careless and hostile input: a draft row with junk in it (an older version, a bad disk
    sector, an edited database) opens a usable form; a photo whose file is gone is named."""
    from fieldkit.store import drafts as repo

    c = _customer(session)
    broken, lost = _order(session, c, "L-BROKEN"), _order(session, c, "L-LOST")
    junk = {"values": {"reason": {"x": 1}, "representative": ["a", "b"], "install_date": "yesterday",
                       "position": "north", "removed_reading": {"BT": {"deep": 1}}, "customer_signature": 42},
            "photos": {"meter_photos": ["not a dict", {"sha": "0" * 64}], "representative": [{"sha": "1"}]},
            "strokes": {"technician_signature": [[["x", "y"], [float("nan"), 0.5], [0.2, 0.3], [0.4, 0.5]]]}}
    missing = "ab" * 32
    with session.store.transaction() as tx:
        repo.upsert(tx.conn, repo.Draft("install", broken.id, session.user_id, junk, broken.id, c.id), tx.now)
        repo.upsert(tx.conn, repo.Draft("install", lost.id, session.user_id, {
            "values": {"representative": "Bình"},
            "photos": {"meter_photos": [{"sha": missing, "mime": "image/jpeg", "name": "gone.jpg"}]}},
            lost.id, c.id), tx.now)
    win = login(qtbot, shell)
    _page, form = open_form(qtbot, win, broken.id)
    ed = form.view.editors
    assert ed["representative"].inputs["value"].text() == "['a', 'b']"  # shown as text, editable
    assert ed["reason"].combo.currentIndex() == 0 and ed["meter_photos"].photos.photos == []
    assert len(ed["technician_signature"].pad.strokes) == 1  # junk points dropped, the rest kept
    qtbot.keyClicks(ed["place"].inputs["value"], "Cot 1")
    settled(qtbot, form.saver)  # and it saves again
    assert drafts.draft_of(session, drafts.INSTALL, broken.id).data["values"]["place"] == "Cot 1"
    form.leave()

    _page, form = open_form(qtbot, win, lost.id)
    assert form.view.editors["representative"].inputs["value"].text() == "Bình"
    assert "Không tìm thấy 1 ảnh hoặc chữ ký" in form.banner.text()


def test_a_new_household_being_registered_is_kept(qtbot, shell, session):
    win = login(qtbot, shell)
    page = win.go_to("onboarding")
    qtbot.waitUntil(lambda: page.resume_checked, timeout=10_000)
    hh = page.screens[flow.HOUSEHOLD]
    qtbot.mouseClick(hh.new_button, LEFT)
    qtbot.mouseClick(hh.not_customer, LEFT)
    qtbot.keyClicks(hh.name, "Vu Thi Lan")
    qtbot.keyClicks(hh.phone, "0987001122")
    qtbot.keyClicks(hh.street, "Xom 3")
    settled(qtbot, page.saver)
    d = drafts.new_household_draft(session)
    assert d is not None and d.data["name"] == "Vu Thi Lan" and d.data["existing"] is False

    shell.logout()  # (or a crash): nothing registered yet, nothing lost
    qtbot.waitUntil(lambda: shell.session is None, timeout=5_000)
    win = login(qtbot, shell)
    page = win.go_to("onboarding")
    hh = page.screens[flow.HOUSEHOLD]
    qtbot.waitUntil(lambda: hh.name.text() == "Vu Thi Lan", timeout=10_000)
    assert hh.modes.currentWidget() is hh.new_mode and hh.not_customer.isChecked()
    assert hh.phone.text() == "0987001122" and hh.street.text() == "Xom 3"
    assert page.banner.isVisible()

    # registering it deletes the draft in the same transaction
    hh.commune.setCurrentIndex(0)
    qtbot.mouseClick(page.next_button, LEFT)
    qtbot.waitUntil(lambda: page.flow is not None and not page.saving, timeout=10_000)
    qtbot.wait(700)
    assert drafts.new_household_draft(shell.session) is None


def test_going_to_another_page_right_after_typing_loses_nothing(qtbot, shell, session):
    """The autosave timer has not fired yet when the technician clicks another page (or opens
    another order from Today): the form saves what was typed as it is hidden."""
    c = _customer(session)
    first, second = _order(session, c, "L-A"), _order(session, c, "L-B")
    win = login(qtbot, shell)
    page, form = open_form(qtbot, win, first.id)
    qtbot.keyClicks(form.view.editors["representative"].inputs["value"], "Nhanh tay")
    assert form.saver.timer.isActive()  # typed less than 500 ms ago
    today = win.go_to("today")  # another page: the form is hidden
    qtbot.waitUntil(lambda: not form.saver.pending(), timeout=10_000)
    assert drafts.draft_of(session, drafts.INSTALL, first.id).data["values"]["representative"] == "Nhanh tay"
    qtbot.waitUntil(lambda: today.today is not None, timeout=10_000)
    assert today.counts()["drafts"] == 1
    # and replacing the form by another order (from Today) keeps it too
    page = win.go_to("work_orders")
    qtbot.keyClicks(form.view.editors["place"].inputs["value"], "Cot 7")
    page.open_order(next(r for r in page.rows if r.id == second.id))
    qtbot.waitUntil(lambda: drafts.draft_of(session, drafts.INSTALL, first.id).data["values"].get("place") == "Cot 7",
                    timeout=10_000)


def test_a_returned_onboarding_reopens_its_household_prefilled_with_the_reason(qtbot, shell, session, supervisor):
    c = _customer(session)
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.ONBOARDING, customer_id=c.id,
                                       due_date=local_today(), number="L-OB-1")
    ob.start_with_customer(session, c.id)
    ob.mark_app_shown(session, c.id)
    ob.save_app(session, c.id, True, "0912345678")
    ob.save_payment(session, c.id, "auto_debit", ob.load_config().banks[0].name)
    ob.sign_contract(session, c.id, signed=True, read_summary=True, signer="Nguyễn Văn Bình",
                     strokes=[[(0.1, 0.5), (0.3, 0.3), (0.6, 0.7)]])
    ob.make_sheet(session, c.id)
    ob.finish(session, c.id, True)
    assert work_orders.get_work_order(session, wo.id).state.value == "done"
    work_orders.review_work_order(supervisor, wo.id, approve=False, comment="Số điện thoại ứng dụng sai")

    win = login(qtbot, shell)
    orders = win.go_to("work_orders")
    qtbot.waitUntil(lambda: orders.loaded and any(r.id == wo.id for r in orders.rows), timeout=10_000)
    orders.open_order(next(r for r in orders.rows if r.id == wo.id))
    assert orders.stack.currentIndex() == orders.DETAIL and orders.detail_onboarding.isVisible()
    orders.detail_onboarding.click()
    page = win.pages["onboarding"]
    qtbot.waitUntil(lambda: page.flow is not None and page.flow.customer.id == c.id, timeout=10_000)
    assert page.current == flow.APP_INSTALL  # not the closed "Finished" screen: every step can be redone
    assert "Số điện thoại ứng dụng sai" in page.banner.text() and page.banner.isVisible()
    qtbot.mouseClick(page.next_button, LEFT)
    qtbot.waitUntil(lambda: page.current == flow.APP and not page.saving, timeout=10_000)
    app = page.screens[flow.APP]
    assert app.yes.isChecked() and app.phone.text() == "0912345678"  # the submitted answer, kept
