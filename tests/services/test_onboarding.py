"""Onboarding services on a real encrypted profile: each step saved with its outbox entry,
resume rebuilt from the saved steps, the bill QR, the signed contract, the household sheet
PDF, OTP confirmation arriving by sync, and the adoption figures."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from fieldkit.documents.vietqr import crc16_ccitt_false
from fieldkit.domain import onboarding as flow
from fieldkit.domain.models import Address, ReadingSource, RegisterValue, WorkOrderKind
from fieldkit.domain.problems import ValidationError
from fieldkit.services import customers, field_facts, meters
from fieldkit.services import onboarding as ob
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.apply import apply_change

GIA_VIEN = (37, 14464)  # Ninh Bình, Xã Gia Viễn


def outbox(session, entity: str) -> list[dict]:
    with session.store.read() as conn:
        rows = conn.execute("SELECT entity, action, payload FROM outbox WHERE entity = ? ORDER BY seq",
                            (entity,)).fetchall()
    return [json.loads(r[2]) | {"_action": r[1]} for r in rows]


@pytest.fixture
def existing(session):
    """A customer with a meter and two readings 30 days apart (150 kWh)."""
    c = customers.create_customer(session, CustomerInput(
        code="PA23VG0053140", name="Nguyễn Văn Đức", phone="0912345678",
        address=Address(province_code=37, province="Ninh Bình", commune_code=14464, commune="Xã Gia Viễn",
                        street="Thôn Đông")))
    m = meters.register_meter(session, serial="CE18-0001", customer_id=c.id)
    for when, index in ((datetime(2026, 10, 25, 3, tzinfo=UTC), "1000"), (datetime(2026, 11, 24, 3, tzinfo=UTC), "1150")):
        field_facts.record_reading(session, meter_id=m.id, registers={"1.8.0": RegisterValue(Decimal(index), "kWh")},
                                   source=ReadingSource.OPTICAL, taken_at=when)
    return c


def test_config_is_valid_and_bad_config_is_refused() -> None:
    cfg = ob.load_config()
    assert cfg.hotline == "1900 6769" and len(cfg.banks) >= 5 and "MoMo" in cfg.wallets
    assert all(len(b.bin) == 6 and b.bin.isdigit() for b in cfg.banks)
    raw = json.loads(ob.config_path().read_text(encoding="utf-8"))
    raw["banks"].append({"name": "Bad", "bin": "12345"})
    raw["reading_day"] = 31
    with pytest.raises(ValueError, match="6-digit NAPAS BIN.*reading_day"):
        ob.parse_config(raw)


def test_existing_customer_full_flow(session, existing, tmp_path: Path) -> None:
    f = ob.start_with_customer(session, existing.id)
    assert f.step == flow.APP_INSTALL and not f.new_supply
    f = ob.mark_app_shown(session, existing.id)
    assert f.step == flow.APP
    with pytest.raises(ValidationError) as err:
        ob.save_app(session, existing.id, True, "0987654321")
    assert "hợp đồng" in err.value.messages("vi")[0] and "contract" in err.value.messages("en")[0]
    f = ob.save_app(session, existing.id, True, "+84 912 345 678")
    assert f.answers[flow.APP] == {"registered": True, "phone": "0912345678"}
    with pytest.raises(ValidationError):
        ob.save_payment(session, existing.id, "e_wallet", "Unknown Wallet")
    f = ob.save_payment(session, existing.id, "mobile_banking", "Agribank")
    assert f.answers[flow.PAYMENT] == {"method": "mobile_banking", "provider": "Agribank", "provider_bin": "970405"}
    assert f.step == flow.BILL

    qr = ob.bill_qr(session, existing.id)
    assert qr.estimate is not None and qr.estimate.kwh == 150 and qr.estimate.days == 30
    # 50 × 1,984 + 50 × 2,050 + 50 × 2,380 = 320,700; VAT 8 % = 25,656
    assert qr.estimate.subtotal == 320_700 and qr.estimate.total == 346_356
    payload = qr.transfer.payload
    # the estimate is for a past period the household may have paid: the QR carries no amount (static)
    assert "0010A000000727" in payload and "TIEN DIEN PA23VG0053140" in payload
    assert payload.startswith("000201010211") and "53037045802VN" in payload  # no field 54 (amount)
    assert qr.transfer.amount is None and qr.bill is None
    assert payload[-4:] == f"{crc16_ccitt_false(payload[:-4].encode()):04X}"
    f = ob.mark_bill_shown(session, existing.id, qr)
    assert f.step == flow.CONTRACT
    assert f.answers[flow.BILL]["qr_amount"] is None and f.answers[flow.BILL]["total"] == 346_356

    with pytest.raises(ValidationError) as err:
        ob.sign_contract(session, existing.id, signed=True, read_summary=False, signer="")
    assert {p.field for p in err.value.problems} == {"read", "signer", "signature"}
    f = ob.sign_contract(session, existing.id, signed=True, read_summary=True, signer="Nguyễn Văn Đức",
                         strokes=[[(0.1, 0.5), (0.3, 0.3), (0.6, 0.7)]])
    contract = f.answers[flow.CONTRACT]
    assert contract["signed"] is True and contract["otp"] == "pending" and len(contract["attachments"]) == 1
    png = session.attachments.get(contract["attachments"][0])
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.convert("L").getextrema()[0] < 50  # ink on the page
    assert f.step == flow.SHEET

    result = ob.make_sheet(session, existing.id)
    assert result.flow.step == flow.DONE
    pdf = session.attachments.get(result.sha256)
    assert result.document.sha256 == result.sha256 and "PA23VG" not in result.document.file_name
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "PA23VG0053140" in text and "Ngân hàng trên điện thoại" in text and "Agribank" in text
    assert "Ngày ghi chỉ số tiếp theo" in text and "346.356 đ" in text
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    pix = doc[0].get_pixmap(dpi=150)
    page = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    decoded = {r.text for r in zxingcpp.read_barcodes(page)}
    assert ob.load_config().android_url in decoded
    # the sheet's transfer QR: no bill issued by the utility is known, so no amount (the bill step's
    # 346,356 is an estimate for a past period); same account and reference, checked CRC
    static = payload.replace("010212", "010211", 1).replace("5406346356", "")[:-4]
    static += f"{crc16_ccitt_false(static.encode()):04X}"
    assert [d for d in decoded if d.startswith("000201")] == [static]
    assert "ghi theo hoá đơn tiền điện" in " ".join(text.split())

    f = ob.finish(session, existing.id, printed=True)
    assert f.answers[flow.SHEET]["printed"] is True and f.answers[flow.SHEET]["sha256"] == result.sha256
    assert f.step == flow.DONE
    assert ob.unfinished(session) == []

    steps = outbox(session, "onboarding_step")
    names = [s["step"] for s in steps]
    assert names == ["household", "app_install", "app", "payment", "bill", "contract", "sheet", "sheet"]
    assert steps[-1]["supersedes"] == steps[-2]["id"]
    kinds = {a["kind"] for a in outbox(session, "attachment")}
    assert kinds == {"signature", "document"}


def test_new_household_and_new_supply_request(session) -> None:
    with pytest.raises(ValidationError) as err:
        ob.start_new_household(session, ob.HouseholdInput(name=" ", phone="12", existing_customer=False))
    assert {p.field for p in err.value.problems} == {"name", "phone", "commune"}
    f = ob.start_new_household(session, ob.HouseholdInput(
        name="Lò Thị  Mai", phone="0977000111", national_id="001190000123", street="Bản Co Mạ",
        province_code=GIA_VIEN[0], commune_code=GIA_VIEN[1], existing_customer=False))
    assert f.new_supply and f.step == flow.NEW_SUPPLY
    assert f.customer.code.startswith("PATAM0") and len(f.customer.code) == 13
    assert f.customer.name == "Lò Thị Mai" and f.customer.address.commune == "Xã Gia Viễn"
    with pytest.raises(ValidationError) as err:
        ob.save_new_supply(session, f.customer.id, flow.NewSupplyAnswer(
            documents=("id_document", "address_proof"), households=2, street="Bản Co Mạ"))
    assert err.value.problems[0].field == "documents"
    answer = flow.NewSupplyAnswer(documents=("id_document", "address_proof", "household_authorisation"),
                                  households=2, street="Bản Co Mạ", commune_code=GIA_VIEN[1], needs_pole=True)
    f = ob.save_new_supply(session, f.customer.id, answer)
    ns = f.answers[flow.NEW_SUPPLY]
    assert ns["households"] == 2 and ns["working_days"] == 7 and f.step == flow.APP_INSTALL
    # saving it again (a correction) keeps the same work order and supersedes the record
    f = ob.save_new_supply(session, f.customer.id, answer)
    assert f.answers[flow.NEW_SUPPLY]["work_order_id"] == ns["work_order_id"]
    wos = outbox(session, "work_order")
    assert len(wos) == 1 and wos[0]["kind"] == WorkOrderKind.NEW_SUPPLY.value
    assert customers.get_customer(session, f.customer.id).households == 2
    # no bill for a household that is not yet connected: payment goes straight to the contract
    ob.mark_app_shown(session, f.customer.id)
    ob.save_app(session, f.customer.id, False, "")
    f = ob.save_payment(session, f.customer.id, "bank_qr")
    assert f.step == flow.CONTRACT and flow.BILL not in f.path
    f = ob.sign_contract(session, f.customer.id, signed=True, read_summary=True, signer="Lò Thị Mai")  # typed name
    assert f.answers[flow.CONTRACT]["drawn"] is False
    assert [u.step for u in ob.unfinished(session)] == [flow.SHEET]


def test_existing_code_not_on_device_and_duplicate(session, existing) -> None:
    with pytest.raises(ValidationError) as err:
        ob.start_new_household(session, ob.HouseholdInput(
            name="X", code="PA23VG0053140", province_code=GIA_VIEN[0], commune_code=GIA_VIEN[1]))
    assert err.value.problems[0].code == "taken"
    f = ob.start_new_household(session, ob.HouseholdInput(
        name="Đinh Văn Tâm", code="pa23vg 0099999", province_code=GIA_VIEN[0], commune_code=GIA_VIEN[1]))
    assert f.customer.code == "PA23VG0099999" and not f.new_supply and f.step == flow.APP_INSTALL


def test_resume_after_closing_the_session(session, existing, profile_dir) -> None:
    ob.start_with_customer(session, existing.id)
    ob.mark_app_shown(session, existing.id)
    ob.save_app(session, existing.id, True, "0912345678")
    session.close()
    again = sessions.login(profile_dir, "lan", "246810")
    try:
        [item] = ob.unfinished(again)
        assert (item.code, item.step) == ("PA23VG0053140", flow.PAYMENT)
        f = ob.load_flow(again, existing.id)
        assert f.answers[flow.APP]["phone"] == "0912345678"
        # starting again with the same customer resumes instead of starting over
        assert ob.start_with_customer(again, existing.id).step == flow.PAYMENT
        assert len([s for s in outbox(again, "onboarding_step") if s["step"] == "household"]) == 1
    finally:
        again.close()


def test_switching_to_auto_debit_skips_the_bill_and_sheet_has_no_transfer_qr(session, existing, tmp_path) -> None:
    ob.start_with_customer(session, existing.id)
    ob.mark_app_shown(session, existing.id)
    ob.save_app(session, existing.id, False, "")
    ob.save_payment(session, existing.id, "bank_qr")
    ob.mark_bill_shown(session, existing.id, ob.bill_qr(session, existing.id))
    f = ob.save_payment(session, existing.id, "auto_debit", "BIDV")
    assert flow.BILL not in f.answers and f.step == flow.CONTRACT
    sheet = ob.household_sheet(session, existing.id, today=date(2026, 11, 30))
    assert sheet.bank_transfer is None and sheet.bill is not None
    assert sheet.next_reading_date == date(2026, 12, 25)


def test_otp_confirmation_arrives_by_sync(session, existing) -> None:
    ob.start_with_customer(session, existing.id)
    f = ob.sign_contract(session, existing.id, signed=True, read_summary=True, signer="Nguyễn Văn Đức")
    pending = f.records[flow.CONTRACT]
    confirmed = {"id": "server-op-1", "customer_id": existing.id, "step": "contract",
                 "data": pending.data | {"otp": "confirmed"}, "supersedes": pending.id}
    with session.store.transaction(actor=None) as tx:
        apply_change(tx.conn, "onboarding_step", confirmed, tx.now, {})
    f = ob.load_flow(session, existing.id)
    assert f.answers[flow.CONTRACT]["otp"] == "confirmed"
    assert ob.adoption_figures(session).e_contract_confirmed == 1


def test_adoption_figures(session, existing) -> None:
    people = []
    for i, (method, provider, app, signed) in enumerate([
            ("mobile_banking", "Agribank", True, True), ("e_wallet", "MoMo", True, False),
            ("e_wallet", "ZaloPay", False, True), ("cash", "", False, False)]):
        c = customers.create_customer(session, CustomerInput(
            code=f"PA23LN000000{i}", name=f"Hộ {i}",
            address=Address(commune_code=14464 if i < 3 else 11560)))
        people.append(c)
        ob.start_with_customer(session, c.id)
        ob.save_app(session, c.id, app, f"09120000{i:02d}" if app else "")  # no contract phone yet: it is set
        if app:
            assert customers.get_customer(session, c.id).phone == f"09120000{i:02d}"
        ob.save_payment(session, c.id, method, provider)
        ob.sign_contract(session, c.id, signed=signed, read_summary=True, signer=c.name)
    # the first household later moves from mobile banking to cash: it no longer counts as cashless
    ob.save_payment(session, people[0].id, "cash")
    fig = ob.adoption_figures(session)
    assert fig.households_onboarded == 4 and fig.app_users == 2 and fig.e_contract == 2
    assert fig.cashless == 2 and fig.cashless_by_method == {
        "mobile_banking": 0, "e_wallet": 2, "auto_debit": 0, "bank_qr": 0}
    assert fig.providers == {"MoMo": 1, "ZaloPay": 1}
    in_commune = ob.adoption_figures(session, commune_code=11560)
    assert in_commune.households_onboarded == 1 and in_commune.cashless == 0


def publish_bill(session, code: str, **data) -> None:
    """A bill as the utility publishes it (server reference kind 'bill'), through the pull's own path."""
    with session.store.transaction(actor=None) as tx:
        apply_change(tx.conn, "reference", {"kind": "bill", "key": code, "version": 1, "data": data}, tx.now, {})


