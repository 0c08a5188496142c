"""UI settings stored as JSON: language, UI scale, server address, probe port. Qt-free.

The file is `settings.json` in FIELDKIT_CONFIG_DIR when that is set, otherwise in the
profile folder (so each laptop profile keeps its own choices). It is read before login,
because the login screen already speaks the chosen language.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SETTINGS_FILE = "settings.json"

DEFAULTS: dict[str, Any] = {
    "language": "vi",
    "ui_scale": "normal",
    "server_url": "",
    "probe_port": "",
    "gps_port": "",
}


def config_dir(profile_folder: str | Path) -> Path:
    env = os.environ.get("FIELDKIT_CONFIG_DIR")
    return Path(env) if env else Path(profile_folder)


class Config:
    def __init__(self, folder: str | Path):
        self.path = Path(folder) / SETTINGS_FILE
        self._values: dict[str, Any] = dict(DEFAULTS)
        if self.path.exists():
            try:
                with open(self.path, encoding="utf-8") as f:
                    loaded = json.load(f)
                if isinstance(loaded, dict):
                    self._values.update(loaded)
            except (OSError, ValueError):
                pass  # a damaged settings file falls back to the defaults; it is rewritten on the next change

    @classmethod
    def for_profile(cls, profile_folder: str | Path) -> Config:
        return cls(config_dir(profile_folder))

    def get(self, key: str) -> Any:
        return self._values.get(key, DEFAULTS.get(key))

    def set(self, key: str, value: Any) -> None:
        if self._values.get(key) == value and self.path.exists():
            return
        self._values[key] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(self._values, f, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(tmp, self.path)

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)
