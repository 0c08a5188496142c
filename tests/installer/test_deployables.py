"""Laptop and server are two deployables from one repository: a plain `pip install .` into a
fresh virtual environment (with its dependencies, from the configured package index) carries
no server module and `fieldkit --help` works; `fieldkit central …` says in one line what to
install; `pip install ".[central]"` then serves (/healthz, a push-free ping, /metrics).

About 1 minute (two real installs). Builds from a clean clone of HEAD, like the bundle test.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import venv
from pathlib import Path

import pytest
import requests

from fieldkit.ports import free_port

from .helpers import ROOT, load

pytestmark = pytest.mark.slow
layout = load("layout")
SERVER_DISTS = {"fastapi", "uvicorn", "sqlalchemy", "starlette", "pydantic", "prometheus-client", "msgspec",
                "fieldkit-central"}


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FIELDKIT_PROFILE", "VIRTUAL_ENV")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env


def _pip(py: Path, *args: str, cwd: Path, env: dict[str, str]) -> None:
    r = subprocess.run([str(py), "-m", "pip", "install", "-q", *args], cwd=cwd, env=env, capture_output=True,
                       text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]



def test_laptop_install_has_no_server_and_the_central_extra_serves(tmp_path: Path):
    checkout = tmp_path / "checkout"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(checkout)], check=True, timeout=120)
    home = tmp_path / "home"
    home.mkdir()
    env = _env(home)
    venv.create(tmp_path / "venv", with_pip=True)
    py = tmp_path / "venv" / "bin" / "python"
    fk = tmp_path / "venv" / "bin" / "fieldkit"

    _pip(py, ".", cwd=checkout, env=env)  # the laptop, with all its dependencies
    listed = subprocess.run([str(py), "-m", "pip", "list", "--format", "json"], capture_output=True, text=True,
                            env=env, timeout=120, check=True).stdout
    names = {d["name"].lower().replace("_", "-") for d in json.loads(listed)}
    assert "fieldkit" in names and "pyside6-essentials" in names
    assert not names & SERVER_DISTS, names & SERVER_DISTS
    probe = ("import importlib.util as u, json, fieldkit, pathlib; "
             f"print(json.dumps([[m for m in {list(layout.SERVER_MODULES)!r} if u.find_spec(m)], "
             "str(pathlib.Path(fieldkit.__file__).parent)]))")
    found, where = json.loads(subprocess.run([str(py), "-c", probe], capture_output=True, text=True, env=env,
                                             cwd=home, timeout=60, check=True).stdout)
    assert found == [] and str(tmp_path / "venv") in where  # the installed copy, not the checkout
    assert not (Path(where) / "central").exists()
    helped = subprocess.run([str(fk), "--help"], capture_output=True, text=True, env=env, cwd=home, timeout=60)
    assert helped.returncode == 0 and "central" in helped.stdout
    refused = subprocess.run([str(fk), "central", "serve"], capture_output=True, text=True, env=env, cwd=home,
                             timeout=60)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "fieldkit[central]" in refused.stderr
    demo = subprocess.run([str(fk), "demo", "--no-gui", "--dir", str(home / "demo")], capture_output=True,
                          text=True, env=env, cwd=home, timeout=60)
    assert demo.returncode != 0 and "fieldkit[central]" in demo.stderr and not (home / "demo").exists()

    _pip(py, ".[central]", cwd=checkout, env=env)  # the server on top
    port = free_port()
    server = subprocess.Popen([str(fk), "central", "serve", "--db", str(home / "central.db"), "--port", str(port),
                               "--log-level", "warning"], env=env, cwd=home, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except requests.RequestException:
                assert server.poll() is None, server.communicate()[1][-2000:]
                assert time.monotonic() < deadline, "the installed server did not start"
                time.sleep(0.3)
        assert health.status_code == 200 and health.json()["db"] == "ok"
        assert requests.get(f"http://127.0.0.1:{port}/v1/ping", timeout=5).json()["ok"] is True
        assert "fieldkit_http_requests_total" in requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
        served_from = subprocess.run([str(py), "-c", "import fieldkit.central.api as a; print(a.__file__)"],
                                     capture_output=True, text=True, env=env, cwd=home, timeout=60).stdout
        assert str(tmp_path / "venv") in served_from
    finally:
        server.terminate()
        server.wait(timeout=20)
