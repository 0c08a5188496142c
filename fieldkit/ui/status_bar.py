"""Always visible: online or offline, how many items wait to sync, when the last sync worked, and
the reminders of the work-order life cycle (due today, overdue, returned)."""

from __future__ import annotations

from fieldkit.domain.local_time import local_datetime
from fieldkit.services import status as status_service
from fieldkit.services import work_orders
from fieldkit.services.session import Session
from fieldkit.services.status import OutboxStatus
from fieldkit.ui.connectivity import Connectivity, Probe
from fieldkit.ui.labels import current_language, format_number
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import QEvent, QLabel, QPainter, QSize, QStatusBar, Qt, QTimer, QWidget, Signal

REFRESH_MS = 10_000


def format_last_sync(value: str | None, never: str) -> str:
    if not value:
        return never
    try:
        when = local_datetime(value)
    except ValueError:
        return value
    return when.strftime("%d/%m/%Y %H:%M")


class ElidedLabel(QLabel):
    """A status item that fits its width: the whole text, else its short form (`short`), else the
    short form ending in "…" (clipped, the items were cut mid-word on every page at 1280x720 and
    125 %: "Đang chờ đồn", "Quá hạ"). `text()` and the tooltip keep the whole text."""

    short = ""

    def set_texts(self, text: str, short: str = "") -> None:
        self.short = short
        self.setText(text)
        self.updateGeometry()
        self.update()

    def shown(self) -> str:
        """What is drawn at the current width."""
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        for candidate in (self.text(), self.short):
            if candidate and metrics.horizontalAdvance(candidate) <= width:
                return candidate
        return metrics.elidedText(self.short or self.text(), Qt.TextElideMode.ElideRight, width)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """The short form's width: the status bar shrinks the other items before this one's numbers."""
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.short or self.text()) + margins.left() + margins.right()
        return QSize(min(width, 400), hint.height())

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
                                  self.palette(), self.isEnabled(), self.shown(), self.foregroundRole())
        painter.end()


class StatusBar(QStatusBar):
    updated = Signal(object, object)  # OutboxStatus, Connectivity

    def __init__(self, session: Session, probe: Probe, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.probe = probe
        self.connectivity: Connectivity | None = None
        self.outbox: OutboxStatus | None = None
        self.setSizeGripEnabled(False)
        self.online_label = ElidedLabel(objectName="Offline")
        self.waiting_label = ElidedLabel(objectName="Waiting")
        self.last_sync_label = ElidedLabel(objectName="LastSync")
        self.reminders_label = ElidedLabel(objectName="Reminders")
        self.reminders: work_orders.Reminders | None = None
        self.addWidget(self.online_label)
        self.addWidget(self.waiting_label)
        self.addWidget(self.reminders_label)
        self.addPermanentWidget(self.last_sync_label)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._render()
        self.refresh()

    def refresh(self) -> None:
        """Ask the services (and the probe) again, off the UI thread."""
        session, probe = self.session, self.probe
        Op(self, lambda: (status_service.outbox_status(session), probe(), work_orders.reminders(session))) \
            .success(self._got).failure(lambda _e: None).run_in_background()

    def _got(self, result: tuple[OutboxStatus, Connectivity, work_orders.Reminders]) -> None:
        self.outbox, self.connectivity, self.reminders = result
        self._render()
        self.updated.emit(self.outbox, self.connectivity)

    def _render(self) -> None:
        c = self.connectivity
        if c is None:
            text, name = "", "Offline"
        elif c.online:
            text, name = self.tr("● Online"), "Online"
        elif c.reason == "no_server":
            text, name = self.tr("○ Offline — no server configured"), "Offline"
        else:
            text, name = self.tr("○ Offline"), "Offline"
        self.online_label.set_texts(text, self.tr("○ Offline") if name == "Offline" and text else "")
        self.online_label.setToolTip(text)
        if self.online_label.objectName() != name:
            self.online_label.setObjectName(name)
            self.online_label.style().unpolish(self.online_label)
            self.online_label.style().polish(self.online_label)
        r = self.reminders
        parts = [] if r is None else [
            self.tr("Due today: %1").replace("%1", format_number(r.due_today)),
            self.tr("Overdue: %1").replace("%1", format_number(r.overdue))]
        short = [] if r is None else [self.tr("Today: %1").replace("%1", format_number(r.due_today)), *parts[1:]]
        if r is not None and r.returned:
            parts.append(self.tr("Returned: %1").replace("%1", format_number(r.returned)))
            short.append(parts[-1])
        self.reminders_label.set_texts("  ·  ".join(parts), " · ".join(short))
        self.reminders_label.setToolTip(self.reminders_label.text())
        o = self.outbox
        if o is None:
            self.waiting_label.set_texts("")
            self.last_sync_label.set_texts("")
            return
        waiting = self.tr("Waiting to sync: %1").replace("%1", format_number(o.waiting))
        waiting_short = self.tr("To send: %1").replace("%1", format_number(o.waiting))
        if o.quarantined:
            refused = self.tr("Refused: %1").replace("%1", format_number(o.quarantined))
            waiting, waiting_short = f"{waiting}  ·  {refused}", f"{waiting_short} · {refused}"
        tip = waiting
        if o.disk_warning is not None:  # the disk is almost full: said all day, not only at login
            full = o.disk_warning[0] if current_language() == "vi" else o.disk_warning[1]
            waiting += "  ·  ⚠ " + full.split(":", 1)[0]
            waiting_short += " · ⚠"
            tip = f"{tip}\n{full}"
        self.waiting_label.set_texts(waiting, waiting_short)
        self.waiting_label.setToolTip(tip)
        when = format_last_sync(o.last_sync, self.tr("never"))
        self.last_sync_label.set_texts(self.tr("Last sync: %1").replace("%1", when),
                                       self.tr("Synced: %1").replace("%1", when))
        self.last_sync_label.setToolTip(self.last_sync_label.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