def test_bill_qr_pays_only_the_published_bill(session, existing) -> None:
    """The on-screen QR follows the sheet: the amount of the utility's unpaid bill, else no amount."""
    ob.start_with_customer(session, existing.id)
    publish_bill(session, existing.code, period_start="2026-10-01", period_end="2026-10-31", amount=287654,
                 due_date="2026-11-20", paid=False)
    qr = ob.bill_qr(session, existing.id)
    assert qr.bill is not None and qr.bill.amount == 287_654 and qr.transfer.amount == 287_654
    assert "5406287654" in qr.transfer.payload and qr.transfer.payload.startswith("000201010212")
    assert qr.estimate is not None and qr.estimate.total == 346_356  # still worked out, never the QR's amount
    f = ob.mark_bill_shown(session, existing.id, qr)
    saved = f.answers[flow.BILL]
    assert saved["qr_amount"] == 287_654 and saved["bill_period"] == ["2026-10-01", "2026-10-31"]
    # paid, or hostile/broken data: no amount
    for bad in ({"paid": True}, {"amount": "1e9"}, {"amount": 0}, {"period_end": "2026-09-01"}, {"amount": None}):
        publish_bill(session, existing.code, **({"period_start": "2026-10-01", "period_end": "2026-10-31",
                                                 "amount": 287654} | bad))
        qr = ob.bill_qr(session, existing.id)
        assert qr.transfer.amount is None and qr.bill is None and "5406" not in qr.transfer.payload, bad
