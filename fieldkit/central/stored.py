"""Stored rows shaped for an answer, checked on the way out.

Each function takes a row as the database gave it and returns what the endpoint serves, or
raises `withhold.Bad`: the caller leaves the row out (central/withhold.py). The checks are
what any client must be able to rely on, not the full input schema (that is
central/validate.py, at the door): JSON objects that parse, with bounded nesting, finite
numbers within +-2^53, clean Unicode without NUL, of at most 1 MiB; ids, names and kinds
from their sets; times and dates that are times and dates; whole numbers in range.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Any

from fieldkit.central.withhold import Bad
from fieldkit.domain.models import Role, WorkOrderKind, WorkOrderState

MAX_RECORD = 1024 * 1024  # characters of one stored JSON record
MAX_DEPTH = 16  # stored records nest deeper than operations (a conflict carries both versions)
MAX_INT = 2**53
MAX_VERSION = 2**31 - 1
MAX_TEXT = 64 * 1024
ID_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.:/-]{0,63}")
NAME_RE = re.compile(r"[a-z_]{1,32}")
SHA_RE = re.compile(r"[0-9a-f]{64}")
MIME_RE = re.compile(r"[A-Za-z0-9!#$&^_.+/-]{1,128}")
_BROKEN = re.compile(r"[\ud800-\udfff\x00]")
KINDS = frozenset(k.value for k in WorkOrderKind)
STATES = frozenset(s.value for s in WorkOrderState)
ROLES = frozenset(r.value for r in Role)


# --- values -------------------------------------------------------------------------------------

def text(value: Any, field: str, *, max_len: int = MAX_TEXT, pattern: re.Pattern[str] | None = None,
         optional: bool = False) -> str | None:
    if value is None:
        if optional:
            return None
        raise Bad("missing", field)
    if isinstance(value, bytes | bytearray | memoryview):
        raise Bad("bytes", field, "bytes where text is expected")
    if not isinstance(value, str):
        raise Bad("type", field, type(value).__name__)
    if len(value) > max_len:
        raise Bad("too_large", field, f"{len(value)} characters")
    _clean(value, field)
    if pattern is not None and not pattern.fullmatch(value):
        raise Bad("format", field)
    return value


def _clean(value: str, field: str) -> None:
    found = _BROKEN.search(value)
    if found:
        raise Bad("nul" if found.group() == "\x00" else "unicode", field)


def integer(value: Any, field: str, *, lo: int = 0, hi: int = MAX_VERSION, optional: bool = False) -> int | None:
    if value is None:
        if optional:
            return None
        raise Bad("missing", field)
    if isinstance(value, bool) or not isinstance(value, int):
        raise Bad("type", field, type(value).__name__)
    if not lo <= value <= hi:
        raise Bad("range", field)
    return value


def flag(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise Bad("type", field, type(value).__name__)


def when(value: Any, field: str, *, optional: bool = False) -> str | None:
    """An ISO 8601 time (years 2000-2100), as stored."""
    got = text(value, field, max_len=40, optional=optional)
    if got is None:
        return None
    try:
        year = datetime.fromisoformat(got).year
    except ValueError:
        raise Bad("date", field) from None
    if not 2000 <= year <= 2100:
        raise Bad("date", field)
    return got


def day(value: Any, field: str) -> None:
    """A date (YYYY-MM-DD, 2000-2100) where the record has one; empty is allowed (no due date)."""
    if value is None or value == "":
        return
    if not isinstance(value, str):
        raise Bad("type", field, type(value).__name__)
    try:
        d = date.fromisoformat(value)
    except ValueError:
        raise Bad("date", field) from None
    if len(value) != 10 or not 2000 <= d.year <= 2100:
        raise Bad("date", field)


def choice(value: Any, field: str, allowed: frozenset[str]) -> str:
    if not isinstance(value, str):
        raise Bad("missing" if value is None else "type", field)
    if value not in allowed:
        raise Bad("choice", field)
    return value


def record(value: Any, field: str = "data") -> dict[str, Any]:
    """A stored JSON record: an object any client's JSON reader takes as it is."""
    if not isinstance(value, str):
        text(value, field)  # raises: missing, bytes or another type
    if len(value) > MAX_RECORD:
        raise Bad("too_large", field, f"{len(value)} characters")
    try:
        data = _DECODER.decode(value)
    except RecursionError:
        raise Bad("too_deep", field) from None
    except ValueError as exc:  # also an integer of more than 4,300 digits
        raise Bad("json" if "constant" not in str(exc) else "number", field, str(exc)) from None
    if not isinstance(data, dict):
        raise Bad("not_object", field, type(data).__name__)
    _walk(data, field)
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"constant {name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)


