"""Read one meter: through the optical probe (progress, cancel, result, save) or typed by hand.

The read itself runs on the app's one device thread (`DeviceBridge`); saving runs through `Op`.
Everything the screen says about the result (registers beside the previous reading,
consumption, warnings, abnormal use, bill estimate) comes from `services.readings`.
"""

from __future__ import annotations

import os
import time
from typing import Any

from fieldkit.devices import discovery
from fieldkit.devices.client import ReadOptions
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.result import ReadingResult
from fieldkit.domain.anomalies import main_index
from fieldkit.domain.models import Reading
from fieldkit.services import meter_clock, readings
from fieldkit.services.readings import Assessment, Target
from fieldkit.services.session import Session
from fieldkit.ui.config import Config
from fieldkit.ui.device_bridge import DeviceBridge
from fieldkit.ui.forms.photos import PhotoPicker
from fieldkit.ui.labels import current_language, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QComboBox,
    QEvent,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QLocale,
    QPushButton,
    QScrollArea,
    QShortcut,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from fieldkit.ui.readings.clock_setter import ClockSetter
from fieldkit.ui.readings.meter_memory import STEP_OF, phase_label
from fieldkit.ui.readings.result_view import ResultView
from fieldkit.ui.readings.settings import CLOCK_KEY, MULTIPLE_KEY
from fieldkit.ui.readings.widgets import (
    ABNORMAL_STYLE,
    OK_STYLE,
    STEPS,
    WARN_STYLE,
    ProgressStrip,
    card,
    fmt_day,
    fmt_decimal,
    local,
)
from fieldkit.ui.style import MUTED, OK, PRIMARY_DARK, row_height


