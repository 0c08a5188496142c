"""Many rows in one statement.

On PostgreSQL a list of rows goes as one `INSERT … SELECT * FROM unnest(%(c1)s::text[], …)`: one
statement, one parse and one round trip whatever the number of rows, the values sent as typed
arrays (psycopg's executemany sends one INSERT per row, even pipelined; SQLAlchemy's
"insertmanyvalues" builds a statement text of every row that psycopg parses again each time).
Constraints, foreign keys and column lengths are checked by the database exactly as for single
rows. On SQLite it is SQLAlchemy's executemany (in-process, no round trips to save).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Boolean, Connection, Integer, LargeBinary, Table

_PG_TYPES: list[tuple[type, str]] = [(BigInteger, "int8"), (Integer, "int4"), (Boolean, "bool"),
                                     (LargeBinary, "bytea")]


def _pg_type(column: Any) -> str:
    for kind, name in _PG_TYPES:
        if isinstance(column.type, kind):
            return name
    return "text"


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *,
                conflict: str | None = None, returning: str | None = None) -> list[Any]:
    """Insert `rows` (dicts with the same keys). `conflict`: a unique column whose clashes are
    skipped (ON CONFLICT DO NOTHING); `returning`: a column whose values for the inserted rows come
    back (only rows actually inserted). Returns those values, else []."""
    if not rows:
        return []
    names = list(rows[0])
    if conn.dialect.name != "postgresql":
        return _sqlite_insert(conn, table, rows, conflict, returning)
    cols = ", ".join(f'"{n}"' for n in names)
    arrays = ", ".join(f"%({n})b::{_pg_type(table.c[n])}[]" for n in names)  # binary: no text escaping
    sql = f'INSERT INTO "{table.name}" ({cols}) SELECT * FROM unnest({arrays})'
    if conflict:
        table.c[conflict]  # noqa: B018 - a KeyError for a column the table does not have
        sql += f' ON CONFLICT ("{conflict}") DO NOTHING'
    if returning:
        table.c[returning]  # noqa: B018
        sql += f' RETURNING "{returning}"'
    params = {n: [r[n] for r in rows] for n in names}
    result = conn.exec_driver_sql(sql, params)
    return [r[0] for r in result] if returning else []


def _sqlite_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], conflict: str | None,
                   returning: str | None) -> list[Any]:
    if conflict is None and returning is None:
        conn.execute(table.insert(), list(rows))
        return []
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    stmt: Any = sqlite_insert(table)
    if conflict:
        stmt = stmt.on_conflict_do_nothing(index_elements=[table.c[conflict]])
    if returning:
        stmt = stmt.returning(table.c[returning])
        return [r[0] for r in conn.execute(stmt, list(rows))]
    conn.execute(stmt, list(rows))
    return []
