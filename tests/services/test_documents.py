"""Every document made from real store data (encrypted profile), opened with pypdf / PyMuPDF and read
back: the date and every party on each; the household sheet's code and its transfer QR decoded from
the rendered page (zxing-cpp) with its CRC checked; the real customer code arriving on sync (the
pull's own code path) bringing the household's records and documents along; the review's
open-the-PDF call; the contract terms as data, and hostile terms files."""

from __future__ import annotations

import io
import json
import re
import stat
import tempfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pymupdf
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from fieldkit.documents import contract_terms
from fieldkit.documents.contract_terms import TermsError, load_terms
from fieldkit.documents.vietqr import crc16_ccitt_false
from fieldkit.domain import onboarding as flow
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Address, ReadingSource, RegisterValue, Role, WorkOrderKind
from fieldkit.domain.problems import ValidationError
from fieldkit.services import customers, field_facts, installs, kept_documents, meters, work_orders
from fieldkit.services import documents as docs
from fieldkit.services import onboarding as ob
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.services.installs import InstallFile
from fieldkit.store.keyring import FAST_KDF
from fieldkit.sync.apply import apply_change

REAL_CODE = "PA23VG0088123"


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())


def qr_codes(pdf: bytes) -> set[str]:
    out: set[str] = set()
    for page in pymupdf.open(stream=pdf, filetype="pdf"):
        pix = page.get_pixmap(dpi=200)
        out |= {r.text for r in zxingcpp.read_barcodes(Image.frombytes("RGB", (pix.width, pix.height), pix.samples))}
    return out


def tlv(payload: str) -> dict[str, str]:
    """The top-level EMVCo fields of a VietQR payload (id -> value), walked by their lengths."""
    out, i = {}, 0
    while i < len(payload):
        tag, n = payload[i:i + 2], int(payload[i + 2:i + 4])
        out[tag] = payload[i + 4:i + 4 + n]
        i += 4 + n
    assert i == len(payload)
    return out


def check_crc(payload: str) -> None:
    assert payload[-8:-4] == "6304" and payload[-4:] == f"{crc16_ccitt_false(payload[:-4].encode()):04X}"


def png(colour: str, size: tuple[int, int] = (300, 100)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def today_vi() -> str:
    return local_today().strftime("%d/%m/%Y")


@pytest.fixture
def customer(session):
    c = customers.create_customer(session, CustomerInput(
        code="PA23VG0053140", name="Nguyễn Văn Đức", phone="0912345678", national_id="037085001122",
        address=Address(province_code=37, province="Ninh Bình", commune_code=14464, commune="Xã Gia Viễn",
                        street="Thôn Đông")))
    m = meters.register_meter(session, serial="CE18-0001", customer_id=c.id)
    for when, index in ((datetime(2026, 10, 25, 3, tzinfo=UTC), "1000"), (datetime(2026, 11, 24, 3, tzinfo=UTC), "1150")):
        field_facts.record_reading(session, meter_id=m.id, registers={"1.8.0": RegisterValue(Decimal(index), "kWh")},
                                   source=ReadingSource.OPTICAL, taken_at=when)
    return c


def onboard(session, cid: str, method: str = "mobile_banking", provider: str = "Agribank") -> None:
    ob.mark_app_shown(session, cid)
    ob.save_app(session, cid, True, "0912345678")
    ob.save_payment(session, cid, method, provider)
    f = ob.load_flow(session, cid)
    if flow.BILL in f.path:
        ob.mark_bill_shown(session, cid, ob.bill_qr(session, cid))
    ob.sign_contract(session, cid, signed=True, read_summary=True, signer="Nguyễn Văn Đức",
                     strokes=[[(0.1, 0.6), (0.3, 0.2), (0.5, 0.7), (0.8, 0.3)]])


# --- the install record ------------------------------------------------------------------------


def test_install_record_has_its_date_and_both_parties_whoever_opens_it(session, supervisor, customer):
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.METER_REPLACEMENT, customer_id=customer.id,
                                       due_date=local_today())
    files = [InstallFile(png("#88AACC", (160, 120)), "image/png", "photo"),
             InstallFile(png("white"), "image/png", "signature"), InstallFile(png("#EEEEEE"), "image/png", "signature")]
    values: dict[str, Any] = {
        "reason": "faulty", "representative": "Nguyễn Thị Mai", "removed_serial": "OLD-1",
        "removed_reading": {"BT": "10", "CD": "2", "TD": "3", "source": "manual"},
        "installed_serial": "VSN2025000999", "installed_type": "electronic", "phases": "1",
        "installed_reading": {"BT": "0", "CD": "0", "TD": "0", "source": "manual"}, "terminal_seal_code": "A1",
        "terminal_seal_count": "2", "optical_sticker": "QC-1", "install_date": local_today().isoformat(),
        "meter_photos": [files[0].sha256], "technician_signature": files[1].sha256,
        "customer_signature": files[2].sha256,
    }
    installs.complete_install(session, work_order_id=wo.id, values=values, files=files)
    # the supervisor opens it (on the same laptop here): the technician's name, not the supervisor's
    pdf = installs.install_record_pdf(supervisor, wo.id, "vi")
    text = text_of(pdf)
    assert re.search(r"Ngày lập (\d\d/\d\d/\d{4})", text).group(1) == today_vi()
    assert f"ngày {local_today():%d} tháng {local_today():%m} năm {local_today():%Y}" in text
    assert "Trần Thị Lan" in text and "Phạm Văn Hùng" not in text  # the installer who recorded it
    assert "Nguyễn Thị Mai" in text and "Nguyễn Văn Đức" in text and "PA23VG0053140" in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    en_pdf = installs.install_record_pdf(session, wo.id, "en")
    en = text_of(en_pdf)
    assert re.search(r"Date (\d\d/\d\d/\d{4})", en).group(1) == today_vi()
    # the signatures never stand alone on a page: the last section (photos) goes with them
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(en_pdf)).pages]
    [signed] = [p for p in pages if "Customer signature" in p]
    assert "Photos of meter and seals" in signed and "Trần Thị Lan" in signed


