"""The settings the user can change, declared as data. The settings page renders them
generically; adding a setting is adding a `SettingSpec` here (and its default in
`config.DEFAULTS`), then translating its label."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fieldkit.ui.i18n import LANGUAGES
from fieldkit.ui.qt import QT_TRANSLATE_NOOP


def _check_url(value: str) -> str | None:
    v = value.strip()
    if v and not (v.startswith("http://") or v.startswith("https://")):
        return QT_TRANSLATE_NOOP("Settings", "The address starts with https:// (or http://).")
    return None


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: str  # "choice" or "text"
    default: str
    label: str  # source text, context "Settings"
    help: str = ""  # source text, context "Settings"
    choices: tuple[tuple[str, str, bool], ...] = ()  # (value, text, translate the text?)
    placeholder: str = ""
    check: Callable[[str], str | None] | None = None  # returns an untranslated problem, or None
    # a limit that protects data quality: kept in the store by `services.quality_settings`, set by the
    # server or a supervisor only (read-only for everyone else; the service refuses them too)
    supervisor_only: bool = False


SETTINGS: list[SettingSpec] = [
    SettingSpec(
        "language", "choice", "vi", QT_TRANSLATE_NOOP("Settings", "Language"),
        QT_TRANSLATE_NOOP("Settings", "Changes at once, no restart needed."),
        choices=tuple((code, name, False) for code, name in LANGUAGES.items()),
    ),
    SettingSpec(
        "ui_scale", "choice", "normal", QT_TRANSLATE_NOOP("Settings", "Text and button size"),
        QT_TRANSLATE_NOOP("Settings", "Large is easier to read in sunlight and to press with gloves."),
        choices=(("normal", QT_TRANSLATE_NOOP("Settings", "Normal"), True),
                 ("large", QT_TRANSLATE_NOOP("Settings", "Large"), True)),
    ),
    SettingSpec(
        "server_url", "text", "", QT_TRANSLATE_NOOP("Settings", "Central server address"),
        QT_TRANSLATE_NOOP("Settings", "Given by your team leader. Used by sync."),
        placeholder="https://fieldkit.example.vn", check=_check_url,
    ),
    SettingSpec(
        "probe_port", "text", "", QT_TRANSLATE_NOOP("Settings", "Optical probe port"),
        QT_TRANSLATE_NOOP("Settings", "Leave empty to find the probe automatically."),
        placeholder="COM3, /dev/ttyUSB0",
    ),
    SettingSpec(
        "gps_port", "text", "", QT_TRANSLATE_NOOP("Settings", "GPS receiver port"),
        QT_TRANSLATE_NOOP("Settings", "A GPS receiver that speaks NMEA; leave empty to type the position."),
        placeholder="COM4, /dev/ttyACM0",
    ),
]

# Reading limits (clock difference, abnormal multiple), declared with the reading screens.
from fieldkit.ui.readings.settings import reading_settings  # noqa: E402

SETTINGS += reading_settings(SettingSpec)
