"""Fast start: what the login window needs is all that loads before it (bench/startup.py measures the time;
this keeps the heavy modules from creeping back: the main window's pages, reportlab, numpy via
sqlite_utils, the HTTP client, PIL, qrcode)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("fieldkit.ui.main_window", "fieldkit.ui.pages.work_orders_page", "reportlab", "numpy", "sqlite_utils",
         "requests", "PIL", "qrcode", "fastapi", "sqlalchemy")


def test_the_login_window_loads_nothing_heavy(tmp_path):
    code = ("import sys\nfrom fieldkit.ui.qt import QApplication\napp = QApplication([])\n"
            "from fieldkit.ui.app import Shell\n"
            f"shell = Shell(app, {str(tmp_path / 'profile')!r}, language='vi', start_auto_sync=False)\n"
            "shell.start()\napp.processEvents()\nassert shell.login_window.isVisible()\n"
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               FIELDKIT_CONFIG_DIR=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = [m for m in out.stdout.strip().splitlines()[-1].split(",") if m] if out.stdout.strip() else []
    assert loaded == [], f"loaded before the login window: {loaded}"
