"""GET /v1/work-orders with many work orders: the time of one answer, on a real server on loopback
(SQLite, or PostgreSQL with --pg URL of a database to create tables in). Each work order has two
facts, one naming an attachment the team has delivered and one naming an attachment it has not.
The baseline in the same run: the same work orders without any facts (the page's own query and
its JSON, no delivery lookups).

    python bench/work_orders.py [--count 2000] [--reps 5] [--pg postgresql://...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import requests
from sqlalchemy import insert

from fieldkit.central import admin
from fieldkit.central import schema as t
from fieldkit.central.db import Database, utc_now
from fieldkit.central.server import ServerThread


def seed(db: Database, team: str, prefix: str, count: int, facts: bool) -> None:
    team_id = admin.team_id_of(db, team)
    now = utc_now()
    orders, rows, done = [], [], []
    for i in range(count):
        wid = str(uuid.uuid4())
        number = f"{prefix}-{i:06d}"
        orders.append({"id": wid, "number": number, "team_id": team_id, "assignee_id": None, "state": "assigned",
                       "version": 1, "conflict": False, "updated_at": now,
                       "data": json.dumps({"number": number, "kind": "inspection", "state": "assigned"})})
        if facts:
            have, lack = f"{i:064x}", f"{i + 10**9:064x}"
            rows += [{"id": str(uuid.uuid4()), "entity": "install", "team_id": team_id, "work_order_id": wid,
                      "op_id": None, "at": now, "data": json.dumps({"photo_sha256": sha})}
                     for sha in (have, lack)]
            done.append({"sha256": have, "size": 1, "mime": "image/jpeg", "kind": "photo", "team_id": team_id,
                         "received": 1, "complete": True, "created_at": now})
    with db.write() as (conn, _pending):
        conn.execute(insert(t.work_orders), orders)
        if rows:
            conn.execute(insert(t.facts), rows)
        if done:
            conn.execute(insert(t.team_attachments), done)


def timed(url: str, token: str, reps: int, count: int) -> float:
    s = requests.Session()
    times = []
    s.get(url + "/v1/work-orders", headers={"Authorization": f"Bearer {token}"}, timeout=300)  # warm up
    for _ in range(reps):
        start = time.perf_counter()
        r = s.get(url + "/v1/work-orders", headers={"Authorization": f"Bearer {token}"}, timeout=300)
        times.append(time.perf_counter() - start)
        assert r.status_code == 200 and len(r.json()) == count, (r.status_code, r.text[:200])
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--pg", help="a PostgreSQL database URL (its tables are created)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(args.pg or str(Path(tmp) / "central.db"))
        db.create_all()
        for team, prefix in (("B1", "PA23LN"), ("B2", "PA23KB")):
            admin.create_team(db, team, f"Bench {team}", prefix)
        seed(db, "B1", "a001", args.count, facts=True)
        seed(db, "B2", "a002", args.count, facts=False)
        tokens = {}
        for team in ("B1", "B2"):
            got = admin.exchange_code(db, admin.enrol(db, team, f"bench-{team}").code, f"bench-{team}")
            assert got is not None
            tokens[team] = got[1]
        with ServerThread(db) as srv:
            base = timed(srv.url, tokens["B2"], args.reps, args.count)
            full = timed(srv.url, tokens["B1"], args.reps, args.count)
        db.dispose()
    engine = "PostgreSQL" if args.pg else "SQLite"
    print(f"GET /v1/work-orders, {args.count:,} work orders, {engine}, median of {args.reps}:")
    print(f"  baseline (no facts)            {base * 1000:8.1f} ms")
    print(f"  with 2 facts each + deliveries {full * 1000:8.1f} ms  (+{(full - base) * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
