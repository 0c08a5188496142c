"""The contract and the new-supply request renderers with careless and hostile data: markup in names
printed literally, a broken signature picture left out (the document still prints), a very long address
wrapping onto more pages with the signatures kept with the last clause."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from fieldkit.documents.contract import ContractDocument, contract_number, render_contract
from fieldkit.documents.contract_terms import load_terms
from fieldkit.documents.supply_request import SupplyRequest, render_supply_request

HOSTILE = "Lê <b>Thị</b> & <font size='90'>Tâm</font> ]]> %PDF"


def text(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def contract(**kw: object) -> ContractDocument:
    base: dict[str, object] = dict(
        terms=load_terms(), customer_name=HOSTILE, customer_code="PA23VG0053140", national_id="037085001122",
        phone="0912345678", supply_address="Thôn Đông", households=1, signed_on=date(2026, 12, 3),
        signer=HOSTILE, staff_name="Trần Thị Lan", place="Ninh Bình", signature_png=b"\x89PNG not really",
        number=contract_number("0190abcd-3f9a1c", date(2026, 12, 3)))
    return ContractDocument(**(base | kw))  # type: ignore[arg-type]


def test_contract_prints_markup_literally_and_survives_a_broken_signature():
    pages = text(render_contract(contract()))
    whole = " ".join(pages)
    assert "Lê <b>Thị</b> & <font size='90'>Tâm</font> ]]> %PDF" in whole
    assert "HĐ-261203-3F9A1C" in whole and "ngày 03 tháng 12 năm 2026" in whole


def test_a_long_address_wraps_and_the_signatures_keep_the_last_clause():
    pages = text(render_contract(contract(supply_address="Xóm Cây Gạo Đỏ, " * 120)))
    assert len(pages) >= 2
    [signed] = [p for p in pages if "ĐẠI DIỆN BÊN MUA ĐIỆN" in p]
    assert "Điều 7. Hiệu lực" in signed


def test_request_prints_markup_literally_and_every_paper_state():
    req = SupplyRequest(applicant=HOSTILE, national_id="", phone="", contact_address="", supply_address="Xóm 3",
                        households=3, documents=("id_document",), needs_pole=False, working_days=5,
                        requested_on=date(2026, 12, 3), staff_name="Trần Thị Lan", request_number="CD-261203-ABCDEF",
                        code="PATAM01234567", signature_png=b"garbage")
    whole = " ".join(text(render_supply_request(req, "en")))
    assert HOSTILE in whole and "☒ The applicant's citizen ID" in whole
    assert "☐ Proof of the right to use the address" in whole
    assert "☐ Authorisation of the households sharing the meter" in whole and "not needed" not in whole
    assert "Provisional request code PATAM01234567" in whole and "on 03/12/2026" not in whole
