"""The manual reading card: the index typed from the display (KT, and BT / CD / TD for a
time-of-use meter), a reason, a photo of the meter face — and, as soon as the numbers parse,
the same checks as an optical read (consumption, abnormal use, bill estimate: the reading
panel's `ResultView`, from `services.manual_readings.assess_manual`). A flagged reading asks
why it is saved anyway; the service refuses it without that.

Problems are checked again on every edit, so an error about a field ("type the total") goes
as soon as the field is filled, whoever fills it. Texts are in the "ReadingPanel" context.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fieldkit.domain.problems import ValidationError
from fieldkit.services import manual_readings, readings
from fieldkit.services.readings import Assessment, ReadingLimits, Target
from fieldkit.ui.forms.photos import PhotoPicker
from fieldkit.ui.labels import current_language
from fieldkit.ui.qt import (
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTimer,
)
from fieldkit.ui.readings.result_view import ResultView
from fieldkit.ui.readings.widgets import ABNORMAL_STYLE, card
from fieldkit.ui.style import PRIMARY_DARK, row_height


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadingPanel", text)


class ManualView:
    """Builds the manual card (`card`) for one target; the panel wires `save` to saving."""

    def __init__(self, target: Target, limits: ReadingLimits, ui_scale: str) -> None:
        self.target, self.limits = target, limits
        self.assessment: Assessment | None = None
        self.card: QFrame
        self.card, ml = card()
        self.title = QLabel()
        self.title.setStyleSheet(f"font-weight: bold; color: {PRIMARY_DARK};")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for obis in manual_readings.manual_fields(target):
            edit = QLineEdit(objectName=f"manual_{obis}")
            edit.setMaximumWidth(260)
            lab = QLabel()
            lab.setBuddy(edit)
            self.edits[obis], self.labels[obis] = edit, lab
            self.form.addRow(lab, edit)
        self.reason = QComboBox(objectName="ManualReason")
        for code, _words in readings.MANUAL_REASONS:
            self.reason.addItem("", code)
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.note = QLineEdit(objectName="ManualNote")
        self.note.setMaxLength(120)
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note)
        self.form.addRow(self.reason_label, self.reason)
        self.form.addRow(self.note_label, self.note)
        for lab in [*self.labels.values(), self.reason_label, self.note_label]:
            lab.setMinimumHeight(row_height(ui_scale))  # centred beside its field
            lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.photo_label = QLabel()
        self.photos = PhotoPicker()
        # the checks of the typed numbers, as an optical read shows them
        self.check = ResultView()
        self.check.setAccessibleName("ManualCheck")
        self.check.hide()
        self.confirm_label = QLabel(objectName="ManualConfirmLabel")
        self.confirm_label.setWordWrap(True)
        self.confirm_label.setStyleSheet(ABNORMAL_STYLE)
        self.confirm = QLineEdit(objectName="ManualConfirm")
        self.confirm.setMaxLength(80)
        self.confirm_label.setBuddy(self.confirm)
        self.error = QLabel(objectName="Error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.save = QPushButton(objectName="Primary")
        self.save.setAccessibleName("SaveManual")
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.saved.hide()
        ml.addWidget(self.title)
        ml.addLayout(self.form)
        ml.addWidget(self.photo_label)
        ml.addWidget(self.photos)
        ml.addWidget(self.check)
        ml.addWidget(self.confirm_label)
        ml.addWidget(self.confirm)
        ml.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.save, 0)
        row.addWidget(self.saved, 1)
        row.addStretch(1)
        ml.addLayout(row)
        self._show_confirm(False)
        self.recheck_timer = QTimer(self.card)
        self.recheck_timer.setSingleShot(True)
        self.recheck_timer.setInterval(250)
        self.recheck_timer.timeout.connect(self.recheck)
        for edit in self.edits.values():
            edit.textChanged.connect(lambda _t: self.recheck_timer.start())
        self.photos.changed.connect(self._clear_fixed)
        self.note.textChanged.connect(lambda _t: self._clear_fixed())
        self.reason.currentIndexChanged.connect(lambda _i: self._clear_fixed())
        self.confirm.textChanged.connect(lambda _t: self._clear_fixed())

    # -- values ----------------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        return {obis: edit.text() for obis, edit in self.edits.items()}

    def reason_text(self) -> str:
        code = self.reason.currentData()
        lang = current_language()
        reason = next((words.text(lang) for c, words in readings.MANUAL_REASONS if c == code), "")
        note = self.note.text().strip()
        if note:
            return f"{reason}: {note}" if code != "other" else note
        return "" if code == "other" else reason

    def photo(self) -> tuple[bytes, str, str] | None:  # content, mime, file name (as PhotoPicker holds it)
        return self.photos.photos[0] if self.photos.photos else None

    def set_target(self, target: Target, limits: ReadingLimits) -> None:
        self.target, self.limits = target, limits

    # -- the checks ------------------------------------------------------------------------------
    def recheck(self) -> None:
        """The typed numbers' consumption, checks and bill; a stale error about them goes."""
        self.recheck_timer.stop()
        try:
            self.assessment = manual_readings.assess_manual(self.target, self.values(), self.limits,
                                                            datetime.now(UTC))
        except ValidationError:
            self.assessment = None
        if self.assessment is None:
            self.check.hide()
        else:
            self.check.show_assessment(self.assessment)
            self.check.show()
        self._show_confirm(bool(self.flagged()))
        self._clear_fixed()

    def flagged(self) -> list[str]:
        return manual_readings.flagged(self.assessment) if self.assessment is not None else []

    def _show_confirm(self, on: bool) -> None:
        self.confirm_label.setVisible(on)
        self.confirm.setVisible(on)

    def _clear_fixed(self) -> None:
        """Hide the last save's error once what it named is fixed (checked again, quietly)."""
        if self.error.isHidden():
            return
        if not self.problems():
            self.error.hide()

    def problems(self) -> list[str]:
        """What saving would refuse now, in the UI language (the service decides; this only mirrors it)."""
        lang = current_language()
        out: list[str] = []
        try:
            manual_readings.parse_manual(self.target, self.values())
        except ValidationError as exc:
            out += exc.messages(lang)
        if not self.reason_text().strip():
            out.append("reason")
        if self.photo() is None:
            out.append("photo")
        if self.flagged() and len(" ".join(self.confirm.text().split())) < 3:
            out.append("confirmation")
        return out

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def retranslate(self) -> None:
        self.title.setText(_tr("Manual reading: type the index as the meter display shows it"))
        lang = current_language()
        for obis, lab in self.labels.items():
            name = readings.register_name(obis, lang)
            lab.setText(f"{name}:" if name else f"{obis}:")
        self.reason_label.setText(_tr("&Reason:"))
        for i, (_code, words) in enumerate(readings.MANUAL_REASONS):
            self.reason.setItemText(i, words.text(lang))
        self.note_label.setText(_tr("Note:"))
        self.note.setPlaceholderText(_tr("What you saw (optional; required for “another reason”)"))
        self.photo_label.setText(_tr("Photo of the meter face (required, the index must be readable):"))
        self.save.setText(_tr("Save manual reading (Ctrl+S)"))
        self.confirm_label.setText(_tr("The checks flag this reading. Check the display again; to save it "
                                       "anyway, write why:"))
        self.confirm.setPlaceholderText(_tr("Reason (required), e.g. meter replaced, customer away for a month"))
        if self.assessment is not None:
            self.check.show_assessment(self.assessment)
