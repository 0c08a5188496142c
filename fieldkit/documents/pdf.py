"""Fonts and paragraph styles for FieldKit's PDFs (reportlab).

The bundled DejaVu Sans covers Vietnamese (precomposed letters with two diacritics such
as "ệ", "ữ"); reportlab's built-in Helvetica does not. Fonts are registered once per
process; :func:`paragraph_styles` gives large, print-friendly (black on white) styles.
"""

from __future__ import annotations

import threading

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fieldkit.documents.resources import resource_path

__all__ = ["FONT_BOLD", "FONT_REGULAR", "paragraph_styles", "register_fonts"]

FONT_REGULAR = "FieldKitSans"
FONT_BOLD = "FieldKitSans-Bold"
_FILES = {FONT_REGULAR: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

_lock = threading.Lock()
_registered = False


def register_fonts() -> tuple[str, str]:
    """Register the bundled fonts with reportlab (idempotent, thread-safe).

    Returns the (regular, bold) font names; ``<b>`` in paragraphs maps to the bold face.
    """
    global _registered
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                path = resource_path("fonts", filename)
                if not path.is_file():
                    raise FileNotFoundError(f"bundled font missing: {path}")
                pdfmetrics.registerFont(TTFont(name, str(path)))
            pdfmetrics.registerFontFamily(
                FONT_REGULAR, normal=FONT_REGULAR, bold=FONT_BOLD, italic=FONT_REGULAR, boldItalic=FONT_BOLD
            )
            _registered = True
    return FONT_REGULAR, FONT_BOLD


def paragraph_styles(scale: float = 1.0) -> dict[str, ParagraphStyle]:
    """Named styles sized for elderly readers; ``scale`` shrinks or grows them all."""
    register_fonts()

    def style(name: str, size: float, bold: bool = False, align: int = TA_LEFT, **kw: object) -> ParagraphStyle:
        s = size * scale
        return ParagraphStyle(
            name,
            fontName=FONT_BOLD if bold else FONT_REGULAR,
            fontSize=s,
            leading=s * 1.25,
            alignment=align,
            textColor=colors.black,
            **kw,
        )

    return {
        "header": style("header", 11, bold=True),
        "header_sub": style("header_sub", 11),
        "title": style("title", 20, bold=True, align=TA_CENTER, spaceBefore=4, spaceAfter=6),
        "section": style("section", 15, bold=True, spaceBefore=6, spaceAfter=3),
        "label": style("label", 13),
        "body": style("body", 14),
        "name": style("name", 20, bold=True),
        "code": style("code", 30, bold=True),
        "big": style("big", 20, bold=True),
        "caption": style("caption", 12, align=TA_CENTER),
        "small": style("small", 10.5),
        "table": style("table", 12),
        "table_bold": style("table_bold", 12, bold=True),
        "total": style("total", 18, bold=True),
    }
