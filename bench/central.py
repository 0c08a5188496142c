"""Central server benchmark: many devices pushing at once to the real server (1 and 2 worker
processes, PostgreSQL and SQLite), beside a floor measured in the same run.

Each simulated device has its own enrolment (its own token), one customer and meter (pushed
before the clock starts) and ~500 readings, pushed like the laptop's sync engine does: gzip
bodies (level 4, the laptop's on a fast link), one kept-alive connection, the engine's own `Batcher` choosing the batch size, retry
with backoff on a failed request (the replay is answered from the op log). For every
configuration it prints ops/s, p50/p95 per push, errors, and the exact counts on the server
afterwards (every reading id present once: 0 lost, 0 duplicated), and the server's CPU per
operation (its processes, /proc). Operations are signed by their author's key registered on that
device (one signature per push, as the laptop does).

The 64-128 clients run as threads of this one Python process, on the same 2 cores as the server
and PostgreSQL, where real laptops would use their own CPUs. So what a laptop does ahead of the
push on its own CPU is prepared before the clock starts: each operation's digest (the laptop
makes it when the operation is recorded) and its JSON text (joined per batch into exactly the
bytes `json.dumps` of the whole body gives). Left per push, timed: the batch signature, gzip,
HTTP (requests) and reading the answer. The server gets the same bytes and work either way. The floor is the same rows
(ops, facts, changes) written by one session with batched INSERTs, one transaction per batch,
into a fresh database of the same engine.

    python bench/central.py [--engines postgres,sqlite] [--workers 1,2] [--devices 1,8,32,64,128]
                            [--readings 500] [--pg postgresql://…/postgres] [--quick]

--quick: PostgreSQL, 1 and 2 workers, 32 and 64 devices, and both floors (about 2 minutes).

PostgreSQL: --pg, else $FIELDKIT_TEST_PG, else a throwaway cluster from scripts/pg-test-server.sh.
The machine's load average is printed with the results (the figures depend on it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402

from fieldkit.central import admin, bulk, people  # noqa: E402
from fieldkit.central import schema as t  # noqa: E402
from fieldkit.central.db import Database, dumps, utc_now  # noqa: E402
from fieldkit.central.server import ServerProcess  # noqa: E402
from fieldkit.domain import signing  # noqa: E402
from fieldkit.domain.ids import new_id  # noqa: E402
from fieldkit.sync.batching import Batcher, held_seconds  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Dev:
    name: str
    token: str
    ops: list[dict[str, Any]]
    device_id: str = ""
    key: Any = None  # lan's signing key on this device (operations are signed, as a laptop does)
    digests: dict[str, bytes] = field(default_factory=dict)  # op id -> digest, made before the clock starts
    encoded: list[bytes] = field(default_factory=list)  # each op's JSON, made before the clock starts
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    pushes: int = 0

    def signed(self, ops: list[dict[str, Any]]) -> dict[str, Any]:
        """The push body: one signature by lan over the batch's digests (the laptop computes each
        digest when it records the operation, so the bench does it before the clock starts)."""
        digests = [self.digests.get(op["op_id"]) or signing.op_digest(op, self.device_id) for op in ops]
        return {"ops": ops, "sigs": [{"actor": "lan", "sig": signing.sign(
            self.key, signing.batch_message(self.device_id, "lan", digests))}]}


    def body(self, pos: int, n: int) -> bytes:
        """The JSON body of ops[pos:pos + n], byte for byte `json.dumps(self.signed(batch))`
        (compact), from each operation's JSON encoded before the clock starts: a laptop encodes
        on its own CPU, which the bench's clients would otherwise take from the server's 2 cores.
        The batch signature is still made here, per push."""
        if len(self.encoded) != len(self.ops):
            return json.dumps(self.signed(self.ops[pos:pos + n]), separators=(",", ":")).encode()
        sigs = json.dumps(self.signed(self.ops[pos:pos + n])["sigs"], separators=(",", ":")).encode()
        return b'{"ops":[' + b",".join(self.encoded[pos:pos + n]) + b'],"sigs":' + sigs + b"}"


GZIP_LEVEL = 4  # the laptop's level on a fast link (fieldkit/sync/push.py, FAST_LINK)


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of one process so far, from /proc/<pid>/stat (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            parts = f.read().rsplit(")", 1)[1].split()
        return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def server_cpu(pids: list[int]) -> float:
    """CPU seconds (user + system) of these processes so far, from /proc/<pid>/stat."""
    return sum(cpu_seconds(pid) for pid in pids)


def server_pids(srv: ServerProcess) -> list[int]:
    assert srv.proc is not None
    return [srv.proc.pid, *srv.worker_pids()]


def register(db: Database, device_id: str, team_id: str) -> Any:
    """lan's key on this device, registered with a one-time user code as a laptop does."""
    key = signing.new_private_key()
    public = signing.public_text(key)
    people.register_key(db, device_id, team_id, "lan", people.issue_code(db, "lan"), public,
                        signing.sign(key, signing.register_message(device_id, "lan", public)))
    return key


