"""Settings, rendered from `settings_specs.SETTINGS`: a choice becomes a combo box, a
text becomes a line edit (saved when you leave the field or press Enter)."""

from __future__ import annotations

from fieldkit.domain.problems import ValidationError
from fieldkit.services import quality_settings
from fieldkit.ui.forms.enter_keys import EnterForward
from fieldkit.ui.labels import problem_text
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.qt import (
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.settings_specs import SETTINGS, SettingSpec


def _t(text: str) -> str:
    return QCoreApplication.translate("Settings", text) if text else ""


class SettingsPage(Page):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = QLabel(objectName="PageTitle")
        self.saved = QLabel(objectName="Muted")
        card = QFrame(objectName="Card")
        self.form = QFormLayout(card)
        self.form.setContentsMargins(20, 16, 20, 16)
        self.form.setVerticalSpacing(6)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # label above its field, fields full width
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.editors: dict[str, QComboBox | QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.helps: dict[str, QLabel] = {}
        self.guarded: dict[str, tuple[quality_settings.GuardedValue, bool]] = {}
        for spec in SETTINGS:
            self._add(spec)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.addWidget(self.title)
        lay.addWidget(card)
        lay.addWidget(self.saved)
        lay.addStretch(1)
        EnterForward(self)  # Enter: to the next setting (each is saved as it is left)
        self.retranslate()

    def _guarded(self, key: str) -> tuple[quality_settings.GuardedValue, bool]:
        """A supervisor-only setting's value and whether this user may change it (read once, again
        after a change or when the page is shown: a language change must not query the store)."""
        if key not in self.guarded:
            s = self.ctx.session
            self.guarded[key] = (quality_settings.value_of(s, key), quality_settings.may_change(s, key))
        return self.guarded[key]

    def on_shown(self) -> None:
        self.guarded.clear()
        self.sync_from_config()

    def _value(self, spec: SettingSpec) -> object:
        if spec.supervisor_only:
            return self._guarded(spec.key)[0].value
        return self.ctx.config.get(spec.key)

    def _add(self, spec: SettingSpec) -> None:
        value = self._value(spec)
        editor: QComboBox | QLineEdit
        if spec.kind == "choice":
            combo = QComboBox(objectName=f"setting_{spec.key}")
            for v, _text, _tr in spec.choices:
                combo.addItem("", v)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.activated.connect(lambda _i, s=spec, c=combo: self._changed(s, c.currentData()))
            editor = combo
        else:
            line = QLineEdit(str(value or ""), objectName=f"setting_{spec.key}")
            line.setPlaceholderText(spec.placeholder)
            line.editingFinished.connect(lambda s=spec, w=line: self._changed(s, w.text().strip()))
            if spec.supervisor_only and not self._guarded(spec.key)[1]:
                line.setReadOnly(True)  # the service refuses the change too (quality_settings.change)
                line.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            editor = line
        label = QLabel()
        label.setBuddy(editor)
        help_label = QLabel(objectName="Muted")
        help_label.setWordWrap(True)
        self.form.addRow(label, editor)
        self.form.addRow(help_label)  # the whole width (an empty label column squeezed it to a sliver)
        self.editors[spec.key], self.labels[spec.key], self.helps[spec.key] = editor, label, help_label

    def _changed(self, spec: SettingSpec, value: str) -> None:
        problem = spec.check(value) if spec.check else None
        if problem:
            self._show_problem(spec, _t(problem))
            return
        if self.helps[spec.key].objectName() == "Error":
            self.helps[spec.key].setObjectName("Muted")
            self.helps[spec.key].style().polish(self.helps[spec.key])
            self.helps[spec.key].setText(self._help(spec))
        if value == self._value(spec):
            return
        if spec.supervisor_only:
            try:
                quality_settings.change(self.ctx.session, spec.key, value)
            except ValidationError as exc:
                self._show_problem(spec, problem_text(exc))
                self.sync_from_config()
                return
            finally:
                self.guarded.pop(spec.key, None)
                self._guarded(spec.key)  # read again now (the session is open now)
        else:
            self.ctx.apply_setting(spec.key, value)
        self.saved.setText(self.tr("Saved."))

    def _show_problem(self, spec: SettingSpec, text: str) -> None:
        self.helps[spec.key].setText(text)
        self.helps[spec.key].setObjectName("Error")
        self.helps[spec.key].style().polish(self.helps[spec.key])

    def _help(self, spec: SettingSpec) -> str:
        text = _t(spec.help)
        if spec.supervisor_only:
            value, may = self._guarded(spec.key)
            if value.source == "server":
                text += " " + self.tr("Set by the utility's server.")
            elif not may:
                text += " " + self.tr("Only a supervisor can change it.")
        return text

    def sync_from_config(self) -> None:
        for spec in SETTINGS:
            editor = self.editors[spec.key]
            value = self._value(spec)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif editor.text() != value:
                editor.setText(str(value or ""))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.saved.setText("")
        for spec in SETTINGS:
            self.labels[spec.key].setText(_t(spec.label))
            if self.helps[spec.key].objectName() != "Error":
                self.helps[spec.key].setText(self._help(spec))
            editor = self.editors[spec.key]
            if isinstance(editor, QComboBox):
                for i, (_v, text, translate) in enumerate(spec.choices):
                    editor.setItemText(i, _t(text) if translate else text)
        self.sync_from_config()
