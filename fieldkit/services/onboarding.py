"""Household onboarding use cases: find or create the household, save each step as it is
done, rebuild the flow from the saved steps (resume), the current bill and its VietQR, the
signed contract, the household sheet PDF, and the adoption figures for the team reports.

Every step is an append-only row of `onboarding_steps` (the newest record of a step
supersedes the older one), written in one transaction with its outbox entry and audit
line. Navigation (which step comes next, where to resume) is `fieldkit.domain.onboarding`.

Validation uses the domain's bilingual `Problem`s; the forms engine (`fieldkit.forms`) is
meant for long technical forms and is not used for these few fields.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from fieldkit.documents.contract_terms import DEFAULT_TERMS, newest_version
from fieldkit.documents.household_sheet import (
    BankTransfer,
    HouseholdSheet,
    PaymentKind,
    PaymentMethod,
    household_sheet_pdf,
)
from fieldkit.documents.resources import resource_path
from fieldkit.documents.sheet_content import DueBill
from fieldkit.documents.vietqr import VietQRError
from fieldkit.domain import geography
from fieldkit.domain import onboarding as flow
from fieldkit.domain.codes import customer_code_problems, normalise_customer_code, provisional_code
from fieldkit.domain.ids import new_id
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import (
    Address,
    Attachment,
    Customer,
    OnboardingStep,
    WorkOrder,
    WorkOrderKind,
    WorkOrderState,
)
from fieldkit.domain.problems import Problem, ValidationError, check
from fieldkit.domain.tariff import BillEstimate, TariffError, estimate_bill
from fieldkit.domain.text import clean_name, normalise_phone
from fieldkit.domain.validation import customer_problems
from fieldkit.services import customers as customer_service
from fieldkit.services import field_facts, work_orders
from fieldkit.services.due_bills import latest_bill
from fieldkit.services.kept_documents import KeptDocument
from fieldkit.services.review import local_date, local_today
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store import drafts as drafts_repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.database import Tx

_M = Texts("services.onboarding")

Lang = Literal["vi", "en"]

# --- configuration ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bank:
    name: str
    bin: str  # 6-digit NAPAS BIN


@dataclass(frozen=True)
class CollectionAccount:
    """The power company's account that bill transfers go to."""

    bank_bin: str
    bank_name: str
    account: str
    account_name: str


@dataclass(frozen=True)
class OnboardingConfig:
    app_name: str
    android_url: str
    ios_url: str
    hotline: str
    chat_name: str
    chat_url: str
    utility_name: str
    provisional_unit: str
    reading_day: int
    collection: CollectionAccount
    purpose: str
    banks: tuple[Bank, ...]
    wallets: tuple[str, ...]
    default_province_code: int | None = None

    def bank(self, name: str) -> Bank | None:
        return next((b for b in self.banks if b.name == name), None)


