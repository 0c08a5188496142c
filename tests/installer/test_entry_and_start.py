"""Fast checks of what the bundle is built from: the frozen entry point, the bundle layout
check, the spec's resource list, and `fieldkit gui --exit-after-start` (the offscreen
start-up check the bundle test runs), here from the virtual environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit import __version__

from .helpers import ROOT, load, old_schema_profile

entry = load("entry")
layout = load("layout")


def test_frozen_entry_runs_dash_c_like_python(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """In a bundle sys.executable is FieldKit itself; `fieldkit doctor` runs `sys.executable -c CODE`."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["fieldkit", "-c", "import sys; print('probe', sys.argv[1:])", "a1"])
    assert entry.main() == 0
    assert capsys.readouterr().out.strip() == "probe ['a1']"


def test_frozen_entry_accepts_dash_m_fieldkit(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`fieldkit demo` starts `sys.executable -m fieldkit central serve …` and the like."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["fieldkit", "-m", "fieldkit", "--version"])
    with pytest.raises(SystemExit) as exit_:
        entry.main()
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"fieldkit {__version__}"


def test_unfrozen_entry_leaves_dash_c_to_the_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "argv", ["fieldkit", "-c", "print('should not run')"])
    with pytest.raises(SystemExit) as exit_:
        entry.main()
    assert exit_.value.code == 2  # argparse: not a FieldKit option
    assert "should not run" not in capsys.readouterr().out


def test_layout_check_names_what_is_missing(tmp_path: Path):
    bundle = tmp_path / "fieldkit"
    for pattern in layout.required("linux"):
        path = bundle / pattern.replace("*", "x")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    assert layout.missing(bundle, "linux") == []
    (bundle / layout.CONTENTS / "resources" / "translations" / "fieldkit_vi.qm").unlink()
    assert layout.missing(bundle, "linux") == [f"{layout.CONTENTS}/resources/translations/fieldkit_vi.qm"]
    assert layout.size_bytes(bundle) == len(layout.required("linux")) - 1


def test_spec_collects_lazy_commands_and_package_data():
    spec = (ROOT / "installer" / "fieldkit.spec").read_text(encoding="utf-8")
    assert "collect_submodules(\"fieldkit\")" in spec  # sub-commands are imported lazily
    assert "collect_data_files(\"vietnam_provinces\")" in spec
    assert {"translations", "fonts", "tariffs", "forms", "icons", "onboarding"} <= set(layout.RESOURCE_DIRS)


def _gui(profile: Path, *args: str, pin: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FIELDKIT_PIN", "FIELDKIT_USER")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FIELDKIT_CONFIG_DIR"] = str(profile.parent / "config")
    if pin is not None:
        env["FIELDKIT_PIN"] = pin
    return subprocess.run([sys.executable, "-m", "fieldkit", "gui", "--profile", str(profile), *args],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


@pytest.fixture(scope="module")
def old_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("old") / "profile"
    old_schema_profile(folder, version=1)
    return folder


def test_exit_after_start_opens_the_main_window_and_exits_cleanly(old_profile: Path):
    from fieldkit.store.database import connect
    from fieldkit.store.keyring import Keyring
    from fieldkit.store.migrations import latest_version

    r = _gui(old_profile, "--exit-after-start", "--user", "lan", "--lang", "en", pin="246810")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "main window shown" in r.stdout
    assert "language en (" in r.stdout  # source varies in a checkout (.qm, compiled now, .ts)
    assert "Traceback" not in r.stderr
    # the schema-1 database was migrated when it was opened
    conn = connect(old_profile / "fieldkit.db", Keyring(old_profile).unlock("lan", "246810"))
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version() > 1
    finally:
        conn.close()


def test_exit_after_start_refuses_a_wrong_pin(old_profile: Path):
    r = _gui(old_profile, "--exit-after-start", "--user", "lan", pin="000000")
    assert r.returncode == 1
    assert "Wrong PIN" in r.stderr
    assert "main window shown" not in r.stdout


def test_exit_after_start_needs_a_user_and_pin(old_profile: Path):
    r = _gui(old_profile, "--exit-after-start", pin=None)
    assert r.returncode == 2
    assert "FIELDKIT_PIN" in r.stderr
