"""`fieldkit doctor`: check what FieldKit needs, one line each: ok, warn or FAIL with a fix.

Qt is checked in a child process, so this module stays Qt-free and a Qt start-up crash
(a missing system library aborts the process) is reported instead of killing the doctor.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldkit import __version__


@dataclass
class Check:
    status: str  # ok | warn | FAIL
    name: str
    detail: str
    fix: str = ""


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", type=Path, help="profile folder (default: the user's FieldKit profile)")
    parser.add_argument("--user", help="user name, to unlock the database and check its integrity "
                                       "(PIN from FIELDKIT_PIN)")
    from fieldkit.cli_args import http_url

    parser.add_argument("--server", type=http_url, help="central server URL to check (default: FIELDKIT_SERVER or settings)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--recover", action="store_true",
                        help="if the database is damaged: copy every readable row into a new encrypted database, "
                             "keep the damaged one aside and put the copy in its place (needs --user)")


def check_python() -> Check:
    v = sys.version_info
    if v < (3, 11):
        return Check("FAIL", "python", f"{v.major}.{v.minor}", "FieldKit needs Python 3.11 or newer")
    return Check("ok", "python", f"{v.major}.{v.minor}.{v.micro}, fieldkit {__version__}")


QT_PROBE = (
    "import sys\n"
    "from PySide6.QtGui import QGuiApplication\n"
    "from PySide6.QtCore import qVersion\n"
    "app = QGuiApplication(sys.argv[:1])\n"
    "print(app.platformName(), qVersion())\n"
)


def _run_qt_probe(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", QT_PROBE], capture_output=True, text=True, timeout=60, env=env)


def check_qt() -> Check:
    env = dict(os.environ)
    try:
        r = _run_qt_probe(env)
        if r.returncode != 0 and not env.get("QT_QPA_PLATFORM") and not (
            env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")
        ):
            headless = _run_qt_probe({**env, "QT_QPA_PLATFORM": "offscreen"})
            if headless.returncode == 0:
                return Check("warn", "qt", f"no display; Qt works headless ({headless.stdout.strip()})",
                             "start FieldKit from a desktop session (DISPLAY is not set)")
    except subprocess.TimeoutExpired:
        return Check("FAIL", "qt", "Qt did not start within 60 s", "check the display (DISPLAY / WAYLAND_DISPLAY)")
    if r.returncode != 0:
        lines = r.stderr.strip().splitlines() or ["no output"]
        reason = next((ln for ln in lines if "could not" in ln.lower() or "error" in ln.lower()), lines[-1])
        fix = ("install Qt's system libraries (Debian: apt-get install libegl1 libxkbcommon-x11-0 libxcb-cursor0 "
               "libfontconfig1), or run headless with QT_QPA_PLATFORM=offscreen")
        return Check("FAIL", "qt", reason[:200], fix)
    name, _, version = r.stdout.strip().partition(" ")
    return Check("ok", "qt", f"Qt {version}, platform '{name}'")


def check_serial() -> Check:
    try:
        from serial.tools import list_ports
    except ImportError:
        return Check("FAIL", "serial", "pyserial is not installed", "reinstall FieldKit (pip install -e .)")
    ports = list(list_ports.comports())
    probes: list[str] = []
    try:
        from fieldkit.devices import discovery

        probes = [str(getattr(p, "device", p)) for p in discovery.find_probes()]  # type: ignore[attr-defined]
    except Exception:  # discovery is optional here; plain port listing still helps
        probes = []
    if not ports:
        return Check("warn", "serial", "no serial ports seen",
                     "plug in the optical probe; on Linux add the user to the 'dialout' group")
    names = ", ".join(p.device for p in ports[:6])
    detail = f"{len(ports)} port(s): {names}" + (f"; probe(s): {', '.join(probes)}" if probes else "")
    return Check("ok", "serial", detail)


def _database_checks(s: Any, recover: bool) -> list[Check]:
    """The full check (every page's HMAC, then SQLite's integrity check) and, with --recover,
    the way out for a damaged profile. Closes the session."""
    from fieldkit.services import health

    closed = False
    try:
        full = health.full_check(s)
        p = full.pages
        try:
            waiting = s.store.query("SELECT count(*) FROM outbox WHERE state='pending'")[0][0]
        except Exception:
            waiting = "?"
        detail = (f"integrity {full.sqlite}, schema {s.store.version}, {waiting} item(s) waiting to sync; "
                  f"{p.checked} pages checked in {p.seconds} s, {len(p.bad)} damaged"
                  + (f" (pages {', '.join(map(str, p.bad[:10]))}{' …' if len(p.bad) > 10 else ''})" if p.bad else ""))
        if full.ok:
            return [Check("ok", "database", detail)]
        if not recover:
            return [Check("FAIL", "database", detail,
                          "sync now if you can, then run again with --recover: it copies every readable row into "
                          "a new encrypted database and keeps the damaged one aside")]
        rec = health.recover(s)
        closed = True
        return [Check("FAIL", "database", detail),
                Check("ok", "recovery", f"{rec.report.summary()} in {rec.seconds} s; damaged file kept as "
                      f"{rec.damaged_copy.name}",
                      "log in and sync now (pending work is pushed), then re-create the profile from the server")]
    finally:
        if not closed:
            s.close()


def check_profile(folder: Path, user: str | None, explicit: bool = False, recover: bool = False) -> list[Check]:
    from fieldkit.services import unlock
    from fieldkit.store.profile import DB_FILE

    checks: list[Check] = []
    db = folder / DB_FILE
    if not folder.exists() and explicit:
        return [Check("FAIL", "profile", f"the profile folder {folder} does not exist", "check --profile")]
    if not db.exists() and not (folder / "keyring.json").exists():
        return [Check("FAIL" if explicit else "warn", "database", f"no profile in {folder}",
                      "start FieldKit once to create it, or: fieldkit demo-data --db PATH")]
    try:
        users = unlock.profile_users(folder)
    except unlock.ProfileProblem as exc:
        return [Check("FAIL", "keyring", exc.en, "restore keyring.json from a backup, or re-create the "
                      "profile from the server")]
    checks.append(Check("ok", "keyring", f"{len(users)} user(s)"))
    status, detail, fix = unlock.protection(folder)  # device secret and recovery seal (issue 11)
    checks.append(Check(status, "keys", detail, fix))
    if not db.exists():
        return [*checks, Check("FAIL", "database", f"{db} is missing", "re-create the profile from the server")]
    with open(db, "rb") as f:
        header = f.read(16)
    if header.startswith(b"SQLite format 3"):
        checks.append(Check("FAIL", "encryption", "the database is NOT encrypted", "re-create the profile"))
    else:
        checks.append(Check("ok", "encryption", f"{db} is encrypted ({db.stat().st_size / 1e6:.1f} MB)"))
    pin = os.environ.get("FIELDKIT_PIN")
    if user and pin:
        try:
            s = unlock.login(folder, user, pin)
        except unlock.ProfileProblem as exc:
            fix = "check --user and FIELDKIT_PIN" if exc.code in ("wrong_pin", "no_user") else ""
            if exc.code == "damaged":
                fix = "page 1 (the schema) is unreadable: nothing can be recovered here; re-create the profile " \
                      "from the server (fieldkit sync --enrol CODE on a new profile)"
            checks.append(Check("FAIL", "database", exc.en, fix))
            return checks
        checks += _database_checks(s, recover)
    else:
        checks.append(Check("warn", "database", "integrity not checked (locked)",
                            "run with --user NAME and FIELDKIT_PIN set to check integrity"))
    return checks


def check_disk(folder: Path) -> Check:
    from fieldkit.store import disk

    free = disk.free_bytes(folder)
    low = disk.low_space(folder)
    if low is not None:
        return Check("warn", "disk", low.en, "delete files you do not need or sync soon")
    if folder.exists():
        blocked = disk.writable(folder)
        if blocked is not None:
            return Check("FAIL", "disk", blocked.en)
    return Check("ok", "disk", f"{free / 1e9:.1f} GB free")


def _configured_server(folder: Path) -> str | None:
    if os.environ.get("FIELDKIT_SERVER"):
        return os.environ["FIELDKIT_SERVER"]
    for candidate in (folder / "settings.json", Path(os.environ.get("FIELDKIT_CONFIG_DIR", "")) / "settings.json"):
        try:
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        url = data.get("server_url") or data.get("sync", {}).get("server_url") if isinstance(data, dict) else None
        if url:
            return str(url)
    return None


def check_server(url: str | None) -> Check:
    if not url:
        return Check("ok", "server", "no central server configured (offline use)")
    import requests

    try:
        r = requests.get(url.rstrip("/") + "/openapi.json", timeout=5)
    except requests.RequestException as exc:
        return Check("warn", "server", f"{url} not reachable: {type(exc).__name__}",
                     "no signal is normal in the field; work is kept and syncs later")
    if r.status_code >= 500:
        return Check("warn", "server", f"{url} answered {r.status_code}", "the server has a problem; try later")
    return Check("ok", "server", f"{url} reachable (HTTP {r.status_code})")


def run(args: argparse.Namespace) -> int:
    from fieldkit.store.profile import default_profile_dir

    folder: Path = args.profile or default_profile_dir()
    steps: list[Callable[[], list[Check]]] = [
        lambda: [check_python()],
        lambda: [check_qt()],
        lambda: [check_serial()],
        lambda: check_profile(folder, args.user, explicit=args.profile is not None, recover=args.recover),
        lambda: [check_disk(folder)],
        lambda: [check_server(args.server or _configured_server(folder))],
    ]
    results: list[Check] = []
    for step in steps:
        try:
            results += step()
        except Exception as exc:  # a doctor never dies with a stack trace
            results.append(Check("FAIL", "doctor", f"{type(exc).__name__}: {exc}"))
    if args.json:
        print(json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=1))
    else:
        for r in results:
            print(f"{r.status:4}  {r.name:10} {r.detail}" + (f"\n      fix: {r.fix}" if r.fix else ""))
    return 1 if any(r.status == "FAIL" for r in results) else 0
