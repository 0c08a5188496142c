"""The Linux bundle, built for real from a clean checkout of HEAD and run from its tarball
with no virtual environment: `fieldkit --version`, `fieldkit doctor`, an offscreen start
to the main window, an older database opened by this release, and user data kept apart
from the bundle across an upgrade. Prints the bundle size and the start-up time.

About 2 minutes on 2 cores (PyInstaller ~80 s). Needs PyInstaller in the build
environment: skipped without it, except under CI (CI=true), where it fails.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldkit import __version__

from .helpers import ROOT, load, old_schema_profile

pytestmark = pytest.mark.slow
layout = load("layout")
PIN = "246810"


@dataclass
class Built:
    checkout: Path
    commit: str
    tarball: Path
    bundle: Path  # unpacked from the tarball, away from the build tree
    home: Path  # the user's home for every run from the bundle
    build_seconds: float


def _need_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is not installed in the build environment (pip install pyinstaller)")
        pytest.skip("PyInstaller is not installed (pip install pyinstaller)")


def _unpack(tarball: Path, into: Path) -> Path:
    into.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        tar.extractall(into, filter="tar")
    (top,) = list(into.iterdir())
    return top


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    _need_pyinstaller()
    base = tmp_path_factory.mktemp("bundle")
    checkout = base / "checkout"
    if not (ROOT / ".git").exists():
        pytest.fail(f"{ROOT} is not a git checkout: the bundle is built from a clean clone of HEAD")
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(checkout)], check=True, timeout=120)
    commit = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.strip()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FIELDKIT_PROFILE")}
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "installer/build.py", "--dist", str(base / "dist"),
                        "--work", str(base / "work")], cwd=checkout, capture_output=True, text=True, env=env,
                       timeout=900)
    seconds = time.monotonic() - t0
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-6000:]
    (tarball,) = list((base / "dist").glob("fieldkit-*.tar.gz"))
    shutil.rmtree(base / "work")
    bundle = _unpack(tarball, base / "opt")
    shutil.rmtree(base / "dist" / layout.BUNDLE_DIR)  # run from the tarball's copy only
    home = base / "home"
    home.mkdir()
    yield Built(checkout, commit, tarball, bundle, home, seconds)


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """No virtual environment, no PYTHONPATH, a fresh home: what a field laptop has."""
    env = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen",
           # the same laptop as the test process, which made the profiles: their device secrets are here
           "FIELDKIT_CREDENTIALS": "file", "FIELDKIT_SECRETS_DIR": os.environ["FIELDKIT_SECRETS_DIR"]}
    env.update(extra)
    return env


def run(built: Built, *args: str, bundle: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    program = (bundle or built.bundle) / layout.EXE
    return subprocess.run([str(program), *args], capture_output=True, text=True, timeout=180,
                          env=bare_env(built.home, **env), cwd=built.home)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


def report(capsys: pytest.CaptureFixture[str], text: str) -> None:
    with capsys.disabled():
        print(f"\n[installer] {text}")


def test_bundle_layout_size_and_build_info(built: Built, capsys: pytest.CaptureFixture[str]):
    assert layout.missing(built.bundle, sys.platform) == []
    info = json.loads((built.bundle / layout.CONTENTS / layout.BUILD_INFO).read_text(encoding="utf-8"))
    assert info["version"] == __version__ and info["commit"] == built.commit
    names = {p.name for p in built.bundle.rglob("*")}
    assert not names & {"fieldkit.db", "keyring.json", "settings.json"}  # no user data in the bundle
    assert not any(n.startswith(("libQt6WebEngine", "libQt6Quick", "libQt6Qml", "libQt63D")) for n in names)
    # every catalogue of the checkout, source and compiled
    for ts in (built.checkout / "resources" / "translations").glob("*.ts"):
        folder = built.bundle / layout.CONTENTS / "resources" / "translations"
        assert (folder / ts.name).exists() and (folder / (ts.stem + ".qm")).exists(), ts.name
    # every resource file of the checkout is in the bundle (bar the layout's exclusions)
    source = built.checkout / "resources"
    for path in source.rglob("*"):
        rel = path.relative_to(source)
        if path.is_file() and not any(fnmatch.fnmatch(part, pat) for part in rel.parts
                                      for pat in layout.RESOURCE_EXCLUDES):
            assert (built.bundle / layout.CONTENTS / "resources" / rel).is_file(), rel
    for sub in layout.RESOURCE_DIRS:
        assert (built.bundle / layout.CONTENTS / "resources" / sub).is_dir(), sub
    size = layout.size_bytes(built.bundle)
    assert size < 400e6
    report(capsys, f"bundle {size / 1e6:.1f} MB unpacked, tarball {built.tarball.stat().st_size / 1e6:.1f} MB, "
                   f"built in {built.build_seconds:.0f} s from a clean clone of {built.commit[:12]}")


def test_version_runs_without_python_or_venv(built: Built):
    r = run(built, "--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"fieldkit {__version__}"
    venv = str(Path(sys.executable).parent)
    assert venv not in bare_env(built.home)["PATH"]
    probe = run(built, "-c", "import sys, json; print(json.dumps([getattr(sys, 'frozen', False), sys.path]))")
    assert probe.returncode == 0, probe.stderr
    frozen, path = json.loads(probe.stdout)
    assert frozen is True
    assert all(p.startswith(str(built.bundle)) for p in path), path  # nothing from the venv or the system


def test_the_bundle_carries_no_central_server(built: Built):
    probe = run(built, "-c", "import importlib.util as u, json; "
                f"print(json.dumps([m for m in {list(layout.SERVER_MODULES)!r} if u.find_spec(m)]))")
    assert probe.returncode == 0, probe.stderr
    assert json.loads(probe.stdout) == []
    names = {p.name.lower() for p in built.bundle.rglob("*")}
    assert not [n for n in names if n.startswith(("fastapi", "uvicorn", "sqlalchemy", "starlette", "pydantic"))]
    r = run(built, "central", "serve", "--port", "0")
    assert r.returncode == 2
    assert r.stdout == "" and r.stderr.count("\n") == 1 and 'fieldkit[central]' in r.stderr, r.stderr
    assert run(built, "--help").returncode == 0


def test_doctor_from_the_bundle(built: Built):
    r = run(built, "doctor", "--json")
    assert r.returncode == 0, r.stdout + r.stderr
    checks = {c["name"]: c for c in json.loads(r.stdout)}
    assert checks["python"]["status"] == "ok" and __version__ in checks["python"]["detail"]
    assert checks["qt"]["status"] == "ok" and "offscreen" in checks["qt"]["detail"]
    assert not [c for c in checks.values() if c["status"] == "FAIL"]


def test_offscreen_start_opens_the_main_window(built: Built, capsys: pytest.CaptureFixture[str]):
    where = run(built, "-c", "from fieldkit.store.profile import default_profile_dir; print(default_profile_dir())")
    profile = Path(where.stdout.strip())
    assert profile.is_relative_to(built.home) and not profile.is_relative_to(built.bundle)
    made = run(built, "demo-data", "--db", str(profile / "fieldkit.db"), "--customers", "200", "--months", "3")
    assert made.returncode == 0, made.stderr
    times = []
    for _ in range(2):
        t0 = time.monotonic()
        r = run(built, "gui", "--exit-after-start", "--user", "lan", FIELDKIT_PIN=PIN)
        times.append(time.monotonic() - t0)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "main window shown" in r.stdout and "language vi (qm)" in r.stdout, r.stdout
        assert "Traceback" not in r.stderr
    assert times[0] < 60
    report(capsys, f"start to main window and exit: first run after unpacking {times[0]:.2f} s, "
                   f"second run {times[1]:.2f} s (offscreen, 200-customer demo profile)")


def test_a_newer_release_opens_an_older_database(built: Built, tmp_path: Path):
    from fieldkit.store.migrations import latest_version

    profile = tmp_path / "old-profile"
    old_schema_profile(profile, version=1, pin=PIN)
    r = run(built, "doctor", "--profile", str(profile), "--user", "lan", "--json", FIELDKIT_PIN=PIN)
    assert r.returncode == 0, r.stdout + r.stderr
    database = next(c for c in json.loads(r.stdout) if c["name"] == "database")
    assert database["status"] == "ok"
    assert f"schema {latest_version()}," in database["detail"] and latest_version() > 1
    start = run(built, "gui", "--profile", str(profile), "--exit-after-start", "--user", "lan", FIELDKIT_PIN=PIN)
    assert start.returncode == 0, start.stderr


def test_upgrade_replaces_the_bundle_and_keeps_the_user_data(built: Built, tmp_path: Path):
    profile = tmp_path / "profile"
    old_schema_profile(profile, version=1, pin=PIN)
    assert run(built, "gui", "--profile", str(profile), "--exit-after-start", "--user", "lan",
               FIELDKIT_PIN=PIN).returncode == 0
    before_bundle = snapshot(built.bundle)
    db = profile / "fieldkit.db"
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    # running the app wrote nothing into the bundle (no profile, no compiled translations)
    assert run(built, "doctor").returncode == 0
    assert snapshot(built.bundle) == before_bundle
    # upgrade: the new release's folder replaces the old one; the profile is elsewhere
    new = _unpack(built.tarball, tmp_path / "opt-new")
    shutil.rmtree(built.bundle)
    try:
        assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
        r = run(built, "gui", "--profile", str(profile), "--exit-after-start", "--user", "lan",
                bundle=new, FIELDKIT_PIN=PIN)
        assert r.returncode == 0, r.stderr
    finally:
        shutil.move(str(new), str(built.bundle))
