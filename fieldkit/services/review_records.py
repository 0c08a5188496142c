"""Every submitted record of a work order as the supervisor reads it (Qt-free).

    records_of(session, detail)  -> list[RecordView], oldest first

An install / replacement record is laid out by the form version it was saved with
(`fieldkit.forms`): its sections, its fields' labels in both languages, choices by their
labels, and only the answers that were relevant. A reading shows its registers by name, the
consumption since the meter's previous reading, the checks (abnormal use) and the bill
estimate, computed by `services.readings.assess`, the same function the reading screen uses.
Onboarding steps (and the new-supply request, which is one) are laid out from the tables
below. Ids, hashes and internal keys are never answers: photos and signatures are
`pictures` (the UI decodes them off its thread), a made document is a `KeptDocument`.

Values keep their type (Decimal, date, bool, Words) so the UI formats them in its language
(`ui/labels.format_*`). A record that a later one supersedes (a correction, or the
resubmission of a returned order) is kept and marked with the id of the newer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from fieldkit.domain import anomalies
from fieldkit.domain import onboarding as flow
from fieldkit.domain.messages import Message, Texts, verbatim
from fieldkit.domain.models import Install, OnboardingStep, Reading, WorkOrderKind
from fieldkit.forms import FormDefinition, FormDefinitionError, load_form
from fieldkit.forms.definition import Field, Text
from fieldkit.services import documents, readings
from fieldkit.services.documents import DocumentRef
from fieldkit.services.review import ReviewDetail
from fieldkit.services.session import Session
from fieldkit.store import field_facts as facts_repo

_M = Texts("services.review_records")

# A text the review page shows: a marked core text (a Message, translated from core_*.ts) or a form file's
# own vi/en label (a Text: form files are data). Both say themselves with .text(lang) (and .vi, .en).
Words = Text | Message
BLANK = verbatim("")


# --- what one answer is ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One answer: `kind` says how the UI shows `value`.

    text: str · number: Decimal · money: int (VND) · date: date · bool: bool · choice: Words ·
    texts: list[Words] · registers: list[(Words name, Decimal, unit)] · gps: (Decimal lat, Decimal lon) ·
    period: (date, date)"""

    label: Words
    kind: str
    value: Any


@dataclass(frozen=True)
class Section:
    title: Words | None
    answers: list[Answer]


@dataclass(frozen=True)
class Picture:
    sha256: str
    kind: str  # "photo" or "signature"
    caption: Words


@dataclass(frozen=True)
class ReadingChecks:
    consumption: Decimal | None  # kWh since the previous current reading
    previous_at: datetime | None
    findings: list[anomalies.Finding]
    bill: Any  # tariff.BillEstimate | None
    bill_note: Message | None  # why there is no estimate


@dataclass(frozen=True)
class RecordView:
    id: str
    kind: str  # "install", "reading" or "onboarding"
    title: Words
    recorded_at: datetime | None
    recorded_by: str  # display name
    sections: list[Section]
    pictures: list[Picture] = field(default_factory=list)
    document: DocumentRef | None = None  # its document (services/documents): install record, request, ...
    checks: ReadingChecks | None = None
    supersedes: str | None = None
    superseded_by: str | None = None  # the newer record that replaces this one (both are kept)


YES_NO = {True: _M("Yes"), False: _M("No")}
PHOTO = _M("Photo")
SIGNATURE = _M("Signature")

# Register codes of a meter_reading answer -> the OBIS code whose name the reading screen shows.
REGISTER_OBIS = {"KT": "1.8.0", "BT": "1.8.1", "CD": "1.8.2", "TD": "1.8.3"}
SOURCES = {"optical": _M("Read through the optical probe"),
           "manual": _M("Typed by hand"), "nmea": _M("GPS receiver"),
           "typed": _M("Typed by hand")}


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _register_name(code: str) -> Words:
    return readings.REGISTER_NAMES.get(REGISTER_OBIS.get(code.upper(), code)) or verbatim(code)


