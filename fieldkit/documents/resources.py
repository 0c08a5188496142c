"""Locate bundled resources (fonts, tariffs, …) in a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path", "resources_root"]


def resources_root() -> Path:
    """``sys._MEIPASS/resources`` inside a PyInstaller bundle, else ``<repo>/resources``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    path = resources_root().joinpath(*parts)
    root = resources_root().resolve()
    if root != path.resolve() and root not in path.resolve().parents:
        raise ValueError(f"resource path escapes the resources folder: {parts!r}")
    return path
