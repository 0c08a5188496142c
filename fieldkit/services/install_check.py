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

VIETNAM = timezone(timedelta(hours=7))
VOLTAGES = ("32.7.0", "52.7.0", "72.7.0")
CURRENTS = ("31.7.0", "51.7.0", "71.7.0")
MIN_VOLTS = Decimal(180)        # below this a phase is missing or badly wired (nominal 230 V)


@dataclass(frozen=True)
class Mismatch:
    field: str           # the form field (or "clock", "voltage_L2", "current_L1")
    vi: str
    en: str
    meter: str = ""      # what the meter says
    form: str = ""       # what the form says

    def message(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en


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
        found.append(Mismatch("installed_serial", f"Số công tơ đọc được {result.serial} khác số trên biên bản {serial}.",
                              f"The meter reads serial {result.serial}, the form says {serial}.",
                              result.serial, serial))
    deviation = result.clock_deviation
    if deviation is None and result.meter_clock is not None and now is not None:
        laptop = now.astimezone(VIETNAM).replace(tzinfo=None) if now.tzinfo else now
        deviation = (result.meter_clock - laptop).total_seconds()
    if deviation is not None and abs(deviation) > clock_limit:
        ahead = deviation > 0
        if abs(deviation) < 120:
            vi_amount = en_amount = f"{abs(deviation):.0f} s"
        else:
            vi_amount, en_amount = f"{abs(deviation) / 60:.0f} phút", f"{abs(deviation) / 60:.0f} min"
        found.append(Mismatch("clock", f"Đồng hồ công tơ {'nhanh' if ahead else 'chậm'} {vi_amount}.",
                              f"The meter's clock is {en_amount} {'fast' if ahead else 'slow'}.",
                              f"{deviation:.0f} s", ""))
    phases = str(values.get("phases") or "").strip()
    wanted = VOLTAGES if phases == "3" else VOLTAGES[:1] if phases == "1" else ()
    for index, obis in enumerate(wanted, start=1):
        if obis in regs and regs[obis][0] < MIN_VOLTS:
            volts = f"{regs[obis][0]}"
            found.append(Mismatch(f"voltage_L{index}", f"Pha {index} chỉ có {volts} V: kiểm tra đấu dây.",
                                  f"Phase L{index} has only {volts} V: check the wiring.", volts, phases))
    if phases == "1" and any(o in regs and regs[o][0] >= MIN_VOLTS for o in VOLTAGES[1:]):
        found.append(Mismatch("phases", "Công tơ đo ba pha nhưng biên bản ghi một pha.",
                              "The meter measures three phases but the form says single phase.", "3", "1"))
    for index, obis in enumerate(CURRENTS, start=1):
        if obis in regs and regs[obis][0] < 0:
            found.append(Mismatch(f"current_L{index}", f"Dòng điện pha {index} ngược chiều: kiểm tra TI và đấu dây.",
                                  f"The current on L{index} flows backwards: check the CT and the wiring.",
                                  f"{regs[obis][0]}", ""))
    for field, obis, vi_name, en_name in (("ct_ratio", "0.4.2", "Tỷ số TI", "CT ratio"),
                                          ("vt_ratio", "0.4.3", "Tỷ số TU", "VT ratio")):
        form = str(values.get(field) or "").strip()
        expected = _ratio(form) if form else None
        if expected is None or obis not in regs:
            continue
        configured = regs[obis][0]
        if configured != expected:
            found.append(Mismatch(field, f"{vi_name} cài trong công tơ là {configured}, biên bản ghi {form}.",
                                  f"The {en_name} set in the meter is {configured}, the form says {form}.",
                                  f"{configured}", form))
    return found
