"""Optional parts of FieldKit that the laptop install does not carry.

The laptop (`pip install .`, the PyInstaller bundle) has no central server: `fieldkit/central`,
FastAPI, uvicorn and SQLAlchemy come with the extra `fieldkit[central]` (server/pyproject.toml).
Commands that need it ask here first and say in one line what to install.
"""

from __future__ import annotations

import importlib.util

CENTRAL_MODULES = ("fieldkit.central", "fastapi", "uvicorn", "sqlalchemy", "prometheus_client")
CENTRAL_HINT = ("the central server is not installed here: install it with "
                "pip install \"fieldkit[central]\" (from a FieldKit checkout: pip install \".[central]\")")


def missing(modules: tuple[str, ...]) -> list[str]:
    """The modules of `modules` that cannot be imported here (without importing them)."""
    out = []
    for name in modules:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            out.append(name)
    return out


def central_missing() -> list[str]:
    return missing(CENTRAL_MODULES)
