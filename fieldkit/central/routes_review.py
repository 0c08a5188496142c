"""Review reads and the supervisor's tools: the team's work orders and customers with every
version (`/v1/work-orders`, `/v1/customers/{id}`), conflicts and their resolution
(`/v1/conflicts`), and the audit log (`/v1/audit`)."""

# No `from __future__ import annotations`: FastAPI resolves the local `Auth` aliases at runtime.

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import BaseModel
from sqlalchemy import and_, or_, select

from fieldkit.central import schema as t
from fieldkit.central.access import Access
from fieldkit.central.apply import missing_attachments, resolve_conflict
from fieldkit.central.db import Database, audit, utc_now
from fieldkit.central.http_io import ID, NAME, GzipRoute


class WorkOrderOut(BaseModel):
    id: str
    data: dict[str, Any]
    version: int
    conflict: bool
    delivered: bool
    missing_attachments: list[str]
    versions: list[dict[str, Any]] = []


class CustomerOut(BaseModel):
    id: str
    data: dict[str, Any]
    version: int
    conflict: bool
    versions: list[dict[str, Any]] = []


class ConflictOut(BaseModel):
    id: int
    entity: str
    entity_id: str
    op_id: str
    base_version: int | None
    server_version: int
    new_version: int
    device_id: str
    user_id: str | None
    detail: str
    at: str
    resolved_at: str | None


