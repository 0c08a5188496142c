"""Start-up benchmark (a script, not a test): python bench/startup.py [--profile DIR] [--runs 5]

Starts the app in a fresh process `--runs` times on a demo profile of realistic size
(80,000 customers; built once with `fieldkit demo-data`, reused) and prints the median wall
time to a usable window:

- login: the login window is shown (the user can type the PIN);
- main window shown: the PIN submitted at once through the login form (the real path: the key
  derivation, the page check and the main window's import in the login's `Op`), the main window shown;
- main window usable: and its first page's list of work orders filled (the user can pick one);
  also printed alone from the PIN's submission ("sign-in");
- and the same with the PIN submitted `--typing` seconds after the login window shows, as a person
  types it (the main window's code is imported meanwhile); the typing time is not counted.

Baselines measured in the same run: a bare interpreter (`python -c pass`) and an
interpreter that only imports Qt widgets; with `--compare DIR`, another checkout (e.g. the
code before a change) started alternately with this one, so both meet the same machine load. Also prints which heavy
modules the app had imported when its main window was up. Target: <= 1.5 s to each usable window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5

PROBE = r"""
import os, sys, time
t0 = float(sys.argv[1])
mode = sys.argv[2]
from fieldkit.ui.qt import QApplication, QTimer
app = QApplication(sys.argv[:1])
from fieldkit.ui.app import Shell
shell = Shell(app, os.environ["FK_PROFILE"], language="vi", start_auto_sync=False)
heavy = lambda: ",".join(m for m in ("reportlab", "fieldkit.documents.reports_pdf", "PIL", "qrcode", "requests",
                                     "fastapi", "sqlalchemy") if m in sys.modules) or "-"
def login_shown():
    print(f"login {time.time() - t0:.3f} {heavy()}", flush=True)
    if mode == "login":
        app.quit()
        return
    login_at = time.time() - t0
    typing = float(os.environ.get("FK_TYPING", "0")) if mode == "typed" else 0.0
    submitted = time.time() + typing
    def main_shown(win):
        print(f"shown {time.time() - t0:.3f} {heavy()}", flush=True)
        page = win.pages["work_orders"]
        def usable():  # the first page's list is filled: the user can pick an order
            if not page.loaded:
                QTimer.singleShot(5, usable)
                return
            if mode == "typed":  # the user's typing not counted: login window + sign-in
                print(f"typed {login_at + time.time() - submitted:.3f} -", flush=True)
            else:
                print(f"main {time.time() - t0:.3f} {heavy()}", flush=True)
                print(f"signin {time.time() - submitted:.3f} -", flush=True)
            app.quit()
        usable()
    shell.sessionStarted.connect(main_shown)
    # the real sign-in path: the PIN typed (at once) and submitted; the key derivation, the page
    # check and the main window's import run in the login's Op, off the UI thread
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText("246810")
    QTimer.singleShot(int(typing * 1000), form.submit)
shell.start()
QTimer.singleShot(0, login_shown)
QTimer.singleShot(60_000, app.quit)
app.exec()
from fieldkit.ui import ops
ops.wait_for_background()  # an Op still running at quit (the preload, the page check) ends first
os._exit(0)  # the figures are out; no teardown race with Qt's objects
"""


def wall(cmd: list[str], env: dict[str, str]) -> float:
    started = time.time()
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
    return time.time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default=os.path.join(tempfile.gettempdir(), "fieldkit-bench-80k"))
    parser.add_argument("--customers", type=int, default=80_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", help="another checkout to time in the same run, alternately")
    parser.add_argument("--typing", type=float, default=1.5,
                        help="also: the PIN submitted this long after the login window shows (a person typing "
                             "it); the typing time is not counted")
    args = parser.parse_args()
    folder = Path(args.profile)
    env = dict(os.environ, PYTHONPATH=str(ROOT), FK_PROFILE=str(folder), FK_TYPING=str(args.typing),
               FIELDKIT_CONFIG_DIR=tempfile.mkdtemp(prefix="fk-startup-config-"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not (folder / "fieldkit.db").exists():
        print(f"building the demo profile in {folder} …", flush=True)
        subprocess.run([sys.executable, "-m", "fieldkit", "demo-data", "--db", str(folder / "fieldkit.db"),
                        "--customers", str(args.customers)], env=env, cwd=ROOT, check=True)

    bare = [wall([sys.executable, "-c", "pass"], env) for _ in range(args.runs)]
    qt = [wall([sys.executable, "-c", "import PySide6.QtWidgets"], env) for _ in range(args.runs)]
    roots = {"this": ROOT, **({"compare": Path(args.compare).resolve()} if args.compare else {})}
    times: dict[str, dict[str, list[float]]] = {name: {"login": [], "shown": [], "main": [], "signin": [], "typed": []}
                                                for name in roots}
    heavy: dict[str, str] = {name: "" for name in roots}
    for mode in ("login", "main", "typed"):
        for _ in range(args.runs):
            for name, root in roots.items():  # alternately: the same load for both
                run_env = dict(env, PYTHONPATH=str(root))
                proc = subprocess.run([sys.executable, "-c", PROBE, repr(time.time()), mode], env=run_env, cwd=root,
                                      capture_output=True, text=True, timeout=120)
                if proc.returncode != 0:
                    raise SystemExit(f"{name} ({root}) failed:\n{proc.stderr[-2000:]}")
                out = proc.stdout
                for line in out.splitlines():
                    what, seconds, modules = line.split(" ", 2)
                    if what == mode or (mode == "main" and what in ("shown", "signin")):
                        times[name][what].append(float(seconds))
                    if what == "main":
                        heavy[name] = modules
    login, main_ = times["this"]["login"], times["this"]["main"]
    med = statistics.median
    print(f"runs: {args.runs} cold starts each, profile {folder}")
    print(f"baseline: bare interpreter          median {med(bare):.3f} s")
    print(f"baseline: interpreter + Qt widgets  median {med(qt):.3f} s")
    print(f"login window shown                  median {med(login):.3f} s  ({med(login) - med(bare):.3f} s over bare)")
    shown, signin = times["this"]["shown"], times["this"]["signin"]
    print(f"main window shown (after sign-in)   median {med(shown):.3f} s  ({med(shown) - med(bare):.3f} s over bare)")
    print(f"main window usable (orders listed)  median {med(main_):.3f} s  ({med(main_) - med(bare):.3f} s over bare)")
    print(f"  of which sign-in (PIN submitted to orders listed) median {med(signin):.3f} s")
    typed = times["this"]["typed"]
    print(f"main window usable, PIN typed in {args.typing} s (typing not counted) median {med(typed):.3f} s")
    print(f"heavy modules loaded at the main window: {heavy['this']}")
    if args.compare:
        other = times["compare"]
        print(f"compare {args.compare}: login median {med(other['login']):.3f} s, main median "
              f"{med(other['main']):.3f} s, typed {med(other['typed']):.3f} s, heavy modules: {heavy['compare']}")
    for what, runs in (("login window", login), ("main window, usable", main_),
                       (f"main window, usable, PIN typed in {args.typing} s", typed)):
        print(f"target {TARGET} s to a usable window: {'met' if med(runs) <= TARGET else 'NOT met'} ({what})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