def test_record_time_prefers_the_typed_day_when_the_record_came_later():
    when = installs.record_time("2026-11-30", "2026-12-03T02:00:00.000+00:00")
    assert (when.year, when.month, when.day) == (2026, 11, 30)
    when = installs.record_time("2026-12-03", "2026-12-03T02:00:00.000+00:00")
    assert (when.hour, when.minute) == (9, 0)  # 02:00 UTC is 09:00 in Vietnam, same day: the stored time
    assert installs.record_time("not a date", "").date() is not None  # never empty


# --- the e-contract and the new-supply request -------------------------------------------------


def test_contract_has_date_parties_signature_and_the_terms_it_was_signed_under(session, customer):
    ob.start_with_customer(session, customer.id)
    onboard(session, customer.id)
    f = ob.load_flow(session, customer.id)
    assert f.answers[flow.CONTRACT]["terms"] == "residential" and f.answers[flow.CONTRACT]["terms_version"] == 1
    refs = docs.documents_of_customer(session, customer.id)
    assert [r.kind for r in refs] == ["contract"]
    pdf = docs.pdf_of(session, refs[0], "vi")
    text = text_of(pdf)
    terms = load_terms("residential", 1)
    for needle in ("HỢP ĐỒNG MUA BÁN ĐIỆN", "BÊN BÁN ĐIỆN", "BÊN MUA ĐIỆN", "TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC",
                   "Nguyễn Văn Đức", "037085001122", "0912345678", "PA23VG0053140", "Thôn Đông, Xã Gia Viễn",
                   "Trần Thị Lan", "Ninh Bình, ngày", "Chờ xác nhận bằng mã OTP", "residential v1"):
        assert needle in text, needle
    for clause in terms.clauses:  # every clause of the data file, in order
        assert " ".join(clause.title["vi"].split()) in text
    assert f"ngày {local_today():%d} tháng {local_today():%m} năm {local_today():%Y}" in text
    assert re.search(r"HĐ-\d{6}-[0-9A-F]{6}", text)
    images = [img for page in pymupdf.open(stream=pdf, filetype="pdf") for img in page.get_images()]
    assert len(images) == 1  # the buyer's signature as drawn
    en = text_of(docs.pdf_of(session, refs[0], "en"))
    assert "CONTRACT FOR THE SALE OF ELECTRICITY" in en and "Article 7. Validity" in en and "Nguyễn Văn Đức" in en


