"""Every document the app makes, found, made (again) and opened from the records in the store.

Kinds: the install record (of a work order), and per household the new-supply request, the
e-contract and the household sheet. A document is a view of the records: made in memory from
what the store holds now, kept encrypted in the attachment store (kept_documents.keep, file
names without customer data) and opened through a private temporary copy. The household
sheet is also a record of the onboarding (it is handed to the household): "make again"
records a new sheet step; opening it shows the sheet last made.

When the utility's real customer code replaces a provisional one (it arrives on sync;
sync/apply.py notes it, store/documents.py), `follow_code_changes` brings the household's
records along (a new household step with the real code) and makes its sheet again; the other
documents are made from the records, so they carry the real code from then on.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fieldkit.documents.contract import ContractDocument, contract_number, render_contract
from fieldkit.documents.contract_terms import DEFAULT_TERMS, load_terms
from fieldkit.documents.supply_request import SupplyRequest, render_supply_request
from fieldkit.domain import onboarding as flow
from fieldkit.domain.local_time import local_date, local_today
from fieldkit.domain.messages import Message, Texts
from fieldkit.domain.models import OnboardingStep, WorkOrderKind
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.domain.text import clean_name
from fieldkit.services import installs, kept_documents, supply_request
from fieldkit.services import onboarding as ob
from fieldkit.services.field_facts import record_onboarding_step
from fieldkit.services.kept_documents import KeptDocument
from fieldkit.services.session import Session
from fieldkit.services.supply_request import check_signer
from fieldkit.store import documents as doc_repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.documents import CodeChange

_M = Texts("services.documents")

__all__ = [
    "KINDS", "DocumentRef", "contract_document", "current", "document_of_record", "documents_of_customer",
    "documents_of_work_order", "follow_code_changes", "make", "open_document", "open_record_pdf", "pdf_of", "save_supply_request", "sign_supply_request",
    "supply_request_document",
]

Lang = Literal["vi", "en"]
_log = logging.getLogger(__name__)

INSTALL_RECORD, HOUSEHOLD_SHEET, CONTRACT, NEW_SUPPLY_REQUEST = (
    "install_record", "household_sheet", "contract", "new_supply_request")
KINDS = (INSTALL_RECORD, NEW_SUPPLY_REQUEST, CONTRACT, HOUSEHOLD_SHEET)
# file names carry the kind and the language only (never a name or a code)
_FILE = {CONTRACT: "hop-dong-mua-ban-dien-{lang}.pdf", NEW_SUPPLY_REQUEST: "giay-de-nghi-mua-dien-{lang}.pdf"}


@dataclass(frozen=True)
class DocumentRef:
    kind: str  # one of KINDS
    subject_id: str  # the work order (install record) or the customer (the others)


def _missing(message: Message) -> ValidationError:
    return ValidationError([Problem("document", "missing", message)])


def _flow(session: Session, customer_id: str) -> ob.Flow:
    return ob.load_flow(session, customer_id)


def _place(f: ob.Flow) -> str:
    a = f.customer.address
    return a.province or a.commune


# --- the e-contract ---------------------------------------------------------------------------


def contract_document(session: Session, customer_id: str, config: ob.OnboardingConfig | None = None) -> ContractDocument:
    """The signed contract as the store holds it, laid out with the terms version it was signed under."""
    cfg = config or ob.load_config()
    f = _flow(session, customer_id)
    answer, record = f.answers.get(flow.CONTRACT, {}), f.records.get(flow.CONTRACT)
    if answer.get("signed") is not True or record is None:
        raise _missing(_M("This household has not signed the e-contract."))
    c = f.customer
    with session.store.read() as conn:
        stamp = doc_repo.step_stamp(conn, record.id)
        staff = doc_repo.person_name(conn, record.recorded_by) or session.display_name
        unit = doc_repo.team_of_person(conn, record.recorded_by)
    sha = str(answer.get("signature_sha256") or "")
    png = session.attachments.get(sha) if sha and session.attachments.has(sha) else None
    supply = f.answers.get(flow.NEW_SUPPLY, {}).get("supply_address") or {}
    address = ", ".join(p for p in (supply.get("street"), supply.get("commune"), c.address.province) if p) \
        if supply else c.address.one_line()
    return ContractDocument(
        terms=load_terms(str(answer.get("terms") or DEFAULT_TERMS), int(answer.get("terms_version") or 1)),
        customer_name=c.name, customer_code=c.code, national_id=c.national_id,
        phone=str(answer.get("phone") or c.phone), supply_address=address or c.address.one_line(),
        households=c.households, signed_on=local_date(stamp.recorded_at) if stamp else local_today(),
        signer=str(answer.get("signer") or c.name), staff_name=staff, company=cfg.utility_name, unit=unit,
        hotline=cfg.hotline, place=_place(f), signature_png=png, drawn=bool(answer.get("drawn", True)),
        otp_confirmed=answer.get("otp") == flow.OTP_CONFIRMED, provisional_code=ob.is_provisional(c.code, cfg),
        number=contract_number(_first_signed(session, record).id, local_date(stamp.recorded_at) if stamp else local_today()),
    )


def _first_signed(session: Session, record: OnboardingStep) -> OnboardingStep:
    """The contract's number stays that of the first record with this signature (a later record of
    the step, e.g. the utility's OTP confirmation, supersedes it without making a new contract)."""
    sha = record.data.get("signature_sha256")
    with session.store.read() as conn:
        steps = facts_repo.onboarding_steps_of(conn, record.customer_id)
    same = [r for r in steps if r.step == flow.CONTRACT and sha and r.data.get("signature_sha256") == sha]
    return same[0] if same else record


