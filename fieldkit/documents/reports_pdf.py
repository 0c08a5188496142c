"""The team report as a PDF (A4 landscape): key figures, a bar chart of adoption shares, a
table with one row per commune, and how each figure is counted.

    render_team_report(report, path=None, lang="vi") -> bytes

Fonts come from `fieldkit.documents.pdf` (bundled DejaVu Sans, which has every
Vietnamese letter). Labels are in :data:`LABELS` ("vi" / "en").
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fieldkit.documents.pdf import FONT_BOLD, FONT_REGULAR, paragraph_styles
from fieldkit.domain.report_figures import METHODS, Figures, TeamReport

Lang = Literal["vi", "en"]

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "BÁO CÁO KẾT QUẢ CÔNG TÁC CỦA ĐỘI",
        "period": "Kỳ báo cáo: từ {start} đến {end}",
        "scope_all": "Phạm vi: tất cả xã/phường",
        "scope_one": "Phạm vi: {commune}",
        "made": "Lập lúc {when}",
        "key": "Số liệu chính",
        "installs": "Công tơ đã treo",
        "on_time": "Phiếu xong đúng hạn",
        "late": "Phiếu xong trễ hạn",
        "open_overdue": "Phiếu quá hạn chưa xong",
        "readings": "Lần đọc chỉ số",
        "abnormal": "Chỉ số bất thường",
        "customers": "Khách hàng",
        "adoption": "Tỷ lệ khách hàng (cuối kỳ)",
        "e_contract": "Hợp đồng điện tử",
        "app": "Dùng ứng dụng CSKH",
        "cashless": "Không dùng tiền mặt",
        "mobile_banking": "Mobile banking",
        "e_wallet": "Ví điện tử",
        "auto_debit": "Trích nợ tự động",
        "bank_qr": "Chuyển khoản QR",
        "cash": "Tiền mặt",
        "by_commune": "Theo xã/phường",
        "commune": "Xã/phường",
        "no_commune": "(chưa rõ xã)",
        "total": "Tổng cộng",
        "col_customers": "Khách hàng",
        "col_installs": "Treo công tơ",
        "col_on_time": "Đúng hạn",
        "col_late": "Trễ hạn",
        "col_overdue": "Quá hạn chưa xong",
        "col_readings": "Lần đọc",
        "col_abnormal": "Bất thường",
        "col_e_contract": "HĐ điện tử %",
        "col_app": "Ứng dụng %",
        "col_mobile_banking": "Mobile banking %",
        "col_e_wallet": "Ví điện tử %",
        "col_auto_debit": "Trích nợ %",
        "col_bank_qr": "QR %",
        "col_cashless": "Không tiền mặt %",
        "empty": "Không có số liệu trong kỳ này.",
        "notes": "Cách tính",
        "note_done": "Phiếu xong: phiếu ở trạng thái chờ duyệt hoặc đã duyệt, hoàn thành trong kỳ; đúng hạn khi "
                     "hoàn thành không muộn hơn ngày hẹn.",
        "note_abnormal": "Chỉ số bất thường: thấp hơn lần đọc trước (âm), bằng lần đọc trước (bằng 0), hoặc "
                         "sản lượng mỗi ngày lớn hơn 3 lần trung bình của tối đa 3 kỳ trước.",
        "note_adoption": "Tỷ lệ: trên tổng số khách hàng của xã/phường có trong máy, tính theo lần ghi nhận "
                         "mới nhất đến hết kỳ.",
        "page": "Trang {n}/{total}",
    },
    "en": {
        "title": "TEAM WORK REPORT",
        "period": "Period: {start} to {end}",
        "scope_all": "Scope: all communes",
        "scope_one": "Scope: {commune}",
        "made": "Made {when}",
        "key": "Key figures",
        "installs": "Meters installed",
        "on_time": "Work orders done on time",
        "late": "Work orders done late",
        "open_overdue": "Open overdue work orders",
        "readings": "Readings",
        "abnormal": "Abnormal readings",
        "customers": "Customers",
        "adoption": "Share of customers (end of period)",
        "e_contract": "E-contract",
        "app": "Customer-care app",
        "cashless": "Cashless",
        "mobile_banking": "Mobile banking",
        "e_wallet": "E-wallet",
        "auto_debit": "Automatic debit",
        "bank_qr": "Bank-transfer QR",
        "cash": "Cash",
        "by_commune": "By commune",
        "commune": "Commune",
        "no_commune": "(no commune)",
        "total": "Total",
        "col_customers": "Customers",
        "col_installs": "Installs",
        "col_on_time": "On time",
        "col_late": "Late",
        "col_overdue": "Open overdue",
        "col_readings": "Readings",
        "col_abnormal": "Abnormal",
        "col_e_contract": "E-contract %",
        "col_app": "App %",
        "col_mobile_banking": "Mobile banking %",
        "col_e_wallet": "E-wallet %",
        "col_auto_debit": "Auto debit %",
        "col_bank_qr": "QR %",
        "col_cashless": "Cashless %",
        "empty": "No figures in this period.",
        "notes": "How the figures are counted",
        "note_done": "Done: work orders waiting for review or approved, completed in the period; on time when "
                     "completed no later than the due date.",
        "note_abnormal": "Abnormal reading: lower than the previous reading (negative), equal to it (zero), or "
                         "consumption per day above 3x the average of up to three earlier intervals.",
        "note_adoption": "Shares: of all customers of the commune on this laptop, by the latest record up to the "
                         "end of the period.",
        "page": "Page {n} of {total}",
    },
}

BAR_COLOURS = [colors.HexColor(c) for c in ("#0b5394", "#38761d", "#b45f06", "#674ea7", "#a61c00", "#134f5c",
                                            "#444444")]


def _vietnam(when: datetime) -> datetime:
    """Times print in Vietnam's time (like every other FieldKit time), whatever the computer's zone."""
    from fieldkit.domain.local_time import VIETNAM

    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(VIETNAM)


def format_day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def format_pct(value: float, lang: Lang) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "vi" else text


def format_int(value: int, lang: Lang) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def adoption_bars(f: Figures, lang: Lang) -> list[tuple[str, float]]:
    t = LABELS[lang]
    bars = [(t["e_contract"], f.share(f.e_contracts)), (t["app"], f.share(f.app_users)),
            (t["cashless"], f.share(f.cashless))]
    bars += [(t[m], f.share(f.payment[m])) for m in METHODS if m != "cash"]
    return bars


def bar_chart(bars: list[tuple[str, float]], lang: Lang, width: float, row: float = 6 * mm) -> Drawing:
    """Horizontal bars of percentages, 0-100, a label on the left and the value at the bar's end."""
    label_w = 55 * mm
    plot_w = width - label_w - 18 * mm
    height = row * len(bars) + 8 * mm
    d = Drawing(width, height)
    top = height - 2 * mm
    for tick in (0, 25, 50, 75, 100):
        x = label_w + plot_w * tick / 100
        d.add(Line(x, 6 * mm, x, top, strokeColor=colors.HexColor("#cccccc"), strokeWidth=0.5))
        d.add(String(x, 2 * mm, f"{tick}%", fontName=FONT_REGULAR, fontSize=8, textAnchor="middle"))
    for i, (name, value) in enumerate(bars):
        y = top - (i + 1) * row
        d.add(String(label_w - 3 * mm, y + row * 0.3, name, fontName=FONT_REGULAR, fontSize=10, textAnchor="end"))
        w = plot_w * max(0.0, min(value, 100.0)) / 100
        d.add(Rect(label_w, y + row * 0.15, max(w, 0.6), row * 0.7, fillColor=BAR_COLOURS[i % len(BAR_COLOURS)],
                   strokeColor=None))
        d.add(String(label_w + w + 2 * mm, y + row * 0.3, f"{format_pct(value, lang)}%", fontName=FONT_BOLD,
                     fontSize=10))
    return d


