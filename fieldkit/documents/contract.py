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
from fieldkit.domain.messages import Message, Texts

_M = Texts("documents.contract")

__all__ = ["ContractDocument", "contract_number", "render_contract"]

_T: dict[str, Message] = {
    "number": _M("No."),
    "today": _M("On {day}, at {place}, the parties:"),
    "today_noplace": _M("On {day}, the parties:"),
    "seller": _M("THE SELLER (party A)"),
    "buyer": _M("THE BUYER (party B)"),
    "company": _M("Company"),
    "unit": _M("Managing unit"),
    "hotline": _M("Customer-care hotline"),
    "staff": _M("Staff member"),
    "name": _M("Name"),
    "national_id": _M("Citizen ID number"),
    "phone": _M("Phone (for the OTP)"),
    "customer_code": _M("Customer code"),
    "provisional": _M(" (provisional, to be replaced by the real code)"),
    "address": _M("Supply address"),
    "purpose": _M("Use"),
    "household_use": _M("Household"),
    "households": _M("Households sharing the meter"),
    "agree": _M("The parties agree to this contract on the following terms:"),
    "buyer_sign": _M("FOR THE BUYER"),
    "seller_sign": _M("FOR THE SELLER"),
    "sign_hint": _M("(signature, full name)"),
    "signed_screen": _M("Signed on screen"),
    "typed_name": _M("Signature: the typed name"),
    "otp_confirmed": _M("Confirmed by one-time code (OTP)"),
    "otp_pending": _M("Awaiting confirmation by the code sent to {phone}"),
    "seller_note": _M("Party A confirms electronically on approval"),
    "terms": _M("Terms"),
}


def _t(key: str, lang: Lang) -> str:
    return _T[key].text(lang)


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
