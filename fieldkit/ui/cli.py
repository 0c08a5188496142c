"""`fieldkit gui [--profile DIR] [--lang vi|en]`: start the desktop app."""

from __future__ import annotations

import argparse
import os
import sys
import time

from fieldkit.store.profile import default_profile_dir


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

    from fieldkit.cli_args import existing_folder, fail
    from fieldkit.ui.app import Shell
    from fieldkit.ui.qt import QApplication

    if getattr(args, "profile", None):
        wrong = existing_folder(Path(args.profile))
        if wrong:  # an explicit --profile is never created: a typo must not start an empty profile
            return fail(f"error: {wrong} (to start a new profile there, create the empty folder first)")
    folder = getattr(args, "profile", None) or str(default_profile_dir())
    if (Path(folder) / "keyring.json").exists():
        from fieldkit.services import unlock

        try:
            unlock.profile_users(folder)
        except unlock.ProfileProblem as exc:
            return fail(f"error: {exc.text()}")
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))):
        print("FieldKit needs a screen: no DISPLAY or WAYLAND_DISPLAY is set. Start it from a desktop "
              "session, or run it headless with QT_QPA_PLATFORM=offscreen (`fieldkit doctor` checks this).",
              file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("FieldKit")
    app.setOrganizationName("FieldKit")
    shell = Shell(app, folder, language=getattr(args, "lang", None))
    app.aboutToQuit.connect(shell.shutdown)
    if getattr(args, "exit_after_start", False):
        return _exit_after_start(app, shell, args.user)
    shell.start()
    return int(app.exec())


def _exit_after_start(app, shell, user: str | None) -> int:  # type: ignore[no-untyped-def]
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
        print(f"cannot open the profile: {exc.en}", file=sys.stderr)
        return 1
    outcome = {"code": 1}

    def shown(win) -> None:  # type: ignore[no-untyped-def]
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
