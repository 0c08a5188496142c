"""The reading limits and the utility's meter model table as settings, declared as data (`settings_specs.SETTINGS` appends them; the
spec class is passed in, so this module does not import `settings_specs` back).

Empty means the default (5 minutes, 3 times). The two limits are supervisor-only: kept in the
store by `services.quality_settings` (server, else supervisor, else default), not in settings.json.
So is the meter model table (it holds the meters' passwords): a supervisor names the utility's file
and it is imported into the encrypted store (`services.meter_model_settings`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldkit.services import meter_clock
from fieldkit.services.quality_settings import CLOCK_KEY, MULTIPLE_KEY
from fieldkit.services.readings import setting_problem
from fieldkit.ui.qt import QT_TRANSLATE_NOOP

__all__ = ["CLOCK_KEY", "MULTIPLE_KEY", "reading_settings"]


def _check_minutes(value: str) -> str | None:
    if value.strip() and setting_problem(value, "minutes") is not None:
        return QT_TRANSLATE_NOOP("Settings", "Type a number of minutes from 0 to 1440 (empty: 5).")
    return None


def _check_multiple(value: str) -> str | None:
    if value.strip() and setting_problem(value, "multiple") is not None:
        return QT_TRANSLATE_NOOP("Settings", "Type a number above 1, for example 3 (empty: 3).")
    return None


def _check_models(value: str) -> str | None:
    if value.strip() and meter_clock.setting_problem(value) is not None:
        return QT_TRANSLATE_NOOP("Settings", "This file is not a meter model table FieldKit can use (JSON list; "
                                             "see docs/devices.md).")
    return None


def reading_settings(spec: Callable[..., Any]) -> list[Any]:
    return [
        spec(
            CLOCK_KEY, "text", "", QT_TRANSLATE_NOOP("Settings", "Meter clock: allowed difference (minutes)"),
            QT_TRANSLATE_NOOP("Settings", "A reading warns when the meter clock differs from this laptop's clock "
                                          "by more than this. Empty: 5 minutes."),
            placeholder="5", check=_check_minutes, supervisor_only=True,
        ),
        spec(
            MULTIPLE_KEY, "text", "", QT_TRANSLATE_NOOP("Settings", "Abnormal consumption: times the usual"),
            QT_TRANSLATE_NOOP("Settings", "A reading is flagged when the consumption per day is more than this many "
                                          "times the average of the last three months. Empty: 3."),
            placeholder="3", check=_check_multiple, supervisor_only=True,
        ),
        spec(
            meter_clock.SETTING_KEY, "text", "", QT_TRANSLATE_NOOP("Settings", "Meter model settings file"),
            QT_TRANSLATE_NOOP("Settings", "Given by the utility: DLMS client address and passwords per meter model. "
                                          "With a write password, a meter's clock can be set after reading it."),
            placeholder="C:\\FieldKit\\meter_models.json", check=_check_models,
            supervisor_only=True,  # imported into the encrypted store by a supervisor (meter_model_settings)
        ),
    ]
