"""A progress dialog for long work with a Cancel that really stops it.

`Op(...).progress(job, text)` (ui/ops.py) opens one when the work has run for `SHOW_AFTER_MS`
(quick work never flashes a dialog): the text, a bar of `job.done / job.total` (busy while
the total is unknown), the seconds so far, and Cancel (or Esc), which calls `job.cancel()`;
the service stops at its next `job.step()` and the Op's failure callback gets `Cancelled`.
The numbers are read from the UI thread every 100 ms."""

from __future__ import annotations

import time

from fieldkit.domain.progress import Job
from fieldkit.ui.labels import format_number
from fieldkit.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.style import PRIMARY

SHOW_AFTER_MS = 400


class ProgressDialog(QDialog):
    def __init__(self, job: Job, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ProgressDialog")
        self.job = job
        self.started = time.monotonic()
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # a frame of its own: without a window manager's (or with a flat one) it melted into the page
        self.setStyleSheet(f"#ProgressDialog {{ border: 2px solid {PRIMARY}; }}")
        self.text = QLabel(text, objectName="ProgressText")
        self.text.setWordWrap(True)
        self.bar = QProgressBar(objectName="ProgressBar")
        self.bar.setTextVisible(False)
        self.bar.setMinimumHeight(24)
        self.count = QLabel(objectName="Muted")
        self.cancel_button = QPushButton(objectName="ProgressCancel")
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setAutoDefault(False)  # Enter does not cancel the work by accident; Esc does
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.addWidget(self.text)
        lay.addWidget(self.bar)
        lay.addLayout(row)
        self.setMinimumWidth(420)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.retranslate()
        self.tick()

    def tick(self) -> None:
        done, total = self.job.done, self.job.total
        seconds = int(time.monotonic() - self.started)
        elapsed = self.tr("%1 s").replace("%1", format_number(seconds))
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.count.setText(f"{self.tr('%1 of %2').replace('%1', format_number(done)).replace('%2', format_number(total))}"
                               f" · {elapsed}")
        else:
            self.bar.setRange(0, 0)  # busy
            self.count.setText(elapsed)

    def reject(self) -> None:  # Cancel, Esc, the window's close button
        if not self.job.cancelled:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Cancelling…"))
        # stays open until the work has stopped: finish() closes it

    def finish(self) -> None:
        self.timer.stop()
        self.done(0)
        self.deleteLater()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Working…"))
        self.cancel_button.setText(self.tr("Cancelling…") if self.job.cancelled else self.tr("Cancel"))
