"""The household's electronic electricity purchase contract as a PDF.

Parties (the seller: power company, unit, hotline, the staff member who took the signature;
the buyer: name, ID number, phone, customer code, supply address, households on the meter),
the clauses of the terms version it was signed under (:mod:`fieldkit.documents.contract_terms`,
data), the date and place, the buyer's signature as drawn on screen and the state of the
utility's OTP confirmation. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from fieldkit.documents.contract_terms import ContractTerms
from fieldkit.documents.layout import (
    Lang,
    SignColumn,
    build_pdf,
    content_width,
    dated_line,
    e,
    heading,
    pairs,
    signature_row,
    styles,
)

__all__ = ["ContractDocument", "contract_number", "render_contract"]

_T: dict[str, tuple[str, str]] = {
    "number": ("Số", "No."),
    "today": ("Hôm nay, {day}, tại {place}, chúng tôi gồm:", "On {day}, at {place}, the parties:"),
    "today_noplace": ("Hôm nay, {day}, chúng tôi gồm:", "On {day}, the parties:"),
    "seller": ("BÊN BÁN ĐIỆN (Bên A)", "THE SELLER (party A)"),
    "buyer": ("BÊN MUA ĐIỆN (Bên B)", "THE BUYER (party B)"),
    "company": ("Tên đơn vị", "Company"),
    "unit": ("Đơn vị quản lý", "Managing unit"),
    "hotline": ("Tổng đài chăm sóc khách hàng", "Customer-care hotline"),
    "staff": ("Nhân viên thực hiện", "Staff member"),
    "name": ("Họ và tên", "Name"),
    "national_id": ("Số căn cước công dân", "Citizen ID number"),
    "phone": ("Số điện thoại nhận OTP", "Phone (for the OTP)"),
    "customer_code": ("Mã khách hàng", "Customer code"),
    "provisional": (" (mã tạm, sẽ thay bằng mã chính thức)", " (provisional, to be replaced by the real code)"),
    "address": ("Địa chỉ sử dụng điện", "Supply address"),
    "purpose": ("Mục đích sử dụng điện", "Use"),
    "household_use": ("Sinh hoạt", "Household"),
    "households": ("Số hộ dùng chung công tơ", "Households sharing the meter"),
    "agree": ("Hai bên thoả thuận ký hợp đồng mua bán điện với các điều khoản sau:",
              "The parties agree to this contract on the following terms:"),
    "buyer_sign": ("ĐẠI DIỆN BÊN MUA ĐIỆN", "FOR THE BUYER"),
    "seller_sign": ("ĐẠI DIỆN BÊN BÁN ĐIỆN", "FOR THE SELLER"),
    "sign_hint": ("(ký, ghi rõ họ tên)", "(signature, full name)"),
    "signed_screen": ("Ký trên màn hình", "Signed on screen"),
    "typed_name": ("Chữ ký bằng họ tên đã gõ", "Signature: the typed name"),
    "otp_confirmed": ("Đã xác nhận bằng mã OTP", "Confirmed by one-time code (OTP)"),
    "otp_pending": ("Chờ xác nhận bằng mã OTP gửi tới {phone}", "Awaiting confirmation by the code sent to {phone}"),
    "seller_note": ("Xác nhận điện tử của Bên A khi hợp đồng được duyệt", "Party A confirms electronically on approval"),
    "terms": ("Điều khoản", "Terms"),
}


def _t(key: str, lang: Lang) -> str:
    vi, en = _T[key]
    return vi if lang == "vi" else en


@dataclass(frozen=True)
class ContractDocument:
    terms: ContractTerms
    customer_name: str
    customer_code: str
    national_id: str
    phone: str
    supply_address: str
    households: int
    signed_on: date
    signer: str  # the name the buyer signed with
    staff_name: str  # the technician or trainer who took the signature
    company: str = "TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC"
    unit: str = ""
    hotline: str = "1900 6769"
    place: str = ""  # province (or commune) where it was signed
    signature_png: bytes | None = None
    drawn: bool = True  # False: the signature is the typed name drawn as text
    otp_confirmed: bool = False
    provisional_code: bool = False
    number: str = ""  # contract_number(): stable when the customer code changes


def contract_number(record_id: str, signed_on: date) -> str:
    """``HĐ-261203-3F9A1C``: the signing day and the signed record's id (never the customer code, which
    may still be provisional)."""
    return f"HĐ-{signed_on:%y%m%d}-{record_id[-6:].upper()}"


def _story(doc: ContractDocument, lang: Lang, width: float) -> list[Flowable]:
    st = styles()
    terms = doc.terms
    number = doc.number or contract_number("", doc.signed_on)
    day = (f"ngày {doc.signed_on:%d} tháng {doc.signed_on:%m} năm {doc.signed_on:%Y}" if lang == "vi"
           else doc.signed_on.strftime("%d/%m/%Y"))
    story: list[Flowable] = [heading(doc.company, doc.unit, _t("number", lang), number, lang, width), Spacer(1, 4 * mm),
                             Paragraph(e(terms.text(terms.title, lang)), st["doc_title"])]
    for line in terms.basis.get(lang) or terms.basis["vi"]:
        story.append(Paragraph(f"<i>{e(line)}</i>", st["clause"]))
    today = _t("today", lang) if doc.place else _t("today_noplace", lang)
    story += [Spacer(1, 2 * mm), Paragraph(e(today.format(day=day, place=doc.place)), st["table"])]

    story.append(Paragraph(_t("seller", lang), st["section"]))
    seller = [(_t("company", lang), doc.company)]
    if doc.unit:
        seller.append((_t("unit", lang), doc.unit))
    seller += [(_t("hotline", lang), doc.hotline), (_t("staff", lang), doc.staff_name)]
    story.append(pairs(seller, width))

    story.append(Paragraph(_t("buyer", lang), st["section"]))
    code = doc.customer_code + (_t("provisional", lang) if doc.provisional_code else "")
    story.append(pairs([
        (_t("name", lang), doc.customer_name), (_t("national_id", lang), doc.national_id),
        (_t("phone", lang), doc.phone), (_t("customer_code", lang), code),
        (_t("address", lang), doc.supply_address), (_t("purpose", lang), _t("household_use", lang)),
        (_t("households", lang), str(doc.households)),
    ], width))
    story += [Spacer(1, 2 * mm), Paragraph(e(_t("agree", lang)), st["table"])]
    last: list[Flowable] = []
    for n, clause in enumerate(terms.clauses, 1):
        part: list[Flowable] = [Paragraph(e(terms.text(clause.title, lang)), st["table_bold"])]
        part += [Paragraph(e(item), st["clause"]) for item in clause.items.get(lang) or clause.items["vi"]]
        if n < len(terms.clauses):
            story += part
        else:
            last = part  # kept with the signatures: a signature never stands alone on a page

    otp = _t("otp_confirmed", lang) if doc.otp_confirmed else _t("otp_pending", lang).format(phone=doc.phone or "—")
    buyer = SignColumn(_t("buyer_sign", lang), _t("signed_screen", lang) if doc.drawn else _t("typed_name", lang),
                       doc.signer or doc.customer_name, doc.signature_png, otp)
    seller_col = SignColumn(_t("seller_sign", lang), _t("sign_hint", lang), doc.staff_name, None,
                            _t("seller_note", lang))
    story.append(KeepTogether([*last, Spacer(1, 4 * mm), dated_line(doc.signed_on, doc.place, lang),
                               Spacer(1, 2 * mm), signature_row([buyer, seller_col], width)]))
    return story


def render_contract(doc: ContractDocument, lang: Lang = "vi") -> bytes:
    """The contract as PDF bytes (A4); the footer names the number and the terms version."""
    number = doc.number or contract_number("", doc.signed_on)
    footer = f"{number} — {_t('terms', lang)}: {doc.terms.terms_id} v{doc.terms.version} " \
             f"({doc.terms.effective_from:%d/%m/%Y})"
    return build_pdf(_story(doc, lang, content_width()), title=doc.terms.text(doc.terms.title, lang) + f" {number}",
                     subject=number, footer=footer, lang=lang)
