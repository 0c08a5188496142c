"""Batch sizing under server load: many devices pushing at once to one real server (PostgreSQL),
each sizing its batches with fieldkit/sync/batching.py's Batcher, in turn:

- `link`: the request's whole time counts as the link's (the sizing before Server-Timing; the
  baseline, measured in the same run on the same server),
- `server`: the server's time (`Server-Timing: app;dur`) apart from the link's, and the server's
  part capped (the laptop's sizing now),
- `fixed-N`: every batch N records (to see what the size costs the server).

Prints ops/s, p50/p95 seconds per push, pushes, mean batch, and the server process's CPU
microseconds per operation (less noisy than wall time on a shared machine), alternating the
modes `--reps` times. Every reading is checked on the server afterwards (0 lost, 0 duplicated).

    python bench/batch_sizing.py [--devices 64] [--readings 500] [--reps 2]
                                 [--modes link,server,fixed-100] [--pg postgresql://…/postgres]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from central import exact_counts, fresh_database, pct, postgres, push_all, seed, setup_devices  # noqa: E402

from fieldkit.central.server import ServerProcess  # noqa: E402
from fieldkit.sync.batching import Batcher  # noqa: E402


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Tracing(Batcher):
    """A Batcher that keeps what it was told: (seconds, bytes, records, server seconds, next size)."""

    def __init__(self, use_header: bool = True, **kw: Any):
        super().__init__(**kw)
        self.use_header = use_header
        self.trace: list[tuple[float, int, int, float | None, int]] = []

    def record(self, seconds: float, nbytes: int = 0, count: int = 0, held: float | None = None) -> None:
        super().record(seconds, nbytes, count, held if self.use_header else None)
        self.trace.append((round(seconds, 3), nbytes, count, None if held is None else round(held, 4), self.size))


def mode(name: str) -> tuple[Callable[[], Batcher], bool]:
    """(a new batcher, use the server's time)"""
    if name == "link":
        return (lambda: Tracing(use_header=False)), True
    if name == "server":
        return Tracing, True
    if name.startswith("fixed-"):
        n = int(name[6:])
        return (lambda: Batcher(start=n, low=n, high=n)), False
    if name.startswith("server-"):  # server-<server_s>-<floor>: other settings of the cap
        s, floor = name[7:].split("-")
        return (lambda: Tracing(server_s=float(s), server_floor=int(floor))), True
    raise SystemExit(f"unknown mode {name}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devices", type=int, default=64)
    ap.add_argument("--readings", type=int, default=500)
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--modes", default="link,server")
    ap.add_argument("--pg", default=os.environ.get("FIELDKIT_TEST_PG"))
    ap.add_argument("--trace", action="store_true", help="print one device's requests per run")
    args = ap.parse_args()
    modes = args.modes.split(",")
    print(f"load average before: {os.getloadavg()}  cores: {os.cpu_count()}", flush=True)
    print(f"{'mode':<18} {'devices':>7} {'ops/s':>7} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'pushes':>6} "
          f"{'batch':>6} {'srv us/op':>9} {'lost':>4} {'dup':>4} {'load1':>5}", flush=True)
    rows: dict[str, list[tuple[float, float, float]]] = {m: [] for m in modes}
    with tempfile.TemporaryDirectory(prefix="fk-bench-batch-") as tmp, postgres(args.pg) as pg, \
            fresh_database("postgres", pg, Path(tmp)) as url:
        db = seed(url)
        with ServerProcess(url, workers=1, log_path=str(Path(tmp) / "server.log")) as srv:
            assert srv.proc is not None
            for rep in range(args.reps):
                for m in modes:
                    make, timing = mode(m)
                    devs = setup_devices(db, srv.url, args.devices, args.readings, f"{m}-{rep}")
                    start = threading.Event()
                    batchers = [make() for _ in devs]
                    threads = [threading.Thread(target=push_all, args=(d, srv.url, start, b, timing))
                               for d, b in zip(devs, batchers, strict=True)]
                    for th in threads:
                        th.start()
                    t0, c0 = time.perf_counter(), _cpu(srv.proc.pid)
                    start.set()
                    for th in threads:
                        th.join()
                    wall = time.perf_counter() - t0
                    cpu = _cpu(srv.proc.pid) - c0
                    lost, dup = exact_counts(db, devs)
                    lat = [x for d in devs for x in d.latencies]
                    total = sum(len(d.ops) for d in devs)
                    pushes = sum(d.pushes for d in devs)
                    rows[m].append((total / wall, pct(lat, 95), cpu / total * 1e6))
                    print(f"{m:<18} {args.devices:>7} {total / wall:>7.0f} {pct(lat, 50):>6.2f} {pct(lat, 95):>6.2f} "
                          f"{max(lat):>6.2f} {pushes:>6} {total / max(1, pushes):>6.0f} {cpu / total * 1e6:>9.0f} "
                          f"{lost:>4} {dup:>4} {os.getloadavg()[0]:>5.1f}", flush=True)
                    if args.trace and isinstance(batchers[0], Tracing):
                        print(f"    device 0 (seconds, bytes, records, server s, next size): {batchers[0].trace}")
        db.dispose()
    print("best of each (ops/s highest, p95 lowest, server CPU per op lowest):")
    for m, got in rows.items():
        print(f"  {m:<18} {max(r[0] for r in got):>7.0f} ops/s  p95 {min(r[1] for r in got):.2f} s  "
              f"server {min(r[2] for r in got):.0f} us/op")
    return 0


if __name__ == "__main__":
    sys.exit(main())
