"""Screenshots of the customer page and the progress dialog as a laptop shows them (under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/friction_shots.py OUTDIR --profile DIR
    QT_SCALE_FACTOR=1.25 xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python scripts/friction_shots.py ...

Signs in as the supervisor, opens the first customer of the list (Enter), saves the window, then
asks for the year report (on the 80,000-customer profile it runs for seconds, so the real
progress dialog shows) and saves the window with the dialog, in Vietnamese and English.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--profile", required=True)
    parser.add_argument("--langs", default="vi,en")
    args = parser.parse_args()
    os.environ["FIELDKIT_CONFIG_DIR"] = tempfile.mkdtemp(prefix="fk-shots-config-")
    from fieldkit.services import session as sessions
    from fieldkit.ui.app import Shell
    from fieldkit.ui.progress import ProgressDialog
    from fieldkit.ui.qt import QApplication, QEventLoop, Qt, QTimer

    app = QApplication(sys.argv[:1])

    def spin(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def until(check, seconds: float = 30) -> bool:  # type: ignore[no-untyped-def]
        for _ in range(int(seconds * 10)):
            if check():
                return True
            spin(0.1)
        return False

    screen = app.primaryScreen()
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    tag = f"{screen.size().width() * float(scale):.0f}x{screen.size().height() * float(scale):.0f}@{scale}"
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    for lang in args.langs.split(","):
        shell = Shell(app, args.profile, language=lang, start_auto_sync=False)
        shell.login_window.loggedIn.emit(sessions.login(Path(args.profile), "hung", "135790"))
        win = shell.main_window
        assert win is not None
        spin(1.0)
        page = win.go_to("customers")
        until(lambda: page.model.loaded_once and page.model.is_loaded(0))  # noqa: B023
        page.table.setFocus()
        page.table.setCurrentIndex(page.model.index(3, 0))
        page.open_customer(3)
        until(lambda: page.detail.view is not None)  # noqa: B023
        spin(0.8)
        win.grab().save(str(out / f"{tag}-{lang}-customer-page.png"))
        print(f"{tag} {lang}: customer page of {page.detail.title.text()}", flush=True)
        reports = win.go_to("review").reports
        spin(0.5)
        reports.period_combo.setCurrentIndex(reports.period_combo.findData("year"))
        shown = until(lambda: any(d.isVisible() for d in reports.findChildren(ProgressDialog)), 10)  # noqa: B023
        spin(1.5)
        dialogs = [d for d in reports.findChildren(ProgressDialog) if d.isVisible()]
        if shown and dialogs:
            screen_shot = screen.grabWindow(0)
            screen_shot.save(str(out / f"{tag}-{lang}-progress-dialog.png"))
            print(f"{tag} {lang}: progress dialog {dialogs[0].count.text()!r}", flush=True)
            dialogs[0].cancel_button.click()
            until(lambda: not any(d.isVisible() for d in reports.findChildren(ProgressDialog)), 30)  # noqa: B023
            spin(0.3)
            win.grab().save(str(out / f"{tag}-{lang}-report-cancelled.png"))
            print(f"{tag} {lang}: after Cancel {reports.message.text()!r}", flush=True)
        else:
            print(f"{tag} {lang}: the report finished before a dialog showed", flush=True)
        win.shutdown()
        win.close()
        shell.close_session()
        _ = Qt
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
