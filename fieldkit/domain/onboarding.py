"""Household onboarding: the flow's navigation as data, and the rules for each step's answers.

The flow is a fixed list of steps (:data:`FLOW`). Each step may carry conditions on the
answers already saved (skip logic), written as data: ``Cond("household", "new_supply",
{True})`` means "the household step's answer ``new_supply`` is True". A step is on the
path when every ``when`` condition holds and no ``unless`` condition does.

Answers are the saved onboarding steps of one household, rebuilt with
:func:`latest_answers` (the newest record of each step wins, following ``supersedes``).
The flow resumes at the first step on the path whose answer is missing or incomplete
(:func:`resume_step`); when every step on the path is complete it is :data:`DONE`.

Step names and data keys are shared with the team reports (fieldkit.services.reports):

* ``household``  customer_id, code, new_supply (bool), created (bool)
* ``new_supply`` documents (list), households, supply_address, needs_pole, work_order_id
* ``app_install`` shown (bool): the QR codes, hotline and chat channel were shown
* ``app``        registered (bool), phone
* ``payment``    method (one of :data:`PAYMENT_METHODS`), provider, provider_bin
* ``bill``       kwh, total (VND), qr_payload: the bank-transfer QR for the current bill
* ``contract``   signed (bool), otp ("pending" | "confirmed"), signer, phone
* ``sheet``      sha256 of the PDF, file, printed (bool)

No I/O and no Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldkit.domain.codes import phone_problems
from fieldkit.domain.messages import Texts, joined
from fieldkit.domain.models import OnboardingStep
from fieldkit.domain.problems import Problem
from fieldkit.domain.text import normalise_phone

_M = Texts("domain.onboarding")

HOUSEHOLD = "household"
NEW_SUPPLY = "new_supply"
APP_INSTALL = "app_install"
APP = "app"
PAYMENT = "payment"
BILL = "bill"
CONTRACT = "contract"
SHEET = "sheet"
DONE = "done"

PAYMENT_METHODS = ("mobile_banking", "e_wallet", "auto_debit", "bank_qr", "cash")
CASHLESS_METHODS = tuple(m for m in PAYMENT_METHODS if m != "cash")
# Which list the provider is chosen from, per method (None: no provider asked).
PROVIDER_LIST: dict[str, str | None] = {
    "mobile_banking": "bank", "e_wallet": "wallet", "auto_debit": "bank", "bank_qr": None, "cash": None,
}
OTP_PENDING = "pending"
OTP_CONFIRMED = "confirmed"

# Documents of a new-supply request (level-4 online service). `required_if_shared`: only
# when more than one household shares the meter.
NEW_SUPPLY_DOCUMENTS: tuple[tuple[str, bool], ...] = (
    ("id_document", False),  # citizen ID of the requester
    ("address_proof", False),  # proof of the right to use the supply address
    ("household_authorisation", True),  # authorisation of the other households on the meter
)


@dataclass(frozen=True)
class Cond:
    """``answers[step][key]`` is one of ``values`` (a missing answer matches nothing)."""

    step: str
    key: str
    values: frozenset[Any]

    def holds(self, answers: Mapping[str, Mapping[str, Any]]) -> bool:
        data = answers.get(self.step)
        return data is not None and self.key in data and data[self.key] in self.values


def cond(step: str, key: str, *values: Any) -> Cond:
    return Cond(step, key, frozenset(values))


@dataclass(frozen=True)
class Step:
    id: str
    complete_key: str  # the step counts as done when its answer has this key …
    complete_values: frozenset[Any] | None = None  # … with one of these values (None: any value)
    when: tuple[Cond, ...] = ()
    unless: tuple[Cond, ...] = ()

    def applies(self, answers: Mapping[str, Mapping[str, Any]]) -> bool:
        return all(c.holds(answers) for c in self.when) and not any(c.holds(answers) for c in self.unless)

    def is_complete(self, data: Mapping[str, Any] | None) -> bool:
        if data is None or self.complete_key not in data:
            return False
        return self.complete_values is None or data[self.complete_key] in self.complete_values


FLOW: tuple[Step, ...] = (
    Step(HOUSEHOLD, "customer_id"),
    # Not yet a customer: take the new-supply request first.
    Step(NEW_SUPPLY, "households", when=(cond(HOUSEHOLD, "new_supply", True),)),
    Step(APP_INSTALL, "shown", frozenset({True})),
    Step(APP, "registered"),
    Step(PAYMENT, "method", frozenset(PAYMENT_METHODS)),
    # A current bill exists only for an existing customer; automatic debit pays it by itself.
    Step(BILL, "shown", frozenset({True}),
         when=(cond(HOUSEHOLD, "new_supply", False),), unless=(cond(PAYMENT, "method", "auto_debit"),)),
    Step(CONTRACT, "signed"),
    Step(SHEET, "sha256"),
)
STEP_IDS: tuple[str, ...] = tuple(s.id for s in FLOW)
_BY_ID = {s.id: s for s in FLOW}


def step(step_id: str) -> Step:
    try:
        return _BY_ID[step_id]
    except KeyError:
        raise ValueError(f"unknown onboarding step {step_id!r}") from None


def path(answers: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The steps this household goes through, given what is known so far."""
    return [s.id for s in FLOW if s.applies(answers)]


