"""Work-order and meter repositories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fieldkit.domain.models import Meter, MeterProtocol, WorkOrder, WorkOrderKind, WorkOrderState

WO_COLUMNS = (
    "id, number, kind, state, customer_id, team_id, due_date, assignee_id, meter_id, note, "
    "review_comment, version, submitted_at, submitted_record"
)
METER_COLUMNS = "id, serial, manufacturer, model, phases, protocol, ct_ratio, vt_ratio, tariff_registers, customer_id"


def wo_from_row(row: Any) -> WorkOrder:
    return WorkOrder(
        id=row[0], number=row[1], kind=WorkOrderKind(row[2]), state=WorkOrderState(row[3]),
        customer_id=row[4], team_id=row[5], due_date=date.fromisoformat(row[6]) if row[6] else None,
        assignee_id=row[7], meter_id=row[8], note=row[9], review_comment=row[10], version=row[11],
        submitted_at=row[12] or "", submitted_record=row[13] or "",
    )


def wo_record(w: WorkOrder) -> dict[str, Any]:
    return {
        "id": w.id, "number": w.number, "kind": w.kind.value, "state": w.state.value,
        "customer_id": w.customer_id, "team_id": w.team_id,
        "due_date": w.due_date.isoformat() if w.due_date else None, "assignee_id": w.assignee_id,
        "meter_id": w.meter_id, "note": w.note, "review_comment": w.review_comment, "version": w.version,
        "submitted_at": w.submitted_at, "submitted_record": w.submitted_record,
    }


def insert_work_order(conn: Any, w: WorkOrder, now: str) -> None:
    rec = wo_record(w) | {"updated_at": now}
    conn.execute(
        f"INSERT INTO work_orders ({', '.join(rec)}) VALUES ({', '.join('?' * len(rec))})", tuple(rec.values())
    )


def upsert_work_order(conn: Any, w: WorkOrder, now: str) -> None:
    rec = wo_record(w) | {"updated_at": now}
    updates = ", ".join(f"{k} = excluded.{k}" for k in rec if k != "id")
    conn.execute(
        f"INSERT INTO work_orders ({', '.join(rec)}) VALUES ({', '.join('?' * len(rec))}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        tuple(rec.values()),
    )


def update_work_order(conn: Any, w: WorkOrder, now: str) -> None:
    rec = wo_record(w) | {"updated_at": now}
    rec_id = rec.pop("id")
    conn.execute(f"UPDATE work_orders SET {', '.join(f'{k} = ?' for k in rec)} WHERE id = ?", (*rec.values(), rec_id))


def get_work_order(conn: Any, wo_id: str) -> WorkOrder | None:
    row = conn.execute(f"SELECT {WO_COLUMNS} FROM work_orders WHERE id = ?", (wo_id,)).fetchone()
    return wo_from_row(row) if row else None


@dataclass(frozen=True)
class WorkOrderQuery:
    states: tuple[WorkOrderState, ...] = ()
    kind: WorkOrderKind | None = None
    assignee_id: str | None = None
    commune_code: int | None = None
    due_before: date | None = None


def list_work_orders(conn: Any, q: WorkOrderQuery, limit: int = 500, offset: int = 0) -> list[WorkOrder]:
    clauses: list[str] = []
    params: list[Any] = []
    if q.states:
        clauses.append(f"w.state IN ({', '.join('?' * len(q.states))})")
        params += [s.value for s in q.states]
    if q.kind is not None:
        clauses.append("w.kind = ?")
        params.append(q.kind.value)
    if q.assignee_id is not None:
        clauses.append("w.assignee_id = ?")
        params.append(q.assignee_id)
    if q.commune_code is not None:
        clauses.append("c.commune_code = ?")
        params.append(q.commune_code)
    if q.due_before is not None:
        clauses.append("w.due_date <= ?")
        params.append(q.due_before.isoformat())
    where = " AND ".join(clauses) or "1"
    cols = ", ".join(f"w.{c.strip()}" for c in WO_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT {cols} FROM work_orders w LEFT JOIN customers c ON c.id = w.customer_id WHERE {where} "
        "ORDER BY w.due_date IS NULL, w.due_date, w.number LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [wo_from_row(r) for r in rows]


def meter_from_row(row: Any) -> Meter:
    return Meter(
        id=row[0], serial=row[1], manufacturer=row[2], model=row[3], phases=row[4],
        protocol=MeterProtocol(row[5]), ct_ratio=row[6], vt_ratio=row[7], tariff_registers=row[8],
        customer_id=row[9],
    )


def meter_record(m: Meter) -> dict[str, Any]:
    return {
        "id": m.id, "serial": m.serial, "manufacturer": m.manufacturer, "model": m.model, "phases": m.phases,
        "protocol": m.protocol.value, "ct_ratio": m.ct_ratio, "vt_ratio": m.vt_ratio,
        "tariff_registers": m.tariff_registers, "customer_id": m.customer_id,
    }


def insert_meter(conn: Any, m: Meter) -> None:
    rec = meter_record(m)
    conn.execute(f"INSERT INTO meters ({', '.join(rec)}) VALUES ({', '.join('?' * len(rec))})", tuple(rec.values()))


def upsert_meter(conn: Any, m: Meter) -> None:
    rec = meter_record(m)
    updates = ", ".join(f"{k} = excluded.{k}" for k in rec if k != "id")
    conn.execute(
        f"INSERT INTO meters ({', '.join(rec)}) VALUES ({', '.join('?' * len(rec))}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        tuple(rec.values()),
    )


def get_meter(conn: Any, meter_id: str) -> Meter | None:
    row = conn.execute(f"SELECT {METER_COLUMNS} FROM meters WHERE id = ?", (meter_id,)).fetchone()
    return meter_from_row(row) if row else None


def meters_of_customer(conn: Any, customer_id: str) -> list[Meter]:
    rows = conn.execute(f"SELECT {METER_COLUMNS} FROM meters WHERE customer_id = ?", (customer_id,)).fetchall()
    return [meter_from_row(r) for r in rows]


def meter_by_serial(conn: Any, serial: str) -> Meter | None:
    row = conn.execute(f"SELECT {METER_COLUMNS} FROM meters WHERE serial = ?", (serial.strip(),)).fetchone()
    return meter_from_row(row) if row else None