def test_new_supply_request_has_applicant_papers_date_and_receiver(session):
    f = ob.start_new_household(session, ob.HouseholdInput(
        name="Phạm Thị Hằng", phone="0987111222", national_id="037190001234", street="Xóm 3",
        province_code=37, commune_code=14464, existing_customer=False))
    cid = f.customer.id
    ob.save_new_supply(session, cid, flow.NewSupplyAnswer(documents=("id_document", "address_proof"), households=1,
                                                           street="Xóm 3, nhà mới", commune_code=14464))
    refs = docs.documents_of_customer(session, cid)
    assert [r.kind for r in refs] == ["new_supply_request"]
    text = text_of(docs.pdf_of(session, refs[0], "vi"))
    code = ob.load_flow(session, cid).customer.code
    wo_number = re.search(r"Phiếu công việc (CD-\d{6}-[0-9A-F]{6})", text).group(1)
    for needle in ("GIẤY ĐỀ NGHỊ MUA ĐIỆN", "Phạm Thị Hằng", "037190001234", "0987111222", "Xóm 3, nhà mới",
                   f"Mã tạm của yêu cầu {code}", "5 ngày làm việc", "☒ Căn cước công dân",
                   "☒ Giấy tờ chứng minh quyền", "không cần (một hộ)", "NGƯỜI ĐỀ NGHỊ", "NHÂN VIÊN TIẾP NHẬN",
                   "Trần Thị Lan", f"ngày {local_today():%d} tháng {local_today():%m} năm {local_today():%Y}"):
        assert needle in text, needle
    assert wo_number.startswith("CD-")


# --- the household sheet: real bill or no amount -----------------------------------------------


def publish_bill(session, code: str, **data: Any) -> None:
    """A bill as the utility publishes it through the server's reference feed (the pull's own path)."""
    with session.store.transaction(actor=None) as tx:
        apply_change(tx.conn, "reference", {"kind": "bill", "key": code, "version": 1, "data": data}, tx.now, {})


def sheet_transfer_qr(pdf: bytes) -> list[str]:
    return [c for c in qr_codes(pdf) if c.startswith("000201")]


def test_sheet_qr_pays_the_published_bill_or_carries_no_amount(session, customer):
    ob.start_with_customer(session, customer.id)
    onboard(session, customer.id)
    # 1. no bill known: the QR carries no amount (the estimate is for a past period)
    pdf = session.attachments.get(ob.make_sheet(session, customer.id).sha256)
    [payload] = sheet_transfer_qr(pdf)
    fields = tlv(payload)
    check_crc(payload)
    assert fields["01"] == "11" and "54" not in fields and "PA23VG0053140" in fields["62"]
    assert "ghi theo hoá đơn tiền điện" in text_of(pdf)
    # 2. the utility's bill for November, unpaid: its amount, period and due date
    publish_bill(session, "PA23VG0053140", period_start="2026-11-01", period_end="2026-11-30", amount=412345,
                 due_date="2026-12-15", paid=False)
    pdf = session.attachments.get(ob.make_sheet(session, customer.id).sha256)
    [payload] = sheet_transfer_qr(pdf)
    fields = tlv(payload)
    check_crc(payload)
    assert fields["01"] == "12" and fields["54"] == "412345" and fields["53"] == "704" and fields["58"] == "VN"
    text = text_of(pdf)
    assert "Hoá đơn kỳ: 01/11/2026 – 30/11/2026" in text and "412.345 đ" in text and "15/12/2026" in text
    # 3. paid, or hostile data: no amount again
    for bad in ({"paid": True}, {"amount": "12; DROP"}, {"amount": -5}, {"period_end": "2026-10-01"},
                {"amount": True}, {"period_start": "yesterday"}):
        publish_bill(session, "PA23VG0053140", **({"period_start": "2026-11-01", "period_end": "2026-11-30",
                                                   "amount": 412345} | bad))
        [payload] = sheet_transfer_qr(session.attachments.get(ob.make_sheet(session, customer.id).sha256))
        assert "54" not in tlv(payload), bad


