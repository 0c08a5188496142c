"""Apply changes pulled from the server to the device store (no outbox entries).

Runs inside the caller's transaction, which also stores the new cursor: changes and cursor
commit together or not at all.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from fieldkit.domain.models import (
    Address,
    Customer,
    Meter,
    MeterProtocol,
    Reading,
    ReadingSource,
    RegisterValue,
    WorkOrder,
    WorkOrderKind,
    WorkOrderState,
)
from fieldkit.store import customers as customer_repo
from fieldkit.store import field_facts
from fieldkit.store import work_orders as wo_repo
from fieldkit.store.database import dumps
from fieldkit.store.documents import note_code_change


def local_user_ids(conn: Any) -> dict[str, str]:
    """server user id -> local user id, matched by username."""
    rows = conn.execute(
        "SELECT s.server_id, u.id FROM sync_users s JOIN users u ON u.username = s.username"
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def server_user_ids(conn: Any) -> dict[str, str]:
    """local user id -> server user id."""
    return {v: k for k, v in local_user_ids(conn).items()}


def apply_change(conn: Any, entity: str, data: dict[str, Any], now: str, user_map: dict[str, str]) -> None:
    if entity == "customer":
        note_code_change(conn, data, now)  # a real code replacing a provisional one: documents follow (services/documents)
        customer_repo.upsert(conn, customer_from(data), now)
    elif entity == "work_order":
        wo = work_order_from(data)
        if wo.assignee_id in user_map:
            wo = WorkOrder(**{**wo.__dict__, "assignee_id": user_map[wo.assignee_id]})
        wo_repo.upsert_work_order(conn, wo, now)
    elif entity == "meter":
        wo_repo.upsert_meter(conn, meter_from(data))
    elif entity == "reading":
        field_facts.insert_reading_or_ignore(conn, reading_from(data), now)
    elif entity == "install":
        conn.execute(
            "INSERT OR IGNORE INTO installs (id, work_order_id, customer_id, installed_meter_serial, "
            "removed_meter_serial, form_id, form_version, data, supersedes, recorded_by, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (data["id"], data["work_order_id"], data.get("customer_id"), data.get("installed_meter_serial", ""),
             data.get("removed_meter_serial", ""), data.get("form_id", "meter_install"),
             int(data.get("form_version", 1)), dumps(data.get("data") or {}), data.get("supersedes"),
             data.get("recorded_by"), now),
        )
    elif entity == "onboarding_step":
        conn.execute(
            "INSERT OR IGNORE INTO onboarding_steps (id, customer_id, work_order_id, step, data, supersedes, "
            "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (data["id"], data["customer_id"], data.get("work_order_id"), data.get("step", ""),
             dumps(data.get("data") or {}), data.get("supersedes"), data.get("recorded_by"), now),
        )
    elif entity == "user":
        # The server's word on a person: their role and whether they still count. A local user of
        # the same name takes the server's role (a role typed on this laptop counts for nothing).
        active = 1 if data.get("active", True) else 0
        role = str(data.get("role", ""))
        conn.execute(
            "INSERT INTO sync_users (server_id, username, display_name, role, team_id, active) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(server_id) DO UPDATE SET username = excluded.username, "
            "display_name = excluded.display_name, role = excluded.role, team_id = excluded.team_id, "
            "active = excluded.active",
            (data["id"], data["username"], data.get("display_name", ""), role, data.get("team_id"), active),
        )
        if role in ("technician", "trainer", "supervisor"):
            conn.execute("UPDATE users SET role = ?, server_id = ?, active = ? WHERE username = ?",
                         (role, data["id"], active, data["username"]))
        user_map.clear()
        user_map.update(local_user_ids(conn))
    elif entity == "reference":
        conn.execute(
            "INSERT INTO sync_reference (kind, key, version, data, received_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(kind, key) DO UPDATE SET version = excluded.version, data = excluded.data, "
            "received_at = excluded.received_at",
            (data["kind"], data["key"], int(data["version"]), json.dumps(data.get("data")), now),
        )
    elif entity == "conflict":
        store_conflict(conn, data, now)
    # Anything else is a newer server's record kind: ignored, the cursor still moves on.


CONFLICT_KIND = "conflict"


def store_conflict(conn: Any, data: dict[str, Any], now: str) -> None:
    """Keep a conflict flagged by the server (kind `conflict` in `sync_reference`, key = the server's
    conflict id, data = the record as sent). Idempotent: pulling the same change again writes the
    same row; a resolved record is never replaced by an older open one."""
    cid = int(data["id"])
    if cid <= 0 or data.get("entity") not in ("customer", "work_order") or not data.get("entity_id"):
        raise ValueError("not a conflict record")
    version = 2 if data.get("resolved_at") else 1
    conn.execute(
        "INSERT INTO sync_reference (kind, key, version, data, received_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(kind, key) DO UPDATE SET version = excluded.version, data = excluded.data, "
        "received_at = excluded.received_at "
        "WHERE excluded.version >= sync_reference.version AND excluded.data IS NOT sync_reference.data",
        (CONFLICT_KIND, str(cid), version, json.dumps(data, ensure_ascii=False), now),
    )


def customer_from(d: dict[str, Any]) -> Customer:
    return Customer(
        id=d["id"], code=d["code"], name=d.get("name") or "", phone=d.get("phone") or "",
        national_id=d.get("national_id") or "",
        address=Address(
            province_code=d.get("province_code"), province=d.get("province") or "",
            commune_code=d.get("commune_code"), commune=d.get("commune") or "", street=d.get("street") or "",
            old_district=d.get("old_district") or "",
        ),
        households=int(d.get("households") or 1), version=int(d.get("version") or 1),
    )


def work_order_from(d: dict[str, Any]) -> WorkOrder:
    return WorkOrder(
        id=d["id"], number=d["number"], kind=WorkOrderKind(d["kind"]), state=WorkOrderState(d["state"]),
        customer_id=d.get("customer_id"), team_id=d.get("team_id"),
        due_date=date.fromisoformat(d["due_date"]) if d.get("due_date") else None,
        assignee_id=d.get("assignee_id"), meter_id=d.get("meter_id"), note=d.get("note") or "",
        review_comment=d.get("review_comment") or "", version=int(d.get("version") or 1),
        submitted_at=str(d.get("submitted_at") or ""), submitted_record=str(d.get("submitted_record") or ""),
    )


def meter_from(d: dict[str, Any]) -> Meter:
    return Meter(
        id=d["id"], serial=d["serial"], manufacturer=d.get("manufacturer") or "", model=d.get("model") or "",
        phases=int(d.get("phases") or 1), protocol=MeterProtocol(d.get("protocol") or "iec62056-21"),
        ct_ratio=d.get("ct_ratio") or "", vt_ratio=d.get("vt_ratio") or "",
        tariff_registers=int(d.get("tariff_registers") or 1), customer_id=d.get("customer_id"),
    )


def reading_from(d: dict[str, Any]) -> Reading:
    return Reading(
        id=d["id"], meter_id=d["meter_id"], taken_at=datetime.fromisoformat(d["taken_at"]),
        source=ReadingSource(d["source"]),
        registers={k: RegisterValue(Decimal(str(v["value"])), v.get("unit", "")) for k, v in d["registers"].items()},
        customer_id=d.get("customer_id"), work_order_id=d.get("work_order_id"),
        manual_reason=d.get("manual_reason") or "", capture_sha256=d.get("capture_sha256"),
        photo_sha256=d.get("photo_sha256"), supersedes=d.get("supersedes"), recorded_by=d.get("recorded_by"),
        events=tuple((e[0], e[1]) for e in d.get("events") or ()), load_profile=d.get("load_profile") or None,
    )
