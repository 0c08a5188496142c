"""Strict input at the door: one schema per operation kind, checked before anything is stored.

`envelope(op)` checks the operation's own fields (id, kind, base version, time, actor) and
`payload(op)` its payload against the schema of its kind. A refusal carries a stable reason
code and its parameters (`fieldkit.domain.reasons`), so the laptop shows it in Vietnamese or
English. Before any schema runs, `shape()` walks the raw JSON once, without recursion, and
refuses deep nesting, huge containers, non-finite or huge numbers and broken text, so no
schema or JSON encoder ever meets them. Payloads are checked, never rewritten: what is
stored is exactly what the device sent (and signed).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from fieldkit.domain import meter_memory as mm
from fieldkit.domain import onboarding as flow
from fieldkit.domain.models import MeterProtocol, ReadingSource, WorkOrderKind, WorkOrderState
from fieldkit.domain.reasons import english

MAX_DEPTH = 8  # the operation object is level 1, its payload 2, a form's `data` 3
MAX_NODES = 5000  # values in one operation
MAX_STRING = 20_000  # characters in any one string
MAX_PAYLOAD = 64 * 1024  # bytes of one payload as JSON
MAX_INT = 2**53  # integers beyond what JSON readers agree on
MAX_ATTACHMENT = 256 * 1024 * 1024
MAX_DATA_DEPTH = 3  # levels inside a form's `data` (data → list → object)

ID_RE = r"^[0-9A-Za-z][0-9A-Za-z_.:-]{0,35}$"
OP_ENTITY_ID_RE = r"^[0-9A-Za-z][0-9A-Za-z_.:/-]{0,63}$"
NAME_RE = r"^[a-z_]{1,32}$"
SHA_RE = r"^[0-9a-f]{64}$"
CUSTOMER_CODE_RE = r"^\s*[Pp][A-Za-z][0-9A-Za-z]{4}[0-9]{7}\s*$"
DECIMAL_RE = r"^-?[0-9]{1,15}(\.[0-9]{1,9})?$"
REGISTER_RE = r"^[0-9A-Za-z][0-9A-Za-z_.:*-]{0,31}$"
MIME_RE = r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$"
FORMATS = {ID_RE: "id", OP_ENTITY_ID_RE: "id", NAME_RE: "name", SHA_RE: "sha256", CUSTOMER_CODE_RE: "customer code",
           DECIMAL_RE: "decimal number", REGISTER_RE: "register name", MIME_RE: "media type"}

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class Refusal(Exception):
    """An operation refused by its shape or schema: a reason code and its parameters."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = {k: (v if isinstance(v, int) else str(v)[:200]) for k, v in params.items()}
        super().__init__(english(code, self.params))

    @property
    def reason(self) -> str:
        return str(self)

    def answer(self) -> dict[str, Any]:
        return {"status": "rejected", "reason": self.reason, "code": self.code, "params": self.params}


# --- text and formats ----------------------------------------------------------------------------

def _text_check(multiline: bool) -> AfterValidator:
    bad = _CONTROL_MULTILINE if multiline else _CONTROL

    def check(value: str) -> str:
        if _SURROGATE.search(value):
            raise PydanticCustomError("text_unicode", "broken unicode")
        if bad.search(value):
            raise PydanticCustomError("text_control", "control characters")
        return value

    return AfterValidator(check)


def _date(value: str) -> str:
    try:
        d = date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("field_format", "not a date", {"format": "date (YYYY-MM-DD)"}) from None
    if not 2000 <= d.year <= 2100:
        raise PydanticCustomError("field_format", "not a date", {"format": "date (2000-2100)"})
    return value


def _datetime(value: str) -> str:
    try:
        d = datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("field_format", "not a time", {"format": "ISO 8601 time"}) from None
    if not 2000 <= d.year <= 2100:
        raise PydanticCustomError("field_format", "not a time", {"format": "ISO 8601 time (2000-2100)"})
    return value


