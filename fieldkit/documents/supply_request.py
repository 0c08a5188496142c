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

__all__ = ["DOCUMENT_NAMES", "SupplyRequest", "render_supply_request"]

# The papers a new-supply request asks for (keys of domain.onboarding.NEW_SUPPLY_DOCUMENTS).
DOCUMENT_NAMES: dict[str, tuple[str, str]] = {
    "id_document": ("Căn cước công dân của người đề nghị", "The applicant's citizen ID"),
    "address_proof": ("Giấy tờ chứng minh quyền sử dụng địa điểm mua điện", "Proof of the right to use the address"),
    "household_authorisation": ("Giấy uỷ quyền của các hộ dùng chung công tơ",
                                "Authorisation of the households sharing the meter"),
}

_T: dict[str, tuple[str, str]] = {
    "title": ("GIẤY ĐỀ NGHỊ MUA ĐIỆN", "REQUEST FOR ELECTRICITY SUPPLY"),
    "subtitle": ("(Phục vụ mục đích sinh hoạt)", "(household use)"),
    "number": ("Số yêu cầu", "Request no."),
    "to": ("Kính gửi", "To"),
    "applicant": ("Người đề nghị", "Applicant"),
    "national_id": ("Số căn cước công dân", "Citizen ID number"),
    "phone": ("Số điện thoại", "Phone"),
    "lives_at": ("Địa chỉ liên hệ", "Contact address"),
    "request_code": ("Mã tạm của yêu cầu", "Provisional request code"),
    "customer_code": ("Mã khách hàng", "Customer code"),
    "ask": ("Đề nghị được mua điện với các thông tin sau:", "asks to buy electricity as follows:"),
    "supply_address": ("Địa chỉ sử dụng điện", "Supply address"),
    "purpose": ("Mục đích sử dụng điện", "Use"),
    "household_use": ("Sinh hoạt", "Household"),
    "households": ("Số hộ dùng chung công tơ", "Households sharing the meter"),
    "pole": ("Cần trồng cột, kéo cáp hoặc lắp TI", "Pole, cable or CT needed"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "deadline": ("Thời hạn giải quyết", "Time to connect"),
    "days": ("{n} ngày làm việc (đến {day})", "{n} working days (by {day})"),
    "days_only": ("{n} ngày làm việc", "{n} working days"),
    "work_order": ("Phiếu công việc", "Work order"),
    "papers": ("Giấy tờ kèm theo", "Papers handed in"),
    "not_needed": ("không cần (một hộ)", "not needed (one household)"),
    "commit": ("Tôi cam kết các thông tin trên là đúng và thực hiện đúng các quy định về sử dụng điện.",
               "I confirm the above is true and will follow the rules on the use of electricity."),
    "applicant_sign": ("NGƯỜI ĐỀ NGHỊ", "APPLICANT"),
    "staff_sign": ("NHÂN VIÊN TIẾP NHẬN", "RECEIVED BY"),
    "sign_hint": ("(ký, ghi rõ họ tên)", "(signature, full name)"),
    "signed_screen": ("Ký trên màn hình", "Signed on screen"),
}


def _t(key: str, lang: Lang) -> str:
    vi, en = _T[key]
    return vi if lang == "vi" else en


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
    for key, (vi, en) in DOCUMENT_NAMES.items():
        handed = key in req.documents
        name = vi if lang == "vi" else en
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
