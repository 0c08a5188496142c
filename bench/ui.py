"""UI responsiveness benchmark (a script, not a test): python bench/ui.py [--profile DIR]

Opens the real app on a demo profile of realistic size (80,000 customers, 2,000 work
orders; built once with `fieldkit demo-data` and reused), signs in as the technician and
as the supervisor, visits every page and does the actions that grow with data (customer
search, report period change, review row), and prints the worst UI-thread stall of each
step, measured by the stall probe (`fieldkit/ui/stall_probe.py`: time inside one event,
minus time the thread waited for a CPU). Baseline in the same run: the worst stall of the
idle event loop over the same wait. Target: <= 100 ms everywhere.

    QT_QPA_PLATFORM=offscreen python bench/ui.py --profile /tmp/fk80k
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldkit.ui import ops  # noqa: E402
from fieldkit.ui.qt import QEventLoop, QTimer  # noqa: E402
from fieldkit.ui.stall_probe import ProbeApplication  # noqa: E402

USERS = (("lan", "246810"), ("hung", "135790"))
TARGET_MS = 100.0


def build_profile(folder: Path, customers: int) -> None:
    db = folder / "fieldkit.db"
    if db.exists():
        return
    print(f"building the demo profile in {folder} ({customers} customers; takes a while) …", flush=True)
    subprocess.run([sys.executable, "-m", "fieldkit", "demo-data", "--db", str(db), "--customers", str(customers)],
                   check=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def settle(app: ProbeApplication, quiet: float = 0.4, limit: float = 120.0) -> float:
    """Run the event loop until no background operation has been running for `quiet` s; return the time."""
    started = time.perf_counter()
    calm_since = None
    while time.perf_counter() - started < limit:
        spin(0.05)
        if ops._running or ops.pool().activeThreadCount():
            calm_since = None
        elif calm_since is None:
            calm_since = time.perf_counter()
        elif time.perf_counter() - calm_since >= quiet:
            break
    return time.perf_counter() - started


Result = tuple[str, str, float, float, str]  # page, step, worst stall (ms), settled in (s), where


def measure(app: ProbeApplication, page: str, name: str, action,  # type: ignore[no-untyped-def]
            results: list[Result]) -> None:
    app.probe.reset()
    started = time.perf_counter()
    QTimer.singleShot(0, action)  # inside an event, as a click or a key press would run it
    settle(app)
    took = time.perf_counter() - started
    worst = app.probe.worst
    results.append((page, name, worst.seconds * 1000, took, worst.what))
    print(f"  {name:<44} worst stall {worst.seconds * 1000:7.1f} ms   settled in {took:5.1f} s   {worst.what}",
          flush=True)


def visit(app: ProbeApplication, shell, folder: Path, user: str, pin: str,  # type: ignore[no-untyped-def]
          results: list[Result]) -> None:
    from fieldkit.services import session as sessions
    from fieldkit.ui.main_window import PAGES

    print(f"user {user}:")
    session = sessions.login(folder, user, pin)  # the KDF runs in an Op in the app; here before timing
    measure(app, "sign in", f"{user}: sign in, main window", lambda: shell.login_window.loggedIn.emit(session), results)
    win = shell.main_window
    assert win is not None
    for spec in PAGES:
        measure(app, spec.id, f"{user}: page {spec.id}", lambda sid=spec.id: win.go_to(sid), results)
    customers = win.go_to("customers")
    measure(app, "customers", f"{user}: customers, type 'nguyen van a'", lambda: customers.search.setText("nguyen van a"), results)
    measure(app, "customers", f"{user}: customers, scroll to the end", lambda: customers.table.scrollToBottom(), results)
    measure(app, "customers", f"{user}: customers, open a customer's page", lambda: customers.open_customer(0), results)
    measure(app, "customers", f"{user}: customer page, back to the list", lambda: customers.detail.back.emit(), results)
    review = win.go_to("review")
    reports = review.reports
    review.tabs.setCurrentWidget(reports)
    measure(app, "review", f"{user}: reports, period 'this year'",
            lambda: reports.period_combo.setCurrentIndex(reports.period_combo.findData("year")), results)
    if review.supervisor:
        review.tabs.setCurrentIndex(0)
        measure(app, "review", f"{user}: review, status 'all'",
                lambda: review.status_combo.setCurrentIndex(review.status_combo.findData("all")), results)
        measure(app, "review", f"{user}: review, first row's detail", lambda: review.table.selectRow(0), results)
    measure(app, "language", f"{user}: language switch to English", lambda: shell.set_language("en"), results)
    shell.set_language("vi")
    settle(app)
    shell.logout()
    settle(app)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default=os.path.join(tempfile.gettempdir(), "fieldkit-bench-80k"),
                        help="demo profile folder (built with --customers if missing)")
    parser.add_argument("--customers", type=int, default=80_000)
    parser.add_argument("--lang", default="vi")
    args = parser.parse_args()
    folder = Path(args.profile)
    build_profile(folder, args.customers)

    from fieldkit.ui.app import Shell

    app = ProbeApplication(sys.argv[:1])
    results: list[Result] = []
    config_dir = tempfile.mkdtemp(prefix="fk-bench-ui-config-")
    os.environ["FIELDKIT_CONFIG_DIR"] = config_dir

    print("baseline: idle event loop, 2 s")
    measure(app, "baseline", "idle event loop (baseline)", lambda: spin(2.0), results)
    shell = Shell(app, folder, language=args.lang, start_auto_sync=False)
    shell.start()
    for user, pin in USERS:
        visit(app, shell, folder, user, pin, results)
    shell.shutdown()

    base = results[0][2]
    steps = results[1:]
    worst = max(steps, key=lambda r: r[2])
    over = [r for r in steps if r[2] > TARGET_MS]
    print(f"\nworst stall per page (both users), target <= {TARGET_MS:.0f} ms; "
          f"baseline in the same run: idle event loop {base:.1f} ms")
    print(f"  {'page':<12} {'worst ms':>9}  {'over idle':>9}  step")
    for page in dict.fromkeys(r[0] for r in steps):
        top = max((r for r in steps if r[0] == page), key=lambda r: r[2])
        print(f"  {page:<12} {top[2]:9.1f}  {top[2] - base:+9.1f}  {top[1]} ({top[4]})")
    print(f"\nbaseline (idle loop) worst stall: {base:.1f} ms")
    print(f"worst stall of the app: {worst[2]:.1f} ms ({worst[1]}: {worst[4]})")
    print(f"steps over {TARGET_MS:.0f} ms: {len(over)} of {len(steps)}")
    for r in over:
        print(f"  {r[1]}: {r[2]:.0f} ms in {r[4]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
