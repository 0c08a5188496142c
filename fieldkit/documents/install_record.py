"""The meter install / removal record ("Biên bản treo tháo công tơ") as a PDF.

Laid out from the form definition the record was saved with, so a record saved with
form version 1 prints with version 1's fields and labels after version 2 exists. Header
(company, unit, record number, customer, metering point, QR code identifying the work
order), one block per form section (meter readings as a BT / CD / TD table, photos as
thumbnails), and the signatures at the bottom. Qt-free; reportlab with the bundled
DejaVu font for Vietnamese.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from fieldkit.documents.layout import scaled_image
from fieldkit.documents.pdf import paragraph_styles
from fieldkit.documents.qr import QRFlowable
from fieldkit.domain.local_time import local_today
from fieldkit.domain.messages import Message, Texts, verbatim
from fieldkit.forms.definition import Field, FormDefinition
from fieldkit.forms.engine import is_empty, relevant_fields

_M = Texts("documents.install_record")

__all__ = ["InstallRecord", "format_value", "qr_payload", "record_date_text", "render_install_record", "signed_on_line"]

Lang = Literal["vi", "en"]

_T: dict[str, Message] = {
    "title": _M("METER INSTALL / REMOVAL RECORD"),
    "number": _M("Record number"),
    "work_order": _M("Work order"),
    "customer": _M("Customer"),
    "customer_code": _M("Customer code"),
    "metering_point": _M("Metering point"),
    "phone": _M("Phone"),
    "address": _M("Address"),
    "date": _M("Date"),
    "form": _M("Form"),
    "register": _M("Register"),
    "reading": _M("Reading"),
    "source": _M("Source"),
    "optical": _M("Optical probe"),
    "manual": _M("Typed"),
    "technician": _M("Installer"),
    "customer_sign": _M("Customer representative"),
    "sign_hint": _M("(signature, full name)"),
    "qr": _M("Work-order code"),
    "none": verbatim("—"),
    "typed": _M("typed"),
    "nmea": _M("GPS receiver"),
    "photos": _M("photo(s)"),
    "page": _M("Page"),
}


def _t(key: str, lang: Lang) -> str:
    return _T[key].text(lang)


@dataclass
class InstallRecord:
    form: FormDefinition
    data: dict[str, Any]
    work_order_id: str
    work_order_number: str
    record_number: str
    customer_name: str = ""
    customer_code: str = ""
    customer_phone: str = ""
    address: str = ""
    company: str = "TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC"
    unit: str = ""
    technician_name: str = ""
    recorded_at: datetime | None = None  # "Ngày lập"; when None, the day the PDF is made
    place: str = ""  # province or commune, before the date above the signatures
    attachments: dict[str, bytes] = field(default_factory=dict)  # sha256 -> content (photos, signature PNGs)


def qr_payload(work_order_id: str, work_order_number: str) -> str:
    """What the record's QR code says: the work order's number and id."""
    return f"FIELDKIT:WO:{work_order_number}:{work_order_id}"


def _e(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def format_value(f: Field, value: Any, lang: Lang = "vi") -> str:
    if is_empty(value):
        return _t("none", lang)
    if f.type == "choice":
        return f.choice_label(str(value), lang)
    if f.type == "date":
        try:
            return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        except ValueError:
            return str(value)
    if f.type == "gps" and isinstance(value, dict):
        src = _t(value.get("source", "typed"), lang) if value.get("source") in ("typed", "nmea") else ""
        return f"{float(value.get('lat', 0)):.6f}, {float(value.get('lon', 0)):.6f}" + (f" ({src})" if src else "")
    if f.type == "photo" and isinstance(value, list):
        return f"{len(value)} {_t('photos', lang)}"
    if f.type == "meter_reading" and isinstance(value, dict):
        return ", ".join(f"{r}: {value.get(r, '—')}" for r in f.registers)
    if f.type == "number":
        return str(value).replace(".", ",") if lang == "vi" else str(value)
    return str(value)


_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
]


def _story(rec: InstallRecord, lang: Lang, width: float) -> list[Flowable]:
    st = paragraph_styles(0.75)
    small, body, bold = st["small"], st["table"], st["table_bold"]
    story: list[Flowable] = []
    left = [Paragraph(_e(rec.company), st["header"])]
    if rec.unit:
        left.append(Paragraph(_e(rec.unit), st["header_sub"]))
    left.append(Paragraph(f"{_t('number', lang)}: <b>{_e(rec.record_number)}</b>", body))
    left.append(Paragraph(f"{_t('work_order', lang)}: {_e(rec.work_order_number)}", body))
    qr_size = 26 * mm
    qr_cell = [QRFlowable(qr_payload(rec.work_order_id, rec.work_order_number), qr_size),
               Paragraph(_t("qr", lang), st["caption"])]
    top = Table([[left, qr_cell]], colWidths=[width - qr_size - 6 * mm, qr_size + 6 * mm])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "CENTER")]))
    story += [top, Paragraph(_t("title", lang), st["title"])]
    when = record_date_text(rec.recorded_at)
    head = [
        (_t("customer", lang), rec.customer_name), (_t("customer_code", lang), rec.customer_code),
        (_t("metering_point", lang), rec.customer_code + "001" if rec.customer_code else ""),
        (_t("phone", lang), rec.customer_phone), (_t("address", lang), rec.address),
        (_t("date", lang), when),
        (_t("form", lang), f"{rec.form.title.get(lang)} (v{rec.form.version})"),
    ]
    story.append(_pairs(head, width, body, bold))

    shown = relevant_fields(rec.form, rec.data)
    signatures: list[tuple[Field, Any]] = []
    last_start = len(story)
    for section in rec.form.sections:
        fields = [f for f in section.fields if f.id in shown]
        if not fields:
            continue
        if all(f.type == "signature" for f in fields):  # signatures go together at the bottom
            signatures += [(f, rec.data.get(f.id)) for f in fields]
            continue
        last_start = len(story)
        story.append(Paragraph(_e(section.title.get(lang)), st["section"]))
        pairs: list[tuple[str, str]] = []
        extras: list[Flowable] = []
        for f in fields:
            value = rec.data.get(f.id)
            if f.type == "signature":
                signatures.append((f, value))
                continue
            if f.type == "meter_reading" and isinstance(value, dict):
                extras.append(_readings(f, value, lang, width, body, bold))
                continue
            if f.type == "photo" and isinstance(value, list) and value:
                extras.append(_photos(f, value, rec.attachments, lang, width, body))
                continue
            if is_empty(value) and not f.required:
                continue  # unanswered optional fields are left out, so the record fits on one page
            pairs.append((f.label.get(lang), format_value(f, value, lang)))
        if pairs:
            story.append(_pairs(pairs, width, body, bold))
        for x in extras:
            story += [Spacer(1, 2 * mm), x]
    if signatures:
        day = rec.recorded_at.date() if rec.recorded_at else local_today()
        dated = Paragraph(f"<i>{_e(signed_on_line(day, rec.place, lang))}</i>",
                          ParagraphStyle("dl", body, alignment=TA_RIGHT))
        tail = story[last_start:]  # the last section goes with the signatures: they never stand alone on a page
        del story[last_start:]
        story.append(KeepTogether([*tail, Spacer(1, 2 * mm), dated, Spacer(1, 1 * mm),
                                   _signatures(signatures, rec, lang, width, body, bold, small)]))
    return story


def record_date_text(when: datetime | None) -> str:
    """``03/12/2026 14:05`` (the time left out when only the day is known); never empty."""
    if when is None:
        return local_today().strftime("%d/%m/%Y")
    if (when.hour, when.minute, when.second) == (0, 0, 0):
        return when.strftime("%d/%m/%Y")
    return when.strftime("%d/%m/%Y %H:%M")


def signed_on_line(day: date, place: str, lang: Lang) -> str:
    """The line above the signatures: ``Ninh Bình, ngày 03 tháng 12 năm 2026``."""
    text = _M.text("on {dd}/{mm}/{yyyy}", lang, dd=f"{day:%d}", mm=f"{day:%m}", yyyy=f"{day:%Y}")
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def _pairs(pairs: list[tuple[str, str]], width: float, body: Any, bold: Any) -> Table:
    """Label / value pairs two to a row, so the record fits on one page."""
    cells = [[Paragraph(_e(k), body), Paragraph(f"<b>{_e(v)}</b>", body)] for k, v in pairs]
    if len(cells) % 2:
        cells.append(["", ""])
    rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[width * 0.2, width * 0.3, width * 0.2, width * 0.3])
    table.setStyle(TableStyle(_GRID + [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F4F4F4")),
                                       ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#F4F4F4"))]))
    return table


def _readings(f: Field, value: dict[str, Any], lang: Lang, width: float, body: Any, bold: Any) -> Table:
    src = value.get("source")
    head = [Paragraph(f"<b>{_e(f.label.get(lang))}</b>", body)] + [Paragraph(f"<b>{r}</b>", body) for r in f.registers]
    vals = [Paragraph(_t(src, lang) if src in ("optical", "manual") else "", body)] + [
        Paragraph(_e(str(value.get(r, "—")).replace(".", "," if lang == "vi" else ".")), bold) for r in f.registers]
    n = len(f.registers)
    table = Table([head, vals], colWidths=[width * 0.2] + [width * 0.8 / n] * n)
    table.setStyle(TableStyle(_GRID + [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE"))]))
    return table


def _photos(f: Field, shas: list[str], files: dict[str, bytes], lang: Lang, width: float, body: Any) -> Flowable:
    cells: list[Any] = []
    for sha in shas:
        img = scaled_image(files[sha], 26 * mm, 18 * mm) if sha in files else None
        cells.append(img or Paragraph(sha[:12] + "…", body))
    per_row = 5
    rows = [cells[i:i + per_row] + [""] * (per_row - len(cells[i:i + per_row])) for i in range(0, len(cells), per_row)]
    title = Paragraph(f"{_e(f.label.get(lang))} ({len(shas)} {_t('photos', lang)})", body)
    table = Table([[title] + [""] * (per_row - 1)] + rows, colWidths=[width / per_row] * per_row)
    table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0)), ("ALIGN", (0, 1), (-1, -1), "CENTER"),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOX", (0, 0), (-1, -1), 0.5, colors.black)]))
    return table


def _signatures(sigs: list[tuple[Field, Any]], rec: InstallRecord, lang: Lang, width: float,
                body: Any, bold: Any, small: Any) -> Table:
    cols = []
    for f, sha in sigs:
        img = scaled_image(rec.attachments[sha], width / len(sigs) - 20 * mm, 16 * mm) \
            if isinstance(sha, str) and sha in rec.attachments else None
        name = rec.technician_name if f.id.startswith("technician") else str(rec.data.get("representative", ""))
        center = {"alignment": TA_CENTER}
        cols.append([Paragraph(f"<b>{_e(f.label.get(lang))}</b>", ParagraphStyle("sb", body, **center)),
                     Paragraph(_t("sign_hint", lang), ParagraphStyle("sh", small, **center)),
                     img or Spacer(1, 18 * mm), Paragraph(_e(name), ParagraphStyle("sn", bold, **center))])
    table = Table([cols], colWidths=[width / len(sigs)] * len(sigs))
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def render_install_record(rec: InstallRecord, lang: Lang = "vi") -> bytes:
    """The record as PDF bytes (A4)."""
    buf = io.BytesIO()
    margin = 14 * mm
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=12 * mm,
                            bottomMargin=14 * mm, title=_t("title", lang) + f" {rec.record_number}",
                            author="FieldKit", subject=qr_payload(rec.work_order_id, rec.work_order_number))
    width = A4[0] - 2 * margin

    def footer(canvas: Any, d: Any) -> None:
        from fieldkit.documents.pdf import FONT_REGULAR

        canvas.saveState()
        canvas.setFont(FONT_REGULAR, 8)
        canvas.drawRightString(A4[0] - margin, 8 * mm,
                               f"{rec.record_number} — {_t('page', lang)} {d.page}")
        canvas.restoreState()

    doc.build(_story(rec, lang, width), onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