def _registers(raw: dict[str, Any]) -> list[tuple[Words, Decimal, str]]:
    out = []
    for code, value in raw.items():
        number = _decimal(value)
        if code != "source" and number is not None:
            out.append((_register_name(code), number, "kWh"))
    return out


def _free(value: Any) -> Answer | None:
    """An answer outside any table (a newer app's key): shown by its value's type, never as a repr."""
    if isinstance(value, bool):
        return Answer(BLANK, "bool", value)
    if isinstance(value, int | float | Decimal):
        return Answer(BLANK, "number", Decimal(str(value)))
    if isinstance(value, str) and value.strip():
        try:
            return Answer(BLANK, "date", date.fromisoformat(value.strip())) if len(value.strip()) == 10 \
                else Answer(BLANK, "text", value.strip())
        except ValueError:
            return Answer(BLANK, "text", value.strip())
    return None


def _label_of(key: str) -> Words:
    words = key.replace("_", " ").strip().capitalize()
    return verbatim(words)


def _other(data: dict[str, Any], used: set[str], hidden: set[str]) -> list[Answer]:
    out = []
    for key in sorted(data):
        if key in used or key in hidden or key == "attachments" or key.endswith(("_id", "sha256")):
            continue
        shown = _free(data[key])
        if shown is not None:
            out.append(Answer(_label_of(key), shown.kind, shown.value))
    return out


# --- install / replacement record (by its form) ------------------------------------------------------


def _form_answer(f: Field, value: Any) -> Answer | list[Picture] | None:
    if value is None or value == "" or value == [] or value == {}:
        return None
    if f.type == "choice":
        match = next((c.label for c in f.choices if c.value == value), None)
        return Answer(f.label, "choice", match) if match else Answer(f.label, "text", str(value))
    if f.type == "number":
        number = _decimal(value)
        return Answer(f.label, "number", number) if number is not None else Answer(f.label, "text", str(value))
    if f.type == "date":
        try:
            return Answer(f.label, "date", date.fromisoformat(str(value)))
        except ValueError:
            return Answer(f.label, "text", str(value))
    if f.type == "gps" and isinstance(value, dict):
        lat, lon = _decimal(value.get("lat")), _decimal(value.get("lon"))
        return Answer(f.label, "gps", (lat, lon)) if lat is not None and lon is not None else None
    if f.type == "meter_reading" and isinstance(value, dict):
        return Answer(f.label, "registers", _registers(value))
    if f.type == "photo":
        shas = value if isinstance(value, list) else [value]
        return [Picture(str(s), "photo", f.label) for s in shas if isinstance(s, str)]
    if f.type == "signature" and isinstance(value, str):
        return [Picture(value, "signature", f.label)]
    return Answer(f.label, "text", str(value))


def _form(install: Install) -> FormDefinition | None:
    try:
        return load_form(install.form_id, install.form_version)
    except (FormDefinitionError, FileNotFoundError, KeyError, ValueError):
        return None


def install_record(install: Install) -> tuple[Words, list[Section], list[Picture]]:
    form = _form(install)
    data = dict(install.data)
    sections: list[Section] = []
    pictures: list[Picture] = []
    used: set[str] = set()
    title = form.title if form is not None else _M("Meter install / removal record")
    for section in form.sections if form is not None else ():
        answers = []
        for f in section.fields:
            used.add(f.id)
            shown = _form_answer(f, data.get(f.id))
            if isinstance(shown, list):
                pictures += shown
            elif shown is not None:
                answers.append(shown)
        if answers:
            sections.append(Section(section.title, answers))
    head = []
    if install.installed_meter_serial and "installed_serial" not in data:
        head.append(Answer(_M("Installed meter serial"), "text", install.installed_meter_serial))
    if install.removed_meter_serial and "removed_serial" not in data:
        head.append(Answer(_M("Removed meter serial"), "text", install.removed_meter_serial))
    other = _other(data, used, set())
    if head or other:
        sections.append(Section(_M("Other details"), head + other))
    known = {p.sha256 for p in pictures}
    return title, sections, pictures + [Picture(str(s), "photo", PHOTO) for s in data.get("attachments") or []
                                        if isinstance(s, str) and s not in known]


