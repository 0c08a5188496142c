"""Bad command-line input never crashes: every sub-command, run as a user runs it.

Each case runs fieldkit's `__main__` in a real process of its own (with an address-space cap,
a timeout, its own environment, working folder and stdin/stdout/stderr) and must end with a
non-zero exit code, no Python traceback, and a short message (on one line) that says what went
wrong or what to do. The last-resort handler's "unexpected error" wording counts as a failure
here: every case below is an *expected* mistake and has its own message.

The first case of each command, and every case that reads stdin, runs `python -m fieldkit ...`
from scratch; the others are forked from a server that imported fieldkit and its libraries once
(tests/forked_cli.py): the same code from `fieldkit/__main__.py` on, without paying the
interpreter's start and the imports 156 times (0.4-1.3 s of CPU each).
"""

from __future__ import annotations

import json
import locale
import os
import resource
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fieldkit.devices.framing import data_message
from fieldkit.ports import free_port

ROOT = Path(__file__).resolve().parents[1]
PIN = "246810"


@dataclass
class Case:
    args: list[str]
    expect: str = ""                       # substring of the message (case-insensitive)
    env: dict[str, str] = field(default_factory=dict)
    stdin: str | None = None
    lines: int = 1                         # at most this many non-empty lines on stderr+stdout
    must_not_exist: str = ""               # a path the command must not create
    timeout: float = 60
    spawn: bool = False                    # a true `python -m fieldkit` process (set in CASES below)


CAP = 3_000_000_000  # bytes of address space for each command


def _cap() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


