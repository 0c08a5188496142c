"""Setting a DLMS meter's clock from the laptop.

Offered only for a meter whose model the utility's settings give a write password for
(:mod:`fieldkit.devices.meter_models`: ``dlms_password``, the LLS association that may write
the clock); never without one. The meter is read again with ``set_clock``: the client writes
the laptop's time corrected by the offset the central server measured at the last sync (the
laptop's clock is not trusted on its own), reads the clock back to confirm, and keeps the SET
and the read-back in the capture (``ReadingResult.clock_set``). What happened is kept in the
audit trail in one transaction (:func:`record_clock_set`), whether or not the reading is saved.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from fieldkit.devices.client import ReadOptions
from fieldkit.devices.meter_models import MeterModel
from fieldkit.devices.meter_models import load as load_table
from fieldkit.devices.result import ReadingResult
from fieldkit.domain.messages import Texts
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services.readings import Target, read_options
from fieldkit.services.session import Session

_M = Texts("services.meter_clock")

SETTING_KEY = "meter_models_file"     # the Settings field; the table is in the encrypted store (meter_model_settings)


def models_from_setting(path: str | None) -> list[MeterModel]:
    """The utility's table named in the settings; none when unset. ValueError (with the entry
    and reason) for a table that is wrong, OSError when it cannot be read."""
    return load_table(Path(path)) if path and path.strip() else []


def setting_problem(path: str) -> str | None:
    """Why the table in the settings cannot be used (English, for the log), or None."""
    try:
        models_from_setting(path)
    except (OSError, ValueError) as exc:
        return str(exc)
    return None


def can_set_clock(target: Target, result: ReadingResult | None, models: Sequence[MeterModel]) -> bool:
    """Only after a DLMS read, and only when the settings give a write password for this model."""
    if result is None or result.protocol != "dlms":
        return False
    return bool(read_options(target, models).dlms_password)


def clock_set_options(session: Session, target: Target, models: Sequence[MeterModel]) -> tuple[ReadOptions, bool]:
    """The read that sets the clock, and whether the server-checked correction is known (else
    the laptop's own time is written, and the technician is told)."""
    options = read_options(target, models)
    if not options.dlms_password:
        raise ValidationError([Problem("clock", "password_required",
                                       _M("No write password for this meter model: the clock cannot be set."))])
    # the sync client (requests: 0.5 s) is imported only when a clock is set, not at start
    from fieldkit.services.sync import clock_skew

    skew = clock_skew(session)
    correction = skew.total_seconds() if skew is not None else 0.0
    return replace(options, set_clock=True, clock_correction=correction), skew is not None


def record_clock_set(session: Session, target: Target, result: ReadingResult, server_checked: bool) -> None:
    """The audit line for a clock setting (one transaction), confirmed or not."""
    report = result.clock_set
    if report is None:
        raise ValueError("this read did not set the clock")
    detail = json.dumps({**report, "serial": result.serial, "server_checked": server_checked},
                        ensure_ascii=False, sort_keys=True)
    action = "clock_set" if report.get("confirmed") else "clock_set_unconfirmed"
    with session.store.transaction(actor=session.user_id) as tx:
        tx.audit("meter", target.meter.id, action, detail=detail[:1000])


def clock_messages(result: ReadingResult, server_checked: bool) -> tuple[str, str, bool]:
    """(vi, en, confirmed) for the technician."""
    report = result.clock_set or {}
    after = str(report.get("after") or "?").replace("T", " ")[:19]
    if report.get("confirmed"):
        done = _M("The meter's clock was set; read back: {after}.", after=after) if server_checked else \
            _M("The meter's clock was set; read back: {after} (the laptop's time was not checked by the server yet).",
               after=after)
        return done.vi, done.en, True
    failed = _M("The clock setting was not confirmed (read back: {after}). Try again or tell your team leader.",
                after=after)
    return failed.vi, failed.en, False
