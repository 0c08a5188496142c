"""Install verification: the meter just installed, as read through the probe, against the
install form. Serial, clock, phase voltages and currents, and the CT/VT ratio configured in
the meter; every mismatch is named (vi/en) so the form can flag it before saving.

Works on the reading model (mode C or DLMS). A value the meter did not send is not a
mismatch (older meters have no ratio registers); a value the form leaves empty is not
checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from fieldkit.devices.result import ReadingResult
from fieldkit.domain.messages import Message, Texts, Worded
from fieldkit.services.session import Session
from fieldkit.store import work_orders as wo_repo

_M = Texts("services.install_check")

VIETNAM = timezone(timedelta(hours=7))
VOLTAGES = ("32.7.0", "52.7.0", "72.7.0")
CURRENTS = ("31.7.0", "51.7.0", "71.7.0")
MIN_VOLTS = Decimal(180)        # below this a phase is missing or badly wired (nominal 230 V)


@dataclass(frozen=True)
class Mismatch(Worded):
    field: str           # the form field (or "clock", "voltage_L2", "current_L1")
    text: Message        # translated when shown (core_vi.ts)
    meter: str = ""      # what the meter says
    form: str = ""       # what the form says

    def message(self, lang: str = "vi") -> str:
        return self.text.text(lang)

    def words(self) -> Message:
        return self.text


def _plain(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text).upper().lstrip("0")


def _ratio(text: str) -> Decimal | None:
    """The primary side of "200/5", "200:5" or "200"."""
    head = re.split(r"[/:]", text.strip())[0].strip()
    try:
        value = Decimal(head.replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() and value > 0 else None


def check_installed_meter(values: Mapping[str, Any], result: ReadingResult, *,
                          now: datetime | None = None, clock_limit: float = 120.0) -> list[Mismatch]:
    found: list[Mismatch] = []
    regs = result.registers
    serial = str(values.get("installed_serial") or "").strip()
    if serial and result.serial and _plain(serial) != _plain(result.serial):
        found.append(Mismatch("installed_serial", _M("The meter reads serial {read}, the form says {serial}.",
                                                     read=result.serial, serial=serial),
                              result.serial, serial))
    deviation = result.clock_deviation
    if deviation is None and result.meter_clock is not None and now is not None:
        laptop = now.astimezone(VIETNAM).replace(tzinfo=None) if now.tzinfo else now
        deviation = (result.meter_clock - laptop).total_seconds()
    if deviation is not None and abs(deviation) > clock_limit:
        ahead = deviation > 0
        if abs(deviation) < 120:
            amount = _M("{n} s", n=round(abs(deviation)))
        else:
            amount = _M("{n} min", n=round(abs(deviation) / 60))
        text = _M("The meter's clock is {amount} fast.", amount=amount) if ahead else \
            _M("The meter's clock is {amount} slow.", amount=amount)
        found.append(Mismatch("clock", text, f"{deviation:.0f} s", ""))
    phases = str(values.get("phases") or "").strip()
    wanted = VOLTAGES if phases == "3" else VOLTAGES[:1] if phases == "1" else ()
    for index, obis in enumerate(wanted, start=1):
        if obis in regs and regs[obis][0] < MIN_VOLTS:
            volts = f"{regs[obis][0]}"
            found.append(Mismatch(f"voltage_L{index}", _M("Phase L{index} has only {volts} V: check the wiring.",
                                                          index=index, volts=volts), volts, phases))
    if phases == "1" and any(o in regs and regs[o][0] >= MIN_VOLTS for o in VOLTAGES[1:]):
        found.append(Mismatch("phases", _M("The meter measures three phases but the form says single phase."), "3",
                              "1"))
    for index, obis in enumerate(CURRENTS, start=1):
        if obis in regs and regs[obis][0] < 0:
            found.append(Mismatch(f"current_L{index}", _M("The current on L{index} flows backwards: check the CT and "
                                                          "the wiring.", index=index), f"{regs[obis][0]}", ""))
    for field, obis, ratio in (("ct_ratio", "0.4.2", _M("The CT ratio set in the meter is {configured}, the form "
                                                       "says {form}.")),
                               ("vt_ratio", "0.4.3", _M("The VT ratio set in the meter is {configured}, the form "
                                                       "says {form}."))):
        form = str(values.get(field) or "").strip()
        expected = _ratio(form) if form else None
        if expected is None or obis not in regs:
            continue
        configured = regs[obis][0]
        if configured != expected:
            found.append(Mismatch(field, ratio.with_params(configured=str(configured), form=form), f"{configured}",
                                  form))
    return found


# --- serials: typed, read through the probe, expected by the work order (issue 13 item 5) ---------

def _probe_serial(values: Mapping[str, Any], field: str) -> str:
    """The serial the probe read with a meter_reading field's registers (the form keeps it there)."""
    reading = values.get(field)
    return str(reading.get("serial") or "").strip() if isinstance(reading, Mapping) else ""


