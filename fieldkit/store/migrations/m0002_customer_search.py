"""Word search over customers: a full-text index on the diacritic-free name, code and phone.

The name prefix index of version 1 answers "nguyen van a…"; this index also answers a
given name alone ("huong") and any word of the name, as search-as-you-type needs.
"""

from __future__ import annotations

from typing import Any

VERSION = 2


def migrate(conn: Any) -> None:
    conn.execute(
        "CREATE VIRTUAL TABLE customer_search USING fts5("
        "name_folded, code, phone, content='customers', content_rowid='rowid', "
        "tokenize=\"unicode61 remove_diacritics 2\", prefix='2 3')"
    )
    conn.execute(
        "CREATE TRIGGER customers_search_ai AFTER INSERT ON customers BEGIN "
        "INSERT INTO customer_search(rowid, name_folded, code, phone) "
        "VALUES (new.rowid, new.name_folded, new.code, new.phone); END"
    )
    conn.execute(
        "CREATE TRIGGER customers_search_ad AFTER DELETE ON customers BEGIN "
        "INSERT INTO customer_search(customer_search, rowid, name_folded, code, phone) "
        "VALUES ('delete', old.rowid, old.name_folded, old.code, old.phone); END"
    )
    conn.execute(
        "CREATE TRIGGER customers_search_au AFTER UPDATE OF name_folded, code, phone ON customers BEGIN "
        "INSERT INTO customer_search(customer_search, rowid, name_folded, code, phone) "
        "VALUES ('delete', old.rowid, old.name_folded, old.code, old.phone); "
        "INSERT INTO customer_search(rowid, name_folded, code, phone) "
        "VALUES (new.rowid, new.name_folded, new.code, new.phone); END"
    )
    conn.execute("INSERT INTO customer_search(customer_search) VALUES ('rebuild')")
