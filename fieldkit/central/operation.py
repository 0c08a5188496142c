"""An operation being applied: who pushed it (Context, Actor), how it is refused (Rejected), its
outcomes, and the checks every kind makes (the payload names the operation's own record; a linked
record is in the caller's team, else it answers as unknown)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from fieldkit.central.people import Person

APPLIED = "applied"
CONFLICT = "conflict"
REJECTED = "rejected"

FACT_ENTITIES = ("reading", "install", "onboarding_step")
CUSTOMER_FIELDS = ("name", "phone", "national_id", "province_code", "province", "commune_code", "commune",
                   "street", "old_district", "households")


class Rejected(Exception):
    """A refused operation: `reason` in English, `code` + `params` for the laptop's vi/en message
    (fieldkit.domain.reasons); without a code the reason travels as the `refused` code's detail."""

    def __init__(self, reason: str, code: str = "", params: dict[str, Any] | None = None):
        super().__init__(reason)
        self.reason = reason
        self.code = code or "refused"
        self.params = params if code else {"detail": reason}


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    role: str
    team_id: str


@dataclass
class Context:
    """Who is calling: the device (and its team), and the person when a user token proves it."""

    device_id: str
    team_id: str
    user: Actor | None = None


def actor_of(p: Person) -> Actor:
    return Actor(p.user_id, p.username, p.role, p.team_id)



def same_id(op: dict[str, Any], payload: dict[str, Any]) -> str:
    entity_id = str(op["entity_id"])
    if str(payload.get("id", entity_id)) != entity_id:
        raise Rejected("payload id does not match the operation's entity id", "id_mismatch", {})
    return entity_id


def team_of(conn: Connection, table: Any, entity_id: str) -> str | None:
    row = conn.execute(select(table.c.team_id).where(table.c.id == entity_id)).first()
    return None if row is None else str(row[0])


def require_in_team(conn: Connection, ctx: Context, table: Any, entity_id: Any, what: str,
                     entity: str | None = None) -> None:
    if entity_id is None:
        return
    q = select(table.c.team_id).where(table.c.id == str(entity_id))
    if entity is not None:
        q = q.where(table.c.entity == entity)
    row = conn.execute(q).first()
    if row is None or row[0] != ctx.team_id:  # another team's record answers as unknown: no existence leak
        raise Rejected(f"unknown {what} {entity_id} (not in this team)", "unknown_record",
                       {"what": what, "id": str(entity_id)})