# Texts: a length range and no control characters (a note may hold line breaks and tabs), written
# out as types (a checker cannot read a type made by a function call).
_LINE = _text_check(multiline=False)
_LINES = _text_check(multiline=True)
Text16 = Annotated[str, Field(min_length=0, max_length=16), _LINE]
Text64 = Annotated[str, Field(min_length=0, max_length=64), _LINE]
Text100 = Annotated[str, Field(min_length=0, max_length=100), _LINE]
Text200 = Annotated[str, Field(min_length=0, max_length=200), _LINE]
Filled64 = Annotated[str, Field(min_length=1, max_length=64), _LINE]
Filled128 = Annotated[str, Field(min_length=1, max_length=128), _LINE]
Filled200 = Annotated[str, Field(min_length=1, max_length=200), _LINE]
Note = Annotated[str, Field(min_length=0, max_length=2000), _LINES]


Id = Annotated[str, Field(pattern=ID_RE, max_length=36)]
Sha = Annotated[str, Field(pattern=SHA_RE)]
DateText = Annotated[str, Field(max_length=10), AfterValidator(_date)]
TimeText = Annotated[str, Field(max_length=40), AfterValidator(_datetime)]
Version = Annotated[int, Field(ge=0, le=2_000_000_000)]


def _form_data(value: dict[str, Any]) -> dict[str, Any]:
    """A form's answers: objects of short keys, lists, and scalars, at most 3 levels deep."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            if depth > MAX_DATA_DEPTH:
                raise PydanticCustomError("too_deep", "too deep", {"max": MAX_DATA_DEPTH})
            if len(node) > 200:
                raise PydanticCustomError("too_many_items", "too many", {"max": 200})
            for k, v in node.items():
                if not re.fullmatch(r"[0-9A-Za-z_.:-]{1,64}", k):
                    raise PydanticCustomError("field_format", "bad key", {"format": "form field name"})
                stack.append((v, depth + 1))
        elif isinstance(node, list):
            if depth > MAX_DATA_DEPTH:
                raise PydanticCustomError("too_deep", "too deep", {"max": MAX_DATA_DEPTH})
            if len(node) > 200:
                raise PydanticCustomError("too_many_items", "too many", {"max": 200})
            stack.extend((v, depth + 1) for v in node)
        elif isinstance(node, str):
            if len(node) > 4000:
                raise PydanticCustomError("field_too_long", "too long", {"max": 4000})
            if _CONTROL_MULTILINE.search(node):
                raise PydanticCustomError("text_control", "control characters")
    return value


FormData = Annotated[dict[str, Any], AfterValidator(_form_data)]


def _choice(values: Iterable[object]) -> Any:
    """Literal[...] of the values' text: one of them, nothing else."""
    return Literal[tuple(str(v) for v in values)]


if TYPE_CHECKING:  # a Literal made from an enum at run time: the checker knows the values are text
    Kind = str
    State = str
    ProtocolName = str
    Source = str
    Step = str
else:
    Kind = _choice(k.value for k in WorkOrderKind)
    State = _choice(s.value for s in WorkOrderState)
    ProtocolName = _choice(p.value for p in MeterProtocol)
    Source = _choice(s.value for s in ReadingSource)
    Step = _choice((*flow.STEP_IDS, flow.DONE))


# --- one schema per operation kind ---------------------------------------------------------------

class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class CustomerCreate(Strict):
    id: Id | None = None
    code: Annotated[str, Field(pattern=CUSTOMER_CODE_RE, max_length=32)]
    name: Filled200
    phone: Annotated[str, Field(pattern=r"^[0-9+ ().-]{0,20}$")] = ""
    national_id: Annotated[str, Field(pattern=r"^[0-9A-Za-z]{0,20}$")] = ""
    province_code: Annotated[int, Field(ge=0, le=999)] | None = None
    province: Text100 = ""
    commune_code: Annotated[int, Field(ge=0, le=99_999)] | None = None
    commune: Text100 = ""
    street: Text200 = ""
    old_district: Text100 = ""
    households: Annotated[int, Field(ge=1, le=50)] = 1
    version: Version | None = None


class CustomerUpdate(CustomerCreate):
    # An update may leave out the code and the name (None allowed, unlike the create: on purpose;
    # the schema is only read, never written through the base class).
    code: Annotated[str, Field(pattern=CUSTOMER_CODE_RE, max_length=32)] | None = None  # type: ignore[assignment]
    name: Filled200 | None = None  # type: ignore[assignment]