# --- the new-supply request ---------------------------------------------------------------------


def supply_request_document(session: Session, customer_id: str,
                            config: ob.OnboardingConfig | None = None) -> SupplyRequest:
    cfg = config or ob.load_config()
    f = _flow(session, customer_id)
    answer, record = f.answers.get(flow.NEW_SUPPLY), f.records.get(flow.NEW_SUPPLY)
    if not answer or record is None:
        raise _missing(_M("This household has no new-supply request."))
    c = f.customer
    with session.store.read() as conn:
        stamp = doc_repo.step_stamp(conn, record.id)
        staff = doc_repo.person_name(conn, record.recorded_by) or session.display_name
        unit = doc_repo.team_of_person(conn, record.recorded_by)
        wo = wo_repo.get_work_order(conn, str(answer.get("work_order_id") or ""))
    supply = answer.get("supply_address") or {}
    address = ", ".join(p for p in (supply.get("street"), supply.get("commune"), c.address.province) if p)
    sha = str(answer.get("signature_sha256") or "")
    png = session.attachments.get(sha) if sha and session.attachments.has(sha) else None
    return SupplyRequest(
        applicant=str(answer.get("signer") or c.name), national_id=c.national_id, phone=c.phone, contact_address=c.address.one_line(),
        supply_address=address or c.address.one_line(), households=int(answer.get("households") or c.households),
        documents=tuple(str(d) for d in answer.get("documents") or ()), needs_pole=bool(answer.get("needs_pole")),
        working_days=int(answer.get("working_days") or flow.working_days_limit(bool(answer.get("needs_pole")))),
        requested_on=local_date(stamp.recorded_at) if stamp else local_today(), staff_name=staff,
        request_number=wo.number if wo else "—", code=c.code, provisional=ob.is_provisional(c.code, cfg),
        due_date=wo.due_date if wo else None, company=cfg.utility_name, unit=unit, place=_place(f),
        signature_png=png,
    )


def sign_supply_request(session: Session, customer_id: str, signer: str,
                        strokes: list[ob.Stroke] | None = None) -> ob.Flow:
    """The applicant signs the new-supply request on screen (or with the typed name): a new record of
    the request step with the signature as its attachment; the request's PDF prints it."""
    f = _flow(session, customer_id)
    answer = f.answers.get(flow.NEW_SUPPLY)
    if not answer:
        raise _missing(_M("This household has no new-supply request."))
    signer = clean_name(signer)
    if not signer and not any(strokes or []):
        raise ValidationError([Problem("signer", "required", _M("Sign, or type the applicant's name."))])
    check_signer(signer)
    png = ob.signature_png(strokes or [], signer or f.customer.name)
    data = {k: v for k, v in answer.items() if k != "attachments"}
    record_onboarding_step(session, customer_id=customer_id, step=flow.NEW_SUPPLY,
                           work_order_id=str(answer.get("work_order_id") or "") or None,
                           data=data | {"signer": signer or f.customer.name,
                                        "signature_sha256": hashlib.sha256(png).hexdigest()},
                           attachments=[(png, "image/png", "signature")])
    return _flow(session, customer_id)


