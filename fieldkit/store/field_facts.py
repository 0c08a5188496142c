"""Append-only field facts: readings, installs, onboarding steps, attachments.

Only INSERT is offered here; the schema's triggers refuse UPDATE and DELETE on these
tables, so a correction is always a new row that `supersedes` the old one.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from fieldkit.domain.models import (
    Attachment,
    Install,
    OnboardingStep,
    Reading,
    ReadingSource,
    RegisterValue,
)
from fieldkit.store.database import dumps

READING_COLUMNS = (
    "id, meter_id, taken_at, source, registers, customer_id, work_order_id, manual_reason, "
    "capture_sha256, photo_sha256, supersedes, recorded_by, events, load_profile"
)


def _memory(r: Reading) -> tuple[str, str]:
    return (json.dumps([list(e) for e in r.events], separators=(",", ":")) if r.events else "",
            json.dumps(r.load_profile, separators=(",", ":")) if r.load_profile else "")


def registers_json(registers: dict[str, RegisterValue]) -> str:
    return dumps({k: {"value": str(v.value), "unit": v.unit} for k, v in registers.items()})


def registers_from_json(text: str) -> dict[str, RegisterValue]:
    raw = json.loads(text)
    return {k: RegisterValue(Decimal(v["value"]), v.get("unit", "")) for k, v in raw.items()}


def reading_payload(r: Reading) -> dict[str, Any]:
    return {
        "id": r.id, "meter_id": r.meter_id, "taken_at": r.taken_at.isoformat(), "source": r.source.value,
        "registers": json.loads(registers_json(r.registers)), "customer_id": r.customer_id,
        "work_order_id": r.work_order_id, "manual_reason": r.manual_reason,
        "capture_sha256": r.capture_sha256, "photo_sha256": r.photo_sha256, "supersedes": r.supersedes,
        "recorded_by": r.recorded_by,
        # only when there are any: a mode C reading's payload is as before
        **({"events": [list(e) for e in r.events]} if r.events else {}),
        **({"load_profile": r.load_profile} if r.load_profile else {}),
    }


def insert_reading(conn: Any, r: Reading, now: str) -> None:
    conn.execute(
        f"INSERT INTO readings ({READING_COLUMNS}, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            r.id, r.meter_id, r.taken_at.isoformat(), r.source.value, registers_json(r.registers),
            r.customer_id, r.work_order_id, r.manual_reason, r.capture_sha256, r.photo_sha256,
            r.supersedes, r.recorded_by, *_memory(r), now,
        ),
    )


def insert_reading_or_ignore(conn: Any, r: Reading, now: str) -> None:
    """For readings that arrive from the server (pull): idempotent."""
    conn.execute(
        f"INSERT OR IGNORE INTO readings ({READING_COLUMNS}, recorded_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            r.id, r.meter_id, r.taken_at.isoformat(), r.source.value, registers_json(r.registers),
            r.customer_id, r.work_order_id, r.manual_reason, r.capture_sha256, r.photo_sha256,
            r.supersedes, r.recorded_by, *_memory(r), now,
        ),
    )


def reading_from_row(row: Any) -> Reading:
    return Reading(
        id=row[0], meter_id=row[1], taken_at=datetime.fromisoformat(row[2]), source=ReadingSource(row[3]),
        registers=registers_from_json(row[4]), customer_id=row[5], work_order_id=row[6],
        manual_reason=row[7], capture_sha256=row[8], photo_sha256=row[9], supersedes=row[10],
        recorded_by=row[11],
        events=tuple((e[0], e[1]) for e in json.loads(row[12])) if row[12] else (),
        load_profile=json.loads(row[13]) if row[13] else None,
    )


def get_reading(conn: Any, reading_id: str) -> Reading | None:
    row = conn.execute(f"SELECT {READING_COLUMNS} FROM readings WHERE id = ?", (reading_id,)).fetchone()
    return reading_from_row(row) if row else None


def readings_of_meter(conn: Any, meter_id: str, limit: int = 24, current_only: bool = True) -> list[Reading]:
    """Newest first. With `current_only`, readings that a later correction superseded are left out."""
    extra = " AND id NOT IN (SELECT supersedes FROM readings WHERE supersedes IS NOT NULL)" if current_only else ""
    rows = conn.execute(
        f"SELECT {READING_COLUMNS} FROM readings WHERE meter_id = ?{extra} ORDER BY taken_at DESC LIMIT ?",
        (meter_id, limit),
    ).fetchall()
    return [reading_from_row(r) for r in rows]


def install_payload(i: Install) -> dict[str, Any]:
    return {
        "id": i.id, "work_order_id": i.work_order_id, "customer_id": i.customer_id,
        "installed_meter_serial": i.installed_meter_serial, "removed_meter_serial": i.removed_meter_serial,
        "form_id": i.form_id, "form_version": i.form_version, "data": i.data, "supersedes": i.supersedes,
        "recorded_by": i.recorded_by,
    }


def insert_install(conn: Any, i: Install, now: str) -> None:
    conn.execute(
        "INSERT INTO installs (id, work_order_id, customer_id, installed_meter_serial, removed_meter_serial, "
        "form_id, form_version, data, supersedes, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            i.id, i.work_order_id, i.customer_id, i.installed_meter_serial, i.removed_meter_serial,
            i.form_id, i.form_version, dumps(i.data), i.supersedes, i.recorded_by, now,
        ),
    )


def installs_of_work_order(conn: Any, work_order_id: str) -> list[Install]:
    rows = conn.execute(
        "SELECT id, work_order_id, customer_id, installed_meter_serial, removed_meter_serial, form_id, "
        "form_version, data, supersedes, recorded_by FROM installs WHERE work_order_id = ? ORDER BY recorded_at",
        (work_order_id,),
    ).fetchall()
    return [
        Install(
            id=r[0], work_order_id=r[1], customer_id=r[2], installed_meter_serial=r[3],
            removed_meter_serial=r[4], form_id=r[5], form_version=r[6], data=json.loads(r[7]),
            supersedes=r[8], recorded_by=r[9],
        )
        for r in rows
    ]


def onboarding_payload(s: OnboardingStep) -> dict[str, Any]:
    return {
        "id": s.id, "customer_id": s.customer_id, "work_order_id": s.work_order_id, "step": s.step,
        "data": s.data, "supersedes": s.supersedes, "recorded_by": s.recorded_by,
    }


def insert_onboarding_step(conn: Any, s: OnboardingStep, now: str) -> None:
    conn.execute(
        "INSERT INTO onboarding_steps (id, customer_id, work_order_id, step, data, supersedes, recorded_by, "
        "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (s.id, s.customer_id, s.work_order_id, s.step, dumps(s.data), s.supersedes, s.recorded_by, now),
    )


def onboarding_steps_of(conn: Any, customer_id: str) -> list[OnboardingStep]:
    """Every step recorded for a household, oldest first (later ones supersede earlier ones)."""
    rows = conn.execute(
        "SELECT id, customer_id, work_order_id, step, data, supersedes, recorded_by FROM onboarding_steps "
        "WHERE customer_id = ? ORDER BY recorded_at, id",
        (customer_id,),
    ).fetchall()
    return [
        OnboardingStep(
            id=r[0], customer_id=r[1], work_order_id=r[2], step=r[3], data=json.loads(r[4]),
            supersedes=r[5], recorded_by=r[6],
        )
        for r in rows
    ]


def insert_attachment(conn: Any, a: Attachment, now: str) -> bool:
    """Record an attachment's metadata; False when that content was already known."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO attachments (sha256, size, mime, kind, created_at) VALUES (?, ?, ?, ?, ?)",
        (a.sha256, a.size, a.mime, a.kind, now),
    )
    return bool(cur.rowcount)