def _walk(data: dict[str, Any], field: str) -> None:
    """Nesting, numbers and text of a parsed record, in one pass without recursion; the text of
    the whole record (keys and strings) is checked with one search at the end."""
    strings: list[str] = []
    stack: list[tuple[Any, int]] = [(data, 1)]
    pop, push, keep = stack.pop, stack.append, strings.append
    while stack:
        node, depth = pop()
        if depth > MAX_DEPTH:
            raise Bad("too_deep", field)
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for k, v in items:
            if k.__class__ is str:
                keep(k)
            cls = v.__class__
            if cls is str:
                keep(v)
            elif cls is dict or cls is list:
                push((v, depth + 1))
            elif cls is int:
                if not -MAX_INT <= v <= MAX_INT:
                    raise Bad("number", field, "an integer beyond 2^53")
            elif cls is float and not math.isfinite(v):
                raise Bad("number", field, "not finite")
    if strings:
        _clean("\x01".join(strings), field)


# --- rows ---------------------------------------------------------------------------------------

def work_order(row: Any) -> dict[str, Any]:
    """(id, data, version, conflict, state) of `work_orders`."""
    data = record(row[1])
    text(data.get("number"), "data.number", max_len=64)
    choice(data.get("kind"), "data.kind", KINDS)
    if "state" in data:
        choice(data.get("state"), "data.state", STATES)
    day(data.get("due_date"), "data.due_date")
    choice(row[4], "state", STATES)
    return {"id": text(row[0], "id", pattern=ID_RE), "data": data, "version": integer(row[2], "version"),
            "conflict": flag(row[3], "conflict")}


def customer(row: Any) -> dict[str, Any]:
    """(id, data, version, conflict) of `customers`."""
    data = record(row[1])
    text(data.get("code"), "data.code", max_len=32)
    text(data.get("name"), "data.name", max_len=1000, optional=True)
    return {"id": text(row[0], "id", pattern=ID_RE), "data": data, "version": integer(row[2], "version"),
            "conflict": flag(row[3], "conflict")}


def work_order_version(row: Any) -> dict[str, Any]:
    """(version, data, op_id, device_id, at) of `work_order_versions`."""
    data = record(row[1])
    if "state" in data:
        choice(data["state"], "data.state", STATES)
    if "kind" in data:
        choice(data["kind"], "data.kind", KINDS)
    return {"version": integer(row[0], "version"), "data": data,
            "op_id": text(row[2], "op_id", max_len=36, optional=True),
            "device_id": text(row[3], "device_id", max_len=36, optional=True), "at": when(row[4], "at")}


def customer_version(row: Any) -> dict[str, Any]:
    """(version, data, base_version, op_id, device_id, user_id, at) of `customer_versions`."""
    return {"version": integer(row[0], "version"), "data": record(row[1]),
            "base_version": integer(row[2], "base_version", optional=True),
            "op_id": text(row[3], "op_id", max_len=36, optional=True),
            "device_id": text(row[4], "device_id", max_len=36, optional=True),
            "user_id": text(row[5], "user_id", max_len=36, optional=True), "at": when(row[6], "at")}


