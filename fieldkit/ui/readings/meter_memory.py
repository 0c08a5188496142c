"""What a DLMS meter remembers, on the reading result: its load profile as a small chart
(energy per interval over the period read, tamper events marked) and its event log with
tamper events highlighted. Also the names of the DLMS progress phases.

Texts are in the "MeterEvidence" translation context (catalogue meter_evidence_<lang>.ts);
event names come with the reading in Vietnamese and English (devices/meter_log.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from fieldkit.devices.meter_log import LoadProfile, MeterEvent
from fieldkit.ui.labels import current_language
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QCoreApplication,
    QFrame,
    QLabel,
    QLocale,
    QPainter,
    QPen,
    QRectF,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.readings.widgets import fmt_decimal
from fieldkit.ui.style import DANGER, MUTED, PANEL, PRIMARY

CONTEXT = "MeterEvidence"
PHASES = {
    "connecting": QT_TRANSLATE_NOOP("MeterEvidence", "Connecting (HDLC)"),
    "association": QT_TRANSLATE_NOOP("MeterEvidence", "Opening the DLMS session"),
    "recovering": QT_TRANSLATE_NOOP("MeterEvidence", "Data damaged: waiting, then signing on again"),
    "release": QT_TRANSLATE_NOOP("MeterEvidence", "Closing the session"),
}
# where a DLMS phase sits on the four-step progress strip
STEP_OF = {"connecting": "baud switch", "association": "baud switch", "recovering": "sign-on",
           "release": "receiving"}
MAX_EVENTS = 30


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def phase_label(phase: str) -> str:
    return tr(PHASES[phase]) if phase in PHASES else phase


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _meter_time(moment: datetime | None) -> str:
    return moment.strftime("%d/%m %H:%M") if moment is not None else "—"


class ProfileChart(QWidget):
    """Bars of energy per interval (hours when there are many), tamper events as red lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoadProfileChart")
        self.setMinimumHeight(130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bars: list[tuple[datetime, Decimal]] = []
        self.marks: list[datetime] = []
        self.unit = "kWh"

    def set_data(self, profile: LoadProfile | None, events: list[MeterEvent]) -> None:
        self.bars = []
        if profile is not None and profile.columns:
            column = next((i for i, (_k, u) in enumerate(profile.columns) if u == "kWh"), 0)
            self.unit = profile.columns[column][1]
            rows = [(t, v[column]) for t, v in profile.rows if t is not None and v[column] is not None]
            self.bars = [(t, v) for t, v in rows if v is not None]
        start = _utc(self.bars[0][0]) if self.bars else None
        end = _utc(self.bars[-1][0]) if self.bars else None
        self.marks = [e.time for e in events if e.tamper and e.time is not None and start is not None
                      and end is not None and start <= _utc(e.time) <= end]
        self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        area = QRectF(self.rect()).adjusted(4, 18, -4, -18)
        painter.fillRect(QRectF(self.rect()), QColor(PANEL))
        if not self.bars:
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, tr("No load profile"))
            painter.end()
            return
        start, end = _utc(self.bars[0][0]), _utc(self.bars[-1][0])
        span = max(1.0, (end - start).total_seconds())
        top = max(float(v) for _t, v in self.bars) or 1.0
        width = max(1.0, area.width() / max(1, len(self.bars)) - (1 if len(self.bars) < 200 else 0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PRIMARY))
        for when, value in self.bars:
            x = area.left() + (_utc(when) - start).total_seconds() / span * (area.width() - width)
            h = float(value) / top * area.height()
            painter.drawRect(QRectF(x, area.bottom() - h, width, h))
        pen = QPen(QColor(DANGER))
        pen.setWidth(2)
        painter.setPen(pen)
        for mark in self.marks:
            x = area.left() + (_utc(mark) - start).total_seconds() / span * (area.width() - width)
            painter.drawLine(int(x), int(area.top()), int(x), int(area.bottom()))
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(area.left(), 0, area.width(), 16), Qt.AlignmentFlag.AlignLeft,
                         tr("max %1 %2 per interval").replace("%1", QLocale().toString(top, "f", 3))
                         .replace("%2", self.unit))
        bottom = QRectF(area.left(), area.bottom() + 2, area.width(), 16)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, _meter_time(self.bars[0][0]))
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight, _meter_time(self.bars[-1][0]))
        painter.end()


class MeterMemoryView(QFrame):
    """The load profile chart and the event log of a DLMS reading (hidden for mode C)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MeterMemory")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(6)
        self.profile_title = QLabel(objectName="LoadProfileTitle")
        self.profile_title.setWordWrap(True)
        self.chart = ProfileChart()
        self.events_title = QLabel(objectName="EventLogTitle")
        self.events = QLabel(objectName="EventLog")
        self.events.setWordWrap(True)
        self.events.setTextFormat(Qt.TextFormat.RichText)
        for widget in (self.profile_title, self.chart, self.events_title, self.events):
            layout.addWidget(widget)
        self.tamper_rows = 0

    def show_memory(self, profile: LoadProfile | None, events: list[MeterEvent]) -> None:
        lang = current_language()
        rows = len(profile.rows) if profile is not None else 0
        total = Decimal(0)
        if profile is not None and profile.columns:
            column = next((i for i, (_k, u) in enumerate(profile.columns) if u == "kWh"), 0)
            total = sum((x for x in (v[column] for _t, v in profile.rows) if x is not None), Decimal(0))
        self.profile_title.setText("<b>" + tr("Load profile") + "</b> · " + (
            tr("%1 intervals of %2 min, %3 kWh").replace("%1", QLocale().toString(rows))
            .replace("%2", QLocale().toString((profile.period if profile else 900) // 60))
            .replace("%3", fmt_decimal(total))))
        self.chart.set_data(profile, events)
        tampers = [e for e in events if e.tamper]
        self.events_title.setText("<b>" + tr("Event log") + "</b> · " + tr("%1 events, %2 tamper signs")
                                  .replace("%1", QLocale().toString(len(events)))
                                  .replace("%2", QLocale().toString(len(tampers))))
        lines = []
        shown = list(reversed(events))[:MAX_EVENTS]     # newest first
        for e in shown:
            text = e.name.text(lang)
            when = _meter_time(e.time)
            if e.tamper:
                lines.append(f"<span style='color: {DANGER}; font-weight: bold;'>⚠ {when} · {text}</span>")
            else:
                lines.append(f"<span style='color: {MUTED};'>{when} · {text}</span>")
        if len(events) > MAX_EVENTS:
            lines.append(f"<span style='color: {MUTED};'>" + tr("… and %1 older events")
                         .replace("%1", QLocale().toString(len(events) - MAX_EVENTS)) + "</span>")
        self.events.setText("<br/>".join(lines) if lines else tr("The meter's event log is empty."))
        self.tamper_rows = sum(1 for e in shown if e.tamper)
