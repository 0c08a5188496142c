"""Serving settings A/B (issue 12): the same push load against the real server started with
different settings (endpoint threads, database pool, GIL switch interval, event loop), in
alternating rounds in one sitting, each on a fresh PostgreSQL database.

For each run it prints ops/s and what a noisy shared machine cannot blur: the server's CPU
seconds per pushed operation (the supervisor and its workers, from /proc/<pid>/stat) and of
that the event-loop threads' share ("loop": HTTP, middleware, body parse, request model), the
cores the bench's own clients took. The fastest of the rounds per setting is summarised at the
end (CPU per op: the lowest; ops/s: the highest).

    python bench/central_serving.py [--devices 32] [--readings 400] [--rounds 3] [--workers 1,2]
        [--config 'name:--threads 8 --db-pool 8' ...] [--pg URL]

Each --config is a name and `fieldkit central serve` options; without any, the defaults of
`serve` are compared with the settings of earlier releases (40 threads, pool 10+10, 5 ms).
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.central import cpu_seconds, exact_counts, fresh_database, push_all, seed, setup_devices  # noqa: E402
from fieldkit.central.server import ServerProcess  # noqa: E402

OLD = "old:--threads 40 --db-pool 10 --db-overflow 10 --switch-ms 5"


def switches(pid: int) -> int:
    """Context switches of all threads of `pid` (voluntary + involuntary): lock hand-overs."""
    total = 0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        total += int(line.split()[1])
    except (OSError, ValueError):
        pass
    return total


def server_switches(srv: ServerProcess) -> int:
    assert srv.proc is not None
    return switches(srv.proc.pid) + sum(switches(p) for p in srv.worker_pids())


def loop_cpu(srv: ServerProcess) -> float:
    """CPU seconds of the workers' main threads: the event loop (HTTP, middleware, body parse and
    request model), apart from the endpoint threads."""
    assert srv.proc is not None
    pids = srv.worker_pids() if srv.workers > 1 else [srv.proc.pid]
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/task/{pid}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            total += (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def server_cpu(srv: ServerProcess) -> float:
    assert srv.proc is not None
    return cpu_seconds(srv.proc.pid) + sum(cpu_seconds(p) for p in srv.worker_pids())


def pg_backends(pg: str, dbname: str) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving database `dbname` (same machine)."""
    import psycopg

    with psycopg.connect(pg, autocommit=True) as conn:
        pids = [int(r[0]) for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (dbname,))]
    return {p: cpu_seconds(p) for p in pids}


class Backends(threading.Thread):
    """Samples the backends of `dbname` every 0.2 s, so ones that end before the run does count too."""

    def __init__(self, pg: str, dbname: str):
        super().__init__(daemon=True)
        self.pg, self.dbname, self.seen = pg, dbname, {}  # type: ignore[var-annotated]
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.seen.update(pg_backends(self.pg, self.dbname))
            self.stop.wait(0.2)


