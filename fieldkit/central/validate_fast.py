"""The typed check of the common operation, a fact append (reading, install, onboarding step), in
one pass: msgspec converts the operation into a typed struct in C (types, lengths, ranges, choices,
no unknown field), then the field formats are matched once per kind of format over all the
operation's values joined (one regular expression call for its ids, one for its texts, ...)
instead of a call per field, and the times are read as validate.py reads them.

`accepts(op)` is True only when `validate.envelope(op)` and `validate.payload(...)` would both pass
(validate.shape included). False says nothing: the caller runs the full check (validate.py), which
names the refusal with its code. So this module may refuse more than validate.py, never less:
every rule here is the same as or stricter than validate.py's (tests/central/test_validate_fast.py
holds it to that, and to the schemas it mirrors). Without msgspec installed nothing is accepted
here and validate.py does all the work, as before.

What makes validate.shape pass for an accepted operation: the structs have no floats and no free
nesting (the depth is at most 5), every integer is bounded, every string is short (200 characters
at most) and has its unicode checked, the keys are fixed names or register names (ASCII), and a
reading has at most 64 registers (about 200 values, far under 5,000). A DLMS reading's event log and load
profile (up to 4,500 values) are counted as shape counts, and the payload's size is measured. A
form's `data` (install, onboarding step) is free: shape runs on such an operation as before, and
its size is measured.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic_core import PydanticCustomError

from fieldkit.central import validate
from fieldkit.domain import meter_memory as mm
from fieldkit.domain import onboarding as flow
from fieldkit.domain.models import ReadingSource

try:
    import msgspec
except ImportError:  # pragma: no cover - the server extra installs it; validate.py alone does the same job
    msgspec = None  # type: ignore[assignment]
try:
    import orjson
except ImportError:  # pragma: no cover - the server extra installs it
    orjson = None  # type: ignore[assignment]

# One pattern per kind of value, matched over the values joined with "\n" (no value may hold "\n",
# which none of these formats allows, so the joined text matches only if each value does).
# The same as validate.py's ID_RE, REGISTER_RE, DECIMAL_RE, SHA_RE and the install's form id.
_ID = r"[0-9A-Za-z][0-9A-Za-z_.:-]{0,35}"
_REGISTER = r"[0-9A-Za-z][0-9A-Za-z_.:*-]{0,31}"
_DECIMAL = r"-?[0-9]{1,15}(?:\.[0-9]{1,9})?"
_SHA = r"[0-9a-f]{64}"
_FORM = r"[0-9A-Za-z_.-]{1,64}"
OBIS = re.compile(r"[0-9A-Za-z.:*-]{1,32}")  # a load profile's register (validate.LoadProfileCompact)


def _many(one: str) -> re.Pattern[str]:
    return re.compile(f"{one}(?:\n{one})*")


IDS, REGISTERS, DECIMALS, SHAS, FORMS = (_many(p) for p in (_ID, _REGISTER, _DECIMAL, _SHA, _FORM))
# A text (validate.Text, single line) holds no control character and no lone surrogate; searched
# over all of an operation's texts at once (nothing joins them: a bad character is bad anywhere).
BAD_TEXT = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

ACCEPTS_NOTHING = msgspec is None

if msgspec is not None:
    from msgspec import Meta, Struct, field

    Id = Annotated[str, Meta(min_length=1, max_length=36)]
    Sha = Annotated[str, Meta(min_length=64, max_length=64)]
    Version = Annotated[int, Meta(ge=0, le=2_000_000_000)]

    Text16 = Annotated[str, Meta(min_length=0, max_length=16)]
    Text64 = Annotated[str, Meta(min_length=0, max_length=64)]
    Text100 = Annotated[str, Meta(min_length=0, max_length=100)]
    Text200 = Annotated[str, Meta(min_length=0, max_length=200)]
    Filled128 = Annotated[str, Meta(min_length=1, max_length=128)]

    if TYPE_CHECKING:  # a Literal made from an enum at run time: the checker knows the values are text
        Source = str
        Step = str
    else:
        Source = Literal[tuple(s.value for s in ReadingSource)]
        Step = Literal[(*flow.STEP_IDS, flow.DONE)]

    class _Strict(Struct, forbid_unknown_fields=True, kw_only=True):
        pass

    class Register(_Strict, kw_only=True):
        value: Annotated[str, Meta(max_length=26)]
        unit: Text16 = ""

    UnixTime = Annotated[int, Meta(ge=mm.MIN_TIME, le=mm.MAX_TIME)]
    Event = tuple[UnixTime | None, Annotated[int, Meta(ge=0, le=mm.MAX_CODE)]]  # validate._event

    class LoadProfile(_Strict, kw_only=True):
        start: UnixTime
        period: Annotated[int, Meta(ge=mm.MIN_PERIOD, le=mm.MAX_PERIOD)]
        obis: Annotated[str, Meta(min_length=1, max_length=32)]
        unit: Literal["Wh", "varh"]
        values: Annotated[list[Annotated[int, Meta(ge=0, le=mm.MAX_VALUE)] | None], Meta(max_length=mm.MAX_INTERVALS)]

    class Reading(_Strict, kw_only=True):
        id: Id | None = None
        meter_id: Id
        taken_at: Annotated[str, Meta(max_length=40)]
        source: Source
        registers: Annotated[dict[Annotated[str, Meta(max_length=32)], Register], Meta(min_length=1, max_length=64)]
        customer_id: Id | None = None
        work_order_id: Id | None = None
        manual_reason: Text200 = ""
        capture_sha256: Sha | None = None
        photo_sha256: Sha | None = None
        supersedes: Id | None = None
        recorded_by: Id | None = None
        events: Annotated[list[Event], Meta(max_length=mm.MAX_EVENTS)] | None = None  # a DLMS reading's memory
        load_profile: LoadProfile | None = None

    class Install(_Strict, kw_only=True):
        id: Id | None = None
        work_order_id: Id
        customer_id: Id | None = None
        installed_meter_serial: Text64 = ""
        removed_meter_serial: Text64 = ""
        form_id: Annotated[str, Meta(max_length=64)] = "meter_install"
        form_version: Annotated[int, Meta(ge=1, le=100_000)] = 1
        data: dict[str, Any] = field(default_factory=dict)
        supersedes: Id | None = None
        recorded_by: Id | None = None

    class Onboarding(_Strict, kw_only=True):
        id: Id | None = None
        customer_id: Id
        work_order_id: Id | None = None
        step: Step
        data: dict[str, Any] = field(default_factory=dict)
        supersedes: Id | None = None
        recorded_by: Id | None = None

    class _Envelope(_Strict, kw_only=True):
        op_id: Id
        entity_id: Id  # an appended fact's id: validate.payload holds it to the record id format
        action: Literal["append"]
        base_version: Version | None = None
        device_time: Annotated[str, Meta(max_length=40)] | None = None
        actor: Filled128 | None = None
        sig: Text100 | None = None  # ignored by the envelope, walked by shape

    class ReadingOp(_Envelope, kw_only=True):
        entity: Literal["reading"]
        payload: Reading

    class InstallOp(_Envelope, kw_only=True):
        entity: Literal["install"]
        payload: Install

    class OnboardingOp(_Envelope, kw_only=True):
        entity: Literal["onboarding_step"]
        payload: Onboarding

    Op = ReadingOp | InstallOp | OnboardingOp
    KINDS: dict[str, type[Op]] = {"reading": ReadingOp, "install": InstallOp, "onboarding_step": OnboardingOp}
    _Invalid: type[Exception] = msgspec.ValidationError
else:  # pragma: no cover
    KINDS = {}
    _Invalid = ValueError


def accepts(op: Any) -> bool:
    """True: the operation passes validate.envelope and validate.payload (so nothing to name).
    False: unknown here; validate.py decides and names the refusal."""
    if type(op) is not dict:
        return False
    entity = op.get("entity")
    kind = KINDS.get(entity) if type(entity) is str else None
    if kind is None:
        return False
    try:
        got = msgspec.convert(op, kind)
    except _Invalid:
        return False
    p = got.payload
    if isinstance(p, Reading):  # the structs have no subclasses: the same as type(p) is Reading
        regs = p.registers
        if not REGISTERS.fullmatch("\n".join(regs)) or not DECIMALS.fullmatch("\n".join([r.value for r in
                                                                                          regs.values()])):
            return False
        if (p.capture_sha256 is not None or p.photo_sha256 is not None) and not SHAS.fullmatch(
                "\n".join(filter(None, (p.capture_sha256, p.photo_sha256)))):
            return False
        texts = "".join([got.actor or "", got.sig or "", p.manual_reason, *[r.unit for r in regs.values()]])
        first = p.meter_id
        if not _time(p.taken_at):
            return False
        if (p.events is not None or p.load_profile is not None) and not _memory_ok(op, p):
            return False
    elif isinstance(p, Install):
        texts = "".join((got.actor or "", got.sig or "", p.installed_meter_serial, p.removed_meter_serial))
        first = p.work_order_id
        if not FORMS.fullmatch(p.form_id) or not _data_ok(op, p.data):
            return False
    else:  # an onboarding step
        texts = "".join((got.actor or "", got.sig or ""))
        first = p.customer_id
        if not _data_ok(op, p.data):
            return False
    # every id of the operation in one match (an Id is never empty: filter() drops only the absent ones)
    ids = "\n".join(filter(None, (got.op_id, got.entity_id, first, p.id, p.customer_id, p.work_order_id,
                                  p.supersedes, p.recorded_by)))
    if not IDS.fullmatch(ids) or BAD_TEXT.search(texts):
        return False
    device_time = got.device_time
    return not device_time or device_time == getattr(p, "taken_at", None) or _time(device_time)


def _memory_ok(op: dict[str, Any], p: Reading) -> bool:
    """A DLMS reading's event log and load profile: the OBIS code's format, the operation's values
    counted as validate.shape counts them (every value, containers too) and the payload's size."""
    if p.load_profile is not None and not OBIS.fullmatch(p.load_profile.obis):
        return False
    payload = op["payload"]
    regs = payload["registers"]
    nodes = 1 + len(op) + len(payload) + len(regs) + sum(map(len, regs.values()))
    if p.events:
        nodes += 3 * len(p.events)
    if p.load_profile is not None:
        nodes += len(payload["load_profile"]) + len(p.load_profile.values)
    if nodes > validate.MAX_NODES:
        return False
    size = (len(orjson.dumps(payload)) if orjson is not None  # the same bytes as json.dumps: no floats here
            else len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")))
    return size <= validate.MAX_PAYLOAD


def _time(text: str) -> bool:
    try:
        validate._datetime(text)
    except PydanticCustomError:
        return False
    return True


def _data_ok(op: dict[str, Any], data: dict[str, Any]) -> bool:
    """A form's answers as validate.py takes them: its own rule, the whole operation's shape and the
    payload's size (only for an operation that has answers: nothing else of it can break these)."""
    if not data:
        return True
    try:
        validate._form_data(data)
    except PydanticCustomError:
        return False
    if not validate._shape_ok(op):
        return False
    try:
        text = json.dumps(op["payload"], ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return False
    return len(text.encode("utf-8")) <= validate.MAX_PAYLOAD