class WorkOrderCreate(Strict):
    id: Id | None = None
    number: Annotated[str, Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z_./ -]{0,63}$")]
    kind: Kind
    state: State | None = None
    customer_id: Id | None = None
    team_id: Id | None = None
    due_date: DateText | None = None
    assignee_id: Id | None = None
    meter_id: Id | None = None
    note: Note = ""
    review_comment: Note = ""
    version: Version | None = None
    submitted_at: Annotated[str, Field(max_length=40), AfterValidator(lambda v: _datetime(v) if v else v)] = ""
    submitted_record: Id | Literal[""] = ""


class WorkOrderTransition(Strict):
    id: Id | None = None
    state: State
    comment: Note = ""
    record_id: Id | None = None  # the record whose saving submitted the order (life cycle: submit)


class WorkOrderReassign(Strict):
    """A supervisor gives an open order to another technician (or trainer) of the team."""

    id: Id | None = None
    assignee_id: Id


class MeterCreate(Strict):
    id: Id | None = None
    serial: Filled64
    manufacturer: Text64 = ""
    model: Text64 = ""
    phases: Annotated[int, Field(ge=1, le=3)] = 1
    protocol: ProtocolName = MeterProtocol.IEC62056_21.value
    ct_ratio: Text16 = ""
    vt_ratio: Text16 = ""
    tariff_registers: Annotated[int, Field(ge=1, le=16)] = 1
    customer_id: Id | None = None


class Register(Strict):
    value: Annotated[str, Field(pattern=DECIMAL_RE)]
    unit: Text16 = ""


UnixTime = Annotated[int, Field(strict=True, ge=mm.MIN_TIME, le=mm.MAX_TIME)]


def _event(value: list[int | None]) -> list[int | None]:
    """[unix time | None, code]: the time in range or unknown, the code a known-size number."""
    t, code = value
    if t is not None and not mm.MIN_TIME <= t <= mm.MAX_TIME:
        raise ValueError("event time out of range")
    if code is None or not 0 <= code <= mm.MAX_CODE:
        raise ValueError("event code out of range")
    return value


MeterEventCompact = Annotated[list[int | None], Field(min_length=2, max_length=2), AfterValidator(_event)]


class LoadProfileCompact(Strict):
    start: UnixTime
    period: Annotated[int, Field(strict=True, ge=mm.MIN_PERIOD, le=mm.MAX_PERIOD)]
    obis: Annotated[str, Field(pattern=r"^[0-9A-Za-z.:*-]{1,32}$")]
    unit: Literal["Wh", "varh"]
    values: Annotated[list[Annotated[int, Field(strict=True, ge=0, le=mm.MAX_VALUE)] | None],
                      Field(max_length=mm.MAX_INTERVALS)]


class ReadingAppend(Strict):
    id: Id | None = None
    meter_id: Id
    taken_at: TimeText
    source: Source
    registers: Annotated[dict[Annotated[str, Field(pattern=REGISTER_RE)], Register],
                         Field(min_length=1, max_length=64)]
    customer_id: Id | None = None
    work_order_id: Id | None = None
    manual_reason: Text200 = ""
    capture_sha256: Sha | None = None
    photo_sha256: Sha | None = None
    supersedes: Id | None = None
    recorded_by: Id | None = None
    # a DLMS reading's event log and load profile, compact (fieldkit/domain/meter_memory.py)
    events: Annotated[list[MeterEventCompact], Field(max_length=mm.MAX_EVENTS)] | None = None
    load_profile: LoadProfileCompact | None = None


class InstallAppend(Strict):
    id: Id | None = None
    work_order_id: Id
    customer_id: Id | None = None
    installed_meter_serial: Text64 = ""
    removed_meter_serial: Text64 = ""
    form_id: Annotated[str, Field(pattern=r"^[0-9A-Za-z_.-]{1,64}$")] = "meter_install"
    form_version: Annotated[int, Field(ge=1, le=100_000)] = 1
    data: FormData = {}
    supersedes: Id | None = None
    recorded_by: Id | None = None


class OnboardingAppend(Strict):
    id: Id | None = None
    customer_id: Id
    work_order_id: Id | None = None
    step: Step
    data: FormData = {}
    supersedes: Id | None = None
    recorded_by: Id | None = None


