"""The new-supply request ("Giấy đề nghị mua điện") as a PDF.

Addressed to the managing unit: the applicant (name, ID number, phone, where they live), the
supply address, the use, the households on the meter, the papers handed in (ticked), whether
a pole or cable is needed and the promised time, the work order that follows it, the date and
place, and the two signatures (applicant; the staff member who received it). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

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

_M = Texts("documents.supply_request")

__all__ = ["DOCUMENT_NAMES", "SupplyRequest", "render_supply_request"]

# The papers a new-supply request asks for (keys of domain.onboarding.NEW_SUPPLY_DOCUMENTS).
DOCUMENT_NAMES: dict[str, Message] = {
    "id_document": _M("The applicant's citizen ID"),
    "address_proof": _M("Proof of the right to use the address"),
    "household_authorisation": _M("Authorisation of the households sharing the meter"),
}

_T: dict[str, Message] = {
    "title": _M("REQUEST FOR ELECTRICITY SUPPLY"),
    "subtitle": _M("(household use)"),
    "number": _M("Request no."),
    "to": _M("To"),
    "applicant": _M("Applicant"),
    "national_id": _M("Citizen ID number"),
    "phone": _M("Phone"),
    "lives_at": _M("Contact address"),
    "request_code": _M("Provisional request code"),
    "customer_code": _M("Customer code"),
    "ask": _M("asks to buy electricity as follows:"),
    "supply_address": _M("Supply address"),
    "purpose": _M("Use"),
    "household_use": _M("Household"),
    "households": _M("Households sharing the meter"),
    "pole": _M("Pole, cable or CT needed"),
    "yes": _M("Yes"),
    "no": _M("No"),
    "deadline": _M("Time to connect"),
    "days": _M("{n} working days (by {day})"),
    "days_only": _M("{n} working days"),
    "work_order": _M("Work order"),
    "papers": _M("Papers handed in"),
    "not_needed": _M("not needed (one household)"),
    "commit": _M("I confirm the above is true and will follow the rules on the use of electricity."),
    "applicant_sign": _M("APPLICANT"),
    "staff_sign": _M("RECEIVED BY"),
    "sign_hint": _M("(signature, full name)"),
    "signed_screen": _M("Signed on screen"),
}


def _t(key: str, lang: Lang) -> str:
    return _T[key].text(lang)


@dataclass(frozen=True)
class SupplyRequest:
    applicant: str
    national_id: str
    phone: str
    contact_address: str
    supply_address: str
    households: int
    documents: tuple[str, ...]  # keys of DOCUMENT_NAMES handed in
    needs_pole: bool
    working_days: int
    requested_on: date
    staff_name: str
    request_number: str  # the new-supply work order's number
    code: str  # the provisional code (or, once known, the real customer code)
    provisional: bool = True
    due_date: date | None = None
    company: str = "TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC"
    unit: str = ""
    place: str = ""
    signature_png: bytes | None = None  # the applicant's, when signed on screen
    extra_documents: tuple[str, ...] = field(default_factory=tuple)


def _story(req: SupplyRequest, lang: Lang, width: float) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [heading(req.company, req.unit, _t("number", lang), req.request_number, lang, width),
                             Spacer(1, 4 * mm), Paragraph(_t("title", lang), st["doc_title"]),
                             Paragraph(_t("subtitle", lang), st["center"]), Spacer(1, 3 * mm)]
    to = req.unit or req.company
    story.append(Paragraph(f"{_t('to', lang)}: <b>{e(to)}</b>", st["center"]))
    story.append(Spacer(1, 3 * mm))
    code_label = _t("request_code" if req.provisional else "customer_code", lang)
    story.append(pairs([
        (_t("applicant", lang), req.applicant), (_t("national_id", lang), req.national_id),
        (_t("phone", lang), req.phone), (_t("lives_at", lang), req.contact_address), (code_label, req.code),
    ], width))
    story += [Spacer(1, 2 * mm), Paragraph(e(_t("ask", lang)), st["table"]), Spacer(1, 1 * mm)]
    if req.due_date:
        deadline = _t("days", lang).format(n=req.working_days, day=req.due_date.strftime("%d/%m/%Y"))
    else:
        deadline = _t("days_only", lang).format(n=req.working_days)
    story.append(pairs([
        (_t("supply_address", lang), req.supply_address), (_t("purpose", lang), _t("household_use", lang)),
        (_t("households", lang), str(req.households)),
        (_t("pole", lang), _t("yes" if req.needs_pole else "no", lang)),
        (_t("deadline", lang), deadline), (_t("work_order", lang), req.request_number),
    ], width))
    story += [Spacer(1, 2 * mm), Paragraph(_t("papers", lang), st["table_bold"])]
    for key, document in DOCUMENT_NAMES.items():
        handed = key in req.documents
        name = document.text(lang)
        if key == "household_authorisation" and req.households <= 1 and not handed:
            name += f" — {_t('not_needed', lang)}"
        story.append(Paragraph(f"{'☒' if handed else '☐'}&nbsp;&nbsp;{e(name)}", st["table"]))
    for other in req.extra_documents:
        story.append(Paragraph(f"☒&nbsp;&nbsp;{e(other)}", st["table"]))
    story += [Spacer(1, 3 * mm), Paragraph(f"<i>{e(_t('commit', lang))}</i>", st["clause"])]
    applicant = SignColumn(_t("applicant_sign", lang),
                           _t("signed_screen", lang) if req.signature_png else _t("sign_hint", lang),
                           req.applicant, req.signature_png)
    staff = SignColumn(_t("staff_sign", lang), _t("sign_hint", lang), req.staff_name)
    story.append(KeepTogether([Spacer(1, 4 * mm), dated_line(req.requested_on, req.place, lang), Spacer(1, 2 * mm),
                               signature_row([applicant, staff], width)]))
    return story


def render_supply_request(req: SupplyRequest, lang: Lang = "vi") -> bytes:
    return build_pdf(_story(req, lang, content_width()), title=f"{_t('title', lang)} {req.request_number}",
                     subject=req.request_number, footer=f"{_t('number', lang)}: {req.request_number}", lang=lang)