def _key_table(f: Figures, lang: Lang, styles: dict[str, Any], width: float) -> Table:
    t = LABELS[lang]
    pairs = [("customers", f.customers), ("installs", f.installs), ("on_time", f.done_on_time),
             ("late", f.done_late), ("open_overdue", f.open_overdue), ("readings", f.readings),
             ("abnormal", f.abnormal)]
    cells = [[_p(t[k], styles["small"]) for k, _v in pairs], [_p(format_int(v, lang), styles["big"]) for _k, v in pairs]]
    table = Table(cells, colWidths=[width / len(pairs)] * len(pairs))
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


COLUMNS: list[tuple[str, Callable[[Figures], int | float]]] = [
    ("col_customers", lambda f: f.customers), ("col_installs", lambda f: f.installs),
    ("col_on_time", lambda f: f.done_on_time), ("col_late", lambda f: f.done_late),
    ("col_overdue", lambda f: f.open_overdue), ("col_readings", lambda f: f.readings),
    ("col_abnormal", lambda f: f.abnormal), ("col_e_contract", lambda f: f.share(f.e_contracts)),
    ("col_app", lambda f: f.share(f.app_users)), ("col_mobile_banking", lambda f: f.share(f.payment["mobile_banking"])),
    ("col_e_wallet", lambda f: f.share(f.payment["e_wallet"])),
    ("col_auto_debit", lambda f: f.share(f.payment["auto_debit"])), ("col_bank_qr", lambda f: f.share(f.payment["bank_qr"])),
    ("col_cashless", lambda f: f.share(f.cashless)),
]