class ForkServer:
    """tests/forked_cli.py in its own process: each `run` is a command in a process forked from it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        ours, theirs = socket.socketpair()
        self.log = open(folder / "fork-server.log", "wb")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.forked_cli", str(theirs.fileno())],
                                     pass_fds=[theirs.fileno()], cwd=ROOT, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=self.log,
                                     env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
        theirs.close()
        self.conn = ours
        self.reader = ours.makefile("r", encoding="utf-8")
        self.count = 0

    def run(self, args: list[str], env: dict[str, str], cwd: Path, stdin: str,
            timeout: float) -> subprocess.CompletedProcess[str]:
        self.count += 1
        files = {name: self.folder / f"{self.count}.{name}" for name in ("stdin", "stdout", "stderr")}
        files["stdin"].write_text(stdin)
        request = {"args": args, "env": env, "cwd": str(cwd), "timeout": timeout, "cap": CAP,
                   **{name: str(path) for name, path in files.items()}}
        self.conn.settimeout(timeout + 60)
        self.conn.sendall(json.dumps(request).encode() + b"\n")
        line = self.reader.readline()
        assert line, "the fork server ended: " + (self.folder / "fork-server.log").read_text(errors="replace")
        answer = json.loads(line)
        assert "error" not in answer, answer
        encoding = locale.getpreferredencoding(False)  # what subprocess.run(text=True) decodes with
        out, err = (files[name].read_text(encoding=encoding) for name in ("stdout", "stderr"))
        if answer["timeout"]:
            raise subprocess.TimeoutExpired(args, timeout, out, err)
        return subprocess.CompletedProcess(args, answer["returncode"], out, err)

    def close(self) -> None:
        self.reader.close()
        self.conn.close()  # the server reads the end of its input and exits
        try:
            self.proc.wait(timeout=30)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            self.log.close()


@pytest.fixture(scope="module")
def forked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    server = ForkServer(tmp_path_factory.mktemp("forked-cli"))
    yield server
    server.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("bad-cli")
    profile = base / "profile"
    r = subprocess.run([sys.executable, "-m", "fieldkit", "demo-data", "--db", str(profile / "fieldkit.db"),
                        "--customers", "20", "--months", "1"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    bad_keyrings = {"kr-notjson": "{not json", "kr-list": "[]", "kr-users": '{"users": [{"x": 1}]}',
                    "kr-empty": "", "kr-users-str": '{"users": "lan"}', "kr-binary": "\x00\xff\x01"}
    for name, text in bad_keyrings.items():
        shutil.copytree(profile, base / name)
        (base / name / "keyring.json").write_bytes(text.encode("latin-1"))
    shutil.copytree(profile, base / "db-garbage")
    (base / "db-garbage" / "fieldkit.db").write_bytes(os.urandom(8192))
    shutil.copytree(profile, base / "db-missing")
    (base / "db-missing" / "fieldkit.db").unlink()
    (base / "binary.bin").write_bytes(bytes(range(256)) * 64)
    (base / "empty.txt").write_text("")
    (base / "latin1.csv").write_bytes("number,kind\nTT-1,th\xe9\n".encode("latin-1"))
    (base / "wo-bad.csv").write_text("number,kind,customer_code,team\nTT-1,nonsense,PA1,NOPE\n")
    (base / "wo-noheader.csv").write_text("a,b,c\n1,2,3\n")
    (base / "bad.json").write_text("{nope")
    (base / "a-file").write_text("x")
    cap = {"format": "fieldkit-capture/1", "port": "x", "started": "", "events": []}
    for name, event in {
        "cap-baud-huge": {"t": 0, "dir": "rx", "baud": "1e400", "hex": ""},
        "cap-baud-float": {"t": 0, "dir": "rx", "baud": 1e400, "hex": ""},
        "cap-time-digits": {"t": int("9" * 400), "dir": "rx", "baud": 300, "hex": ""},
        "cap-time-nan": {"t": "nan", "dir": "rx", "baud": 300, "hex": ""},
        "cap-hex-odd": {"t": 0, "dir": "rx", "baud": 300, "hex": "abc"},
        "cap-dir": {"t": 0, "dir": "sideways", "baud": 300, "hex": ""},
    }.items():
        (base / f"{name}.json").write_text(json.dumps({**cap, "events": [event]}).replace('"1e400"', "1e400"))
    (base / "cap-deep.json").write_text('{"format": "fieldkit-capture/1", "events": ' + "[" * 100_000
                                        + "]" * 100_000 + "}")
    (base / "cap-events-str.json").write_text(json.dumps({**cap, "events": "abc"}))
    (base / "cap-no-ident.json").write_text(json.dumps(cap))
    (base / "stx-flood.bin").write_bytes(b"/ABC5METER\r\n" + b"\x02" * 200_000 + b"\x03\x7f")
    (base / "nul-value.bin").write_bytes(b"/ABC5METER\r\n" + data_message("1.8.0(12\x0034*kWh)\r\n!\r\n"))
    (base / "profile-bad.json").write_text('{"nme": "x"}')
    # a central database with one team
    central = base / "central.db"
    r = subprocess.run([sys.executable, "-m", "fieldkit", "central", "team", "--db", str(central), "T1", "Team"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    nobody = free_port()  # a port that nobody listens on (and nobody takes meanwhile)
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    return {"base": str(base), "profile": str(profile), "central": str(central), "free": str(nobody),
            "busy": str(busy.getsockname()[1]), "_busy_socket": busy}  # type: ignore[dict-item]


def _cases() -> list[Case]:
    B, P, C = "{base}", "{profile}", "{central}"
    pin = {"FIELDKIT_PIN": PIN}
    cases = [
        # the top level
        Case(["bogus-command"], "invalid choice"),
        Case(["--bogus"], "unrecognized"),
        # gui
        # (the app's own command speaks the field staff's language: Vietnamese unless chosen otherwise)
        Case(["gui", "--profile", "/nonexistent/fk-profile"], "không tồn tại", must_not_exist="/nonexistent"),
        Case(["gui", "--profile", f"{B}/a-file"], "không phải là thư mục"),
        Case(["gui", "--lang", "fr"], "invalid choice"),
        Case(["gui", "--profile", f"{B}/kr-notjson", "--exit-after-start", "--user", "lan"], "keyring", env=pin),
        Case(["gui", "--profile", P, "--exit-after-start", "--user", "nobody"], "no user", env=pin),
        Case(["gui", "--profile", P, "--exit-after-start", "--user", "lan"], "wrong pin",
             env={"FIELDKIT_PIN": "999999"}),
        # doctor (prints a report: one line per check, FAIL lines say what to do)
        Case(["doctor", "--profile", "/nonexistent/fk-profile"], "không tồn tại", lines=20,
             must_not_exist="/nonexistent"),
        Case(["doctor", "--profile", f"{B}/kr-notjson"], "keyring", lines=20),
        Case(["doctor", "--profile", f"{B}/kr-users"], "keyring", lines=20),
        Case(["doctor", "--profile", P, "--user", "nobody"], "không có người dùng", env=pin, lines=20),
        Case(["doctor", "--profile", f"{B}/db-garbage", "--user", "lan"], "bị hỏng", env=pin, lines=20),
        Case(["doctor", "--profile", P, "--server", "not a url"], "http://", lines=20),
        Case(["doctor", "--bogus"], "unrecognized"),
        # user
        Case(["user", "list", "--profile", "/nonexistent/fk-profile"], "does not exist",
             must_not_exist="/nonexistent"),
        Case(["user", "list", "--profile", f"{B}/kr-notjson"], "keyring"),
        Case(["user", "list", "--profile", f"{B}/kr-list"], "keyring"),
        Case(["user", "list", "--profile", f"{B}/kr-users"], "keyring"),
        Case(["user", "list", "--profile", f"{B}/kr-empty"], "keyring"),
        Case(["user", "list", "--profile", f"{B}/kr-users-str"], "keyring"),
        Case(["user", "list", "--profile", f"{B}/kr-binary"], "keyring"),
        Case(["user", "remove"], "invalid choice"),
        Case(["user", "add", "--profile", P], "--as"),
        Case(["user", "add", "--profile", P, "--as", "nobody", "--username", "x", "--code", "ABCD-EFGH-JKLM"], "no user",
             env=pin),
        Case(["user", "add", "--profile", P, "--as", "hung", "--username", "y", "--code", "ABCD-EFGH-JKLM"], "wrong pin",
             env={"FIELDKIT_PIN": "999999", "FIELDKIT_NEW_PIN": "975310"}),
        Case(["user", "add", "--profile", P, "--as", "hung", "--username", "lan", "--code", "ABCD-EFGH-JKLM"], "taken",
             env={"FIELDKIT_PIN": "135790", "FIELDKIT_NEW_PIN": "975310"}),
        Case(["user", "add", "--profile", P, "--as", "hung", "--username", "z", "--code", "ABCD-EFGH-JKLM"], "pin",
             env={"FIELDKIT_PIN": "135790"}, stdin=""),
        Case(["user", "add", "--profile", P, "--role", "boss"], "unrecognized"),  # no local role, ever
        Case(["user", "add", "--profile", "/nonexistent/fk", "--as", "a", "--username", "b", "--code", "c"],
             "does not exist", env=pin, must_not_exist="/nonexistent"),
        # demo-data
        Case(["demo-data", "--db", f"{P}/fieldkit.db"], "already exists"),
        Case(["demo-data", "--db", f"{B}/dd1/fieldkit.db", "--customers", "0"], "at least 1"),
        Case(["demo-data", "--db", f"{B}/dd2/fieldkit.db", "--customers", "abc"], "not a whole number"),
        Case(["demo-data", "--db", f"{B}/dd3/fieldkit.db", "--customers", "1000000000"], "at most"),
        Case(["demo-data", "--db", f"{B}/dd4/fieldkit.db", "--months", "-3"], "at least"),
        Case(["demo-data", "--db", f"{B}/dd5/fieldkit.db", "--months", "100000"], "at most"),
        Case(["demo-data", "--db", "/proc/fk/fieldkit.db"], "cannot"),
        Case(["demo-data", "--db", f"{B}/a-file/fieldkit.db"], "not a folder"),
        Case(["demo-data"], "required"),
        # read
        Case(["read"], "required"),
        Case(["read", "--port", "/nonexistent/ttyUSB9"], "port"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--timeout", "nan"], "timeout"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--timeout", "inf"], "timeout"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--timeout", "-1"], "timeout"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--timeout", "1e9"], "timeout"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--timeout", "soon"], "timeout"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--baud-max", "0"], "baud"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--baud-max", "12345"], "baud"),
        Case(["read", "--port", "socket://127.0.0.1:99999"], "port"),
        Case(["read", "--port", "socket://no-such-host.invalid:5000", "--timeout", "1"], "port"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--timeout", "1"], "port"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--address", "x" * 200], "address"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--address", "a!b"], "address"),
        Case(["read", "--port", "socket://127.0.0.1:{free}", "--password", "a(b"], "password"),
        # probes
        Case(["probes", "--bogus"], "unrecognized"),
        # simulate-meter
        Case(["simulate-meter", "--tcp", "99999"], "port"),
        Case(["simulate-meter", "--tcp", "-1"], "port"),
        Case(["simulate-meter", "--tcp", "abc"], "port"),
        Case(["simulate-meter", "--tcp", "{busy}"], "in use"),
        Case(["simulate-meter", "--profile", "/nonexistent/meter.json"], "profile"),
        Case(["simulate-meter", "--profile", f"{B}/bad.json"], "profile"),
        Case(["simulate-meter", "--profile", f"{B}/profile-bad.json"], "profile"),
        Case(["simulate-meter", "--fault", "explode"], "invalid choice"),
        Case(["simulate-meter", "--fault-arg", "nan"], "fault-arg"),
        Case(["simulate-meter", "--time-scale", "0"], "time-scale"),
        Case(["simulate-meter", "--time-scale", "inf"], "time-scale"),
        Case(["simulate-meter", "--pty", "--tcp", "5000"], "not allowed"),
        # parse-telegram: every malformed file gives the documented protocol error
        Case(["parse-telegram", "/nonexistent/capture.json"], "cannot read"),
        Case(["parse-telegram", B], "cannot read"),
        Case(["parse-telegram", "/dev/zero"], "BAD_CAPTURE", timeout=30),
        Case(["parse-telegram", f"{B}/binary.bin"], "BAD_IDENTIFICATION"),
        Case(["parse-telegram", f"{B}/empty.txt"], "BAD_IDENTIFICATION"),
        Case(["parse-telegram", f"{B}/cap-baud-huge.json"], "BAD_CAPTURE"),
        Case(["parse-telegram", f"{B}/cap-baud-float.json"], "BAD_CAPTURE"),
        Case(["parse-telegram", f"{B}/cap-time-digits.json"], "BAD_CAPTURE"),
        Case(["parse-telegram", f"{B}/cap-time-nan.json"], "BAD_CAPTURE"),
        Case(["parse-telegram", f"{B}/cap-hex-odd.json"], "BAD_CAPTURE"),
        Case(["parse-telegram", f"{B}/cap-dir.json"], "BAD_CAPTURE"),
        Case(["parse-telegram", f"{B}/cap-deep.json"], "BAD_CAPTURE"),
        Case(["parse-telegram", f"{B}/cap-events-str.json"], "BAD_CAPTURE"),
        Case(["parse-telegram", f"{B}/cap-no-ident.json"], "BAD_IDENTIFICATION"),
        Case(["parse-telegram", f"{B}/stx-flood.bin"], "BAD_DATA", timeout=20),
        Case(["parse-telegram", f"{B}/nul-value.bin"], "BAD_DATA"),
        # central
        Case(["central"], "required"),
        Case(["central", "serve", "--db", C, "--port", "99999"], "port"),
        Case(["central", "serve", "--db", C, "--port", "-1"], "port"),
        Case(["central", "serve", "--db", C, "--port", "{busy}"], "in use"),
        Case(["central", "serve", "--db", C, "--host", "no-such-host.invalid", "--port", "{free}"], "host"),
        Case(["central", "serve", "--db", C, "--log-level", "loud"], "invalid choice"),
        Case(["central", "serve", "--db", C, "--workers", "0"], "at least 1"),
        Case(["central", "serve", "--db", C, "--workers", "1000"], "at most 64"),
        Case(["central", "serve", "--db", C, "--threads", "0"], "at least 1"),
        Case(["central", "serve", "--db", C, "--threads", "lots"], "number"),
        Case(["central", "serve", "--db", C, "--db-pool", "0"], "at least 1"),
        Case(["central", "serve", "--db", C, "--db-pool", "1e9"], "number"),
        Case(["central", "serve", "--db", C, "--db-overflow", "-1"], "at least 0"),
        Case(["central", "serve", "--db", C, "--switch-ms", "0"], "out of range"),
        Case(["central", "serve", "--db", C, "--switch-ms", "nan"], "out of range"),
        Case(["central", "serve", "--db", C, "--loop", "turbo"], "invalid choice"),
        Case(["central", "serve", "--db", C, "--port", "{free}"], "whole numbers", env={"FIELDKIT_DB_POOL": "ten"}),
        Case(["central", "serve", "--db", C, "--port", "{free}"], "0 to 100",
             env={"FIELDKIT_DB_POOL_OVERFLOW": "-3"}),
        Case(["central", "serve", "--db", "/nonexistent/dir/central.db", "--port", "{free}"], "cannot open",
             must_not_exist="/nonexistent"),
        Case(["central", "init", "--db", "/nonexistent/dir/central.db"], "cannot open",
             must_not_exist="/nonexistent"),
        Case(["central", "init", "--db", f"{B}/binary.bin"], "not a"),
        Case(["central", "init", "--db", "postgresql://nobody@127.0.0.1:{free}/x"], "cannot open"),
        Case(["central", "init", "--db", "mysql://x/y"], "sqlite"),
        Case(["central", "team", "--db", C, "", "Name"], "code"),
        Case(["central", "user", "--db", C, "u1", "--name", "U", "--role", "technician", "--team", "NOPE"], "team"),
        Case(["central", "user", "--db", C, "u1", "--name", "U", "--role", "king", "--team", "T1"], "invalid choice"),
        Case(["central", "import-work-orders", "--db", C, "/nonexistent/wo.csv"], "cannot read"),
        Case(["central", "import-work-orders", "--db", C, f"{B}/binary.bin"], "not a text"),
        Case(["central", "import-work-orders", "--db", C, f"{B}/latin1.csv"], "utf-8"),
        Case(["central", "import-work-orders", "--db", C, B], "cannot read"),
        Case(["central", "import-work-orders", "--db", C, f"{B}/empty.txt"], "header"),
        Case(["central", "import-work-orders", "--db", C, f"{B}/wo-noheader.csv"], "header"),
        Case(["central", "import-work-orders", "--db", C, f"{B}/wo-bad.csv"], "line 2"),
        Case(["central", "enrol", "--db", C, "--team", "T1", "--hours", "1000000000000"], "hours"),
        Case(["central", "enrol", "--db", C, "--team", "T1", "--hours", "0"], "hours"),
        Case(["central", "enrol", "--db", C, "--team", "T1", "--hours", "-5"], "hours"),
        Case(["central", "enrol", "--db", C, "--team", "NOPE"], "team"),
        Case(["central", "revoke", "--db", C, "no-such-device"], "no such device"),
        Case(["central", "publish", "--db", C, "tariff", "k", "/nonexistent.json"], "cannot read"),
        Case(["central", "publish", "--db", C, "tariff", "k", f"{B}/bad.json"], "json"),
        # recover, recovery-key (issue 11: the utility's recovery key)
        Case(["recover", "--profile", P], "--key"),
        Case(["recover", "--key", "/nonexistent.pem", "--profile", "/nonexistent/p"], "does not exist",
             must_not_exist="/nonexistent"),
        Case(["recover", "--key", "/nonexistent.pem", "--profile", P], "recovery key"),
        Case(["recover", "--key", f"{B}/bad.json", "--profile", f"{B}/kr-notjson"], "damaged"),
        Case(["recover", "--key", f"{B}/bad.json", "--profile", P, "--new-pin-for", "lan"], "FIELDKIT_NEW_PIN"),
        Case(["recover", "--key", f"{B}/bad.json", "--profile", P, "--new-pin-for", "lan"], "too easy",
             env={"FIELDKIT_NEW_PIN": "123456"}),
        Case(["recovery-key", "new"], "--out"),
        Case(["recovery-key", "frob"], "invalid choice"),
        Case(["recovery-key", "show", "--key", "/nonexistent.pem"], "cannot read"),
        Case(["recovery-key", "show", "--key", f"{B}/bad.json"], "not a recovery private key"),
        Case(["user", "unlock", "--profile", P, "--as", "lan"], "unlock needs"),
        Case(["user", "unlock", "--profile", P, "--as", "lan", "--username", "hung"], "role",
             env={"FIELDKIT_PIN": PIN}),
        # sync
        Case(["sync", "--db", f"{P}/fieldkit.db", "--server", "not a url"], "http://", env=pin),
        Case(["sync", "--db", f"{P}/fieldkit.db", "--server", "ftp://x"], "http://", env=pin),
        Case(["sync", "--db", f"{P}/fieldkit.db", "--server", "http://127.0.0.1:99999"], "port", env=pin),
        Case(["sync", "--db", f"{P}/fieldkit.db", "--server", "http://127.0.0.1:{free}", "--user", "lan"],
             "enrol", env=pin, lines=3),
        Case(["sync", "--db", "/nonexistent/fk/fieldkit.db", "--user", "lan"], "does not exist", env=pin,
             must_not_exist="/nonexistent"),
        Case(["sync", "--db", f"{B}/kr-notjson/fieldkit.db", "--user", "lan"], "keyring", env=pin),
        Case(["sync", "--db", f"{B}/kr-users/fieldkit.db", "--user", "lan"], "keyring", env=pin),
        Case(["sync", "--db", f"{P}/fieldkit.db", "--user", "nobody"], "no user", env=pin),
        Case(["sync", "--db", f"{P}/fieldkit.db", "--user", "lan"], "wrong pin", env={"FIELDKIT_PIN": "999999"}),
        Case(["sync", "--db", f"{P}/fieldkit.db"], "--user", env=pin),
        Case(["sync", "--db", f"{P}/fieldkit.db", "--user", "lan"], "FIELDKIT_PIN", stdin=""),
        Case(["sync", "--db", f"{B}/db-garbage/fieldkit.db", "--user", "lan"], "damaged", env=pin),
        Case(["sync", "--db", f"{B}/db-missing/fieldkit.db", "--user", "lan"], "database", env=pin),
        Case(["sync", "--db", f"{P}/fieldkit.db", "--user", "lan", "--enrol", "XXXX"], "server", env=pin),
        # screenshots
        Case(["screenshots", f"{B}/a-file"], "not a folder"),
        Case(["screenshots", f"{B}/shots", "--customers", "-1"], "at least"),
        Case(["screenshots", f"{B}/shots", "--scale", "huge"], "invalid choice"),
        # demo (fails before starting anything)
        Case(["demo", "--customers", "0"], "at least"),
        Case(["demo", "--dir", f"{B}/a-file", "--no-gui"], "not a folder"),
        Case(["demo", "--lang", "fr"], "invalid choice"),
        Case(["demo", "--meter-profile", "/nonexistent.json", "--dir", f"{B}/demo-x", "--no-gui"], "profile"),
    ]
    return cases


CASES = _cases()
_commands_seen: set[str] = set()
for _case in CASES:  # the first case of each command, and every case that reads stdin: `python -m fieldkit`
    _case.spawn = _case.args[0] not in _commands_seen or _case.stdin is not None
    _commands_seen.add(_case.args[0])


def test_there_are_enough_cases_for_every_command():
    from fieldkit.cli import COMMANDS

    assert len(CASES) >= 80
    seen = {c.args[0] for c in CASES}
    assert set(COMMANDS) <= seen, set(COMMANDS) - seen
    spawned = {c.args[0] for c in CASES if c.spawn}
    assert set(COMMANDS) <= spawned, set(COMMANDS) - spawned  # each command once as `python -m fieldkit`


def test_the_fork_server_runs_the_command_as_python_dash_m_does(forked: ForkServer, world: dict[str, str],
                                                               tmp_path: Path):
    """A forked command gets its own arguments, environment, working folder and stdin, and gives the same
    exit code, stdout and stderr as `python -m fieldkit` run from scratch: a success, argparse's refusal, a
    refusal that reads the environment (a wrong PIN), one that reads stdin (no PIN), and a file named
    relative to the working folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "FIELDKIT_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("FIELDKIT_PIN", None)
    (tmp_path / "here.json").write_text('{"format": "fieldkit-capture/1", "events": "abc"}')
    db = f"{world['profile']}/fieldkit.db"
    runs = [(["--version"], {}, ""), (["bogus-command"], {}, ""), (["central", "serve", "--workers", "0"], {}, ""),
            (["sync", "--db", db, "--user", "lan"], {"FIELDKIT_PIN": "999999"}, ""),
            (["sync", "--db", db, "--user", "lan"], {}, ""),
            (["parse-telegram", "here.json"], {}, ""), (["parse-telegram", "nowhere.json"], {}, "")]
    outcomes = set()
    for args, extra, stdin in runs:
        real = subprocess.run([sys.executable, "-m", "fieldkit", *args], capture_output=True, text=True, timeout=120,
                              env={**env, **extra}, cwd=tmp_path, input=stdin)
        fork = forked.run(args, {**env, **extra}, tmp_path, stdin, 120)
        assert (fork.returncode, fork.stdout, fork.stderr) == (real.returncode, real.stdout, real.stderr), args
        outcomes.add((real.returncode, (real.stdout + real.stderr).strip()))
    assert len(outcomes) == len(runs)  # seven different answers: each run was told apart
    assert (0, f"fieldkit {__import__('fieldkit').__version__}") in outcomes