# --- onboarding steps (the new-supply request is one) -------------------------------------------------

STEP_TITLES = {
    flow.HOUSEHOLD: _M("Household"),
    flow.NEW_SUPPLY: _M("New supply request"),
    flow.APP_INSTALL: _M("Customer-care app installed"),
    flow.APP: _M("Registered in the app"),
    flow.PAYMENT: _M("How the bill is paid"),
    flow.BILL: _M("Current bill"),
    flow.CONTRACT: _M("Electronic purchase contract"),
    flow.SHEET: _M("Household sheet"),
}
# step -> key -> (label, kind); kinds as in Answer, plus "payment_method", "document", "documents"
STEP_KEYS: dict[str, dict[str, tuple[Words, str]]] = {
    flow.HOUSEHOLD: {"code": (_M("Customer code"), "text"),
                     "new_supply": (_M("Not yet supplied (new supply)"), "bool"),
                     "created": (_M("Customer created on this laptop"), "bool")},
    flow.NEW_SUPPLY: {"documents": (_M("Documents handed in"), "documents"),
                      "households": (_M("Households sharing the meter"), "number"),
                      "supply_address": (_M("Supply address"), "address"),
                      "needs_pole": (_M("A pole is needed"), "bool"),
                      "working_days": (_M("Time limit (working days)"),
                                       "number"),
                      "signer": (_M("Request signed by"), "text")},
    flow.APP_INSTALL: {"shown": (_M("Showed how to install the app"), "bool")},
    flow.APP: {"registered": (_M("Registered"), "bool"),
               "phone": (_M("Phone registered"), "text")},
    flow.PAYMENT: {"method": (_M("Payment method"), "payment_method"),
                   "provider": (_M("Bank / wallet"), "text"),
                   "provider_bin": (_M("Bank code (BIN)"), "text")},
    flow.BILL: {"shown": (_M("Bill shown"), "bool"),
                "kwh": (_M("Energy (kWh)"), "number"),
                "total": (_M("Estimated bill"), "money"),
                "period": (_M("Billing period"), "period"),
                "qr_amount": (_M("Amount in the QR code"), "money"),
                "bill_period": (_M("Period of the utility's bill"), "period")},
    flow.CONTRACT: {"signed": (_M("Signed"), "bool"),
                    "otp": (_M("OTP confirmation"), "otp"),
                    "signer": (_M("Signed by"), "text"),
                    "phone": (_M("Phone"), "text"),
                    "drawn": (_M("Signed by hand on screen"), "bool")},
    flow.SHEET: {"printed": (_M("Printed and handed over"), "bool"),
                 "lang": (_M("Language"), "language")},
}
HIDDEN_KEYS = {"qr_payload", "file", "customer_id", "work_order_id", "signature_sha256", "sha256"}
PAYMENT_METHODS = {
    "mobile_banking": _M("Mobile banking"), "e_wallet": _M("E-wallet"),
    "auto_debit": _M("Automatic debit"), "bank_qr": _M("Bank-transfer QR"),
    "cash": _M("Cash"),
}
DOCUMENTS = {"id_document": _M("Requester's citizen ID"),
             "address_proof": _M("Proof of the right to use the address"),
             "household_authorisation": _M("Authorisation of the households sharing the meter")}
OTP = {flow.OTP_PENDING: _M("Pending"), flow.OTP_CONFIRMED: _M("Confirmed")}
LANGUAGES = {"vi": _M("Vietnamese"), "en": _M("English")}


