"""Field facts: record a reading, an install, an onboarding step, an attachment.

Each is append-only and one transaction: the record, its attachments' metadata, their
outbox entries and audit lines commit together or not at all. Attachment files are
written (content-addressed, fsynced) before the transaction, so a committed record never
points at a missing file; a file left by a transaction that did not commit is harmless.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from fieldkit.domain.ids import new_id
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import (
    Attachment,
    Install,
    OnboardingStep,
    Reading,
    ReadingSource,
    RegisterValue,
)
from fieldkit.domain.problems import Problem, ValidationError, check
from fieldkit.domain.validation import reading_problems
from fieldkit.services import work_orders as life
from fieldkit.services.session import Session
from fieldkit.store import drafts as drafts_repo
from fieldkit.store import field_facts as repo
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.database import Tx

_M = Texts("services.field_facts")


def _attach(session: Session, tx: Tx, data: bytes, mime: str, kind: str, sha: str) -> None:
    if repo.insert_attachment(tx.conn, Attachment(sha, len(data), mime, kind), tx.now):
        tx.change("attachment", sha, "create", {"sha256": sha, "size": len(data), "mime": mime, "kind": kind})


def store_attachment(session: Session, data: bytes, mime: str, kind: str) -> str:
    """Keep a photo, signature, capture or document; returns its sha256."""
    sha = session.attachments.put(data)
    with session.store.transaction(actor=session.user_id) as tx:
        _attach(session, tx, data, mime, kind, sha)
    return sha


def record_reading(
    session: Session, *, meter_id: str, registers: dict[str, RegisterValue], source: ReadingSource,
    taken_at: datetime | None = None, work_order_id: str | None = None, customer_id: str | None = None,
    manual_reason: str = "", capture: bytes | None = None, photo: bytes | None = None,
    photo_mime: str = "image/jpeg", supersedes: str | None = None,
    events: tuple[tuple[int | None, int], ...] = (), load_profile: dict[str, Any] | None = None,
    in_transaction: Callable[[Any], None] | None = None,
) -> Reading:
    """`in_transaction(conn)`: a last check in the write's own transaction (it raises to refuse)."""
    reading = Reading(
        id=new_id(), meter_id=meter_id, taken_at=taken_at or datetime.now(UTC), source=source,
        registers=registers, customer_id=customer_id, work_order_id=work_order_id,
        manual_reason=manual_reason.strip(), supersedes=supersedes, recorded_by=session.user_id,
        events=events, load_profile=load_profile,
    )
    check(reading_problems(reading))
    if source is ReadingSource.MANUAL and photo is None:
        raise ValidationError([Problem(
            "photo", "required",
            _M("A manual reading needs a photo of the meter face."),
        )])
    capture_sha = session.attachments.put(capture) if capture is not None else None
    photo_sha = session.attachments.put(photo) if photo is not None else None
    reading = replace(reading, capture_sha256=capture_sha, photo_sha256=photo_sha)
    with session.store.transaction(actor=session.user_id) as tx:
        if wo_repo.get_meter(tx.conn, meter_id) is None:
            raise ValidationError([Problem("meter", "missing", _M("Meter not found."))])
        if in_transaction is not None:
            in_transaction(tx.conn)
        if supersedes is not None and repo.get_reading(tx.conn, supersedes) is None:
            raise ValidationError([Problem("supersedes", "missing", _M("The reading to correct was not found."))])
        if capture is not None and capture_sha is not None:
            _attach(session, tx, capture, "application/json", "capture", capture_sha)
        if photo is not None and photo_sha is not None:
            _attach(session, tx, photo, photo_mime, "photo", photo_sha)
        if supersedes is None and (earlier := life.record_to_supersede(tx.conn, work_order_id, "reading")):
            reading = replace(reading, supersedes=earlier)  # the resubmission of a returned order
        repo.insert_reading(tx.conn, reading, tx.now)
        drafts_repo.replaced(tx, drafts_repo.READING, meter_id, reading.id)  # the manual entry's draft
        tx.change("reading", reading.id, "append", repo.reading_payload(reading))
        life.submit_with_record(tx, session, work_order_id, "reading", reading.id)
    return reading


def record_install(
    session: Session, *, work_order_id: str, installed_meter_serial: str, data: dict[str, Any],
    removed_meter_serial: str = "", form_id: str = "meter_install", form_version: int = 1,
    attachments: list[tuple[bytes, str, str]] | None = None, supersedes: str | None = None,
) -> Install:
    """`attachments`: (content, mime, kind) for photos and signatures referenced by `data`."""
    if not installed_meter_serial.strip():
        raise ValidationError([Problem("installed_meter_serial", "required", _M("The serial of the installed meter is missing."))])
    files = [(content, mime, kind, session.attachments.put(content)) for content, mime, kind in attachments or []]
    with session.store.transaction(actor=session.user_id) as tx:
        wo = wo_repo.get_work_order(tx.conn, work_order_id)
        if wo is None:
            raise ValidationError([Problem("work_order", "missing", _M("Work order not found."))])
        install = Install(
            id=new_id(), work_order_id=work_order_id, customer_id=wo.customer_id,
            installed_meter_serial=installed_meter_serial.strip(), removed_meter_serial=removed_meter_serial.strip(),
            form_id=form_id, form_version=form_version,
            data=data | {"attachments": [f[3] for f in files]} if files else data,
            supersedes=supersedes or life.record_to_supersede(tx.conn, work_order_id, "install"),
            recorded_by=session.user_id,
        )
        for content, mime, kind, sha in files:
            _attach(session, tx, content, mime, kind, sha)
        repo.insert_install(tx.conn, install, tx.now)
        tx.change("install", install.id, "append", repo.install_payload(install))
        life.submit_with_record(tx, session, work_order_id, "install", install.id)
    return install


def record_onboarding_step(
    session: Session, *, customer_id: str, step: str, data: dict[str, Any], work_order_id: str | None = None,
    attachments: list[tuple[bytes, str, str]] | None = None,
) -> OnboardingStep:
    if not step:
        raise ValueError("step name is required")
    files = [(content, mime, kind, session.attachments.put(content)) for content, mime, kind in attachments or []]
    with session.store.transaction(actor=session.user_id) as tx:
        previous = [s for s in repo.onboarding_steps_of(tx.conn, customer_id) if s.step == step]
        item = OnboardingStep(
            id=new_id(), customer_id=customer_id, step=step,
            data=data | {"attachments": [f[3] for f in files]} if files else data,
            work_order_id=work_order_id or life.onboarding_order(tx.conn, customer_id),
            supersedes=previous[-1].id if previous else None, recorded_by=session.user_id,
        )
        for content, mime, kind, sha in files:
            _attach(session, tx, content, mime, kind, sha)
        repo.insert_onboarding_step(tx.conn, item, tx.now)
        tx.change("onboarding_step", item.id, "append", repo.onboarding_payload(item))
        life.submit_finished_onboarding(tx, session, item)
    return item


def readings_of_meter(session: Session, meter_id: str, limit: int = 24) -> list[Reading]:
    with session.store.lock:
        return repo.readings_of_meter(session.store.conn, meter_id, limit)