class ReadingPanel(QWidget):
    """One meter: read it through the probe or type it by hand, see the result, save it."""

    closed = Signal()
    saved = Signal(str)  # reading id

    def __init__(self, session: Session, config: Config, target: Target, parent: QWidget | None = None,
                 show_back: bool = True):
        super().__init__(parent)
        self.setObjectName("ReadingPanel")
        self.session, self.config, self.target = session, config, target
        self.bridge = DeviceBridge(self)
        self.state = "idle"  # idle, reading, result, failed, saved, manual, manual_saved
        self.phase = ""
        self.received, self.expected = 0, -1
        self.started = 0.0
        self.result: ReadingResult | None = None
        self.assessment: Assessment | None = None
        self.error: BaseException | None = None
        self.saved_reading: Reading | None = None
        self.ports: list[tuple[str, str]] = []  # (device, description) found by discovery

        # header
        self.back_button = QPushButton(objectName="ReadingBack")
        self.back_button.setVisible(show_back)
        self.title = QLabel(objectName="PageTitle")
        self.subtitle = QLabel(objectName="Muted")
        self.subtitle.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)

        # probe port + actions
        self.port_label = QLabel()
        self.port = QComboBox(objectName="ProbePort")
        self.port.setEditable(True)
        self.port.setMinimumWidth(260)
        self.port_label.setBuddy(self.port)
        self.find_button = QPushButton(objectName="FindPorts")
        self.read_button = QPushButton(objectName="ReadMeter")
        self.read_button.setObjectName("Primary")
        self.cancel_button = QPushButton(objectName="CancelRead")
        self.manual_button = QPushButton(objectName="ManualEntry")
        self.port.setMaximumWidth(420)
        port_row = QHBoxLayout()
        port_row.addWidget(self.port_label)
        port_row.addWidget(self.port, 1)
        port_row.addWidget(self.find_button)
        port_row.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.read_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.manual_button)
        actions.addStretch(1)
        self.port_hint = QLabel(objectName="Muted")
        self.port_hint.setWordWrap(True)

        # progress
        self.progress_card, pl = card()
        self.progress_card.setObjectName("Card")
        self.progress_title = QLabel()
        self.progress_title.setStyleSheet(f"font-weight: bold; color: {PRIMARY_DARK};")
        steps = QHBoxLayout()
        self.step_labels: dict[str, QLabel] = {}
        for step in STEPS:
            lab = QLabel(objectName=f"step_{step.replace(' ', '_')}")
            steps.addWidget(lab)
            self.step_labels[step] = lab
        steps.addStretch(1)
        self.bar = ProgressStrip()
        self.progress_count = QLabel(objectName="ProgressCount")
        self.progress_count.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {PRIMARY_DARK};")
        self.progress_text = QLabel(objectName="ProgressText")
        pl.addWidget(self.progress_title)
        pl.addLayout(steps)
        pl.addWidget(self.progress_count)
        pl.addWidget(self.bar)
        pl.addWidget(self.progress_text)
        self.spin = QTimer(self)
        self.spin.setInterval(100)
        self.spin.timeout.connect(self._tick)

        # failure
        self.error_label = QLabel(objectName="Error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        # result (fieldkit/ui/readings/result_view.py) and its save row
        self.result_view = ResultView()
        self.result_card = self.result_view
        self.summary, self.table, self.bill = self.result_view.summary, self.result_view.table, self.result_view.bill
        self.findings_box = self.result_view.findings_box
        self.save_button = QPushButton(objectName="SaveReading")
        self.save_button.setObjectName("Primary")
        self.saved_label = QLabel(objectName="SavedNote")
        self.saved_label.setWordWrap(True)
        self.saved_label.hide()
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button, 0)
        save_row.addWidget(self.saved_label, 1)
        save_row.addStretch(1)
        self.result_view.actions.addLayout(save_row)
        # setting a DLMS meter's clock (only with the model's write password from the settings)
        self.clock = ClockSetter()
        self.clock_setting: bool | None = None  # a read that sets the clock runs: server-checked time?
        self._models: list[Any] | None = None
        self.clock.button.clicked.connect(self.set_meter_clock)
        self.result_view.actions.addWidget(self.clock)
        # saving despite a warning (wrong meter, abnormal consumption): confirm with a reason
        self.confirm_card, cl = card()
        self.confirm_card.setObjectName("ConfirmCard")
        self.confirm_text = QLabel(objectName="ConfirmText")
        self.confirm_text.setWordWrap(True)
        self.confirm_text.setStyleSheet(ABNORMAL_STYLE)
        self.confirm_reason = QLineEdit(objectName="ConfirmReason")
        self.confirm_error = QLabel(objectName="Error")
        self.confirm_error.setWordWrap(True)
        self.confirm_error.hide()
        self.confirm_button = QPushButton(objectName="ConfirmSave")
        self.confirm_back = QPushButton(objectName="ConfirmBack")
        crow = QHBoxLayout()
        crow.addWidget(self.confirm_button)
        crow.addWidget(self.confirm_back)
        crow.addStretch(1)
        cl.addWidget(self.confirm_text)
        cl.addWidget(self.confirm_reason)
        cl.addWidget(self.confirm_error)
        cl.addLayout(crow)
        self.confirm_card.hide()
        self.confirming = False
        self.result_view.actions.addWidget(self.confirm_card)

        # manual entry
        self.manual_card, ml = card()
        self.manual_title = QLabel()
        self.manual_title.setStyleSheet(f"font-weight: bold; color: {PRIMARY_DARK};")
        self.manual_form = QFormLayout()
        self.manual_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.manual_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.manual_form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.manual_edits: dict[str, QLineEdit] = {}
        self.manual_labels: dict[str, QLabel] = {}
        for obis in readings.manual_fields(target):
            edit = QLineEdit(objectName=f"manual_{obis}")
            edit.setMaximumWidth(260)
            lab = QLabel()
            lab.setBuddy(edit)
            self.manual_edits[obis], self.manual_labels[obis] = edit, lab
            self.manual_form.addRow(lab, edit)
        self.reason = QComboBox(objectName="ManualReason")
        for code, _vi, _en in readings.MANUAL_REASONS:
            self.reason.addItem("", code)
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.reason_note = QLineEdit(objectName="ManualNote")
        self.note_label = QLabel()
        self.note_label.setBuddy(self.reason_note)
        self.manual_form.addRow(self.reason_label, self.reason)
        self.manual_form.addRow(self.note_label, self.reason_note)
        for lab in [*self.manual_labels.values(), self.reason_label, self.note_label]:
            lab.setMinimumHeight(row_height(str(config.get("ui_scale"))))  # centred beside its field
            lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.photo_label = QLabel()
        self.photos = PhotoPicker()
        self.manual_error = QLabel(objectName="Error")
        self.manual_error.setWordWrap(True)
        self.manual_error.hide()
        self.manual_save = QPushButton(objectName="SaveManual")
        self.manual_save.setObjectName("Primary")
        self.manual_saved = QLabel()
        self.manual_saved.setWordWrap(True)
        self.manual_saved.hide()
        ml.addWidget(self.manual_title)
        ml.addLayout(self.manual_form)
        ml.addWidget(self.photo_label)
        ml.addWidget(self.photos)
        ml.addWidget(self.manual_error)
        mrow = QHBoxLayout()
        mrow.addWidget(self.manual_save, 0)
        mrow.addWidget(self.manual_saved, 1)
        mrow.addStretch(1)
        ml.addLayout(mrow)

        body = QWidget()
        body.setObjectName("Page")
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 8, 0)
        bl.setSpacing(10)
        bl.addWidget(self.subtitle)
        bl.addLayout(port_row)
        bl.addLayout(actions)
        bl.addWidget(self.port_hint)
        bl.addWidget(self.progress_card)
        bl.addWidget(self.error_label)
        bl.addWidget(self.result_card)
        bl.addWidget(self.manual_card)
        bl.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(top)
        outer.addWidget(self.scroll, 1)

        self.back_button.clicked.connect(self._back)
        self.find_button.clicked.connect(self.find_ports)
        self.read_button.clicked.connect(self.start_read)
        self.cancel_button.clicked.connect(self.cancel_read)
        self.manual_button.clicked.connect(self.show_manual)
        self.save_button.clicked.connect(self.save)
        self.confirm_button.clicked.connect(self.confirm_save)
        self.confirm_reason.returnPressed.connect(self.confirm_save)
        self.confirm_back.clicked.connect(self._cancel_confirm)
        self.manual_save.clicked.connect(self.save_manual)
        self.bridge.progress.connect(self._on_progress)
        self.bridge.finished.connect(self._on_finished)
        self.bridge.failed.connect(self._on_failed)
        QShortcut(QKeySequence("F2"), self, activated=self.start_read,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Escape"), self, activated=self._escape,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self._save_shortcut,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        configured = os.environ.get("FIELDKIT_PROBE_PORT") or str(config.get("probe_port") or "")
        if configured:
            self.port.addItem(configured, configured)
        self.retranslate()
        self._apply_state()
        if not configured:
            self.find_ports()

    # -- port ------------------------------------------------------------------------------------
    def port_name(self) -> str:
        text = self.port.currentText().strip()
        index = self.port.findText(text)
        data = self.port.itemData(index) if index >= 0 else None
        return str(data or text)

    def find_ports(self) -> None:
        def look() -> list[tuple[str, str]]:
            return [(c.device, f"{c.device} — {c.chip or c.description}") for c in discovery.candidates()]

        Op(self, look).success(self._got_ports).failure(lambda e: self._got_ports([])).run_in_background()

    def _got_ports(self, ports: list[tuple[str, str]]) -> None:
        self.ports = ports
        current = self.port.currentText()
        for device, text in ports:
            if self.port.findData(device) < 0:
                self.port.addItem(text, device)
        if not current and ports:
            self.port.setCurrentIndex(self.port.findData(ports[0][0]))
        self._port_hint()

    def _port_hint(self) -> None:
        if self.port.count() == 0 and not self.port.currentText().strip():
            self.port_hint.setText(self.tr("No optical probe found. Plug the probe in and press “Find probe”, "
                                           "set its port in Settings, or type the reading by hand."))
            self.port_hint.show()
        else:
            self.port_hint.hide()

    # -- reading ---------------------------------------------------------------------------------
    def limits(self) -> readings.ReadingLimits:
        return readings.ReadingLimits.from_settings(self.config.get(CLOCK_KEY), self.config.get(MULTIPLE_KEY))

    def models(self) -> list[Any]:
        """The utility's meter model table from the settings (a broken one is ignored: the
        Settings page refuses it when it is set). Read once per read, not on every repaint."""
        if self._models is None:
            try:
                self._models = meter_clock.models_from_setting(self.config.get(meter_clock.SETTING_KEY))
            except (OSError, ValueError):
                self._models = []
        return self._models

    def set_meter_clock(self) -> None:
        options, checked = meter_clock.clock_set_options(self.session, self.target, self.models())
        self.start_read(options=options)
        self.clock_setting = checked

    def start_read(self, *_clicked: Any, options: ReadOptions | None = None) -> None:
        self.clock_setting = None
        self.clock.clear()
        self.confirming = False
        self.confirm_reason.clear()
        if self.state == "reading":
            return
        port = self.port_name()
        if not port:
            self.error = ProtocolError("PORT_ERROR", "no port chosen")
            self.state = "failed"
            self._apply_state()
            return
        self.result = self.assessment = self.error = None
        self.saved_reading = None
        self.phase, self.received, self.expected = "sign-on", 0, -1
        self.started = time.monotonic()
        self.state = "reading"
        if options is None:
            self._models = None  # the settings may have changed
        self.bridge.read(port, options if options is not None else readings.read_options(self.target, self.models()))
        self.spin.start()
        self._apply_state()
        self.cancel_button.setFocus()

    def cancel_read(self) -> None:
        if self.state == "reading":
            self.bridge.cancel()

    def _on_progress(self, phase: str, received: int, expected: int) -> None:
        if self.state != "reading":
            return
        self.phase, self.received, self.expected = phase, received, expected
        self._render_progress()

    def _tick(self) -> None:
        self._render_progress()

    def _on_finished(self, result: ReadingResult) -> None:
        self.spin.stop()
        self.result = result
        self.assessment = readings.assess_result(self.target, result, self.limits())
        if self.clock_setting is not None and result.clock_set is not None:
            self.clock.show_outcome(*meter_clock.clock_messages(result, self.clock_setting))
            session, target, checked = self.session, self.target, self.clock_setting
            Op(self, lambda: meter_clock.record_clock_set(session, target, result, checked)).failure(
                lambda exc: self.clock.show_outcome(problem_text(exc), problem_text(exc), False)).run_in_background()
        self.clock_setting = None
        self.state = "result"
        self._apply_state()
        if self.flagged():
            self.read_button.setFocus()  # never on Save after a flagged read: Enter must not save it
        else:
            self.save_button.setFocus()

    def _on_failed(self, exc: BaseException) -> None:
        self.spin.stop()
        self.error = exc
        self.state = "idle" if isinstance(exc, ProtocolError) and exc.code == "CANCELLED" else "failed"
        self._apply_state()
        if self.state == "failed":
            self.manual_button.setFocus()

    def _escape(self) -> None:
        if self.state == "reading":
            self.cancel_read()
        elif self.confirming:
            self._cancel_confirm()
        else:
            self._back()

    def _back(self) -> None:
        if self.state == "reading":
            self.bridge.cancel()
        self.closed.emit()

    # -- saving ----------------------------------------------------------------------------------
    def _save_shortcut(self) -> None:
        if self.state == "result":
            self.save()
        elif self.state == "manual":
            self.save_manual()

    def flagged(self) -> list[Any]:
        """The findings that make saving need a confirmation: a wrong meter, abnormal consumption."""
        a = self.assessment
        if a is None:
            return []
        return [f for f in a.findings if f.kind == "abnormal" or f.code == "serial_mismatch"]

    def save(self) -> None:
        if self.state != "result" or self.result is None or self.assessment is None:
            return
        if self.flagged():
            self._ask_confirmation()
            return
        self._save_with("")

    def _ask_confirmation(self) -> None:
        lang = current_language()
        lines = [f"⚠ {f.message(lang)}" for f in self.flagged()]
        self.confirm_text.setText("\n".join([self.tr("This reading has a warning. Save it anyway?"), *lines]))
        self.confirming = True
        self.confirm_error.hide()
        self.confirm_card.show()
        self.save_button.setEnabled(False)
        self.confirm_reason.setFocus()

    def _cancel_confirm(self) -> None:
        self.confirming = False
        self.confirm_card.hide()
        self.save_button.setEnabled(self.state == "result")
        self.read_button.setFocus()

    def confirm_save(self) -> None:
        if not self.confirming or self.state != "result":
            return
        reason = " ".join(self.confirm_reason.text().split())
        if len(reason) < 3:
            self.confirm_error.setText(self.tr("Write why you save it anyway (what you saw on site)."))
            self.confirm_error.show()
            self.confirm_reason.setFocus()
            return
        codes = ",".join(f.code for f in self.flagged())
        self.confirming = False
        self.confirm_card.hide()
        self._save_with(f"{reason} [{codes}]")

    def _save_with(self, note: str) -> None:
        session, target, result = self.session, self.target, self.result
        taken_at = self.assessment.taken_at if self.assessment is not None else None
        self.save_button.setEnabled(False)
        Op(self, lambda: readings.save_optical(session, target, result, taken_at, note)) \
            .success(self._saved).failure(self._save_failed).run_in_background()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.saved_label.setText(problem_text(exc))
        self.saved_label.setStyleSheet(ABNORMAL_STYLE)
        self.saved_label.show()

    def _saved(self, reading: Reading) -> None:
        self.saved_reading = reading
        self.state = "saved" if reading.capture_sha256 else "manual_saved"
        self._apply_state()
        self.saved.emit(reading.id)
        self._reload_target()

    def _reload_target(self) -> None:
        session, meter_id, wo = self.session, self.target.meter.id, self.target.work_order
        if wo is not None:
            Op(self, lambda: readings.target_for_work_order(session, wo.id)).success(self._set_target) \
                .run_in_background()
        else:
            Op(self, lambda: readings.target_for_meter(session, meter_id)).success(self._set_target) \
                .run_in_background()

    def _set_target(self, target: Target) -> None:
        self.target = target

    def show_manual(self) -> None:
        if self.state == "reading":
            self.bridge.cancel()
        if self.state in ("failed", "idle") and isinstance(self.error, ProtocolError):
            self.reason.setCurrentIndex(0)
            if not self.reason_note.text():
                self.reason_note.setText(self._error_message(self.error))
        self.state = "manual"
        self._apply_state()
        first = next(iter(self.manual_edits.values()), None)
        if first is not None:
            first.setFocus()

    def save_manual(self) -> None:
        if self.state != "manual":
            return
        values = {obis: edit.text() for obis, edit in self.manual_edits.items()}
        code = self.reason.currentData()
        lang = current_language()
        reason = next((vi if lang == "vi" else en for c, vi, en in readings.MANUAL_REASONS if c == code), "")
        note = self.reason_note.text().strip()
        if note:
            reason = f"{reason}: {note}" if code != "other" else note
        elif code == "other":
            reason = ""
        photo = self.photos.photos[0] if self.photos.photos else None
        session, target = self.session, self.target
        self.manual_save.setEnabled(False)
        Op(self, lambda: readings.save_manual(session, target, values, reason, photo[0] if photo else None,
                                              photo[1] if photo else "image/jpeg")) \
            .success(self._saved).failure(self._manual_failed).run_in_background()

    def _manual_failed(self, exc: BaseException) -> None:
        self.manual_save.setEnabled(True)
        self.manual_error.setText(problem_text(exc))
        self.manual_error.show()

    # -- rendering -------------------------------------------------------------------------------
    def _error_message(self, exc: BaseException) -> str:
        return readings.failure_text(exc, current_language())

    def _apply_state(self) -> None:
        s = self.state
        reading = s == "reading"
        self.read_button.setVisible(not reading)  # the Primary style would make a disabled button look active
        self.find_button.setEnabled(not reading)
        self.port.setEnabled(not reading)
        self.cancel_button.setVisible(reading)
        self.manual_button.setVisible(s not in ("manual", "manual_saved"))
        self.progress_card.setVisible(reading)
        self.error_label.setVisible(s in ("failed", "idle") and self.error is not None)
        if self.error is not None:
            if isinstance(self.error, ProtocolError) and self.error.code == "CANCELLED":
                self.error_label.setStyleSheet(WARN_STYLE)
                self.error_label.setText(self.tr("Reading cancelled. Nothing was saved."))
            else:
                self.error_label.setStyleSheet("")
                hint = self.tr("You can read again, or type the reading by hand with a photo.")
                self.error_label.setText(f"{self._error_message(self.error)}\n{hint}")
        self.result_card.setVisible(s in ("result", "saved") and self.assessment is not None)
        self.manual_card.setVisible(s in ("manual", "manual_saved"))
        self.save_button.setEnabled(s == "result" and not self.confirming)
        self.confirm_card.setVisible(s == "result" and self.confirming)
        self.save_button.setVisible(s in ("result",))
        self.clock.setVisible(s in ("result", "saved") and (
            self.clock.message is not None or meter_clock.can_set_clock(self.target, self.result, self.models())))
        self.clock.button.setEnabled(s == "result")
        self.saved_label.setVisible(s == "saved")
        self.manual_save.setEnabled(s == "manual")
        self.manual_saved.setVisible(s == "manual_saved")
        if s == "saved":
            self.saved_label.setStyleSheet(OK_STYLE)
            self.saved_label.setText(self.tr("Saved with its raw data from the probe. It goes to the office at "
                                             "the next sync."))
        if s == "manual_saved":
            self.manual_saved.setStyleSheet(OK_STYLE)
            self.manual_saved.setText(self.tr("Saved as a manual reading with its reason and photo. It goes to "
                                              "the office at the next sync."))
            self.manual_error.hide()
        if reading:
            self._render_progress()
        if self.assessment is not None:
            self._render_result()
        self.read_button.setText(self.tr("Read again (F2)") if s in ("result", "saved", "failed")
                                 else self.tr("Read meter (F2)"))

    def _render_progress(self) -> None:
        order = {step: i for i, step in enumerate(STEPS)}
        current = order.get(STEP_OF.get(self.phase, self.phase), len(STEPS) if self.phase == "done" else 0)
        names = self._step_names()
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
        seconds = QLocale().toString(time.monotonic() - self.started, "f", 1)
        if self.phase in ("receiving", "done"):
            got = QLocale().toString(self.received)
            if self.expected > 0:
                text = self.tr("%1 of about %2 bytes").replace("%1", got) \
                    .replace("%2", QLocale().toString(self.expected))
                self.bar.set_state(min(1.0, self.received / self.expected), text)
            else:
                self.bar.set_state(None, self.tr("%1 bytes received").replace("%1", got))
        else:
            self.bar.set_state(None, (names.get(self.phase) or phase_label(self.phase)) + "…")
        self.progress_count.setText(self.bar.text)
        self.progress_text.setText(self.tr("%1 s · Esc or Cancel stops the reading").replace("%1", seconds))

    def _step_names(self) -> dict[str, str]:
        return {"sign-on": self.tr("Sign-on"), "identification": self.tr("Identification"),
                "baud switch": self.tr("Speed switch"), "receiving": self.tr("Receiving data"),
                "wake-up": self.tr("Waking the meter"), "password": self.tr("Password"),
                "done": self.tr("Done")}

    def _render_result(self) -> None:
        if self.assessment is not None:
            self.result_view.show_assessment(self.assessment)
        self.save_button.setText(self.tr("Save reading (Ctrl+S)"))

    def retranslate(self) -> None:
        t = self.target
        self.title.setText(self.tr("Read meter %1").replace("%1", t.meter.serial))
        parts = []
        if t.customer is not None:
            parts.append(f"{t.customer.name} ({t.customer.code})")
            if t.customer.address.one_line():
                parts.append(t.customer.address.one_line())
        if t.work_order is not None:
            parts.append(self.tr("work order %1").replace("%1", t.work_order.number))
        prev = t.previous
        if prev is not None:
            idx = main_index(prev.registers)
            parts.append(self.tr("previous reading %1 kWh on %2").replace("%1", fmt_decimal(idx))
                         .replace("%2", fmt_day(local(prev.taken_at))))
        else:
            parts.append(self.tr("no previous reading"))
        self.subtitle.setText(" · ".join(parts))
        self.back_button.setText(self.tr("← Back"))
        self.port_label.setText(self.tr("Probe &port:"))
        self.port.lineEdit().setPlaceholderText(self.tr("e.g. COM3 or /dev/ttyUSB0"))
        self.find_button.setText(self.tr("Find probe"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.manual_button.setText(self.tr("Type by hand…"))
        self.progress_title.setText(self.tr("Reading through the optical probe — hold the probe on the port"))
        self.manual_title.setText(self.tr("Manual reading: type the index as the meter display shows it"))
        for obis, lab in self.manual_labels.items():
            name = readings.register_name(obis, current_language())
            lab.setText(f"{name}:" if name else f"{obis}:")
        self.reason_label.setText(self.tr("&Reason:"))
        lang = current_language()
        for i, (_code, vi, en) in enumerate(readings.MANUAL_REASONS):
            self.reason.setItemText(i, vi if lang == "vi" else en)
        self.note_label.setText(self.tr("Note:"))
        self.reason_note.setPlaceholderText(self.tr("What you saw (optional; required for “another reason”)"))
        self.photo_label.setText(self.tr("Photo of the meter face (required, the index must be readable):"))
        self.manual_save.setText(self.tr("Save manual reading (Ctrl+S)"))
        self.confirm_reason.setPlaceholderText(self.tr("Reason (required), e.g. meter replaced, customer away for a month"))
        self.confirm_button.setText(self.tr("Save with this reason"))
        self.confirm_back.setText(self.tr("Do not save"))
        self._port_hint()
        self._apply_state()

    def changeEvent(self, event: Any) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shutdown(self) -> None:
        self.spin.stop()
        self.bridge.cancel()

