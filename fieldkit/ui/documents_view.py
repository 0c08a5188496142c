"""Open, print, make again or save a copy of a document the app keeps encrypted.

`DocumentActions` is a row of buttons under a document (the install record, the household
sheet, the contract, the new-supply request):
- "Open" decrypts it to a private temporary file (kept_documents.open_private) for the
  system's PDF viewer; the copy is removed after `VIEW_KEEP_MS` and in any case when the
  session closes (and a crashed run's copies at the next start).
- "Print…" asks for the printer and the copies (QPrintDialog), sends the private copy to the
  system's print service (services/printing.py) and removes the copy as soon as it is spooled.
- "Make again" makes the document anew from the records (services/documents.make), e.g. after
  the real customer code arrived; only when the row knows which document it shows.
- "Save a copy…" first shows the warning that the copy is not encrypted, then asks where.

`DocumentsPanel` lists the documents of a household (or a work order) with a row of actions
each, made from the store when asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from fieldkit.services import documents, kept_documents, printing
from fieldkit.services.documents import DocumentRef
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
    QPrintDialog,
    QPrinter,
    QPushButton,
    QTimer,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)

VIEW_KEEP_MS = 10 * 60 * 1000  # the viewer has read the file long before; the copy then goes


def confirm_unencrypted_copy(parent: QWidget) -> bool:
    """The warning before any plain copy leaves the encrypted profile (documents, report exports)."""
    vi, en = kept_documents.COPY_WARNING.vi, kept_documents.COPY_WARNING.en
    text = vi if current_language() == "vi" else en
    title = QCoreApplication.translate("DocumentActions", "Save an unencrypted copy?")
    answer = QMessageBox.warning(parent, title, text,
                                 QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                                 QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Save


def _lang() -> Literal["vi", "en"]:
    return "en" if current_language() == "en" else "vi"


class DocumentActions(QWidget):
    opened = Signal(str)   # the private copy's path, once handed to the viewer
    printed = Signal(str)  # the printer the document was sent to ("" = default)
    made = Signal(object)  # the KeptDocument made again
    saved = Signal(str)    # the path of a copy the user saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.document: KeptDocument | None = None
        self.ref: DocumentRef | None = None
        self.open_button = QPushButton(objectName="OpenDocument")
        self.print_button = QPushButton(objectName="PrintDocument")
        self.make_button = QPushButton(objectName="MakeDocumentAgain")
        self.copy_button = QPushButton(objectName="SaveDocumentCopy")
        self.message = QLabel(objectName="DocumentMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for b in (self.open_button, self.print_button, self.make_button, self.copy_button):
            row.addWidget(b)
        row.addWidget(self.message, 1)
        self.open_button.clicked.connect(self.open_document)
        self.print_button.clicked.connect(self.print_document)
        self.make_button.clicked.connect(self.make_again)
        self.copy_button.clicked.connect(self.save_copy)
        # tests answer the dialogs through these (a real user sees QMessageBox / QFileDialog / QPrintDialog)
        self.confirm_copy = self._confirm_copy
        self.ask_path = self._ask_path
        self.ask_printer = self._ask_printer
        self.show_url = QDesktopServices.openUrl
        self.send_to_printer = printing.print_pdf
        self.keep_view_ms = VIEW_KEEP_MS
        self.retranslate()
        self.set_document(None, None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open to view or print"))
        self.print_button.setText(self.tr("Print…"))
        self.make_button.setText(self.tr("Make again"))
        self.copy_button.setText(self.tr("Save a copy…"))
        self.make_button.setToolTip(self.tr("Make the document again from the saved records (e.g. after the real "
                                            "customer code arrived)."))

    def set_document(self, session: Session | None, document: KeptDocument | None,
                     ref: DocumentRef | None = None) -> None:
        """Show actions for `document` (already made) and/or `ref` (made from the records when asked)."""
        self.session, self.document, self.ref = session, document, ref
        self.message.clear()
        self.make_button.setVisible(ref is not None)
        self.setVisible(document is not None or ref is not None)

    # --- what the buttons act on: the kept document, or the one made from the records now
    def _resolve(self, session: Session) -> KeptDocument:
        if self.document is not None:
            return self.document
        assert self.ref is not None
        return documents.current(session, self.ref, _lang())

    def _ready(self) -> Session | None:
        if self.session is None or (self.document is None and self.ref is None):
            return None
        return self.session

    def open_document(self) -> None:
        session = self._ready()
        if session is None:
            return
        Op(self, lambda: kept_documents.open_private(session, self._resolve(session))).success(self._opened) \
            .failure(self._failed).run_in_background()

    def _opened(self, path: Path) -> None:
        self.show_url(QUrl.fromLocalFile(str(path)))
        self.message.setText(self.tr("Opened in the PDF viewer. The unencrypted view is removed when you log out "
                                     "(or after 10 minutes)."))
        QTimer.singleShot(self.keep_view_ms, self, lambda p=path: kept_documents.remove_private_copy(p))
        self.opened.emit(str(path))

    # --- print
    def _ask_printer(self) -> tuple[str, int] | None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the document"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        return printer.printerName(), max(1, printer.copyCount())

    def print_document(self) -> None:
        session = self._ready()
        if session is None:
            return
        if not printing.can_print():
            self.message.setText(self.tr("This computer has no print service: open the document and print it "
                                         "from the PDF viewer."))
            return
        choice = self.ask_printer()
        if choice is None:
            return
        printer, copies = choice

        def job() -> str:
            path = kept_documents.open_private(session, self._resolve(session))
            try:
                spooled = self.send_to_printer(printing.PrintJob(path, printer, copies))
            except BaseException:
                kept_documents.remove_private_copy(path)
                raise
            if spooled:
                kept_documents.remove_private_copy(path)  # the spooler has its own copy
            return printer

        Op(self, job).success(self._printed).failure(self._failed).run_in_background()

    def _printed(self, printer: str) -> None:
        self.message.setText(self.tr("Sent to the printer %1.").replace("%1", printer or self.tr("(default)")))
        self.printed.emit(printer)

    # --- make again
    def make_again(self) -> None:
        session, ref = self.session, self.ref
        if session is None or ref is None:
            return
        lang = _lang()
        Op(self, lambda: documents.make(session, ref, lang)).success(self._made).failure(self._failed) \
            .run_in_background()

    def _made(self, document: KeptDocument) -> None:
        self.document = document
        self.message.setText(self.tr("Made again from the saved records. Open or print it."))
        self.made.emit(document)

    # --- save a copy
    def _confirm_copy(self) -> bool:
        return confirm_unencrypted_copy(self)

    def _ask_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), suggested,
                                              self.tr("PDF files (*.pdf)"))
        return str(path)

    def save_copy(self) -> None:
        session = self._ready()
        if session is None or not self.confirm_copy():
            return
        name = self.document.file_name if self.document else f"{self.ref.kind if self.ref else 'document'}.pdf"
        target = self.ask_path(name)
        if not target:
            return
        Op(self, lambda: kept_documents.save_copy(session, self._resolve(session), target)).success(self._saved) \
            .failure(self._failed).run_in_background()

    def _saved(self, path: Path) -> None:
        self.message.setText(self.tr("Copy saved: %1").replace("%1", str(path)))
        self.saved.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, printing.PrintError):
            self.message.setText(exc.words().text(current_language()))
            return
        self.message.setText(problem_text(exc))


class DocumentsPanel(QWidget):
    """The documents of a household or a work order, each with open / print / make again / save a copy."""

    def __init__(self, kinds: Sequence[str] = documents.KINDS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds = tuple(kinds)
        self.rows: list[tuple[QLabel, DocumentActions]] = []
        self.refs: list[DocumentRef] = []
        self.heading = QLabel(objectName="DocumentsHeading")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.heading)
        self.retranslate()
        self.setVisible(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def title_of(self, kind: str) -> str:
        titles = {
            "install_record": self.tr("Meter install / removal record"),
            "new_supply_request": self.tr("Request for electricity supply"),
            "contract": self.tr("Electricity purchase contract"),
            "household_sheet": self.tr("Household sheet"),
        }
        return titles.get(kind, kind)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Documents"))
        for (label, _actions), ref in zip(self.rows, self.refs, strict=True):
            label.setText(f"<b>{self.title_of(ref.kind)}</b>")

    def show_refs(self, session: Session | None, refs: Sequence[DocumentRef]) -> None:
        for label, actions in self.rows:
            label.deleteLater()
            actions.deleteLater()
        self.rows, self.refs = [], [r for r in refs if r.kind in self.kinds]
        for ref in self.refs:
            label = QLabel(f"<b>{self.title_of(ref.kind)}</b>")
            actions = DocumentActions()
            actions.set_document(session, None, ref)
            self.box.addWidget(label)
            self.box.addWidget(actions)
            self.rows.append((label, actions))
        self.setVisible(bool(self.rows))

    def show_customer(self, session: Session, customer_id: str) -> None:
        Op(self, lambda: documents.documents_of_customer(session, customer_id)) \
            .success(lambda refs: self.show_refs(session, refs)).failure(self._failed).run_in_background()

    def show_work_order(self, session: Session, work_order_id: str) -> None:
        Op(self, lambda: documents.documents_of_work_order(session, work_order_id)) \
            .success(lambda refs: self.show_refs(session, refs)).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self.heading.setText(problem_text(exc))
        self.setVisible(True)

    def actions_for(self, kind: str) -> DocumentActions | None:
        return next((a for (_l, a), r in zip(self.rows, self.refs, strict=True) if r.kind == kind), None)


def open_record_pdf(parent: QWidget, session: Session, entity: str, record_id: str,
                    done: Any = None) -> None:
    """For the review page: open the PDF of a submitted record (an install, an onboarding step or a
    work order) in the system viewer, made from the records; `done(path_or_exception)` when finished."""
    def opened(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        QTimer.singleShot(VIEW_KEEP_MS, parent, lambda p=path: kept_documents.remove_private_copy(p))
        if done:
            done(path)

    Op(parent, lambda: documents.open_record_pdf(session, entity, record_id, _lang())).success(opened) \
        .failure(done or (lambda _e: None)).run_in_background()
