"""Render a form definition (fieldkit.forms) as Qt widgets.

Labels, choices and messages come from the definition in the UI language; the few texts
of the widgets themselves (buttons, placeholders) go through tr(). Relevance is applied
on every change (fields that are not relevant are hidden); validation is the headless
engine's, and its problems are shown under each field. Photos and signatures are kept
as bytes here and referenced by sha256 in the values, as the install service expects.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from fieldkit.domain.problems import Problem
from fieldkit.forms.definition import Field, FormDefinition
from fieldkit.forms.engine import relevant_fields, validate
from fieldkit.services.installs import InstallFile
from fieldkit.ui.forms.enter_keys import passive
from fieldkit.ui.forms.photos import PhotoPicker
from fieldkit.ui.labels import current_language, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QEvent,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from fieldkit.ui.signature_pad import SignaturePad

Reader = Callable[[], dict[str, Any] | None]
WIDE_TYPES = ("photo", "signature", "meter_reading", "gps")


_digests: dict[int, tuple[bytes, str]] = {}


def _sha(data: bytes) -> str:
    """SHA-256 of a photo or signature, remembered per bytes object: the form asks for every
    value on each keystroke (relevance), and hashing megabytes of photos each time stalls typing."""
    hit = _digests.get(id(data))
    if hit is not None and hit[0] is data:
        return hit[1]
    digest = hashlib.sha256(data).hexdigest()
    if len(_digests) > 64:
        _digests.clear()
    _digests[id(data)] = (data, digest)
    return digest


class FieldEditor(QWidget):
    """One field: its label, its input widget(s) and the line for its problems."""

    changed = Signal()

    def __init__(self, field: Field, readers: dict[str, Reader], parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.readers = readers
        self.label = QLabel(objectName="FieldLabel")
        self.label.setWordWrap(True)
        self.hint = QLabel(objectName="Muted")
        self.hint.setWordWrap(True)
        self.error = QLabel(objectName="FieldError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020; font-weight: bold;")
        self.error.hide()
        self.inputs: dict[str, QLineEdit] = {}
        self.combo: QComboBox | None = None
        self.date: QDateEdit | None = None
        self.photos: PhotoPicker | None = None
        self.pad: SignaturePad | None = None
        self.action: QPushButton | None = None
        self.clear_button: QPushButton | None = None
        self.source = "manual"
        self.extra: dict[str, Any] = {}
        self.has_problems = False  # the error line shows validation problems (not a device message)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        t = field.type
        if t in ("text", "number", "meter_serial"):
            self._line("value", body)
        elif t == "choice":
            self.combo = QComboBox(objectName=f"field_{field.id}")
            self.combo.addItem("", "")
            for c in field.choices:
                self.combo.addItem(c.label.vi, c.value)
            self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            body.addWidget(self.combo, 1)
        elif t == "date":
            self.date = QDateEdit(objectName=f"field_{field.id}")
            self.date.setCalendarPopup(True)
            self.date.setDisplayFormat("dd/MM/yyyy")
            self.date.setDate(QDate.currentDate())
            self.date.dateChanged.connect(lambda _d: self.changed.emit())
            body.addWidget(self.date)
            body.addStretch(1)
        elif t == "gps":
            self._line("lat", body)
            self._line("lon", body)
            # always offered; without a configured receiver the button says how to set one up
            self.action = QPushButton(objectName=f"gps_{field.id}")
            self.action.clicked.connect(self._read_gps)
            body.addWidget(self.action)
        elif t == "meter_reading":
            for reg in field.registers:
                body.addWidget(QLabel(reg, objectName="RegisterName"))
                self._line(reg, body)
            if field.probe:
                self.action = QPushButton(objectName=f"probe_{field.id}")
                self.action.clicked.connect(self._read_probe)
                body.addWidget(self.action)
        elif t == "photo":
            self.photos = PhotoPicker()
            self.photos.setObjectName(f"field_{field.id}")
            self.photos.changed.connect(self.changed.emit)
            body.addWidget(self.photos, 1)
        elif t == "signature":
            self.pad = SignaturePad()
            self.pad.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # in the form's tab order, as before
            self.pad.setObjectName(f"field_{field.id}")
            self.pad.changed.connect(self.changed.emit)
            self.clear_button = QPushButton(objectName=f"clear_{field.id}")
            self.clear_button.clicked.connect(self.pad.clear)
            passive(self.clear_button)  # Enter on it must not wipe the signature
            body.addWidget(self.pad, 1)
            body.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 4)
        lay.setSpacing(2)
        lay.addWidget(self.label)
        lay.addLayout(body)
        lay.addWidget(self.hint)
        lay.addWidget(self.error)
        self.retranslate()

    def _line(self, key: str, body: QHBoxLayout) -> None:
        edit = QLineEdit(objectName=f"field_{self.field.id}" + ("" if key == "value" else f"_{key}"))
        edit.textEdited.connect(self._typed)
        self.inputs[key] = edit
        body.addWidget(edit, 1)

    def _typed(self, _text: str) -> None:
        self.source = "manual" if self.field.type == "meter_reading" else "typed"
        if self.field.type == "meter_reading":
            self.extra = {}  # typed over: no longer the probe's serial
        self.changed.emit()

    def retranslate(self) -> None:
        lang = current_language()
        f = self.field
        self.label.setText(f.label.get(lang) + (" *" if f.required else ""))
        self.hint.setText(f.hint.get(lang) if f.hint else "")
        self.hint.setVisible(f.hint is not None)
        if self.combo is not None:
            self.combo.setItemText(0, self.tr("— choose —"))
            for i, c in enumerate(f.choices, start=1):
                self.combo.setItemText(i, c.label.get(lang))
        if "lat" in self.inputs:
            self.inputs["lat"].setPlaceholderText(self.tr("Latitude, e.g. 20.5412"))
            self.inputs["lon"].setPlaceholderText(self.tr("Longitude, e.g. 106.0521"))
        if self.action is not None:
            self.action.setText(self.tr("Read through probe") if f.type == "meter_reading"
                                else self.tr("From GPS receiver"))
        if self.clear_button is not None:
            self.clear_button.setText(self.tr("Clear"))
        if self.photos is not None:
            self.photos.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # values ------------------------------------------------------------------------------
    def value(self) -> Any:
        t = self.field.type
        if t in ("text", "number", "meter_serial"):
            return self.inputs["value"].text().strip()
        if t == "choice":
            assert self.combo is not None
            return self.combo.currentData() or ""
        if t == "date":
            assert self.date is not None
            return self.date.date().toString("yyyy-MM-dd")
        if t == "gps":
            lat, lon = self.inputs["lat"].text().strip(), self.inputs["lon"].text().strip()
            if not lat and not lon:
                return None
            return {"lat": lat.replace(",", "."), "lon": lon.replace(",", "."), "source": self.source} | self.extra
        if t == "meter_reading":
            regs = {r: self.inputs[r].text().strip().replace(",", ".") for r in self.field.registers}
            if not any(regs.values()):
                return None
            return regs | {"source": self.source} | self.extra  # extra: the serial the probe read
        if t == "photo":
            assert self.photos is not None
            return [_sha(p[0]) for p in self.photos.photos]
        if t == "signature":
            assert self.pad is not None
            return "" if self.pad.is_empty() else _sha(self.pad.png_bytes())
        return None  # pragma: no cover

    def files(self) -> list[InstallFile]:
        if self.photos is not None:
            return [InstallFile(data, mime, "photo") for data, mime, _name in self.photos.photos]
        if self.pad is not None and not self.pad.is_empty():
            return [InstallFile(self.pad.png_bytes(), "image/png", "signature")]
        return []

    def set_value(self, value: Any) -> None:
        t = self.field.type
        if t in ("text", "number", "meter_serial"):
            self.inputs["value"].setText("" if value is None else str(value))
        elif t == "choice" and self.combo is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(value or "")))
        elif t == "date" and self.date is not None and value:
            self.date.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
        elif t == "gps" and isinstance(value, dict):
            self.inputs["lat"].setText(str(value.get("lat", "")))
            self.inputs["lon"].setText(str(value.get("lon", "")))
            self.source = str(value.get("source", "typed"))
        elif t == "meter_reading" and isinstance(value, dict):
            for r in self.field.registers:
                self.inputs[r].setText(str(value.get(r, "")))
            self.source = str(value.get("source", "manual"))
        self.changed.emit()

    def show_problems(self, problems: list[Problem]) -> None:
        lang = current_language()
        self.error.setText("\n".join(p.message(lang) for p in problems))
        self.error.setVisible(bool(problems))
        self.has_problems = bool(problems)

    # readers -----------------------------------------------------------------------------
    def _no_device(self, kind: str) -> bool:
        if kind in self.readers:
            return False
        self.has_problems = False
        self.error.setStyleSheet("color: #B00020; font-weight: bold;")
        self.error.setText(self.tr("No optical probe port is set (Settings); type the readings from the display.")
                           if kind == "probe" else
                           self.tr("No GPS receiver port is set (FIELDKIT_GPS_PORT); type the position."))
        self.error.show()
        return True

    def _read_probe(self) -> None:
        assert self.action is not None
        if self._no_device("probe"):
            return
        self.action.setEnabled(False)
        self.has_problems = False
        self.error.setText(self.tr("Reading the meter through the optical probe…"))
        self.error.setStyleSheet("")
        self.error.show()
        Op(self, self.readers["probe"]).success(self._probe_done).failure(self._read_failed).run_in_background()

    def _probe_done(self, regs: dict[str, Any] | None) -> None:
        assert self.action is not None
        self.action.setEnabled(True)
        self.error.setStyleSheet("color: #B00020; font-weight: bold;")
        self.error.hide()
        regs = regs or {}
        for r in self.field.registers:
            if r in regs:
                self.inputs[r].setText(str(regs[r]))
        missing = [r for r in self.field.registers if r not in regs]
        self.source = "optical"
        if missing:
            self.error.setText(self.tr("The meter did not give %1; type it from the display.")
                               .replace("%1", ", ".join(missing)))
            self.error.show()
        # the serial the probe read goes with the registers (install_check compares it with the typed one)
        self.extra = {"serial": str(regs["serial"])} if regs.get("serial") else {}
        self.changed.emit()

    def _read_gps(self) -> None:
        assert self.action is not None
        if self._no_device("gps"):
            return
        self.action.setEnabled(False)
        Op(self, self.readers["gps"]).success(self._gps_done).failure(self._read_failed).run_in_background()

    def _gps_done(self, pos: dict[str, Any] | None) -> None:
        assert self.action is not None
        self.action.setEnabled(True)
        if not pos:
            self.error.setText(self.tr("No position from the GPS receiver; go outside or type it."))
            self.error.show()
            return
        self.set_value(pos)
        self.extra = {k: v for k, v in pos.items() if k not in ("lat", "lon", "source")}
        self.error.hide()

    def _read_failed(self, exc: BaseException) -> None:
        if self.action is not None:
            self.action.setEnabled(True)
        self.error.setStyleSheet("color: #B00020; font-weight: bold;")
        self.error.setText(self.tr("Could not read: %1 — type the values instead.").replace("%1", problem_text(exc)))
        self.error.show()


class FormView(QWidget):
    """A whole form: one group box per section, fields in order, skip logic applied live."""

    changed = Signal()

    def __init__(self, form: FormDefinition, readers: dict[str, Reader] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form
        self.editors: dict[str, FieldEditor] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.setStyleSheet("QGroupBox { font-weight: bold; padding-top: 18px; margin-top: 8px; }"
                           " QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QComboBox { font-weight: normal; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 8, 0)
        for section in form.sections:
            box = QGroupBox(objectName=f"section_{section.id}")
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(16)
            row, col = 0, 0
            for f in section.fields:
                ed = FieldEditor(f, readers or {})
                ed.changed.connect(self._changed)
                self.editors[f.id] = ed
                if f.type in WIDE_TYPES:  # a whole row
                    if col:
                        row, col = row + 1, 0
                    grid.addWidget(ed, row, 0, 1, 2)
                    row += 1
                else:
                    grid.addWidget(ed, row, col)
                    row, col = (row, 1) if col == 0 else (row + 1, 0)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
            self.boxes[section.id] = box
            lay.addWidget(box)
        lay.addStretch(1)
        self.retranslate()
        self.apply_relevance()

    def retranslate(self) -> None:
        lang = current_language()
        for s in self.form.sections:
            self.boxes[s.id].setTitle(s.title.get(lang))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _changed(self) -> None:
        self.apply_relevance()
        self._clear_fixed()
        self.changed.emit()

    def _clear_fixed(self) -> None:
        """A problem shown under a field goes as soon as the field is right (typed, or filled by the
        probe or the GPS); new problems wait for the next check."""
        showing = [fid for fid, ed in self.editors.items() if ed.has_problems]
        if not showing:
            return
        still = {p.field for p in validate(self.form, self.values())}
        for fid in showing:
            if fid not in still:
                self.editors[fid].show_problems([])

    def values(self) -> dict[str, Any]:
        return {fid: ed.value() for fid, ed in self.editors.items()}

    def files(self) -> list[InstallFile]:
        return [f for ed in self.editors.values() for f in ed.files()]

    def set_values(self, values: dict[str, Any]) -> None:
        for fid, value in values.items():
            if fid in self.editors:
                self.editors[fid].set_value(value)

    def apply_relevance(self) -> None:
        """Show the relevant fields. Visibility is only touched when it changes: this runs on
        every keystroke (and PySide6 6.12.0 leaks a reference to None on each void call)."""
        shown = relevant_fields(self.form, self.values())
        for s in self.form.sections:
            any_shown = False
            for f in s.fields:
                on = f.id in shown
                ed = self.editors[f.id]
                if ed.isHidden() == on:
                    ed.setVisible(on)
                any_shown = any_shown or on
            box = self.boxes[s.id]
            if box.isHidden() == any_shown:
                box.setVisible(any_shown)

    def check(self) -> list[Problem]:
        """Validate with the headless engine and show each problem under its field."""
        problems = validate(self.form, self.values())
        self.show_problems(problems)
        return problems

    def show_problems(self, problems: list[Problem]) -> None:
        for fid, ed in self.editors.items():
            ed.show_problems([p for p in problems if p.field == fid])

    def first_problem_editor(self, problems: list[Problem]) -> FieldEditor | None:
        for fid, ed in self.editors.items():
            if any(p.field == fid for p in problems):
                return ed
        return None
