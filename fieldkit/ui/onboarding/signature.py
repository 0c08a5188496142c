"""A signature pad: the customer signs with a finger, pen or mouse. Strokes are kept in
0..1 coordinates and turned into a PNG by the service (`signature_png`)."""

from __future__ import annotations

from typing import Any

from fieldkit.ui.qt import QColor, QPainter, QPen, QSizePolicy, Qt, QWidget, Signal
from fieldkit.ui.style import INK, MUTED, PAPER


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("SignaturePad")
        self.setMinimumSize(380, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.strokes: list[list[tuple[float, float]]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def has_ink(self) -> bool:
        return any(self.strokes)

    def _point(self, event: Any) -> tuple[float, float]:
        pos = event.position()
        w, h = max(1, self.width()), max(1, self.height())
        return min(max(pos.x() / w, 0.0), 1.0), min(max(pos.y() / h, 0.0), 1.0)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        if not self.isEnabled():
            return
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
            self.changed.emit()

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        p.fillRect(0, 0, w, h, QColor(PAPER if self.isEnabled() else "#f0f0f0"))
        p.setPen(QPen(QColor(MUTED), 2, Qt.PenStyle.DashLine))
        p.drawRect(1, 1, w - 2, h - 2)
        p.drawLine(24, h - 36, w - 24, h - 36)
        p.setPen(QPen(QColor(INK), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            pts = [(int(x * w), int(y * h)) for x, y in stroke]
            if len(pts) == 1:
                p.drawPoint(*pts[0])
            for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
                p.drawLine(x1, y1, x2, y2)
        p.end()
