"""Household onboarding end to end through the real widgets on a fresh encrypted profile.

Lan signs in, finds an existing customer, goes through the app QR codes and the app
account, then signs out midway. She signs in again: the page reopens at the payment step
with the earlier answers kept. She finishes (e-wallet, bill QR, contract drawn on the pad,
household sheet PDF). Then a new household goes through the new-supply request with the
keyboard only. The test reads the database (through the services), the outbox, and the
PDF: its text, a render of its page, and its QR codes decoded back to their payloads.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from fieldkit.documents.vietqr import build_vietqr
from fieldkit.domain import onboarding as flow
from fieldkit.domain.models import Address, ReadingSource, RegisterValue
from fieldkit.services import customers, field_facts, meters
from fieldkit.services import onboarding as ob
from fieldkit.services.customers import CustomerInput
from fieldkit.ui.qt import QPixmap, Qt

LEFT = Qt.MouseButton.LeftButton
PIN = "246810"


@pytest.fixture
def household(session):
    c = customers.create_customer(session, CustomerInput(
        code="PA23VG0053140", name="Nguyễn Văn Đức", phone="0912345678",
        address=Address(province_code=37, province="Ninh Bình", commune_code=14464, commune="Xã Gia Viễn",
                        street="Thôn Đông")))
    m = meters.register_meter(session, serial="CE18-0001", customer_id=c.id)
    for when, index in ((datetime(2026, 10, 25, 3, tzinfo=UTC), "1000"),
                        (datetime(2026, 11, 24, 3, tzinfo=UTC), "1150")):
        field_facts.record_reading(session, meter_id=m.id, registers={"1.8.0": RegisterValue(Decimal(index), "kWh")},
                                   source=ReadingSource.OPTICAL, taken_at=when)
    return c


def login(qtbot, shell):
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText(PIN)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    page = shell.main_window.go_to("onboarding")
    qtbot.waitUntil(lambda: page.opened_once, timeout=5_000)
    return page


def at(qtbot, page, step: str) -> None:
    qtbot.waitUntil(lambda: page.current == step and not page.saving, timeout=10_000)


def click_next(qtbot, page, step: str) -> None:
    qtbot.mouseClick(page.next_button, LEFT)
    at(qtbot, page, step)


def decode_pixmap(pixmap: QPixmap, tmp: Path) -> set[str]:
    path = tmp / "qr.png"
    assert pixmap.save(str(path))
    return {r.text for r in zxingcpp.read_barcodes(Image.open(path))}


def outbox(session) -> list[tuple[str, str, dict]]:
    with session.store.read() as conn:
        rows = conn.execute("SELECT entity, action, payload FROM outbox ORDER BY seq").fetchall()
    return [(r[0], r[1], json.loads(r[2])) for r in rows]


def test_onboarding_end_to_end_with_resume(qtbot, shell, session, household, tmp_path):
    page = login(qtbot, shell)
    assert page.current == flow.HOUSEHOLD and not page.banner.isVisible()
    hh = page.screens[flow.HOUSEHOLD]

    # Next with nothing chosen: a clear message, nothing saved
    qtbot.mouseClick(page.next_button, LEFT)
    assert page.error.isVisible() and "Hãy chọn một hộ" in page.error.text()

    # find the household by its code, Enter picks the first result
    qtbot.keyClicks(hh.search, "PA23VG")
    qtbot.waitUntil(lambda: hh.results.count() == 1, timeout=5_000)
    assert "Nguyễn Văn Đức" in hh.results.item(0).text()
    qtbot.keyClick(hh.search, Qt.Key.Key_Return)
    at(qtbot, page, flow.APP_INSTALL)
    assert page.step_count.text() == "Bước 2 / 7"
    assert page.household.text() == "Nguyễn Văn Đức · PA23VG0053140"
    install = page.screens[flow.APP_INSTALL]
    decoded = set().union(*(decode_pixmap(img.pixmap(), tmp_path) for img in install.qr_images))
    cfg = ob.load_config()
    assert decoded == {cfg.android_url, cfg.ios_url, cfg.chat_url}
    assert "1900 6769" in install.hotline.text()
    click_next(qtbot, page, flow.APP)

    app = page.screens[flow.APP]
    assert app.phone.text() == "0912345678"  # the contract's phone, prefilled
    qtbot.mouseClick(page.next_button, LEFT)  # no answer chosen yet
    assert page.error.isVisible() and page.current == flow.APP
    qtbot.mouseClick(app.yes, LEFT)
    click_next(qtbot, page, flow.PAYMENT)

    # --- stop midway: sign out, sign in again -------------------------------------------------
    shell.logout()
    qtbot.waitUntil(lambda: shell.session is None, timeout=5_000)
    page = login(qtbot, shell)
    at(qtbot, page, flow.PAYMENT)
    assert page.banner.isVisible() and "Nguyễn Văn Đức" in page.banner.text()
    qtbot.mouseClick(page.back_button, LEFT)
    at(qtbot, page, flow.APP)
    app = page.screens[flow.APP]
    assert app.yes.isChecked() and app.phone.text() == "0912345678"  # earlier answers kept
    click_next(qtbot, page, flow.PAYMENT)

    pay = page.screens[flow.PAYMENT]
    qtbot.mouseClick(pay.radios["e_wallet"], LEFT)
    assert pay.provider.isVisible() and pay.provider.count() == len(cfg.wallets)
    qtbot.mouseClick(page.next_button, LEFT)  # no wallet chosen
    qtbot.waitUntil(lambda: page.error.isVisible() and not page.saving, timeout=5_000)
    assert "ví điện tử" in page.error.text() and page.current == flow.PAYMENT
    pay.provider.setCurrentIndex(pay.provider.findText("MoMo"))
    click_next(qtbot, page, flow.BILL)

    bill = page.screens[flow.BILL]
    qtbot.waitUntil(lambda: bill.loaded is not None, timeout=5_000)
    assert "346.356 đ" in bill.estimate.text() and "150" in bill.estimate.text()
    [payload] = decode_pixmap(bill.qr.pixmap(), tmp_path)
    assert payload == bill.loaded.transfer.payload and "5406346356" not in payload  # an estimate: no amount
    assert "53037045802VN" in payload and "theo hoá đơn" in bill.facts.text()
    click_next(qtbot, page, flow.CONTRACT)

    contract = page.screens[flow.CONTRACT]
    assert "PA23VG0053140" in contract.summary.text() and "MoMo" in contract.summary.text()
    qtbot.mouseClick(page.next_button, LEFT)  # summary not ticked as read
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5_000)
    assert "đã đọc" in page.error.text()
    qtbot.mouseClick(contract.read, LEFT)
    pad = contract.pad
    qtbot.mousePress(pad, LEFT, pos=QPoint(40, 60))
    for dx in range(20, 220, 20):
        qtbot.mouseMove(pad, pos=QPoint(40 + dx, 60 + (dx % 40)))
    qtbot.mouseRelease(pad, LEFT, pos=QPoint(260, 80))
    assert pad.has_ink() and len(pad.strokes[0]) >= 5
    click_next(qtbot, page, flow.SHEET)

    sheet = page.screens[flow.SHEET]
    assert "chờ OTP" in sheet.recap.text()
    qtbot.mouseClick(page.next_button, LEFT)  # finishing without a sheet is refused
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5_000)
    qtbot.mouseClick(sheet.make_button, LEFT)
    qtbot.waitUntil(lambda: bool(sheet.path), timeout=20_000)
    qtbot.mouseClick(sheet.printed, LEFT, pos=QPoint(12, sheet.printed.height() // 2))  # on the box
    assert sheet.printed.isChecked()
    click_next(qtbot, page, flow.DONE)
    assert "Nguyễn Văn Đức" in page.screens[flow.DONE].detail.text()

    # --- the database, through the services -----------------------------------------------------
    f = ob.load_flow(session, household.id)
    assert f.step == flow.DONE
    assert f.answers[flow.APP] == {"registered": True, "phone": "0912345678"}
    assert f.answers[flow.PAYMENT] == {"method": "e_wallet", "provider": "MoMo"}
    assert f.answers[flow.CONTRACT]["otp"] == "pending" and f.answers[flow.CONTRACT]["drawn"] is True
    assert f.answers[flow.SHEET]["printed"] is True
    signature = session.attachments.get(f.answers[flow.CONTRACT]["attachments"][0])
    assert Image.open(io.BytesIO(signature)).convert("L").getextrema()[0] < 50
    steps = [p["step"] for e, _a, p in outbox(session) if e == "onboarding_step"]
    # the app step was saved twice (again after resuming), each later record superseding the earlier
    assert steps == ["household", "app_install", "app", "app", "payment", "bill", "contract", "sheet", "sheet"]
    assert {p["kind"] for e, _a, p in outbox(session) if e == "attachment"} == {"signature", "document"}
    fig = ob.adoption_figures(session)
    assert (fig.households_onboarded, fig.e_contract, fig.app_users, fig.cashless_by_method["e_wallet"]) == (1, 1, 1, 1)

    # --- the household sheet PDF ---------------------------------------------------------------
    pdf = session.attachments.get(f.answers[flow.SHEET]["sha256"])  # kept encrypted, never a plain file
    assert sheet.document_actions.document is not None and sheet.document_actions.document.sha256 == \
        f.answers[flow.SHEET]["sha256"]
    assert "PA23VG" not in sheet.path and not (Path(session.profile.folder) / "sheets").exists()
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for needle in ("PA23VG0053140", "Nguyễn Văn Đức", "Mã khách hàng", "Tổng đài chăm sóc", "Zalo chính thức",
                   "1900 6769", "Ví điện tử", "MoMo", "Ngày ghi chỉ số tiếp theo", "346.356 đ"):
        assert needle in text, needle
    pix = pymupdf.open(stream=pdf, filetype="pdf")[0].get_pixmap(dpi=150)
    image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    lo, hi = image.convert("L").getextrema()
    assert lo < 30 and hi > 230  # ink on paper, not a blank page
    codes = {r.text for r in zxingcpp.read_barcodes(image)}
    # the sheet's transfer QR has no amount: no bill published by the utility is known; the bill
    # step's on-screen QR is the same one (never the estimate's amount for the past period)
    acc = cfg.collection
    static = build_vietqr(acc.bank_bin, acc.account, None, cfg.purpose.format(code="PA23VG0053140"))
    assert payload == static and {cfg.android_url, cfg.ios_url, cfg.chat_url, static} <= codes


def test_new_household_keyboard_only(qtbot, shell, session):
    page = login(qtbot, shell)
    hh = page.screens[flow.HOUSEHOLD]
    page.activateWindow()
    hh.search.setFocus()
    # (QTest types ASCII only; Vietnamese letters come from the input method, not testable here)
    qtbot.keyClicks(hh.search, "Lo Thi Hoa")
    qtbot.waitUntil(lambda: "Không tìm thấy" in hh.results_label.text(), timeout=5_000)
    qtbot.keyClick(hh.search, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "Thêm hộ &mới"
    qtbot.waitUntil(lambda: hh.modes.currentWidget() is hh.new_mode, timeout=2_000)
    assert page.back_button.isEnabled()  # Back returns to the search, in the usual place
    qtbot.keyClick(hh.is_customer, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # "&Quay lại"
    qtbot.waitUntil(lambda: hh.modes.currentWidget() is hh.find_mode, timeout=2_000)
    assert not page.back_button.isEnabled()
    qtbot.keyClick(hh.search, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: hh.modes.currentWidget() is hh.new_mode, timeout=2_000)
    assert hh.name.text() == "Lo Thi Hoa"  # carried over from the search
    qtbot.keyClick(hh.is_customer, Qt.Key.Key_Down)  # radio group: arrow to "not yet a customer"
    assert hh.not_customer.isChecked() and not hh.code.isVisible()
    hh.phone.setFocus()
    qtbot.keyClicks(hh.phone, "0977 123 456")
    hh.commune.setFocus()
    qtbot.keyClicks(hh.commune, "gia vien")  # found without diacritics
    hh.street.setFocus()
    qtbot.keyClicks(hh.street, "Thon Dong, so 12")
    qtbot.keyClick(hh.street, Qt.Key.Key_Return)
    at(qtbot, page, flow.NEW_SUPPLY)
    assert page.step_count.text() == "Bước 2 / 7"

    ns = page.screens[flow.NEW_SUPPLY]
    assert ns.street.text() == "Thon Dong, so 12" and ns.commune.text() == "Xã Gia Viễn"
    ns.households.setFocus()
    qtbot.keyClick(ns.households, Qt.Key.Key_Up)  # 2 households share the meter
    for key in ("id_document", "address_proof"):
        ns.docs[key].setFocus()
        qtbot.keyClick(ns.docs[key], Qt.Key.Key_Space)
    qtbot.keyClick(ns.street, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.error.isVisible() and not page.saving, timeout=5_000)
    assert "ủy quyền" in page.error.text() and page.current == flow.NEW_SUPPLY
    ns.docs["household_authorisation"].setFocus()
    qtbot.keyClick(ns.docs["household_authorisation"], Qt.Key.Key_Space)
    ns.street.setFocus()
    went = []  # Enter: field after field, and after the last one the next screen
    while page.current == flow.NEW_SUPPLY and not page.saving and len(went) < 6:
        went.append(QApplication.focusWidget())
        qtbot.keyClick(went[-1], Qt.Key.Key_Return)
    assert went[0] is ns.street and len(went) == len({id(w) for w in went}) and page.back_button not in went
    at(qtbot, page, flow.APP_INSTALL)

    [item] = ob.unfinished(session)
    f = ob.load_flow(session, item.customer_id)
    assert f.new_supply and f.customer.code.startswith("PATAM0") and f.customer.households == 2
    assert f.customer.phone == "0977123456" and f.customer.address.commune_code == 14464
    assert f.answers[flow.NEW_SUPPLY]["households"] == 2
    kinds = [p.get("kind") for e, _a, p in outbox(session) if e == "work_order"]
    assert kinds == ["new_supply"]
    # no bill step on this path
    assert flow.BILL not in f.path
