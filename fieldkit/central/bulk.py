"""Many rows in one statement.

On PostgreSQL a list of rows goes as one `INSERT … SELECT * FROM unnest(<array>, …)`: one
statement, one parse and one round trip whatever the number of rows (psycopg's executemany sends
one INSERT per row, even pipelined; SQLAlchemy's "insertmanyvalues" builds a statement text of
every row that psycopg parses again each time). Each column travels as one JSON array made by
orjson (C) and is unpacked by the server (`json_array_elements_text`, in order, cast to the
column's type): about half the server's Python time of psycopg's binary arrays, which it builds
value by value in Python, and less time in PostgreSQL too (bench/central_stages.py). Values
orjson cannot write (a lone surrogate) and bytea columns go as binary arrays, as before.
Constraints, foreign keys and column lengths are checked by the database exactly as for single
rows. On SQLite it is SQLAlchemy's executemany (in-process, no round trips to save).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Connection, Integer, LargeBinary, Table

try:
    import orjson
except ImportError:  # pragma: no cover - the server extra installs it; binary arrays do the same job
    orjson = None  # type: ignore[assignment]

_PG_TYPES: list[tuple[type, str]] = [(BigInteger, "int8"), (Integer, "int4"), (Boolean, "bool"),
                                     (LargeBinary, "bytea")]


def _pg_type(column: Column[Any]) -> str:
    for kind, name in _PG_TYPES:
        if isinstance(column.type, kind):
            return name
    return "text"


def pg_arrays(columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """`unnest` arguments for `columns` [(name, PostgreSQL type)] of `rows`, and their parameters
    (named after the columns): one JSON array per column, or psycopg's binary arrays."""
    if orjson is not None and all(kind != "bytea" for _n, kind in columns):
        try:
            params = {n: orjson.dumps([r[n] for r in rows]).decode() for n, _k in columns}
        except (orjson.JSONEncodeError, UnicodeDecodeError):
            pass
        else:
            return ", ".join(f"ARRAY(SELECT v FROM json_array_elements_text(%({n})s::json) WITH ORDINALITY "
                             f"AS e(v, i) ORDER BY i)::{kind}[]" for n, kind in columns), params
    return (", ".join(f"%({n})b::{kind}[]" for n, kind in columns),  # binary: no text escaping
            {n: [r[n] for r in rows] for n, _k in columns})


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
    arrays, params = pg_arrays([(n, _pg_type(table.c[n])) for n in names], rows)
    sql = f'INSERT INTO "{table.name}" ({cols}) SELECT * FROM unnest({arrays})'
    if conflict:
        table.c[conflict]  # noqa: B018 - a KeyError for a column the table does not have
        sql += f' ON CONFLICT ("{conflict}") DO NOTHING'
    if returning:
        table.c[returning]  # noqa: B018
        sql += f' RETURNING "{returning}"'
    result = conn.exec_driver_sql(sql, params)
    return [r[0] for r in result] if returning else []


def _sqlite_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], conflict: str | None,
                   returning: str | None) -> list[Any]:
    if conflict is None and returning is None:
        conn.execute(table.insert(), list(rows))
        return []
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    stmt = sqlite_insert(table)
    if conflict:
        stmt = stmt.on_conflict_do_nothing(index_elements=[table.c[conflict]])
    if returning:
        return [r[0] for r in conn.execute(stmt.returning(table.c[returning]), list(rows))]
    conn.execute(stmt, list(rows))
    return []