def test_automatic_debit_sheet_has_no_transfer_qr(session, customer):
    ob.start_with_customer(session, customer.id)
    onboard(session, customer.id, "auto_debit", "Agribank")
    pdf = session.attachments.get(ob.make_sheet(session, customer.id).sha256)
    assert sheet_transfer_qr(pdf) == []


# --- the real customer code replaces the provisional one --------------------------------------


def new_household(session) -> str:
    f = ob.start_new_household(session, ob.HouseholdInput(
        name="Phạm Thị Hằng", phone="0987111222", national_id="037190001234", street="Xóm 3",
        province_code=37, commune_code=14464, existing_customer=False))
    cid = f.customer.id
    ob.save_new_supply(session, cid, flow.NewSupplyAnswer(documents=("id_document", "address_proof"), households=1,
                                                           street="Xóm 3, nhà mới", commune_code=14464))
    ob.mark_app_shown(session, cid)
    ob.save_app(session, cid, False, "")
    ob.save_payment(session, cid, "mobile_banking", "Agribank")
    ob.sign_contract(session, cid, signed=True, read_summary=True, signer="Phạm Thị Hằng",
                     strokes=[[(0.1, 0.6), (0.4, 0.2), (0.8, 0.6)]])
    ob.make_sheet(session, cid)
    ob.finish(session, cid, printed=True)
    return cid


def pull_customer(session, cid: str, code: str) -> None:
    """The server's customer record with the utility's code, applied as the pull applies it."""
    c = ob.load_flow(session, cid).customer
    record = {"id": c.id, "code": code, "name": c.name, "phone": c.phone, "national_id": c.national_id,
              "province_code": c.address.province_code, "province": c.address.province,
              "commune_code": c.address.commune_code, "commune": c.address.commune, "street": c.address.street,
              "households": c.households, "version": c.version + 1}
    with session.store.transaction(actor=None) as tx:
        apply_change(tx.conn, "customer", record, tx.now, {})


def test_real_code_arriving_on_sync_brings_records_and_documents_along(session):
    cid = new_household(session)
    provisional = ob.load_flow(session, cid).customer.code
    before = {r.kind: text_of(docs.pdf_of(session, r)) for r in docs.documents_of_customer(session, cid)}
    assert set(before) == {"new_supply_request", "contract", "household_sheet"}
    assert f"{provisional} (mã tạm)" in before["household_sheet"] and "chưa dùng để thanh toán" in before["household_sheet"]
    assert sheet_transfer_qr(docs.pdf_of(session, docs.DocumentRef("household_sheet", cid))) == []
    contract_number = re.search(r"HĐ-\d{6}-[0-9A-F]{6}", before["contract"]).group(0)

    assert docs.follow_code_changes(session) == []  # nothing arrived yet
    pull_customer(session, cid, REAL_CODE)
    done = docs.follow_code_changes(session)
    assert [(d.old_code, d.new_code) for d in done] == [(provisional, REAL_CODE)]
    assert docs.follow_code_changes(session) == []  # the note was cleared: done once

    f = ob.load_flow(session, cid)
    assert f.answers[flow.HOUSEHOLD]["code"] == REAL_CODE and f.answers[flow.HOUSEHOLD]["provisional_code"] == provisional
    assert f.answers[flow.SHEET]["printed"] is False  # the new sheet is to be printed and handed over
    assert f.step == flow.DONE
    after = {r.kind: docs.pdf_of(session, r) for r in docs.documents_of_customer(session, cid)}
    sheet = text_of(after["household_sheet"])
    assert REAL_CODE in sheet and provisional not in sheet and "mã tạm" not in sheet
    assert "Dùng mã này khi đăng ký ứng dụng" in sheet and "Ngày ghi chỉ số tiếp theo" in sheet
    [payload] = sheet_transfer_qr(after["household_sheet"])
    check_crc(payload)
    assert REAL_CODE in tlv(payload)["62"] and "54" not in tlv(payload)
    contract = text_of(after["contract"])
    assert REAL_CODE in contract and "mã tạm" not in contract and contract_number in contract  # same contract
    request = text_of(after["new_supply_request"])
    assert f"Mã khách hàng {REAL_CODE}" in request and "Mã tạm" not in request
    # the records made again go to the server like any other
    with session.store.read() as conn:
        steps = [json.loads(r[0]) for r in conn.execute(
            "SELECT payload FROM outbox WHERE entity = 'onboarding_step' ORDER BY seq").fetchall()]
    assert [s["step"] for s in steps[-2:]] == ["household", "sheet"]


