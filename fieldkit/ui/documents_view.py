"""Open, print or save a copy of a document the app keeps encrypted (install record, household sheet).

`DocumentActions` is a row of two buttons under a saved document:
- "Open to view or print" decrypts it to a private temporary file (kept_documents.open_private)
  and hands that to the system's PDF viewer; the copy is removed when the session closes.
- "Save a copy…" first shows the warning that the copy is not encrypted, then asks where.
"""

from __future__ import annotations

from pathlib import Path

from fieldkit.services import kept_documents
from fieldkit.services.kept_documents import KeptDocument
from fieldkit.services.session import Session
from fieldkit.ui.labels import current_language, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QCoreApplication,
    QDesktopServices,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QUrl,
    QWidget,
    Signal,
)


def confirm_unencrypted_copy(parent: QWidget) -> bool:
    """The warning before any plain copy leaves the encrypted profile (documents, report exports)."""
    vi, en = kept_documents.COPY_WARNING
    text = vi if current_language() == "vi" else en
    title = QCoreApplication.translate("DocumentActions", "Save an unencrypted copy?")
    answer = QMessageBox.warning(parent, title, text,
                                 QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                                 QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Save


class DocumentActions(QWidget):
    opened = Signal(str)   # the private copy's path, once handed to the viewer
    saved = Signal(str)    # the path of a copy the user saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.document: KeptDocument | None = None
        self.open_button = QPushButton()
        self.copy_button = QPushButton()
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.open_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.message, 1)
        self.open_button.clicked.connect(self.open_document)
        self.copy_button.clicked.connect(self.save_copy)
        # tests answer the dialogs through these (a real user sees QMessageBox / QFileDialog)
        self.confirm_copy = self._confirm_copy
        self.ask_path = self._ask_path
        self.show_url = QDesktopServices.openUrl
        self.retranslate()
        self.set_document(None, None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open to view or print"))
        self.copy_button.setText(self.tr("Save a copy…"))

    def set_document(self, session: Session | None, document: KeptDocument | None) -> None:
        self.session, self.document = session, document
        self.message.clear()
        self.setVisible(document is not None)

    def open_document(self) -> None:
        session, doc = self.session, self.document
        if session is None or doc is None:
            return
        Op(self, lambda: kept_documents.open_private(session, doc)).success(self._opened) \
            .failure(self._failed).run_in_background()

    def _opened(self, path: Path) -> None:
        self.show_url(QUrl.fromLocalFile(str(path)))
        self.message.setText(self.tr("Opened. The unencrypted view is removed when you log out."))
        self.opened.emit(str(path))

    def _confirm_copy(self) -> bool:
        return confirm_unencrypted_copy(self)

    def _ask_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), suggested,
                                              self.tr("PDF files (*.pdf)"))
        return str(path)

    def save_copy(self) -> None:
        session, doc = self.session, self.document
        if session is None or doc is None or not self.confirm_copy():
            return
        target = self.ask_path(doc.file_name)
        if not target:
            return
        Op(self, lambda: kept_documents.save_copy(session, doc, target)).success(self._saved) \
            .failure(self._failed).run_in_background()

    def _saved(self, path: Path) -> None:
        self.message.setText(self.tr("Copy saved: %1").replace("%1", str(path)))
        self.saved.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(problem_text(exc))
