"""Helpers for the installer tests: the installer/ scripts as modules, an old-schema profile."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def load(name: str) -> ModuleType:
    """installer/<name>.py as a module (installer/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"fieldkit_installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def old_schema_profile(folder: Path, version: int = 1, pin: str = "246810") -> None:
    """A real encrypted profile (user lan) whose database stopped at schema `version`,
    as an older FieldKit release left it."""
    from fieldkit.store.database import connect, migrate, schema_version
    from fieldkit.store.keyring import FAST_KDF
    from fieldkit.store.profile import DB_FILE, create_profile

    scratch = folder.parent / (folder.name + "-scratch")
    opened = create_profile(scratch, username="lan", display_name="Trần Thị Lan", role="technician",
                            secret=pin, params=FAST_KDF)
    user_id, key = opened.user.user_id, opened.data_key
    opened.close()
    folder.mkdir(parents=True)
    shutil.copy2(scratch / "keyring.json", folder / "keyring.json")
    shutil.rmtree(scratch)
    conn = connect(folder / DB_FILE, key)
    try:
        assert migrate(conn, target=version) == version
        conn.execute("INSERT INTO users (id, username, display_name, role, team_id) VALUES (?, ?, ?, ?, ?)",
                     (user_id, "lan", "Trần Thị Lan", "technician", None))
        assert schema_version(conn) == version
    finally:
        conn.close()