@pytest.mark.parametrize("case", CASES, ids=[" ".join(c.args)[:60] for c in CASES])
def test_bad_input_gives_one_line_and_a_nonzero_exit(case: Case, world: dict[str, str], forked: ForkServer,
                                                     tmp_path: Path):
    fill = {k: v for k, v in world.items() if not k.startswith("_")}
    args = [a.format(**fill) for a in case.args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "FIELDKIT_CONFIG_DIR": str(tmp_path / "config"), "FIELDKIT_PROFILE": str(tmp_path / "default-profile"),
           **case.env}
    env.pop("FIELDKIT_PIN", None) if "FIELDKIT_PIN" not in case.env else None
    if case.spawn:
        r = subprocess.run([sys.executable, "-m", "fieldkit", *args], capture_output=True, text=True,
                           timeout=case.timeout, env=env, cwd=tmp_path, preexec_fn=_cap,
                           input=case.stdin if case.stdin is not None else "")
    else:
        r = forked.run(args, env, tmp_path, case.stdin if case.stdin is not None else "", case.timeout)
    out = (r.stderr + r.stdout).strip()
    assert "Traceback" not in out, out
    assert r.returncode != 0, out
    lines = [ln for ln in out.splitlines() if ln.strip()]
    assert 1 <= len(lines) <= case.lines, out
    assert "unexpected error" not in out.lower() and "lỗi ngoài dự kiến" not in out.lower(), out
    assert case.expect.lower() in out.lower(), out
    if case.must_not_exist:
        assert not Path(case.must_not_exist).exists()