def check_serials(values: Mapping[str, Any], *, expected_removed: str = "",
                  expected_installed: str = "") -> list[Mismatch]:
    """The serials of the form against what the probe read for each meter and what the work order
    expects (the meter to take down for a replacement, the meter to put up when the utility named
    it). Spaces, case and leading zeros are ignored; an empty side is not checked."""
    found: list[Mismatch] = []
    for side, typed_field, reading_field, expected in (
            ("removed", "removed_serial", "removed_reading", expected_removed),
            ("installed", "installed_serial", "installed_reading", expected_installed)):
        removed = side == "removed"
        typed = str(values.get(typed_field) or "").strip()
        probe = _probe_serial(values, reading_field)
        if typed and probe and _plain(typed) != _plain(probe):
            found.append(Mismatch(typed_field, (
                _M("The removed meter read through the probe has serial {probe}, the form says {typed}.") if removed
                else _M("The installed meter read through the probe has serial {probe}, the form says {typed}.")
            ).with_params(probe=probe, typed=typed), probe, typed))
        shown = typed or probe
        if expected and shown and _plain(expected) != _plain(shown):
            found.append(Mismatch(f"{side}_expected", (
                _M("The work order names the removed meter {expected}, the form says {shown}.") if removed
                else _M("The work order names the installed meter {expected}, the form says {shown}.")
            ).with_params(expected=expected, shown=shown), shown, expected))
    return found


def form_checks(values: Mapping[str, Any], result: ReadingResult | None, *, kind: str = "",
                work_order_serial: str = "", now: datetime | None = None) -> list[Mismatch]:
    """Everything the install form compares before saving: the serials (`check_serials`, with the
    work order's meter as the removed one for a replacement and the installed one for a new
    install) and, when the meter was read through the probe, the installed meter's checks — unless
    that read was of the removed meter (its serial is the removed reading's)."""
    expected_removed = work_order_serial if kind == "meter_replacement" else ""
    expected_installed = work_order_serial if kind == "meter_install" else ""
    found = check_serials(values, expected_removed=expected_removed, expected_installed=expected_installed)
    if result is not None:
        removed_probe = _probe_serial(values, "removed_reading")
        installed_probe = _probe_serial(values, "installed_reading")
        of_removed = bool(result.serial) and _plain(result.serial or "") == _plain(removed_probe) \
            and _plain(result.serial or "") != _plain(installed_probe)
        if not of_removed:
            seen = {(m.field, m.meter) for m in found}
            found += [m for m in check_installed_meter(values, result, now=now)
                      if (m.field, m.meter) not in seen]
    return found


def work_order_serial(session: Session, work_order_id: str) -> str:
    """The serial of the meter the work order names ("" when none)."""
    with session.store.read() as conn:
        wo = wo_repo.get_work_order(conn, work_order_id)
        meter = wo_repo.get_meter(conn, wo.meter_id) if wo is not None and wo.meter_id else None
    return meter.serial if meter is not None else ""
