"""Utility identifiers: customer codes, metering points, phone and ID numbers."""

from __future__ import annotations

import hashlib
import re

from fieldkit.domain.messages import Texts
from fieldkit.domain.problems import Problem
from fieldkit.domain.text import digits, normalise_phone

_M = Texts("domain.codes")

# Second letter of the customer code names the power corporation (DOMAIN.md).
CORPORATIONS = {
    "A": "north", "H": "north", "M": "north", "N": "north",
    "D": "hanoi", "E": "hcmc", "B": "south", "K": "south",
    "C": "central", "P": "central", "Q": "central",
}
NORTHERN_PREFIXES = ("PA", "PH", "PM", "PN")
_CUSTOMER_CODE = re.compile(r"^P[A-Z][0-9A-Z]{4}[0-9]{7}$")


# The unit of provisional codes: one no real unit uses. The laptops take theirs from
# resources/onboarding/config.json, the central server from FIELDKIT_PROVISIONAL_UNIT;
# both default to this.
DEFAULT_PROVISIONAL_UNIT = "PATAM0"


def provisional_code(unit: str, customer_id: str) -> str:
    """A code for a household that is not yet a customer: the provisional unit and 7 digits
    from the customer's id. Replaced by the utility's code later."""
    digits_of_id = str(int(hashlib.sha256(customer_id.encode()).hexdigest(), 16))[-7:]
    return f"{unit}{digits_of_id}"


def is_provisional_code_of(code: str, unit: str, customer_id: str) -> bool:
    """`code` is the provisional code the laptop gives the customer `customer_id`."""
    return bool(unit) and normalise_customer_code(code) == provisional_code(unit.upper(), customer_id)


def normalise_customer_code(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def customer_code_problems(code: str, field: str = "code") -> list[Problem]:
    c = normalise_customer_code(code)
    if not c:
        return [Problem(field, "required", _M("The customer code is missing."))]
    if len(c) != 13:
        return [Problem(
            field, "length",
            _M("A customer code has exactly 13 characters (this one has {n_c}), e.g. PA23VG0053140.", n_c=len(c)),
        )]
    if not _CUSTOMER_CODE.match(c) or c[1] not in CORPORATIONS:
        return [Problem(
            field, "format",
            _M("The customer code is not in the right form: P, a 6-character unit, then 7 digits (PA23VG0053140)."),
        )]
    return []


def managing_unit(code: str) -> str:
    """The first 6 characters of a customer code name the managing unit."""
    return normalise_customer_code(code)[:6]


def is_northern(code: str) -> bool:
    return normalise_customer_code(code)[:2] in NORTHERN_PREFIXES


def metering_point_code(code: str) -> str:
    return normalise_customer_code(code) + "001"


def phone_problems(phone: str, field: str = "phone", required: bool = False) -> list[Problem]:
    p = normalise_phone(phone)
    if not p:
        if required:
            return [Problem(field, "required", _M("The phone number is missing."))]
        return []
    if not (p.startswith("0") and len(p) in (10, 11)):
        return [Problem(
            field, "format",
            _M("A phone number has 10 digits and starts with 0, e.g. 0912345678."),
        )]
    return []


def national_id_problems(number: str, field: str = "national_id") -> list[Problem]:
    d = digits(number)
    if not number.strip():
        return []
    if len(d) not in (9, 12) or d != re.sub(r"\s+", "", number):
        return [Problem(
            field, "format",
            _M("A citizen ID number has 12 digits (old ID cards: 9 digits)."),
        )]
    return []