def _cell(value: int | float, lang: Lang) -> str:
    return format_pct(value, lang) if isinstance(value, float) else format_int(value, lang)


def _commune_table(report: TeamReport, lang: Lang, styles: dict[str, Any], width: float) -> Table:
    t = LABELS[lang]
    head = styles["table_head"]
    body, bold = styles["table_small"], styles["table_small_bold"]
    rows: list[list[Any]] = [[_p(t["commune"], head)] + [_p(t[k], head) for k, _fn in COLUMNS]]
    for f in report.rows:
        rows.append([_p(f.commune or t["no_commune"], body)] + [_cell(fn(f), lang) for _k, fn in COLUMNS])
    rows.append([_p(t["total"], bold)] + [_cell(fn(report.total), lang) for _k, fn in COLUMNS])
    first = 44 * mm
    other = (width - first) / len(COLUMNS)
    table = Table(rows, colWidths=[first] + [other] * len(COLUMNS), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (1, 1), (-1, -1), FONT_REGULAR), ("FONTSIZE", (1, 1), (-1, -1), 9),
        ("FONTNAME", (1, -1), (-1, -1), FONT_BOLD),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("LINEABOVE", (0, -1), (-1, -1), 1.0, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#f6f6f6")]),
    ]))
    return table


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    s = paragraph_styles()
    s["table_head"] = ParagraphStyle("table_head", parent=s["small"], fontName=FONT_BOLD, fontSize=8,
                                     leading=9.5, alignment=TA_CENTER)
    s["table_small"] = ParagraphStyle("table_small", parent=s["small"], fontSize=9, leading=11)
    s["table_small_bold"] = ParagraphStyle("table_small_bold", parent=s["table_small"], fontName=FONT_BOLD)
    s["note"] = ParagraphStyle("note", parent=s["small"], fontSize=8.5, leading=10.5)
    return s


def build_pdf(story_for: Callable[[float], list[Flowable]], pagesize: tuple[float, float], lang: Lang,
              title: str) -> bytes:
    """Two passes: the first counts the pages, the second writes "page n of N"."""
    pages = 0
    data = b""
    for _ in range(2):
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=pagesize, leftMargin=12 * mm, rightMargin=12 * mm,
                                topMargin=12 * mm, bottomMargin=14 * mm, title=title, author="FieldKit")
        seen = [0]

        def draw(canvas: Any, doc: Any, seen: list[int] = seen, pages: int = pages) -> None:
            seen[0] = doc.page
            canvas.saveState()
            canvas.setFont(FONT_REGULAR, 9)
            canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 7 * mm,
                                   LABELS[lang]["page"].format(n=doc.page, total=pages or "?"))
            canvas.restoreState()

        doc.build(story_for(doc.width), onFirstPage=draw, onLaterPages=draw)
        data = buf.getvalue()
        if pages == seen[0]:
            break
        pages = seen[0]
    return data


def render_team_report(report: TeamReport, path: str | Path | None = None, lang: Lang = "vi") -> bytes:
    t = LABELS[lang]
    styles = _styles()

    def story(width: float) -> list[Flowable]:
        out: list[Flowable] = []
        if report.team:
            out.append(_p(report.team, styles["header"]))
        out.append(_p(t["title"], styles["title"]))
        scope = t["scope_all"] if report.commune_code is None else t["scope_one"].format(
            commune=report.total.commune or t["no_commune"])
        out.append(_p(t["period"].format(start=format_day(report.start), end=format_day(report.end)) + " · "
                      + scope + " · " + t["made"].format(when=_vietnam(report.made_at).strftime("%d/%m/%Y %H:%M")),
                      styles["label"]))
        out.append(Spacer(1, 3 * mm))
        out.append(_p(t["key"], styles["section"]))
        out.append(_key_table(report.total, lang, styles, width))
        out.append(Spacer(1, 1 * mm))
        out.append(_p(t["adoption"], styles["section"]))
        out.append(bar_chart(adoption_bars(report.total, lang), lang, width * 0.8))
        out.append(_p(t["by_commune"], styles["section"]))
        if report.rows:
            out.append(_commune_table(report, lang, styles, width))
        else:
            out.append(_p(t["empty"], styles["body"]))
        out.append(Spacer(1, 3 * mm))
        out.append(_p(t["notes"], styles["table_small_bold"]))
        for key in ("note_done", "note_abnormal", "note_adoption"):
            out.append(_p("• " + t[key], styles["note"]))
        return out

    data = build_pdf(story, landscape(A4), lang, t["title"])
    if path is not None:
        Path(path).write_bytes(data)
    return data
