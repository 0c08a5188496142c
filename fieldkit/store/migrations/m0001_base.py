"""Base schema: reference data, customers, meters, work orders, field facts, outbox, audit."""

from __future__ import annotations

from typing import Any

VERSION = 1

SQL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_code TEXT NOT NULL DEFAULT ''
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('technician', 'trainer', 'supervisor')),
    team_id TEXT REFERENCES teams(id)
);

CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    national_id TEXT NOT NULL DEFAULT '',
    province_code INTEGER,
    province TEXT NOT NULL DEFAULT '',
    commune_code INTEGER,
    commune TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    old_district TEXT NOT NULL DEFAULT '',
    households INTEGER NOT NULL DEFAULT 1 CHECK (households >= 1),
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX customers_name_folded ON customers(name_folded, code);
CREATE INDEX customers_phone ON customers(phone);
CREATE INDEX customers_commune ON customers(commune_code);

CREATE TABLE meters (
    id TEXT PRIMARY KEY,
    serial TEXT NOT NULL,
    manufacturer TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    phases INTEGER NOT NULL DEFAULT 1 CHECK (phases IN (1, 3)),
    protocol TEXT NOT NULL DEFAULT 'iec62056-21',
    ct_ratio TEXT NOT NULL DEFAULT '',
    vt_ratio TEXT NOT NULL DEFAULT '',
    tariff_registers INTEGER NOT NULL DEFAULT 1,
    customer_id TEXT REFERENCES customers(id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meters_serial ON meters(serial);
CREATE INDEX meters_customer ON meters(customer_id);

CREATE TABLE work_orders (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    customer_id TEXT REFERENCES customers(id),
    meter_id TEXT REFERENCES meters(id),
    team_id TEXT,
    assignee_id TEXT,
    due_date TEXT,
    note TEXT NOT NULL DEFAULT '',
    review_comment TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX work_orders_state_due ON work_orders(state, due_date);
CREATE INDEX work_orders_assignee ON work_orders(assignee_id, state);
CREATE INDEX work_orders_customer ON work_orders(customer_id);

-- Field facts: append-only. A correction is a new row whose `supersedes` names the old one.
CREATE TABLE readings (
    id TEXT PRIMARY KEY,
    meter_id TEXT NOT NULL REFERENCES meters(id),
    customer_id TEXT REFERENCES customers(id),
    work_order_id TEXT REFERENCES work_orders(id),
    taken_at TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('optical', 'manual')),
    registers TEXT NOT NULL,
    manual_reason TEXT NOT NULL DEFAULT '',
    capture_sha256 TEXT,
    photo_sha256 TEXT,
    supersedes TEXT REFERENCES readings(id),
    recorded_by TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX readings_meter_time ON readings(meter_id, taken_at);
CREATE INDEX readings_work_order ON readings(work_order_id) WHERE work_order_id IS NOT NULL;

CREATE TABLE installs (
    id TEXT PRIMARY KEY,
    work_order_id TEXT NOT NULL REFERENCES work_orders(id),
    customer_id TEXT REFERENCES customers(id),
    installed_meter_serial TEXT NOT NULL,
    removed_meter_serial TEXT NOT NULL DEFAULT '',
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    supersedes TEXT REFERENCES installs(id),
    recorded_by TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX installs_work_order ON installs(work_order_id);

CREATE TABLE onboarding_steps (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers(id),
    work_order_id TEXT REFERENCES work_orders(id),
    step TEXT NOT NULL,
    data TEXT NOT NULL,
    supersedes TEXT REFERENCES onboarding_steps(id),
    recorded_by TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX onboarding_customer ON onboarding_steps(customer_id, step);

CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Every change is written in the same transaction as its outbox entry and audit line.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    payload TEXT NOT NULL,
    base_version INTEGER,
    device_time TEXT NOT NULL,
    actor TEXT,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'quarantined')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    result TEXT
);
CREATE INDEX outbox_pending ON outbox(state, seq);
CREATE INDEX outbox_entity ON outbox(entity, entity_id);

CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT,
    device_id TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op_id TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
"""

APPEND_ONLY = ("readings", "installs", "onboarding_steps", "attachments", "audit")


def migrate(conn: Any) -> None:
    # executescript() would COMMIT mid-migration; run the statements one by one instead.
    for statement in _statements(SQL):
        conn.execute(statement)
    for table in APPEND_ONLY:
        conn.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} are append-only: record a correction instead'); END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} are append-only: record a correction instead'); END"
        )


def _statements(sql: str) -> list[str]:
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
