"""Every package except fieldkit.ui imports with PySide6 blocked: the core is Qt-free."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
            raise ImportError(f"Qt is blocked outside fieldkit.ui: {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import fieldkit
failed = []
count = 0
for info in pkgutil.walk_packages(fieldkit.__path__, "fieldkit."):
    if info.name.startswith("fieldkit.ui") or info.name == "fieldkit.__main__":
        continue
    count += 1
    try:
        importlib.import_module(info.name)
    except ImportError as exc:
        if "Qt is blocked" in str(exc):
            failed.append(f"{info.name}: {exc}")
print(count)
print("\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_core_imports_without_qt():
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.split()[0]) >= 20  # it really walked the packages


def test_ui_does_not_touch_the_database():
    offenders = []
    for path in (ROOT / "fieldkit" / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in ("execute(", "sqlite3", "sqlite_utils", "sqlcipher"):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle}")
    assert offenders == []