def save_supply_request(session: Session, customer_id: str, answer: flow.NewSupplyAnswer, signer: str = "",
                        strokes: list[ob.Stroke] | None = None) -> ob.Flow:
    """The onboarding screen's Next: the request and its signature in one transaction
    (`services.supply_request`)."""
    return supply_request.save_supply_request(session, customer_id, answer, signer, strokes)


# --- finding, making, opening -----------------------------------------------------------------


def documents_of_customer(session: Session, customer_id: str) -> list[DocumentRef]:
    """The household's documents that its records allow, in the order they are made."""
    f = _flow(session, customer_id)
    out: list[DocumentRef] = []
    with session.store.read() as conn:
        out += [DocumentRef(INSTALL_RECORD, wo_id) for wo_id in doc_repo.installed_work_orders(conn, customer_id)]
    if f.answers.get(flow.NEW_SUPPLY):
        out.append(DocumentRef(NEW_SUPPLY_REQUEST, customer_id))
    if f.answers.get(flow.CONTRACT, {}).get("signed") is True:
        out.append(DocumentRef(CONTRACT, customer_id))
    if f.answers.get(flow.SHEET, {}).get("sha256"):
        out.append(DocumentRef(HOUSEHOLD_SHEET, customer_id))
    return out


def documents_of_work_order(session: Session, work_order_id: str) -> list[DocumentRef]:
    with session.store.read() as conn:
        wo = wo_repo.get_work_order(conn, work_order_id)
        has_install = bool(facts_repo.installs_of_work_order(conn, work_order_id))
    if wo is None:
        return []
    out = [DocumentRef(INSTALL_RECORD, wo.id)] if has_install else []
    if wo.customer_id and wo.kind in (WorkOrderKind.NEW_SUPPLY, WorkOrderKind.ONBOARDING):
        out += [r for r in documents_of_customer(session, wo.customer_id) if r.kind != INSTALL_RECORD]
    return out


def pdf_of(session: Session, ref: DocumentRef, lang: Lang = "vi") -> bytes:
    """The document made now from the records (the household sheet: the one last made)."""
    if ref.kind == INSTALL_RECORD:
        return installs.install_record_pdf(session, ref.subject_id, lang)
    if ref.kind == CONTRACT:
        return render_contract(contract_document(session, ref.subject_id), lang)
    if ref.kind == NEW_SUPPLY_REQUEST:
        return render_supply_request(supply_request_document(session, ref.subject_id), lang)
    if ref.kind == HOUSEHOLD_SHEET:
        return kept_documents.read(session, current(session, ref, lang))
    raise ValueError(f"unknown document kind {ref.kind!r}")


def make(session: Session, ref: DocumentRef, lang: Lang = "vi") -> KeptDocument:
    """Make the document again from the records and keep it encrypted ("make again")."""
    if ref.kind == HOUSEHOLD_SHEET:
        return ob.make_sheet(session, ref.subject_id, lang).document
    if ref.kind == INSTALL_RECORD:
        return installs.save_record_pdf(session, ref.subject_id, lang)
    return kept_documents.keep(session, pdf_of(session, ref, lang), ref.kind, _FILE[ref.kind].format(lang=lang))


def current(session: Session, ref: DocumentRef, lang: Lang = "vi") -> KeptDocument:
    """What "open" shows: the household sheet last made (as handed over), any other document made now."""
    if ref.kind == HOUSEHOLD_SHEET:
        sheet = _flow(session, ref.subject_id).answers.get(flow.SHEET, {})
        if not sheet.get("sha256"):
            raise _missing(_M("The household sheet has not been made yet."))
        return KeptDocument(str(sheet["sha256"]), HOUSEHOLD_SHEET, str(sheet.get("file") or "phieu-khach-hang.pdf"))
    return make(session, ref, lang)