def resume_step(answers: Mapping[str, Mapping[str, Any]]) -> str:
    """The first step on the path not yet complete, or DONE."""
    for s in FLOW:
        if s.applies(answers) and not s.is_complete(answers.get(s.id)):
            return s.id
    return DONE


def next_step(current: str, answers: Mapping[str, Mapping[str, Any]]) -> str:
    """The step after `current` on the path (DONE after the last one)."""
    if current == DONE:
        return DONE
    index = STEP_IDS.index(step(current).id)
    for s in FLOW[index + 1:]:
        if s.applies(answers):
            return s.id
    return DONE


def previous_step(current: str, answers: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The step before `current` on the path; None on the first step."""
    index = len(FLOW) if current == DONE else STEP_IDS.index(step(current).id)
    for s in reversed(FLOW[:index]):
        if s.applies(answers):
            return s.id
    return None


def position(current: str, answers: Mapping[str, Mapping[str, Any]]) -> tuple[int, int]:
    """(1-based number of `current` on the path, length of the path)."""
    steps = path(answers)
    if current == DONE:
        return len(steps), len(steps)
    return (steps.index(current) + 1 if current in steps else 0), len(steps)


def latest_records(records: Iterable[OnboardingStep]) -> dict[str, OnboardingStep]:
    """The current record of each step: not superseded by another record of that step.

    `records` oldest first. When two records both stand (made on two devices from the same
    base), the later one in that order wins."""
    items = list(records)
    superseded = {r.supersedes for r in items if r.supersedes}
    out: dict[str, OnboardingStep] = {}
    for r in items:
        if r.id not in superseded:
            out[r.step] = r
    # A chain whose tip was superseded only by a record of another step cannot happen;
    # a step whose every record is superseded (a cycle) falls back to the last record.
    for r in items:
        out.setdefault(r.step, r)
    return out


def latest_answers(records: Iterable[OnboardingStep]) -> dict[str, dict[str, Any]]:
    return {name: dict(r.data) for name, r in latest_records(records).items()}


def drop_stale(answers: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Only the answers of steps on the current path (an answer given on a path the
    trainer later left, e.g. a bill QR before switching to automatic debit, is kept in the
    database but does not count)."""
    on_path = set(path(answers))
    return {k: dict(v) for k, v in answers.items() if k in on_path}


# --- rules for the answers ------------------------------------------------------------------


@dataclass(frozen=True)
class NewSupplyAnswer:
    documents: tuple[str, ...]
    households: int
    street: str
    commune_code: int | None = None
    needs_pole: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def new_supply_problems(a: NewSupplyAnswer) -> list[Problem]:
    problems: list[Problem] = []
    if not 1 <= a.households <= 50:
        problems.append(Problem("households", "range", _M("The number of households sharing the meter must be between 1 and 50.")))
    missing = [doc for doc, only_shared in NEW_SUPPLY_DOCUMENTS
               if doc not in a.documents and (not only_shared or a.households > 1)]
    names = {
        "id_document": _M("citizen ID"),
        "address_proof": _M("proof of the right to the address"),
        "household_authorisation": _M("authorisation of the sharing households"),
    }
    if missing:
        problems.append(Problem("documents", "missing", _M("Documents missing: {documents}.",
                                                            documents=joined([names[d] for d in missing], ", "))))
    if not a.street.strip():
        problems.append(Problem("supply_address", "required", _M("The supply address (house number, hamlet) is missing.")))
    return problems


def working_days_limit(needs_pole: bool) -> int:
    """New supply from the low-voltage grid: 5 working days, 7 when a pole, cable or CT is needed."""
    return 7 if needs_pole else 5


def app_problems(registered: bool, phone: str, contract_phone: str) -> list[Problem]:
    if not registered:
        return []
    problems = phone_problems(phone, "phone", required=True)
    if problems:
        return problems
    if contract_phone and normalise_phone(phone) != normalise_phone(contract_phone):
        return [Problem(
            "phone", "not_contract_phone",
            _M("The app account must be registered with the contract's phone number ({contract_phone}). If the household changed its number, change the customer's phone first.", contract_phone=contract_phone),
        )]
    return []


def payment_problems(method: str, provider: str, banks: Iterable[str], wallets: Iterable[str]) -> list[Problem]:
    if method not in PAYMENT_METHODS:
        return [Problem("method", "required", _M("Choose a payment method."))]
    kind = PROVIDER_LIST[method]
    if kind is None:
        return []
    allowed = list(banks if kind == "bank" else wallets)
    if provider not in allowed:
        if kind == "bank":
            return [Problem("provider", "required", _M("Choose the household's bank."))]
        return [Problem("provider", "required", _M("Choose the e-wallet."))]
    return []


def contract_problems(signed: bool, read_summary: bool, signer: str, has_signature: bool) -> list[Problem]:
    if not signed:
        return []
    problems: list[Problem] = []
    if not read_summary:
        problems.append(Problem("read", "required", _M("Read the contract summary with the household and tick that it was read.")))
    if not signer.strip():
        problems.append(Problem("signer", "required", _M("The signer's name is missing.")))
    if not has_signature and not signer.strip():
        problems.append(Problem("signature", "required", _M("There is no signature.")))
    return problems
