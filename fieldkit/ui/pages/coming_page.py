"""A page a later issue builds: says so plainly instead of showing an empty screen."""

from __future__ import annotations

from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.qt import QCoreApplication, QLabel, Qt, QVBoxLayout, QWidget


class ComingPage(Page):
    def __init__(self, ctx: PageContext, title: str, text: str, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._title, self._text = title, text  # untranslated sources (context "Pages")
        self.title = QLabel(objectName="PageTitle")
        self.body = QLabel(objectName="Coming")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.addWidget(self.title)
        lay.addWidget(self.body)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("Pages", self._title))
        self.body.setText(QCoreApplication.translate("Pages", self._text))
