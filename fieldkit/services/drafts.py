"""Drafts: every form and the onboarding flow keep what was typed, as it is typed.

- A draft is one row of the encrypted store per (kind, record, person): the install form of a
  work order, or the current onboarding screen of a household. It is overwritten on each
  autosave and deleted when the record is submitted, in the submit's own transaction
  (`installs.complete_install`, `onboarding_flow._append`).
- Drafts do not sync (no outbox entry): a half-typed form is not a fact, the server would
  have to store and serve versions nobody submitted, and a supervisor must never review one.
  See docs/forms.md, "Drafts".
- Photos are written to the encrypted attachment store when they are added and the draft keeps
  their sha256; a signature still being drawn is kept as its strokes; a signature taken from a
  submitted record (a returned order) is kept by its sha256.
- A draft saved after its record was submitted (a late autosave) is refused in the same
  transaction: its `base` (the record it was typed over) is no longer the newest.
- A draft overtaken by a record that arrived by sync (the order done on another laptop, the
  step saved elsewhere, a newer reading of the meter) is never deleted silently: `set_aside_stale`
  marks it superseded and moves it out of its form's slot; the Today page lists it, `superseded`
  shows what was typed, and only `discard` (the person's deliberate act) deletes it.
- The manual entry of a meter's index has its draft too (`save_reading`, kind `reading`, keyed by
  the meter), deleted in the reading's own transaction (`field_facts.record_reading`).

Nothing here knows about Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from fieldkit.domain import onboarding as flow
from fieldkit.domain.local_time import VIETNAM, local_today
from fieldkit.domain.models import Install, WorkOrderState
from fieldkit.forms.definition import load_form
from fieldkit.services import work_orders
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store import documents as doc_repo
from fieldkit.store import drafts as repo
from fieldkit.store import field_facts as facts_repo
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.drafts import INSTALL, ONBOARDING, READING, Draft

__all__ = ["INSTALL", "ONBOARDING", "READING", "Draft", "InstallStart", "Today", "TodayItem", "discard", "files_of",
           "install_draft_from_record", "new_household_draft", "onboarding_drafts", "open_install", "reading_draft",
           "save_install", "save_new_household", "save_onboarding", "save_reading", "set_aside_stale", "today"]

INSTALL_FORM = "meter_install"
OPEN = (WorkOrderState.ASSIGNED, WorkOrderState.IN_PROGRESS, WorkOrderState.RETURNED)


@dataclass(frozen=True)
class InstallStart:
    """What the install form needs to open a work order where it was left."""

    draft: Draft | None  # the draft to reopen (kept, or made now from a returned order's record)
    base: str | None  # the newest install record of the order (drafts are typed over it)
    returned: bool
    comment: str  # the supervisor's comment when the order was returned
    seeded: bool  # the draft was made now from the submitted record
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # sha256 -> (content, mime)
    superseded: int = 0  # the person's earlier drafts of this order overtaken by a record: kept (Today)


def _latest_install(conn: Any, work_order_id: str) -> Install | None:
    records = facts_repo.installs_of_work_order(conn, work_order_id)
    return records[-1] if records else None


def _mimes(conn: Any, shas: list[str]) -> dict[str, str]:
    if not shas:
        return {}
    rows = conn.execute(f"SELECT sha256, mime FROM attachments WHERE sha256 IN ({', '.join('?' * len(shas))})",
                        tuple(shas)).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def install_draft_from_record(install: Install, mimes: dict[str, str]) -> dict[str, Any]:
    """A returned order's submitted record as draft data: every answer, photo and signature kept
    (photos and signatures by their sha256), so only what the supervisor asked is redone."""
    form = load_form(install.form_id, install.form_version)
    values = {k: v for k, v in install.data.items() if k != "attachments"}
    photos: dict[str, list[dict[str, str]]] = {}
    for f in form.fields:
        if f.type == "photo" and isinstance(values.get(f.id), list):
            photos[f.id] = [{"sha": s, "mime": mimes.get(s, "image/jpeg"),  # named by number: no field ids on screen
                             "name": f"{i + 1}.{'png' if mimes.get(s) == 'image/png' else 'jpg'}"}
                            for i, s in enumerate(values[f.id]) if isinstance(s, str)]
    return {"values": values, "photos": photos, "strokes": {}, "from_record": install.id}


def _referenced(data: dict[str, Any]) -> list[str]:
    shas = [p["sha"] for items in (data.get("photos") or {}).values() for p in items if isinstance(p, dict)]
    strokes = data.get("strokes") or {}
    values = data.get("values") or {}
    for fid, v in values.items():
        if isinstance(v, str) and len(v) == 64 and fid not in strokes and all(c in "0123456789abcdef" for c in v):
            shas.append(v)  # a kept signature
    return shas


def files_of(session: Session, shas: list[str], mimes: dict[str, str] | None = None) -> dict[str, tuple[bytes, str]]:
    """Decrypted photos / signatures for a form to show again (only those still in the store)."""
    if mimes is None:
        with session.store.lock:
            mimes = _mimes(session.store.conn, shas)
    out: dict[str, tuple[bytes, str]] = {}
    for sha in shas:
        if session.attachments.has(sha):
            out[sha] = (session.attachments.get(sha), mimes.get(sha, "image/png"))
    return out


def open_install(session: Session, work_order_id: str) -> InstallStart:
    """The install form's starting point: the person's draft if there is one; else, for a returned
    order, a draft made now from the last submitted record (saved, so a crash keeps it too)."""
    with session.store.transaction(actor=session.user_id) as tx:
        latest = _latest_install(tx.conn, work_order_id)
        base = latest.id if latest else None
        draft = repo.get(tx.conn, INSTALL, work_order_id, session.user_id)
        # returned (or started again after a return): the comment, and the record to reopen
        context = work_orders.returned_context(tx.conn, work_order_id)
        returned = context is not None
        comment = context.comment if context else ""
        if context is not None and context.record_entity == "install" and context.record_id:
            records = facts_repo.installs_of_work_order(tx.conn, work_order_id)
            latest = next((r for r in records if r.id == context.record_id), latest)
        seeded = False
        if draft is not None and _overtaken(tx, draft) is not None:  # a record came by sync: kept aside
            draft = None
        if draft is None and returned and latest is not None:
            shas = [s for s in latest.data.get("attachments", []) if isinstance(s, str)]
            draft = Draft(kind=INSTALL, ref=work_order_id, user_id=session.user_id, work_order_id=work_order_id,
                          customer_id=latest.customer_id, form_id=latest.form_id, form_version=latest.form_version,
                          base=base, data=install_draft_from_record(latest, _mimes(tx.conn, shas)))
            repo.upsert(tx.conn, draft, tx.now)
            draft = repo.get(tx.conn, INSTALL, work_order_id, session.user_id)
            tx.audit("draft", f"{INSTALL}:{work_order_id}", "seed", detail=f"from install {latest.id}")
            seeded = True
        shas = _referenced(draft.data) if draft else []
        mimes = _mimes(tx.conn, shas)
        kept_aside = repo.superseded_count(tx.conn, INSTALL, work_order_id, session.user_id)
    return InstallStart(draft=draft, base=base, returned=returned, comment=comment, seeded=seeded,
                        files=files_of(session, shas, mimes) if draft else {}, superseded=kept_aside)


def save_install(session: Session, work_order_id: str, data: dict[str, Any], files: list[bytes] | None = None,
                 base: str | None = None, form_version: int | None = None) -> bool:
    """Autosave of the install form. Photos go to the encrypted attachment store first (the draft
    keeps their sha256). False (nothing written) when the order is no longer open or its record
    changed since the form was opened (the submit won)."""
    shas = [session.attachments.put(content) for content in files or []]
    with session.store.transaction(actor=session.user_id) as tx:
        wo = wo_repo.get_work_order(tx.conn, work_order_id)
        latest = _latest_install(tx.conn, work_order_id)
        if wo is None or wo.state not in OPEN or (latest.id if latest else None) != base:
            return False
        _keep_files(session, tx, files or [], shas)
        draft = Draft(kind=INSTALL, ref=work_order_id, user_id=session.user_id, work_order_id=work_order_id,
                      customer_id=wo.customer_id, form_id=INSTALL_FORM, form_version=form_version, base=base,
                      data=data)
        if repo.upsert(tx.conn, draft, tx.now):
            tx.audit("draft", f"{INSTALL}:{work_order_id}", "create")
    return True


def save_onboarding(session: Session, customer_id: str, step: str, data: dict[str, Any],
                    base: str | None = None) -> bool:
    """Autosave of the onboarding screen `step` of a household; `base` is the step's record the
    screen was filled from (None: not saved yet). False when that step was saved since."""
    with session.store.transaction(actor=session.user_id) as tx:
        current = flow.latest_records(facts_repo.onboarding_steps_of(tx.conn, customer_id)).get(step)
        if (current.id if current else None) != base or customer_repo.get(tx.conn, customer_id) is None:
            return False
        ref = repo.onboarding_ref(customer_id, step)
        draft = Draft(kind=ONBOARDING, ref=ref, user_id=session.user_id, customer_id=customer_id,
                      step=step, base=base, data=data)
        if repo.upsert(tx.conn, draft, tx.now):
            tx.audit("draft", f"{ONBOARDING}:{ref}", "create", detail=step)
    return True


def save_new_household(session: Session, data: dict[str, Any]) -> bool:
    """Autosave of the new-household form (before the household exists); deleted by
    `onboarding.start_new_household` in the transaction that registers the household."""
    with session.store.transaction(actor=session.user_id) as tx:
        ref = repo.new_household_ref(session.user_id)
        draft = Draft(kind=ONBOARDING, ref=ref, user_id=session.user_id, step=flow.HOUSEHOLD, data=data)
        if repo.upsert(tx.conn, draft, tx.now):
            tx.audit("draft", f"{ONBOARDING}:{ref}", "create", detail=flow.HOUSEHOLD)
    return True


def new_household_draft(session: Session) -> Draft | None:
    with session.store.lock:
        return repo.get(session.store.conn, ONBOARDING, repo.new_household_ref(session.user_id), session.user_id)


def onboarding_drafts(session: Session, customer_id: str) -> list[Draft]:
    """The person's unsaved screens of this household, newest first, that still apply (their step
    was not saved since); stale ones are dropped."""
    with session.store.transaction(actor=session.user_id) as tx:
        records = flow.latest_records(facts_repo.onboarding_steps_of(tx.conn, customer_id))
        kept: list[Draft] = []
        for d in repo.of_customer(tx.conn, ONBOARDING, customer_id, session.user_id):
            current = records.get(d.step)
            if (current.id if current else None) != d.base:  # the step was saved elsewhere: kept aside
                _set_aside(tx, d, current.id if current else "state:missing")
            else:
                kept.append(d)
        return kept


def draft_of(session: Session, kind: str, ref: str) -> Draft | None:
    with session.store.lock:
        return repo.get(session.store.conn, kind, ref, session.user_id)


def discard(session: Session, kind: str, ref: str) -> bool:
    """The person deletes their draft deliberately (a superseded one too); the photos only it used
    leave the attachment store (`draft_files.clean`)."""
    with session.store.transaction(actor=session.user_id) as tx:
        gone = repo.delete_one(tx.conn, kind, ref, session.user_id) > 0
        if gone:
            tx.audit("draft", f"{kind}:{ref}", "discard")
    if gone:
        from fieldkit.services import draft_files

        draft_files.clean(session)
    return gone


# --- files kept by a draft ------------------------------------------------------------------


def _keep_files(session: Session, tx: Any, files: list[bytes], shas: list[str]) -> None:
    """Inside the draft's transaction: every photo it references is in the store (a cleaning run
    between the `put` and this transaction may have removed an identical, unreferenced one: put it
    again, under the write lock the cleaning also holds) and is noted as a draft file."""
    for content, sha in zip(files, shas, strict=True):
        if not session.attachments.has(sha):
            session.attachments.put(content)
    repo.note_files(tx.conn, shas, tx.now)


# --- superseded drafts ----------------------------------------------------------------------


def _latest_reading_id(conn: Any, meter_id: str) -> str | None:
    """The reading of the meter stored last on this laptop (typed here or pulled by sync)."""
    row = conn.execute("SELECT id FROM readings WHERE meter_id = ? ORDER BY rowid DESC LIMIT 1", (meter_id,)).fetchone()
    return str(row[0]) if row else None


def _overtaken_by(conn: Any, d: Draft) -> str | None:
    """What overtook a live draft (a record id, "state:<state>"); None: it is still current. Reads only."""
    if d.kind == INSTALL and d.work_order_id:
        wo = wo_repo.get_work_order(conn, d.work_order_id)
        latest = _latest_install(conn, d.work_order_id)
        if wo is None:
            return "state:missing"
        if (latest.id if latest else None) != d.base:
            return latest.id if latest else "state:missing"
        if wo.state not in OPEN:
            return f"state:{wo.state.value}"
    elif d.kind == ONBOARDING and d.customer_id and d.step:
        current = flow.latest_records(facts_repo.onboarding_steps_of(conn, d.customer_id)).get(d.step)
        if (current.id if current else None) != d.base:
            return current.id if current else "state:missing"
    elif d.kind == READING:
        latest_id = _latest_reading_id(conn, d.ref)
        if latest_id != d.base:
            return latest_id or "state:missing"
    return None


def _overtaken(tx: Any, d: Draft) -> str | None:
    """`_overtaken_by`, and the draft set aside (kept, superseded) when it was overtaken."""
    by = _overtaken_by(tx.conn, d)
    if by is not None:
        _set_aside(tx, d, by)
    return by


def _set_aside(tx: Any, d: Draft, by: str) -> None:
    aside = repo.set_aside(tx.conn, d, by, tx.now)
    tx.audit("draft", f"{d.kind}:{d.ref}", "superseded", detail=f"by {by}; kept as {aside}")


def set_aside_stale(session: Session) -> int:
    """Mark superseded (and keep) the person's drafts that a record pulled by sync overtook; the
    Today page runs it before it lists the drafts. Returns how many were set aside now."""
    with session.store.read() as conn:  # most loads find nothing: no write transaction then
        mine = [d for kind in (INSTALL, ONBOARDING, READING) for d in repo.live(conn, kind, session.user_id)
                if _overtaken_by(conn, d) is not None]
    if not mine:
        return 0
    n = 0
    with session.store.transaction(actor=session.user_id) as tx:
        for d in mine:
            current = repo.get(tx.conn, d.kind, d.ref, d.user_id)
            if current is not None and not current.superseded and _overtaken(tx, current) is not None:
                n += 1
    return n


# --- the manual reading --------------------------------------------------------------------


def reading_draft(session: Session, meter_id: str) -> tuple[Draft | None, str | None, dict[str, tuple[bytes, str]]]:
    """The manual entry's draft of this meter (a superseded one is set aside, not returned), the
    reading it is typed over (`base` for `save_reading`) and its photo decrypted."""
    with session.store.transaction(actor=session.user_id) as tx:
        base = _latest_reading_id(tx.conn, meter_id)
        draft = repo.get(tx.conn, READING, meter_id, session.user_id)
        if draft is not None and _overtaken(tx, draft) is not None:
            draft = None
        shas = _referenced(draft.data) if draft else []
        mimes = _mimes(tx.conn, shas)
    return draft, base, files_of(session, shas, mimes) if draft else {}


def save_reading(session: Session, meter_id: str, data: dict[str, Any], files: list[bytes] | None = None,
                 base: str | None = None, work_order_id: str | None = None, customer_id: str | None = None) -> bool:
    """Autosave of the manual entry of a meter's index: `{"values": {obis: text}, "reason": code,
    "note": text, "confirmation": text, "photos": {"photo": [{"sha", "mime", "name"}]}}`. False
    (nothing written) when a reading of the meter was stored since `base` (the save won)."""
    shas = [session.attachments.put(content) for content in files or []]
    with session.store.transaction(actor=session.user_id) as tx:
        if wo_repo.get_meter(tx.conn, meter_id) is None or _latest_reading_id(tx.conn, meter_id) != base:
            return False
        _keep_files(session, tx, files or [], shas)
        draft = Draft(kind=READING, ref=meter_id, user_id=session.user_id, work_order_id=work_order_id,
                      customer_id=customer_id, base=base, data=data)
        if repo.upsert(tx.conn, draft, tx.now):
            tx.audit("draft", f"{READING}:{meter_id}", "create")
    return True


# --- the "today" view ----------------------------------------------------------------------


@dataclass(frozen=True)
class TodayItem:
    kind: str  # install | onboarding | reading | work_order kind
    ref: str  # work order id, customer id or meter id
    title: str  # work order number, or the household's name
    detail: str  # the customer, the onboarding step, a sync problem
    at: str  # ISO time (UTC) of the last change
    comment: str = ""  # a returned order: the supervisor's comment
    work_order_id: str | None = None
    customer_id: str | None = None
    step: str = ""
    problem: str = ""  # waiting: the server refused it (quarantined) with this reason
    superseded: bool = False  # a draft overtaken by a record from sync: kept until discarded
    overtaken_by: str = ""  # who saved that record (when known)
    overtaken_at: str = ""  # ISO time (UTC) of that record, else of the setting aside


@dataclass(frozen=True)
class Today:
    drafts: list[TodayItem]
    waiting: list[TodayItem]  # submitted, not yet on the server
    sent: list[TodayItem]  # submitted today and on the server
    returned: list[TodayItem]  # returned by the supervisor, with the comment


def _day_start_utc(day: date) -> str:
    local = datetime.combine(day, time.min, tzinfo=VIETNAM)
    return local.astimezone(UTC).isoformat(timespec="milliseconds")


def today(session: Session, day: date | None = None) -> Today:
    """Drafts, waiting to send, sent today, returned: the person's day at a glance."""
    import json

    day = day or local_today()
    start = _day_start_utc(day)
    with session.store.read() as conn:
        names: dict[str, tuple[str, str]] = {}

        def customer(cid: str | None) -> tuple[str, str]:
            if not cid:
                return "", ""
            if cid not in names:
                c = customer_repo.get(conn, cid)
                names[cid] = (c.name, c.code) if c else ("", "")
            return names[cid]

        def order(wo_id: str | None) -> Any:
            return wo_repo.get_work_order(conn, wo_id) if wo_id else None

        drafts: list[TodayItem] = []
        households: set[str] = set()
        for d in repo.of_user(conn, session.user_id):  # newest first: a household shows its latest screen
            if d.kind == ONBOARDING and not d.superseded:
                if d.customer_id in households:
                    continue
                households.add(d.customer_id or "")
            name, code = customer(d.customer_id)
            if d.kind == ONBOARDING and d.customer_id is None:  # a household not registered yet
                name = str(d.data.get("name") or "") or "…"
            wo = order(d.work_order_id)
            title = wo.number if wo else name
            detail = f"{name} ({code})" if wo and name else code
            if d.kind == READING:
                meter = wo_repo.get_meter(conn, d.ref.split(repo.ASIDE)[0])
                title = (meter.serial if meter else "") or title or "…"
            by_name = by_at = ""
            if d.superseded and d.superseded_by and not d.superseded_by.startswith("state:"):
                stamp = (doc_repo.install_stamp(conn, d.superseded_by) if d.kind == INSTALL else
                         doc_repo.step_stamp(conn, d.superseded_by) if d.kind == ONBOARDING else None)
                by_name = doc_repo.person_name(conn, stamp.recorded_by) if stamp else ""
                by_at = stamp.recorded_at if stamp else ""
            drafts.append(TodayItem(d.kind, d.ref, title, detail, d.updated_at, work_order_id=d.work_order_id,
                                    customer_id=d.customer_id, step=d.step, superseded=d.superseded,
                                    overtaken_by=by_name, overtaken_at=by_at or (d.superseded_at or "")))
        rows = conn.execute(
            "SELECT entity, entity_id, action, payload, state, last_error, device_time FROM outbox "
            "WHERE actor = ? AND entity IN ('install', 'reading', 'onboarding_step', 'work_order') "
            "AND (state != 'sent' OR device_time >= ?) ORDER BY seq", (session.user_id, start)).fetchall()
        groups: dict[tuple[str, str], dict[str, Any]] = {}
        for entity, entity_id, action, payload, state, error, at in rows:
            p = json.loads(payload)
            if entity == "work_order":
                if action != "status":
                    continue
                key, wo_id, cid = ("work_order", entity_id), entity_id, None
            elif entity == "onboarding_step":
                key, wo_id, cid = ("onboarding", str(p.get("customer_id"))), None, p.get("customer_id")
            else:
                wo_id = p.get("work_order_id")
                key = ("work_order", wo_id) if wo_id else ("reading", str(p.get("meter_id")))
                cid = p.get("customer_id")
            g = groups.setdefault(key, {"wo": wo_id, "cid": cid, "states": set(), "at": at, "error": ""})
            g["states"].add(state)
            g["at"] = max(g["at"], at)
            g["cid"] = g["cid"] or cid
            if state == "quarantined":
                g["error"] = error
        waiting: list[TodayItem] = []
        sent: list[TodayItem] = []
        for (kind, ref), g in groups.items():
            wo = order(g["wo"])
            if wo is not None and wo.state is WorkOrderState.RETURNED:
                continue  # shown with the returned ones, with the comment
            name, code = customer(g["cid"] or (wo.customer_id if wo else None))
            if wo is not None:
                item = TodayItem(wo.kind.value, ref, wo.number, f"{name} ({code})" if name else "", g["at"],
                                 work_order_id=wo.id, customer_id=wo.customer_id, problem=g["error"])
            else:
                item = TodayItem(kind, ref, name or ref[:8], code, g["at"], customer_id=g["cid"],
                                 problem=g["error"])
            (sent if g["states"] == {"sent"} else waiting).append(item)
        returned: list[TodayItem] = []
        for wo in wo_repo.list_work_orders(conn, wo_repo.WorkOrderQuery(
                states=(WorkOrderState.RETURNED,), assignee_id=session.user_id)):
            name, code = customer(wo.customer_id)
            returned.append(TodayItem(wo.kind.value, wo.id, wo.number, f"{name} ({code})" if name else "", "",
                                      comment=wo.review_comment, work_order_id=wo.id, customer_id=wo.customer_id))
    waiting.sort(key=lambda i: i.at, reverse=True)
    sent.sort(key=lambda i: i.at, reverse=True)
    return Today(drafts, waiting, sent, returned)
