"""Customer repository: rows <-> `Customer`, lookups and paged search."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fieldkit.domain.models import Address, Customer
from fieldkit.domain.text import digits, fold

COLUMNS = (
    "id, code, name, phone, national_id, province_code, province, commune_code, commune, "
    "street, old_district, households, version"
)
_HIGH = "\U0010ffff"


def from_row(row: Any) -> Customer:
    return Customer(
        id=row[0], code=row[1], name=row[2], phone=row[3], national_id=row[4],
        address=Address(
            province_code=row[5], province=row[6], commune_code=row[7], commune=row[8],
            street=row[9], old_district=row[10],
        ),
        households=row[11], version=row[12],
    )


def to_record(c: Customer, updated_at: str) -> dict[str, Any]:
    a = c.address
    return {
        "id": c.id, "code": c.code, "name": c.name, "name_folded": fold(c.name), "phone": c.phone,
        "national_id": c.national_id, "province_code": a.province_code, "province": a.province,
        "commune_code": a.commune_code, "commune": a.commune, "street": a.street,
        "old_district": a.old_district, "households": c.households, "version": c.version,
        "updated_at": updated_at,
    }


def payload(c: Customer) -> dict[str, Any]:
    """The customer as it travels in the outbox."""
    rec = to_record(c, "")
    rec.pop("name_folded")
    rec.pop("updated_at")
    return rec


def insert(conn: Any, c: Customer, now: str) -> None:
    rec = to_record(c, now)
    cols = ", ".join(rec)
    conn.execute(f"INSERT INTO customers ({cols}) VALUES ({', '.join('?' * len(rec))})", tuple(rec.values()))


def upsert(conn: Any, c: Customer, now: str) -> None:
    """Write a customer as the server sent it (sync pull); no outbox entry."""
    rec = to_record(c, now)
    cols = ", ".join(rec)
    updates = ", ".join(f"{k} = excluded.{k}" for k in rec if k != "id")
    conn.execute(
        f"INSERT INTO customers ({cols}) VALUES ({', '.join('?' * len(rec))}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        tuple(rec.values()),
    )


def update(conn: Any, c: Customer, now: str) -> None:
    rec = to_record(c, now)
    rec_id = rec.pop("id")
    sets = ", ".join(f"{k} = ?" for k in rec)
    conn.execute(f"UPDATE customers SET {sets} WHERE id = ?", (*rec.values(), rec_id))


def get(conn: Any, customer_id: str) -> Customer | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM customers WHERE id = ?", (customer_id,)).fetchone()
    return from_row(row) if row else None


def by_code(conn: Any, code: str) -> Customer | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM customers WHERE code = ?", (code.strip().upper(),)).fetchone()
    return from_row(row) if row else None


def by_phone(conn: Any, phone: str, limit: int = 20) -> list[Customer]:
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM customers WHERE phone = ? ORDER BY name_folded LIMIT ?", (phone, limit)
    ).fetchall()
    return [from_row(r) for r in rows]


def by_name_prefix(conn: Any, prefix: str, limit: int = 50) -> list[Customer]:
    p = fold(prefix)
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM customers WHERE name_folded >= ? AND name_folded < ? "
        "ORDER BY name_folded, code LIMIT ?",
        (p, p + _HIGH, limit),
    ).fetchall()
    return [from_row(r) for r in rows]


@dataclass(frozen=True)
class CustomerQuery:
    """What the customer list shows: a search text and an optional commune filter.

    The text is read as a customer code prefix ("PA23LN…"), a phone prefix (digits,
    "+84…"), or words of the name without diacritics: every word is a prefix of some
    word of the name ("thi huong" finds "Nguyễn Thị Hường"). One or two letters alone
    match the start of the full name, which the name index answers at once.
    Each kind of search is ordered by the index that answers it, so a page never sorts
    the whole match set.
    """

    text: str = ""
    commune_code: int | None = None

    def plan(self) -> tuple[str, list[Any], str]:
        """(WHERE clause, parameters, ORDER BY) for this query."""
        clauses: list[str] = []
        params: list[Any] = []
        order = "name_folded, code"
        t = self.text.strip()
        if t:
            compact = re.sub(r"[\s.\-]", "", t)
            if re.fullmatch(r"[Pp][A-Za-z][0-9A-Za-z]{0,11}", compact) and len(compact) >= 2:
                clauses.append("code >= ? AND code < ?")
                params += [compact.upper(), compact.upper() + _HIGH]
                order = "code"
            elif compact.isdigit() or (compact.startswith("+") and compact[1:].isdigit()):
                d = digits(compact)
                if d.startswith("84") and len(d) > 3:
                    d = "0" + d[2:]
                clauses.append("phone >= ? AND phone < ?")
                params += [d, d + _HIGH]
                order = "phone, code"
            else:
                folded = fold(t)
                tokens = [tok for tok in re.split(r"[^0-9a-z]+", folded) if tok]
                if len(tokens) == 1 and len(tokens[0]) < 3:
                    clauses.append("name_folded >= ? AND name_folded < ?")
                    params += [tokens[0], tokens[0] + _HIGH]
                elif tokens:
                    match = " AND ".join(f'"{tok}"*' for tok in tokens)
                    clauses.append("rowid IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)")
                    params.append(f"name_folded : ({match})")
                    # names that start with what was typed come first ("nguyen van" -> Nguyễn Văn …)
                    start = " ".join(tokens).replace("'", "")
                    order = f"substr(name_folded, 1, {len(start)}) != '{start}', name_folded, code"
        if self.commune_code is not None:
            clauses.append("commune_code = ?")
            params.append(self.commune_code)
        sql = " AND ".join(clauses) if clauses else "1"
        return sql, params, order


def count(conn: Any, query: CustomerQuery, cap: int | None = None) -> int:
    """How many customers match; with `cap`, counting stops there (a search shows "1000+")."""
    where, params, _ = query.plan()
    if cap is None:
        return int(conn.execute(f"SELECT count(*) FROM customers WHERE {where}", params).fetchone()[0])
    sql = f"SELECT count(*) FROM (SELECT 1 FROM customers WHERE {where} LIMIT ?)"
    return int(conn.execute(sql, (*params, cap)).fetchone()[0])


def page(conn: Any, query: CustomerQuery, offset: int, limit: int) -> list[Customer]:
    where, params, order = query.plan()
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM customers WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [from_row(r) for r in rows]