class AttachmentCreate(Strict):
    sha256: Sha | None = None
    size: Annotated[int, Field(ge=0, le=MAX_ATTACHMENT)]
    mime: Annotated[str, Field(pattern=MIME_RE, max_length=128)] = "application/octet-stream"
    kind: Annotated[str, Field(pattern=r"^[a-z_]{0,32}$")] = ""


class ConflictResolve(Strict):
    id: Annotated[int, Field(ge=1, le=2**31 - 1)] | None = None
    note: Note = ""


SCHEMAS: dict[tuple[str, str], type[Strict]] = {
    ("customer", "create"): CustomerCreate,
    ("customer", "update"): CustomerUpdate,
    ("work_order", "create"): WorkOrderCreate,
    ("work_order", "status"): WorkOrderTransition,
    ("work_order", "approve"): WorkOrderTransition,
    ("work_order", "return"): WorkOrderTransition,
    ("work_order", "reassign"): WorkOrderReassign,
    ("meter", "create"): MeterCreate,
    ("reading", "append"): ReadingAppend,
    ("install", "append"): InstallAppend,
    ("onboarding_step", "append"): OnboardingAppend,
    ("attachment", "create"): AttachmentCreate,
    ("conflict", "resolve"): ConflictResolve,
}


class Envelope(BaseModel):
    """The operation's own fields. Unknown top-level fields are ignored (never stored)."""

    model_config = ConfigDict(strict=True, extra="ignore")
    op_id: Annotated[str, Field(pattern=ID_RE, max_length=36)]
    entity: Annotated[str, Field(pattern=NAME_RE)]
    entity_id: Annotated[str, Field(pattern=OP_ENTITY_ID_RE, max_length=64)]
    action: Annotated[str, Field(pattern=NAME_RE)]
    payload: dict[str, Any]
    base_version: Version | None = None
    device_time: Annotated[str, Field(max_length=40), AfterValidator(lambda v: _datetime(v) if v else v)] | None = None
    actor: Filled128 | None = None


# --- checks --------------------------------------------------------------------------------------

def shape(value: Any, root: str = "") -> None:
    """Depth, size, finite numbers and clean Unicode, checked iteratively over raw JSON. The usual
    case (nothing wrong) is a walk without field paths; a problem is named by the full walk."""
    if not _shape_ok(value):
        _shape(value, root)


def _shape_ok(value: Any) -> bool:
    """True when `_shape` would find nothing (same limits; no paths, no messages)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    nodes = 0
    surrogate, control = _SURROGATE.search, _CONTROL.search
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return False
        kind = type(node)
        if kind is str:
            if len(node) > MAX_STRING or (not node.isascii() and surrogate(node)):
                return False
        elif kind is dict:
            if depth > MAX_DEPTH:
                return False
            for k, v in node.items():
                if type(k) is not str or len(k) > 64 or (not k.isascii() and surrogate(k)) or control(k):
                    return False
                stack.append((v, depth + 1))
        elif kind is list:
            if depth > MAX_DEPTH:
                return False
            stack.extend((v, depth + 1) for v in node)
        elif node is None or kind is bool:
            pass
        elif kind is int:
            if abs(node) > MAX_INT:
                return False
        elif kind is float:
            if not math.isfinite(node):
                return False
        else:
            return False  # subclasses and anything else: the full walk decides
    return True


def _shape(value: Any, root: str = "") -> None:
    stack: list[tuple[Any, str, int]] = [(value, root, 1)]
    nodes = 0
    while stack:
        node, path, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise Refusal("too_many_items", field=root or "op", max=MAX_NODES)
        if isinstance(node, dict):
            if depth > MAX_DEPTH:
                raise Refusal("too_deep", field=path or "op", max=MAX_DEPTH)
            for k, v in node.items():
                key = str(k)
                if len(key) > 64 or _SURROGATE.search(key) or _CONTROL.search(key):
                    raise Refusal("field_format", field=_join(path, _safe(key[:40])), format="field name")
                stack.append((v, _join(path, key), depth + 1))
        elif isinstance(node, list):
            if depth > MAX_DEPTH:
                raise Refusal("too_deep", field=path, max=MAX_DEPTH)
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(node))
        elif isinstance(node, str):
            if len(node) > MAX_STRING:
                raise Refusal("field_too_long", field=path, max=MAX_STRING)
            if _SURROGATE.search(node):
                raise Refusal("text_unicode", field=path)
        elif isinstance(node, bool) or node is None:
            pass
        elif isinstance(node, int):
            if abs(node) > MAX_INT:
                raise Refusal("field_range", field=path, min=-MAX_INT, max=MAX_INT)
        elif isinstance(node, float):
            if not math.isfinite(node):
                raise Refusal("number_not_finite", field=path)
        else:
            raise Refusal("field_type", field=path, expected="JSON")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _safe(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def envelope(op: Any) -> Envelope:
    """The operation's own fields, or a Refusal (then nothing about it can be stored)."""
    if not isinstance(op, dict):
        raise Refusal("not_object")
    shape(op)
    try:
        return Envelope.model_validate(op)
    except ValidationError as exc:
        raise _refusal(exc, "") from None


