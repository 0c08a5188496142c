"""Rules for records entered in the field, with messages in Vietnamese and English."""

from __future__ import annotations

from decimal import Decimal

from fieldkit.domain import geography
from fieldkit.domain.codes import customer_code_problems, national_id_problems, phone_problems
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Customer, Reading, ReadingSource, WorkOrderKind
from fieldkit.domain.problems import Problem

_M = Texts("domain.validation")


def customer_problems(c: Customer) -> list[Problem]:
    problems = customer_code_problems(c.code)
    if not c.name.strip():
        problems.append(Problem("name", "required", _M("The customer's name is missing.")))
    elif len(c.name) > 120:
        problems.append(Problem("name", "too_long", _M("The name is too long (120 characters at most).")))
    problems += phone_problems(c.phone)
    problems += national_id_problems(c.national_id)
    if c.households < 1 or c.households > 50:
        problems.append(Problem(
            "households", "range",
            _M("The number of households sharing the meter must be between 1 and 50."),
        ))
    a = c.address
    if a.commune_code is not None:
        commune = geography.commune(a.commune_code)
        if commune is None:
            problems.append(Problem(
                "commune", "unknown",
                _M("This commune/ward is not in the 2025 list of administrative units."),
            ))
        elif a.province_code is not None and commune.province_code != a.province_code:
            problems.append(Problem(
                "commune", "wrong_province",
                _M("This commune/ward is not in the chosen province."),
            ))
    return problems


def work_order_problems(kind: WorkOrderKind, customer_id: str | None) -> list[Problem]:
    if kind is not WorkOrderKind.NEW_SUPPLY and not customer_id:
        return [Problem("customer", "required", _M("A work order needs a customer."))]
    return []


def reading_problems(r: Reading) -> list[Problem]:
    problems: list[Problem] = []
    if not r.registers:
        problems.append(Problem("registers", "required", _M("No register value was entered.")))
    for obis, reg in r.registers.items():
        if not reg.value.is_finite() or reg.value < Decimal(0):
            problems.append(Problem(
                f"registers.{obis}", "negative",
                _M("Register {obis} is not valid: it must be a number, not negative.", obis=obis),
            ))
    if r.source is ReadingSource.MANUAL and not r.manual_reason.strip():
        problems.append(Problem(
            "manual_reason", "required",
            _M("Manual reading: say why the meter could not be read through the optical port."),
        ))
    return problems