def _step_answer(label: Words, kind: str, value: Any) -> Answer | None:
    if value is None or value == "":
        return None
    if kind == "bool":
        return Answer(label, "bool", bool(value))
    if kind in ("number", "money"):
        number = _decimal(value)
        if number is None:
            return None
        return Answer(label, kind, int(number) if kind == "money" else number)
    if kind == "payment_method":
        return Answer(label, "choice", PAYMENT_METHODS.get(str(value), verbatim(str(value))))
    if kind == "otp":
        return Answer(label, "choice", OTP.get(str(value), verbatim(str(value))))
    if kind == "language":
        return Answer(label, "choice", LANGUAGES.get(str(value), verbatim(str(value))))
    if kind == "documents" and isinstance(value, list):
        return Answer(label, "texts", [DOCUMENTS.get(str(d), _label_of(str(d))) for d in value])
    if kind == "address" and isinstance(value, dict):
        text = ", ".join(str(value.get(k) or "").strip() for k in ("street", "commune") if value.get(k))
        return Answer(label, "text", text) if text else None
    if kind == "period" and isinstance(value, list) and len(value) == 2:
        try:
            return Answer(label, "period", (date.fromisoformat(str(value[0])), date.fromisoformat(str(value[1]))))
        except ValueError:
            return None
    return Answer(label, "text", str(value))


def onboarding_record(step: OnboardingStep) -> tuple[Words, list[Section], list[Picture]]:
    data = dict(step.data)
    keys = STEP_KEYS.get(step.step, {})
    answers = [a for key, (label, kind) in keys.items() if (a := _step_answer(label, kind, data.get(key)))]
    answers += _other(data, set(keys), HIDDEN_KEYS)
    pictures: list[Picture] = []
    for sha in data.get("attachments") or []:
        if not isinstance(sha, str) or sha == data.get("sha256"):  # the sheet's own PDF: its document
            continue
        if step.step == flow.CONTRACT:
            pictures.append(Picture(sha, "signature", _M("Customer's signature")))
        elif step.step == flow.NEW_SUPPLY:
            pictures.append(Picture(sha, "signature", _M("Applicant's signature")))
        else:
            pictures.append(Picture(sha, "photo", PHOTO))
    title = STEP_TITLES.get(step.step, _label_of(step.step))
    return title, [Section(None, answers)], pictures


# --- readings ------------------------------------------------------------------------------------------


def _manual_reason(text: str) -> Words:
    for code, message in readings.MANUAL_REASONS:
        if text == code or text.startswith(code + " "):
            return message
    return verbatim(text)


def reading_record(reading: Reading) -> tuple[Words, list[Section], list[Picture]]:
    answers = [Answer(_M("How it was read"), "choice", SOURCES.get(reading.source.value,
                                                                             verbatim(reading.source.value)))]
    regs = []
    for obis, reg in sorted(reading.registers.items()):
        regs.append((readings.REGISTER_NAMES.get(obis.split("*")[0]) or verbatim(obis), reg.value, reg.unit))
    answers.append(Answer(_M("Registers"), "registers", regs))
    if reading.manual_reason:
        answers.append(Answer(_M("Why it was typed"), "choice", _manual_reason(reading.manual_reason)))
    pictures = [Picture(reading.photo_sha256, "photo", _M("Photo of the meter"))] \
        if reading.photo_sha256 else []
    return _M("Meter reading"), [Section(None, answers)], pictures


def _checks(conn: Any, detail: ReviewDetail, reading: Reading) -> ReadingChecks | None:
    from fieldkit.store import work_orders as wo_repo

    meter = detail.meter if detail.meter is not None and detail.meter.id == reading.meter_id \
        else wo_repo.get_meter(conn, reading.meter_id)
    if meter is None:
        return None
    earlier = [h for h in facts_repo.readings_of_meter(conn, reading.meter_id, limit=400)
               if h.taken_at < reading.taken_at and h.id != reading.id]
    earlier.sort(key=lambda h: h.taken_at)
    target = readings.Target(meter, detail.customer, detail.work_order, tuple(earlier))
    a = readings.assess(target, reading.registers, taken_at=reading.taken_at)
    return ReadingChecks(a.consumption, a.previous_at, list(a.findings), a.bill, a.bill_note)


