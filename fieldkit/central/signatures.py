"""Verify who made each pushed operation, and whether their role *now* lets them.

A push carries the operations and, per author, one Ed25519 signature over the digests of
that author's operations in the batch, in order (`sigs: [{"actor", "sig"}]`). An operation
may instead carry its own `sig` (made on the laptop when it was recorded, for an author who is
not the one syncing). The server checks the author is an active member of the device's team,
that their key for *this* device is registered, and the signature; then the role matrix
below. The batch signature and the digests are kept (`op_batches`, `op_proofs`) so
authorship can be shown later.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, false, insert, select

from fieldkit.central import batch_apply, bulk, people
from fieldkit.central import schema as t
from fieldkit.central.db import utc_now
from fieldkit.domain import signing
from fieldkit.domain.models import Role

try:
    import orjson
except ImportError:  # pragma: no cover - the server extra installs it; the standard encoder does the same job
    orjson = None  # type: ignore[assignment]

MAX_NAMES = 50  # authors read with the device's key in one query (a batch has one or a few)

TECH, TRAINER, SUP = Role.TECHNICIAN.value, Role.TRAINER.value, Role.SUPERVISOR.value

# Which roles may make which operation (the server's rule; the laptop's menus only mirror it).
# Work-order transitions are also checked against the state machine and, for trainers, the kind.
MATRIX: dict[tuple[str, str], frozenset[str]] = {
    ("customer", "create"): frozenset({TECH, TRAINER, SUP}),
    ("customer", "update"): frozenset({TECH, TRAINER, SUP}),
    ("work_order", "create"): frozenset({TECH, TRAINER, SUP}),
    ("work_order", "status"): frozenset({TECH, TRAINER}),
    ("work_order", "approve"): frozenset({SUP}),
    ("work_order", "return"): frozenset({SUP}),
    ("work_order", "reassign"): frozenset({SUP}),
    ("meter", "create"): frozenset({TECH, SUP}),
    ("reading", "append"): frozenset({TECH, SUP}),
    ("install", "append"): frozenset({TECH}),
    ("onboarding_step", "append"): frozenset({TECH, TRAINER}),
    ("attachment", "create"): frozenset({TECH, TRAINER, SUP}),
    ("conflict", "resolve"): frozenset({SUP}),
}


def op_digest(op: dict[str, Any], device_key: str) -> bytes:
    """`signing.op_digest`, the same bytes, 5x faster: orjson writes the canonical JSON whenever it
    gives exactly the standard encoder's text (no floats anywhere, which it spells differently;
    what it refuses, such as lone surrogates or integers beyond 64 bits, goes the standard way)."""
    payload, base = op.get("payload"), op.get("base_version")
    if orjson is None or (base is not None and type(base) is not int) or _has_float(payload):
        return signing.op_digest(op, device_key)
    fields = [signing.OP.decode(), str(op["op_id"]), str(op["entity"]), str(op["action"]), str(op["entity_id"]),
              "", base, device_key, str(op.get("device_time") or ""), str(op.get("actor") or "")]
    try:
        fields[5] = hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()
        return hashlib.sha256(orjson.dumps(fields)).digest()
    except orjson.JSONEncodeError:
        return signing.op_digest(op, device_key)


def _has_float(value: Any) -> bool:
    """Whether anything in `value` is not text, a whole number, a boolean, null, an object or a list
    (a float, or anything else: the standard encoder decides). Scalars are looked at in place, only
    containers go on the stack (a reading's payload is mostly text)."""
    stack = [value]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is dict:
            values: Any = node.values()
        elif kind is list:
            values = node
        elif kind is str or kind is int or kind is bool or node is None:
            continue
        else:
            return True
        for v in values:
            k = type(v)
            if k is str or k is int or k is bool or v is None:
                continue
            if k is dict or k is list:
                stack.append(v)
            else:
                return True
    return False


has_float = _has_float  # also used by GET /v1/changes: a page without floats is written by orjson


def allowed(entity: str, action: str, role: str) -> bool:
    return role in MATRIX.get((entity, action), frozenset())


@dataclass
class Refusal:
    code: str
    reason: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Group:
    author: people.Person
    key: str
    signature: str
    digests: list[bytes] = field(default_factory=list)
    op_ids: list[str] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)


@dataclass
class Checked:
    authors: list[people.Person | Refusal]
    groups: list[Group]


def check(conn: Connection, device_id: str, team_id: str, ops: list[Any],
          sigs: list[dict[str, Any]]) -> Checked:
    """One verdict per operation: its verified author, or why it is refused."""
    found = _look_up(conn, "id", device_id, team_id, _names(ops))
    if found is None:  # no such device (the token was checked): the look-ups one by one, as they always answered
        return _verify(conn, device_id, team_id, people.device_key(conn, device_id), {}, {}, ops, sigs)
    return _verify(conn, device_id, team_id, *found[2:], ops, sigs)


