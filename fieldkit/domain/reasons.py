"""Why the central server refused an operation: stable reason codes with their parameters,
and the message for each in Vietnamese and English.

The server answers a refused operation with `{"status": "rejected", "code": CODE,
"params": {...}, "reason": English text}`. The laptop keeps the whole answer with the
quarantined operation and shows `problem(code, params).message(lang)`: the same vi/en
`Problem` the services use for their own validation, so there is one mechanism. Codes are
never renamed (old answers stay readable); an unknown code from a newer server says "refused"
in Vietnamese and keeps the English `reason` it came with for the English text. Every message
ends with what to do (ADVICE), and the Vietnamese one names the server's internal ids (roles,
records, operations, field names, types) in Vietnamese or leaves them out: never raw English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fieldkit.domain.lifecycle import REASONS as LIFECYCLE_REASONS
from fieldkit.domain.messages import Message, Texts, catalogue, joined
from fieldkit.domain.problems import Problem

_M = Texts("domain.reasons")

# code -> marked text (its Vietnamese in core_vi.ts). `{name}` placeholders are filled from the answer's params.
REASONS: dict[str, Message] = {
    "field_missing": _M("The field {field} is missing."),
    "field_unknown": _M("The field {field} is not allowed here."),
    "field_type": _M("The field {field} must be {expected}."),
    "field_too_long": _M("The field {field} is too long (at most {max})."),
    "field_too_short": _M("The field {field} is too short (at least {min})."),
    "field_range": _M("The field {field} is out of range ({min} to {max})."),
    "field_format": _M("The field {field} is not a valid {format}."),
    "field_choice": _M("The field {field} has a value that is not allowed; allowed: {allowed}."),
    "text_control": _M("The field {field} contains control characters."),
    "text_unicode": _M("The field {field} contains broken Unicode."),
    "number_not_finite": _M("The field {field} must be a finite number."),
    "too_deep": _M("The field {field} is nested too deeply (at most {max} levels)."),
    "too_many_items": _M("The field {field} has too many items (at most {max})."),
    "too_large": _M("The operation's data is too large (at most {max} bytes)."),
    "not_object": _M("The operation is not a JSON object."),
    "unknown_operation": _M("The server does not know the operation {entity}/{action}."),
    "id_mismatch": _M("The payload's id differs from the operation's id."),
    "id_unavailable": _M("This {field} cannot be used; make a new record."),
    "empty_file": _M("An empty file is only valid with the empty file's hash."),
    "attachment_size": _M("The file's size differs from the upload in progress of the same file."),
    "unknown_record": _M("The server has no {what} {id} in this team."),
    "code_taken": _M("A customer with this code already exists in this team."),
    "code_other_unit": _M("The customer code is not of the team's unit {unit}."),
    "refused": _M("Refused by the server: {detail}"),
    # Who made it (central/signatures.py, central/people.py): not stored as the operation's answer.
    "unsigned": _M("The operation is not signed by {user}; that person needs to sync it."),
    "bad_signature": _M("{user}'s signature does not match the operation, the device or the author."),
    "unknown_user": _M("The server does not know the user {user}."),
    "user_removed": _M("The user {user} was removed from the team; the offline work is kept on this laptop."),
    "wrong_team": _M("The user {user} is not in this device's team."),
    "key_not_registered": _M("{user}'s signing key is not registered for this device; add them again with a user code."),
    "invalid_author": _M("The operation's author cannot be established ({user})."),
    "role_forbidden": _M("A {role} may not do {operation} (the server's rule)."),
}

REASONS.update(LIFECYCLE_REASONS)  # the work-order life cycle's own (fieldkit/domain/lifecycle.py)


# What to do, appended to the message: a field worker must know whether it is theirs to fix.
_SOFTWARE = _M("This is a data error of the software, not yours; the work stays on this laptop. Tell the support team.")
_SYNC_AGAIN = _M("Sync again to get the latest data; if it is still refused, tell your supervisor.")
_TEAM = _M("Ask your supervisor to check this user on the server.")
ADVICE: dict[str, Message] = {
    **{code: _SOFTWARE for code in (
        "field_missing", "field_unknown", "field_type", "field_too_long", "field_too_short", "field_range",
        "field_format", "field_choice", "text_control", "text_unicode", "number_not_finite", "too_deep",
        "too_many_items", "too_large", "not_object", "unknown_operation", "id_mismatch", "empty_file",
        "attachment_size", "invalid_author", "bad_signature")},
    "unknown_record": _SYNC_AGAIN,
    "refused": _SYNC_AGAIN,
    "code_taken": _M("Look up the customer who has this code instead of making a new one."),
    "code_other_unit": _M("Check the customer code."),
    "unknown_user": _TEAM,
    "wrong_team": _TEAM,
    "role_forbidden": _M("Ask someone whose role allows it to do this."),
}

# The server's parameters are internal ids in English; in Vietnamese they are named, or left out.
# Their Vietnamese names are in the catalogue (context "domain.reasons.words", core_vi.ts): "serial" -> "số công tơ".
WORDS = Texts("domain.reasons.words")
_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def _vi_word(value: str) -> str:
    """An internal id in Vietnamese, or '' when it has no Vietnamese name and reads as English."""
    v = value.strip()
    named = catalogue("vi").get((WORDS.context, v))
    if named:
        return named
    if "/" in v:  # an operation: entity/action (kind)
        entity, _, action = v.partition("/")
        action = action.split(" ", 1)[0]
        parts = [_vi_word(action), _vi_word(entity)]
        return " ".join(parts) if all(parts) else ""
    if "." in v:  # a field path: payload.reading.value -> its last named part
        return _vi_word(v.rsplit(".", 1)[1])
    return "" if _ENGLISH_WORD.search(v) else v


_NAMED = ("field", "what", "role", "operation", "expected", "format", "entity", "action", "state")
_UNNAMED = {"field": _M("data"), "what": _M("record")}


class Term:
    """A server parameter: as it came in English; in Vietnamese named (or left out, never raw English)."""

    def __init__(self, key: str, value: str):
        self.key, self.value = key, value

    def text(self, lang: str | None = None) -> str:
        if lang == "en":
            return self.value
        if self.key == "detail":
            return ""  # the server's free English text: only the English message keeps it
        if self.key == "allowed":
            names = [_vi_word(a) for a in self.value.split(",")]
            return ", ".join(names) if all(names) else _M("see the guide").text(lang)
        if self.key in _NAMED:
            unnamed = _UNNAMED.get(self.key)
            return _vi_word(self.value) or (unnamed.text(lang) if unnamed else "")
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.text("en"), spec)


def problem(code: str, params: Mapping[str, Any] | None = None, fallback: str = "") -> Problem:
    """The refusal as a Problem (field: the offending field when the code names one), with what to do.
    The Vietnamese text names the server's internal ids in Vietnamese (never raw English)."""
    raw = {str(k): str(v) for k, v in (params or {}).items()}
    terms = {k: Term(k, v) for k, v in raw.items()}
    text = REASONS.get(code)
    if text is None:
        text, terms = REASONS["refused"], {"detail": Term("detail", fallback or code or "refused")}
        advice: Message | None = _SYNC_AGAIN
    else:
        advice = ADVICE.get(code)
    message = text.with_params(**terms)
    return Problem(raw.get("field", ""), code, joined([message, advice]) if advice is not None else message)


def english(code: str, params: Mapping[str, Any] | None = None) -> str:
    return problem(code, params).en


def from_answer(answer: Mapping[str, Any]) -> Problem:
    """The Problem for a server's answer to one operation (as stored with the outbox row)."""
    params = answer.get("params")
    return problem(str(answer.get("code") or ""), params if isinstance(params, Mapping) else None,
                   str(answer.get("reason") or ""))