def payload(env: Envelope) -> None:
    """The payload against its kind's schema; raises Refusal."""
    schema = SCHEMAS.get((env.entity, env.action))
    if schema is None:
        raise Refusal("unknown_operation", entity=env.entity, action=env.action)
    # The entity id becomes the record's id (36 characters at most), a sha256 or a conflict number.
    id_format = {"attachment": (r"[0-9a-f]{64}", "sha256"), "conflict": (r"[1-9][0-9]{0,9}", "conflict number")}.get(
        env.entity, (ID_RE.strip("^$"), "id"))
    if not re.fullmatch(id_format[0], env.entity_id):
        raise Refusal("field_format", field="entity_id", format=id_format[1])
    size = len(json.dumps(env.payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if size > MAX_PAYLOAD:
        raise Refusal("too_large", max=MAX_PAYLOAD)
    try:
        schema.model_validate(env.payload)
    except ValidationError as exc:
        raise _refusal(exc, "payload") from None


_TYPES = {"string_type": "text", "int_type": "a whole number", "bool_type": "true or false", "dict_type": "an object",
          "model_type": "an object", "list_type": "a list", "float_type": "a number", "int_from_float": "a whole number",
          "none_required": "null", "int_parsing": "a whole number", "string_sub_type": "text"}


def _refusal(exc: ValidationError, prefix: str) -> Refusal:
    err = exc.errors(include_url=False, include_input=False)[0]
    loc = ".".join(str(p) for p in err.get("loc", ()) if not str(p).startswith(("function-", "constrained-str")))
    # Union members show up in the location as type names (`str`, `int`…); drop them.
    parts = [p for p in loc.split(".") if p and p not in ("str", "int", "none", "lax-or-strict")]
    field = _safe(".".join(([prefix] if prefix else []) + parts)) or prefix or "op"
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    if kind in ("missing",):
        return Refusal("field_missing", field=field)
    if kind == "extra_forbidden":
        return Refusal("field_unknown", field=field)
    if kind in _TYPES:
        return Refusal("field_type", field=field, expected=_TYPES[kind])
    if kind in ("string_too_long", "too_long"):
        return Refusal("field_too_long", field=field, max=int(ctx.get("max_length", 0)))
    if kind in ("string_too_short", "too_short"):
        return Refusal("field_too_short", field=field, min=int(ctx.get("min_length", 0)))
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return Refusal("field_range", field=field, min=str(ctx.get("ge", ctx.get("gt", "-∞"))),
                       max=str(ctx.get("le", ctx.get("lt", "∞"))))
    if kind == "string_pattern_mismatch":
        return Refusal("field_format", field=field, format=FORMATS.get(str(ctx.get("pattern")), "text"))
    if kind in ("literal_error", "enum"):
        return Refusal("field_choice", field=field, allowed=str(ctx.get("expected", ""))[:200])
    if kind == "string_unicode":
        return Refusal("text_unicode", field=field)
    if kind == "finite_number":
        return Refusal("number_not_finite", field=field)
    if kind in ("text_unicode", "text_control", "too_deep", "too_many_items", "field_format", "field_too_long"):
        return Refusal(kind, field=field, **{k: v for k, v in ctx.items() if k in ("max", "format")})
    return Refusal("refused", field=field, detail=_safe(str(err.get("msg", "invalid")))[:200])
