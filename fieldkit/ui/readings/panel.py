"""Read one meter: through the optical probe (progress, cancel, result, save) or typed by hand.

The read itself runs on the app's one device thread (`DeviceBridge`); saving runs through `Op`.
Everything the screen says about the result (registers beside the previous reading,
consumption, warnings, abnormal use, bill estimate) comes from `services.readings`.
"""

from __future__ import annotations

import time
from typing import Any

from fieldkit.devices.client import ReadOptions
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.result import ReadingResult
from fieldkit.domain.models import Reading
from fieldkit.services import manual_readings, meter_clock, meter_model_settings, quality_settings, readings
from fieldkit.services.readings import Assessment, Target
from fieldkit.services.session import Session
from fieldkit.ui.config import Config
from fieldkit.ui.device_bridge import DeviceBridge
from fieldkit.ui.forms.enter_keys import EnterForward, passive
from fieldkit.ui.labels import current_language, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
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
from fieldkit.ui.readings.confirm_card import ConfirmCard
from fieldkit.ui.readings.manual_draft import ManualDraft
from fieldkit.ui.readings.manual_view import ManualView
from fieldkit.ui.readings.port_picker import PortPicker
from fieldkit.ui.readings.progress_view import ProgressView
from fieldkit.ui.readings.result_view import ResultView
from fieldkit.ui.readings.widgets import (
    ABNORMAL_STYLE,
    OK_STYLE,
    WARN_STYLE,
    target_subtitle,
)