def check_token(conn: Connection, token_hash: str, ops: list[Any], sigs: list[dict[str, Any]]
                ) -> tuple[str, str, Checked] | None:
    """The device holding this token (enrolled, not revoked) and the verdicts on its operations, the
    token checked in the same query as the authors and their keys (one round trip, inside the
    caller's write transaction: a token revoked before it reads is refused, and nothing is written).
    None: no device holds this token now."""
    found = _look_up(conn, "token", token_hash, None, _names(ops))
    if found is None:
        return None
    device_id, team_id = found[0], found[1]
    return device_id, team_id, _verify(conn, device_id, team_id, *found[2:], ops, sigs)


def _names(ops: list[Any]) -> set[str]:
    return {name for op in ops if isinstance(op, dict) and isinstance(name := op.get("actor"), str) and name}


def _verify(conn: Connection, device_id: str, team_id: str, dkey: str,
            members: dict[str, people.Person | Refusal], keys: dict[str, str | None], ops: list[Any],
            sigs: list[dict[str, Any]]) -> Checked:
    verdicts: list[people.Person | Refusal | None] = [None] * len(ops)
    batch_sig = {str(s.get("actor")): str(s.get("sig") or "") for s in sigs}
    groups: dict[str, Group] = {}
    singles: list[tuple[int, Group]] = []

    def author(name: str) -> people.Person | Refusal:
        if name not in members:
            try:
                members[name] = (people.member(conn, name, team_id) if _storable(name)
                                 else people.member_of(None, name, team_id))  # no such user can exist
            except people.PeopleError as exc:
                members[name] = Refusal(exc.code, str(exc), {"user": name[:64]})
        return members[name]

    for i, op in enumerate(ops):
        name = op.get("actor") if isinstance(op, dict) else None
        if not isinstance(name, str) or not name:
            verdicts[i] = Refusal(people.UNSIGNED, "the operation names no author", {"user": "?"})
            continue
        try:
            digest = op_digest(op, dkey)
        except (KeyError, ValueError, TypeError) as exc:
            verdicts[i] = Refusal("invalid_author", f"invalid payload: {exc}", {"user": name[:64]})
            continue
        who = author(name)
        if isinstance(who, Refusal):
            verdicts[i] = who
            continue
        if who.user_id not in keys:  # one look-up per author, not per operation
            keys[who.user_id] = people.public_key(conn, who.user_id, device_id)
        key = keys[who.user_id]
        if key is None:
            verdicts[i] = Refusal(people.NO_KEY, f"no signing key of '{who.username}' is registered for this "
                                                 "device (add the person again with a user code)",
                                  {"user": who.username})
            continue
        own = op.get("sig")
        if own:
            g = Group(who, key, str(own), [digest], [str(op["op_id"])], [i])
            singles.append((i, g))
            continue
        if name not in batch_sig:
            verdicts[i] = Refusal(people.UNSIGNED, f"the operation is not signed by '{name}'", {"user": name[:64]})
            continue
        g = groups.setdefault(name, Group(who, key, batch_sig[name]))
        g.digests.append(digest)
        g.op_ids.append(str(op["op_id"]))
        g.indices.append(i)
    good: list[Group] = []
    for g in groups.values():
        ok = signing.verify(g.key, g.signature, signing.batch_message(dkey, g.author.username, g.digests))
        if ok:
            good.append(g)
        for i in g.indices:
            verdicts[i] = g.author if ok else Refusal(people.BAD_SIGNATURE, "the signature does not match the "
                                                                              "operations, device or author",
                                                      {"user": g.author.username})
    for i, g in singles:
        ok = signing.verify(g.key, g.signature, signing.batch_message(dkey, g.author.username, g.digests))
        verdicts[i] = g.author if ok else Refusal(people.BAD_SIGNATURE, "the operation's own signature does not "
                                                                          "match it", {"user": g.author.username})
        if ok:
            good.append(g)
    return Checked([v if v is not None else Refusal(people.UNSIGNED, "not signed", {"user": "?"})
                    for v in verdicts], good)


def _look_up(conn: Connection, by: str, value: str, team_id: str | None, names: set[str]
             ) -> tuple[str, str, str, dict[str, people.Person | Refusal], dict[str, str | None]] | None:
    """The device (`by` "id": whose id is `value`; "token": enrolled, not revoked, whose token's
    hash is `value`), its team and key, and each author (at most MAX_NAMES of
    them) with their key for this device, in one query (one round trip instead of one per look-up:
    under load each waited for the database). An author not read here is read on its own by
    check() (people.member). `team_id`: the team the authors must belong to (None: the device's).
    None: no such device."""
    members: dict[str, people.Person | Refusal] = {}
    keys: dict[str, str | None] = {}
    asked = sorted(n for n in names if len(n) <= 128 and _storable(n))[:MAX_NAMES]
    d, u, k = t.devices.c, t.users.c, t.user_keys.c
    if conn.dialect.name == "postgresql":  # fixed text: no statement built and no cache key made per push
        rows = conn.exec_driver_sql(_LOOK_UP_PG[by], {"value": value, "names": asked}).all()
    else:
        rows = conn.execute(
            select(d.device_key, u.id, u.username, u.display_name, u.role, u.team_id, u.active, k.public_key,
                   d.id, d.team_id)
            .select_from(t.devices.outerjoin(t.users, u.username.in_(asked) if asked else false())
                         .outerjoin(t.user_keys, and_(k.user_id == u.id, k.device_id == d.id,
                                                      k.revoked_at.is_(None))))
            .where(and_(d.token_hash == value, d.revoked_at.is_(None)) if by == "token" else d.id == value)).all()
    if not rows or len({r[8] for r in rows}) != 1:  # none (or, never, a token two devices hold)
        return None
    device_id = str(rows[0][8])
    team_id = str(rows[0][9]) if team_id is None else team_id
    dkey = str(rows[0][0]) if rows[0][0] else device_id
    found: dict[str, people.Person] = {}
    for row in rows:
        if row[1] is None or str(row[2]) in found:
            continue
        p = people.Person(str(row[1]), str(row[2]), str(row[3]), str(row[4]), str(row[5]), bool(row[6]))
        found[p.username] = p
        keys[p.user_id] = None if row[7] is None else str(row[7])
    for name in asked:
        try:
            members[name] = people.member_of(found.get(name), name, team_id)
        except people.PeopleError as exc:
            members[name] = Refusal(exc.code, str(exc), {"user": name[:64]})
    return device_id, team_id, dkey, members, keys


