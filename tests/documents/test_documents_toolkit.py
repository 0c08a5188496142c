"""Fonts, styles, resource paths and QR rendering."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from fieldkit.documents import pdf, qr, resources
from fieldkit.documents.qr import QUIET_ZONE, qr_image, qr_matrix, qr_png_bytes

VIETNAMESE = "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"


def test_resource_path_in_checkout() -> None:
    font = resources.resource_path("fonts", "DejaVuSans.ttf")
    assert font.is_file()
    assert resources.resource_path("fonts", "LICENSE-DejaVu.txt").is_file()
    with pytest.raises(ValueError):
        resources.resource_path("..", "pyproject.toml")


def test_resource_path_in_pyinstaller_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"


def test_fonts_register_once_and_cover_vietnamese() -> None:
    first = pdf.register_fonts()
    assert pdf.register_fonts() == first == (pdf.FONT_REGULAR, pdf.FONT_BOLD)
    for name in first:
        face = pdfmetrics.getFont(name).face
        missing = [ch for ch in VIETNAMESE + VIETNAMESE.upper() if ord(ch) not in face.charToGlyph]
        assert missing == [], f"{name} lacks {''.join(missing)}"


def test_styles_are_large_and_black() -> None:
    styles = pdf.paragraph_styles()
    assert styles["body"].fontSize >= 14
    assert styles["code"].fontSize >= 28
    assert all(s.fontName in (pdf.FONT_REGULAR, pdf.FONT_BOLD) for s in styles.values())
    assert all(s.textColor.hexval() == "0x000000" for s in styles.values())
    assert pdf.paragraph_styles(0.5)["body"].fontSize == styles["body"].fontSize / 2


def _decode_png(data: bytes) -> list[zxingcpp.Barcode]:
    return list(zxingcpp.read_barcodes(Image.open(io.BytesIO(data))))


def test_png_decodes_with_level_m_and_quiet_zone() -> None:
    payload = "00020101021138560010A0000007270126000697041501121133666688880208QRIBFTTA53037045802VN6304F443"
    data = qr_png_bytes(payload, box_size=4)
    [barcode] = _decode_png(data)
    assert barcode.text == payload
    assert barcode.ec_level == "M"
    image = Image.open(io.BytesIO(data)).convert("L")
    modules = len(qr_matrix(payload))
    assert image.size == (modules * 4, modules * 4)
    border = QUIET_ZONE * 4
    band = image.crop((0, 0, image.width, border))  # top quiet zone is all white
    assert band.getextrema() == (255, 255)
    assert image.crop((border, border, border + 4, border + 4)).getextrema() == (0, 0)  # finder corner


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=120))
def test_png_round_trip(payload: str) -> None:
    assert [b.text for b in _decode_png(qr_png_bytes(payload, box_size=3))] == [payload]


def test_matrix_has_quiet_zone() -> None:
    matrix = qr_matrix("https://example.invalid/app")
    for row in matrix[:QUIET_ZONE] + matrix[-QUIET_ZONE:]:
        assert not any(row)
    assert all(not any(row[:QUIET_ZONE]) and not any(row[-QUIET_ZONE:]) for row in matrix)


def test_reportlab_image_and_empty_payload() -> None:
    image = qr_image("hello", 100)
    assert (image.drawWidth, image.drawHeight) == (100, 100)
    with pytest.raises(ValueError):
        qr.qr_png_bytes("")