def one_run(pg: str, folder: Path, options: list[str], workers: int, devices: int, readings: int,
            tag: str) -> dict[str, float]:
    with fresh_database("postgres", pg, folder) as url:
        db = seed(url)
        try:
            with ServerProcess(url, workers=workers, log_path=str(folder / "server.log"), extra=options) as srv:
                devs = setup_devices(db, srv.url, devices, readings, tag)
                start = threading.Event()
                threads = [threading.Thread(target=push_all, args=(d, srv.url, start)) for d in devs]
                for th in threads:
                    th.start()
                time.sleep(0.2)
                dbname = url.rpartition("/")[2]
                pg0 = pg_backends(pg, dbname)
                sampler = Backends(pg, dbname)
                sampler.start()
                s0, ru0, x0 = server_cpu(srv), resource.getrusage(resource.RUSAGE_SELF), server_switches(srv)
                l0 = loop_cpu(srv)
                t0 = time.perf_counter()
                start.set()
                for th in threads:
                    th.join()
                wall = time.perf_counter() - t0
                s1, ru1, x1 = server_cpu(srv), resource.getrusage(resource.RUSAGE_SELF), server_switches(srv)
                l1 = loop_cpu(srv)
                sampler.stop.set()
                sampler.join()
                sampler.seen.update(pg_backends(pg, dbname))
                pg_cpu = sum(c - pg0.get(p, 0.0) for p, c in sampler.seen.items())
            lost, dup = exact_counts(db, devs)
        finally:
            db.dispose()
    total = sum(len(d.ops) for d in devs)
    lat = sorted(x for d in devs for x in d.latencies)
    clients = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)
    return {"ops_s": total / wall, "us_op": 1e6 * (s1 - s0) / total, "loop_us": 1e6 * (l1 - l0) / total, "cores": (s1 - s0) / wall,
            "clients": clients / wall, "pg_us": 1e6 * pg_cpu / total, "cs_op": (x1 - x0) / total, "p95": lat[int(0.95 * (len(lat) - 1))] if lat else float("nan"),
            "errors": sum(d.errors for d in devs), "lost": lost, "dup": dup, "load": os.getloadavg()[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=32)
    parser.add_argument("--readings", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--config", action="append", default=[])
    parser.add_argument("--pg", default=os.environ.get("FIELDKIT_TEST_PG"))
    args = parser.parse_args()
    if not args.pg:
        print("give --pg or FIELDKIT_TEST_PG", file=sys.stderr)
        return 2
    configs = [c.split(":", 1) for c in (args.config or [OLD, "default:"])]
    workers = [int(w) for w in args.workers.split(",")]
    best: dict[tuple[str, int], list[dict[str, float]]] = {}
    print(f"{args.devices} devices x {args.readings} readings, {args.rounds} rounds, cores {os.cpu_count()}, "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
    print(f"{'round':>5} {'config':<14} {'workers':>7} {'ops/s':>8} {'srv us/op':>9} {'loop':>5} {'srv cores':>9} "
          f"{'clients':>7} {'pg us/op':>8} {'cs/op':>5} {'p95 s':>6} {'err':>4} {'lost':>4} {'dup':>4} {'load1':>5}", flush=True)
    with tempfile.TemporaryDirectory(prefix="fk-serving-") as tmp:
        for rnd in range(args.rounds):
            for w in workers:
                order = configs if rnd % 2 == 0 else configs[::-1]  # A/B then B/A: no side always goes first
                for name, opts in order:
                    r = one_run(args.pg, Path(tmp), shlex.split(opts), w, args.devices, args.readings,
                                f"r{rnd}{name}{w}")
                    best.setdefault((name, w), []).append(r)
                    print(f"{rnd:>5} {name:<14} {w:>7} {r['ops_s']:>8.0f} {r['us_op']:>9.1f} {r['loop_us']:>5.1f} {r['cores']:>9.2f} "
                          f"{r['clients']:>7.2f} {r['pg_us']:>8.1f} {r['cs_op']:>5.2f} {r['p95']:>6.2f} {r['errors']:>4.0f} {r['lost']:>4.0f} "
                          f"{r['dup']:>4.0f} {r['load']:>5.1f}", flush=True)
    print("\nsummary (best of rounds: lowest server CPU per op, highest ops/s; median in brackets):")
    for (name, w), runs in best.items():
        us = [r["us_op"] for r in runs]
        rate = [r["ops_s"] for r in runs]
        print(f"  {name:<14} {w} worker(s): {min(us):6.1f} us/op ({statistics.median(us):6.1f}), "
              f"{max(rate):7.0f} ops/s ({statistics.median(rate):7.0f})")
    for name, _ in configs:
        one, two = best.get((name, 1)), best.get((name, 2))
        if one and two:
            print(f"  {name:<14} 2 workers / 1 worker: best {max(r['ops_s'] for r in two) / max(r['ops_s'] for r in one):.2f}x, "
                  f"median {statistics.median(r['ops_s'] for r in two) / statistics.median(r['ops_s'] for r in one):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
