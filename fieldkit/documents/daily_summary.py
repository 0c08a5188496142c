"""A technician's day on one A4 page (or more): a line per reading, install, onboarding step
and work order completed, with counts at the top and signature boxes at the end.

    render_daily_summary(summary, path=None, lang="vi") -> bytes
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from fieldkit.documents.pdf import FONT_BOLD, FONT_REGULAR, paragraph_styles
from fieldkit.documents.reports_pdf import LABELS as REPORT_LABELS
from fieldkit.documents.reports_pdf import build_pdf, format_day
from fieldkit.domain import numbers
from fieldkit.domain.report_figures import DailySummary, SummaryItem

Lang = Literal["vi", "en"]

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "BÁO CÁO CÔNG VIỆC TRONG NGÀY",
        "who": "Người thực hiện: {name}",
        "day": "Ngày: {day}",
        "counts": "Đọc chỉ số: {reading} · Treo/thay công tơ: {install} · Hướng dẫn khách hàng: {onboarding} · "
                  "Phiếu hoàn thành: {work_order}",
        "col_no": "STT", "col_time": "Giờ", "col_kind": "Công việc", "col_wo": "Phiếu",
        "col_customer": "Khách hàng", "col_detail": "Chi tiết",
        "reading": "Đọc chỉ số", "install": "Treo/thay công tơ", "onboarding": "Hướng dẫn khách hàng",
        "work_order": "Hoàn thành phiếu",
        "meter": "Công tơ {serial}: {value}",
        "installed": "Treo công tơ {serial}", "removed": "tháo công tơ {serial}",
        "negative": "bất thường: thấp hơn lần trước", "zero": "bất thường: không tiêu thụ",
        "high": "bất thường: cao hơn 3 lần trung bình", "manual": "đọc bằng tay (có ảnh)",
        "app": "Ứng dụng CSKH", "contract": "Hợp đồng điện tử", "payment": "Thanh toán",
        "yes_app": "đã đăng ký", "no_app": "chưa đăng ký", "yes_contract": "đã ký", "no_contract": "chưa ký",
        "on_time": "đúng hạn", "late": "trễ hạn",
        "empty": "Không có việc nào được ghi trong ngày này.",
        "sign_self": "Người lập", "sign_lead": "Tổ trưởng xác nhận", "sign_hint": "(ký, ghi rõ họ tên)",
        "new_supply": "Cấp điện mới", "meter_install": "Treo công tơ", "meter_replacement": "Thay công tơ",
        "reading_wo": "Ghi chỉ số", "inspection": "Kiểm tra", "onboarding_wo": "Hướng dẫn khách hàng",
    },
    "en": {
        "title": "DAILY WORK SUMMARY",
        "who": "Done by: {name}",
        "day": "Day: {day}",
        "counts": "Readings: {reading} · Installs: {install} · Onboarding steps: {onboarding} · "
                  "Work orders completed: {work_order}",
        "col_no": "No.", "col_time": "Time", "col_kind": "Work", "col_wo": "Work order",
        "col_customer": "Customer", "col_detail": "Details",
        "reading": "Meter reading", "install": "Meter install", "onboarding": "Onboarding",
        "work_order": "Work order completed",
        "meter": "Meter {serial}: {value}",
        "installed": "Installed meter {serial}", "removed": "removed meter {serial}",
        "negative": "abnormal: lower than before", "zero": "abnormal: no consumption",
        "high": "abnormal: above 3x the average", "manual": "read by hand (photo kept)",
        "app": "Customer-care app", "contract": "E-contract", "payment": "Payment",
        "yes_app": "registered", "no_app": "not registered", "yes_contract": "signed", "no_contract": "not signed",
        "on_time": "on time", "late": "late",
        "empty": "Nothing was recorded on this day.",
        "sign_self": "Prepared by", "sign_lead": "Team leader", "sign_hint": "(signature and full name)",
        "new_supply": "New supply", "meter_install": "Meter install", "meter_replacement": "Meter replacement",
        "reading_wo": "Meter reading", "inspection": "Inspection", "onboarding_wo": "Onboarding",
    },
}


_READING = re.compile(r"(=\s*)(-?\d+(?:\.\d+)?)(\s*kWh)")


def describe(item: SummaryItem, lang: Lang) -> str:
    """The 'details' cell of one line."""
    t = LABELS[lang]
    if item.kind == "reading":
        # "1.8.0 = 12345.6 kWh" stays on one line (it was cut after "1.8.0")
        value = _READING.sub(lambda m: m.group(1) + numbers.format_decimal(Decimal(m.group(2)), lang) + m.group(3),
                             item.value)  # the number in the language's format (vi 12.345,6)
        value = value.replace(" = ", "\u00a0=\u00a0").replace(" kWh", "\u00a0kWh")
        text = t["meter"].format(serial=item.subject, value=value)
        return text + (f" — {t[item.flag]}" if item.flag in t else "")
    if item.kind == "install":
        text = t["installed"].format(serial=item.subject)
        return text + (", " + t["removed"].format(serial=item.value) if item.value else "")
    if item.kind == "onboarding":
        if item.subject == "payment":
            method = REPORT_LABELS[lang].get(item.value, item.value)
            return f"{t['payment']}: {method}"
        if item.subject in ("app", "contract"):
            return f"{t[item.subject]}: {t[('yes_' if item.value == 'yes' else 'no_') + item.subject]}"
        return item.subject
    if item.kind == "work_order":
        kind = t.get(item.subject + "_wo", t.get(item.subject, item.subject))
        return f"{kind} — {t.get(item.value, item.value)}"
    return item.value


def breakable_number(number: str, width: float, size: float = 12) -> str:
    """A work-order number for a narrow cell: when it does not fit on one line it breaks after a
    hyphen ("GCS-261203-" / "AB12CD"), never inside a part (escaped, for a Paragraph)."""
    if stringWidth(number, FONT_REGULAR, size) <= width:
        return escape(number)
    lines, line = [], ""
    for part in [x + "-" for x in number.split("-")[:-1]] + [number.split("-")[-1]]:
        if line and stringWidth(line + part, FONT_REGULAR, size) > width:
            lines.append(line)
            line = ""
        line += part
    return "<br/>".join(escape(x) for x in [*lines, line])


def keep_words(text: str) -> str:
    """The counts line wraps between its parts, not inside "Phiếu hoàn thành: 1"."""
    return " · ".join(part.replace(" ", "\u00a0") for part in text.split(" · "))


def render_daily_summary(summary: DailySummary, path: str | Path | None = None, lang: Lang = "vi") -> bytes:
    t = LABELS[lang]
    s = paragraph_styles()
    s["sign"] = ParagraphStyle("sign", parent=s["caption"], fontName=FONT_BOLD)

    def p(text: str, style: str = "table") -> Paragraph:
        return Paragraph(escape(text), s[style])

    def story(width: float) -> list[Flowable]:
        out: list[Flowable] = []
        if summary.team:
            out.append(p(summary.team, "header"))
        out.append(p(t["title"], "title"))
        out.append(p(t["who"].format(name=summary.user_name), "body"))
        out.append(p(t["day"].format(day=format_day(summary.day)), "body"))
        out.append(Spacer(1, 2 * mm))
        out.append(p(keep_words(t["counts"].format(**{k: summary.count(k) for k in
                                                      ("reading", "install", "onboarding", "work_order")})), "label"))
        out.append(Spacer(1, 3 * mm))
        if summary.items:
            # "STT" in bold needs 15 mm (13 mm wrapped it as "ST/T"); numbers break after a hyphen
            widths = [15 * mm, 16 * mm, 30 * mm, 34 * mm, 41 * mm]
            widths.append(width - sum(widths))
            rows: list[list[Any]] = [[p(t[k], "table_bold") for k in
                                      ("col_no", "col_time", "col_kind", "col_wo", "col_customer", "col_detail")]]
            for n, item in enumerate(summary.items, 1):
                # the code on its own line: inside "(…)" after the name it was cut in the middle
                who = Paragraph(f"{escape(item.customer_name)}<br/>{escape(item.customer_code)}", s["table"]) \
                    if item.customer_code else p("—")
                number = Paragraph(breakable_number(item.work_order, widths[3] - 16), s["table"]) \
                    if item.work_order else p("—")
                rows.append([str(n), item.at.strftime("%H:%M"), p(t[item.kind]), number,
                             who, p(describe(item, lang))])
            table = Table(rows, colWidths=widths, repeatRows=1)
            table.setStyle(TableStyle([
                ("FONTNAME", (0, 1), (1, -1), FONT_REGULAR), ("FONTSIZE", (0, 1), (1, -1), 12),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")), ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ]))
            out.append(table)
        else:
            out.append(p(t["empty"], "body"))
        out.append(Spacer(1, 12 * mm))
        sign = Table([[p(t["sign_self"], "sign"), p(t["sign_lead"], "sign")],
                      [p(t["sign_hint"], "caption"), p(t["sign_hint"], "caption")],
                      ["", ""], [p(summary.user_name, "sign"), p(summary.supervisor_name, "sign")]],
                     colWidths=[width / 2] * 2, rowHeights=[None, None, 22 * mm, None])
        out.append(sign)
        return out

    data = build_pdf(story, A4, lang, t["title"])
    if path is not None:
        Path(path).write_bytes(data)
    return data
