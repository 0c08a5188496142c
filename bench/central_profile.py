"""Where the central server's time per pushed operation goes (issue 12).

Starts the real server (one worker) on a fresh PostgreSQL database, pushes ~500 signed readings
from each of N devices at once (bench/central.py's clients) and, during that run:

- records the server process with `py-spy record` (CPU samples, idle threads left out) and
  sorts every sample into a stage of a push (parse, request model, validate, digest, signature,
  link checks, apply SQL, feed, commit, response, HTTP/event loop, other), printed as µs per
  pushed operation;
- samples `pg_stat_activity` every 10 ms (what each of the server's database sessions is doing or
  waiting for, e.g. `Lock/transactionid` or `Lock/tuple` on the change-feed counter row) and
  `pg_locks` (locks waited for);
- reads the CPU seconds of the bench's own client threads, the server process and PostgreSQL's
  backends (/proc), so the share the clients take of the 2 cores is known.

    python bench/central_profile.py [--devices 64] [--readings 500] [--pg URL] [--rate 200]

Needs py-spy (dev tool, in the venv) and permission to attach to the server (root or
ptrace_scope 0).
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402

from bench.central import cpu_seconds, fresh_database, push_all, seed, setup_devices  # noqa: E402
from fieldkit.central.server import ServerProcess  # noqa: E402

# (stage, substrings of a frame "function (file)"), most specific first: a sample goes to the
# first stage one of whose patterns matches any frame of its stack, innermost frame first.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("feed (write_changes)", ("write_changes (",)),
    ("commit", ("commit (", "_commit_impl", "do_commit")),
    ("apply SQL (bulk insert)", ("insert_rows (",)),
    ("link checks (SQL)", ("_links_known (", "_in_team (")),
    ("signature proofs (SQL)", ("keep_proofs (",)),
    ("auth (SQL)", ("auth (fieldkit/central/api", "auth (fieldkit/central/routes", "auth (fieldkit/central/deps")),
    ("digest (op_digest)", ("op_digest (",)),
    ("signature verify", ("verify (fieldkit/domain/signing",)),
    ("signature other (member/key look-ups)", ("check (fieldkit/central/signatures",)),
    ("validate (envelope/payload/shape)", ("fieldkit/central/validate",)),
    ("apply Python (rows, dumps, pending)", ("apply_run (", "_fast_item (", "is_plain_fact (")),
    ("other apply", ("process_batch (", "process (fieldkit/central/apply")),
    ("parse (gunzip + JSON)", ("fast_loads (", "body (fieldkit/central/api", "GzipRequest", "json (fieldkit")),
    ("request model (pydantic PushRequest)", ("request_body_to_args", "_validate_value_with_model_field",
                                              "validate_python", "solve_dependencies")),
    ("response (dumps, sign, ids, gzip)", ("signed (", "ids_digest", "count_results", "gzip", "GZip",
                                           "serialize_response", "push (fieldkit/central")),
    ("connection pool / begin", ("pool", "_checkout", "begin (sqlalchemy", "write (fieldkit/central/db")),
    ("HTTP + event loop (uvicorn/h11/asyncio)", ("h11", "uvicorn", "asyncio", "anyio", "starlette")),
]


def stage_of(frames: list[str]) -> str:
    for name, pats in STAGES:
        for frame in reversed(frames):
            if any(p in frame for p in pats):
                return name
    return "other"


def read_profile(path: Path, rate: int) -> dict[str, float]:
    """Seconds of CPU per stage from py-spy's raw (collapsed) output."""
    seconds: dict[str, float] = collections.Counter()
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        seconds[stage_of(frames)] += int(count) / rate
    return dict(seconds)


def loop_frames(path: Path, rate: int, total: int, top: int = 25) -> None:
    """The event-loop thread's samples (py-spy --threads: a stack's first frame names its thread;
    the loop's thread is the one running asyncio's `run_forever`), by the innermost frame of our
    code or of the library it is in."""
    by_thread: dict[str, list[tuple[list[str], int]]] = collections.defaultdict(list)
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            frames = stack.split(";")
            by_thread[frames[0]].append((frames[1:], int(count)))
    loops = [t for t, rows in by_thread.items() if any("run_forever" in f for fr, _ in rows for f in fr)]
    where: collections.Counter[str] = collections.Counter()
    for t in loops:
        for frames, n in by_thread[t]:
            where[stage_of(frames) + " | " + " < ".join(f.split(" (")[0] for f in frames[-3:][::-1])] += n
    spent = sum(where.values())
    print(f"\nevent-loop thread: {spent / rate:.1f} s sampled, {1e6 * spent / rate / total:.1f} µs/op; top stacks:")
    for key, n in where.most_common(top):
        print(f"  {1e6 * n / rate / total:>6.2f} µs/op  {key[:150]}")


