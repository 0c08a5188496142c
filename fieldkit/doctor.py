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
from fieldkit.domain.messages import Message, Texts, verbatim

_M = Texts("doctor")
# what the field staff read (the laptop's language); --json keeps the English codes and texts for support tools
STATUS = {"ok": _M.noop("ok"), "warn": _M.noop("warn"), "FAIL": _M.noop("FAIL")}
NAMES = {"python": "python", "qt": "qt", "serial": _M.noop("serial"), "profile": _M.noop("profile"),
         "database": _M.noop("database"), "keyring": _M.noop("keyring"), "keys": _M.noop("keys"),
         "encryption": _M.noop("encryption"), "recovery": _M.noop("recovery"), "disk": _M.noop("disk"),
         "server": _M.noop("server"), "doctor": _M.noop("doctor")}


@dataclass
class Check:
    status: str  # ok | warn | FAIL
    name: str
    detail: Message | str
    fix: Message | str = ""

    def to_json(self) -> dict[str, str]:
        return {"status": self.status, "name": self.name, "detail": _said(self.detail, "en"),
                "fix": _said(self.fix, "en")}

    def line(self, lang: str | None = None) -> str:
        status = _M.text(STATUS.get(self.status, self.status), lang)
        name = _M.text(NAMES[self.name], lang) if self.name in NAMES else self.name
        fix = _said(self.fix, lang)
        return f"{status:5} {name:14} {_said(self.detail, lang)}" + (
            "\n      " + _M.text("fix: {fix}", lang, fix=fix) if fix else "")


def _said(text: Message | str, lang: str | None) -> str:
    return text if isinstance(text, str) else text.text(lang)


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
        return Check("FAIL", "python", f"{v.major}.{v.minor}", _M("FieldKit needs Python 3.11 or newer"))
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
                return Check("warn", "qt", _M("no display; Qt works without a screen ({qt})",
                                              qt=headless.stdout.strip()),
                             _M("start FieldKit from the desktop (DISPLAY is not set)"))
    except subprocess.TimeoutExpired:
        return Check("FAIL", "qt", _M("Qt did not start within 60 s"),
                     _M("check the display (DISPLAY / WAYLAND_DISPLAY)"))
    if r.returncode != 0:
        lines = r.stderr.strip().splitlines() or ["no output"]
        reason = next((ln for ln in lines if "could not" in ln.lower() or "error" in ln.lower()), lines[-1])
        fix = _M("install Qt's system libraries (Debian: apt-get install libegl1 libxkbcommon-x11-0 libxcb-cursor0 "
                 "libfontconfig1), or run without a screen with QT_QPA_PLATFORM=offscreen")
        return Check("FAIL", "qt", reason[:200], fix)
    name, _, version = r.stdout.strip().partition(" ")
    return Check("ok", "qt", _M("Qt {version}, platform '{name}'", version=version, name=name))


def check_serial() -> Check:
    try:
        from serial.tools import list_ports
    except ImportError:
        return Check("FAIL", "serial", _M("pyserial is not installed"), _M("reinstall FieldKit"))
    ports = list(list_ports.comports())
    probes: list[str] = []
    try:
        from fieldkit.devices import discovery

        probes = [str(getattr(p, "device", p)) for p in discovery.find_probes()]  # type: ignore[attr-defined]
    except Exception:  # discovery is optional here; plain port listing still helps
        probes = []
    if not ports:
        return Check("warn", "serial", _M("no serial ports seen"),
                     _M("plug in the optical probe; on Linux add the user to the 'dialout' group"))
    names = ", ".join(p.device for p in ports[:6])
    detail = (_M("{count} port(s): {names}; probe(s): {probes}", count=str(len(ports)), names=names,
                 probes=", ".join(probes)) if probes else
              _M("{count} port(s): {names}", count=str(len(ports)), names=names))
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
        pages = f" ({', '.join(map(str, p.bad[:10]))}{' …' if len(p.bad) > 10 else ''})" if p.bad else ""
        detail = _M("integrity {sqlite}, schema {schema}, {waiting} item(s) waiting to sync; {checked} pages "
                    "checked in {seconds} s, {bad} damaged{pages}", sqlite=str(full.sqlite), schema=str(s.store.version),
                    waiting=str(waiting), checked=str(p.checked), seconds=str(p.seconds), bad=str(len(p.bad)),
                    pages=pages)
        if full.ok:
            return [Check("ok", "database", detail)]
        if not recover:
            return [Check("FAIL", "database", detail,
                          _M("sync now if you can, then run again with --recover: it copies every readable row into "
                             "a new encrypted database and keeps the damaged one aside"))]
        rec = health.recover(s)
        closed = True
        return [Check("FAIL", "database", detail),
                Check("ok", "recovery", _M("{summary} in {seconds} s; damaged file kept as {name}",
                                           summary=rec.report.summary(), seconds=str(rec.seconds),
                                           name=rec.damaged_copy.name),
                      _M("log in and sync now (pending work is pushed), then re-create the profile from the server"))]
    finally:
        if not closed:
            s.close()


