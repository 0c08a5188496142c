"""Screenshots of every page as the laptops show it (run under a real X server, e.g. Xvfb):

    xvfb-run -s "-screen 0 1366x768x24" python scripts/laptop_shots.py OUTDIR --profile DIR
    QT_SCALE_FACTOR=1.25 xvfb-run -s "-screen 0 1280x720x24" python scripts/laptop_shots.py ...

Signs in as the supervisor (every page), opens the main window as the app does, visits
each page in Vietnamese and English (normal and large mode) and saves the window as
`<w>x<h>@<scale>-<lang>-<mode>-<page>.png`. Prints, per page, whether the window fits the
screen's free area and the status bar is inside it; exits 1 if anything does not fit.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--profile", required=True)
    parser.add_argument("--user", default="hung")
    parser.add_argument("--pin", default="135790")
    parser.add_argument("--modes", default="normal,large", help="comma-separated: normal, large")
    parser.add_argument("--langs", default="vi,en", help="comma-separated: vi, en")
    args = parser.parse_args()
    os.environ["FIELDKIT_CONFIG_DIR"] = tempfile.mkdtemp(prefix="fk-shots-config-")
    from fieldkit.services import session as sessions
    from fieldkit.ui import style
    from fieldkit.ui.app import Shell
    from fieldkit.ui.main_window import PAGES
    from fieldkit.ui.qt import QApplication, QEventLoop, QTimer, QWidget

    app = QApplication(sys.argv[:1])

    def spin(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    screen = app.primaryScreen()
    free = screen.availableGeometry()
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    tag = f"{screen.size().width() * float(scale):.0f}x{screen.size().height() * float(scale):.0f}@{scale}"
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    problems = 0
    print(f"screen {tag}: free area {free.width()}x{free.height()} logical px")
    for mode in args.modes.split(","):
        for lang in args.langs.split(","):
            shell = Shell(app, args.profile, language=lang, start_auto_sync=False)
            shell.config.set("ui_scale", mode)
            style.apply(app, mode)
            session = sessions.login(Path(args.profile), args.user, args.pin)
            shell.login_window.loggedIn.emit(session)
            win = shell.main_window
            assert win is not None
            for spec in PAGES:
                win.go_to(spec.id)
                started = time.monotonic()
                spin(0.6 if spec.id != "review" else 2.0)
                frame = win.frameGeometry()
                bar = win.statusBar()
                bar_bottom = bar.mapTo(win, bar.rect().bottomLeft()).y()
                fits = free.contains(frame) and bar.isVisible() and bar_bottom <= win.height()
                problems += not fits
                path = out / f"{tag}-{lang}-{mode}-{spec.id}.png"
                win.grab().save(str(path))
                print(f"  {lang} {mode:<6} {spec.id:<12} window {frame.width()}x{frame.height()} "
                      f"min {win.minimumSizeHint().width()}x{win.minimumSizeHint().height()} "
                      f"{'fits' if fits else 'DOES NOT FIT'} ({time.monotonic() - started:.1f} s)", flush=True)
            # the customer page (a Customers row opened): the customer of the first work order, which
            # has a meter and a reading history
            from fieldkit.services import ui_queries

            orders = [o for o in ui_queries.my_work_orders(session) if o.customer_code]
            if orders:
                customers = win.go_to("customers")
                customers.search.setText(orders[0].customer_code)
                spin(1.0)
                customers.open_customer(0)
                detail = customers.detail
                waited = time.monotonic()
                while detail.view is None and time.monotonic() - waited < 30:  # read in the background
                    spin(0.1)
                spin(0.3)
                chart = detail.findChild(QWidget, "CustomerHistory")
                in_view = chart is not None and chart.isVisible() and not chart.visibleRegion().isEmpty()
                win.grab().save(str(out / f"{tag}-{lang}-{mode}-customer.png"))
                problems += not in_view
                print(f"  {lang} {mode:<6} customer     chart {'in view' if in_view else 'NOT IN VIEW'}", flush=True)
            shell.logout()
            spin(0.3)
            shell.shutdown()
            shell.login_window.close()
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
