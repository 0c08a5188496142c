"""The progress of a read through the probe: the steps (sign-on, identification, speed switch,
receiving), the bytes received against the expected size, seconds, and how to stop.

Texts are in the "ReadingPanel" translation context, where they have always been.
"""

from __future__ import annotations

import time

from fieldkit.ui.qt import QCoreApplication, QFrame, QHBoxLayout, QLabel, QLocale, QWidget
from fieldkit.ui.readings.meter_memory import STEP_OF, phase_label
from fieldkit.ui.readings.widgets import STEPS, ProgressStrip, card
from fieldkit.ui.style import MUTED, OK, PRIMARY_DARK


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadingPanel", text)


def step_names() -> dict[str, str]:
    return {"sign-on": _tr("Sign-on"), "identification": _tr("Identification"),
            "baud switch": _tr("Speed switch"), "receiving": _tr("Receiving data"),
            "wake-up": _tr("Waking the meter"), "password": _tr("Password"), "done": _tr("Done")}


class ProgressView:
    """Builds the progress card; `render` shows one moment of a read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.card: QFrame
        self.card, pl = card()
        self.card.setObjectName("Card")
        self.title = QLabel()
        self.title.setStyleSheet(f"font-weight: bold; color: {PRIMARY_DARK};")
        steps = QHBoxLayout()
        self.step_labels: dict[str, QLabel] = {}
        for step in STEPS:
            lab = QLabel(objectName=f"step_{step.replace(' ', '_')}")
            steps.addWidget(lab)
            self.step_labels[step] = lab
        steps.addStretch(1)
        self.bar = ProgressStrip()
        self.count = QLabel(objectName="ProgressCount")
        self.count.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {PRIMARY_DARK};")
        self.text = QLabel(objectName="ProgressText")
        pl.addWidget(self.title)
        pl.addLayout(steps)
        pl.addWidget(self.count)
        pl.addWidget(self.bar)
        pl.addWidget(self.text)

    def render(self, phase: str, received: int, expected: int, started: float) -> None:
        order = {step: i for i, step in enumerate(STEPS)}
        current = order.get(STEP_OF.get(phase, phase), len(STEPS) if phase == "done" else 0)
        names = step_names()
        for step, lab in self.step_labels.items():
            i = order[step]
            if i < current:
                lab.setText(f"✓ {names[step]}")
                lab.setStyleSheet(f"color: {OK}; font-weight: bold;")
            elif i == current:
                lab.setText(f"▶ {names[step]}")
                lab.setStyleSheet(f"color: {PRIMARY_DARK}; font-weight: bold; text-decoration: underline;")
            else:
                lab.setText(f"○ {names[step]}")
                lab.setStyleSheet(f"color: {MUTED};")
        seconds = QLocale().toString(time.monotonic() - started, "f", 1)
        if phase in ("receiving", "done"):
            got = QLocale().toString(received)
            if expected > 0:
                text = _tr("%1 of about %2 bytes").replace("%1", got).replace("%2", QLocale().toString(expected))
                self.bar.set_state(min(1.0, received / expected), text)
            else:
                self.bar.set_state(None, _tr("%1 bytes received").replace("%1", got))
        else:
            self.bar.set_state(None, (names.get(phase) or phase_label(phase)) + "…")
        self.count.setText(self.bar.text)
        self.text.setText(_tr("%1 s · Esc or Cancel stops the reading").replace("%1", seconds))

    def retranslate(self) -> None:
        self.title.setText(_tr("Reading through the optical probe — hold the probe on the port"))
