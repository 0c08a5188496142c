"""Numbered schema migrations.

Each module `mNNNN_name.py` holds `VERSION = NNNN` and `def migrate(conn) -> None`.
They run in order inside one transaction each, at start-up, and `PRAGMA user_version`
records the last one applied. A database from any earlier release opens: every
migration has a test that creates a database at each earlier version and opens it.

Numbers reserved so parallel work does not collide: 3 sync, 4 forms/installs,
5 onboarding, 6 reviews.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    migrate: Callable[[Any], None]


def all_migrations() -> list[Migration]:
    found: list[Migration] = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("m"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.append(Migration(int(module.VERSION), info.name, module.migrate))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, found {versions}")
    return found


def latest_version() -> int:
    return len(all_migrations())
