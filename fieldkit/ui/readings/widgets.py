"""Small pieces of the reading screen: number and date formats, styles, the progress strip,
cards."""

from __future__ import annotations

import time
from datetime import datetime
from decimal import Decimal
from typing import Any

from fieldkit.domain.anomalies import main_index
from fieldkit.services.readings import Target
from fieldkit.services.review import VIETNAM
from fieldkit.ui.labels import format_date, format_decimal
from fieldkit.ui.qt import (
    QColor,
    QCoreApplication,
    QFrame,
    QLocale,
    QPainter,
    QRectF,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.style import DANGER, OK, PANEL, PRIMARY

STEPS = ("sign-on", "identification", "baud switch", "receiving")
WARN_STYLE = ("color: #5a3a00; background: #fff4d6; border: 2px solid #b26a00; border-radius: 6px; "
              "padding: 8px; font-weight: bold;")
ABNORMAL_STYLE = (f"color: {DANGER}; background: #fdecee; border: 2px solid {DANGER}; border-radius: 6px; "
                  "padding: 8px; font-weight: bold;")
OK_STYLE = f"color: {OK}; background: #e8f5e9; border: 2px solid {OK}; border-radius: 6px; padding: 8px;"


def fmt_decimal(value: Decimal | None, max_places: int = 3) -> str:
    return format_decimal(value, max_places)


def fmt_money(vnd: int) -> str:
    return f"{QLocale().toString(vnd)} ₫"


def fmt_day(when: Any) -> str:
    return format_date(when)


def local(when: datetime) -> datetime:
    return when.astimezone(VIETNAM)


class ProgressStrip(QWidget):
    """A thick, plain progress bar (the numbers are in a big label beside it, readable in sunlight);
    ``text`` is also the accessible name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ReadProgress")
        self.fraction: float | None = 0.0  # None: busy, size unknown
        self.text = ""
        self.setMinimumHeight(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_state(self, fraction: float | None, text: str) -> None:
        self.fraction, self.text = fraction, text
        self.setAccessibleName(text)
        self.update()

    def paintEvent(self, _event: Any) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QColor("#5c5c5c"))
        p.setBrush(QColor(PANEL))
        p.drawRoundedRect(r, 6, 6)
        if self.fraction is None:
            phase = (time.monotonic() * 0.8) % 1.0
            fill = QRectF(r.x() + r.width() * phase * 0.75, r.y(), r.width() * 0.25, r.height())
        else:
            fill = QRectF(r.x(), r.y(), r.width() * max(0.0, min(1.0, self.fraction)), r.height())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(PRIMARY))
        p.drawRoundedRect(fill, 6, 6)
        p.end()


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(objectName="Card")
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(14, 10, 14, 12)
    lay.setSpacing(8)
    return frame, lay


def target_subtitle(t: Target) -> str:
    """Who, where, which work order and the previous reading, on one line (context "ReadingPanel")."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("ReadingPanel", text)

    parts = []
    if t.customer is not None:
        parts.append(f"{t.customer.name} ({t.customer.code})")
        if t.customer.address.one_line():
            parts.append(t.customer.address.one_line())
    if t.work_order is not None:
        parts.append(tr("work order %1").replace("%1", t.work_order.number))
    prev = t.previous
    if prev is not None:
        parts.append(tr("previous reading %1 kWh on %2").replace("%1", fmt_decimal(main_index(prev.registers)))
                     .replace("%2", fmt_day(local(prev.taken_at))))
    else:
        parts.append(tr("no previous reading"))
    return " · ".join(parts)