def check_profile(folder: Path, user: str | None, explicit: bool = False, recover: bool = False) -> list[Check]:
    from fieldkit.services import unlock
    from fieldkit.store.profile import DB_FILE

    checks: list[Check] = []
    db = folder / DB_FILE
    if not folder.exists() and explicit:
        return [Check("FAIL", "profile", _M("the profile folder {folder} does not exist", folder=str(folder)),
                      _M("check --profile"))]
    if not db.exists() and not (folder / "keyring.json").exists():
        return [Check("FAIL" if explicit else "warn", "database", _M("no profile in {folder}", folder=str(folder)),
                      _M("start FieldKit once to create it, or: fieldkit demo-data --db PATH"))]
    try:
        users = unlock.profile_users(folder)
    except unlock.ProfileProblem as exc:
        return [Check("FAIL", "keyring", exc.message, _M("restore keyring.json from a backup, or re-create the "
                                                         "profile from the server"))]
    checks.append(Check("ok", "keyring", _M("{count} user(s)", count=str(len(users)))))
    status, detail, fix = unlock.protection_words(folder)  # device secret and recovery seal (issue 11)
    checks.append(Check(status, "keys", detail, fix))
    if not db.exists():
        return [*checks, Check("FAIL", "database", _M("{path} is missing", path=str(db)),
                               _M("re-create the profile from the server"))]
    with open(db, "rb") as f:
        header = f.read(16)
    if header.startswith(b"SQLite format 3"):
        checks.append(Check("FAIL", "encryption", _M("the database is NOT encrypted"), _M("re-create the profile")))
    else:
        checks.append(Check("ok", "encryption", _M("{path} is encrypted ({size} MB)", path=str(db),
                                                   size=f"{db.stat().st_size / 1e6:.1f}")))
    pin = os.environ.get("FIELDKIT_PIN")
    if user and pin:
        try:
            s = unlock.login(folder, user, pin)
        except unlock.ProfileProblem as exc:
            fix = _M("check --user and FIELDKIT_PIN") if exc.code in ("wrong_pin", "no_user") else ""
            if exc.code == "damaged":
                fix = _M("page 1 (the schema) is unreadable: nothing can be recovered here; re-create the profile "
                         "from the server (fieldkit sync --enrol CODE on a new profile)")
            checks.append(Check("FAIL", "database", exc.message, fix))
            return checks
        checks += _database_checks(s, recover)
    else:
        checks.append(Check("warn", "database", _M("integrity not checked (locked)"),
                            _M("run with --user NAME and FIELDKIT_PIN set to check integrity")))
    return checks


def check_disk(folder: Path) -> Check:
    from fieldkit.store import disk

    free = disk.free_bytes(folder)
    low = disk.low_space(folder)
    if low is not None:
        return Check("warn", "disk", low.words(), _M("delete files you do not need or sync soon"))
    if folder.exists():
        blocked = disk.writable(folder)
        if blocked is not None:
            return Check("FAIL", "disk", blocked.words())
    return Check("ok", "disk", _M("{size} GB free", size=f"{free / 1e9:.1f}"))


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
        return Check("ok", "server", _M("no central server configured (offline use)"))
    import requests

    try:
        r = requests.get(url.rstrip("/") + "/openapi.json", timeout=5)
    except requests.RequestException as exc:
        return Check("warn", "server", _M("{url} not reachable: {error}", url=url, error=type(exc).__name__),
                     _M("no signal is normal in the field; work is kept and syncs later"))
    if r.status_code >= 500:
        return Check("warn", "server", _M("{url} answered {status}", url=url, status=str(r.status_code)),
                     _M("the server has a problem; try later"))
    return Check("ok", "server", _M("{url} reachable (HTTP {status})", url=url, status=str(r.status_code)))


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
            results.append(Check("FAIL", "doctor", verbatim(f"{type(exc).__name__}: {exc}")))
    if args.json:
        print(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=1))
    else:
        for r in results:
            print(r.line())
    return 1 if any(r.status == "FAIL" for r in results) else 0
