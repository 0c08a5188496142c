"""The meter install / replacement screen: the install form for one work order, Save (Ctrl+S)
saves the record and closes the work order in one service call, then writes the PDF."""

from __future__ import annotations

import os
from typing import Any

from fieldkit.domain.problems import ValidationError
from fieldkit.services import drafts, install_check, installs
from fieldkit.services.documents import DocumentRef
from fieldkit.services.install_check import Mismatch
from fieldkit.services.kept_documents import KeptDocument
from fieldkit.services.session import Session
from fieldkit.services.ui_queries import WorkOrderRow
from fieldkit.ui.config import Config
from fieldkit.ui.device_bridge import shared_worker
from fieldkit.ui.documents_view import DocumentActions
from fieldkit.ui.forms.autosave import DraftSaver
from fieldkit.ui.forms.draft_state import form_draft, restore_form, thumbnails
from fieldkit.ui.forms.enter_keys import EnterForward
from fieldkit.ui.forms.renderer import FormView, Reader
from fieldkit.ui.labels import KINDS, current_language, label, problem_text
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QEvent,
    QHBoxLayout,
    QHideEvent,
    QKeySequence,
    QLabel,
    QPushButton,
    QScrollArea,
    QShortcut,
    QVBoxLayout,
    QWidget,
    Signal,
)


def _gps_reader(port: str) -> Reader:
    from fieldkit.devices.nmea import position_from_fix, read_serial_fix

    return lambda: (lambda fix: position_from_fix(fix) if fix else None)(read_serial_fix(port, timeout=20))


def _readers(config: Config | None) -> dict[str, Reader]:
    """Probe and GPS readers for the ports in the settings (or FIELDKIT_PROBE_PORT / FIELDKIT_GPS_PORT)."""
    probe = os.environ.get("FIELDKIT_PROBE_PORT") or (config.get("probe_port") if config else "") or ""
    gps = os.environ.get("FIELDKIT_GPS_PORT") or (config.get("gps_port") if config else "") or ""
    out: dict[str, Reader] = {}
    if probe:
        # through the app's one device thread, like every other read
        out["probe"] = lambda: _probe_values(installs.read_meter_through_probe(probe, worker=shared_worker()))
    if gps:
        out["gps"] = _gps_reader(gps)
    return out


def _probe_values(result: Any) -> dict[str, Any]:
    """The registers the form fills in, the serial, and the whole reading under "reading" (the
    form compares it with what the technician typed; the field editor ignores it)."""
    regs: dict[str, Any] = dict(installs.probe_registers(result.registers))
    if result.serial:
        regs["serial"] = result.serial
    regs["reading"] = result
    return regs