def test_a_code_change_of_a_customer_not_onboarded_only_clears_its_note(session, customer):
    pull_customer(session, customer.id, "PA23VG0053141")
    assert [c.new_code for c in docs.follow_code_changes(session)] == ["PA23VG0053141"]
    assert docs.documents_of_customer(session, customer.id) == []


# --- open / print from the review --------------------------------------------------------------


def test_review_opens_the_pdf_of_a_record_privately(session, customer, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ob.start_with_customer(session, customer.id)
    onboard(session, customer.id)
    step = ob.load_flow(session, customer.id).records[flow.CONTRACT]
    path = docs.open_record_pdf(session, "onboarding_step", step.id)
    assert path.read_bytes().startswith(b"%PDF") and str(path).startswith(str(tmp_path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and "PA23VG" not in str(path)
    assert "Nguyễn Văn Đức" in text_of(path.read_bytes())
    assert kept_documents.remove_private_copy(path) and not path.parent.exists()
    assert not kept_documents.remove_private_copy(tmp_path / "not-ours" / "x.pdf")  # never someone else's file
    with pytest.raises(ValidationError):
        docs.open_record_pdf(session, "onboarding_step", "no-such-step")
    assert docs.document_of_record(session, "reading", "anything") is None


# --- terms as data --------------------------------------------------------------------------------


def test_terms_files_are_versioned_data(tmp_path: Path):
    assert contract_terms.versions() == [1] and contract_terms.newest_version() == 1
    terms = load_terms()
    assert terms.version == 1 and len(terms.clauses) == 7 and all("en" in c.title for c in terms.clauses)
    folder = tmp_path / "residential"
    folder.mkdir()
    good = json.loads((Path(contract_terms.__file__).parents[2] / "resources/contracts/residential/v1.json").read_text())
    v2 = good | {"version": 2, "effective_from": "2027-01-01"}
    (folder / "v1.json").write_text(json.dumps(good))
    (folder / "v2.json").write_text(json.dumps(v2))
    assert contract_terms.newest_version(root=tmp_path) == 2
    assert load_terms(root=tmp_path).effective_from == date(2027, 1, 1)
    assert load_terms(version=1, root=tmp_path).version == 1  # a contract signed under v1 prints with v1


@pytest.mark.parametrize("change, message", [
    ({"format": 2}, "format"), ({"version": "1"}, "version"), ({"version": 3}, "differ"),
    ({"clauses": []}, "clauses"), ({"title": {"en": "only English"}}, "title"),
    ({"effective_from": "soon"}, "effective_from"), ({"clauses": [{"title": {"vi": "x"}, "items": {"vi": [""]}}]}, "items"),
])
def test_broken_terms_files_are_refused_with_the_field(tmp_path: Path, change: dict[str, Any], message: str):
    good = json.loads((Path(contract_terms.__file__).parents[2] / "resources/contracts/residential/v1.json").read_text())
    folder = tmp_path / "residential"
    folder.mkdir()
    (folder / "v1.json").write_text(json.dumps(good | change))
    with pytest.raises(TermsError, match=message):
        load_terms(version=1, root=tmp_path)


def test_terms_ids_cannot_leave_the_folder(tmp_path: Path):
    for bad in ("../etc", "residential/../../x", "", "Residential"):
        with pytest.raises(TermsError):
            load_terms(bad, root=tmp_path)
    (tmp_path / "residential").mkdir()
    (tmp_path / "residential" / "v1.json").write_text("{not json")
    with pytest.raises(TermsError):
        load_terms(version=1, root=tmp_path)


def test_other_sessions_see_the_documents_too(session, customer, profile_dir):
    """A second person on the laptop (the supervisor) opens the same household's contract."""
    ob.start_with_customer(session, customer.id)
    onboard(session, customer.id)
    sessions.add_user(session, username="hung", display_name="Phạm Văn Hùng", role=Role.SUPERVISOR,
                      secret="135790", params=FAST_KDF)
    other = sessions.login(profile_dir, "hung", "135790")
    try:
        text = text_of(docs.pdf_of(other, docs.DocumentRef("contract", customer.id)))
        assert "Trần Thị Lan" in text and "Phạm Văn Hùng" not in text  # the staff who took the signature
    finally:
        other.close()


def test_the_applicant_signs_the_request_and_it_prints_the_signature(session):
    f = ob.start_new_household(session, ob.HouseholdInput(
        name="Phạm Thị Hằng", phone="0987111222", street="Xóm 3", province_code=37, commune_code=14464,
        existing_customer=False))
    cid = f.customer.id
    with pytest.raises(ValidationError):
        docs.sign_supply_request(session, cid, "Phạm Thị Hằng")  # no request yet
    ob.save_new_supply(session, cid, flow.NewSupplyAnswer(documents=("id_document", "address_proof"), households=1,
                                                           street="Xóm 3", commune_code=14464))
    ref = docs.DocumentRef("new_supply_request", cid)
    unsigned = docs.pdf_of(session, ref)
    assert [i for p in pymupdf.open(stream=unsigned, filetype="pdf") for i in p.get_images()] == []
    with pytest.raises(ValidationError):
        docs.sign_supply_request(session, cid, "  ", [])
    f = docs.sign_supply_request(session, cid, "Phạm Thị Hằng", [[(0.1, 0.5), (0.5, 0.2), (0.9, 0.6)]])
    assert f.answers[flow.NEW_SUPPLY]["households"] == 1 and f.answers[flow.NEW_SUPPLY]["work_order_id"]
    assert f.step == flow.APP_INSTALL  # signing does not move the flow back
    signed = docs.pdf_of(session, ref)
    assert len([i for p in pymupdf.open(stream=signed, filetype="pdf") for i in p.get_images()]) == 1
    assert "Ký trên màn hình" in text_of(signed) and "Phạm Thị Hằng" in text_of(signed)


def test_a_code_change_is_followed_once_by_who_onboarded_the_household(session, supervisor):
    """Every laptop of the team pulls the change; only the onboarding person makes the records again
    (another person's session leaves the note and records nothing)."""
    cid = new_household(session)
    pull_customer(session, cid, REAL_CODE)
    assert docs.follow_code_changes(supervisor) == []  # not theirs: nothing recorded, the note stays
    with session.store.read() as conn:
        before = conn.execute("SELECT COUNT(*) FROM onboarding_steps WHERE customer_id = ?", (cid,)).fetchone()[0]
    assert [c.new_code for c in docs.follow_code_changes(session)] == [REAL_CODE]
    with session.store.read() as conn:
        after = conn.execute("SELECT COUNT(*) FROM onboarding_steps WHERE customer_id = ?", (cid,)).fetchone()[0]
    assert after == before + 2  # one household step, one sheet step
    pull_customer(session, cid, REAL_CODE)  # the same record pulled again: no new note
    assert docs.follow_code_changes(supervisor) == [] and docs.follow_code_changes(session) == []


def test_hostile_applicant_names_on_the_request(session):
    """Markup prints literally; an over-long name or a control character is refused before anything is
    saved; spaces are collapsed."""
    f = ob.start_new_household(session, ob.HouseholdInput(
        name="Phạm Thị Hằng", phone="0987111222", street="Xóm 3", province_code=37, commune_code=14464,
        existing_customer=False))
    cid = f.customer.id
    answer = flow.NewSupplyAnswer(documents=("id_document", "address_proof"), households=1, street="Xóm 3",
                                  commune_code=14464)
    stroke = [[(0.1, 0.5), (0.5, 0.2), (0.9, 0.6)]]
    for bad in ("H" * 101, "Hằng\x00", "Hằng\u202e"):
        with pytest.raises(ValidationError) as err:
            docs.save_supply_request(session, cid, answer, bad, stroke)
        assert "tối đa 100" in err.value.messages("vi")[0]
        assert flow.NEW_SUPPLY not in ob.load_flow(session, cid).answers  # nothing saved
    f = docs.save_supply_request(session, cid, answer, "  <b>Hằng</b>   &  con ", stroke)
    assert f.answers[flow.NEW_SUPPLY]["signer"] == "<b>Hằng</b> & con"
    text = text_of(docs.pdf_of(session, docs.DocumentRef("new_supply_request", cid)))
    assert "<b>Hằng</b> & con" in text