def config_problems(raw: Any) -> list[str]:
    """What is wrong with a config file (English, for the log and the test)."""
    out: list[str] = []
    if not isinstance(raw, dict):
        return ["the onboarding config must be a JSON object"]
    for key in ("app_name", "android_url", "ios_url", "hotline", "chat_name", "provisional_unit", "purpose"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            out.append(f"{key} must be a non-empty text")
    for b in raw.get("banks") or []:
        if not (isinstance(b, dict) and isinstance(b.get("name"), str) and re.fullmatch(r"[0-9]{6}", str(b.get("bin")))):
            out.append(f"bank {b!r} needs a name and a 6-digit NAPAS BIN")
    if not raw.get("banks"):
        out.append("banks: at least one bank")
    if not raw.get("wallets"):
        out.append("wallets: at least one e-wallet")
    acc = raw.get("collection_account") or {}
    if not re.fullmatch(r"[0-9]{6}", str(acc.get("bank_bin", ""))) or not str(acc.get("account", "")).strip():
        out.append("collection_account needs bank_bin (6 digits) and account")
    unit = str(raw.get("provisional_unit", ""))
    if customer_code_problems(unit + "0000000"):
        out.append("provisional_unit must be 6 characters that start a customer code (e.g. PATAM0)")
    if not isinstance(raw.get("reading_day"), int) or not 1 <= raw["reading_day"] <= 28:
        out.append("reading_day must be a day of the month from 1 to 28")
    return out


def parse_config(raw: Any) -> OnboardingConfig:
    problems = config_problems(raw)
    if problems:
        raise ValueError("onboarding config: " + "; ".join(problems))
    acc = raw["collection_account"]
    return OnboardingConfig(
        app_name=raw["app_name"], android_url=raw["android_url"], ios_url=raw["ios_url"], hotline=raw["hotline"],
        chat_name=raw["chat_name"], chat_url=str(raw.get("chat_url") or ""),
        utility_name=str(raw.get("utility_name") or "TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC"),
        provisional_unit=raw["provisional_unit"], reading_day=raw["reading_day"],
        collection=CollectionAccount(str(acc["bank_bin"]), str(acc.get("bank_name", "")), str(acc["account"]),
                                     str(acc.get("account_name", ""))),
        purpose=raw["purpose"],
        banks=tuple(Bank(str(b["name"]), str(b["bin"])) for b in raw["banks"]),
        wallets=tuple(str(w) for w in raw["wallets"]),
        default_province_code=int(raw["default_province_code"]) if raw.get("default_province_code") else None,
    )


def config_path() -> Path:
    return resource_path("onboarding", "config.json")


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> OnboardingConfig:
    return parse_config(json.loads(Path(path).read_text(encoding="utf-8")))


def load_config(path: str | Path | None = None) -> OnboardingConfig:
    p = Path(path) if path else config_path()
    return _load(str(p), p.stat().st_mtime)


# --- the flow of one household ------------------------------------------------------------------


@dataclass(frozen=True)
class Flow:
    """Where one household's onboarding stands, rebuilt from its saved steps."""

    customer: Customer
    answers: dict[str, dict[str, Any]]
    step: str  # where to resume: the first incomplete step on the path, or DONE
    path: list[str]
    records: dict[str, OnboardingStep] = field(default_factory=dict)

    @property
    def new_supply(self) -> bool:
        return bool(self.answers.get(flow.HOUSEHOLD, {}).get("new_supply"))


def _flow(conn: Any, customer_id: str) -> Flow:
    customer = customer_repo.get(conn, customer_id)
    if customer is None:
        raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
    records = flow.latest_records(facts_repo.onboarding_steps_of(conn, customer_id))
    answers = flow.drop_stale({k: dict(r.data) for k, r in records.items()})
    return Flow(customer, answers, flow.resume_step(answers), flow.path(answers), records)


def load_flow(session: Session, customer_id: str) -> Flow:
    with session.store.read() as conn:
        return _flow(conn, customer_id)


def _append(tx: Tx, session: Session, customer_id: str, step: str, data: dict[str, Any],
            work_order_id: str | None = None) -> OnboardingStep:
    """One onboarding step inside an open transaction (superseding the step's current record)."""
    current = flow.latest_records(facts_repo.onboarding_steps_of(tx.conn, customer_id)).get(step)
    item = OnboardingStep(id=new_id(), customer_id=customer_id, step=step, data=data,
                          work_order_id=work_order_id or work_orders.onboarding_order(tx.conn, customer_id),
                          supersedes=current.id if current else None, recorded_by=session.user_id)
    facts_repo.insert_onboarding_step(tx.conn, item, tx.now)
    drafts_repo.replaced(tx, drafts_repo.ONBOARDING, drafts_repo.onboarding_ref(customer_id, step), item.id)
    tx.change("onboarding_step", item.id, "append", facts_repo.onboarding_payload(item))
    work_orders.submit_finished_onboarding(tx, session, item)  # the flow complete: the order is submitted
    return item


def _record(session: Session, customer_id: str, step: str, data: dict[str, Any]) -> Flow:
    with session.store.transaction(actor=session.user_id) as tx:
        if customer_repo.get(tx.conn, customer_id) is None:
            raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
        _append(tx, session, customer_id, step, data)
    return load_flow(session, customer_id)


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


def is_provisional(code: str, config: OnboardingConfig | None = None) -> bool:
    """A provisional code (of the configured unit no real unit uses), not yet the utility's."""
    return code.startswith((config or load_config()).provisional_unit)


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


# --- the current bill and its VietQR -----------------------------------------------------------


@dataclass(frozen=True)
class BillQr:
    estimate: BillEstimate | None  # None: no two readings yet (an estimate never sets the QR's amount)
    transfer: BankTransfer  # an amount only for the utility's published, unpaid bill (transfer.bill)
    reason: str = ""  # why there is no estimate: "no_meter", "no_readings", "tariff"

    @property
    def bill(self) -> DueBill | None:
        """The utility's bill the QR pays, or None (the QR then carries no amount)."""
        return self.transfer.bill


def _main_index(registers: dict[str, Any]) -> Decimal | None:
    if "1.8.0" in registers:
        return Decimal(registers["1.8.0"].value)
    parts = [registers[k].value for k in ("1.8.1", "1.8.2", "1.8.3") if k in registers]
    return sum(parts, Decimal(0)) if parts else None


def current_bill(session: Session, customer_id: str) -> tuple[BillEstimate | None, str]:
    """The estimate between the last two readings of the household's meter (and why not)."""
    with session.store.read() as conn:
        customer = customer_repo.get(conn, customer_id)
        meters = wo_repo.meters_of_customer(conn, customer_id)
        if customer is None or not meters:
            return None, "no_meter"
        readings = facts_repo.readings_of_meter(conn, meters[0].id, limit=2)
    if len(readings) < 2:
        return None, "no_readings"
    newer, older = readings
    a, b = _main_index(newer.registers), _main_index(older.registers)
    if a is None or b is None or a < b:
        return None, "no_readings"
    start = local_date(older.taken_at) + timedelta(days=1)
    end = local_date(newer.taken_at)
    if end < start:
        return None, "no_readings"
    try:
        # whole kWh, as on the bill: the difference of the indexes' whole parts
        return estimate_bill(int(a) - int(b), start, end, households=customer.households), ""
    except (TariffError, ValueError):
        return None, "tariff"


def bill_qr(session: Session, customer_id: str, config: OnboardingConfig | None = None) -> BillQr:
    cfg = config or load_config()
    customer = customer_service.get_customer(session, customer_id)
    if customer is None:
        raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
    estimate, reason = current_bill(session, customer_id)
    acc = cfg.collection
    try:  # like the sheet: the amount of the utility's published unpaid bill, never the estimate's
        transfer = BankTransfer.for_bill(acc.bank_bin, acc.bank_name, acc.account, acc.account_name,
                                         latest_bill(session, customer.code), cfg.purpose.format(code=customer.code))
    except VietQRError as exc:
        raise ValidationError([Problem("bank_qr", "invalid", exc.message)]) from exc
    return BillQr(estimate, transfer, reason)


def mark_bill_shown(session: Session, customer_id: str, qr: BillQr) -> Flow:
    est = qr.estimate
    return _record(session, customer_id, flow.BILL, {
        "shown": True, "kwh": est.kwh if est else None, "total": est.total if est else None,
        "period": [est.period_start.isoformat(), est.period_end.isoformat()] if est else None,
        "qr_payload": qr.transfer.payload, "qr_amount": qr.transfer.amount,
        "bill_period": [qr.bill.period_start.isoformat(), qr.bill.period_end.isoformat()] if qr.bill else None,
    })


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


# --- the household sheet ----------------------------------------------------------------------


def next_reading_date(reading_day: int, today: date) -> date:
    """The next day of the month the meter is read (after today)."""
    candidate = today.replace(day=reading_day)
    if candidate <= today:
        month = today.month % 12 + 1
        candidate = candidate.replace(year=today.year + (today.month == 12), month=month)
    return candidate


def household_sheet(session: Session, customer_id: str, config: OnboardingConfig | None = None,
                    today: date | None = None) -> HouseholdSheet:
    cfg = config or load_config()
    f = load_flow(session, customer_id)
    c = f.customer
    pay = f.answers.get(flow.PAYMENT, {})
    payment: PaymentMethod | None = None
    if pay.get("method") in {k.value for k in PaymentKind}:
        payment = PaymentMethod(PaymentKind(pay["method"]), str(pay.get("provider") or ""))
    # The code decides, not the path taken: once the utility's real code replaced the provisional
    # one (it arrives on sync), the sheet is a customer's sheet.
    provisional = is_provisional(c.code, cfg)
    estimate = None if provisional else current_bill(session, customer_id)[0]
    transfer = None
    if not provisional and pay.get("method") != "auto_debit":
        acc = cfg.collection
        try:  # the QR pays the utility's newest unpaid bill, or carries no amount (never an estimate's)
            transfer = BankTransfer.for_bill(acc.bank_bin, acc.bank_name, acc.account, acc.account_name,
                                             latest_bill(session, c.code), cfg.purpose.format(code=c.code))
        except VietQRError as exc:
            raise ValidationError([Problem("bank_qr", "invalid", exc.message)]) from exc
    if transfer is not None and transfer.bill is not None:
        estimate = None  # the utility's bill is printed with its QR; an estimate beside it would confuse
    return HouseholdSheet(
        customer_name=c.name, customer_code=c.code, address=c.address.one_line(),
        app_android_url=cfg.android_url, app_ios_url=cfg.ios_url, zalo_name=cfg.chat_name,
        zalo_url=cfg.chat_url or None, app_name=cfg.app_name, utility_name=cfg.utility_name,
        hotline=cfg.hotline, payment=payment, bill=estimate, bank_transfer=transfer,
        next_reading_date=None if provisional else next_reading_date(cfg.reading_day, today or local_today()),
        prepared_on=today or local_today(), prepared_by=session.display_name, provisional=provisional,
    )


@dataclass(frozen=True)
class SheetResult:
    document: KeptDocument  # kept encrypted; open/print/save a copy through kept_documents
    sha256: str
    flow: Flow


def make_sheet(session: Session, customer_id: str, lang: Lang = "vi",
               config: OnboardingConfig | None = None) -> SheetResult:
    """Render the one-page household sheet in memory and keep it, encrypted, as an attachment of
    the "sheet" step (printed: False until the trainer says it was handed over). No file in the
    clear is written; the file name carries no customer data."""
    sheet = household_sheet(session, customer_id, config)
    pdf = household_sheet_pdf(sheet, lang)
    sha = hashlib.sha256(pdf).hexdigest()
    name = f"phieu-khach-hang-{lang}.pdf"
    field_facts.record_onboarding_step(
        session, customer_id=customer_id, step=flow.SHEET,
        data={"sha256": sha, "file": name, "lang": lang, "printed": False},
        attachments=[(pdf, "application/pdf", "document")],
    )
    document = KeptDocument(sha, "household_sheet", name)
    return SheetResult(document, sha, load_flow(session, customer_id))


def finish(session: Session, customer_id: str, printed: bool) -> Flow:
    """The trainer closes the onboarding, saying whether the sheet was printed and handed over."""
    f = load_flow(session, customer_id)
    sheet = f.answers.get(flow.SHEET)
    if not sheet or "sha256" not in sheet:
        raise ValidationError([Problem("sheet", "required", _M("Make the household sheet first."))])
    if bool(sheet.get("printed")) == printed:
        return f
    return _record(session, customer_id, flow.SHEET, {k: v for k, v in sheet.items() if k != "attachments"}
                   | {"printed": printed, "attachments": sheet.get("attachments", [])})


# --- lists and figures -------------------------------------------------------------------------


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


__all__ = [
    "AdoptionFigures", "Bank", "BillQr", "CollectionAccount", "Flow", "HouseholdInput",
    "OnboardingConfig", "SheetResult", "Unfinished", "adoption_figures", "bill_qr", "current_bill",
    "find_households", "finish", "household_sheet", "is_provisional", "load_config", "load_flow", "make_sheet", "mark_app_shown",
    "mark_bill_shown", "next_reading_date", "parse_config", "save_app", "save_new_supply", "save_payment",
    "sign_contract", "signature_png", "start_new_household", "start_with_customer", "unfinished",
]
