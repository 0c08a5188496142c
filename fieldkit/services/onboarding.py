"""Household onboarding use cases: find or create the household, and save each step as it is done
(the household, the new-supply request, the app, the payment method, the signed contract).

Split by concern (this module re-exports the others' names, so `onboarding.X` keeps working):
- `onboarding_config`: the configuration file (app, banks, provisional codes, reading day);
- `onboarding_flow`: the flow rebuilt from the saved steps (resume) and how a step is saved;
- `onboarding_sheet`: the current bill and its VietQR, the household sheet PDF, finishing;
- `onboarding_figures`: unfinished households and the adoption figures for the team reports.

Every step is an append-only row of `onboarding_steps` (the newest record of a step
supersedes the older one), written in one transaction with its outbox entry and audit
line. Navigation (which step comes next, where to resume) is `fieldkit.domain.onboarding`.

Validation uses the domain's bilingual `Problem`s; the forms engine (`fieldkit.forms`) is
meant for long technical forms and is not used for these few fields.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from fieldkit.documents.contract_terms import DEFAULT_TERMS, newest_version
from fieldkit.documents.resources import resource_path
from fieldkit.domain import geography
from fieldkit.domain import onboarding as flow
from fieldkit.domain.codes import normalise_customer_code, provisional_code
from fieldkit.domain.ids import new_id
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import (
    Address,
    Attachment,
    Customer,
    WorkOrder,
    WorkOrderKind,
    WorkOrderState,
)
from fieldkit.domain.problems import Problem, ValidationError, check
from fieldkit.domain.text import clean_name, normalise_phone
from fieldkit.domain.validation import customer_problems
from fieldkit.services import customers as customer_service
from fieldkit.services import field_facts
from fieldkit.services.onboarding_config import (
    Bank,
    CollectionAccount,
    OnboardingConfig,
    config_path,
    config_problems,
    is_provisional,
    load_config,
    parse_config,
)
from fieldkit.services.onboarding_figures import AdoptionFigures, Unfinished, adoption_figures, unfinished
from fieldkit.services.onboarding_flow import Flow, Lang, _append, _flow, _record, load_flow
from fieldkit.services.onboarding_sheet import (
    BillQr,
    SheetResult,
    bill_qr,
    current_bill,
    finish,
    household_sheet,
    make_sheet,
    mark_bill_shown,
    next_reading_date,
)
from fieldkit.services.review import local_today
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store import drafts as drafts_repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.database import Tx

_M = Texts("services.onboarding")

# --- step 1: the household -----------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdInput:
    name: str
    phone: str = ""
    national_id: str = ""
    street: str = ""
    province_code: int | None = None
    commune_code: int | None = None
    code: str = ""  # the utility's customer code; empty when it is not yet a customer
    existing_customer: bool = True


def start_with_customer(session: Session, customer_id: str) -> Flow:
    """An existing customer (found on this device): record the household step, or resume."""
    with session.store.transaction(actor=session.user_id) as tx:
        customer = customer_repo.get(tx.conn, customer_id)
        if customer is None:
            raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
        current = flow.latest_records(facts_repo.onboarding_steps_of(tx.conn, customer_id)).get(flow.HOUSEHOLD)
        if current is None:
            _append(tx, session, customer_id, flow.HOUSEHOLD, {
                "customer_id": customer.id, "code": customer.code, "new_supply": False, "created": False})
    return load_flow(session, customer_id)


def _address(data: HouseholdInput) -> Address:
    province = geography.provinces().get(data.province_code) if data.province_code is not None else None
    commune = geography.commune(data.commune_code) if data.commune_code is not None else None
    return Address(province_code=data.province_code, province=province.name if province else "",
                   commune_code=data.commune_code, commune=commune.name if commune else "", street=data.street.strip())


def start_new_household(session: Session, data: HouseholdInput, config: OnboardingConfig | None = None) -> Flow:
    """A household not on this device: create the customer and record the household step, in
    one transaction. Not yet a customer of the utility: a provisional code is given."""
    cfg = config or load_config()
    cid = new_id()
    code = normalise_customer_code(data.code) if data.existing_customer else provisional_code(cfg.provisional_unit, cid)
    customer = Customer(id=cid, code=code, name=clean_name(data.name), phone=normalise_phone(data.phone),
                        national_id=data.national_id.strip(), address=_address(data))
    problems = customer_problems(customer)
    if not data.existing_customer:
        problems = [p for p in problems if p.field != "code"]
    if data.commune_code is None:
        problems.append(Problem("commune", "required", _M("Choose the commune/ward.")))
    check(problems)
    with session.store.transaction(actor=session.user_id) as tx:
        if customer_repo.by_code(tx.conn, customer.code) is not None:
            raise ValidationError([Problem(
                "code", "taken", _M("This customer code is already on this device: find the customer by the code."))])
        customer_repo.insert(tx.conn, customer, tx.now)
        tx.change("customer", customer.id, "create", customer_repo.payload(customer), base_version=None)
        drafts_repo.delete(tx.conn, drafts_repo.ONBOARDING, drafts_repo.new_household_ref(session.user_id))
        _append(tx, session, customer.id, flow.HOUSEHOLD, {
            "customer_id": customer.id, "code": customer.code, "new_supply": not data.existing_customer,
            "created": True})
    return load_flow(session, customer.id)


def find_households(session: Session, text: str, limit: int = 20) -> list[Customer]:
    from fieldkit.store.customers import CustomerQuery

    if not text.strip():
        return []
    return customer_service.customer_page(session, CustomerQuery(text.strip()), 0, limit)


# --- new supply request -------------------------------------------------------------------------


def save_new_supply(session: Session, customer_id: str, answer: flow.NewSupplyAnswer,
                    due: date | None = None, signature: tuple[str, bytes] | None = None) -> Flow:
    """The new-supply request (documents checklist, households on the meter, supply address).
    The first time, a new-supply work order is created in the same transaction; the
    household count is written on the customer. `signature` (the applicant's name, the PNG
    already in the attachment store): the request is recorded signed, with its attachment, in the
    same transaction (`services.supply_request`)."""
    check(flow.new_supply_problems(answer))
    if answer.commune_code is not None and geography.commune(answer.commune_code) is None:
        raise ValidationError([Problem("commune", "unknown", _M("This commune/ward is not in the 2025 list of administrative units."))])
    today = local_today()
    with session.store.transaction(actor=session.user_id) as tx:
        customer = customer_repo.get(tx.conn, customer_id)
        if customer is None:
            raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
        current = flow.latest_records(facts_repo.onboarding_steps_of(tx.conn, customer_id)).get(flow.NEW_SUPPLY)
        wo_id = current.data.get("work_order_id") if current else None
        if not wo_id:
            wo_id = new_id()
            wo = WorkOrder(
                id=wo_id, number=f"CD-{today:%y%m%d}-{wo_id[-6:].upper()}", kind=WorkOrderKind.NEW_SUPPLY,
                state=WorkOrderState.ASSIGNED, customer_id=customer_id, team_id=None,
                due_date=due or _add_working_days(today, flow.working_days_limit(answer.needs_pole)),
                assignee_id=session.user_id, note="Yêu cầu cấp điện mới (hướng dẫn khách hàng)",
            )
            wo_repo.insert_work_order(tx.conn, wo, tx.now)
            tx.change("work_order", wo.id, "create", wo_repo.wo_record(wo))
        commune = geography.commune(answer.commune_code) if answer.commune_code is not None else None
        _append(tx, session, customer_id, flow.NEW_SUPPLY, {
            "documents": sorted(answer.documents), "households": answer.households,
            "supply_address": {"street": answer.street.strip(), "commune_code": answer.commune_code,
                               "commune": commune.name if commune else ""},
            "needs_pole": answer.needs_pole, "working_days": flow.working_days_limit(answer.needs_pole),
            "work_order_id": wo_id,
        } | (_signed(tx, *signature) if signature else {}), work_order_id=str(wo_id))
        if customer.households != answer.households:
            updated = replace(customer, households=answer.households, version=customer.version + 1)
            customer_repo.update(tx.conn, updated, tx.now)
            tx.change("customer", customer.id, "update", customer_repo.payload(updated),
                      base_version=customer.version, detail="households")
    return load_flow(session, customer_id)


def _signed(tx: Tx, signer: str, png: bytes) -> dict[str, Any]:
    """The signature's attachment row (and outbox entry) in the request's transaction; its keys."""
    sha = hashlib.sha256(png).hexdigest()
    if facts_repo.insert_attachment(tx.conn, Attachment(sha, len(png), "image/png", "signature"), tx.now):
        tx.change("attachment", sha, "create", {"sha256": sha, "size": len(png), "mime": "image/png",
                                                "kind": "signature"})
    return {"signer": signer, "signature_sha256": sha, "attachments": [sha]}


def _add_working_days(day: date, n: int) -> date:
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


# --- app, payment ---------------------------------------------------------------------------------


def mark_app_shown(session: Session, customer_id: str) -> Flow:
    return _record(session, customer_id, flow.APP_INSTALL, {"shown": True})


def save_app(session: Session, customer_id: str, registered: bool, phone: str) -> Flow:
    customer = customer_service.get_customer(session, customer_id)
    if customer is None:
        raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
    check(flow.app_problems(registered, phone, customer.phone))
    phone = normalise_phone(phone)
    if registered and not customer.phone:
        customer_service.update_customer(session, customer_id, phone=phone)
    return _record(session, customer_id, flow.APP, {"registered": registered, "phone": phone if registered else ""})


def save_payment(session: Session, customer_id: str, method: str, provider: str = "",
                 config: OnboardingConfig | None = None) -> Flow:
    cfg = config or load_config()
    check(flow.payment_problems(method, provider, [b.name for b in cfg.banks], cfg.wallets))
    data: dict[str, Any] = {"method": method, "provider": provider if flow.PROVIDER_LIST[method] else ""}
    bank = cfg.bank(provider) if flow.PROVIDER_LIST[method] == "bank" else None
    if bank is not None:
        data["provider_bin"] = bank.bin
    return _record(session, customer_id, flow.PAYMENT, data)


# --- the electronic contract ----------------------------------------------------------------


Stroke = list[tuple[float, float]]


def signature_png(strokes: list[Stroke], signer: str, size: tuple[int, int] = (600, 200)) -> bytes:
    """The signature as a PNG: the strokes drawn on screen (coordinates in 0..1), or, when
    nothing was drawn (keyboard only), the signer's typed name."""
    from PIL import Image, ImageDraw, ImageFont

    w, h = size
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    drawn = [s for s in strokes if s]
    if drawn:
        for s in drawn:
            points = [(x * w, y * h) for x, y in s]
            if len(points) == 1:
                x, y = points[0]
                draw.ellipse((x - 2, y - 2, x + 2, y + 2), fill="black")
            else:
                draw.line(points, fill="black", width=4, joint="curve")
    else:
        font = ImageFont.truetype(str(resource_path("fonts", "DejaVuSans.ttf")), 44)
        draw.text((24, h // 2), clean_name(signer), fill="black", font=font, anchor="lm")
    draw.line((20, h - 24, w - 20, h - 24), fill=(120, 120, 120), width=1)
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def sign_contract(session: Session, customer_id: str, *, signed: bool, read_summary: bool = False,
                  signer: str = "", strokes: list[Stroke] | None = None) -> Flow:
    """Sign the electronic purchase contract on screen (the signature is an attachment), or
    record that the household will sign later. The utility's OTP confirmation stays
    "pending" until the central system sends the confirmed record back on sync."""
    strokes = strokes or []
    check(flow.contract_problems(signed, read_summary, signer, any(strokes)))
    customer = customer_service.get_customer(session, customer_id)
    if customer is None:
        raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
    if not signed:
        return _record(session, customer_id, flow.CONTRACT, {"signed": False})
    png = signature_png(strokes, signer)
    field_facts.record_onboarding_step(
        session, customer_id=customer_id, step=flow.CONTRACT,
        data={"signed": True, "otp": flow.OTP_PENDING, "signer": clean_name(signer), "phone": customer.phone,
              "drawn": bool(any(strokes)), "signature_sha256": hashlib.sha256(png).hexdigest(),
              "terms": DEFAULT_TERMS, "terms_version": newest_version()},  # the PDF prints these terms
        attachments=[(png, "image/png", "signature")],
    )
    return load_flow(session, customer_id)


__all__ = [
    "AdoptionFigures", "Bank", "BillQr", "CollectionAccount", "Flow", "HouseholdInput", "Lang",
    "OnboardingConfig", "SheetResult", "Stroke", "Unfinished", "_append", "_flow", "_record", "adoption_figures",
    "bill_qr", "config_path", "config_problems", "current_bill", "find_households", "finish", "household_sheet",
    "is_provisional", "load_config", "load_flow", "make_sheet", "mark_app_shown", "mark_bill_shown",
    "next_reading_date", "parse_config", "save_app", "save_new_supply", "save_payment", "sign_contract",
    "signature_png", "start_new_household", "start_with_customer", "unfinished",
]
