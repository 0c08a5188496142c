"""Find bundled resources (translations, icons, fonts) in a source checkout and in a
PyInstaller bundle alike. Qt-free."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """`resources/` beside the package in a checkout; `<_MEIPASS>/resources` when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
