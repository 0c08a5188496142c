"""Onboarding lists and figures: the households started and not finished (to resume), and the team's
adoption figures (e-contracts, cashless payers by method and provider, app users), per commune.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from fieldkit.domain import onboarding as flow
from fieldkit.domain.problems import ValidationError
from fieldkit.services.onboarding_flow import _flow
from fieldkit.services.session import Session
from fieldkit.store import field_facts as facts_repo


@dataclass(frozen=True)
class Unfinished:
    customer_id: str
    code: str
    name: str
    step: str
    last_at: str


def unfinished(session: Session, mine_only: bool = True, limit: int = 20) -> list[Unfinished]:
    """Households whose onboarding was started and not finished, most recent first."""
    out: list[Unfinished] = []
    with session.store.read() as conn:
        rows = conn.execute(
            "SELECT customer_id, MAX(recorded_at) AS last FROM onboarding_steps "
            + ("WHERE recorded_by = ? " if mine_only else "")
            + "GROUP BY customer_id ORDER BY last DESC LIMIT ?",
            ((session.user_id, limit * 5) if mine_only else (limit * 5,)),
        ).fetchall()
        for customer_id, last in rows:
            try:
                f = _flow(conn, str(customer_id))
            except ValidationError:
                continue
            if f.step != flow.DONE and flow.HOUSEHOLD in f.answers:
                out.append(Unfinished(f.customer.id, f.customer.code, f.customer.name, f.step, str(last)))
            if len(out) >= limit:
                break
    return out


@dataclass(frozen=True)
class AdoptionFigures:
    households_onboarded: int  # households with at least one onboarding step
    finished: int  # households whose flow is complete (the sheet was made)
    e_contract: int  # signed the electronic contract
    e_contract_confirmed: int  # … and the utility confirmed it by OTP
    cashless: int
    cashless_by_method: dict[str, int]  # method -> households (cash not counted)
    providers: dict[str, int]  # bank or e-wallet -> households
    app_users: int  # registered an app account


def adoption_figures(session: Session, commune_code: int | None = None) -> AdoptionFigures:
    """Which households now have an e-contract, a cashless method (and which), and the app.
    The latest record of each step counts (a household that moved to cash is not cashless)."""
    with session.store.read() as conn:
        sql = "SELECT DISTINCT s.customer_id FROM onboarding_steps s JOIN customers c ON c.id = s.customer_id"
        args: tuple[Any, ...] = ()
        if commune_code is not None:
            sql += " WHERE c.commune_code = ?"
            args = (commune_code,)
        ids = [str(r[0]) for r in conn.execute(sql, args).fetchall()]
        by_method: Counter[str] = Counter()
        providers: Counter[str] = Counter()
        contract = confirmed = app = finished = 0
        for cid in ids:
            answers = flow.latest_answers(facts_repo.onboarding_steps_of(conn, cid))
            c = answers.get(flow.CONTRACT, {})
            if c.get("signed") is True:
                contract += 1
                confirmed += c.get("otp") == flow.OTP_CONFIRMED
            if answers.get(flow.APP, {}).get("registered") is True:
                app += 1
            method = answers.get(flow.PAYMENT, {}).get("method")
            if method in flow.CASHLESS_METHODS:
                by_method[str(method)] += 1
                provider = answers[flow.PAYMENT].get("provider")
                if provider:
                    providers[str(provider)] += 1
            if flow.HOUSEHOLD in answers and flow.resume_step(flow.drop_stale(answers)) == flow.DONE:
                finished += 1
    return AdoptionFigures(
        households_onboarded=len(ids), finished=finished, e_contract=contract, e_contract_confirmed=int(confirmed),
        cashless=sum(by_method.values()), cashless_by_method={m: by_method.get(m, 0) for m in flow.CASHLESS_METHODS},
        providers=dict(providers), app_users=app,
    )
