"""The probe's port on the reading panel: the configured one (FIELDKIT_PROBE_PORT, else the
`probe_port` setting), else what `devices.discovery` finds (recognised USB-serial chips);
"Find probe" looks again; a hint when nothing is found. Texts in the "ReadingPanel" context."""

from __future__ import annotations

import os

from fieldkit.devices import discovery
from fieldkit.ui.config import Config
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import QComboBox, QCoreApplication, QHBoxLayout, QLabel, QPushButton, QWidget, Signal


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadingPanel", text)


class PortPicker(QWidget):
    found = Signal(bool)  # discovery finished: a port is chosen now

    def __init__(self, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ports: list[tuple[str, str]] = []  # (device, description) found by discovery
        self.label = QLabel()
        self.combo = QComboBox(objectName="ProbePort")
        self.combo.setEditable(True)
        self.combo.setMinimumWidth(260)
        self.combo.setMaximumWidth(420)
        self.label.setBuddy(self.combo)
        self.find_button = QPushButton(objectName="FindPorts")
        self.hint = QLabel(objectName="Muted")
        self.hint.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)
        row.addWidget(self.find_button)
        row.addStretch(1)
        self.find_button.clicked.connect(self.find_ports)
        self.configured = os.environ.get("FIELDKIT_PROBE_PORT") or str(config.get("probe_port") or "")
        if self.configured:
            self.combo.addItem(self.configured, self.configured)

    def name(self) -> str:
        text = self.combo.currentText().strip()
        index = self.combo.findText(text)
        data = self.combo.itemData(index) if index >= 0 else None
        return str(data or text)

    def find_ports(self) -> None:
        def look() -> list[tuple[str, str]]:
            return [(c.device, f"{c.device} — {c.chip or c.description}") for c in discovery.candidates()]

        Op(self, look).success(self._got).failure(lambda e: self._got([])).run_in_background()

    def _got(self, ports: list[tuple[str, str]]) -> None:
        self.ports = ports
        current = self.combo.currentText()
        for device, text in ports:
            if self.combo.findData(device) < 0:
                self.combo.addItem(text, device)
        if not current and ports:
            self.combo.setCurrentIndex(self.combo.findData(ports[0][0]))
        self.show_hint()
        self.found.emit(bool(self.name()))

    def show_hint(self) -> None:
        if self.combo.count() == 0 and not self.combo.currentText().strip():
            self.hint.setText(_tr("No optical probe found. Plug the probe in and press “Find probe”, "
                                  "set its port in Settings, or type the reading by hand."))
            self.hint.show()
        else:
            self.hint.hide()

    def retranslate(self) -> None:
        self.label.setText(_tr("Probe &port:"))
        edit = self.combo.lineEdit()  # the combo is editable: it has one
        if edit is not None:
            edit.setPlaceholderText(_tr("e.g. COM3 or /dev/ttyUSB0"))
        self.find_button.setText(_tr("Find probe"))
        self.show_hint()
