"""Sync: what waits to go to the central server, what it refused, when sync last worked.

First version shows the status (the same numbers as the status bar). The "Sync now"
action and the list of refused items are added by the sync work; put them in
`self.actions` (a row under the figures) and `self.details` (below it).
"""

from __future__ import annotations

from typing import Any

from fieldkit.ui.labels import format_number
from fieldkit.ui.pages import Page, PageContext
from fieldkit.ui.qt import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from fieldkit.ui.status_bar import format_last_sync


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
        self.actions = QHBoxLayout()
        self.actions.addWidget(self.refresh_button)
        self.actions.addStretch(1)
        self.details = QVBoxLayout()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.setSpacing(12)
        lay.addWidget(self.title)
        lay.addWidget(self.connection)
        lay.addWidget(card)
        lay.addLayout(self.actions)
        lay.addLayout(self.details)
        lay.addStretch(1)
        self.refresh_button.clicked.connect(ctx.refresh_status)
        self.retranslate()

    def on_shown(self) -> None:
        self.ctx.refresh_status()

    def on_status(self, outbox: Any, connectivity: Any) -> None:
        self.outbox, self.connectivity = outbox, connectivity
        self._render()

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
        self._render()
