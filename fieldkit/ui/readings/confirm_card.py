"""Saving a read despite a warning (wrong meter, abnormal consumption): the warnings, a reason
(required) and "Save with this reason" / "Do not save". Texts in the "ReadingPanel" context."""

from __future__ import annotations

from fieldkit.ui.qt import QCoreApplication, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton
from fieldkit.ui.readings.widgets import ABNORMAL_STYLE, card


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadingPanel", text)


class ConfirmCard:
    def __init__(self) -> None:
        self.card: QFrame
        self.card, cl = card()
        self.card.setObjectName("ConfirmCard")
        self.text = QLabel(objectName="ConfirmText")
        self.text.setWordWrap(True)
        self.text.setStyleSheet(ABNORMAL_STYLE)
        self.reason = QLineEdit(objectName="ConfirmReason")
        self.reason.setMaxLength(120)
        self.error = QLabel(objectName="Error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton(objectName="ConfirmSave")
        self.back = QPushButton(objectName="ConfirmBack")
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.back)
        row.addStretch(1)
        cl.addWidget(self.text)
        cl.addWidget(self.reason)
        cl.addWidget(self.error)
        cl.addLayout(row)
        self.card.hide()

    def ask(self, lines: list[str]) -> None:
        self.text.setText("\n".join([_tr("This reading has a warning. Save it anyway?"), *lines]))
        self.error.hide()
        self.card.show()
        self.reason.setFocus()

    def reason_or_error(self) -> str | None:
        """The reason typed, or None (and the error shown) when it is too short."""
        reason = " ".join(self.reason.text().split())
        if len(reason) < 3:
            self.error.setText(_tr("Write why you save it anyway (what you saw on site)."))
            self.error.show()
            self.reason.setFocus()
            return None
        return reason

    def retranslate(self) -> None:
        self.reason.setPlaceholderText(_tr("Reason (required), e.g. meter replaced, customer away for a month"))
        self.button.setText(_tr("Save with this reason"))
        self.back.setText(_tr("Do not save"))
