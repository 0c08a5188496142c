"""`fieldkit demo` (what `make run` starts): everything a newcomer needs to try FieldKit.

1. a demo profile (`.demo/profile`: 2,000 customers of Ninh Bình, Thái Nguyên and Hải Phòng,
   12 months of readings, work orders; users lan/246810, hung/135790, mai/112233);
2. a local central server on 127.0.0.1 with the same team and users and a few new work
   orders waiting to be pulled; the demo profile is enrolled with it;
3. a simulated three-phase meter on a virtual serial port (pseudo-terminal);
4. the desktop app, with the server address and probe port already in its settings.

The server and the simulator stop when the app closes. Everything lives in `.demo/`
(delete it to start again).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

from fieldkit.domain.local_time import local_today
from fieldkit.ports import free_port

TEAM = ("LN01", "Đội quản lý điện Lý Nhân", "PA23LN")
# the DLMS meter on a demo work order: serial and model of the simulator's dlms-tamper meter
DLMS_METER = ("23110046", "FK3P-DLMS")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", type=Path, default=Path(".demo"), help="where the demo keeps its files")
    from fieldkit.cli_args import int_range

    parser.add_argument("--customers", type=int_range(1, 200_000), default=2000)
    parser.add_argument("--meter-profile", default="three-phase-tou",
                        help="the simulated meter on the probe: a mode C profile (built-in name or JSON file) "
                             "or a DLMS one (dlms-three-phase, dlms-tamper: the meter of the DLMS work order, "
                             "dlms-direct)")
    parser.add_argument("--no-gui", action="store_true", help="set everything up, print it, and wait")
    parser.add_argument("--check", action="store_true",
                        help="with --no-gui: set everything up, read the simulated meter once, then stop "
                             "(exit 0 when all of it worked; CI runs this)")
    parser.add_argument("--lang", choices=["vi", "en"], default=None)


def _fk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)



def _say(text: str) -> None:
    print(f"demo: {text}", flush=True)


def _central_setup(db: Path) -> dict[str, str]:
    """Team, the three demo people (the server's roles) and work orders. Returns each person's
    one-time user code (their signing key on the demo laptop is registered with it)."""
    steps = [
        ("team", "--db", str(db), TEAM[0], TEAM[1], "--unit", TEAM[2]),
        ("user", "--db", str(db), "lan", "--name", "Trần Thị Lan", "--role", "technician", "--team", TEAM[0]),
        ("user", "--db", str(db), "hung", "--name", "Phạm Văn Hùng", "--role", "supervisor", "--team", TEAM[0]),
        ("user", "--db", str(db), "mai", "--name", "Đỗ Thị Mai", "--role", "trainer", "--team", TEAM[0]),
    ]
    codes: dict[str, str] = {}
    for step in steps:
        r = _fk("central", *step)
        if r.returncode != 0:
            raise SystemExit(f"demo: could not prepare the central server ({step[0]}): {r.stderr.strip()}")
        if step[0] == "user":
            codes[step[3]] = r.stdout.split("user code:", 1)[1].split()[0]
    # New work orders for new customers: they come down to the laptop on the first sync.
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["number", "kind", "customer_code", "customer_name", "phone", "commune", "province", "street",
                "meter_serial", "due_date", "assignee", "note", "meter_protocol", "meter_manufacturer", "meter_model",
                "meter_phases"])
    today = local_today()
    rows = [
        ("meter_install", "Nguyễn Thị Hoa", "0912000001", "Xã Nhân Hà", "VSE11-90000001", 0, "Lắp công tơ mới"),
        ("onboarding", "Trần Văn Thắng", "0912000002", "Xã Nam Lý", "", 1, "Hướng dẫn app CSKH"),
        ("reading", "Lê Thị Hường", "0912000003", "Xã Bắc Lý", "E650-90000003", 2, "Ghi chỉ số 3 pha"),
        ("meter_replacement", "Phạm Đức Long", "0912000004", "Xã Nhân Hà", "VSE11-90000004", -1, "Công tơ cháy"),
        # the simulator's DLMS meter with a tamper history (`--meter-profile dlms-tamper`)
        # due tomorrow: today's first reading order stays the one of the simulated meter on the probe
        ("reading", "Vũ Thị Ngân", "0912000005", "Xã Bắc Lý", DLMS_METER[0], 1, "Công tơ DLMS: kiểm tra mở nắp"),
    ]
    for i, (kind, name, phone, commune, serial, due, note) in enumerate(rows, start=1):
        dlms = ["dlms", "FKD", DLMS_METER[1], "3"] if serial == DLMS_METER[0] else ["", "", "", ""]
        w.writerow([f"TT-{today:%y%m}-{i:03d}", kind, f"PA23LN9{i:06d}", name, phone, commune, "Ninh Bình",
                    f"Xóm {i}", serial, (today + timedelta(days=due)).isoformat(), "lan", note, *dlms])
    csv_path = db.with_name("work_orders.csv")
    csv_path.write_text(out.getvalue(), encoding="utf-8")
    r = _fk("central", "import-work-orders", "--db", str(db), "--team", TEAM[0], str(csv_path))
    if r.returncode != 0:
        raise SystemExit(f"demo: could not import work orders: {r.stderr.strip()}")
    return codes


def _server_secret(folder: Path) -> Path:
    """The demo server's key-encryption secret: made once, kept beside its database (a real server's
    operator keeps it apart: docs/central.md, "The server's signing key")."""
    from fieldkit.central import server_key

    path = folder / "server-key.secret"
    if not path.exists():
        server_key.make_secret_file(path)
    return path


def _seed_central(profile: Path, central_db: Path) -> str:
    """The server learns the demo profile's customers, meters and work orders (same ids), so what a
    newcomer does on them syncs and can be approved (issue 13 item 8)."""
    from fieldkit.central import admin
    from fieldkit.central.db import Database
    from fieldkit.services import session
    from fieldkit.store.demo import known_records

    s = session.login(profile, "lan", "246810")
    try:
        records = known_records(s.store)
    finally:
        s.close()
    db = Database(str(central_db))
    try:
        db.create_all()
        added = admin.seed_known(db, TEAM[0], records)
    finally:
        db.dispose()
    return (f"the central server knows the demo's {added['customers']} customers, {added['meters']} meters "
            f"and {added['work_orders']} work orders")


def run(args: argparse.Namespace) -> int:
    from fieldkit import extras
    from fieldkit.cli_args import creatable_folder, fail
    from fieldkit.devices.simulator.dlms_profiles import DLMS_BUILTIN
    from fieldkit.devices.simulator.profiles import load

    if extras.central_missing():  # the demo starts a real central server
        return fail(f"demo: {extras.CENTRAL_HINT}")
    folder: Path = args.dir.resolve()
    wrong = creatable_folder(folder, "demo folder")
    if wrong:
        return fail(f"demo: {wrong}")
    try:
        if args.meter_profile not in DLMS_BUILTIN:  # a DLMS meter by its built-in name, else mode C
            load(args.meter_profile)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return fail(f"demo: cannot load the meter profile {args.meter_profile!r} ({type(exc).__name__}); "
                    f"use a built-in one or a valid JSON profile file")
    profile = folder / "profile"
    central_db = folder / "central.db"
    folder.mkdir(parents=True, exist_ok=True)
    if not (profile / "keyring.json").exists():
        _say(f"building the demo profile ({args.customers} customers) in {profile} …")
        r = _fk("demo-data", "--db", str(profile / "fieldkit.db"), "--customers", str(args.customers))
        if r.returncode != 0:
            raise SystemExit(f"demo: {r.stderr.strip()}")
    fresh_server = not central_db.exists()
    codes: dict[str, str] = {}
    if fresh_server:
        _say("preparing the local central server …")
        codes = _central_setup(central_db)
        # a new server learns the profile (a .demo made before this: delete it to start again)
        _say(_seed_central(profile, central_db))

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    children: list[subprocess.Popen[str]] = []

    def stop(_signum: int, _frame: object) -> None:  # SIGTERM (a script, CI, a service manager)
        raise KeyboardInterrupt  # … so the server and the simulator stop too (they were left running)

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
    try:
        server = subprocess.Popen([sys.executable, "-m", "fieldkit", "central", "serve", "--db", str(central_db),
                                   "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
                                   "--key-file", str(_server_secret(folder))],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        children.append(server)
        import requests

        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(url + "/openapi.json", timeout=1)
                break
            except requests.RequestException:
                if server.poll() is not None or time.monotonic() > deadline:
                    err = server.stderr.read() if server.stderr else ""
                    raise SystemExit(f"demo: the central server did not start: {err.strip()[-500:]}") from None
                time.sleep(0.2)
        _say(f"central server at {url} (database {central_db})")

        if fresh_server or not (folder / "enrolled").exists():
            r = _fk("central", "enrol", "--db", str(central_db), "--team", TEAM[0], "--name", "demo laptop")
            code = next((tok for tok in r.stdout.split() if len(tok) >= 8 and tok.replace("-", "").isalnum()
                         and tok.upper() == tok), "")
            if r.returncode != 0 or not code:
                raise SystemExit(f"demo: enrolment failed: {r.stdout} {r.stderr}")
            for name in ("lan", "hung", "mai"):
                if name not in codes:
                    r = _fk("central", "user-code", "--db", str(central_db), name)
                    codes[name] = r.stdout.split("user code:", 1)[1].split()[0] if r.returncode == 0 else ""
            r = _fk("sync", "--db", str(profile / "fieldkit.db"), "--server", url, "--enrol", code, "--user", "lan",
                    "--user-code", codes["lan"], "--quiet", env={"FIELDKIT_PIN": "246810"})
            if r.returncode != 0:
                raise SystemExit(f"demo: first sync failed: {r.stdout} {r.stderr}")
            # Hùng and Mai use the same laptop: each registers their own key with their user code.
            for name, pin in (("hung", "135790"), ("mai", "112233")):
                r = _fk("user", "register", "--profile", str(profile), "--as", name, "--code", codes[name],
                        env={"FIELDKIT_PIN": pin})
                if r.returncode != 0:
                    raise SystemExit(f"demo: could not register {name}: {r.stdout} {r.stderr}")
            (folder / "enrolled").write_text(url, encoding="utf-8")
            _say("demo laptop enrolled and synced")
        else:
            _fk("sync", "--db", str(profile / "fieldkit.db"), "--server", url, "--user", "lan", "--quiet",
                env={"FIELDKIT_PIN": "246810"})

        sim = subprocess.Popen([sys.executable, "-m", "fieldkit", "simulate-meter", "--pty", "--profile",
                                args.meter_profile], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        children.append(sim)
        assert sim.stdout is not None
        probe_port = sim.stdout.readline().strip()
        if not probe_port:
            raise SystemExit("demo: the meter simulator did not start")
        _say(f"simulated {args.meter_profile} meter on {probe_port}")

        from fieldkit.ui.config import Config

        config = Config.for_profile(profile)
        config.set("server_url", url)
        config.set("probe_port", probe_port)
        _say("users: lan / 246810 (technician), hung / 135790 (supervisor), mai / 112233 (trainer)")
        if args.no_gui and getattr(args, "check", False):
            r = _fk("read", "--port", probe_port, "--json")
            if r.returncode != 0:
                raise SystemExit(f"demo: reading the simulated meter failed: {r.stderr.strip()[-500:]}")
            _say(f"read the simulated meter on {probe_port}: {len(r.stdout)} bytes of JSON; check done")
            return 0
        if args.no_gui:
            _say("ready; press Ctrl+C to stop")
            while all(c.poll() is None for c in children):
                time.sleep(1)
            return 0
        gui = [sys.executable, "-m", "fieldkit", "gui", "--profile", str(profile)]
        if args.lang:
            gui += ["--lang", args.lang]
        app = subprocess.Popen(gui, text=True)
        children.append(app)
        return app.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for child in reversed(children):
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
