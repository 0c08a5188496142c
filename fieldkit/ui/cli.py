"""`fieldkit gui [--profile DIR] [--lang vi|en]`: start the desktop app."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import TYPE_CHECKING

from fieldkit.store.profile import default_profile_dir

if TYPE_CHECKING:  # imported when the window opens, not at start-up
    from fieldkit.ui.app import Shell
    from fieldkit.ui.qt import QApplication, QWidget


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", metavar="DIR", help="profile folder (default: FIELDKIT_PROFILE or the "
                                                         "user data folder)")
    parser.add_argument("--lang", choices=("vi", "en"), help="UI language (remembered; default Vietnamese)")
    parser.add_argument("--exit-after-start", action="store_true",
                        help="start-up check: sign in as --user with the PIN in FIELDKIT_PIN, open the main "
                             "window, print the time it took and quit")
    parser.add_argument("--user", default=os.environ.get("FIELDKIT_USER"),
                        help="user for --exit-after-start (default: FIELDKIT_USER)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from fieldkit.cli_args import fail
    from fieldkit.domain.messages import Texts, set_language
    from fieldkit.ui.app import Shell
    from fieldkit.ui.config import Config
    from fieldkit.ui.qt import QApplication

    _M = Texts("ui.cli")
    folder = getattr(args, "profile", None) or str(default_profile_dir())
    # the field staff's language before the window opens: --lang, else the one the app remembers (Vietnamese)
    set_language(getattr(args, "lang", None) or (str(Config.for_profile(folder).get("language"))
                                                 if Path(folder).is_dir() else "vi"))
    if getattr(args, "profile", None):
        profile = Path(args.profile)
        # an explicit --profile is never created: a typo must not start an empty profile
        if not profile.exists():
            return fail(_M.text("Error: the profile folder {path} does not exist; check the path (to start a new "
                                "profile there, create the empty folder first).", path=str(profile)))
        if not profile.is_dir():
            return fail(_M.text("Error: {path} is not a folder; give the profile folder.", path=str(profile)))
    if (Path(folder) / "keyring.json").exists():
        from fieldkit.services import unlock

        try:
            unlock.profile_users(folder)
        except unlock.ProfileProblem as exc:
            return fail(_M.text("Error: {problem}", problem=exc.message.text()))  # in the laptop's language
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))):
        print(_M.text("FieldKit needs a screen: DISPLAY or WAYLAND_DISPLAY is not set. Start it from the desktop, "
                      "or without a screen with QT_QPA_PLATFORM=offscreen (`fieldkit doctor` checks this)."),
              file=sys.stderr)
        return 2
    existing = QApplication.instance()  # a QApplication (widgets need one), made once
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("FieldKit")
    app.setOrganizationName("FieldKit")
    shell = Shell(app, folder, language=getattr(args, "lang", None))
    app.aboutToQuit.connect(shell.shutdown)
    if getattr(args, "exit_after_start", False):
        return _exit_after_start(app, shell, args.user)
    shell.start()
    return int(app.exec())


def _exit_after_start(app: QApplication, shell: Shell, user: str | None) -> int:
    """Sign in without the login form, wait until the main window is shown, then quit (exit 0)."""
    from fieldkit.services import unlock
    from fieldkit.ui.qt import QTimer

    pin = os.environ.get("FIELDKIT_PIN")
    if not user or not pin:
        print("--exit-after-start needs --user (or FIELDKIT_USER) and FIELDKIT_PIN", file=sys.stderr)
        return 2
    try:
        session = unlock.login(shell.folder, user, pin)
    except unlock.ProfileProblem as exc:
        print(f"cannot open the profile: {exc.en}", file=sys.stderr)  # a test and support switch: English
        return 1
    outcome = {"code": 1}

    def shown(win: QWidget) -> None:  # the MainWindow
        def done() -> None:
            if win.isVisible():
                outcome["code"] = 0
                print(f"main window shown after {time.process_time():.2f} s CPU; "
                      f"language {shell.translations.language} ({shell.translations.source})", flush=True)
            app.quit()
        QTimer.singleShot(0, done)

    shell.sessionStarted.connect(shown)
    QTimer.singleShot(120_000, app.quit)  # never hang a script
    shell.login_window.loggedIn.emit(session)
    app.exec()
    return outcome["code"]