class PgSampler(threading.Thread):
    """What the server's sessions of database `dbname` are doing, every `every` seconds."""

    def __init__(self, pg: str, dbname: str, every: float = 0.01):
        super().__init__(daemon=True)
        self.pg, self.dbname, self.every = pg, dbname, every
        self.states: collections.Counter[str] = collections.Counter()
        self.waits: collections.Counter[str] = collections.Counter()
        self.samples = 0
        self.backends: set[int] = set()
        self.stop = threading.Event()

    def run(self) -> None:
        with psycopg.connect(self.pg, autocommit=True) as conn:
            while not self.stop.is_set():
                rows = conn.execute(
                    "SELECT pid, state, coalesce(wait_event_type, '-'), coalesce(wait_event, '-'), "
                    "left(regexp_replace(query, '\\s+', ' ', 'g'), 40) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()", (self.dbname,)).fetchall()
                locks = conn.execute(
                    "SELECT l.locktype, coalesce(c.relname, '-'), l.mode FROM pg_locks l "
                    "LEFT JOIN pg_class c ON c.oid = l.relation "
                    "JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = %s",
                    (self.dbname,)).fetchall()
                self.samples += 1
                for pid, state0, wtype, wevent, query in rows:
                    state = state0 or "-"
                    self.backends.add(int(pid))
                    what = "feed statement" if "counters" in (query or "") else (query or "")[:24]
                    self.states[f"{state:<20} {wtype}/{wevent:<20} {what if state == 'active' else ''}"] += 1
                for locktype, rel, mode in locks:
                    self.waits[f"{locktype} {rel} {mode}"] += 1
                time.sleep(self.every)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=64)
    parser.add_argument("--readings", type=int, default=500)
    parser.add_argument("--pg", default=os.environ.get("FIELDKIT_TEST_PG"))
    parser.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (py-spy records the first)")
    parser.add_argument("--no-py-spy", action="store_true")
    parser.add_argument("--loop", action="store_true",
                        help="also print where the event-loop thread's samples go (py-spy --threads)")
    parser.add_argument("--gil", action="store_true",
                        help="sample only the thread holding the GIL (exact Python CPU, but slows the server)")
    args = parser.parse_args()
    if not args.pg:
        print("give --pg or FIELDKIT_TEST_PG", file=sys.stderr)
        return 2
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    with tempfile.TemporaryDirectory(prefix="fk-central-profile-") as tmp, \
            fresh_database("postgres", args.pg, Path(tmp)) as url:
        db = seed(url)
        with ServerProcess(url, workers=args.workers, log_path=str(Path(tmp) / "server.log")) as srv:
            assert srv.proc is not None
            pids = srv.worker_pids() if args.workers > 1 else [srv.proc.pid]
            pid = pids[0]
            devs = setup_devices(db, srv.url, args.devices, args.readings, "prof")
            out = Path(tmp) / "spy.txt"
            rec = None if args.no_py_spy else subprocess.Popen(
                [spy, "record", "--pid", str(pid), "--rate", str(args.rate), "--format", "raw",
                 "--gil" if args.gil else "--nonblocking", *(["--threads"] if args.loop else []), "-o", str(out)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)
            sampler = PgSampler(args.pg, url.rpartition("/")[2])
            sampler.start()
            start = threading.Event()
            threads = [threading.Thread(target=push_all, args=(d, srv.url, start)) for d in devs]
            for th in threads:
                th.start()
            time.sleep(0.3)
            backends0 = {}
            server0 = sum(cpu_seconds(p) for p in pids)
            client0 = resource.getrusage(resource.RUSAGE_SELF)
            t0 = time.perf_counter()
            start.set()
            for th in threads:
                th.join()
            wall = time.perf_counter() - t0
            client1 = resource.getrusage(resource.RUSAGE_SELF)
            server1 = sum(cpu_seconds(p) for p in pids)
            sampler.stop.set()
            sampler.join()
            backends1 = {b: cpu_seconds(b) for b in sampler.backends}
            del backends0
            if rec is not None:
                rec.send_signal(signal.SIGINT)
                rec.wait(timeout=60)
        total = sum(len(d.ops) for d in devs)
        errors = sum(d.errors for d in devs)
        client = (client1.ru_utime + client1.ru_stime) - (client0.ru_utime + client0.ru_stime)
        server = server1 - server0
        pgcpu = sum(backends1.values())  # backends are started by this run's pool: their whole life
        print(f"{args.devices} devices x {args.readings} readings = {total} ops in {wall:.2f} s: "
              f"{total / wall:,.0f} ops/s, errors {errors}, load {os.getloadavg()[0]:.1f}")
        print(f"CPU seconds during the run (2 cores = {2 * wall:.1f} s available): bench clients {client:.1f} "
              f"({client / wall:.2f} cores), server {server:.1f} ({server / wall:.2f} cores), "
              f"PostgreSQL backends {pgcpu:.1f} (their whole life, {len(backends1)} sessions)")
        print(f"per operation: clients {1e6 * client / total:.0f} µs, server {1e6 * server / total:.0f} µs, "
              f"PostgreSQL {1e6 * pgcpu / total:.0f} µs")
        if rec is not None and out.exists():
            stages = read_profile(out, args.rate)
            spent = sum(stages.values())
            print(f"\nserver CPU by stage (py-spy, {spent:.1f} s sampled of {server:.1f} s):")
            for name, s in sorted(stages.items(), key=lambda kv: -kv[1]):
                print(f"  {name:<42} {1e6 * s / total:>7.1f} µs/op  {100 * s / spent:>5.1f} %")
            if args.loop:
                loop_frames(out, args.rate, total)
            keep = Path(os.environ.get("FIELDKIT_PROFILE_OUT", "/tmp")) / "central-profile-spy.txt"
            shutil.copy(out, keep)
            print(f"(raw stacks kept in {keep})")
        n = max(1, sampler.samples)
        print(f"\nPostgreSQL sessions of the server ({sampler.samples} samples, every 10 ms; "
              f"mean sessions in each state):")
        for key, c in sampler.states.most_common(14):
            print(f"  {c / n:>6.2f}  {key}")
        print("locks waited for (mean waiters):")
        for key, c in sampler.waits.most_common(8):
            print(f"  {c / n:>6.2f}  {key}")
        if not sampler.waits:
            print("  none seen")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