# --- all records of a work order ------------------------------------------------------------------------


def _times(conn: Any, table: str, ids: list[str]) -> dict[str, datetime]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    out = {}
    for rid, at in conn.execute(f"SELECT id, recorded_at FROM {table} WHERE id IN ({marks})", tuple(ids)):
        try:
            out[str(rid)] = datetime.fromisoformat(str(at))
        except ValueError:
            continue
    return out


def _steps(conn: Any, detail: ReviewDetail) -> list[OnboardingStep]:
    """The work order's own steps; for an onboarding or new-supply order also the household's steps
    recorded without a work order (the onboarding flow records them so)."""
    wo = detail.work_order
    if not wo.customer_id:
        return []
    kinds = (WorkOrderKind.ONBOARDING, WorkOrderKind.NEW_SUPPLY)
    return [s for s in facts_repo.onboarding_steps_of(conn, wo.customer_id)
            if s.work_order_id == wo.id or (s.work_order_id is None and wo.kind in kinds)]


def records_of(session: Session, detail: ReviewDetail) -> list[RecordView]:
    """Every record of the work order, oldest first, except that a superseded record follows the one that
    replaces it (marked with its id)."""
    names = detail.people
    out: list[RecordView] = []
    with session.store.read() as conn:
        steps = detail.onboarding or _steps(conn, detail)
        install_at = _times(conn, "installs", [i.id for i in detail.installs])
        step_at = _times(conn, "onboarding_steps", [s.id for s in steps])
        for ins in detail.installs:
            title, sections, pictures = install_record(ins)
            out.append(RecordView(ins.id, "install", title, install_at.get(ins.id), names.get(ins.recorded_by or "", ""),
                                  sections, pictures, supersedes=ins.supersedes))
        for view in detail.readings:
            rd = view.reading
            title, sections, pictures = reading_record(rd)
            out.append(RecordView(rd.id, "reading", title, rd.taken_at, view.recorded_by, sections, pictures,
                                  checks=_checks(conn, detail, rd), supersedes=rd.supersedes))
        for step in steps:
            title, sections, pictures = onboarding_record(step)
            out.append(RecordView(step.id, "onboarding", title, step_at.get(step.id),
                                  names.get(step.recorded_by or "", ""), sections, pictures,
                                  supersedes=step.supersedes))
    newer = {r.supersedes: r.id for r in out if r.supersedes}
    step_of = {s.id: s.step for s in steps}
    marked = [replace(r, superseded_by=newer.get(r.id), document=None if r.id in newer else _document(session, r, step_of))
              for r in out]
    return current_first(marked)


def current_first(records: list[RecordView]) -> list[RecordView]:
    """Each record that a newer one replaces goes right after its replacement (the supervisor reads
    what stands now first, then what it corrected), otherwise oldest first."""
    by_id = {r.id: r for r in records}
    shown: list[RecordView] = []
    placed: set[str] = set()
    for r in records:
        if r.superseded_by in by_id or r.id in placed:
            continue
        chain: RecordView | None = r
        while chain is not None and chain.id not in placed:
            shown.append(chain)
            placed.add(chain.id)
            chain = by_id.get(chain.supersedes or "")
    shown += [r for r in records if r.id not in placed]  # a cycle in bad data: shown anyway
    return shown


DOCUMENT_STEPS = (flow.NEW_SUPPLY, flow.CONTRACT, flow.SHEET)


def _document(session: Session, record: RecordView, step_of: dict[str, str]) -> DocumentRef | None:
    """The document a current record is shown in (services/documents): the install record, the
    new-supply request, the contract, the household sheet."""
    if record.kind == "install":
        return documents.document_of_record(session, "install", record.id)
    if record.kind == "onboarding" and step_of.get(record.id) in DOCUMENT_STEPS:
        return documents.document_of_record(session, "onboarding_step", record.id)
    return None
