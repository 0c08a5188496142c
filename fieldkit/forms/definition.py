"""Form definitions as data: JSON files in ``resources/forms/<form id>/v<version>.json``.

Every version of a form is kept, so a record saved with version 1 is validated and shown
with version 1 after version 2 exists. The format is described in docs/forms.md.
Loading checks the whole definition (field types, choices, expressions, references to
other fields) and raises :class:`FormDefinitionError` with every problem found.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from fieldkit.forms.expr import Expr, ExprError, compile_expr

__all__ = [
    "FIELD_TYPES", "Choice", "Field", "FormDefinition", "FormDefinitionError", "Section", "Text",
    "form_versions", "forms_root", "load_form", "parse_form",
]

FIELD_TYPES = (
    "text", "number", "choice", "date", "gps", "photo", "signature", "meter_serial", "meter_reading",
)
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_VERSION_FILE = re.compile(r"^v(\d+)\.json$")


class FormDefinitionError(ValueError):
    def __init__(self, problems: list[str], where: str = ""):
        self.problems = problems
        prefix = f"{where}: " if where else ""
        super().__init__(prefix + "; ".join(problems))


@dataclass(frozen=True)
class Text:
    """A text in both languages."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en

    def text(self, lang: str | None = None) -> str:
        """The form's own words in `lang` (a form file carries its vi and en; messages.Localised)."""
        from fieldkit.domain.messages import current_language

        return self.get(lang or current_language())


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    label: Text
    hint: Text | None = None
    required: bool = False
    relevant: Expr | None = None
    constraint: Expr | None = None
    constraint_message: Text | None = None
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None  # number value; photo count
    maximum: float | None = None
    integer: bool = False
    registers: tuple[str, ...] = ()  # meter_reading: register codes, e.g. BT, CD, TD
    probe: bool = False  # meter_reading: may be read through the optical probe
    multiline: bool = False

    def choice_label(self, value: str, lang: str) -> str:
        for c in self.choices:
            if c.value == value:
                return c.label.get(lang)
        return value


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    fields: tuple[Field, ...]
    relevant: Expr | None = None


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: int
    title: Text
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def fields(self) -> list[Field]:
        return [f for s in self.sections for f in s.fields]

    def field(self, field_id: str) -> Field:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def section_of(self, field_id: str) -> Section:
        for s in self.sections:
            if any(f.id == field_id for f in s.fields):
                return s
        raise KeyError(field_id)


def _text(raw: Any, where: str, problems: list[str], optional: bool = False) -> Text | None:
    if raw is None and optional:
        return None
    if isinstance(raw, str) and raw.strip():
        return Text(raw, raw)
    if isinstance(raw, dict) and isinstance(raw.get("vi"), str) and isinstance(raw.get("en"), str) \
            and raw["vi"].strip() and raw["en"].strip():
        return Text(raw["vi"], raw["en"])
    problems.append(f"{where}: needs a text with 'vi' and 'en'")
    return None


def _expr(raw: Any, where: str, problems: list[str]) -> Expr | None:
    if raw is None:
        return None
    try:
        return compile_expr(raw)
    except ExprError as exc:
        problems.append(f"{where}: {exc}")
        return None


def _number(raw: Any, where: str, problems: list[str]) -> float | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        problems.append(f"{where}: must be a number")
        return None
    return float(raw)


_FIELD_KEYS = {"id", "type", "label", "hint", "required", "relevant", "constraint", "constraint_message",
               "choices", "min", "max", "integer", "registers", "probe", "multiline"}


def _field(raw: Any, where: str, problems: list[str]) -> Field | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: a field must be an object")
        return None
    fid = raw.get("id")
    if not isinstance(fid, str) or not _ID.match(fid):
        problems.append(f"{where}: field id must be lower_case letters, digits, '_' (got {fid!r})")
        return None
    where = f"{where} '{fid}'"
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    ftype = raw.get("type")
    if ftype not in FIELD_TYPES:
        problems.append(f"{where}: type must be one of {', '.join(FIELD_TYPES)} (got {ftype!r})")
        return None
    label = _text(raw.get("label"), f"{where} label", problems)
    hint = _text(raw.get("hint"), f"{where} hint", problems, optional=True)
    required = raw.get("required", False)
    if not isinstance(required, bool):
        problems.append(f"{where}: 'required' must be true or false")
        required = False
    constraint = _expr(raw.get("constraint"), f"{where} constraint", problems)
    message = _text(raw.get("constraint_message"), f"{where} constraint_message", problems, optional=True)
    if constraint is not None and message is None:
        problems.append(f"{where}: a constraint needs a constraint_message in vi and en")
    choices: list[Choice] = []
    if ftype == "choice":
        raw_choices = raw.get("choices")
        if not isinstance(raw_choices, list) or not raw_choices:
            problems.append(f"{where}: a choice field needs a non-empty 'choices' list")
        else:
            for n, c in enumerate(raw_choices):
                if not isinstance(c, dict) or not isinstance(c.get("value"), str) or not c["value"]:
                    problems.append(f"{where} choice {n + 1}: needs a 'value' text")
                    continue
                clabel = _text(c.get("label"), f"{where} choice {c['value']!r}", problems)
                if clabel is not None:
                    choices.append(Choice(c["value"], clabel))
            values = [c.value for c in choices]
            if len(set(values)) != len(values):
                problems.append(f"{where}: choice values repeat")
    registers: tuple[str, ...] = ()
    if ftype == "meter_reading":
        regs = raw.get("registers", ["BT", "CD", "TD"])
        if not isinstance(regs, list) or not regs or not all(isinstance(r, str) and r.isalnum() for r in regs):
            problems.append(f"{where}: 'registers' must be a list of register codes such as BT, CD, TD")
        else:
            registers = tuple(regs)
    minimum = _number(raw.get("min"), f"{where} min", problems)
    maximum = _number(raw.get("max"), f"{where} max", problems)
    if minimum is not None and maximum is not None and minimum > maximum:
        problems.append(f"{where}: min is larger than max")
    if label is None:
        return None
    return Field(
        id=fid, type=ftype, label=label, hint=hint, required=required,
        relevant=_expr(raw.get("relevant"), f"{where} relevant", problems),
        constraint=constraint, constraint_message=message, choices=tuple(choices),
        minimum=minimum, maximum=maximum, integer=bool(raw.get("integer", False)),
        registers=registers, probe=bool(raw.get("probe", False)), multiline=bool(raw.get("multiline", False)),
    )


