"""The "Set the meter's clock" action under a DLMS reading's result.

Shown only when `services.meter_clock.can_set_clock` says so (a DLMS meter whose model the
utility's settings give a write password for). The setting is a new read through the panel
(the device thread), confirmed by reading back; the outcome is shown here and kept in the
audit trail by the service."""

from __future__ import annotations

from fieldkit.ui.labels import current_language
from fieldkit.ui.qt import QEvent, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from fieldkit.ui.readings.widgets import OK_STYLE, WARN_STYLE


class ClockSetter(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ClockSetter")
        self.button = QPushButton(objectName="SetMeterClock")
        self.hint = QLabel(objectName="Muted")
        self.hint.setWordWrap(True)
        self.status = QLabel(objectName="ClockSetStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.message: tuple[str, str] | None = None    # (vi, en) of the last setting
        self.confirmed = False
        row = QHBoxLayout()
        row.addWidget(self.button, 0)
        row.addWidget(self.hint, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Set the meter's clock"))
        self.hint.setText(self.tr("Writes this laptop's time, corrected by the server's check at the last sync, "
                                  "into the meter and reads it back."))
        self._render()

    def show_outcome(self, vi: str, en: str, confirmed: bool) -> None:
        self.message, self.confirmed = (vi, en), confirmed
        self._render()

    def clear(self) -> None:
        self.message = None
        self._render()

    def _render(self) -> None:
        if self.message is None:
            self.status.hide()
            return
        self.status.setText(self.message[0] if current_language() == "vi" else self.message[1])
        self.status.setStyleSheet(OK_STYLE if self.confirmed else WARN_STYLE)
        self.status.show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