def conflict(row: Any) -> dict[str, Any]:
    """A `conflicts` row (a mapping) as ConflictOut."""
    return {"id": integer(row["id"], "id", lo=1), "entity": text(row["entity"], "entity", pattern=NAME_RE),
            "entity_id": text(row["entity_id"], "entity_id", pattern=ID_RE),
            "op_id": text(row["op_id"], "op_id", max_len=36),
            "base_version": integer(row["base_version"], "base_version", optional=True),
            "server_version": integer(row["server_version"], "server_version"),
            "new_version": integer(row["new_version"], "new_version"),
            "device_id": text(row["device_id"], "device_id", max_len=36),
            "user_id": text(row["user_id"], "user_id", max_len=36, optional=True),
            "detail": text(row["detail"], "detail"), "at": when(row["at"], "at"),
            "resolved_at": when(row["resolved_at"], "resolved_at", optional=True)}


def audit_line(row: Any) -> dict[str, Any]:
    """An `audit` row (a mapping), every column as stored."""
    return {"seq": integer(row["seq"], "seq", hi=2**62), "at": when(row["at"], "at"),
            "device_id": text(row["device_id"], "device_id", max_len=36, optional=True),
            "user_id": text(row["user_id"], "user_id", max_len=36, optional=True),
            "action": text(row["action"], "action", max_len=32),
            "entity": text(row["entity"], "entity", max_len=32),
            "entity_id": text(row["entity_id"], "entity_id", max_len=64),
            "op_id": text(row["op_id"], "op_id", max_len=36, optional=True),
            "detail": text(row["detail"], "detail")}


def state_of(row: Any) -> tuple[str, str]:
    """(op_id, state) from a `work_order_versions` (op_id, data) row, for the audit's work-order lines."""
    data = record(row[1])
    return str(text(row[0], "op_id", max_len=36)), choice(data.get("state"), "data.state", STATES)


def user(row: Any) -> dict[str, Any]:
    """(id, username, display_name, role, active) of `users`."""
    return {"id": text(row[0], "id", max_len=36), "username": text(row[1], "username", max_len=128),
            "display_name": text(row[2], "display_name", max_len=1000), "role": choice(row[3], "role", ROLES),
            "active": flag(row[4], "active")}


def change(row: Any) -> dict[str, Any]:
    """(seq, entity, entity_id, data) of `changes` as the feed serves it."""
    return {"seq": integer(row[0], "seq", hi=2**62), "entity": text(row[1], "entity", pattern=NAME_RE),
            "id": text(row[2], "entity_id", max_len=64), "data": record(row[3])}


def attachment(row: Any) -> tuple[str, int, str, str]:
    """(sha256, size, mime, kind) of `team_attachments`."""
    return (str(text(row[0], "sha256", pattern=SHA_RE)), int(integer(row[1], "size", hi=256 * 1024 * 1024) or 0),
            str(text(row[2], "mime", pattern=MIME_RE)), str(text(row[3], "kind", max_len=32)))


def upload_state(row: Any) -> tuple[str, int, bool]:
    """(sha256, received, complete) of `team_attachments`, for `missing`."""
    return (str(text(row[0], "sha256", pattern=SHA_RE)), int(integer(row[1], "received", hi=256 * 1024 * 1024) or 0),
            flag(row[2], "complete"))


def fact_attachments(row: Any) -> set[str]:
    """The attachment hashes a `facts` (id, data) row refers to."""
    data = record(row[1])
    shas: set[str] = set()
    for key in ("capture_sha256", "photo_sha256"):
        if data.get(key):
            shas.add(str(text(data[key], key, pattern=SHA_RE)))
    inner = data.get("data")
    if isinstance(inner, dict):
        listed = inner.get("attachments") or []
        if not isinstance(listed, list):
            raise Bad("type", "data.attachments", type(listed).__name__)
        shas.update(str(text(s, "data.attachments", max_len=200)) for s in listed)
    return shas
