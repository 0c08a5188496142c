"""`fieldkit gui [--profile DIR] [--lang vi|en]`: start the desktop app."""

from __future__ import annotations

import argparse
import sys

from fieldkit.store.profile import default_profile_dir


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", metavar="DIR", help="profile folder (default: FIELDKIT_PROFILE or the "
                                                         "user data folder)")
    parser.add_argument("--lang", choices=("vi", "en"), help="UI language (remembered; default Vietnamese)")


def run(args: argparse.Namespace) -> int:
    from fieldkit.ui.app import Shell
    from fieldkit.ui.qt import QApplication

    folder = getattr(args, "profile", None) or str(default_profile_dir())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("FieldKit")
    app.setOrganizationName("FieldKit")
    shell = Shell(app, folder, language=getattr(args, "lang", None))
    app.aboutToQuit.connect(shell.shutdown)
    shell.start()
    return int(app.exec())