def reading_op(meter_id: str, i: int, customer_id: str | None = None) -> dict[str, Any]:
    """A reading as the laptop pushes it: its meter, its customer (checked in the team), four registers."""
    rid = new_id()
    base = 12000 + 3 * i
    regs = {code: {"value": f"{base * share:.2f}", "unit": "kWh"}
            for code, share in (("1.8.0", 1.0), ("1.8.1", 0.6), ("1.8.2", 0.3), ("1.8.3", 0.1))}
    return {"op_id": new_id(), "entity": "reading", "entity_id": rid, "action": "append",
            "payload": {"id": rid, "meter_id": meter_id, "taken_at": "2026-12-01T08:00:00+07:00",
                        "source": "optical", "registers": regs, **({"customer_id": customer_id} if customer_id else {})},
            "device_time": "2026-12-01T08:00:00+07:00", "actor": "lan"}


def setup_devices(db: Database, url: str, n: int, readings: int, tag: str) -> list[Dev]:
    """Enrol `n` devices (each its own token), give each a customer and a meter (pushed now, not
    timed) and make its readings."""
    devs = []
    team_id = admin.team_id_of(db, "T1")
    for i in range(n):
        e = admin.enrol(db, "T1", f"{tag}-{i}")
        got = admin.exchange_code(db, e.code, f"{tag}-{i}")
        assert got is not None
        dev = Dev(f"{tag}-{i}", got[1], [], got[0], register(db, got[0], team_id))
        cid, mid = new_id(), new_id()
        prep = [{"op_id": new_id(), "entity": "customer", "entity_id": cid, "action": "create",
                 "payload": {"id": cid, "code": f"PA23LN{abs(hash((tag, i))) % 10**7:07d}", "name": "Nguyễn Văn Bền",
                             "phone": "0988000111", "households": 1, "version": 1}},
                {"op_id": new_id(), "entity": "meter", "entity_id": mid, "action": "create",
                 "payload": {"id": mid, "serial": f"VSE11-{tag}-{i}", "customer_id": cid, "phases": 3}}]
        for op in prep:
            op["actor"] = "lan"
        r = requests.post(url + "/v1/push", json=dev.signed(prep), timeout=60,
                          headers={"Authorization": f"Bearer {got[1]}"})
        assert r.status_code == 200 and all(x["status"] == "applied" for x in r.json()["results"]), r.text[:500]
        dev.ops = [reading_op(mid, k, cid) | {"actor": "lan"} for k in range(readings)]
        dev.digests = {op["op_id"]: signing.op_digest(op, dev.device_id) for op in dev.ops}
        dev.encoded = [json.dumps(op, separators=(",", ":")).encode() for op in dev.ops]
        devs.append(dev)
    return devs


def push_all(dev: Dev, url: str, start: threading.Event, batcher: Batcher | None = None,
             timing: bool = True) -> None:
    """What the laptop's engine does for its outbox: batches sized by Batcher (with the server's
    time from Server-Timing unless `timing=False`), gzip, retries."""
    http = requests.Session()
    http.headers.update({"Authorization": f"Bearer {dev.token}", "Accept-Encoding": "gzip",
                         "Content-Type": "application/json", "Content-Encoding": "gzip"})
    batcher = batcher or Batcher()
    start.wait()
    pos, failures = 0, 0
    while pos < len(dev.ops):
        batch = dev.ops[pos:pos + batcher.size]
        body = gzip.compress(dev.body(pos, len(batch)), compresslevel=GZIP_LEVEL, mtime=0)
        t0 = time.perf_counter()
        try:
            r = http.post(url + "/v1/push", data=body, timeout=120)
            ok = r.status_code == 200 and len(r.json()["results"]) == len(batch)
        except requests.RequestException:
            ok = False
        seconds = time.perf_counter() - t0
        dev.pushes += 1
        if not ok:
            dev.errors += 1
            failures += 1
            batcher.failed()
            if failures > 8:
                return
            time.sleep(min(4.0, 0.1 * 2 ** failures))
            continue
        failures = 0
        dev.latencies.append(seconds)
        batcher.record(seconds, len(body) + len(r.content), len(batch), held_seconds(r.headers) if timing else None)
        pos += len(batch)


