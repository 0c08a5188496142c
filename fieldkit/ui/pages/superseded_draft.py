"""A superseded draft, read-only: what the person typed before the order's record came from
another laptop (or the step was saved elsewhere), so they can see it and then discard it
deliberately. Nothing here deletes by itself: "Keep it for now" keeps it on the Today page."""

from __future__ import annotations

from fieldkit.domain.local_time import local_datetime
from fieldkit.services.superseded_drafts import Superseded
from fieldkit.ui.labels import current_language
from fieldkit.ui.qt import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


def _when(stamp: str) -> str:
    try:
        return local_datetime(stamp).strftime("%d/%m %H:%M")
    except ValueError:
        return ""


class SupersededDraftDialog(QDialog):
    """`result()` is Accepted when the person chose to discard the draft."""

    def __init__(self, view: Superseded, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.setObjectName("SupersededDraft")
        self.setWindowTitle(self.tr("Superseded draft — %1").replace("%1", view.title))
        self.setMinimumWidth(520)
        self.intro = QLabel(objectName="SupersededIntro")
        self.intro.setWordWrap(True)
        who = view.by_name or self.tr("someone on another laptop")
        when = _when(view.by_at)
        self.intro.setText(
            self.tr("The record of this work was saved by %1%2 and reached this laptop, so this draft can "
                    "no longer be submitted. It is kept so nothing you typed is lost: read it, note what you "
                    "need, then discard it.").replace("%1", who).replace("%2", f" ({when})" if when else ""))
        lang = current_language()
        lines = [line.text(lang) for line in view.lines]
        if view.photos:
            lines.append(self.tr("%1 photo(s) kept with it").replace("%1", str(view.photos)))
        self.content = QPlainTextEdit("\n".join(lines) or self.tr("(nothing typed)"), objectName="SupersededContent")
        self.content.setReadOnly(True)
        self.discard_button = QPushButton(self.tr("&Discard this draft"), objectName="DiscardDraft")
        self.keep_button = QPushButton(self.tr("&Keep it for now"), objectName="KeepDraft")
        self.keep_button.setDefault(True)  # Enter never deletes
        self.discard_button.clicked.connect(self.accept)
        self.keep_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.content, 1)
        lay.addLayout(buttons)
