"""Device ports are settings declared as data: the install form finds its probe and GPS
readers from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldkit.ui.config import Config
from fieldkit.ui.install.install_form import _readers
from fieldkit.ui.settings_specs import SETTINGS


def test_gps_port_is_a_setting_the_install_form_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("FIELDKIT_GPS_PORT", raising=False)
    monkeypatch.delenv("FIELDKIT_PROBE_PORT", raising=False)
    keys = [s.key for s in SETTINGS]
    assert "gps_port" in keys and "probe_port" in keys
    config = Config(tmp_path)
    assert _readers(config) == {}  # nothing configured: both are typed by hand
    config.set("gps_port", "/dev/ttyACM0")
    assert set(_readers(Config(tmp_path))) == {"gps"}  # remembered in settings.json
    config.set("probe_port", "/dev/ttyUSB0")
    assert set(_readers(Config(tmp_path))) == {"gps", "probe"}
