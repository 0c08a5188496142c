"""Headless form validation: types, required, relevance (skip logic), constraints.

Values are JSON data keyed by field id:

=============  ===========================================================
text           ``"..."``
number         ``"12.5"`` or ``12.5`` (stored as text, so decimals stay exact)
choice         the choice's ``value``
date           ``"YYYY-MM-DD"``
gps            ``{"lat": 20.54, "lon": 106.05, "source": "typed"|"nmea", ...}``
photo          ``["<sha256>", ...]`` (attachments)
signature      ``"<sha256>"`` (a PNG attachment)
meter_serial   ``"..."``
meter_reading  ``{"BT": "1234.5", "CD": "...", "TD": "...", "source": "optical"|"manual"}``
=============  ===========================================================

:func:`validate` returns every :class:`~fieldkit.domain.problems.Problem` (Vietnamese and
English), never raises for bad values; :func:`clean` drops values of fields that are not
relevant, so a record never keeps answers the technician skipped past.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from fieldkit.domain.messages import Message, Texts, localised
from fieldkit.domain.problems import Problem
from fieldkit.forms.definition import Field, FormDefinition
from fieldkit.forms.expr import Expr, ExprError, evaluate

_M = Texts("forms.engine")

__all__ = ["SERIAL_PATTERN", "clean", "expression_values", "is_empty", "relevant_fields", "validate"]

SERIAL_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-]{3,19}$")
_SHA = re.compile(r"^[0-9a-f]{64}$")
MAX_READING = Decimal("9999999999")


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple):
        return len(value) == 0
    if isinstance(value, dict):
        return all(is_empty(v) for k, v in value.items() if k != "source")
    return False


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        d = Decimal(str(value).strip().replace(",", ".")) if isinstance(value, str) else Decimal(str(value))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def expression_values(form: FormDefinition, data: Mapping[str, Any]) -> dict[str, Any]:
    """Field values as the expression language sees them (numbers as Decimal, blanks as null)."""
    out: dict[str, Any] = {}
    for f in form.fields:
        v = data.get(f.id)
        if is_empty(v):
            out[f.id] = None
        elif f.type == "number":
            out[f.id] = _decimal(v)
        elif f.type == "meter_reading" and isinstance(v, dict):
            out[f.id] = {k: (_decimal(x) if k in f.registers else x) for k, x in v.items()}
        elif isinstance(v, str):
            out[f.id] = v.strip()
        else:
            out[f.id] = v
    return out


def _eval(expr: Expr, env: dict[str, Any], current: Any, fid: str, problems: list[Problem]) -> Any:
    try:
        return evaluate(expr, env, current)
    except ExprError as exc:
        problems.append(Problem(
            fid, "expression",
            _M("The form has a rule that could not be evaluated ({reason}); tell whoever maintains the form.", reason=exc.reason),
        ))
        return None


def relevant_fields(form: FormDefinition, data: Mapping[str, Any],
                    problems: list[Problem] | None = None) -> set[str]:
    """Ids of the fields to show and check. Fields are decided in order, and a field that is
    not relevant counts as blank for the fields after it (so skip logic chains)."""
    sink: list[Problem] = problems if problems is not None else []
    env = expression_values(form, data)
    shown: set[str] = set()
    for s in form.sections:
        section_on = s.relevant is None or bool(_eval(s.relevant, env, None, s.id, sink))
        for f in s.fields:
            on = section_on and (f.relevant is None or bool(_eval(f.relevant, env, env.get(f.id), f.id, sink)))
            if on:
                shown.add(f.id)
            else:
                env[f.id] = None
    return shown


def clean(form: FormDefinition, data: Mapping[str, Any]) -> dict[str, Any]:
    """Only the answers of relevant fields, blanks removed."""
    shown = relevant_fields(form, data)
    return {f.id: data[f.id] for f in form.fields if f.id in shown and not is_empty(data.get(f.id))}


def _p(f: Field, code: str, message: Message) -> Problem:
    """The field's problem; `{label}` in the text is the field's label (the form's own vi/en words)."""
    return Problem(f.id, code, message.with_params(label=f.label))


def _fmt(n: float) -> int | float:
    return int(n) if float(n).is_integer() else n


def _type_problems(f: Field, v: Any) -> list[Problem]:
    t = f.type
    if t in ("text", "choice", "date", "meter_serial", "signature") and not isinstance(v, str):
        return [_p(f, "type", _M("{label}: the value is not valid."))]
    if t == "text":
        return []
    if t == "number":
        d = _decimal(v)
        if d is None:
            return [_p(f, "number", _M("{label}: enter a number (for example 12 or 12.5)."))]
        if f.integer and d != d.to_integral_value():
            return [_p(f, "integer", _M("{label}: enter a whole number."))]
        if f.minimum is not None and d < Decimal(str(f.minimum)):
            return [_p(f, "min", _M("{label}: must be at least {minimum}.", minimum=_fmt(f.minimum)))]
        if f.maximum is not None and d > Decimal(str(f.maximum)):
            return [_p(f, "max", _M("{label}: must be at most {maximum}.", maximum=_fmt(f.maximum)))]
        return []
    if t == "choice":
        if v not in [c.value for c in f.choices]:
            return [_p(f, "choice", _M("{label}: pick one of the listed options."))]
        return []
    if t == "date":
        try:
            date.fromisoformat(v)
        except ValueError:
            return [_p(f, "date", _M("{label}: not a valid date."))]
        return []
    if t == "meter_serial":
        if not SERIAL_PATTERN.match(v.strip()):
            return [_p(f, "serial", _M("{label}: a meter serial has 4–20 letters, digits or dashes."))]
        return []
    if t == "signature":
        if not _SHA.match(v):
            return [_p(f, "signature", _M("{label}: the signature was not saved."))]
        return []
    if t == "photo":
        if not isinstance(v, list) or not all(isinstance(x, str) and _SHA.match(x) for x in v):
            return [_p(f, "photo", _M("{label}: the photos were not saved."))]
        if f.minimum is not None and len(v) < f.minimum:
            return [_p(f, "min", _M("{label}: needs at least {minimum} photo(s).", minimum=_fmt(f.minimum)))]
        if f.maximum is not None and len(v) > f.maximum:
            return [_p(f, "max", _M("{label}: at most {maximum} photo(s).", maximum=_fmt(f.maximum)))]
        return []
    if t == "gps":
        if not isinstance(v, dict):
            return [_p(f, "gps", _M("{label}: the position is not valid."))]
        lat, lon = _decimal(v.get("lat")), _decimal(v.get("lon"))
        if lat is None or lon is None or not (-90 <= lat <= 90) or not (-180 <= lon <= 180):
            return [_p(f, "gps", _M("{label}: latitude from -90 to 90, longitude from -180 to 180 (for example 20.5412, 106.0521)."))]
        return []
    if t == "meter_reading":
        if not isinstance(v, dict):
            return [_p(f, "reading", _M("{label}: the reading is not valid."))]
        out = []
        for reg in f.registers:
            raw = v.get(reg)
            if is_empty(raw):
                if f.required:
                    out.append(Problem(f.id, "required", _M("{label}: the {reg} reading is missing.", label=f.label, reg=reg)))
                continue
            d = _decimal(raw)
            if d is None or d < 0 or d > MAX_READING:
                out.append(Problem(f.id, "reading", _M("{label}: the {reg} reading must be a number of 0 or more.", label=f.label, reg=reg)))
        return out
    return []  # pragma: no cover - every type is handled above


def validate(form: FormDefinition, data: Mapping[str, Any]) -> list[Problem]:
    """Every problem with `data` under `form`, in field order; empty when it can be saved."""
    problems: list[Problem] = []
    shown = relevant_fields(form, data, problems)
    env = expression_values(form, data)
    for f in form.fields:
        if f.id not in shown:
            env[f.id] = None
    for f in form.fields:
        if f.id not in shown:
            continue
        v = data.get(f.id)
        if is_empty(v):
            if f.required:
                problems.append(_p(f, "required", _M("Required: {label}.")))
            continue
        found = _type_problems(f, v)
        problems.extend(found)
        if found or f.constraint is None:
            continue
        if not _eval(f.constraint, env, env.get(f.id), f.id, problems):
            msg = f.constraint_message
            assert msg is not None
            problems.append(Problem(f.id, "constraint", localised(msg)))
    return problems
