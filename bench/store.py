"""Store benchmark: 100,000 customers and 1,000,000 readings (not a timed test).

Prints p50/p95 of:
  - saving a reading with its outbox and audit entries (the real service, encrypted, synchronous=FULL)
  - looking a customer up by code, by phone, and by diacritic-free name prefix
  - loading the first page of the customer list (count + first 100 rows)
and, as a baseline measured in the same run on the same disk, a bare INSERT+COMMIT of
one row into a plain (unencrypted) SQLite file with the same durability settings.
Targets: save p95 <= 5 ms, lookups p95 <= 10 ms.

Usage: python bench/store.py [--customers 100000] [--months 10] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.domain.models import ReadingSource, RegisterValue  # noqa: E402
from fieldkit.domain.text import fold  # noqa: E402
from fieldkit.services import customers, field_facts  # noqa: E402
from fieldkit.services import session as sessions  # noqa: E402
from fieldkit.store import customers as repo  # noqa: E402
from fieldkit.store.customers import CustomerQuery  # noqa: E402
from fieldkit.store.demo import build_demo_profile  # noqa: E402
from fieldkit.store.keyring import FAST_KDF  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(fn, n: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(name: str, ms: list[float], target: float | None = None, baseline: float | None = None) -> None:
    p50, p95 = statistics.median(ms), pct(ms, 95)
    line = f"{name:44} n={len(ms):5}  p50={p50:7.3f} ms  p95={p95:7.3f} ms"
    if target is not None:
        line += f"  target p95<={target:g} ms: {'OK' if p95 <= target else 'MISSED'}"
    if baseline:
        line += f"  ({p95 / baseline:.2f}x baseline p95)"
    print(line, flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--months", type=int, default=10)
    ap.add_argument("--keep", type=Path, help="reuse/keep the profile in this folder")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="fk-bench-")
    folder = args.keep or Path(tmp.name) / "profile"
    if not (folder / "keyring.json").exists():
        t0 = time.perf_counter()
        info = build_demo_profile(folder, customers=args.customers, months=args.months, params=FAST_KDF)
        print(f"built {info.customers} customers, {info.readings} readings in {time.perf_counter() - t0:.1f} s")
    session = sessions.login(folder, "lan", "246810")
    store = session.store
    n_customers = store.query("SELECT count(*) FROM customers")[0][0]
    n_readings = store.query("SELECT count(*) FROM readings")[0][0]
    size = sum(p.stat().st_size for p in folder.glob("fieldkit.db*"))
    print(f"database: {n_customers} customers, {n_readings} readings, {size / 1e6:.0f} MB on disk (encrypted)")

    rng = random.Random(7)
    sample = store.query("SELECT code, phone, name, id FROM customers ORDER BY random() LIMIT 2000")
    meter_ids = [r[0] for r in store.query("SELECT id FROM meters ORDER BY random() LIMIT 500")]

    # Baseline: the same durability on a plain SQLite file, one row, no outbox, no audit.
    base_path = Path(tmp.name) / "baseline.db"
    base = sqlite3.connect(base_path, isolation_level=None)
    base.execute("PRAGMA journal_mode=WAL")
    base.execute("PRAGMA synchronous=FULL")
    base.execute("CREATE TABLE readings (id TEXT PRIMARY KEY, meter_id TEXT, registers TEXT)")

    counter = iter(range(10**9))

    def base_save(i: int) -> None:
        base.execute("BEGIN IMMEDIATE")
        base.execute("INSERT INTO readings VALUES (?, ?, ?)", (f"id{next(counter)}", "m", '{"1.8.0":"1"}'))
        base.execute("COMMIT")

    timed(base_save, 50)  # warm-up
    baseline = timed(base_save, 500)
    base_p95 = pct(baseline, 95)
    report("baseline: plain sqlite INSERT+COMMIT (FULL)", baseline)

    def save(i: int) -> None:
        field_facts.record_reading(
            session, meter_id=meter_ids[i % len(meter_ids)], source=ReadingSource.OPTICAL,
            registers={"1.8.0": RegisterValue(Decimal("12345.6") + i, "kWh"),
                       "1.8.1": RegisterValue(Decimal("8000.1") + i, "kWh")},
        )

    timed(save, 20)
    report("save reading + outbox + audit (encrypted)", timed(save, 500), 5, base_p95)

    def by_code(i: int) -> None:
        assert customers.find_by_code(session, sample[i % len(sample)][0]) is not None

    def by_phone(i: int) -> None:
        phone = sample[i % len(sample)][1] or "0900000000"
        with store.lock:
            repo.by_phone(store.conn, phone)

    prefixes = []
    for _, _, name, _ in sample:
        folded = fold(name)
        prefixes.append(folded[: rng.randint(4, len(folded))])

    def by_prefix(i: int) -> None:
        with store.lock:
            assert repo.by_name_prefix(store.conn, prefixes[i % len(prefixes)], limit=50)

    def search(i: int) -> None:
        q = CustomerQuery(prefixes[i % len(prefixes)])
        customers.count_customers(session, q)
        customers.customer_page(session, q, 0, 50)

    def first_page(i: int) -> None:
        q = CustomerQuery()
        customers.count_customers(session, q)
        customers.customer_page(session, q, 0, 100)

    report("lookup by customer code", timed(by_code, 2000), 10, base_p95)
    report("lookup by phone", timed(by_phone, 2000), 10, base_p95)
    report("lookup by folded name prefix (50 rows)", timed(by_prefix, 2000), 10, base_p95)
    report("search-as-you-type (word prefixes: count+50)", timed(search, 500))
    report("customer list first page (count + 100 rows)", timed(first_page, 200))
    session.close()
    base.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
