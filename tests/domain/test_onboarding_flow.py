"""The onboarding flow's navigation, without Qt: every path, skip logic, resume from every step."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from fieldkit.domain import onboarding as flow
from fieldkit.domain.models import OnboardingStep
from fieldkit.domain.onboarding import (
    APP,
    APP_INSTALL,
    BILL,
    CONTRACT,
    DONE,
    HOUSEHOLD,
    NEW_SUPPLY,
    PAYMENT,
    SHEET,
)

# A complete answer for every step (the household's answer is set per path).
COMPLETE: dict[str, dict[str, Any]] = {
    NEW_SUPPLY: {"households": 2, "documents": ["id_document", "address_proof", "household_authorisation"]},
    APP_INSTALL: {"shown": True},
    APP: {"registered": True, "phone": "0912345678"},
    BILL: {"shown": True, "total": 123},
    CONTRACT: {"signed": True, "otp": "pending"},
    SHEET: {"sha256": "ab" * 32, "printed": False},
}


def answers_for(new_supply: bool, method: str) -> dict[str, dict[str, Any]]:
    a = {HOUSEHOLD: {"customer_id": "c1", "new_supply": new_supply}, PAYMENT: {"method": method}}
    return a | {k: v for k, v in COMPLETE.items() if k not in a}


def expected_path(new_supply: bool, method: str) -> list[str]:
    steps = [HOUSEHOLD] + ([NEW_SUPPLY] if new_supply else []) + [APP_INSTALL, APP, PAYMENT]
    if not new_supply and method != "auto_debit":
        steps.append(BILL)
    return steps + [CONTRACT, SHEET]


PATHS = list(itertools.product([False, True], flow.PAYMENT_METHODS))


@pytest.mark.parametrize(("new_supply", "method"), PATHS)
def test_every_path_walks_forward_and_back(new_supply: bool, method: str) -> None:
    answers = answers_for(new_supply, method)
    want = expected_path(new_supply, method)
    assert flow.path(answers) == want
    # forward with Next from the first step reaches DONE through exactly the path
    seen, here = [], HOUSEHOLD
    while here != DONE:
        seen.append(here)
        here = flow.next_step(here, answers)
    assert seen == want
    # and Back from DONE retraces it
    back, here2 = [], flow.previous_step(DONE, answers)
    while here2 is not None:
        back.append(here2)
        here2 = flow.previous_step(here2, answers)
    assert back == list(reversed(want))
    assert flow.resume_step(answers) == DONE
    assert flow.position(want[-1], answers) == (len(want), len(want))


@pytest.mark.parametrize(("new_supply", "method"), PATHS)
def test_resume_from_every_step(new_supply: bool, method: str) -> None:
    """Answers saved up to (not including) a step: the flow resumes exactly there."""
    want = expected_path(new_supply, method)
    full = answers_for(new_supply, method)
    for i, stop in enumerate(want):
        saved = {k: full[k] for k in want[:i]}
        if stop in (HOUSEHOLD,):
            assert flow.resume_step(saved) == HOUSEHOLD
            continue
        # the payment answer decides BILL; before it is given, BILL's `unless` does not hold yet
        assert flow.resume_step(saved) == stop, (stop, saved)
        assert flow.position(stop, saved)[0] == flow.path(saved).index(stop) + 1


def test_resume_at_an_incomplete_answer_in_the_middle() -> None:
    answers = answers_for(False, "mobile_banking")
    answers[APP_INSTALL] = {"shown": False}  # recorded but not done
    assert flow.resume_step(answers) == APP_INSTALL
    del answers[CONTRACT]
    answers[APP_INSTALL] = {"shown": True}
    assert flow.resume_step(answers) == CONTRACT
    answers[PAYMENT] = {"method": "cheque"}  # unknown method does not count as an answer
    assert flow.resume_step(answers) == PAYMENT


def test_skip_logic_new_supply_only_for_new_households() -> None:
    assert NEW_SUPPLY not in flow.path({HOUSEHOLD: {"new_supply": False}})
    assert NEW_SUPPLY in flow.path({HOUSEHOLD: {"new_supply": True}})
    # before the household is known, nothing conditional is on the path
    assert flow.path({}) == [HOUSEHOLD, APP_INSTALL, APP, PAYMENT, CONTRACT, SHEET]


def test_skip_logic_bill_qr() -> None:
    base = {HOUSEHOLD: {"new_supply": False}}
    assert BILL in flow.path(base)  # existing customer, method not chosen yet
    for method in flow.PAYMENT_METHODS:
        on = BILL in flow.path(base | {PAYMENT: {"method": method}})
        assert on is (method != "auto_debit")
        assert BILL not in flow.path({HOUSEHOLD: {"new_supply": True}, PAYMENT: {"method": method}})


def test_changing_payment_to_auto_debit_drops_the_bill_answer() -> None:
    answers = answers_for(False, "bank_qr")
    assert BILL in flow.drop_stale(answers)
    answers[PAYMENT] = {"method": "auto_debit"}
    assert BILL not in flow.drop_stale(answers)
    assert flow.next_step(PAYMENT, answers) == CONTRACT
    assert flow.previous_step(CONTRACT, answers) == PAYMENT


def test_contract_not_signed_still_completes_the_step_and_sheet_needs_the_pdf() -> None:
    answers = answers_for(False, "cash")
    answers[CONTRACT] = {"signed": False}
    assert flow.resume_step(answers) == DONE
    answers[SHEET] = {"printed": True}  # no PDF hash: not done
    assert flow.resume_step(answers) == SHEET


def test_unknown_step_and_first_step() -> None:
    with pytest.raises(ValueError):
        flow.next_step("nope", {})
    assert flow.previous_step(HOUSEHOLD, {}) is None
    assert flow.next_step(DONE, {}) == DONE


def rec(id_: str, step: str, data: dict[str, Any], supersedes: str | None = None) -> OnboardingStep:
    return OnboardingStep(id=id_, customer_id="c1", step=step, data=data, supersedes=supersedes)


def test_latest_answers_follow_supersedes() -> None:
    records = [
        rec("1", PAYMENT, {"method": "cash"}),
        rec("2", CONTRACT, {"signed": True, "otp": "pending"}),
        rec("3", PAYMENT, {"method": "e_wallet", "provider": "MoMo"}, supersedes="1"),
        # the central system's confirmation arrives on sync, superseding the pending record
        rec("4", CONTRACT, {"signed": True, "otp": "confirmed"}, supersedes="2"),
    ]
    answers = flow.latest_answers(records)
    assert answers[PAYMENT] == {"method": "e_wallet", "provider": "MoMo"}
    assert answers[CONTRACT]["otp"] == "confirmed"
    # an older record listed after the newer one (arrived later by sync) still loses: it is superseded
    assert flow.latest_answers([records[2], records[0]])[PAYMENT]["method"] == "e_wallet"


def test_new_supply_rules() -> None:
    ok = flow.NewSupplyAnswer(documents=("id_document", "address_proof"), households=1, street="Thôn 3")
    assert flow.new_supply_problems(ok) == []
    shared = flow.NewSupplyAnswer(documents=("id_document", "address_proof"), households=3, street="Thôn 3")
    problems = flow.new_supply_problems(shared)
    assert [p.field for p in problems] == ["documents"]
    assert "ủy quyền" in problems[0].vi and "authorisation" in problems[0].en
    bad = flow.NewSupplyAnswer(documents=(), households=0, street=" ")
    assert {p.field for p in flow.new_supply_problems(bad)} == {"households", "documents", "supply_address"}
    assert flow.working_days_limit(False) == 5 and flow.working_days_limit(True) == 7


def test_app_payment_contract_rules() -> None:
    assert flow.app_problems(False, "", "0912345678") == []
    assert flow.app_problems(True, "+84 912 345 678", "0912345678") == []
    assert [p.code for p in flow.app_problems(True, "0987654321", "0912345678")] == ["not_contract_phone"]
    assert [p.code for p in flow.app_problems(True, "12", "")] == ["format"]
    banks, wallets = ["Agribank"], ["MoMo"]
    assert flow.payment_problems("auto_debit", "Agribank", banks, wallets) == []
    assert flow.payment_problems("auto_debit", "MoMo", banks, wallets)[0].field == "provider"
    assert flow.payment_problems("e_wallet", "MoMo", banks, wallets) == []
    assert flow.payment_problems("cash", "", banks, wallets) == []
    assert flow.payment_problems("", "", banks, wallets)[0].field == "method"
    assert flow.contract_problems(False, False, "", False) == []
    assert {p.field for p in flow.contract_problems(True, False, "", False)} == {"read", "signer", "signature"}
    assert flow.contract_problems(True, True, "Nguyễn Văn A", False) == []
