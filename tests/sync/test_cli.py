"""The command lines, run as a person would: `fieldkit central …` and `fieldkit sync …` in subprocesses."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from fieldkit.domain.models import Role
from fieldkit.ports import free_port
from fieldkit.services import customers
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.store.keyring import FAST_KDF

ROOT = Path(__file__).resolve().parents[2]


def fk(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})



@pytest.mark.slow
def test_admin_commands_serve_and_device_sync_from_the_command_line(tmp_path: Path):
    db = str(tmp_path / "central.db")
    assert fk("central", "team", "--db", db, "T1", "Đội Lý Nhân", "--unit", "PA23LN").returncode == 0
    r = fk("central", "user", "--db", db, "lan", "--name", "Trần Thị Lan", "--role", "technician", "--team", "T1")
    assert r.returncode == 0, r.stderr
    user_code = re.search(r"user code:\s+(\S+)", r.stdout).group(1)  # for lan's laptop
    csv = tmp_path / "orders.csv"
    csv.write_text("number,kind,customer_code,customer_name,meter_serial,due_date\n"
                   "WO-7,reading,PA23LN0000007,Bùi Thị Nga,VSE-7,2025-10-02\n", encoding="utf-8")
    r = fk("central", "import-work-orders", "--db", db, str(csv), "--team", "T1", "--assignee", "lan")
    assert r.returncode == 0 and "imported 1" in r.stdout, r.stderr
    r = fk("central", "enrol", "--db", db, "--team", "T1", "--name", "laptop 7")
    code = re.search(r"code:\s+(\S+)", r.stdout).group(1)
    device_id = re.search(r"device:\s+(\S+)", r.stdout).group(1)
    assert fk("central", "user", "--db", db, "lan", "--name", "x", "--role", "technician", "--team", "T1") \
        .returncode == 2  # already exists: a clear error, not a traceback

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "fieldkit", "central", "serve", "--db", db, "--port", str(port),
                               "--log-level", "warning"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(url + "/v1/ping", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        spec = requests.get(url + "/openapi.json", timeout=5).json()
        assert "/v1/push" in spec["paths"] and "/v1/changes" in spec["paths"]

        profile = tmp_path / "device"
        s = sessions.create(profile, username="lan", display_name="Lan", role=Role.TECHNICIAN, secret="246810",
                            params=FAST_KDF)
        customers.create_customer(s, CustomerInput(code="PA23LN0000008", name="Hà Thị Mơ"))
        s.close()
        dbfile = str(profile / "fieldkit.db")
        no_pin = fk("sync", "--db", dbfile, "--server", url)
        assert no_pin.returncode == 2 and "FIELDKIT_PIN" in no_pin.stderr
        r = fk("sync", "--db", dbfile, "--server", url, "--enrol", code, "--user-code", user_code, "--quiet",
               env={"FIELDKIT_PIN": "246810"})
        assert r.returncode == 0, r.stdout + r.stderr
        assert "enrolled as device" in r.stdout and "pushed 1 (applied 1" in r.stdout
        s = sessions.login(profile, "lan", "246810")
        try:
            assert [w[0] for w in s.store.query("SELECT number FROM work_orders")] == ["WO-7"]
        finally:
            s.close()
        assert fk("central", "revoke", "--db", db, device_id).returncode == 0
        r = fk("sync", "--db", dbfile, "--quiet", env={"FIELDKIT_PIN": "246810"})
        assert r.returncode == 1 and "revoked" in r.stderr
        listed = fk("central", "devices", "--db", db).stdout
        assert device_id in listed and "revoked" in listed
    finally:
        server.terminate()
        server.wait(timeout=10)
