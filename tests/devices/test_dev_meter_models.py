"""Reading settings per meter model, as data: matching, overriding, refusing bad entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldkit.devices.client import ReadOptions
from fieldkit.devices.meter_models import BUILTIN, MeterModel, load, model_from_dict, options_for


def test_default_is_automatic_detection() -> None:
    options = options_for("XYZ", "unknown model")
    assert options.protocol == "auto" and options.dlms_password is None and options.client_address == 16


def test_a_utility_table_forces_protocol_client_and_password(tmp_path: Path) -> None:
    path = tmp_path / "models.json"
    path.write_text(json.dumps([
        {"manufacturer": "LGZ", "model": "E650*", "protocol": "dlms", "client_address": 17,
         "dlms_password": "00000000", "note": "billing needs LLS"},
        {"manufacturer": "EMH", "protocol": "iec"},
    ]), encoding="utf-8")
    models = load(path)
    e650 = options_for("lgz", "E650 ZMD4", ReadOptions(expected_bytes=900), models)
    assert (e650.protocol, e650.client_address, e650.dlms_password, e650.expected_bytes) == \
        ("dlms", 17, "00000000", 900)
    assert options_for("EMH", "LZQJ", models=models).protocol == "iec"
    assert options_for("LGZ", "E350", models=models).protocol == "auto"  # model does not match
    # the utility's entries come before the built-in ones
    mine = load_entries(tmp_path, [{"manufacturer": "FKD", "protocol": "hdlc"}])
    assert options_for("FKD", "FK3P-DLMS", models=mine).protocol == "hdlc"
    assert options_for("FKD", "FK3P-DLMS").client_address == 16


def load_entries(tmp_path: Path, entries: list[dict[str, object]]) -> list[MeterModel]:
    path = tmp_path / "more.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return load(path)


@pytest.mark.parametrize("entry, why", [
    ({"model": "x"}, "manufacturer"),
    ({"manufacturer": "A", "protocol": "modbus"}, "protocol"),
    ({"manufacturer": "A", "client_address": "16"}, "client_address"),
    ({"manufacturer": "A", "client_address": 300}, "range"),
    ({"manufacturer": "A", "max_seconds": 1}, "unknown setting"),
    ({"manufacturer": "A", "hdlc_baud": True}, "hdlc_baud"),
])
def test_bad_entries_are_refused_with_the_reason(entry: dict[str, object], why: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=why):
        model_from_dict(entry)
    with pytest.raises(ValueError, match="entry 2"):
        load_entries(tmp_path, [{"manufacturer": "OK"}, entry])


def test_builtin_table_is_valid() -> None:
    assert all(m.manufacturer for m in BUILTIN)
