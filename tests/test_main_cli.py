"""The command line as a user runs it: real processes, real profile folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fieldkit import __version__

ROOT = Path(__file__).resolve().parents[1]


def fk(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def test_version():
    r = fk("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"fieldkit {__version__}"


def test_demo_data_then_doctor_and_users(tmp_path: Path):
    db = tmp_path / "demo" / "fieldkit.db"
    r = fk("demo-data", "--db", str(db), "--customers", "300", "--months", "3")
    assert r.returncode == 0, r.stderr
    assert "300 customers, 900 readings" in r.stdout
    # refuses to overwrite
    again = fk("demo-data", "--db", str(db), "--customers", "10")
    assert again.returncode == 2 and "already exists" in again.stderr

    users = fk("user", "list", "--profile", str(db.parent))
    assert "lan" in users.stdout and "supervisor" in users.stdout and "Phạm Văn Hùng" in users.stdout

    doc = fk("doctor", "--profile", str(db.parent), "--user", "lan",
             env={"FIELDKIT_PIN": "246810", "QT_QPA_PLATFORM": "offscreen"})
    assert "toàn vẹn ok" in doc.stdout, doc.stdout + doc.stderr   # the laptop's language: Vietnamese
    assert "được mã hoá" in doc.stdout
    assert doc.returncode == 0, doc.stdout

    bad = fk("doctor", "--profile", str(db.parent), "--user", "lan",
             env={"FIELDKIT_PIN": "000001", "QT_QPA_PLATFORM": "offscreen"})
    assert bad.returncode == 1 and "Sai mã PIN" in bad.stdout

    # No local command can mint a role: there is no --role, and a person comes only from the server.
    mint = fk("user", "add", "--profile", str(db.parent), "--as", "lan", "--username", "hung2",
              "--role", "supervisor", env={"FIELDKIT_PIN": "246810", "FIELDKIT_NEW_PIN": "975310"})
    assert mint.returncode == 2 and "--role" in mint.stderr
    offline = fk("user", "add", "--profile", str(db.parent), "--as", "hung", "--username", "nam",
                 "--code", "ABCD-EFGH-JKLM", env={"FIELDKIT_PIN": "135790", "FIELDKIT_NEW_PIN": "975310"})
    assert offline.returncode == 1 and "not enrolled" in offline.stderr
    assert "nam" not in fk("user", "list", "--profile", str(db.parent)).stdout
    short = fk("user", "add", "--profile", str(db.parent), "--as", "hung", "--username", "x",
               "--code", "ABCD-EFGH-JKLM", env={"FIELDKIT_PIN": "135790", "FIELDKIT_NEW_PIN": "12"})
    assert short.returncode == 2 and "at least 6" in short.stderr


def test_gui_without_a_screen_says_what_to_do(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    (tmp_path / "p").mkdir()  # an explicit --profile must exist (tests/test_cli_bad_input.py)
    r = subprocess.run([sys.executable, "-m", "fieldkit", "gui", "--profile", str(tmp_path / "p")], cwd=ROOT,
                       capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 2
    assert "FieldKit cần màn hình" in r.stderr and "QT_QPA_PLATFORM=offscreen" in r.stderr
