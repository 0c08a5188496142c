"""The central server's tables (SQLAlchemy Core): the same definitions serve SQLite and PostgreSQL.

Mutable records (customers, work orders) keep every version in `*_versions`; field facts
(readings, installs, onboarding steps, meters) are stored once in `facts`. `ops` holds one
row per operation id ever received: its primary key is the at-most-once guard. `changes`
is the pull feed, numbered by the monotonic `seq` taken from the `counters` row.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

teams = Table(
    "teams", metadata,
    Column("id", String(36), primary_key=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("unit_code", String(16), nullable=False, default=""),
)

users = Table(
    "users", metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(128), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
)

devices = Table(
    "devices", metadata,
    Column("id", String(36), primary_key=True),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False),
    Column("name", Text, nullable=False, default=""),
    Column("enrol_code_hash", String(64), unique=True),
    Column("device_key", String(64)),  # the device's own id, sent with the code: lets a cut enrolment retry
    Column("code_expires_at", String(40)),
    Column("token_hash", String(64), unique=True),
    Column("created_at", String(40), nullable=False),
    Column("enrolled_at", String(40)),
    Column("revoked_at", String(40)),
)

counters = Table(
    "counters", metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

customers = Table(
    "customers", metadata,
    Column("id", String(36), primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Column("conflict", Boolean, nullable=False, default=False),
    Column("updated_at", String(40), nullable=False),
)

customer_versions = Table(
    "customer_versions", metadata,
    Column("customer_id", String(36), ForeignKey("customers.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("base_version", Integer),
    Column("data", Text, nullable=False),
    Column("op_id", String(36)),
    Column("device_id", String(36)),
    Column("user_id", String(36)),
    Column("at", String(40), nullable=False),
)

work_orders = Table(
    "work_orders", metadata,
    Column("id", String(36), primary_key=True),
    Column("number", String(64), nullable=False, unique=True),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False),
    Column("assignee_id", String(36)),
    Column("state", String(16), nullable=False),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Column("conflict", Boolean, nullable=False, default=False),
    Column("updated_at", String(40), nullable=False),
)

work_order_versions = Table(
    "work_order_versions", metadata,
    Column("work_order_id", String(36), ForeignKey("work_orders.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("base_version", Integer),
    Column("data", Text, nullable=False),
    Column("op_id", String(36)),
    Column("device_id", String(36)),
    Column("user_id", String(36)),
    Column("at", String(40), nullable=False),
)

# Append-only records: meters, readings, installs, onboarding steps.
facts = Table(
    "facts", metadata,
    Column("id", String(36), primary_key=True),
    Column("entity", String(32), nullable=False),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False),
    Column("work_order_id", String(36)),
    Column("data", Text, nullable=False),
    Column("op_id", String(36)),
    Column("at", String(40), nullable=False),
    Index("facts_work_order", "work_order_id"),
)

attachments = Table(
    "attachments", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("mime", String(128), nullable=False, default="application/octet-stream"),
    Column("kind", String(32), nullable=False, default=""),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=False),
    Column("received", BigInteger, nullable=False, default=0),
    Column("complete", Boolean, nullable=False, default=False),
    Column("created_at", String(40), nullable=False),
)

attachment_chunks = Table(
    "attachment_chunks", metadata,
    Column("sha256", String(64), ForeignKey("attachments.sha256"), primary_key=True),
    Column("offset", BigInteger, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

# One row per operation id ever received. The primary key is the at-most-once guard.
ops = Table(
    "ops", metadata,
    Column("op_id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("user_id", String(36)),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("result", Text, nullable=False),
    Column("device_time", String(40)),
    Column("at", String(40), nullable=False),
)

conflicts = Table(
    "conflicts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(36), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("op_id", String(36), nullable=False),
    Column("base_version", Integer),
    Column("server_version", Integer, nullable=False),
    Column("new_version", Integer, nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("user_id", String(36)),
    Column("detail", Text, nullable=False, default=""),
    Column("at", String(40), nullable=False),
    Column("resolved_by", String(36)),
    Column("resolved_at", String(40)),
    Index("conflicts_team_open", "team_id", "resolved_at"),
)

# The pull feed. `seq` comes from the counters row, whose lock orders commits.
changes = Table(
    "changes", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("team_id", String(36)),  # NULL: for every team (tariffs, forms)
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("origin_device", String(36)),
    Column("data", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Index("changes_team_seq", "team_id", "seq"),
)

reference = Table(
    "reference", metadata,
    Column("kind", String(32), primary_key=True),
    Column("key", String(128), primary_key=True),
    Column("data", Text, nullable=False),
    Column("version", Integer, nullable=False),
    UniqueConstraint("kind", "key"),
)

audit = Table(
    "audit", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("device_id", String(36)),
    Column("user_id", String(36)),
    Column("action", String(32), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("op_id", String(36)),
    Column("detail", Text, nullable=False, default=""),
)

# Change-feed records that could not be served (bad data stored behind the server's back, or
# written by an older version): skipped by GET /v1/changes, listed and removed by an admin
# (`fieldkit central quarantine list|remove`).
quarantine = Table(
    "quarantine", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("team_id", String(36)),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("error", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Column("removed_at", String(40)),
)

# Attachments per team: what a team declared (size, type, kind) and the bytes the server holds
# for it. A team's attachment is complete only when its own stored bytes hash to its sha256:
# another team's claim or upload of the same hash never touches these rows, short-circuits
# this team's upload, or shows in this team's answers. (`attachments` / `attachment_chunks`
# above are the older shared tables; verified rows are copied here once at start.)
team_attachments = Table(
    "team_attachments", metadata,
    Column("team_id", String(36), ForeignKey("teams.id"), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("mime", String(128), nullable=False, default="application/octet-stream"),
    Column("kind", String(32), nullable=False, default=""),
    Column("received", BigInteger, nullable=False, default=0),
    Column("complete", Boolean, nullable=False, default=False),
    Column("created_at", String(40), nullable=False),
)

team_attachment_chunks = Table(
    "team_attachment_chunks", metadata,
    Column("team_id", String(36), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("offset", BigInteger, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

# --- people: keys, one-time user codes, signed batches, user tokens, the server's own key ---------

# A person's public signing key, one per laptop they were added to (registered with a user code).
user_keys = Table(
    "user_keys", metadata,
    Column("user_id", String(36), ForeignKey("users.id"), primary_key=True),
    Column("device_id", String(36), ForeignKey("devices.id"), primary_key=True),
    Column("public_key", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

# One-time codes an administrator gives a person to add them to a laptop (hash only).
user_codes = Table(
    "user_codes", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("user_id", String(36), ForeignKey("users.id"), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40)),
    Column("device_id", String(36)),
)

# What proves who made an operation: the author's batch signature over the digests, in order.
op_batches = Table(
    "op_batches", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("device_id", String(36), nullable=False),
    Column("user_id", String(36), nullable=False),
    Column("public_key", String(64), nullable=False),
    Column("signature", String(100), nullable=False),
    Column("digests", Text, nullable=False),  # hex digests joined by ','
    Column("at", String(40), nullable=False),
)

op_proofs = Table(
    "op_proofs", metadata,
    Column("op_id", String(36), primary_key=True),
    Column("batch_id", Integer, nullable=False),
    Column("position", Integer, nullable=False),
)

auth_challenges = Table(
    "auth_challenges", metadata,
    Column("nonce", String(64), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("expires_at", String(40), nullable=False),
)

user_tokens = Table(
    "user_tokens", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(36), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("expires_at", String(40), nullable=False),
)

server_keys = Table(
    "server_keys", metadata,
    Column("id", Integer, primary_key=True),
    Column("private_key", String(64), nullable=False),  # "" (schema 2 kept the raw Ed25519 seed here, hex)
    Column("public_key", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    # schema 3 (central/server_key.py): the seed sealed under the operator's secret, when the key is
    # used from, and the previous key's signature handing over to this one (key 2 onwards)
    Column("sealed", Text, nullable=True),
    Column("valid_from", String(40), nullable=True),
    Column("endorsement", String(100), nullable=True),
)

sealed_seen = Table(
    "sealed_seen", metadata,  # schema 4 (central/sealed_seen.py): each sealed push is opened once
    Column("ephemeral", String(64), primary_key=True),  # its ephemeral X25519 public key, hex
    Column("made", BigInteger, nullable=False),  # its creation time `c` (UTC seconds): pruned by it
    Index("sealed_seen_made", "made"),
)

schema_info = Table(
    "schema_info", metadata,
    Column("name", String(32), primary_key=True),
    Column("value", Integer, nullable=False),
)
