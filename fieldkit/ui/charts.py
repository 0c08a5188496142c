"""A horizontal bar chart painted with QPainter (PySide6-Essentials has no QtCharts).

Horizontal bars leave room for long Vietnamese commune names on the left; each bar
carries its value at its end, so the chart reads without a legend or axis in sunlight.
"""

from __future__ import annotations

from fieldkit.ui.labels import format_decimal, format_percent
from fieldkit.ui.qt import QBrush, QColor, QFontMetrics, QPainter, QPen, QRectF, QSize, Qt, QWidget
from fieldkit.ui.style import INK, MUTED, PRIMARY

BAR_COLOURS = ("#0b4f8a", "#1b5e20", "#8a4b08", "#5b3f8c", "#a4000f", "#0f5560", "#444444")


class BarChart(QWidget):
    """`set_bars([(label, value), …], percent=True)`; values are clipped at 0. With `percent` the
    scale is 0-100 %, otherwise 0 to the largest value."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("BarChart")
        self.bars: list[tuple[str, float]] = []
        self.percent = False
        self.empty_text = ""
        self.colour_per_bar = False
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[tuple[str, float]], percent: bool = False, colour_per_bar: bool = False) -> None:
        self.bars = [(label, max(0.0, float(value))) for label, value in bars]
        self.percent = percent
        self.colour_per_bar = colour_per_bar
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.update()

    def _row(self) -> int:
        return max(30, QFontMetrics(self.font()).height() + 14)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, max(120, self._row() * max(len(self.bars), 2) + 24))

    def value_text(self, value: float) -> str:
        if self.percent:
            return format_percent(value)
        return format_decimal(value, 1)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        fm = QFontMetrics(self.font())
        if not self.bars:
            p.setPen(QColor(MUTED))
            p.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
            p.end()
            return
        row = self._row()
        label_w = min(max(fm.horizontalAdvance(label) for label, _ in self.bars) + 16, int(self.width() * 0.42))
        value_w = fm.horizontalAdvance(self.value_text(100.0 if self.percent else max(v for _, v in self.bars))) + 16
        plot_x = label_w
        plot_w = max(40, self.width() - label_w - value_w - 8)
        top = 8
        scale = 100.0 if self.percent else max(max(v for _, v in self.bars), 1.0)
        # light vertical guides at quarters
        p.setPen(QPen(QColor("#d0d6dc"), 1))
        bottom = top + row * len(self.bars)
        for q in range(5):
            x = plot_x + plot_w * q / 4
            p.drawLine(int(x), top, int(x), bottom)
        for i, (label, value) in enumerate(self.bars):
            y = top + i * row
            p.setPen(QColor(INK))
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 12)
            p.drawText(QRectF(0, y, label_w - 10, row), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       elided)
            w = plot_w * min(value, scale) / scale
            colour = QColor(BAR_COLOURS[i % len(BAR_COLOURS)] if self.colour_per_bar else PRIMARY)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(colour))
            p.drawRect(QRectF(plot_x, y + row * 0.18, max(w, 2.0), row * 0.64))
            p.setPen(QColor(INK))
            p.drawText(QRectF(plot_x + w + 6, y, value_w + 40, row),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.value_text(value))
        p.end()