class ReadingPanel(QWidget):
    """One meter: read it through the probe or type it by hand, see the result, save it."""

    closed = Signal()
    saved = Signal(str)  # reading id

    def __init__(self, session: Session, config: Config, target: Target, parent: QWidget | None = None,
                 show_back: bool = True, autostart: bool = False):
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
        self._autostart = autostart  # read as soon as a probe port is known (the page opening an order)

        # header
        self.back_button = QPushButton(objectName="ReadingBack")
        self.back_button.setVisible(show_back)
        self.title = QLabel(objectName="PageTitle")
        self.subtitle = QLabel(objectName="Muted")
        self.subtitle.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)

        # probe port (fieldkit/ui/readings/port_picker.py) + actions
        self.port_picker = PortPicker(config)
        self.port, self.port_label, self.find_button = self.port_picker.combo, self.port_picker.label, \
            self.port_picker.find_button
        self.port_hint = self.port_picker.hint
        self.read_button = QPushButton(objectName="ReadMeter")
        self.read_button.setObjectName("Primary")
        self.cancel_button = QPushButton(objectName="CancelRead")
        self.manual_button = QPushButton(objectName="ManualEntry")
        actions = QHBoxLayout()
        actions.addWidget(self.read_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.manual_button)
        actions.addStretch(1)

        # progress (fieldkit/ui/readings/progress_view.py)
        self.progress = ProgressView()
        self.progress_card, self.bar, self.step_labels = self.progress.card, self.progress.bar, self.progress.step_labels
        self.progress_count, self.progress_text = self.progress.count, self.progress.text
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
        self.result_view.action_box.addLayout(save_row)
        # setting a DLMS meter's clock (only with the model's write password from the settings)
        self.clock = ClockSetter()
        self.clock_setting: bool | None = None  # a read that sets the clock runs: server-checked time?
        self._models: list[Any] | None = None
        self.clock.button.clicked.connect(self.set_meter_clock)
        self.result_view.action_box.addWidget(self.clock)
        # saving despite a warning (wrong meter, abnormal consumption): confirm with a reason
        self.confirm = ConfirmCard()
        self.confirm_card, self.confirm_text, self.confirm_reason = self.confirm.card, self.confirm.text, \
            self.confirm.reason
        self.confirm_error, self.confirm_button, self.confirm_back = self.confirm.error, self.confirm.button, \
            self.confirm.back
        self.confirming = False
        self.result_view.action_box.addWidget(self.confirm_card)

        # manual entry, with the same checks (fieldkit/ui/readings/manual_view.py)
        self.manual = ManualView(target, self.limits(), str(config.get("ui_scale")))
        self.manual_card, self.manual_edits, self.photos = self.manual.card, self.manual.edits, self.manual.photos
        self.reason, self.reason_note = self.manual.reason, self.manual.note
        self.manual_error, self.manual_save, self.manual_saved = self.manual.error, self.manual.save, \
            self.manual.saved

        body = QWidget()
        body.setObjectName("Page")
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 8, 0)
        bl.setSpacing(10)
        bl.addWidget(self.subtitle)
        bl.addWidget(self.port_picker)
        bl.addLayout(actions)
        bl.addWidget(self.port_hint)
        bl.addWidget(self.progress_card)
        bl.addWidget(self.error_label)
        bl.addWidget(self.result_card)
        bl.addWidget(self.manual_card)
        bl.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(top)
        outer.addWidget(self.scroll_area, 1)

        self.back_button.clicked.connect(self._back)
        self.port_picker.found.connect(lambda ok: self._auto_read() if ok else None)
        self.read_button.clicked.connect(self.start_read)
        self.cancel_button.clicked.connect(self.cancel_read)
        self.manual_button.clicked.connect(self.show_manual)
        self.save_button.clicked.connect(self.save)
        self.confirm_button.clicked.connect(self.confirm_save)
        # Enter goes forward: on the focused action (Read, Save when nothing is flagged, Read again after a
        # flagged read), in the confirmation's reason "Save with this reason", in the manual entry to the
        # next field and then Save; never Back, Cancel or "Do not save" (Esc does those)
        passive(self.back_button, self.cancel_button, self.confirm_back)
        EnterForward(self)
        EnterForward(self.confirm_card, self.confirm_save)
        EnterForward(self.manual_card, self.save_manual)
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

        self.manual_draft = ManualDraft(self)  # the manual entry kept as typed (services.drafts)
        self.retranslate()
        self._apply_state()
        if self.port_picker.configured:
            if autostart:
                QTimer.singleShot(0, self._auto_read)
        else:
            self.port_picker.find_ports()

    # -- port ------------------------------------------------------------------------------------
    def port_name(self) -> str:
        return self.port_picker.name()

    def find_ports(self) -> None:
        self.port_picker.find_ports()

    def _auto_read(self) -> None:
        """Opening a reading work order with a probe present starts the read (one action fewer)."""
        if self._autostart and self.state == "idle" and self.result is None and self.port_name():
            self._autostart = False
            self.start_read()

    # -- reading ---------------------------------------------------------------------------------
    def limits(self) -> readings.ReadingLimits:
        """The checks' limits: the server's, else a supervisor's, else the defaults (never a technician's)."""
        return quality_settings.reading_limits(self.session)

    def models(self) -> list[Any]:
        """The utility's meter model table from the settings (a broken one is ignored: the
        Settings page refuses it when it is set). Read once per read, not on every repaint."""
        if self._models is None:
            try:
                self._models = meter_model_settings.models(self.session)  # the supervisor's, encrypted
            except (OSError, ValueError):
                self._models = []
        return self._models

    def set_meter_clock(self) -> None:
        options, checked = meter_clock.clock_set_options(self.session, self.target, self.models())
        self.start_read(options=options)
        self.clock_setting = checked

    def start_read(self, *_clicked: Any, options: ReadOptions | None = None) -> None:
        self._autostart = False
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
        return readings.needs_confirmation(a)

    def save(self) -> None:
        if self.state != "result" or self.result is None or self.assessment is None:
            return
        if self.flagged():
            self._ask_confirmation()
            return
        self._save_with("")

    def _ask_confirmation(self) -> None:
        lang = current_language()
        self.confirming = True
        self.save_button.setEnabled(False)
        self.confirm.ask([f"⚠ {f.message(lang)}" for f in self.flagged()])

    def _cancel_confirm(self) -> None:
        self.confirming = False
        self.confirm_card.hide()
        self.save_button.setEnabled(self.state == "result")
        self.read_button.setFocus()

    def confirm_save(self) -> None:
        if not self.confirming or self.state != "result":
            return
        reason = self.confirm.reason_or_error()
        if reason is None:
            return
        self.confirming = False
        self.confirm_card.hide()
        self._save_with(reason)

    def _save_with(self, confirmation: str) -> None:
        session, target, result, limits = self.session, self.target, self.result, self.limits()
        if result is None:  # saving happens in state "result", which has one
            return
        taken_at = self.assessment.taken_at if self.assessment is not None else None
        self.save_button.setEnabled(False)
        Op(self, lambda: readings.save_optical(session, target, result, taken_at, limits=limits,
                                               confirmation=confirmation)) \
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
        self.manual.set_target(target, self.limits())

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
        m = self.manual
        m.recheck()
        values, reason, photo, confirmation = m.values(), m.reason_text(), m.photo(), m.confirm.text()
        session, target, limits = self.session, self.target, self.limits()
        self.manual_save.setEnabled(False)
        Op(self, lambda: manual_readings.save_manual(
            session, target, values, reason, photo[0] if photo else None, photo[1] if photo else "image/jpeg",
            limits=limits, confirmation=confirmation)).success(self._saved).failure(self._manual_failed) \
            .run_in_background()

    def _manual_failed(self, exc: BaseException) -> None:
        self.manual_save.setEnabled(True)
        self.manual.show_error(problem_text(exc))

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
        self.progress.render(self.phase, self.received, self.expected, self.started)

    def _render_result(self) -> None:
        if self.assessment is not None:
            self.result_view.show_assessment(self.assessment)
        self.save_button.setText(self.tr("Save reading (Ctrl+S)"))

    def retranslate(self) -> None:
        t = self.target
        self.title.setText(self.tr("Read meter %1").replace("%1", t.meter.serial))
        self.subtitle.setText(target_subtitle(t))
        self.back_button.setText(self.tr("← Back"))
        self.port_picker.retranslate()
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.manual_button.setText(self.tr("Type by hand…"))
        self.progress.retranslate()
        self.manual.retranslate()
        self.confirm.retranslate()
        self._apply_state()

    def changeEvent(self, event: Any) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shutdown(self) -> None:
        self.spin.stop()
        self.bridge.cancel()

