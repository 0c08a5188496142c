"""Administration: teams, users, work-order import, device enrolment and revocation, reference data."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, insert, select, update

from fieldkit.central import schema as t
from fieldkit.central.db import Database, audit, dumps, utc_now
from fieldkit.domain.ids import new_id
from fieldkit.domain.models import MeterProtocol, Role, WorkOrderKind

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over a bad phone line


class AdminError(Exception):
    pass


def hash_secret(value: str) -> str:
    return hashlib.sha256(value.strip().upper().encode("utf-8")).hexdigest()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def team_id_of(db: Database, code: str) -> str:
    with db.read() as conn:
        row = conn.execute(select(t.teams.c.id).where(t.teams.c.code == code)).first()
    if row is None:
        raise AdminError(f"no team with code {code!r}")
    return str(row[0])


def create_team(db: Database, code: str, name: str, unit_code: str = "") -> str:
    team_id = new_id()
    with db.write() as (conn, _):
        if conn.execute(select(t.teams.c.id).where(t.teams.c.code == code)).first():
            raise AdminError(f"team {code!r} already exists")
        conn.execute(insert(t.teams).values(id=team_id, code=code, name=name, unit_code=unit_code))
        audit(conn, device_id=None, user_id=None, action="create", entity="team", entity_id=team_id, detail=code)
    return team_id


def create_user(db: Database, username: str, display_name: str, role: str, team_code: str) -> str:
    role = Role(role).value
    team_id = team_id_of(db, team_code)
    user_id = new_id()
    with db.write() as (conn, pending):
        if conn.execute(select(t.users.c.id).where(t.users.c.username == username)).first():
            raise AdminError(f"user {username!r} already exists")
        conn.execute(insert(t.users).values(id=user_id, username=username, display_name=display_name, role=role,
                                            team_id=team_id, active=True))
        pending.add(team_id, "user", user_id, {"id": user_id, "username": username, "display_name": display_name,
                                               "role": role, "team_id": team_id, "active": True})
        audit(conn, device_id=None, user_id=None, action="create", entity="user", entity_id=user_id, detail=username)
    return user_id


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    code: str
    expires_at: str


def enrol(db: Database, team_code: str, name: str = "", valid_hours: int = 72) -> Enrolment:
    """Make a one-time enrolment code for a new device of a team."""
    team_id = team_id_of(db, team_code)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    code = "-".join(raw[i:i + 4] for i in range(0, 12, 4))
    device_id = new_id()
    expires = (datetime.now(UTC) + timedelta(hours=valid_hours)).isoformat(timespec="seconds")
    with db.write() as (conn, _):
        conn.execute(insert(t.devices).values(id=device_id, team_id=team_id, name=name,
                                              enrol_code_hash=hash_secret(code.replace("-", "")),
                                              code_expires_at=expires, created_at=utc_now()))
        audit(conn, device_id=device_id, user_id=None, action="enrol-code", entity="device", entity_id=device_id,
              detail=name)
    return Enrolment(device_id, code, expires)


def exchange_code(db: Database, code: str, name: str = "", device_key: str = "") -> tuple[str, str, str] | None:
    """Trade an enrolment code for a token, once. Returns (device id, token, team id) or None.

    A device that sends the same `device_key` again (its answer was lost on the way) gets a
    new token for the same enrolment within an hour; anyone else gets nothing."""
    code_hash = hash_secret(code.replace("-", "").replace(" ", ""))
    token = secrets.token_urlsafe(32)
    now = utc_now()
    with db.write() as (conn, _):
        row = conn.execute(select(t.devices.c.id, t.devices.c.team_id, t.devices.c.code_expires_at, t.devices.c.name,
                                  t.devices.c.enrolled_at, t.devices.c.device_key, t.devices.c.revoked_at)
                           .where(t.devices.c.enrol_code_hash == code_hash)).first()
        if row is None or row[6] is not None or (row[2] and row[2] < now[:19]):
            return None
        if row[4] is None:
            # The conditional update is what makes the code single-use, even for two racing devices.
            cond: ColumnElement[bool] = t.devices.c.enrolled_at.is_(None)
        else:
            retry_until = (datetime.fromisoformat(row[4]) + timedelta(hours=1)).isoformat()
            if not device_key or row[5] != device_key or now > retry_until:
                return None
            cond = t.devices.c.device_key == device_key
        done = conn.execute(update(t.devices).where(and_(t.devices.c.id == row[0], cond)).values(
            token_hash=hash_token(token), enrolled_at=row[4] or now, device_key=device_key[:64] or None,
            name=name[:100] or row[3]))
        if done.rowcount != 1:
            return None
        audit(conn, device_id=str(row[0]), user_id=None, action="enrol", entity="device", entity_id=str(row[0]),
              detail=name[:100])
    return str(row[0]), token, str(row[1])


def revoke(db: Database, device_id: str) -> bool:
    with db.write() as (conn, _):
        done = conn.execute(update(t.devices).where(and_(t.devices.c.id == device_id,
                                                         t.devices.c.revoked_at.is_(None)))
                            .values(revoked_at=utc_now(), token_hash=None, enrol_code_hash=None))
        if done.rowcount:
            audit(conn, device_id=device_id, user_id=None, action="revoke", entity="device", entity_id=device_id)
    return bool(done.rowcount)


def list_devices(db: Database) -> list[dict[str, Any]]:
    with db.read() as conn:
        rows = conn.execute(select(t.devices.c.id, t.teams.c.code, t.devices.c.name, t.devices.c.enrolled_at,
                                   t.devices.c.revoked_at).join(t.teams, t.teams.c.id == t.devices.c.team_id)
                            .order_by(t.devices.c.created_at)).all()
    return [{"id": r[0], "team": r[1], "name": r[2], "enrolled_at": r[3], "revoked_at": r[4]} for r in rows]


def publish_reference(db: Database, kind: str, key: str, data: Any) -> int:
    """Tariff tables, form definitions: sent to every team through the change feed."""
    with db.write() as (conn, pending):
        row = conn.execute(select(t.reference.c.version).where(and_(t.reference.c.kind == kind,
                                                                    t.reference.c.key == key))).first()
        version = 1 if row is None else int(row[0]) + 1
        if row is None:
            conn.execute(insert(t.reference).values(kind=kind, key=key, data=dumps(data), version=version))
        else:
            conn.execute(update(t.reference).where(and_(t.reference.c.kind == kind, t.reference.c.key == key))
                         .values(data=dumps(data), version=version))
        pending.add(None, "reference", f"{kind}/{key}", {"kind": kind, "key": key, "version": version, "data": data})
        audit(conn, device_id=None, user_id=None, action="publish", entity="reference", entity_id=f"{kind}/{key}")
    return version


IMPORT_COLUMNS = ("number", "kind", "customer_code", "customer_name", "phone", "street", "commune", "province",
                  "meter_serial", "due_date", "team", "assignee", "note")
# optional: what the utility knows of the meter (a DLMS meter is named so; default mode C)
METER_COLUMNS = ("meter_protocol", "meter_manufacturer", "meter_model", "meter_phases")


def import_work_orders(db: Database, text: str, team_code: str | None = None,
                       assignee: str | None = None) -> list[str]:
    """Import work orders from CSV (header row; columns as in IMPORT_COLUMNS, extra ones ignored).

    Each row names its team (or `team_code` for all), optionally a technician. Unknown
    customers and meters are created. The whole file is one transaction: a bad row stops it.
    Returns the new work orders' numbers."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if reader.fieldnames is None or "number" not in reader.fieldnames:
        raise AdminError("the CSV needs a header row with at least: number, kind, customer_code, team")
    created: list[str] = []
    now = utc_now()
    with db.write() as (conn, pending):
        for lineno, row in enumerate(reader, start=2):
            def cell(name: str, row: dict[str, Any] = row) -> str:
                return str(row.get(name) or "").strip()

            team = team_code or cell("team")
            team_row = conn.execute(select(t.teams.c.id).where(t.teams.c.code == team)).first()
            if team_row is None:
                raise AdminError(f"line {lineno}: unknown team {team!r}")
            team_id = str(team_row[0])
            number = cell("number")
            if not number:
                raise AdminError(f"line {lineno}: the work-order number is missing")
            try:
                kind = WorkOrderKind(cell("kind") or "reading").value
            except ValueError as exc:
                raise AdminError(f"line {lineno}: unknown kind {cell('kind')!r}") from exc
            who = assignee or cell("assignee")
            assignee_id = None
            if who:
                u = conn.execute(select(t.users.c.id, t.users.c.team_id).where(t.users.c.username == who)).first()
                if u is None or u[1] != team_id:
                    raise AdminError(f"line {lineno}: {who!r} is not a user of team {team!r}")
                assignee_id = str(u[0])
            customer_id = None
            code = cell("customer_code").upper()
            if code:
                c = conn.execute(select(t.customers.c.id, t.customers.c.team_id)
                                 .where(t.customers.c.code == code)).first()
                if c is not None and c[1] != team_id:
                    raise AdminError(f"line {lineno}: customer {code} belongs to another team")
                if c is None:
                    customer_id = new_id()
                    data = {"id": customer_id, "code": code, "name": cell("customer_name") or code,
                            "phone": cell("phone"), "national_id": "", "province_code": None,
                            "province": cell("province"), "commune_code": None, "commune": cell("commune"),
                            "street": cell("street"), "old_district": "", "households": 1, "version": 1}
                    conn.execute(insert(t.customers).values(id=customer_id, code=code, team_id=team_id, version=1,
                                                            data=dumps(data), conflict=False, updated_at=now))
                    conn.execute(insert(t.customer_versions).values(customer_id=customer_id, version=1,
                                                                    data=dumps(data), at=now))
                    pending.add(team_id, "customer", customer_id, data)
                else:
                    customer_id = str(c[0])
            meter_id = None
            serial = cell("meter_serial")
            if serial:
                meter_id = new_id()
                protocol = cell("meter_protocol") or "iec62056-21"
                if protocol not in {p.value for p in MeterProtocol}:
                    raise AdminError(f"line {lineno}: meter_protocol must be one of "
                                     f"{', '.join(p.value for p in MeterProtocol)}, not {protocol!r}")
                phases = cell("meter_phases") or "1"
                if phases not in ("1", "3"):
                    raise AdminError(f"line {lineno}: meter_phases must be 1 or 3, not {phases!r}")
                mdata = {"id": meter_id, "serial": serial, "manufacturer": cell("meter_manufacturer")[:64],
                         "model": cell("meter_model")[:64], "phases": int(phases),
                         "protocol": protocol, "ct_ratio": "", "vt_ratio": "", "tariff_registers": 1,
                         "customer_id": customer_id}
                conn.execute(insert(t.facts).values(id=meter_id, entity="meter", team_id=team_id, data=dumps(mdata),
                                                    at=now))
                pending.add(team_id, "meter", meter_id, mdata)
            wid = new_id()
            due = cell("due_date") or None
            wdata = {"id": wid, "number": number, "kind": kind, "state": "assigned", "customer_id": customer_id,
                     "team_id": team_id, "due_date": due, "assignee_id": assignee_id, "meter_id": meter_id,
                     "note": cell("note"), "review_comment": "", "version": 1}
            if conn.execute(select(t.work_orders.c.id).where(t.work_orders.c.number == number)).first():
                raise AdminError(f"line {lineno}: work order {number} already exists")
            conn.execute(insert(t.work_orders).values(id=wid, number=number, team_id=team_id, assignee_id=assignee_id,
                                                      state="assigned", version=1, data=dumps(wdata), conflict=False,
                                                      updated_at=now))
            conn.execute(insert(t.work_order_versions).values(work_order_id=wid, version=1, data=dumps(wdata), at=now))
            pending.add(team_id, "work_order", wid, wdata)
            audit(conn, device_id=None, user_id=None, action="import", entity="work_order", entity_id=wid,
                  detail=number)
            created.append(number)
    return created


