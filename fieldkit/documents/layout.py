"""Pieces shared by the A4 documents signed by two parties (the e-contract, the new-supply
request): the national heading, label/value tables, the dated line and the signature row, and
building the PDF in memory with a numbered footer. Qt-free; reportlab with the bundled font.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fieldkit.documents.pdf import FONT_REGULAR, paragraph_styles
from fieldkit.domain.messages import Texts

_M = Texts("documents.layout")

__all__ = ["MARGIN", "Lang", "SignColumn", "build_pdf", "dated_line", "e", "heading", "pairs", "signature_row",
           "signed_on_text", "styles"]

Lang = Literal["vi", "en"]
MARGIN = 16 * mm

_NATION = _M("SOCIALIST REPUBLIC OF VIETNAM")
_MOTTO = _M("Independence – Freedom – Happiness")


def e(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def styles() -> dict[str, ParagraphStyle]:
    st = paragraph_styles(0.78)
    st["clause"] = ParagraphStyle("clause", st["table"], alignment=TA_JUSTIFY, spaceAfter=2)
    st["center"] = ParagraphStyle("center", st["table"], alignment=TA_CENTER)
    st["center_bold"] = ParagraphStyle("center_bold", st["table_bold"], alignment=TA_CENTER)
    st["center_small"] = ParagraphStyle("center_small", st["small"], alignment=TA_CENTER)
    st["right"] = ParagraphStyle("right", st["table"], alignment=TA_RIGHT)
    st["doc_title"] = ParagraphStyle("doc_title", st["title"], fontSize=14, leading=18)
    return st


def heading(company: str, unit: str, number_label: str, number: str, lang: Lang, width: float) -> Table:
    """Company and unit on the left with the document number; the national heading on the right."""
    st = styles()
    left: list[Flowable] = [Paragraph(e(company), ParagraphStyle("hc", st["header"], alignment=TA_CENTER))]
    if unit:
        left.append(Paragraph(e(unit), ParagraphStyle("hu", st["header_sub"], alignment=TA_CENTER)))
    left.append(Paragraph(f"{e(number_label)}: {e(number)}", st["center_small"]))
    right = [Paragraph(_NATION.text(lang), ParagraphStyle("hn", st["header"], alignment=TA_CENTER)),
             Paragraph(f"<u>{_MOTTO.text(lang)}</u>", st["center_bold"])]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def pairs(rows: Sequence[tuple[str, str]], width: float, label_share: float = 0.38) -> Table:
    """Label / value rows, one per line, empty values shown as a dotted line to fill by hand."""
    st = styles()
    cells = [[Paragraph(e(k), st["table"]), Paragraph(f"<b>{e(v)}</b>" if v else "." * 60, st["table"])]
             for k, v in rows]
    table = Table(cells, colWidths=[width * label_share, width * (1 - label_share)])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def signed_on_text(day: date, place: str, lang: Lang) -> str:
    """``Ninh Bình, ngày 03 tháng 12 năm 2026`` (vi) or ``Ninh Bình, 03/12/2026`` (en)."""
    text = _M.text("{dd}/{mm}/{yyyy}", lang, dd=f"{day:%d}", mm=f"{day:%m}", yyyy=f"{day:%Y}")
    if place:
        return f"{place}, {text}"
    return text[0].upper() + text[1:]


def dated_line(day: date, place: str, lang: Lang) -> Paragraph:
    return Paragraph(f"<i>{e(signed_on_text(day, place, lang))}</i>", styles()["right"])


@dataclass(frozen=True)
class SignColumn:
    title: str  # ĐẠI DIỆN BÊN MUA ĐIỆN
    hint: str  # (ký, ghi rõ họ tên)
    name: str  # printed under the signature
    image: bytes | None = None  # the signature as drawn (PNG); None: room to sign on paper
    note: str = ""  # e.g. "Xác nhận OTP: chờ xác nhận"


def scaled_image(data: bytes, max_w: float, max_h: float) -> Image | None:
    """A picture (PNG/JPEG bytes) scaled to fit max_w x max_h; None when it cannot be read (it is
    left out and the document still prints)."""
    try:
        img = Image(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - an unreadable picture is left out, the document still prints
        return None
    w, h = img.imageWidth, img.imageHeight
    if not w or not h:
        return None
    k = min(max_w / w, max_h / h)
    img.drawWidth, img.drawHeight = w * k, h * k
    return img


def signature_row(columns: Sequence[SignColumn], width: float) -> Table:
    st = styles()
    col_w = width / len(columns)
    cells = []
    for c in columns:
        img = scaled_image(c.image, col_w - 16 * mm, 22 * mm) if c.image else None
        cell: list[Flowable] = [Paragraph(f"<b>{e(c.title)}</b>", st["center"]), Paragraph(e(c.hint), st["center_small"]),
                                img or Spacer(1, 22 * mm), Paragraph(f"<b>{e(c.name)}</b>" if c.name else "", st["center"])]
        if c.note:
            cell.append(Paragraph(e(c.note), st["center_small"]))
        cells.append(cell)
    table = Table([cells], colWidths=[col_w] * len(columns))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table


def build_pdf(story: list[Flowable], *, title: str, subject: str, footer: str, lang: Lang) -> bytes:
    """An A4 PDF in memory; the footer (document number, terms version …) and page number on every page."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=12 * mm,
                            bottomMargin=14 * mm, title=title, author="FieldKit", subject=subject, creator="FieldKit")
    page_word = _M.text("Page", lang)

    def draw_footer(canvas: Any, d: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT_REGULAR, 8)
        canvas.setFillColor(colors.black)
        canvas.drawString(MARGIN, 8 * mm, footer)
        canvas.drawRightString(A4[0] - MARGIN, 8 * mm, f"{page_word} {d.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=draw_footer, onLaterPages=draw_footer)
    return buf.getvalue()


def content_width() -> float:
    """The frame's usable width (reportlab's frame keeps 6 pt padding on each side)."""
    return float(A4[0] - 2 * MARGIN - 12)
