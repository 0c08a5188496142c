"""The NSIS script (installer/fieldkit.nsi): its rules read from the script, every file it
packs resolved against the bundle layout (installer/layout.py), and a real compile with
makensis when it is installed (Debian: apt-get install nsis)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import INSTALLER, load

layout = load("layout")
NSI = INSTALLER / "fieldkit.nsi"
USER_DATA = ("$APPDATA", "$LOCALAPPDATA", "$PROFILE", "$DOCUMENTS", "$TEMP", "FIELDKIT_PROFILE", "%LOCALAPPDATA%")


def statements(text: str) -> list[list[str]]:
    """The script as statements: words (quotes removed), comments and blank lines dropped."""
    out: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        words = [a or b or c for a, b, c in re.findall(r'"([^"]*)"|\'([^\']*)\'|(\S+)', line)]
        out.append(words)
    return out


def defines(stmts: list[list[str]]) -> dict[str, str]:
    return {s[1]: s[2] for s in stmts if s[0] == "!define" and len(s) >= 3}


def expand(word: str, names: dict[str, str]) -> str:
    for _ in range(5):
        word = re.sub(r"\$\{(\w+)\}", lambda m: names.get(m.group(1), m.group(0)), word)
    return word


def section(stmts: list[list[str]], name: str) -> list[list[str]]:
    """Statements of the section whose first argument is `name` (or the unnamed one for "")."""
    body: list[list[str]] | None = None
    for s in stmts:
        if s[0] == "Section" and body is None and (s[1:2] or [""])[0] == name:
            body = []
        elif s[0] == "SectionEnd" and body is not None:
            return body
        elif body is not None:
            body.append(s)
    raise AssertionError(f"no section {name!r}")


def function(stmts: list[list[str]], name: str) -> list[list[str]]:
    start = next(i for i, s in enumerate(stmts) if s[:2] == ["Function", name])
    end = next(i for i in range(start, len(stmts)) if stmts[i][0] == "FunctionEnd")
    return stmts[start + 1:end]


STMTS = statements(NSI.read_text(encoding="utf-8"))
NAMES = defines(STMTS)


def fake_windows_bundle(root: Path) -> Path:
    """An empty-file copy of the Windows bundle layout (every required pattern made real)."""
    bundle = root / "fieldkit"
    for pattern in layout.required("win32"):
        path = bundle / pattern.replace("*", "x")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    return bundle


def test_names_agree_with_the_bundle_layout():
    assert NAMES["EXE"] == layout.EXE + ".exe"
    assert NAMES["GUI_EXE"] == layout.GUI_EXE + ".exe"
    assert NAMES["CONTENTS"] == layout.CONTENTS
    assert set(layout.exe_names("win32")) == {NAMES["EXE"], NAMES["GUI_EXE"]}
    # Windows file names ignore case: the two programs must differ in more than case
    assert NAMES["EXE"].lower() != NAMES["GUI_EXE"].lower()


def test_per_machine_install_with_start_menu_and_uninstaller():
    first = {s[0]: s[1:] for s in STMTS}
    assert first["RequestExecutionLevel"] == ["admin"]
    assert expand(first["InstallDir"][0], NAMES) == "$PROGRAMFILES64\\FieldKit"
    assert first["InstallDirRegKey"][0] == "HKLM"  # an upgrade finds the folder of the older release
    for fn in (".onInit", "un.onInit"):
        assert ["SetShellVarContext", "all"] in function(STMTS, fn)
    main = section(STMTS, "FieldKit")
    shortcuts = [[expand(w, NAMES) for w in s] for s in main if s[0] == "CreateShortcut"]
    assert shortcuts and shortcuts[0][1].startswith("$SMPROGRAMS\\FieldKit\\")
    assert shortcuts[0][2] == "$INSTDIR\\" + layout.GUI_EXE + ".exe"
    assert ["WriteUninstaller", "$INSTDIR\\uninstall.exe"] in main
    reg = [[expand(w, NAMES) for w in s] for s in main if s[0] == "WriteRegStr"]
    uninstall_key = "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\FieldKit"
    assert {r[3] for r in reg if r[2] == uninstall_key} >= {"DisplayName", "DisplayVersion", "UninstallString"}


def _removals(stmts: list[list[str]]) -> list[list[str]]:
    return [[expand(w, NAMES) for w in s] for s in stmts if s[0] in ("Delete", "RMDir")]


def test_nothing_ever_removes_user_data():
    """Install (= upgrade) and uninstall delete program files only: in the installation
    folder and the Start menu, never a user data folder, never the installation folder
    recursively (it may be a folder the user chose that holds other things)."""
    for name in ("FieldKit", "Uninstall"):
        removals = _removals(section(STMTS, name))
        assert removals, name
        for r in removals:
            target = r[-1]
            assert target.startswith(("$INSTDIR\\", "$SMPROGRAMS\\FieldKit")) or r == ["RMDir", "$INSTDIR"], r
            assert not any(marker.lower() in target.lower() for marker in USER_DATA), r
            if "/r" in r:
                assert target == "$INSTDIR\\" + layout.CONTENTS, r
    every_word = " ".join(" ".join(s) for s in STMTS if not s[0].startswith(("LangString", "DetailPrint")))
    for marker in USER_DATA:
        assert marker.lower() not in every_word.lower(), marker


def test_upgrade_replaces_program_files_before_copying_the_new_ones():
    main = section(STMTS, "FieldKit")
    first_file = next(i for i, s in enumerate(main) if s[0] == "File")
    before = [[expand(w, NAMES) for w in s] for s in main[:first_file] if s[0] in ("Delete", "RMDir")]
    assert ["RMDir", "/r", "$INSTDIR\\" + layout.CONTENTS] in before
    assert ["Delete", "$INSTDIR\\" + layout.EXE + ".exe"] in before


def test_every_packed_file_is_in_the_bundle_layout(tmp_path: Path):
    bundle = fake_windows_bundle(tmp_path)
    names = {**NAMES, "BUNDLE": str(bundle)}
    files = [s for s in STMTS if s[0] == "File"]
    assert len(files) >= 3
    packed: set[str] = set()
    for s in files:
        source = Path(expand(s[-1], names).replace("\\", "/"))
        assert source.exists(), s
        packed.add(source.relative_to(bundle).parts[0])
    # and everything at the top of the bundle is packed
    assert packed == {p.name for p in bundle.iterdir()}


def _makensis(bundle: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("makensis")
    if tool is None:
        pytest.skip("makensis is not installed (Debian: apt-get install nsis)")
    return subprocess.run([tool, "-V2", "-WX", f"-DBUNDLE={bundle}", "-DVERSION=0.1.0",
                           f"-DOUTFILE={out}", *extra, str(NSI)],
                          capture_output=True, text=True, timeout=120)


def test_makensis_compiles_the_script_against_the_layout(tmp_path: Path):
    bundle = fake_windows_bundle(tmp_path)
    out = tmp_path / "FieldKit-0.1.0-setup.exe"
    r = _makensis(bundle, out)
    assert r.returncode == 0, r.stdout + r.stderr
    data = out.read_bytes()
    assert data[:2] == b"MZ" and b"Nullsoft" in data
    assert "FieldKit" in data.decode("utf-16-le", errors="ignore")  # version resource: ProductName


def test_makensis_refuses_a_bundle_without_the_windowed_program(tmp_path: Path):
    bundle = fake_windows_bundle(tmp_path)
    (bundle / (layout.GUI_EXE + ".exe")).unlink()
    r = _makensis(bundle, tmp_path / "x-setup.exe")
    assert r.returncode != 0
    assert "no files found" in r.stdout + r.stderr
