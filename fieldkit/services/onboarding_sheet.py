"""The household's bill and sheet: the current bill estimated from the meter's last two readings and
the VietQR that pays the utility's published bill (never an estimate's amount), and the one-page
household sheet (codes, app links, payment, next reading date) made in memory and kept encrypted as
the "sheet" step's attachment; `finish` records that it was handed over.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from fieldkit.documents.household_sheet import (
    BankTransfer,
    HouseholdSheet,
    PaymentKind,
    PaymentMethod,
    household_sheet_pdf,
)
from fieldkit.documents.sheet_content import DueBill
from fieldkit.documents.vietqr import VietQRError
from fieldkit.domain import onboarding as flow
from fieldkit.domain.messages import Texts
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.domain.tariff import BillEstimate, TariffError, estimate_bill
from fieldkit.services import customers as customer_service
from fieldkit.services import field_facts
from fieldkit.services.due_bills import latest_bill
from fieldkit.services.kept_documents import KeptDocument
from fieldkit.services.onboarding_config import OnboardingConfig, is_provisional, load_config
from fieldkit.services.onboarding_flow import Flow, Lang, _record, load_flow
from fieldkit.services.review import local_date, local_today
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import work_orders as wo_repo

_M = Texts("services.onboarding")  # the same context as services/onboarding.py: one set of texts

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