def router(db: Database, access: Access) -> APIRouter:
    router = APIRouter(route_class=GzipRoute)
    Auth = access.Auth
    Supervisor = access.Supervisor

    @router.get("/v1/work-orders", response_model=list[WorkOrderOut], tags=["review"])
    def work_orders(ctx: Auth, state: Annotated[str | None, Query(max_length=16, pattern=NAME)] = None) -> list[WorkOrderOut]:
        with db.read() as conn:
            q = select(t.work_orders.c.id, t.work_orders.c.data, t.work_orders.c.version, t.work_orders.c.conflict)\
                .where(t.work_orders.c.team_id == ctx.team_id).order_by(t.work_orders.c.number)
            if state:
                q = q.where(t.work_orders.c.state == state)
            out = []
            for r in conn.execute(q).all():
                missing = missing_attachments(conn, r[0])
                out.append(WorkOrderOut(id=r[0], data=json.loads(r[1]), version=r[2], conflict=bool(r[3]),
                                        delivered=not missing, missing_attachments=missing))
        return out

    @router.get("/v1/work-orders/{work_order_id}", response_model=WorkOrderOut, tags=["review"])
    def work_order(work_order_id: Annotated[str, Path(pattern=ID, max_length=36)], ctx: Auth) -> WorkOrderOut:
        with db.read() as conn:
            r = conn.execute(select(t.work_orders.c.id, t.work_orders.c.data, t.work_orders.c.version,
                                    t.work_orders.c.conflict, t.work_orders.c.team_id)
                             .where(t.work_orders.c.id == work_order_id)).first()
            if r is None or r[4] != ctx.team_id:  # another team's answers as unknown: no existence leak
                raise HTTPException(404, "no such work order")
            missing = missing_attachments(conn, r[0])
            versions = [{"version": v[0], "data": json.loads(v[1]), "op_id": v[2], "device_id": v[3], "at": v[4]}
                        for v in conn.execute(select(t.work_order_versions.c.version, t.work_order_versions.c.data,
                                                     t.work_order_versions.c.op_id, t.work_order_versions.c.device_id,
                                                     t.work_order_versions.c.at)
                                              .where(t.work_order_versions.c.work_order_id == work_order_id)
                                              .order_by(t.work_order_versions.c.version))]
        return WorkOrderOut(id=r[0], data=json.loads(r[1]), version=r[2], conflict=bool(r[3]), delivered=not missing,
                            missing_attachments=missing, versions=versions)

    @router.get("/v1/customers/{customer_id}", response_model=CustomerOut, tags=["review"])
    def customer(customer_id: Annotated[str, Path(pattern=ID, max_length=36)], ctx: Auth) -> CustomerOut:
        with db.read() as conn:
            r = conn.execute(select(t.customers.c.id, t.customers.c.data, t.customers.c.version,
                                    t.customers.c.conflict, t.customers.c.team_id)
                             .where(t.customers.c.id == customer_id)).first()
            if r is None or r[4] != ctx.team_id:  # another team's answers as unknown: no existence leak
                raise HTTPException(404, "no such customer")
            versions = [{"version": v[0], "data": json.loads(v[1]), "base_version": v[2], "op_id": v[3],
                         "device_id": v[4], "user_id": v[5], "at": v[6]}
                        for v in conn.execute(select(t.customer_versions.c.version, t.customer_versions.c.data,
                                                     t.customer_versions.c.base_version, t.customer_versions.c.op_id,
                                                     t.customer_versions.c.device_id, t.customer_versions.c.user_id,
                                                     t.customer_versions.c.at)
                                              .where(t.customer_versions.c.customer_id == customer_id)
                                              .order_by(t.customer_versions.c.version))]
        return CustomerOut(id=r[0], data=json.loads(r[1]), version=r[2], conflict=bool(r[3]), versions=versions)

    @router.get("/v1/conflicts", response_model=list[ConflictOut], tags=["review"])
    def conflicts(ctx: Supervisor, open_only: bool = True) -> list[ConflictOut]:
        """Edits made on an out-of-date version, for the supervisor to look at. Nothing was dropped."""
        with db.read() as conn:
            q = select(t.conflicts).where(t.conflicts.c.team_id == ctx.team_id).order_by(t.conflicts.c.id)
            if open_only:
                q = q.where(t.conflicts.c.resolved_at.is_(None))
            rows = conn.execute(q).mappings().all()
        return [ConflictOut(**{k: r[k] for k in ConflictOut.model_fields}) for r in rows]

    @router.post("/v1/conflicts/{conflict_id}/resolve", response_model=ConflictOut, tags=["review"])
    def resolve(conflict_id: Annotated[int, Path(ge=1, le=2**31 - 1)], ctx: Supervisor) -> ConflictOut:
        """Mark a conflict resolved at once (devices do the same offline with a `conflict/resolve`
        operation). The team's devices learn it through the change feed."""
        with db.write() as (conn, pending):
            r = conn.execute(select(t.conflicts).where(t.conflicts.c.id == conflict_id)).mappings().first()
            if r is None or r["team_id"] != ctx.team_id:  # no existence leak
                raise HTTPException(404, "no such conflict")
            assert ctx.user is not None
            if resolve_conflict(conn, pending, ctx.device_id, ctx.user, conflict_id, "", utc_now()) is not None:
                audit(conn, device_id=ctx.device_id, user_id=ctx.user.user_id, action="resolve", entity="conflict",
                      entity_id=str(conflict_id))
            r = conn.execute(select(t.conflicts).where(t.conflicts.c.id == conflict_id)).mappings().one()
        return ConflictOut(**{k: r[k] for k in ConflictOut.model_fields})

    @router.get("/v1/audit", tags=["review"])
    def audit_log(ctx: Supervisor, limit: Annotated[int, Query(ge=1, le=1000)] = 200,
                  entity_id: Annotated[list[str] | None, Query()] = None) -> list[dict[str, Any]]:
        """Who did what from which device, for this team's devices (newest first). `entity_id` (repeated,
        at most 100): only those records (a work order's history: the order and its records); then a
        work order's own lines carry the `state` it moved to and the server's import of it is included."""
        wanted = [str(e) for e in entity_id or []]
        if len(wanted) > 100:
            raise HTTPException(422, "at most 100 entity_id values")
        if not all(re.fullmatch(ID, e) for e in wanted):  # NUL and the like: PostgreSQL refuses them (a 500)
            raise HTTPException(422, "entity_id: an id of letters, digits and _ . : / - (at most 64)")
        with db.read() as conn:
            devs = select(t.devices.c.id).where(t.devices.c.team_id == ctx.team_id)
            q = select(t.audit).where(t.audit.c.device_id.in_(devs))
            if wanted:
                ours = select(t.work_orders.c.id).where(t.work_orders.c.team_id == ctx.team_id)
                q = select(t.audit).where(t.audit.c.entity_id.in_(wanted), or_(
                    t.audit.c.device_id.in_(devs), and_(t.audit.c.device_id.is_(None), t.audit.c.entity == "work_order",
                                                        t.audit.c.entity_id.in_(ours))))
            rows = [dict(r) for r in conn.execute(q.order_by(t.audit.c.seq.desc()).limit(limit)).mappings()]
            ops = [str(r["op_id"]) for r in rows if r["entity"] == "work_order" and r["op_id"]]
            states = {str(v[0]): json.loads(v[1]).get("state") for v in conn.execute(
                select(t.work_order_versions.c.op_id, t.work_order_versions.c.data)
                .where(t.work_order_versions.c.op_id.in_(ops)))} if ops else {}
        return [r | ({"state": states[str(r["op_id"])]} if str(r["op_id"]) in states else {}) for r in rows]

    return router
