"""The application shell: language and style, the login window, then the main window.

    shell = Shell(app, profile_folder)      # reads settings.json (language, scale …)
    shell.start()                           # first-run or login screen
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldkit.services.session import Session
from fieldkit.store.keyring import KdfParams
from fieldkit.ui import style
from fieldkit.ui.config import Config
from fieldkit.ui.connectivity import Probe, session_probe
from fieldkit.ui.i18n import Translations, compile_stale
from fieldkit.ui.login import LoginWindow
from fieldkit.ui.ops import Op, wait_for_background
from fieldkit.ui.qt import QApplication, QMessageBox, QObject, QTimer, Signal

if TYPE_CHECKING:  # imported at sign-in: the login window does not need the pages (fast start)
    from fieldkit.ui.main_window import MainWindow

log = logging.getLogger(__name__)
_frozen = False
PRELOAD_AFTER_MS = 100
PAGE_CHECK_AFTER_MS = 2000


def _preload_main_window() -> None:
    """What the sign-in needs next, imported while the PIN is typed."""
    import importlib

    for module in ("fieldkit.ui.main_window", "fieldkit.services.health", "fieldkit.services.sync"):
        importlib.import_module(module)


class Shell(QObject):
    sessionStarted = Signal(object)  # MainWindow

    def __init__(self, app: QApplication, folder: str | Path, *, config: Config | None = None,
                 probe: Probe | None = None, language: str | None = None, params: KdfParams = KdfParams(),
                 start_auto_sync: bool = True):
        super().__init__(app)
        self.app = app
        self.folder = str(folder)
        Path(self.folder).mkdir(parents=True, exist_ok=True)
        self.config = config or Config.for_profile(self.folder)
        if language:
            self.config.set("language", language)
        self.probe = probe or session_probe(lambda: self.session,
                                            lambda: str(self.config.get("server_url") or ""))
        self.auto_sync: Any = None
        self.start_auto_sync = start_auto_sync
        self.translations = Translations()
        self.session: Session | None = None
        self.main_window: MainWindow | None = None
        style.apply(app, self.config.get("ui_scale"))
        self.translations.switch(self.config.get("language"))
        self.login_window = LoginWindow(self.folder, params)
        self.login_window.loggedIn.connect(self._logged_in)
        self.login_window.languageRequested.connect(self.set_language)
        self.login_window.set_language_button(self.translations.language)

    def start(self) -> None:
        def sweep() -> None:
            from fieldkit.services import kept_documents

            kept_documents.sweep_stale_private_copies()  # views a crashed run left in the temp folder

        Op(self, sweep).run_in_background()  # off the UI thread, and not before the first window
        # a checkout whose .ts changed since its .qm: compiled for the next switch and start, never
        # on the UI thread (a switch reads such a .ts directly meanwhile)
        Op(self, compile_stale).failure(lambda _e: None).run_in_background()
        self.login_window.refresh()
        self.login_window.show()
        # While the PIN is typed: the main window's code is imported off the UI thread (0.3-0.6 s;
        # the sign-in's Op imports it too, and then finds it loaded or waits for this import).
        # After the first paint, so the login window comes first.
        QTimer.singleShot(PRELOAD_AFTER_MS, self, lambda: Op(self, _preload_main_window)
                          .failure(lambda _e: None).run_in_background())

    def set_language(self, lang: str) -> None:
        self.config.set("language", lang)
        lang = self.translations.switch(lang)
        self.login_window.set_language_button(lang)
        if self.main_window is not None:
            self.main_window.set_language_button(lang)
            settings = self.main_window.pages.get("settings")
            if settings is not None and hasattr(settings, "sync_from_config"):
                settings.sync_from_config()

    def apply_setting(self, key: str, value: Any) -> None:
        if key == "language":
            self.set_language(str(value))
            return
        self.config.set(key, value)
        if key == "ui_scale":
            style.apply(self.app, str(value))
            if self.main_window is not None:
                self.main_window.apply_scale(str(value))
        if key == "server_url" and self.session is not None:
            self._adopt_server_url(self.session)
        if key == "server_url" and self.main_window is not None:
            self.main_window.status.refresh()

    def _adopt_server_url(self, session: Session) -> None:
        """The server address typed in Settings is the one sync uses (kept in the profile).
        Off the UI thread: reading the profile waits for its lock, which a background write may
        hold (242 ms at sign-in, caught by the stall probe). The sync module is imported there too:
        it brings the HTTP client (requests, 70-150 ms on the UI thread at the first sign-in)."""
        url = str(self.config.get("server_url") or "").strip()

        def work() -> str | None:
            from fieldkit.services import sync

            current = sync.server_url(session)
            if url and current != url:
                sync.configure(session, url)
                return None
            return current if not url and current else None

        def adopted(known: str | None) -> None:
            if known:
                self.config.set("server_url", known)
                if self.main_window is not None:
                    self.main_window.status.refresh()

        Op(self, work).success(adopted).run_in_background()

    def _warn_about_the_disk(self, win: MainWindow, session: Session) -> None:
        """A damaged database (the login's quick page check) or a disk nearly full: said at once,
        without blocking (the work that is still readable stays usable)."""
        from fieldkit.services import health

        warnings = health.login_warnings(session)
        if not warnings:
            return
        text = "\n\n".join(vi if self.translations.language == "vi" else en for vi, en in warnings)
        win.status.showMessage(text.replace("\n\n", " — "), 60_000)
        if session.store.damaged:
            box = QMessageBox(QMessageBox.Icon.Warning, "FieldKit", text, QMessageBox.StandardButton.Ok, win)
            box.setObjectName("DiskWarning")
            box.open()  # not modal to the event loop: the app keeps working
            self.disk_warning = box

    def _finish_page_check(self, win: MainWindow, session: Session) -> None:
        """The login checked the database's pages for 0.15 s (both ends first); the rest is checked
        in the background once the first page has had its data, and damage found is said as at login."""
        from fieldkit.services import health

        def found(damaged: bool) -> None:
            if damaged and self.main_window is win and self.session is session:
                self._warn_about_the_disk(win, session)

        QTimer.singleShot(PAGE_CHECK_AFTER_MS, win, lambda: Op(win, lambda: health.finish_page_check(session))
                          .success(found).failure(lambda e: log.warning("page check: %s", e)).run_in_background())

    def _logged_in(self, session: Session) -> None:
        self.session = session
        self._adopt_server_url(session)
        if self.start_auto_sync:
            from fieldkit.services.sync import AutoSyncService

            self.auto_sync = AutoSyncService(session)
            self.auto_sync.start()  # syncs by itself whenever the server becomes reachable
        from fieldkit.ui.main_window import MainWindow

        win = MainWindow(session, self.config, self.probe, self.apply_setting)
        win.set_language_button(self.translations.language)
        win.logoutRequested.connect(self.logout)
        win.languageRequested.connect(self.set_language)
        self.main_window = win
        win.show()
        self.login_window.hide()
        self._warn_about_the_disk(win, session)
        self._finish_page_check(win, session)
        # What start-up built lives as long as the app: keep it out of every later full garbage
        # collection (each one walked all of it, a visible pause on a slow laptop). Once per
        # process: a later sign-in's window is dropped at sign-out and must stay collectable.
        global _frozen
        if not _frozen:
            _frozen = True
            gc.freeze()
        self.sessionStarted.emit(win)

    def logout(self) -> None:
        win, self.main_window = self.main_window, None
        if win is not None:
            win.shutdown()
            win.hide()
            win.deleteLater()
        self.close_session()
        self.login_window.refresh()
        self.login_window.show()

    def close_session(self) -> None:
        if self.auto_sync is not None:
            self.auto_sync.stop()
            self.auto_sync = None
        wait_for_background()
        from fieldkit.services import kept_documents

        kept_documents.remove_private_copies()  # decrypted views of documents never outlive the session
        if self.session is not None:
            self.session.close()
            self.session = None

    def shutdown(self) -> None:
        if self.main_window is not None:
            self.main_window.shutdown()
        self.close_session()
