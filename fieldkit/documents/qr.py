"""QR codes for documents: PNG bytes (for screens) and a vector flowable (for PDFs).

Error correction level M (~15 % recoverable), quiet zone of 4 modules (the QR
standard's minimum), black modules on white.
"""

from __future__ import annotations

import io

import qrcode
import qrcode.constants
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.platypus import Flowable, Image

__all__ = ["QUIET_ZONE", "QRFlowable", "qr_image", "qr_matrix", "qr_png_bytes"]

QUIET_ZONE = 4


def _make(payload: str, border: int) -> qrcode.QRCode:
    if not payload:
        raise ValueError("QR payload is empty")
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(payload)
    code.make(fit=True)
    return code


def qr_matrix(payload: str, border: int = QUIET_ZONE) -> list[list[bool]]:
    """Module matrix including the quiet zone (True = dark)."""
    return [list(row) for row in _make(payload, border).get_matrix()]


def qr_png_bytes(payload: str, box_size: int = 10, border: int = QUIET_ZONE) -> bytes:
    """PNG image of the QR code, ``box_size`` pixels per module."""
    code = _make(payload, border)
    code.box_size = box_size
    image = code.make_image(fill_color="black", back_color="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def qr_image(payload: str, size: float, box_size: int = 10) -> Image:
    """A reportlab raster :class:`Image` flowable ``size`` points square."""
    return Image(io.BytesIO(qr_png_bytes(payload, box_size=box_size)), width=size, height=size)


class QRFlowable(Flowable):  # type: ignore[misc]
    """A QR code drawn as vector squares, ``size`` points square including the quiet zone."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.matrix = qr_matrix(payload)
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def drawing(self) -> Drawing:
        n = len(self.matrix)
        module = self.size / n
        drawing = Drawing(self.size, self.size)
        drawing.add(Rect(0, 0, self.size, self.size, fillColor=colors.white, strokeColor=None))
        for r, row in enumerate(self.matrix):
            c = 0
            while c < n:  # merge horizontal runs of dark modules into one rectangle
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    y = self.size - (r + 1) * module
                    drawing.add(
                        Rect(start * module, y, (c - start) * module, module,
                             fillColor=colors.black, strokeColor=None, strokeWidth=0)
                    )
                else:
                    c += 1
        return drawing

    def draw(self) -> None:
        self.drawing().drawOn(self.canv, 0, 0)
