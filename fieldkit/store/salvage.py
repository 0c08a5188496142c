"""Recover what can still be read from a damaged profile database into a new encrypted one.

sqlcipher3 has no `sqlite3_recover` and no `sqlite_dbpage`, so SQLite's `.recover` is not
available through the encrypted connection. This does the same job at row level: every
table is copied by rowid ranges into a fresh database (same data key, same schema); a
range that meets a damaged page is split in halves until the damage is cornered in a
range of at most `GRAIN` rowids, which is counted as lost. The full-text index is rebuilt
from the recovered customers. The copy never exists in the clear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldkit.store.database import Store, StoreError

GRAIN = 16
MAX_FAILURES = 4000  # per table: a table whose root page is gone is given up, not searched forever
SKIP_PREFIXES = ("sqlite_", "customer_search")


@dataclass
class SalvageReport:
    copied: dict[str, int] = field(default_factory=dict)
    lost_ranges: dict[str, int] = field(default_factory=dict)  # table -> ranges of <= GRAIN rowids lost
    unreadable_tables: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.copied.values())

    def summary(self) -> str:
        lost = sum(self.lost_ranges.values())
        text = f"{self.rows} rows recovered from {len(self.copied)} tables"
        if lost:
            text += f"; {lost} damaged range(s) of up to {GRAIN} rows lost (" + ", ".join(
                f"{t}: {n}" for t, n in sorted(self.lost_ranges.items()) if n) + ")"
        if self.unreadable_tables:
            text += f"; unreadable: {', '.join(self.unreadable_tables)}"
        return text


def _tables(src: Store) -> list[str]:
    rows = src.query("SELECT name FROM sqlite_master WHERE type='table' ORDER BY rootpage")
    return [str(r[0]) for r in rows if not str(r[0]).startswith(SKIP_PREFIXES)]


def _bounds(src: Store, table: str) -> tuple[int, int] | None:
    try:
        row = src.query_one(f'SELECT min(rowid), max(rowid) FROM "{table}"')
    except StoreError:
        # the index of rowids is damaged: fall back to the widest range rowids can have
        return (-(2**63), 2**63 - 1)
    if row is None or row[0] is None:
        return None
    return int(row[0]), int(row[1])


def _copy_range(src: Store, dst: Any, table: str, cols: str, marks: str, lo: int, hi: int,
                report: SalvageReport) -> None:
    stack = [(lo, hi)]
    failures = 0
    while stack:
        a, b = stack.pop()
        try:
            rows = src.query(f'SELECT rowid, {cols} FROM "{table}" WHERE rowid BETWEEN ? AND ?', (a, b))
        except StoreError:
            failures += 1
            if failures > MAX_FAILURES:
                report.unreadable_tables.append(f"{table} (in part)")
                return
            if b - a < GRAIN:
                report.lost_ranges[table] = report.lost_ranges.get(table, 0) + 1
                continue
            mid = a + (b - a) // 2
            stack += [(mid + 1, b), (a, mid)]
            continue
        if rows:
            dst.executemany(f'INSERT OR IGNORE INTO "{table}" (rowid, {cols}) VALUES (?, {marks})', rows)
            report.copied[table] = report.copied.get(table, 0) + len(rows)


def salvage(src: Store, target: str | Path, key: bytes) -> SalvageReport:
    """Copy every readable row of `src` into a new encrypted database at `target`."""
    target = Path(target)
    if target.exists():
        raise FileExistsError(f"{target} already exists")
    report = SalvageReport()
    dst = Store(target, key)
    try:
        conn = dst.conn
        conn.execute("PRAGMA foreign_keys=OFF")
        # the new database's own rows (device id, migration seeds) give way to the recovered ones
        for table in _tables(dst):
            conn.execute(f'DELETE FROM "{table}"')
        for table in _tables(src):
            try:
                cols_rows = src.query(f'PRAGMA table_info("{table}")')
            except StoreError:
                report.unreadable_tables.append(table)
                continue
            names = [str(r[1]) for r in cols_rows]
            if not names:
                continue
            cols = ", ".join(f'"{n}"' for n in names)
            marks = ", ".join("?" for _ in names)
            bounds = _bounds(src, table)
            report.copied.setdefault(table, 0)
            if bounds is None:
                continue
            conn.execute("BEGIN")
            _copy_range(src, conn, table, cols, marks, bounds[0], bounds[1], report)
            conn.execute("COMMIT")
        conn.execute("INSERT INTO customer_search(customer_search) VALUES ('rebuild')")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dst.close()
    return report