def seed_known(db: Database, team_code: str, records: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Make the server know records a laptop already holds (the demo profile's customers, meters and
    work orders), with the same ids and versions, in one team; work orders keep their state and go to
    the server's user of the same username. Nothing enters the change feed: the laptop has them
    already, and sending 2,000 customers back to it would only rewrite them. Records the server
    already holds are left as they are, so seeding twice changes nothing. Returns the counts added."""
    team_id = team_id_of(db, team_code)
    now = utc_now()
    added = {"customers": 0, "meters": 0, "work_orders": 0}
    with db.write() as (conn, _):
        users = {str(r[0]): str(r[1]) for r in conn.execute(select(t.users.c.username, t.users.c.id)
                                                            .where(t.users.c.team_id == team_id))}

        def new(table: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
            ids = [str(r["id"]) for r in rows]
            have: set[str] = set()
            for i in range(0, len(ids), 500):
                have |= {str(x[0]) for x in conn.execute(select(table.c.id).where(table.c.id.in_(ids[i:i + 500])))}
            return [r for r in rows if str(r["id"]) not in have]

        customers = new(t.customers, records.get("customers", []))
        if customers:
            conn.execute(insert(t.customers), [
                {"id": c["id"], "code": str(c["code"]).upper(), "team_id": team_id, "version": int(c["version"]),
                 "data": dumps(c), "conflict": False, "updated_at": now} for c in customers])
            conn.execute(insert(t.customer_versions), [
                {"customer_id": c["id"], "version": int(c["version"]), "data": dumps(c), "at": now}
                for c in customers])
        meters = [m for m in records.get("meters", []) if MeterProtocol(m["protocol"])]
        meters = new(t.facts, meters)
        if meters:
            conn.execute(insert(t.facts), [
                {"id": m["id"], "entity": "meter", "team_id": team_id, "work_order_id": None, "data": dumps(m),
                 "at": now} for m in meters])
        orders = new(t.work_orders, records.get("work_orders", []))
        rows, versions = [], []
        for w in orders:
            assignee = users.get(str(w.get("assignee") or ""))
            data = {"id": w["id"], "number": w["number"], "kind": WorkOrderKind(w["kind"]).value,
                    "state": w["state"], "customer_id": w["customer_id"], "team_id": team_id,
                    "due_date": w["due_date"], "assignee_id": assignee, "meter_id": w["meter_id"],
                    "note": w.get("note") or "", "review_comment": w.get("review_comment") or "",
                    "version": int(w["version"])}
            rows.append({"id": w["id"], "number": w["number"], "team_id": team_id, "assignee_id": assignee,
                         "state": w["state"], "version": int(w["version"]), "data": dumps(data), "conflict": False,
                         "updated_at": now})
            versions.append({"work_order_id": w["id"], "version": int(w["version"]), "data": dumps(data), "at": now})
        if rows:
            conn.execute(insert(t.work_orders), rows)
            conn.execute(insert(t.work_order_versions), versions)
        added = {"customers": len(customers), "meters": len(meters), "work_orders": len(rows)}
        audit(conn, device_id=None, user_id=None, action="seed", entity="team", entity_id=team_id,
              detail=f"{added['customers']} customers, {added['meters']} meters, {added['work_orders']} work orders")
    return added


def assign_customer_code(db: Database, customer_id: str, code: str) -> int:
    """The utility's real customer code for a household registered with a provisional one (a
    new-supply request): a new version of the customer, sent to its team's laptops, where the
    household's records and documents follow (services/documents.follow_code_changes).
    Returns the new version. Laptops cannot change a code; only this can."""
    from fieldkit.domain.codes import customer_code_problems, normalise_customer_code

    code = normalise_customer_code(code)
    problems = customer_code_problems(code)
    if problems:
        raise AdminError(problems[0].en)
    with db.write() as (conn, pending):
        row = conn.execute(select(t.customers.c.team_id, t.customers.c.version, t.customers.c.data, t.customers.c.code)
                           .where(t.customers.c.id == customer_id)).first()
        if row is None:
            raise AdminError(f"unknown customer {customer_id}")
        if row[3] == code:
            return int(row[1])
        if conn.execute(select(t.customers.c.id).where(t.customers.c.code == code)).first() is not None:
            raise AdminError(f"the code {code} is already another customer's")
        version = int(row[1]) + 1
        now = utc_now()
        data = json.loads(row[2]) | {"code": code, "version": version}
        conn.execute(update(t.customers).where(t.customers.c.id == customer_id)
                     .values(code=code, version=version, data=dumps(data), updated_at=now))
        conn.execute(insert(t.customer_versions).values(customer_id=customer_id, version=version, base_version=None,
                                                        data=dumps(data), at=now))
        pending.add(str(row[0]), "customer", customer_id, data)
        audit(conn, device_id=None, user_id=None, action="assign_code", entity="customer", entity_id=customer_id,
              detail=f"{row[3]} -> {code}")
    return version
