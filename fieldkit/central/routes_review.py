"""Review reads and the supervisor's tools: the team's work orders and customers with every
version (`/v1/work-orders`, `/v1/customers/{id}`), conflicts and their resolution
(`/v1/conflicts`), and the audit log (`/v1/audit`)."""

# No `from __future__ import annotations`: FastAPI resolves the local `Auth` aliases at runtime.

import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import and_, or_, select

from fieldkit.central import schema as t
from fieldkit.central import stored
from fieldkit.central.access import Access
from fieldkit.central.apply import Context, resolve_conflict
from fieldkit.central.db import Database, audit, utc_now
from fieldkit.central.http_io import ID, NAME, GzipRoute
from fieldkit.central.withhold import Withheld

W, WV, C, CV, A = (t.work_orders.c, t.work_order_versions.c, t.customers.c, t.customer_versions.c,
                   t.team_attachments.c)
WITHHELD_RECORD = "record_withheld: this record is damaged on the server and is withheld (see the server log)"


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
    # access.Auth / access.Supervisor: the same dependencies, with the type the checker needs (a Context).
    Auth = Annotated[Context, access.Auth.__metadata__[0]]
    Supervisor = Annotated[Context, access.Supervisor.__metadata__[0]]

    def deliveries(conn: Any, withheld: Withheld, team_id: str, kept: list[str],
                   orders: Any) -> dict[str, list[str] | None]:
        """For each work order of `kept`, the attachments its records refer to that this team has not
        delivered; None when one of its records is damaged (then nobody can say it is delivered).
        Two queries for the whole page: the facts of `orders` (a select of work order ids, so no
        list of thousands of parameters) and the delivered ones among every hash they name."""
        want = set(kept)
        by_order: dict[str, list[Any]] = {k: [] for k in kept}
        for f in conn.execute(select(t.facts.c.id, t.facts.c.data, t.facts.c.work_order_id)
                              .where(t.facts.c.work_order_id.in_(orders))):
            if f[2] in want:  # facts of a withheld work order are not read (nor counted)
                by_order[f[2]].append(f)
        shas: dict[str, set[str] | None] = {}
        for wid in kept:
            got: set[str] | None = set()
            for f in by_order[wid]:
                one = withheld.keep("facts", f[0], stored.fact_attachments, f)
                got = None if one is None or got is None else got | one
            shas[wid] = got
        named = sorted(set().union(*(v for v in shas.values() if v)))
        done: set[str] = set()
        for i in range(0, len(named), 500):  # a few hundred parameters per query
            done |= {str(r[0]) for r in conn.execute(select(A.sha256).where(and_(
                A.team_id == team_id, A.sha256.in_(named[i:i + 500]), A.complete.is_(True))))}
        return {wid: None if got is None else sorted(got - done) for wid, got in shas.items()}

    def work_order_out(row: dict[str, Any], missing: list[str] | None,
                       versions: list[dict[str, Any]] | None = None) -> WorkOrderOut:
        extra: dict[str, Any] = {"versions": versions} if versions is not None else {}
        return WorkOrderOut(**row, delivered=missing == [], missing_attachments=missing or [], **extra)

    @router.get("/v1/work-orders", response_model=list[WorkOrderOut], tags=["review"])
    def work_orders(request: Request, response: Response, ctx: Auth,
                    state: Annotated[str | None, Query(max_length=16, pattern=NAME)] = None) -> list[WorkOrderOut]:
        """The team's work orders. A damaged one is left out (header `X-FK-Withheld`: how many); one
        whose records are damaged is served with `delivered` false."""
        withheld = Withheld(request)
        with db.read() as conn:
            q = select(W.id, W.data, W.version, W.conflict, W.state)\
                .where(W.team_id == ctx.team_id).order_by(W.number)
            if state:
                q = q.where(W.state == state)
            rows = [row for row in (withheld.keep("work_orders", r[0], stored.work_order, r)
                                    for r in conn.execute(q).all()) if row is not None]
            ids = q.with_only_columns(W.id).order_by(None)
            missing = deliveries(conn, withheld, ctx.team_id, [row["id"] for row in rows], ids)
            out = [work_order_out(row, missing[row["id"]]) for row in rows]
        withheld.apply(response)
        return out

    @router.get("/v1/work-orders/{work_order_id}", response_model=WorkOrderOut, tags=["review"])
    def work_order(request: Request, response: Response,
                   work_order_id: Annotated[str, Path(pattern=ID, max_length=36)], ctx: Auth) -> WorkOrderOut:
        """One work order with every version; damaged versions are left out (`X-FK-Withheld`)."""
        withheld = Withheld(request)
        with db.read() as conn:
            r = conn.execute(select(W.id, W.data, W.version, W.conflict, W.state, W.team_id)
                             .where(W.id == work_order_id)).first()
            if r is None or r[5] != ctx.team_id:  # another team's answers as unknown: no existence leak
                raise HTTPException(404, "no such work order")
            row = withheld.keep("work_orders", r[0], stored.work_order, r)
            if row is None:
                raise HTTPException(404, WITHHELD_RECORD, headers=withheld.headers())
            versions = [v for v in (withheld.keep("work_order_versions", (work_order_id, x[0]),
                                                  stored.work_order_version, x)
                                    for x in conn.execute(select(WV.version, WV.data, WV.op_id, WV.device_id, WV.at)
                                                          .where(WV.work_order_id == work_order_id)
                                                          .order_by(WV.version))) if v is not None]
            ids = select(W.id).where(W.id == work_order_id)
            out = work_order_out(row, deliveries(conn, withheld, ctx.team_id, [row["id"]], ids)[row["id"]], versions)
        withheld.apply(response)
        return out

    @router.get("/v1/customers/{customer_id}", response_model=CustomerOut, tags=["review"])
    def customer(request: Request, response: Response,
                 customer_id: Annotated[str, Path(pattern=ID, max_length=36)], ctx: Auth) -> CustomerOut:
        """One customer with every version; damaged versions are left out (`X-FK-Withheld`)."""
        withheld = Withheld(request)
        with db.read() as conn:
            r = conn.execute(select(C.id, C.data, C.version, C.conflict, C.team_id)
                             .where(C.id == customer_id)).first()
            if r is None or r[4] != ctx.team_id:  # another team's answers as unknown: no existence leak
                raise HTTPException(404, "no such customer")
            row = withheld.keep("customers", r[0], stored.customer, r)
            if row is None:
                raise HTTPException(404, WITHHELD_RECORD, headers=withheld.headers())
            versions = [v for v in (withheld.keep("customer_versions", (customer_id, x[0]), stored.customer_version, x)
                                    for x in conn.execute(select(CV.version, CV.data, CV.base_version, CV.op_id,
                                                                 CV.device_id, CV.user_id, CV.at)
                                                          .where(CV.customer_id == customer_id)
                                                          .order_by(CV.version))) if v is not None]
        withheld.apply(response)
        return CustomerOut(**row, versions=versions)

    @router.get("/v1/conflicts", response_model=list[ConflictOut], tags=["review"])
    def conflicts(request: Request, response: Response, ctx: Supervisor, open_only: bool = True) -> list[ConflictOut]:
        """Edits made on an out-of-date version, for the supervisor to look at. Nothing was dropped
        (a damaged conflict row is left out of the answer: `X-FK-Withheld`)."""
        withheld = Withheld(request)
        with db.read() as conn:
            q = select(t.conflicts).where(t.conflicts.c.team_id == ctx.team_id).order_by(t.conflicts.c.id)
            if open_only:
                q = q.where(t.conflicts.c.resolved_at.is_(None))
            rows = conn.execute(q).mappings().all()
        out = [ConflictOut(**c) for c in (withheld.keep("conflicts", r["id"], stored.conflict, r) for r in rows)
               if c is not None]
        withheld.apply(response)
        return out

    @router.post("/v1/conflicts/{conflict_id}/resolve", response_model=ConflictOut, tags=["review"])
    def resolve(request: Request, conflict_id: Annotated[int, Path(ge=1, le=2**31 - 1)], ctx: Supervisor) -> ConflictOut:
        """Mark a conflict resolved at once (devices do the same offline with a `conflict/resolve`
        operation). The team's devices learn it through the change feed."""
        with db.write() as (conn, pending):
            r = conn.execute(select(t.conflicts).where(t.conflicts.c.id == conflict_id)).mappings().first()
            if r is None or r["team_id"] != ctx.team_id:  # no existence leak
                raise HTTPException(404, "no such conflict")
            withheld = Withheld(request)
            if withheld.keep("conflicts", conflict_id, stored.conflict, r) is None:
                raise HTTPException(404, WITHHELD_RECORD, headers=withheld.headers())
            assert ctx.user is not None
            if resolve_conflict(conn, pending, ctx.device_id, ctx.user, conflict_id, "", utc_now()) is not None:
                audit(conn, device_id=ctx.device_id, user_id=ctx.user.user_id, action="resolve", entity="conflict",
                      entity_id=str(conflict_id))
            r = conn.execute(select(t.conflicts).where(t.conflicts.c.id == conflict_id)).mappings().one()
        return ConflictOut(**stored.conflict(r))

    @router.get("/v1/audit", tags=["review"])
    def audit_log(request: Request, response: Response, ctx: Supervisor, limit: Annotated[int, Query(ge=1, le=1000)] = 200,
                  entity_id: Annotated[list[str] | None, Query()] = None) -> list[dict[str, Any]]:
        """Who did what from which device, for this team's devices (newest first). `entity_id` (repeated,
        at most 100): only those records (a work order's history: the order and its records); then a
        work order's own lines carry the `state` it moved to and the server's import of it is included."""
        wanted = [str(e) for e in entity_id or []]
        if len(wanted) > 100:
            raise HTTPException(422, "at most 100 entity_id values")
        if not all(re.fullmatch(ID, e) for e in wanted):  # NUL and the like: PostgreSQL refuses them (a 500)
            raise HTTPException(422, "entity_id: an id of letters, digits and _ . : / - (at most 64)")
        withheld = Withheld(request)
        with db.read() as conn:
            devs = select(t.devices.c.id).where(t.devices.c.team_id == ctx.team_id)
            q = select(t.audit).where(t.audit.c.device_id.in_(devs))
            if wanted:
                ours = select(W.id).where(W.team_id == ctx.team_id)
                q = select(t.audit).where(t.audit.c.entity_id.in_(wanted), or_(
                    t.audit.c.device_id.in_(devs), and_(t.audit.c.device_id.is_(None), t.audit.c.entity == "work_order",
                                                        t.audit.c.entity_id.in_(ours))))
            rows = [a for a in (withheld.keep("audit", r["seq"], stored.audit_line, r)
                                for r in conn.execute(q.order_by(t.audit.c.seq.desc()).limit(limit)).mappings())
                    if a is not None]
            ops = sorted({str(r["op_id"]) for r in rows if r["entity"] == "work_order" and r["op_id"]})
            states = dict(s for s in (withheld.keep("work_order_versions", v[0], stored.state_of, v)
                                      for v in conn.execute(select(WV.op_id, WV.data).where(WV.op_id.in_(ops))))
                          if s is not None) if ops else {}
        withheld.apply(response)
        return [r | ({"state": states[str(r["op_id"])]} if str(r["op_id"]) in states else {}) for r in rows]

    return router