def open_document(session: Session, ref: DocumentRef, lang: Lang = "vi") -> Path:
    """Decrypt the document into a private temporary file for the viewer (see kept_documents)."""
    return kept_documents.open_private(session, current(session, ref, lang))


def document_of_record(session: Session, entity: str, record_id: str) -> DocumentRef | None:
    """The document a submitted record is shown in: an install (or its work order) -> the install
    record; an onboarding step -> the household's request, contract or sheet; None when there is none."""
    row = None
    with session.store.read() as conn:
        if entity == "install":
            row = conn.execute("SELECT work_order_id FROM installs WHERE id = ?", (record_id,)).fetchone()
            return DocumentRef(INSTALL_RECORD, str(row[0])) if row else None
        if entity == "onboarding_step":
            row = conn.execute("SELECT customer_id, step FROM onboarding_steps WHERE id = ?", (record_id,)).fetchone()
    if entity == "onboarding_step":
        if row is None:
            return None
        kind = {flow.NEW_SUPPLY: NEW_SUPPLY_REQUEST, flow.CONTRACT: CONTRACT}.get(str(row[1]), HOUSEHOLD_SHEET)
        ref = DocumentRef(kind, str(row[0]))
        return ref if ref in documents_of_customer(session, ref.subject_id) else None
    if entity == "work_order":
        found = documents_of_work_order(session, record_id)
        return found[0] if found else None
    return None


def open_record_pdf(session: Session, entity: str, record_id: str, lang: Lang = "vi") -> Path:
    """For the review page: the PDF of a record, decrypted to a private temporary file (removed when
    the session closes). Raises ValidationError when the record has no document."""
    ref = document_of_record(session, entity, record_id)
    if ref is None:
        raise _missing(_M("This record has no PDF document."))
    return open_document(session, ref, lang)


# --- the real customer code replaces a provisional one -------------------------------------------


def follow_code_changes(session: Session, config: ob.OnboardingConfig | None = None) -> list[CodeChange]:
    """After a pull: for every customer whose code the server changed, record the real code on the
    household step and make the household sheet again (to print and hand over). Only the person who
    onboarded the household does it (on every other laptop of the team the note waits until their
    records arrive, so a change is followed once, not once per laptop). Returns the changes dealt with."""
    cfg = config or ob.load_config()
    with session.store.read() as conn:
        changes = doc_repo.pending_code_changes(conn)
        row = conn.execute("SELECT server_id FROM users WHERE id = ?", (session.user_id,)).fetchone()
    me = {session.user_id} | ({str(row[0])} if row and row[0] else set())
    done: list[CodeChange] = []
    for change in changes:
        try:
            finished = _follow(session, change, cfg, me)
        except ValidationError as exc:  # e.g. the customer is gone: tell the log, keep the note
            _log.warning("documents for customer %s not made again: %s", change.customer_id, exc)
            continue
        if not finished:
            continue
        with session.store.transaction(actor=session.user_id) as tx:
            doc_repo.clear_code_change(tx.conn, change.customer_id)
        done.append(change)
    return done


def _follow(session: Session, change: CodeChange, cfg: ob.OnboardingConfig, me: set[str]) -> bool:
    f = _flow(session, change.customer_id)
    household = f.answers.get(flow.HOUSEHOLD)
    if f.customer.code != change.new_code or household is None or household.get("code") == change.new_code:
        return True  # changed again since, never onboarded here, or the records already follow
    mine = [r for r in (f.records.get(flow.HOUSEHOLD), f.records.get(flow.SHEET)) if r and r.recorded_by in me]
    if not mine:
        return False  # the person who onboarded the household follows it; their records will arrive
    record_onboarding_step(session, customer_id=change.customer_id, step=flow.HOUSEHOLD,
                           data={k: v for k, v in household.items() if k != "attachments"}
                           | {"code": change.new_code, "provisional_code": change.old_code})
    sheet = f.answers.get(flow.SHEET)
    if sheet and sheet.get("sha256"):
        lang: Lang = "en" if sheet.get("lang") == "en" else "vi"
        ob.make_sheet(session, change.customer_id, lang, cfg)
    return True
