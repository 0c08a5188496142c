"""Field facts (append-only, by id): meters, readings, installs, onboarding steps, attachment
claims; and which attachments a work order's records reference that are not yet delivered."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select

from fieldkit.central import attachments, validate
from fieldkit.central import schema as t
from fieldkit.central.db import Pending, dumps
from fieldkit.central.operation import APPLIED, Context, Rejected, require_in_team, same_id


def referenced_attachments(conn: Connection, work_order_id: str) -> set[str]:
    shas: set[str] = set()
    for (text,) in conn.execute(select(t.facts.c.data).where(t.facts.c.work_order_id == work_order_id)):
        data = json.loads(text)
        for key in ("capture_sha256", "photo_sha256"):
            if data.get(key):
                shas.add(str(data[key]))
        inner = data.get("data")
        if isinstance(inner, dict):
            shas.update(str(s) for s in inner.get("attachments") or [])
    return shas


def missing_attachments(conn: Connection, work_order_id: str) -> list[str]:
    shas = referenced_attachments(conn, work_order_id)
    if not shas:
        return []
    # Verified bytes of the work order's own team only (fieldkit.central.attachments).
    team = conn.execute(select(t.work_orders.c.team_id).where(t.work_orders.c.id == work_order_id)).scalar()
    done = attachments.complete_hashes(conn, str(team), shas) if team is not None else set()
    return sorted(shas - done)


# --- field facts --------------------------------------------------------------------------------

def meter_create(conn: Connection, pending: Pending, ctx: Context, op: dict[str, Any], payload: dict[str, Any],
                 now: str) -> dict[str, Any]:
    mid = same_id(op, payload)
    if not str(payload.get("serial") or "").strip():
        raise Rejected("the meter serial is missing")
    require_in_team(conn, ctx, t.customers, payload.get("customer_id"), "customer")
    data = dict(payload) | {"id": mid}
    conn.execute(insert(t.facts).values(id=mid, entity="meter", team_id=ctx.team_id, work_order_id=None,
                                        data=dumps(data), op_id=op["op_id"], at=now))
    pending.add(ctx.team_id, "meter", mid, data, ctx.device_id)
    return {"status": APPLIED}


def fact_append(conn: Connection, pending: Pending, ctx: Context, op: dict[str, Any], payload: dict[str, Any],
                now: str) -> dict[str, Any]:
    entity = str(op["entity"])
    fid = same_id(op, payload)
    if entity == "reading":
        require_in_team(conn, ctx, t.facts, payload["meter_id"], "meter", entity="meter")
        if not isinstance(payload.get("registers"), dict) or not payload["registers"]:
            raise Rejected("a reading needs at least one register value")
    if entity == "install" and not payload.get("work_order_id"):
        raise Rejected("an install needs its work order")
    if entity == "onboarding_step" and not payload.get("customer_id"):
        raise Rejected("an onboarding step needs its customer")
    require_in_team(conn, ctx, t.work_orders, payload.get("work_order_id"), "work order")
    require_in_team(conn, ctx, t.customers, payload.get("customer_id"), "customer")
    if payload.get("supersedes") is not None:
        require_in_team(conn, ctx, t.facts, payload["supersedes"], "superseded record", entity=entity)
    data = dict(payload) | {"id": fid}
    conn.execute(insert(t.facts).values(id=fid, entity=entity, team_id=ctx.team_id,
                                        work_order_id=payload.get("work_order_id"), data=dumps(data),
                                        op_id=op["op_id"], at=now))
    pending.add(ctx.team_id, entity, fid, data, ctx.device_id)
    return {"status": APPLIED}


def attachment_meta(conn: Connection, ctx: Context, op: dict[str, Any], payload: dict[str, Any],
                    now: str) -> dict[str, Any]:
    """This team declares an attachment (its own row: another team's claim never touches it)."""
    sha = str(payload.get("sha256") or op["entity_id"]).lower()
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise Rejected("not a sha256 hash", "field_format", {"field": "payload.sha256", "format": "sha256"})
    try:
        attachments.claim(conn, ctx.team_id, sha, int(payload["size"]), str(payload.get("mime") or ""),
                          str(payload.get("kind") or ""), now)
    except validate.Refusal as exc:
        raise Rejected(exc.reason, exc.code, exc.params) from None
    return {"status": APPLIED}