def exact_counts(db: Database, devs: list[Dev]) -> tuple[int, int]:
    """(lost, duplicated) readings on the server: every id once, the op log agrees."""
    want = {op["entity_id"] for d in devs for op in d.ops}
    want_ops = {op["op_id"] for d in devs for op in d.ops}
    got, dup, got_ops = set(), 0, set()
    wanted = sorted(want)
    with db.read() as conn:
        for i in range(0, len(wanted), 5000):
            part = wanted[i:i + 5000]
            rows = conn.execute(select(t.facts.c.id, func.count()).where(t.facts.c.id.in_(part))
                                .group_by(t.facts.c.id)).all()
            got |= {r[0] for r in rows}
            dup += sum(int(r[1]) - 1 for r in rows)
            ch = conn.execute(select(t.changes.c.entity_id, func.count()).where(t.changes.c.entity_id.in_(part))
                              .group_by(t.changes.c.entity_id)).all()
            dup += sum(int(r[1]) - 1 for r in ch)
        ops_sorted = sorted(want_ops)
        for i in range(0, len(ops_sorted), 5000):
            got_ops |= {r[0] for r in conn.execute(select(t.ops.c.op_id).where(t.ops.c.op_id.in_(
                ops_sorted[i:i + 5000])))}
    lost = len(want - got) + len(want_ops - got_ops)
    return lost, dup


