"""The layout of the one-folder bundle, shared by the spec, the build script, the Windows
installer check and the tests, so the three cannot drift apart.

    dist/fieldkit/                 the bundle (installed to Program Files on Windows)
        fieldkit[.exe]             console program: CLI, `fieldkit --version`, `fieldkit doctor`
        fieldkitw.exe              Windows only: the same app without a console (Start menu)
        _internal/                 Python, Qt, libraries and the read-only data:
            resources/...          translations (.ts and compiled .qm), fonts, tariffs, forms, icons
            build-info.json        version, commit, build time, Python and Qt versions

The user's data (encrypted database, keyring, attachments, settings) is never in the
bundle: it lives in platformdirs' user data folder (FIELDKIT_PROFILE overrides), e.g.
`%LOCALAPPDATA%\\FieldKit\\FieldKit\\default` on Windows, `~/.local/share/FieldKit/default`
on Linux. Qt-free, standard library only.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

APP_NAME = "FieldKit"
PUBLISHER = "FieldKit"
BUNDLE_DIR = "fieldkit"  # dist/<BUNDLE_DIR>
EXE = "fieldkit"  # console program (CLI and GUI)
GUI_EXE = "fieldkitw"  # Windows: the same app without a console, for the Start-menu entry
CONTENTS = "_internal"  # PyInstaller >= 6 puts everything but the programs here
BUILD_INFO = "build-info.json"

# resources/ sub-folders that must be in the bundle (created by the build if empty in a checkout)
RESOURCE_DIRS = ("translations", "fonts", "tariffs", "forms", "icons", "onboarding", "demo")
# The central server and its libraries: never in the laptop bundle (the server is `fieldkit[central]`).
SERVER_MODULES = ("fieldkit.central", "fastapi", "starlette", "uvicorn", "sqlalchemy", "pydantic", "pydantic_core",
                  "prometheus_client", "msgspec", "anyio", "h11", "httptools", "uvloop", "websockets", "watchfiles")
# files in resources/ that stay out of the bundle
RESOURCE_EXCLUDES = ("*.qm", "*.sh", "*.py", "*.pyc", "__pycache__", ".*")


def exe_names(platform: str) -> list[str]:
    """Programs at the bundle's top level on `platform` ("win32", "linux", "darwin")."""
    if platform == "win32":
        return [EXE + ".exe", GUI_EXE + ".exe"]
    return [EXE]


def required(platform: str, languages: tuple[str, ...] = ("vi", "en")) -> list[str]:
    """Glob patterns, relative to the bundle folder, that must each match at least one file."""
    c = CONTENTS
    qt_plugins = (f"{c}/PySide6/plugins" if platform == "win32" else f"{c}/PySide6/Qt/plugins")
    shared = "*.dll" if platform == "win32" else "*.so*"
    patterns = [*exe_names(platform), f"{c}/{BUILD_INFO}"]
    for lang in languages:
        patterns += [f"{c}/resources/translations/fieldkit_{lang}.ts",
                     f"{c}/resources/translations/fieldkit_{lang}.qm"]
    patterns += [
        f"{c}/resources/fonts/DejaVuSans.ttf",
        f"{c}/resources/fonts/DejaVuSans-Bold.ttf",
        f"{c}/resources/tariffs/residential.json",
        f"{c}/resources/icons/*.svg",
        f"{c}/vietnam_provinces/data/nested-divisions.json",
        f"{c}/sqlcipher3/_sqlite3*",
        f"{c}/_argon2_cffi_bindings/_ffi*",
        f"{c}/_cffi_backend*",
        f"{c}/cryptography/hazmat/bindings/_rust*",
        f"{c}/reportlab/fonts/*",
        f"{qt_plugins}/platforms/*offscreen*",
        f"{qt_plugins}/imageformats/*svg*",
        f"{c}/PySide6/QtWidgets*",
        f"{c}/base_library.zip",
    ]
    if platform == "win32":
        patterns += [f"{qt_plugins}/platforms/qwindows.dll", f"{c}/python3*.dll"]
    elif platform == "linux":
        patterns += [f"{qt_plugins}/platforms/*xcb*", f"{qt_plugins}/xcbglintegrations/*",
                     f"{c}/libpython3*{shared}"]
    return patterns


def missing(bundle: str | os.PathLike[str], platform: str) -> list[str]:
    """The patterns of `required(platform)` that match nothing in `bundle`."""
    root = Path(bundle)
    return [p for p in required(platform) if not glob.glob(str(root / p))]


def size_bytes(folder: str | os.PathLike[str]) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                total += os.path.getsize(path)
    return total
