"""A signature pad: draw with the mouse, a finger or a pen; PNG out (drawn with Pillow from
the stroke points, so the PNG does not depend on the screen's scale)."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image, ImageDraw

from fieldkit.ui.qt import QColor, QPainter, QPen, QSizePolicy, Qt, QWidget, Signal

Point = tuple[float, float]


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("SignaturePad")
        self.strokes: list[list[Point]] = []
        self._drawing = False
        self.setMinimumSize(360, 130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self.strokes)

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def _point(self, event: Any) -> Point:
        p = event.position()
        return (max(0.0, min(float(p.x()), self.width() - 1.0)), max(0.0, min(float(p.y()), self.height() - 1.0)))

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._drawing = True
            self.strokes.append([self._point(event)])
            self.update()

    def mouseMoveEvent(self, event: Any) -> None:  # noqa: N802
        if self._drawing and self.strokes:
            self.strokes[-1].append(self._point(event))
            self.update()

    def mouseReleaseEvent(self, event: Any) -> None:  # noqa: N802
        if self._drawing:
            self._drawing = False
            if self.strokes and len(self.strokes[-1]) > 1:
                self.changed.emit()
            elif self.strokes:
                self.strokes.pop()  # a tap without a line is not a signature

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9E9E9E"), 1, Qt.PenStyle.DashLine))
        base = self.height() - 28
        painter.drawLine(16, base, self.width() - 16, base)
        painter.setPen(QPen(QColor("#0D1B6E"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            for (x1, y1), (x2, y2) in zip(stroke, stroke[1:], strict=False):
                painter.drawLine(int(x1), int(y1), int(x2), int(y2))
        painter.setPen(QPen(QColor("#616161"), 1))
        painter.drawRect(0, 0, self.width() - 1, self.height() - 1)
        painter.end()

    def png_bytes(self, scale: float = 2.0) -> bytes:
        """The signature, cropped to its strokes with a margin, black on white."""
        points = [p for s in self.strokes for p in s]
        if not points:
            raise ValueError("the signature pad is empty")
        margin = 10
        x0, y0 = min(p[0] for p in points) - margin, min(p[1] for p in points) - margin
        x1, y1 = max(p[0] for p in points) + margin, max(p[1] for p in points) + margin
        size = (max(1, int((x1 - x0) * scale)), max(1, int((y1 - y0) * scale)))
        img = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(img)
        for stroke in self.strokes:
            pts = [((x - x0) * scale, (y - y0) * scale) for x, y in stroke]
            if len(pts) > 1:
                draw.line(pts, fill="black", width=int(3 * scale), joint="curve")
        buf = io.BytesIO()
        img.save(buf, "PNG", optimize=True)
        return buf.getvalue()
