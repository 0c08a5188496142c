"""Sync: what waits to go to the central server, what it refused, when sync last worked.

The figures are the status bar's. Below them: "Sync now" with progress and cancel, the
server address and enrolment code, the last failure with its reason, the clock warning,
and every operation the server refused with its reason. Sync runs in the background
(`Op`); its progress crosses to the UI thread through a signal. No SQL here: everything
goes through `fieldkit.services.sync`.
"""

from __future__ import annotations

import threading
from typing import Any

from fieldkit.services import sync
from fieldkit.ui.forms.enter_keys import EnterForward
from fieldkit.ui.labels import current_language, format_number, problem_text, sync_failure_text
from fieldkit.ui.ops import Op
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.qt import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QObject,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from fieldkit.ui.status_bar import format_last_sync


class _ProgressRelay(QObject):
    progressed = Signal(object)  # services.sync.Progress, emitted on the worker thread


class SyncPage(Page):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.outbox: Any = None
        self.connectivity: Any = None
        self.title = QLabel(objectName="PageTitle")
        self.connection = QLabel(objectName="Connection")
        card = QFrame(objectName="Card")
        grid = QGridLayout(card)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.waiting_caption, self.waiting = QLabel(), QLabel(objectName="WaitingValue")
        self.refused_caption, self.refused = QLabel(), QLabel(objectName="RefusedValue")
        self.last_caption, self.last = QLabel(), QLabel(objectName="LastSyncValue")
        for r, (cap, val) in enumerate(((self.waiting_caption, self.waiting), (self.refused_caption, self.refused),
                                        (self.last_caption, self.last))):
            val.setObjectName(val.objectName())
            val.setStyleSheet("font-weight: bold;")
            grid.addWidget(cap, r, 0)
            grid.addWidget(val, r, 1)
        grid.setColumnStretch(2, 1)
        self.refresh_button = QPushButton(objectName="Refresh")
        self.sync_button = QPushButton(objectName="SyncNow")
        self.cancel_button = QPushButton(objectName="CancelSync")
        self.cancel_button.setEnabled(False)
        self.progress_label = QLabel(objectName="SyncProgress")
        self.action_row = QHBoxLayout()
        self.action_row.addWidget(self.sync_button)
        self.action_row.addWidget(self.cancel_button)
        self.action_row.addWidget(self.refresh_button)
        self.action_row.addWidget(self.progress_label, 1)
        self.details = QVBoxLayout()
        self.error_label = QLabel(objectName="SyncError")
        self.error_label.setWordWrap(True)
        self.clock_label = QLabel(objectName="ClockWarning")
        self.clock_label.setWordWrap(True)
        server_box = QFrame(objectName="Card")
        form = QFormLayout(server_box)
        self.url_edit = QLineEdit(objectName="ServerUrl")
        self.code_edit = QLineEdit(objectName="EnrolCode")
        self.user_code_edit = QLineEdit(objectName="UserCode")
        self.enrol_button = QPushButton(objectName="Enrol")
        self.url_caption, self.code_caption, self.user_code_caption = QLabel(), QLabel(), QLabel()
        form.addRow(self.url_caption, self.url_edit)
        form.addRow(self.code_caption, self.code_edit)
        form.addRow(self.user_code_caption, self.user_code_edit)
        form.addRow("", self.enrol_button)
        self.refused_title = QLabel(objectName="RefusedTitle")
        self.refused_list = QListWidget(objectName="RefusedList")
        self.details.addWidget(self.error_label)
        self.details.addWidget(self.clock_label)
        self.details.addWidget(server_box)
        self.details.addWidget(self.refused_title)
        self.details.addWidget(self.refused_list)
        self._cancel: threading.Event | None = None
        self.last_report: sync.SyncReport | None = None
        self.failure_shown = False  # progress_label says "Sync failed."
        self.relay = _ProgressRelay(self)
        self.relay.progressed.connect(self._show_progress)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.setSpacing(12)
        lay.addWidget(self.title)
        lay.addWidget(self.connection)
        lay.addWidget(card)
        lay.addLayout(self.action_row)
        lay.addLayout(self.details)
        self.refresh_button.clicked.connect(ctx.refresh_status)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.enrol_button.clicked.connect(self.enrol)
        EnterForward(self, self.enrol, passive=[self.cancel_button])  # Enter: address, code, user code, enrol
        self.retranslate()
        self._load_details()

    def on_shown(self) -> None:
        self.ctx.refresh_status()
        self._load_details()

    # --- actions ---------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self._cancel is not None:
            return
        session = self.ctx.session
        self._cancel = cancel = threading.Event()
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress_label.setText(self.tr("Starting…"))
        relay = self.relay
        Op(self, lambda: sync.sync_now(session, relay.progressed.emit, cancel)) \
            .success(self._sync_done).failure(self._sync_failed).run_in_background()

    def cancel_sync(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.progress_label.setText(self.tr("Cancelling…"))

    def enrol(self) -> None:
        session, url, code = self.ctx.session, self.url_edit.text().strip(), self.code_edit.text().strip()
        user_code = self.user_code_edit.text().strip() or None
        if not url:
            self.error_label.setText(self.tr("Enter the server address first."))
            return

        def work() -> str | None:
            sync.configure(session, url)
            if code:
                return sync.enrol(session, code, user_code=user_code)
            if user_code:  # enrolled already: register this person's key for the laptop
                sync.register_me(session, user_code)
            return None

        self.enrol_button.setEnabled(False)
        Op(self, work).success(self._enrolled).failure(self._enrol_failed).run_in_background()

    # --- results (UI thread) ---------------------------------------------------------------------

    def _show_progress(self, p: sync.Progress) -> None:
        phase = {"upload": self.tr("Sending photos and files"), "push": self.tr("Sending records"),
                 "pull": self.tr("Receiving updates"), "done": self.tr("Finishing")}.get(p.phase, p.phase)
        self.progress_label.setText(self.tr("%1: %2 of %3 — %4 kB sent, %5 kB received")
                                    .replace("%1", phase).replace("%2", format_number(p.done))
                                    .replace("%3", format_number(p.total))
                                    .replace("%4", format_number(p.bytes_sent // 1000))
                                    .replace("%5", format_number(p.bytes_received // 1000)))

    def _sync_done(self, report: sync.SyncReport) -> None:
        self.last_report = report
        self._cancel = None
        self.sync_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.failure_shown = not report.ok and not report.cancelled
        if report.ok:
            self.progress_label.setText(self.tr("Synced: %1 sent, %2 received, %3 refused.")
                                        .replace("%1", format_number(report.pushed))
                                        .replace("%2", format_number(report.pulled))
                                        .replace("%3", format_number(report.rejected)))
        elif report.cancelled:
            self.progress_label.setText(self.tr("Sync cancelled; the rest goes next time."))
        else:
            self.progress_label.setText(self.tr("Sync failed."))
        self.ctx.refresh_status()
        self._load_details()

    def _sync_failed(self, exc: BaseException) -> None:
        self._cancel = None
        self.sync_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Sync failed."))
        self.failure_shown = True
        self.error_label.setText(problem_text(exc))

    def _enrolled(self, device_id: str | None) -> None:
        self.enrol_button.setEnabled(True)
        self.code_edit.clear()
        self.user_code_edit.clear()
        self.error_label.setText(self.tr("This computer is enrolled.") if device_id else
                                 self.tr("Server address saved."))
        self.ctx.refresh_status()
        self._load_details(keep_message=True)

    def _enrol_failed(self, exc: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        self.error_label.setText(self.tr("Enrolment failed: %1").replace("%1", problem_text(exc)))

    def _load_details(self, keep_message: bool = False) -> None:
        session = self.ctx.session
        Op(self, lambda: (sync.status(session), sync.quarantined(session))) \
            .success(lambda got: self._show_details(got, keep_message)).run_in_background()

    def _show_details(self, got: tuple[sync.SyncStatus, list[sync.Quarantined]], keep_message: bool) -> None:
        status, refused = got
        if status.server_url and not self.url_edit.hasFocus():
            self.url_edit.setText(status.server_url)
        if not keep_message:
            if status.last_error:
                self.error_label.setText(self.tr("Last failure: %1").replace("%1", sync_failure_text(status.last_error)))
            elif not status.enrolled:
                self.error_label.setText(self.tr("Not enrolled: enter the server address and the code "
                                                 "from your supervisor."))
            else:
                self.error_label.setText("")
        warning = sync.describe_skew(status.clock_skew_s)
        self.clock_label.setText(warning or "")
        self.refused_list.clear()
        for q in refused:
            self.refused_list.addItem(f"{q.entity} {q.entity_id[-8:]} ({q.action}): {q.message(current_language())}")

    def on_status(self, outbox: Any, connectivity: Any) -> None:
        before = getattr(self.outbox, "last_sync", None)
        self.outbox, self.connectivity = outbox, connectivity
        self._render()
        after = getattr(outbox, "last_sync", None)
        if after and after != before and self._cancel is None:
            # a sync succeeded since (the automatic one, or another page's): "Sync failed." and the
            # "Last failure" line are about an older one now
            if self.failure_shown:
                self.progress_label.setText("")
                self.failure_shown = False
            self._load_details()

    def _render(self) -> None:
        c = self.connectivity
        if c is None:
            self.connection.setText("")
        elif c.online:
            self.connection.setText(self.tr("Online: the central server can be reached."))
        elif c.reason == "no_server":
            self.connection.setText(self.tr("Offline: no server address is set (Settings)."))
        else:
            self.connection.setText(self.tr("Offline: the central server cannot be reached now."))
        o = self.outbox
        dash = "—"
        self.waiting.setText(format_number(o.waiting) if o else dash)
        self.refused.setText(format_number(o.quarantined) if o else dash)
        self.last.setText(format_last_sync(o.last_sync, self.tr("never")) if o else dash)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sync"))
        self.waiting_caption.setText(self.tr("Waiting to sync"))
        self.refused_caption.setText(self.tr("Refused by the server (needs a fix)"))
        self.last_caption.setText(self.tr("Last successful sync"))
        self.refresh_button.setText(self.tr("&Check again"))
        self.sync_button.setText(self.tr("&Sync now"))
        self.cancel_button.setText(self.tr("Ca&ncel"))
        self.url_caption.setText(self.tr("Server address"))
        self.code_caption.setText(self.tr("Enrolment code"))
        self.url_edit.setPlaceholderText("http://192.168.1.10:8765")
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX")
        self.user_code_caption.setText(self.tr("Your user code"))
        self.user_code_edit.setPlaceholderText("XXXX-XXXX-XXXX")
        self.user_code_edit.setToolTip(self.tr("The one-time code the administrator gave you: the server then "
                                               "knows your signature on this computer."))
        self.enrol_button.setText(self.tr("&Enrol this computer"))
        self.refused_title.setText(self.tr("Refused by the server, with the reason"))
        self._render()
