"""Reading settings per meter model, declared as data.

The technician never picks a protocol: ``protocol="auto"`` finds it. Some models still need
settings -- a DLMS client address other than the public one, an LLS password for the
objects the public client may not read, a physical server address, HDLC directly, or their
own event-code numbering. Each :class:`MeterModel` matches a meter by manufacturer and
model (as the store knows them, case-insensitive; ``model`` may end in ``*``) and overrides
fields of :class:`~fieldkit.devices.client.ReadOptions`.

The table is data: :data:`BUILTIN` ships with FieldKit; a utility can give its own JSON file
(a list of objects with the same keys) whose entries come first. A bad entry is refused
with the reason, never half-applied.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from fieldkit.devices.client import ReadOptions
from fieldkit.devices.detect import PROTOCOLS

# the ReadOptions fields a model may set, with their type
ALLOWED: dict[str, type] = {
    "protocol": str, "client_address": int, "server_logical": int, "server_physical": int,
    "dlms_password": str, "hdlc_baud": int, "baud_max": int, "password": str, "address": str,
    "answer_timeout": float, "inactivity_time": float, "max_info": int,
}


@dataclass(frozen=True)
class MeterModel:
    manufacturer: str
    model: str = "*"
    settings: tuple[tuple[str, Any], ...] = ()
    note: str = ""

    def matches(self, manufacturer: str, model: str) -> bool:
        if self.manufacturer.casefold() != manufacturer.strip().casefold():
            return False
        pattern, name = self.model.casefold(), model.strip().casefold()
        return name.startswith(pattern[:-1]) if pattern.endswith("*") else name == pattern

    def apply(self, options: ReadOptions) -> ReadOptions:
        return replace(options, **dict(self.settings))


def model_from_dict(data: dict[str, Any]) -> MeterModel:
    """One entry; ValueError saying what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("manufacturer"), str) or not data["manufacturer"]:
        raise ValueError("each entry needs a manufacturer")
    settings: list[tuple[str, Any]] = []
    for key, value in data.items():
        if key in ("manufacturer", "model", "note"):
            continue
        wanted = ALLOWED.get(key)
        if wanted is None:
            raise ValueError(f"unknown setting {key!r}")
        if wanted is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, wanted) or isinstance(value, bool):
            raise ValueError(f"{key!r} must be {wanted.__name__}")
        if key == "protocol" and value not in PROTOCOLS:
            raise ValueError(f"protocol must be one of {', '.join(PROTOCOLS)}")
        if key in ("client_address", "server_logical") and isinstance(value, int) and not 0 <= value < 128:
            raise ValueError(f"{key!r} out of range")
        settings.append((key, value))
    return MeterModel(data["manufacturer"], str(data.get("model", "*")), tuple(settings), str(data.get("note", "")))


BUILTIN: tuple[MeterModel, ...] = (
    # the simulator's DLMS meters, and the forms real ones take
    model_from_dict({"manufacturer": "FKD", "model": "*", "protocol": "auto", "client_address": 16,
                     "note": "simulated DLMS meter (public client)"}),
    model_from_dict({"manufacturer": "FKS", "model": "FK1P-HDLC*", "protocol": "hdlc",
                     "note": "optical port speaks HDLC only"}),
)
_OPTION_NAMES = {f.name for f in fields(ReadOptions)}
assert set(ALLOWED) <= _OPTION_NAMES


def load(path: str | Path) -> list[MeterModel]:
    """A utility's table (JSON list). ValueError naming the entry that is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except RecursionError:  # "[[[[..." : a hostile file must not take the app down
        raise ValueError("the meter model settings are nested too deeply") from None
    if not isinstance(data, list):
        raise ValueError("the meter model settings must be a JSON list")
    models = []
    for index, item in enumerate(data):
        try:
            models.append(model_from_dict(item))
        except ValueError as exc:
            raise ValueError(f"entry {index + 1}: {exc}") from None
    return models


def options_for(manufacturer: str, model: str, base: ReadOptions | None = None,
                models: Sequence[MeterModel] = ()) -> ReadOptions:
    """``base`` with the settings of the first model that matches (the utility's first, then built-in)."""
    options = base or ReadOptions()
    for entry in (*models, *BUILTIN):
        if entry.matches(manufacturer, model):
            return entry.apply(options)
    return options