def floor(db: Database, devs: list[Dev], batch: int = 250, method: str = "unnest") -> float:
    """Rows per second for the same readings written by one session: batched INSERTs of the op
    log, the facts and the change feed, one transaction per batch (no HTTP, no checks).
    `method`: "unnest" (one statement per table and batch, as the server's fast path writes) or
    "executemany" (SQLAlchemy's executemany: the floor printed before the server used unnest)."""
    team = admin.create_team(db, f"F{method[:3].upper()}", "floor", "PA00FL")
    ops = [(d, op) for d in devs for op in d.ops]
    now = utc_now()
    with db.read() as conn:
        seq = int(conn.execute(select(func.coalesce(func.max(t.changes.c.seq), 0))).scalar_one()) + 1000

    def put(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        if method == "unnest":
            bulk.insert_rows(conn, table, rows)
        else:
            conn.execute(insert(table), rows)

    t0 = time.perf_counter()
    for i in range(0, len(ops), batch):
        part = ops[i:i + batch]
        with db.engine.begin() as conn:
            put(conn, t.ops, [{"op_id": op["op_id"], "device_id": d.name, "user_id": None,
                               "entity": "reading", "entity_id": op["entity_id"], "action": "append",
                               "status": "applied", "result": '{"status":"applied"}',
                               "device_time": op["device_time"], "at": now} for d, op in part])
            put(conn, t.facts, [{"id": op["entity_id"], "entity": "reading", "team_id": team,
                                 "work_order_id": None, "data": dumps(op["payload"]),
                                 "op_id": op["op_id"], "at": now} for _d, op in part])
            put(conn, t.changes, [{"seq": seq + k + 1, "team_id": team, "entity": "reading",
                                   "entity_id": op["entity_id"], "origin_device": d.name,
                                   "data": dumps(op["payload"]), "at": now} for k, (d, op) in enumerate(part)])
            seq += len(part)
    return len(ops) / (time.perf_counter() - t0)


@contextmanager
def postgres(given: str | None) -> Iterator[str]:
    if given:
        yield given
        return
    out = subprocess.run(["bash", str(ROOT / "scripts" / "pg-test-server.sh"), "start"], capture_output=True,
                         text=True, check=True, timeout=300).stdout
    env = dict(line.removeprefix("export ").split("=", 1) for line in out.splitlines() if line.startswith("export"))
    try:
        yield env["FIELDKIT_TEST_PG"]
    finally:
        subprocess.run(["bash", str(ROOT / "scripts" / "pg-test-server.sh"), "stop", env["FIELDKIT_PG_DIR"]],
                       timeout=120, capture_output=True)


@contextmanager
def fresh_database(engine: str, pg: str | None, folder: Path) -> Iterator[str]:
    if engine == "sqlite":
        yield str(folder / f"bench-{uuid.uuid4().hex[:8]}.db")
        return
    import psycopg

    assert pg is not None
    name = f"fk_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{pg.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed(url: str) -> Database:
    db = Database(url)
    db.create_all()
    admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    return db


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def run_engine(engine: str, pg: str | None, workers_list: list[int], devices_list: list[int], readings: int,
               folder: Path) -> dict[tuple[int, int], tuple[float, float]]:
    """Prints one line per (workers, devices); returns {(workers, devices): (ops/s, p95)}."""
    got: dict[tuple[int, int], tuple[float, float]] = {}
    for workers in workers_list:
        with fresh_database(engine, pg, folder) as url:
            db = seed(url)
            with ServerProcess(url, workers=workers, log_path=str(folder / "server.log")) as srv:
                for n in devices_list:
                    devs = setup_devices(db, srv.url, n, readings, f"w{workers}d{n}")
                    start = threading.Event()
                    threads = [threading.Thread(target=push_all, args=(d, srv.url, start)) for d in devs]
                    for th in threads:
                        th.start()
                    pids = server_pids(srv)
                    t0, c0, s0 = time.perf_counter(), _cpu(), server_cpu(pids)
                    start.set()
                    for th in threads:
                        th.join()
                    wall = time.perf_counter() - t0
                    clients = (_cpu() - c0) / wall  # cores the bench's own client threads took
                    server_us = 1e6 * (server_cpu(pids) - s0)  # the server's CPU (all its processes)
                    load = os.getloadavg()[0]
                    lost, dup = exact_counts(db, devs)
                    lat = [x for d in devs for x in d.latencies]
                    total = sum(len(d.ops) for d in devs)
                    got[(workers, n)] = (total / wall, pct(lat, 95))
                    print(f"{engine:<9} {workers:>7} {n:>7} {total:>7} {total / wall:>9.0f} {pct(lat, 50):>7.2f} "
                          f"{pct(lat, 95):>7.2f} {sum(d.pushes for d in devs):>7} "
                          f"{sum(d.errors for d in devs):>6} {lost:>5} {dup:>5} {load:>6.1f} {clients:>7.2f} "
                          f"{server_us / total:>9.1f}", flush=True)
            db.dispose()
    for method in ("unnest", "executemany"):
        with fresh_database(engine, pg, folder) as url:
            db = seed(url)
            devs = [Dev(f"floor-{i}", "", [reading_op(new_id(), k) for k in range(readings)])
                    for i in range(max(devices_list))]
            rate = floor(db, devs, method=method)
            db.dispose()
        print(f"{engine:<9} {'floor':>7} {max(devices_list):>7} {max(devices_list) * readings:>7} {rate:>9.0f}"
              f"{'':>41} {os.getloadavg()[0]:>6.1f}   (one session, no HTTP, no checks: ops + facts + changes, "
              f"250 rows per transaction, {method})", flush=True)
    return got


def summary(engine: str, got: dict[tuple[int, int], tuple[float, float]]) -> None:
    """The issue's targets against this run's figures."""
    for (w, n), (rate, p95) in sorted(got.items()):
        if n == 64:
            print(f"{engine} {w} worker(s), 64 devices: {rate:,.0f} ops/s (target >= 10,000), "
                  f"p95 {p95:.2f} s (target <= 1 s)")
    one, two = got.get((1, 32)), got.get((2, 32))
    if one and two:
        print(f"{engine} 2 workers / 1 worker at 32 devices: {two[0] / one[0]:.2f}x (target >= 1.5x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", default="postgres,sqlite")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--devices", default="1,8,32,64,128")
    parser.add_argument("--readings", type=int, default=500)
    parser.add_argument("--quick", action="store_true",
                        help="PostgreSQL only, 1 and 2 workers, 32 and 64 devices (the targets' points)")
    parser.add_argument("--pg", default=os.environ.get("FIELDKIT_TEST_PG"))
    args = parser.parse_args()
    if args.quick:
        args.engines, args.workers, args.devices = "postgres", "1,2", "32,64"
    workers = [int(x) for x in args.workers.split(",")]
    devices = [int(x) for x in args.devices.split(",")]
    print(f"load average before: {os.getloadavg()}  cores: {os.cpu_count()}", flush=True)
    print(f"{'engine':<9} {'workers':>7} {'devices':>7} {'ops':>7} {'ops/s':>9} {'p50 s':>7} {'p95 s':>7} "
          f"{'pushes':>7} {'errors':>6} {'lost':>5} {'dup':>5} {'load1':>6} {'clients':>7} {'srv us/op':>9}", flush=True)
    print("(clients: CPU cores the bench's own client threads took during the pushes; on 2 cores they "
          "compete with the server and PostgreSQL. Prepared before the clock, as a laptop does them on its "
          "own CPU: enrolment, keys, each operation's digest and JSON. Per push: the batch signature, "
          f"gzip level {GZIP_LEVEL}, HTTP, the answer's JSON. srv us/op: CPU of the server's processes "
          "per pushed operation, from /proc: the figure the machine's load blurs least)", flush=True)
    results = {}
    with tempfile.TemporaryDirectory(prefix="fk-bench-central-") as tmp:
        for engine in args.engines.split(","):
            if engine == "postgres":
                with postgres(args.pg) as pg:
                    results[engine] = run_engine(engine, pg, workers, devices, args.readings, Path(tmp))
            else:
                results[engine] = run_engine(engine, None, workers, devices, args.readings, Path(tmp))
    for engine, got in results.items():
        summary(engine, got)
    print(f"load average after: {os.getloadavg()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
