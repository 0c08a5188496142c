"""One-page A4 sheet left with a household after onboarding.

Large, black-on-white type for elderly readers: who the customer is and their customer
code (large), QR codes to install the customer-care app, the hotline and Zalo channel,
the chosen payment method, an optional bill estimate with a bank-transfer VietQR, and
the next meter-reading date.

The data (:class:`HouseholdSheet`) is plain text already in Vietnamese; only the fixed
labels change with ``lang`` ("vi" or "en", see :data:`LABELS`).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fieldkit.documents.pdf import paragraph_styles
from fieldkit.documents.qr import QRFlowable
from fieldkit.documents.sheet_content import LABELS, BankTransfer, DueBill, PaymentKind, PaymentMethod
from fieldkit.domain.messages import Texts
from fieldkit.domain.tariff import BillEstimate

_M = Texts("documents.household_sheet")

__all__ = [
    "LABELS",
    "BankTransfer",
    "DueBill",
    "HouseholdSheet",
    "PaymentKind",
    "PaymentMethod",
    "format_date",
    "format_vnd",
    "render_household_sheet",
]

Lang = Literal["vi", "en"]
_log = logging.getLogger(__name__)

@dataclass(frozen=True)
class HouseholdSheet:
    customer_name: str
    customer_code: str
    address: str
    app_android_url: str
    app_ios_url: str
    zalo_name: str
    zalo_url: str | None = None
    app_name: str = "EVNNPC CSKH"
    utility_name: str = "TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC"
    unit_name: str = ""
    team_name: str = ""
    hotline: str = "1900 6769"
    payment: PaymentMethod | None = None
    bill: BillEstimate | None = None
    bank_transfer: BankTransfer | None = None
    next_reading_date: date | None = None
    prepared_on: date | None = None
    prepared_by: str = ""
    provisional: bool = False  # the code is the supply request's provisional one, not a customer code


def format_vnd(amount: int | Decimal, lang: Lang = "vi") -> str:
    """``636.768 đ`` (vi) or ``636,768 VND`` (en); amounts are whole đồng."""
    return _M.text("{amount:,} VND", lang, amount=int(amount))


def _format_int(value: int, lang: Lang) -> str:
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "vi" else grouped


def format_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _format_range(start: date, end: date) -> str:
    """``01/05 – 09/05/2025`` within a year, else both dates in full."""
    head = start.strftime("%d/%m") if start.year == end.year else format_date(start)
    return f"{head} – {format_date(end)}"


def _e(text: str) -> str:
    return escape(text)


@dataclass(frozen=True)
class _Fit:
    """Layout choices, loosened step by step until the sheet fits on one page."""

    scale: float
    tier_detail: bool
    qr_mm: float


_ATTEMPTS = (_Fit(1.0, True, 40), _Fit(1.0, False, 40), _Fit(0.9, False, 36), _Fit(0.8, False, 32))

PAGE_MARGIN = 12 * mm
BOX_STROKE = 1.2


def _boxed(content: list[Flowable] | Flowable, width: float, pad: float = 6) -> Table:
    table = Table([[content]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), BOX_STROKE, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ]
        )
    )
    return table


def _plain_table(rows: list[list[Any]], widths: list[float], style: list[tuple[Any, ...]] | None = None) -> Table:
    table = Table(rows, colWidths=widths)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    table.setStyle(TableStyle(commands + (style or [])))
    return table


def _qr_cell(payload: str, caption: str, size: float, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    return [QRFlowable(payload, size), Paragraph(_e(caption), styles["caption"])]


def _story(sheet: HouseholdSheet, lang: Lang, fit: _Fit, width: float) -> list[Flowable]:
    t = LABELS[lang]
    st = paragraph_styles(fit.scale)
    story: list[Flowable] = []

    # --- header: utility / unit / team, date on the right
    left = [Paragraph(_e(sheet.utility_name), st["header"])]
    for line in (sheet.unit_name, sheet.team_name):
        if line:
            left.append(Paragraph(_e(line), st["header_sub"]))
    right: list[Flowable] = []
    if sheet.prepared_on:
        right.append(Paragraph(f"{t['prepared_on']}: {format_date(sheet.prepared_on)}", st["header_sub"]))
    if sheet.prepared_by:
        right.append(Paragraph(f"{t['prepared_by']}: {_e(sheet.prepared_by)}", st["header_sub"]))
    header = _plain_table([[left, right]], [width * 0.62, width * 0.38])
    story += [header, Spacer(1, 2 * mm), Paragraph(t["title"], st["title"])]

    # --- customer box
    customer = [
        Paragraph(
            f"<font name='{st['label'].fontName}' size='{st['label'].fontSize:.1f}'>{t['customer']}:</font> "
            f"{_e(sheet.customer_name)}",
            st["name"],
        ),
        Spacer(1, 3 * mm),
        Paragraph(f"{t['customer_code']}:", st["label"]),
        Paragraph(_e(sheet.customer_code) + (f" <font size='{st['label'].fontSize:.1f}'>{t['provisional']}</font>"
                                             if sheet.provisional else ""), st["code"]),
        Paragraph(_e(t["code_hint_provisional" if sheet.provisional else "code_hint"]), st["small"]),
        Spacer(1, 2 * mm),
        Paragraph(f"{t['address']}: {_e(sheet.address)}", st["body"]),
    ]
    story += [_boxed(customer, width, pad=8), Spacer(1, 3 * mm)]

    # --- app QR codes + contacts
    qr = fit.qr_mm * mm
    cells: list[list[Flowable]] = [
        _qr_cell(sheet.app_android_url, t["android"], qr, st),
        _qr_cell(sheet.app_ios_url, t["ios"], qr, st),
    ]
    if sheet.zalo_url:
        cells.append(_qr_cell(sheet.zalo_url, f"{t['zalo']}", qr, st))
    contact: list[Flowable] = [
        Paragraph(f"{t['hotline']}:", st["label"]),
        Paragraph(_e(sheet.hotline), st["big"]),
        Spacer(1, 2 * mm),
        Paragraph(f"{t['zalo']}:", st["label"]),
        Paragraph(_e(sheet.zalo_name), st["body"]),
    ]
    qr_col = qr + 4 * mm
    contact_width = width - qr_col * len(cells)
    story.append(Paragraph(_e(t["app"].format(app=sheet.app_name)), st["section"]))
    story.append(Paragraph(_e(t["scan"]), st["label"]))
    story.append(
        _plain_table(
            [[*cells, contact]],
            [qr_col] * len(cells) + [contact_width],
            [("LEFTPADDING", (-1, 0), (-1, 0), 4 * mm)],
        )
    )

    # --- payment method
    if sheet.payment:
        story.append(Spacer(1, 3 * mm))
        label = t[sheet.payment.kind.value]
        text = f"{label}: <b>{_e(sheet.payment.provider)}</b>" if sheet.payment.provider else f"<b>{label}</b>"
        story.append(Paragraph(f"{t['payment']}: {text}", st["body"]))

    # --- bill estimate and bank-transfer QR
    if sheet.bill or sheet.bank_transfer:
        story.append(Spacer(1, 2 * mm))
        story.append(_bill_block(sheet, lang, fit, width, st))

    # --- next reading
    if sheet.next_reading_date:
        story += [
            Spacer(1, 3 * mm),
            _boxed(
                Paragraph(f"{t['next_reading']}: <b>{format_date(sheet.next_reading_date)}</b>", st["big"]),
                width,
            ),
        ]
    return story


def _bill_block(
    sheet: HouseholdSheet, lang: Lang, fit: _Fit, width: float, st: dict[str, ParagraphStyle]
) -> Flowable:
    t = LABELS[lang]
    transfer = sheet.bank_transfer
    qr = fit.qr_mm * mm
    right_width = max(qr + 10 * mm, width * 0.4) if transfer else 0.0
    left_width = width - right_width
    left: list[Flowable] = []
    bill = sheet.bill
    if bill:
        left.append(Paragraph(t["bill"], st["section"]))
        rows: list[list[Any]] = [
            [
                Paragraph(
                    f"{t['period']}: <b>{format_date(bill.period_start)} – {format_date(bill.period_end)}</b>"
                    f" ({bill.days} {t['days']})",
                    st["table"],
                ),
                "",
            ],
            [
                Paragraph(f"{t['consumption']}:", st["table"]),
                Paragraph(f"<b>{_format_int(bill.kwh, lang)} kWh</b>", st["table"]),
            ],
        ]
        if bill.households > 1:
            rows.append([Paragraph(f"{t['households']}:", st["table"]), Paragraph(str(bill.households), st["table"])])
        if fit.tier_detail:
            for part in bill.parts:
                if len(bill.parts) > 1:
                    rows.append(
                        [
                            Paragraph(
                                f"{t['prices_from']} {format_date(part.schedule.effective_from)}: "
                                f"{_format_range(part.start, part.end)}, {_format_int(part.kwh, lang)}&nbsp;kWh",
                                st["small"],
                            ),
                            "",
                        ]
                    )
                for line in part.lines:
                    rows.append(
                        [
                            Paragraph(
                                f"&nbsp;&nbsp;{t['tier']} {line.tier}: {_format_int(line.kwh, lang)} kWh × "
                                f"{_format_int(line.price, lang)} = {format_vnd(line.amount, lang)}",
                                st["small"],
                            ),
                            "",
                        ]
                    )
        vat_percent = (bill.vat_rate * 100).normalize()
        rows += [
            [Paragraph(f"{t['subtotal']}:", st["table"]), Paragraph(format_vnd(bill.subtotal, lang), st["table"])],
            [
                Paragraph(f"{t['vat']} {vat_percent:f}%:", st["table"]),
                Paragraph(format_vnd(bill.vat, lang), st["table"]),
            ],
            [Paragraph(f"{t['total']}: {format_vnd(bill.total, lang)}", st["total"]), ""],
        ]
        span = [("SPAN", (0, i), (1, i)) for i, row in enumerate(rows) if row[1] == ""]
        label_w = left_width * 0.55
        left.append(_plain_table(rows, [label_w, left_width - label_w - 8], span))
        left.append(Paragraph(_e(t["estimate_note"]), st["small"]))
    if not bill and transfer and transfer.bill and transfer.amount is not None:
        due = transfer.bill  # the utility's bill, in large type beside its QR
        left += [Paragraph(t["bill_to_pay"], st["section"]),
                 Paragraph(f"{t['bill_period']}: <b>{format_date(due.period_start)} – {format_date(due.period_end)}</b>",
                           st["table"]),
                 Paragraph(f"{t['amount']}: {format_vnd(transfer.amount, lang)}", st["total"])]
        if due.due_date:
            left.append(Paragraph(f"{t['due']}: <b>{format_date(due.due_date)}</b>", st["body"]))
    if not transfer:
        return _plain_table([[left]], [width])

    right: list[Flowable] = [
        Paragraph(t["transfer"], st["table_bold"]),
        Spacer(1, 1 * mm),
        QRFlowable(transfer.payload, qr),
    ]
    facts = [
        (t["bank"], transfer.bank_name),
        (t["account"], transfer.account_number),
        (t["account_name"], transfer.account_name),
    ]
    if transfer.amount is not None and transfer.bill is not None:
        b = transfer.bill
        facts.append((t["bill_period"], f"{format_date(b.period_start)} – {format_date(b.period_end)}"))
        facts.append((t["amount"], format_vnd(transfer.amount, lang)))
        if b.due_date:
            facts.append((t["due"], format_date(b.due_date)))
    elif transfer.amount is not None:
        facts.append((t["amount"], format_vnd(transfer.amount, lang)))
    else:
        facts.append((t["amount"], t["amount_from_bill"]))
    if transfer.purpose:
        facts.append((t["purpose"], transfer.purpose))
    right += [Paragraph(f"{_e(k)}: <b>{_e(v)}</b>", st["small"]) for k, v in facts if v]
    if not left:
        return _plain_table([[right]], [width])
    return _plain_table(
        [[left, right]],
        [left_width, right_width],
        [("LINEBEFORE", (1, 0), (1, 0), 0.8, colors.black), ("LEFTPADDING", (1, 0), (1, 0), 4 * mm)],
    )


def _build(sheet: HouseholdSheet, lang: Lang, fit: _Fit, shrink: bool) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN,
        title=f"{LABELS[lang]['title']} – {sheet.customer_code}",
        author=sheet.utility_name,
        subject=sheet.customer_code,
        creator="FieldKit",
    )
    story = _story(sheet, lang, fit, doc.width)
    if shrink:
        story = [KeepInFrame(doc.width, doc.height, story, mode="shrink")]
    pages = 0

    def count(_canvas: Any, _doc: Any) -> None:
        nonlocal pages
        pages += 1

    doc.build(story, onFirstPage=count, onLaterPages=count)
    return buffer.getvalue(), pages


def render_household_sheet(sheet: HouseholdSheet, path: str | Path, lang: Lang = "vi") -> Path:
    """Write the one-page A4 household sheet to ``path`` and return the path.

    Tries the full layout first; if it does not fit on one page, drops the per-tier bill
    detail, then shrinks type and QR codes a little, and as a last resort scales the
    whole page down so it always prints on a single sheet.
    """
    if lang not in LABELS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {sorted(LABELS)}")
    if not sheet.customer_code.strip():
        raise ValueError("customer code is required / cần có mã khách hàng")
    out = Path(path)
    out.write_bytes(household_sheet_pdf(sheet, lang))
    return out


def household_sheet_pdf(sheet: HouseholdSheet, lang: Lang = "vi") -> bytes:
    """The sheet as PDF bytes, in memory (the app keeps it encrypted; see render_household_sheet)."""
    if lang not in LABELS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {sorted(LABELS)}")
    if not sheet.customer_code.strip():
        raise ValueError("customer code is required / cần có mã khách hàng")
    pdf = b""
    for fit in _ATTEMPTS:
        pdf, pages = _build(sheet, lang, fit, shrink=False)
        _log.debug("household sheet: scale %s, tier detail %s -> %d page(s)", fit.scale, fit.tier_detail, pages)
        if pages == 1:
            break
    else:
        pdf, _ = _build(sheet, lang, _ATTEMPTS[-1], shrink=True)
    return pdf

