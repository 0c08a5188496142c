"""The one signature pad: sign with a finger, a pen or the mouse.

Strokes are kept in 0..1 coordinates of the pad, so they survive a resize and can be
saved and drawn again (onboarding resumes a half-done contract). `png_bytes()` draws the
strokes with Pillow, cropped to the ink, so the PNG does not depend on the screen's scale.

Guards (a demo filler once handed the pad pixel coordinates and saving built a
384,240 x 8,100 px image): strokes set from code are clamped into 0..1, the PNG is never
larger than `MAX_PNG_SIDE` on either side, and it is encoded once per change of the
strokes (forms ask for its digest on every keystroke).
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image, ImageDraw

from fieldkit.ui.qt import QColor, QImage, QPainter, QPen, QSizePolicy, Qt, QWidget, Signal
from fieldkit.ui.style import INK, MUTED, PAPER

Point = tuple[float, float]
MAX_PNG_SIDE = 1600


def clamp_strokes(strokes: Any) -> list[list[Point]]:
    """Strokes as lists of (x, y) floats in 0..1; anything else (pixels, NaN, junk) is clamped or dropped."""
    out: list[list[Point]] = []
    for stroke in strokes or []:
        pts: list[Point] = []
        for pt in stroke:
            try:
                x, y = float(pt[0]), float(pt[1])
            except (TypeError, ValueError, IndexError):
                continue
            if x != x or y != y:  # NaN
                continue
            pts.append((min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)))
        if pts:
            out.append(pts)
    return out


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, minimum: tuple[int, int] = (360, 130),
                 keep_taps: bool = False):
        """`keep_taps`: a tap without a line stays as a dot (else it is dropped: not a signature)."""
        super().__init__(parent)
        self.setObjectName("SignaturePad")
        self._strokes: list[list[Point]] = []
        self._version = 0
        self._png: tuple[tuple[int, int, int, float], bytes] | None = None
        # a signature kept from a submitted record (a returned order): shown until signed again
        self.kept: bytes | None = None
        self._kept_image: QImage | None = None
        self.keep_taps = keep_taps
        self._drawing = False
        self.setMinimumSize(*minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)

    @property
    def strokes(self) -> list[list[Point]]:
        return self._strokes

    @strokes.setter
    def strokes(self, value: Any) -> None:
        self._strokes = clamp_strokes(value)
        self._version += 1

    def has_ink(self) -> bool:
        return any(self.strokes) or self.kept is not None

    def is_empty(self) -> bool:
        """No line drawn (dots alone do not make a signature) and no kept signature."""
        return self.kept is None and not any(len(s) > 1 for s in self.strokes)

    def set_kept(self, png: bytes | None) -> None:
        """Show a signature already stored (PNG); drawing on the pad or Clear replaces it."""
        image = QImage.fromData(png) if png else None
        self.kept = png if image is not None and not image.isNull() else None
        self._kept_image = image if self.kept is not None else None
        self._version += 1
        self.update()

    def clear(self) -> None:
        self.kept, self._kept_image = None, None
        self.strokes = []
        self.update()
        self.changed.emit()

    def _point(self, event: Any) -> Point:
        pos = event.position()
        w, h = max(1, self.width()), max(1, self.height())
        return min(max(pos.x() / w, 0.0), 1.0), min(max(pos.y() / h, 0.0), 1.0)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        if self.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            if self.kept is not None:  # signing again replaces the kept signature
                self.kept, self._kept_image = None, None
            self._drawing = True
            self._strokes.append([self._point(event)])
            self._version += 1
            self.update()

    def mouseMoveEvent(self, event: Any) -> None:  # noqa: N802
        if self._drawing and self._strokes:
            self._strokes[-1].append(self._point(event))
            self._version += 1
            self.update()

    def mouseReleaseEvent(self, event: Any) -> None:  # noqa: N802
        if not self._drawing:
            return
        self._drawing = False
        if self._strokes and len(self._strokes[-1]) < 2 and not self.keep_taps:
            self._strokes.pop()
            self._version += 1
            return
        self.changed.emit()

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        p.fillRect(0, 0, w, h, QColor(PAPER if self.isEnabled() else "#f0f0f0"))
        if self._kept_image is not None:  # a stored signature, under the line; drawing replaces it
            img = self._kept_image.scaled(max(1, w - 8), max(1, h - 30), Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation)
            p.drawImage((w - img.width()) // 2, max(4, (h - 26 - img.height()) // 2), img)
            p.setPen(QColor(MUTED))
            p.drawText(8, h - 8, self.tr("Signature kept from the submitted record — draw to sign again"))
        p.setPen(QPen(QColor(MUTED), 2, Qt.PenStyle.DashLine))
        p.drawRect(1, 1, w - 2, h - 2)
        p.drawLine(24, h - 28, w - 24, h - 28)
        p.setPen(QPen(QColor(INK), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            pts = [(int(x * w), int(y * h)) for x, y in stroke]
            if len(pts) == 1:
                p.drawPoint(*pts[0])
            for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
                p.drawLine(x1, y1, x2, y2)
        p.end()

    def png_bytes(self, scale: float = 2.0) -> bytes:
        """The signature, cropped to its strokes with a margin, black on white; encoded once per
        change of the strokes (or of the pad's size)."""
        if self.kept is not None and not self.strokes:
            return self.kept
        key = (self._version, self.width(), self.height(), scale)
        if self._png is None or self._png[0] != key:
            self._png = (key, self._encode(scale))
        return self._png[1]

    def _encode(self, scale: float) -> bytes:
        w, h = max(1, self.width()), max(1, self.height())
        strokes = [[(x * w, y * h) for x, y in s] for s in self.strokes]
        points = [pt for s in strokes for pt in s]
        if not points:
            raise ValueError("the signature pad is empty")
        margin = 10
        x0, y0 = min(pt[0] for pt in points) - margin, min(pt[1] for pt in points) - margin
        x1, y1 = max(pt[0] for pt in points) + margin, max(pt[1] for pt in points) + margin
        scale = min(scale, MAX_PNG_SIDE / max(1.0, x1 - x0), MAX_PNG_SIDE / max(1.0, y1 - y0))
        size = (min(MAX_PNG_SIDE, max(1, int((x1 - x0) * scale))), min(MAX_PNG_SIDE, max(1, int((y1 - y0) * scale))))
        img = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(img)
        for stroke in strokes:
            pts = [((x - x0) * scale, (y - y0) * scale) for x, y in stroke]
            if len(pts) > 1:
                draw.line(pts, fill="black", width=max(1, int(3 * scale)), joint="curve")
        buf = io.BytesIO()
        img.save(buf, "PNG", optimize=True)
        return buf.getvalue()