def parse_form(raw: Any, where: str = "") -> FormDefinition:
    """Build a definition from parsed JSON; raises FormDefinitionError listing every problem."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise FormDefinitionError(["a form definition must be a JSON object"], where)
    form_id = raw.get("id")
    if not isinstance(form_id, str) or not _ID.match(form_id):
        problems.append(f"form id must be lower_case letters, digits, '_' (got {form_id!r})")
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.append(f"version must be a whole number from 1 (got {version!r})")
    title = _text(raw.get("title"), "title", problems)
    sections: list[Section] = []
    raw_sections = raw.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        problems.append("'sections' must be a non-empty list")
        raw_sections = []
    seen: set[str] = set()
    for n, rs in enumerate(raw_sections):
        if not isinstance(rs, dict) or not isinstance(rs.get("id"), str):
            problems.append(f"section {n + 1}: needs an 'id'")
            continue
        swhere = f"section '{rs['id']}'"
        stitle = _text(rs.get("title"), f"{swhere} title", problems)
        raw_fields = rs.get("fields")
        if not isinstance(raw_fields, list) or not raw_fields:
            problems.append(f"{swhere}: 'fields' must be a non-empty list")
            continue
        fields = []
        for m, rf in enumerate(raw_fields):
            f = _field(rf, f"{swhere} field {m + 1}", problems)
            if f is None:
                continue
            if f.id in seen:
                problems.append(f"field id '{f.id}' used twice")
            seen.add(f.id)
            fields.append(f)
        if stitle is not None:
            sections.append(Section(rs["id"], stitle, tuple(fields),
                                    _expr(rs.get("relevant"), f"{swhere} relevant", problems)))
    # every expression may only name fields of this form
    for s in sections:
        exprs = [("relevant", s.id, s.relevant)] + [
            (kind, f.id, e) for f in s.fields for kind, e in (("relevant", f.relevant), ("constraint", f.constraint))
        ]
        for kind, owner, e in exprs:
            if e is not None:
                for name in sorted(e.names() - seen):
                    problems.append(f"'{owner}' {kind} names unknown field '{name}'")
    if problems:
        raise FormDefinitionError(problems, where)
    assert isinstance(form_id, str) and isinstance(version, int) and title is not None
    return FormDefinition(form_id, version, title, tuple(sections))


def forms_root() -> Path:
    """``resources/forms`` in a checkout, ``sys._MEIPASS/resources/forms`` when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources" / "forms"
    return Path(__file__).resolve().parents[2] / "resources" / "forms"


def form_versions(form_id: str, root: Path | None = None) -> list[int]:
    folder = (root or forms_root()) / form_id
    if not _ID.match(form_id) or not folder.is_dir():
        return []
    found = (_VERSION_FILE.match(p.name) for p in folder.iterdir())
    return sorted(int(m.group(1)) for m in found if m)


@lru_cache(maxsize=64)
def _load(form_id: str, version: int, root: Path) -> FormDefinition:
    path = root / form_id / f"v{version}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FormDefinitionError([f"form {form_id!r} has no version {version}"]) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FormDefinitionError([f"not valid JSON: {exc}"], str(path)) from None
    form = parse_form(raw, str(path))
    if form.id != form_id or form.version != version:
        raise FormDefinitionError([f"file says {form.id} v{form.version}"], str(path))
    return form


def load_form(form_id: str, version: int | None = None, root: Path | None = None) -> FormDefinition:
    """The given version of a form, or its newest one."""
    base = root or forms_root()
    if version is None:
        versions = form_versions(form_id, base)
        if not versions:
            raise FormDefinitionError([f"no form named {form_id!r}"])
        version = versions[-1]
    return _load(form_id, version, base)