class InstallForm(QWidget):
    saved = Signal(str)  # work order id
    closed = Signal()
    probe_read = Signal(object)  # the meter's reading (from the device thread, queued)

    def __init__(self, session: Session, row: WorkOrderRow, config: Config | None = None,
                 readers: dict[str, Reader] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("InstallForm")
        self.session = session
        self.row = row
        self.form_def = installs.form_for()
        self.document: KeptDocument | None = None
        self.document_actions = DocumentActions()
        self.saving = False
        self.title = QLabel(objectName="PageTitle")
        self.subtitle = QLabel(objectName="Muted")
        self.subtitle.setWordWrap(True)
        self.summary = QLabel(objectName="FormSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.summary_is_error = False
        # install verification: the last probe reading, and the mismatches the technician saw
        self.probe_result: Any = None
        self.mismatches: list[Mismatch] = []
        self.acknowledged: set[tuple[str, str, str]] = set()
        self.expected_serial = install_check.work_order_serial(session, row.id)
        self.checks = QLabel(objectName="InstallCheck")
        self.checks.setWordWrap(True)
        self.checks.setStyleSheet("color: #B00020; font-weight: bold;")
        self.checks.hide()
        # drafts: the form reopens where it was left (or pre-filled from a returned order's record)
        self.banner = QLabel(objectName="DraftBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.draft_status = QLabel(objectName="DraftStatus")
        self.start: drafts.InstallStart | None = None
        self.stored: set[str] = set()  # photos already in the encrypted attachment store
        given = dict(readers if readers is not None else _readers(config))
        if "probe" in given:
            given["probe"] = self._checked(given["probe"])
        self.view = FormView(self.form_def, given)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.view)
        self.back_button = QPushButton(objectName="Back")
        self.save_button = QPushButton(objectName="SaveInstall")
        self.save_button.setDefault(True)
        self.title.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.draft_status)
        top.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addWidget(self.banner)
        lay.addWidget(self.summary)
        lay.addWidget(self.checks)
        lay.addWidget(self.document_actions)
        lay.addWidget(self.scroll_area, 1)
        self.back_button.clicked.connect(self.leave)
        self.save_button.clicked.connect(self.save)
        self.probe_read.connect(self._probe_read)
        self.view.changed.connect(self._recheck)
        self.blank = self.view.values()
        self.saver = DraftSaver(self, self._draft, self._save_draft)
        self.saver.saved.connect(self._draft_saved)
        self.view.changed.connect(self.saver.schedule)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        # Enter: to the next field, after the last one Save; never Back or a signature's Clear
        EnterForward(self, self.save, passive=[self.back_button])
        QShortcut(QKeySequence("Escape"), self, activated=self.leave)
        self.retranslate()
        self._open_draft()

    # drafts -----------------------------------------------------------------------------
    def _open_draft(self) -> None:
        """Load the draft (or a returned order's record) in the background; the form waits for it."""
        self.draft_status.setText(self.tr("Opening…"))
        session, wo_id = self.session, self.row.id

        def load() -> tuple[drafts.InstallStart, dict[str, Any]]:
            start = drafts.open_install(session, wo_id)
            return start, thumbnails(start.files)  # photos decoded here, not on the UI thread

        Op(self, load).success(self._draft_opened).failure(self._draft_open_failed).run_in_background()

    def _draft_opened(self, loaded: tuple[drafts.InstallStart, dict[str, Any]]) -> None:
        start, thumbs = loaded
        self.start = start
        missing: list[str] = []
        if start.draft is not None:
            self.stored |= set(start.files)
            missing = restore_form(self.view, start.draft.data, start.files, thumbs)
        self.saver.start()
        if start.draft is None and self.view.values() != self.blank:
            self.saver.schedule()  # typed while the (empty) draft was being looked up
        self._show_banner(missing)
        self.draft_status.setText(self.tr("Draft saved") if start.draft is not None else "")

    def _draft_open_failed(self, exc: BaseException) -> None:
        self.start = drafts.InstallStart(None, None, False, "", False)
        self.saver.start()
        self._show_summary(problem_text(exc), True)

    def _show_banner(self, missing: list[str] | None = None) -> None:
        start = self.start
        if start is None:
            return
        lines: list[str] = []
        if start.returned:
            lines.append(self.tr("Returned by the supervisor: %1").replace("%1", start.comment or "—"))
            lines.append(self.tr("The submitted record is filled in (photos and signatures kept): "
                                 "change only what the comment asks, then save again."))
        elif start.draft is not None:
            lines.append(self.tr("Draft reopened: everything typed before is filled in."))
        if start.superseded:  # kept, never dropped silently (services.drafts.set_aside_stale)
            lines.append(self.tr("Your earlier draft of this order was overtaken by a record from another laptop "
                                 "or person; it is kept on the Today page, where you can read and discard it."))
        if missing:
            lines.append(self.tr("%1 photo(s) or signature(s) could not be found; add them again.")
                         .replace("%1", str(len(missing))))
        self.banner.setText("\n".join(lines))
        self.banner.setStyleSheet("background: #FFF4E5; border-left: 6px solid #E65100; padding: 6px 10px;"
                                  if start.returned else "background: #E8F0FE; padding: 6px 10px;")
        self.banner.setVisible(bool(lines))

    def _draft(self) -> tuple[dict[str, Any], list[bytes]] | None:
        if self.start is None:
            return None
        return form_draft(self.view, self.stored)

    def _save_draft(self, state: tuple[dict[str, Any], list[bytes]]) -> bool:  # in the background
        data, files = state
        base = self.start.base if self.start else None
        return drafts.save_install(self.session, self.row.id, data, files, base, self.form_def.version)

    def _draft_saved(self, written: bool) -> None:
        if written:
            self.draft_status.setText(self.tr("Draft saved"))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        """Another page, another order or sign-out: what was just typed is saved now, not lost with the timer."""
        self.saver.flush_pending()
        super().hideEvent(event)

    def leave(self) -> None:
        """Back to the list: asks nothing, loses nothing (the draft is saved now)."""
        self.saver.flush_pending()
        self.closed.emit()

    def retranslate(self) -> None:
        lang = current_language()
        self.title.setText(f"{self.form_def.title.get(lang)} — {self.row.number}")
        customer = f"{self.row.customer_name} ({self.row.customer_code})" if self.row.customer_code else "—"
        self.subtitle.setText(f"{label(KINDS, self.row.kind)} · {customer}"
                              + (f" · {self.row.address}" if self.row.address else ""))
        self.back_button.setText(self.tr("← Back to the list"))
        self._show_banner()
        self.save_button.setText(self.tr("&Save record (Ctrl+S)"))
        if self.probe_result is not None:
            self._show_checks()

    # install verification --------------------------------------------------------------
    def _checked(self, read: Reader) -> Reader:
        def reader() -> dict[str, Any] | None:  # on the Op's thread
            regs = read()
            if regs and "reading" in regs:
                self.probe_read.emit(regs.pop("reading"))
            return regs
        return reader

    def _probe_read(self, result: object) -> None:
        self.probe_result = result
        self._recheck()

    def _form_checks(self) -> list[Mismatch]:
        """The form against the probe's last read and the work order's meter (install_check.form_checks)."""
        return install_check.form_checks(self.view.values(), self.probe_result, kind=self.row.kind.value,
                                         work_order_serial=self.expected_serial)

    def _recheck(self) -> None:
        """Compare the form as it is now with the meter's last reading through the probe."""
        if self.summary_is_error and not any(ed.has_problems for ed in self.view.editors.values()):
            self.summary.hide()  # every problem it counted is fixed (typed, or filled by the probe)
            self.summary_is_error = False
        self.mismatches = self._form_checks()
        if self.probe_result is None and not self.mismatches:
            self.checks.hide()
            return
        self._show_checks()

    def _show_checks(self, asking: bool = False) -> None:
        lang = current_language()
        if not self.mismatches:
            self.checks.setText(self.tr("The meter read through the probe agrees with the form."))
            self.checks.setStyleSheet("color: #1B5E20;")
            self.checks.show()
            return
        head = self.tr("The meter read through the probe does not agree with the form:")
        lines = [head, *(f"• {m.message(lang)}" for m in self.mismatches)]
        if asking:
            lines.append(self.tr("Check the meter and the form. Press Save again to keep the record as it is."))
        self.checks.setText("\n".join(lines))
        self.checks.setStyleSheet("color: #B00020; font-weight: bold;")
        self.checks.show()

    def _unacknowledged(self) -> bool:
        """Mismatches the technician has not yet been asked about; asking acknowledges them."""
        self.mismatches = self._form_checks()
        keys = {(m.field, m.meter, m.form) for m in self.mismatches}
        if keys <= self.acknowledged:
            return False
        self.acknowledged |= keys
        self._show_checks(asking=True)
        self.scroll_area.ensureVisible(0, 0)
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_summary(self, text: str, error: bool) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #B00020; font-weight: bold;" if error else "color: #1B5E20;")
        self.summary_is_error = error
        self.summary.show()

    def save(self) -> None:
        if self.saving:
            return
        problems = self.view.check()
        if problems:
            self._show_summary(self.tr("Problems to fix before saving: %1. Nothing was lost.")
                               .replace("%1", str(len(problems))), True)
            ed = self.view.first_problem_editor(problems)
            if ed is not None:
                self.scroll_area.ensureWidgetVisible(ed)
            return
        if self._unacknowledged():
            self._show_summary(self.tr("The meter does not agree with the form (%1). Nothing was saved yet.")
                               .replace("%1", str(len(self.mismatches))), True)
            return
        session, wo_id, values, files = self.session, self.row.id, self.view.values(), self.view.files()
        lang = current_language()

        def work() -> KeptDocument:
            installs.complete_install(session, work_order_id=wo_id, values=values, files=files)
            return installs.save_record_pdf(session, wo_id, lang)

        self.saving = True
        self.saver.stop()  # the record replaces the draft (deleted in the same transaction)
        self.save_button.setEnabled(False)
        self._show_summary(self.tr("Saving…"), False)
        Op(self, work).success(self._saved).failure(self._failed).run_in_background()

    def _saved(self, document: KeptDocument) -> None:
        self.saving = False
        self.document = document  # kept encrypted; open / print / save a copy below
        self.document_actions.set_document(self.session, document, DocumentRef("install_record", self.row.id))
        self.draft_status.setText("")
        self._show_summary(self.tr("Saved. The work order is waiting for review. Record: %1")
                           .replace("%1", document.file_name), False)
        self.saved.emit(self.row.id)

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.saver.start()
        self.saver.schedule()
        if isinstance(exc, ValidationError):
            self.view.show_problems(exc.problems)
        self._show_summary(problem_text(exc), True)