_LOOK_UP_SQL = ("SELECT d.device_key, u.id, u.username, u.display_name, u.role, u.team_id, u.active, k.public_key, "
                "d.id, d.team_id FROM devices d LEFT OUTER JOIN users u ON u.username = ANY(%(names)s) "
                "LEFT OUTER JOIN user_keys k ON k.user_id = u.id AND k.device_id = d.id AND k.revoked_at IS NULL "
                "WHERE ")
_LOOK_UP_PG = {"id": _LOOK_UP_SQL + "d.id = %(value)s",
               "token": _LOOK_UP_SQL + "d.token_hash = %(value)s AND d.revoked_at IS NULL"}


def _storable(text: str) -> bool:
    """Text a database takes as a parameter (no NUL, no lone surrogate); any other name is left to
    the one-by-one look-up, which meets it only as it always did."""
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# On PostgreSQL a group's proofs are one statement: its op_batches row, then the op_proofs of the
# operations stored now (one JSON array of [op_id, position]; a proof kept before stays).
_PROOFS_PG = ("WITH b AS (INSERT INTO op_batches (device_id, user_id, public_key, signature, digests, at) "
              "VALUES (%(device)s, %(user)s, %(key)s, %(sig)s, %(digests)s, %(at)s) RETURNING id) "
              "INSERT INTO op_proofs (op_id, batch_id, position) SELECT e->>0, b.id, (e->>1)::int "
              "FROM b, jsonb_array_elements(%(proofs)s::jsonb) AS e ON CONFLICT (op_id) DO NOTHING")


def proof_of(groups: list[Group], count: int) -> batch_apply.Proof | None:
    """The proof a run's statement may keep (batch_apply): the batch's one verified signature, when
    it covers all `count` operations in their order."""
    if len(groups) != 1 or groups[0].indices != list(range(count)):
        return None
    g = groups[0]
    return batch_apply.Proof(g.author.user_id, g.key, g.signature, ",".join([d.hex() for d in g.digests]))


def keep_proofs(conn: Connection, device_id: str, groups: list[Group], stored: set[str]) -> None:
    """Keep each verified signature with its digests for the operations stored now."""
    now = utc_now()
    for g in groups:
        # A proof already kept for an id (stored by an earlier push, e.g. a replay) stays the first one.
        first: dict[str, int] = {}
        for k, o in enumerate(g.op_ids):
            if o in stored and o not in first:
                first[o] = k
        if not first:
            continue
        digests = ",".join([d.hex() for d in g.digests])
        if orjson is not None and conn.dialect.name == "postgresql":
            conn.exec_driver_sql(_PROOFS_PG, {
                "device": device_id, "user": g.author.user_id, "key": g.key, "sig": g.signature,
                "digests": digests, "at": now, "proofs": orjson.dumps(list(first.items())).decode()})
            continue
        cur = conn.execute(insert(t.op_batches).values(
            device_id=device_id, user_id=g.author.user_id, public_key=g.key, signature=g.signature,
            digests=digests, at=now))
        made = cur.inserted_primary_key
        assert made is not None
        batch_id = int(made[0])
        bulk.insert_rows(conn, t.op_proofs, [{"op_id": o, "batch_id": batch_id, "position": k}
                                             for o, k in first.items()], conflict="op_id")


def proof(conn: Connection, op_id: str) -> dict[str, Any] | None:
    """What shows who made an operation: the batch signature, the digests and the key."""
    row = conn.execute(select(t.op_proofs.c.position, t.op_batches.c.signature, t.op_batches.c.digests,
                              t.op_batches.c.public_key, t.op_batches.c.user_id, t.op_batches.c.device_id)
                       .join(t.op_batches, t.op_batches.c.id == t.op_proofs.c.batch_id)
                       .where(t.op_proofs.c.op_id == op_id)).first()
    if row is None:
        return None
    return {"position": int(row[0]), "signature": row[1], "digests": str(row[2]).split(","),
            "public_key": row[3], "user_id": row[4], "device_id": row[5]}
