"""A superseded draft as its person reads it before discarding it deliberately.

A draft overtaken by a record that came by sync is kept (`drafts.set_aside_stale`); the Today
page lists it and opens it read-only through `superseded`: the answers as typed (labelled from
the form's version), how many photos it kept, and who saved the record that overtook it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldkit.domain.messages import Message, Texts, localised, verbatim
from fieldkit.forms.definition import load_form
from fieldkit.services.drafts import INSTALL, INSTALL_FORM, ONBOARDING, READING
from fieldkit.services.readings import MANUAL_REASONS, REGISTER_NAMES
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store import documents as doc_repo
from fieldkit.store import drafts as repo
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.drafts import Draft

_M = Texts("services.superseded_drafts")
_REASON, _NOTE, _CONFIRMATION = _M("Reason"), _M("Note"), _M("Why it is saved anyway")


@dataclass(frozen=True)
class DraftLine:
    """One answer as typed: its label and, for a chosen reason, its words translated when shown."""

    label: Message  # the form's own label (`localised`), a register's name or a marked text
    value: str  # as typed (a number, a note...)
    words: Message | None = None  # a chosen code's words (the manual entry's reason), instead of the code

    def text(self, lang: str | None = None) -> str:
        return f"{self.label.text(lang)}: {self.words.text(lang) if self.words is not None else self.value}"


@dataclass(frozen=True)
class Superseded:
    """A superseded draft as its person reads it before discarding it."""

    draft: Draft
    title: str  # the work order's number, the household's name or the meter's serial
    by_name: str  # who saved the record that overtook it ("" when not known)
    by_at: str  # when that record was stored on this laptop (ISO UTC; "" when not known)
    lines: list[DraftLine]  # what was typed
    photos: int  # photos kept with the draft


def _value_text(v: Any) -> str:
    if isinstance(v, dict):
        if "lat" in v or "lon" in v:
            return f"{v.get('lat', '')}, {v.get('lon', '')}"
        return " · ".join(f"{k} {x}" for k, x in v.items() if k != "source" and x not in (None, ""))
    if isinstance(v, list):
        return ", ".join(_value_text(x) for x in v)
    return "" if v is None else str(v)


def _lines(d: Draft) -> list[DraftLine]:
    values = d.data.get("values") or {}
    if not isinstance(values, dict):
        return []
    labels: dict[str, Message] = {}
    kinds: dict[str, str] = {}
    if d.kind == INSTALL:
        try:
            form = load_form(d.form_id or INSTALL_FORM, d.form_version)
        except (OSError, ValueError, KeyError):
            form = None
        if form is not None:
            for f in form.fields:
                labels[f.id] = localised(f.label)  # the form file's own words (data)
                kinds[f.id] = f.type
    out: list[DraftLine] = []
    for fid, v in values.items():
        if kinds.get(fid) in ("photo", "signature"):
            continue  # counted as photos / shown as "signed", never as a hash
        text = _value_text(v).strip()
        if text:
            register = REGISTER_NAMES.get(str(fid).split("*")[0]) if d.kind == READING else None
            out.append(DraftLine(labels.get(fid) or register or verbatim(str(fid)), text[:300]))
    if d.kind == READING:  # the manual entry: registers by name (above), the reason by its words
        reasons = dict(MANUAL_REASONS)
        code = d.data.get("reason")
        if isinstance(code, str) and code in reasons:
            out.append(DraftLine(_REASON, code, reasons[code]))
    for key, label in (("note", _NOTE), ("confirmation", _CONFIRMATION)):
        if isinstance(d.data.get(key), str) and d.data[key].strip():
            out.append(DraftLine(label, d.data[key].strip()[:300]))
    return out


def superseded(session: Session, kind: str, ref: str) -> Superseded | None:
    """One of the person's superseded drafts, to read before discarding it."""
    with session.store.read() as conn:
        d = repo.get(conn, kind, ref, session.user_id)
        if d is None:
            return None
        by = d.superseded_by or ""
        stamp = None
        if d.kind == INSTALL and by and not by.startswith("state:"):
            stamp = doc_repo.install_stamp(conn, by)
        elif d.kind == ONBOARDING and by and not by.startswith("state:"):
            stamp = doc_repo.step_stamp(conn, by)
        name = doc_repo.person_name(conn, stamp.recorded_by) if stamp else ""
        wo = wo_repo.get_work_order(conn, d.work_order_id) if d.work_order_id else None
        c = customer_repo.get(conn, d.customer_id) if d.customer_id else None
        meter = wo_repo.get_meter(conn, d.ref.split(repo.ASIDE)[0]) if d.kind == READING else None
        title = wo.number if wo else meter.serial if meter else (c.name if c else d.ref.split(repo.ASIDE)[0][:8])
    photos = sum(len(items) for items in (d.data.get("photos") or {}).values() if isinstance(items, list))
    return Superseded(d, title, name, stamp.recorded_at if stamp else "", _lines(d), photos)
