"""Database round trips and CPU per push, through the real server (uvicorn in this process, on
loopback) on a real database: one device pushes `--pushes` batches of `--ops` signed readings,
plain and pipelined (`after`: the batch before it, already answered), and the engine's events
count what each push asked of the database: pool check-outs, pre-pings, BEGIN, statements
(savepoints included), COMMIT/ROLLBACK. CPU per push: this process (server and the one client:
the client's share is the same for any server code) and the PostgreSQL backends serving it
(/proc), fastest of `--runs` rounds.

    python bench/central_trips.py [--pg URL | --sqlite] [--ops 100] [--pushes 30] [--runs 3]

Run it on old and new code alternately in the same sitting (A/B/A/B): the machine is shared.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests  # noqa: E402
from sqlalchemy import event  # noqa: E402

from bench.central import cpu_seconds, fresh_database, reading_op, seed  # noqa: E402
from bench.central_stages import prepare  # noqa: E402
from fieldkit.central.server import ServerThread  # noqa: E402
from fieldkit.domain import signing  # noqa: E402


def count_trips(db: Any) -> Counter[str]:
    """Round trips the engine makes, by kind (psycopg sends BEGIN on a transaction's first statement)."""
    seen: Counter[str] = Counter()
    engine = db.engine
    event.listen(engine.pool, "checkout", lambda *a: seen.update(["checkout"]))
    event.listen(engine, "before_cursor_execute", lambda *a: seen.update(["statement"]))

    def sent(kind: str) -> Any:
        def count(conn: Any) -> None:  # under autocommit psycopg sends no BEGIN/COMMIT/ROLLBACK
            if not getattr(conn.connection.dbapi_connection, "autocommit", False):
                seen.update([kind])
        return count

    event.listen(engine, "begin", sent("BEGIN"))
    event.listen(engine, "commit", sent("COMMIT"))
    event.listen(engine, "rollback", sent("ROLLBACK"))
    dialect = engine.dialect
    ping = dialect.do_ping

    def counted_ping(dbapi_conn: Any) -> bool:
        seen.update(["pre-ping"])
        return bool(ping(dbapi_conn))

    dialect.do_ping = counted_ping
    return seen


def backends(url: str) -> list[int]:
    import psycopg

    name = url.rpartition("/")[2]
    with psycopg.connect(url, autocommit=True) as conn:
        return [int(r[0]) for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (name,)).fetchall()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", default=os.environ.get("FIELDKIT_TEST_PG"))
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--ops", type=int, default=100)
    parser.add_argument("--pushes", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    engine = "sqlite" if args.sqlite or not args.pg else "postgres"
    with tempfile.TemporaryDirectory() as tmp, fresh_database(engine, args.pg, Path(tmp)) as url:
        db = seed(url)
        ctx, key, cid, mid = prepare(db, url)
        token = _token(db, ctx.device_id)
        seen = count_trips(db)
        results: dict[str, dict[str, float]] = {}
        with ServerThread(db) as srv:
            http = requests.Session()
            http.headers.update({"Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
                                 "Content-Type": "application/json", "X-FK-Nonce": "n" * 16})

            def push(ops: list[dict[str, Any]], after: str | None) -> None:
                digests = [signing.op_digest(op, ctx.device_id) for op in ops]
                sig = signing.sign(key, signing.batch_message(ctx.device_id, "lan", digests))
                body: dict[str, Any] = {"ops": ops, "sigs": [{"actor": "lan", "sig": sig}]}
                if after:
                    body["after"] = after
                got = http.post(srv.url + "/v1/push", data=gzip.compress(json.dumps(body).encode(), 4), timeout=60)
                assert got.status_code == 200, got.text
                assert all(r["status"] == "applied" for r in got.json()["results"]), got.text[:300]

            def batches() -> list[list[dict[str, Any]]]:
                return [[reading_op(mid, k, cid) | {"actor": "lan"} for k in range(args.ops)]
                        for _ in range(args.pushes)]

            push(batches()[0], None)  # warm: the pool's connections, the server key, compiled statements
            for _ in range(args.runs):
                for mode in ("plain", "pipelined"):
                    work = batches()
                    pids = backends(url) if engine == "postgres" else []
                    seen.clear()
                    pg0 = sum(cpu_seconds(p) for p in pids)
                    c0, t0 = time.process_time(), time.perf_counter()
                    last: str | None = None
                    for ops in work:
                        push(ops, last if mode == "pipelined" else None)
                        last = ops[-1]["op_id"]
                    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                    pg = sum(cpu_seconds(p) for p in pids) - pg0
                    n = args.pushes
                    trips = {k: v / n for k, v in seen.items()}
                    row = results.setdefault(mode, {"cpu": float("inf"), "pg": float("inf"), "wall": float("inf")})
                    row["cpu"] = min(row["cpu"], cpu / n)
                    row["pg"] = min(row["pg"], pg / n)
                    row["wall"] = min(row["wall"], wall / n)
                    row["trips"] = sum(v for k, v in trips.items() if k != "checkout")
                    row.update({f"n:{k}": v for k, v in trips.items()})
        db.dispose()
    print(f"{engine}, one device, {args.pushes} pushes of {args.ops} signed readings, fastest of {args.runs} rounds, "
          f"load {os.getloadavg()[0]:.1f}")
    for mode, row in results.items():
        kinds = ", ".join(f"{k[2:]} {v:g}" for k, v in sorted(row.items()) if k.startswith("n:"))
        print(f"  {mode:<9}: {row['trips']:g} round trips per push ({kinds}); per push: this process "
              f"{1e3 * row['cpu']:.2f} ms CPU, PostgreSQL backends {1e3 * row['pg']:.2f} ms CPU, "
              f"wall {1e3 * row['wall']:.1f} ms")
    return 0


def _token(db: Any, device_id: str) -> str:
    """A fresh token for the bench's device (prepare does not keep the enrolment's)."""
    import secrets

    from fieldkit.central import admin
    from fieldkit.central import schema as t

    token = secrets.token_urlsafe(32)
    with db.write() as (conn, _):
        conn.execute(t.devices.update().where(t.devices.c.id == device_id).values(token_hash=admin.hash_token(token)))
    return token


if __name__ == "__main__":
    sys.exit(main())
