"""Manual readings: typed from the meter's display when the probe cannot read it (issue 13 item 5:
the same checks as an optical reading).

`assess_manual` gives what an optical read shows — registers beside the previous reading,
consumption, the abnormal-use check with this laptop's limits, the bill estimate — from the typed
numbers, as soon as they parse. `save_manual` refuses a reading the checks flag (abnormal
consumption) unless the technician confirms it with a reason; the reason and the flagged checks'
codes are stored with the reading (`manual_reason`), like an optical reading saved despite a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from fieldkit.domain.messages import Texts, verbatim
from fieldkit.domain.models import Reading, ReadingSource, RegisterValue
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services import field_facts
from fieldkit.services.readings import (
    REGISTER_NAMES,
    Assessment,
    ReadingLimits,
    Target,
    assess,
    needs_confirmation,
    same_limits,
    stored_limits,
)
from fieldkit.services.session import Session

_M = Texts("services.manual_readings")


def _customer_id(target: Target) -> str | None:
    if target.customer is not None:
        return target.customer.id
    return target.work_order.customer_id if target.work_order is not None else None


def manual_fields(target: Target) -> list[str]:
    """Registers to type from the display: the total, and BT / CD / TD for a time-of-use meter."""
    prev = target.previous.registers if target.previous is not None else {}
    if target.meter.tariff_registers >= 3 or any(k in prev for k in ("1.8.1", "1.8.2", "1.8.3")):
        return ["1.8.0", "1.8.1", "1.8.2", "1.8.3"]
    return ["1.8.0"]


def parse_manual(target: Target, values: Mapping[str, str]) -> dict[str, RegisterValue]:
    """Typed values -> registers; "1 234,5" and "1234.5" both read; every problem named at once."""
    registers: dict[str, RegisterValue] = {}
    problems: list[Problem] = []
    for obis in manual_fields(target):
        raw = (values.get(obis) or "").strip()
        if not raw:
            if obis == "1.8.0":
                problems.append(Problem(f"registers.{obis}", "required",
                                        _M("Type the total index (KT) as the meter display shows it.")))
            continue
        text = raw.replace(" ", "").replace("\u00a0", "")
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite() or value < 0:
            name = REGISTER_NAMES.get(obis.split("*")[0]) or verbatim(obis)
            problems.append(Problem(f"registers.{obis}", "number",
                                    _M("{name}: “{raw}” is not a number (for example 12345.6).", name=name, raw=raw)))
            continue
        registers[obis] = RegisterValue(value, "kWh")
    if problems:
        raise ValidationError(problems)
    return registers


def save_manual(session: Session, target: Target, values: Mapping[str, str], reason: str,
                photo: bytes | None, photo_mime: str = "image/jpeg", taken_at: datetime | None = None,
                limits: ReadingLimits | None = None, confirmation: str = "") -> Reading:
    """A reading typed from the display: marked manual, with the reason and a photo of the meter face.
    Checked like an optical one, with the stored limits (the `limits` a caller passes are not trusted); when the
    checks flag it, `confirmation` (why it is saved anyway) is required and kept with the flags."""
    registers = parse_manual(target, values)
    taken_at = taken_at or datetime.now(UTC)
    used = stored_limits(session, limits)  # the store's, never the caller's
    assessment = assess(target, registers, taken_at=taken_at, limits=used)
    codes = flagged(assessment)
    confirmation = " ".join(confirmation.split())
    problems: list[Problem] = []
    if not reason.strip():
        problems.append(Problem("manual_reason", "required",
                                _M("Say why the meter could not be read through the optical port.")))
    if photo is None:
        problems.append(Problem("photo", "required", _M("Add a photo of the meter face (the index readable).")))
    if codes and len(confirmation) < 3:
        finding = next(f for f in assessment.findings if f.code == codes[0])
        problems.append(Problem("confirmation", "required",
                                _M("{finding} Write why you save it anyway (what you saw on site).",
                                   finding=finding.text)))
    if problems:
        raise ValidationError(problems)
    if codes:  # the server keeps 200 characters: the flags and the confirmation always fit
        suffix = f" · {confirmation[:80]} [{','.join(codes)}]"
        reason = reason.strip()[:200 - len(suffix)] + suffix
    return field_facts.record_reading(
        session, meter_id=target.meter.id, registers=registers, source=ReadingSource.MANUAL,
        taken_at=taken_at, work_order_id=target.work_order.id if target.work_order is not None else None,
        customer_id=_customer_id(target), manual_reason=reason.strip()[:200], photo=photo, photo_mime=photo_mime,
        in_transaction=lambda conn: same_limits(conn, used),
    )


def assess_manual(target: Target, values: Mapping[str, str], limits: ReadingLimits = ReadingLimits(),
                  taken_at: datetime | None = None) -> Assessment:
    """The checks of a typed reading (no serial, clock or error register: the display shows none).
    Raises ValidationError while the typed numbers do not parse."""
    return assess(target, parse_manual(target, values), taken_at=taken_at or datetime.now(UTC), limits=limits)


def flagged(assessment: Assessment) -> list[str]:
    """Codes of the findings that need a confirmation before saving (abnormal use, a wrong meter)."""
    return [f.code for f in needs_confirmation(assessment)]
