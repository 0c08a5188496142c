"""The garbage collector's share of the central server's CPU while N devices push at once (issue 12).

Starts the real server (one worker, `server.app_from_env` as `fieldkit central serve` runs it) with
a `gc.callbacks` probe that adds up the thread CPU of every collection, by generation, and runs the
same push load (bench/central.py's clients) with the worker's collector as `central/heap.py` sets
it and with Python's defaults (`FIELDKIT_GC=default`), alternating, on a fresh PostgreSQL database
each time. Prints per run: collections and their CPU during the pushes, the server's CPU per
operation (/proc), ops/s and p95 per push.

    python bench/central_gc.py [--devices 64] [--readings 500] [--rounds 2] [--pg URL]
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def probe_server(url: str, port: int, report: str) -> None:
    """The server process: a 1-worker uvicorn with the gc probe; SIGUSR1 writes the sums so far."""
    import uvicorn

    from fieldkit.central import server

    sums = {g: [0, 0.0] for g in range(3)}
    began = [0.0]

    def probe(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[0] = time.thread_time()
        else:
            s = sums[info["generation"]]
            s[0] += 1
            s[1] += time.thread_time() - began[0]

    def write(*_: object) -> None:
        Path(report).write_text(" ".join(f"{n} {sec}" for n, sec in sums.values()))

    gc.callbacks.append(probe)
    signal.signal(signal.SIGUSR1, write)
    os.environ[server.DB_ENV] = url
    server.harness_secret(os.environ)
    uvicorn.run("fieldkit.central.server:app_from_env", factory=True, host="127.0.0.1", port=port,
                http=server.http_parser(), log_level="warning", access_log=False, server_header=False,
                date_header=False, timeout_keep_alive=30)


def read_sums(pid: int, report: Path) -> list[tuple[int, float]]:
    report.unlink(missing_ok=True)
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + 10
    while not report.exists() or not report.read_text():
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not report its collections")
        time.sleep(0.02)
    nums = report.read_text().split()
    return [(int(nums[i]), float(nums[i + 1])) for i in range(0, 6, 2)]


def one_run(mode: str, pg: str, devices: int, readings: int) -> str:
    import requests

    from bench.central import cpu_seconds, fresh_database, pct, push_all, seed, setup_devices
    from fieldkit.central import heap

    with tempfile.TemporaryDirectory(prefix="fk-central-gc-") as tmp, \
            fresh_database("postgres", pg, Path(tmp)) as url:
        db = seed(url)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        report = Path(tmp) / "gc.txt"
        env = {**os.environ, heap.ENV: mode}
        proc = subprocess.Popen([sys.executable, __file__, "--probe-server", url, str(port), str(report)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    if requests.get(base + "/healthz", timeout=2).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                time.sleep(0.1)
            devs = setup_devices(db, base, devices, readings, "gc")
            start = threading.Event()
            threads = [threading.Thread(target=push_all, args=(d, base, start)) for d in devs]
            for th in threads:
                th.start()
            g0, c0 = read_sums(proc.pid, report), cpu_seconds(proc.pid)
            t0 = time.perf_counter()
            start.set()
            for th in threads:
                th.join()
            wall = time.perf_counter() - t0
            g1, c1 = read_sums(proc.pid, report), cpu_seconds(proc.pid)
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(60)
        db.dispose()
    total = sum(len(d.ops) for d in devs)
    lat = [x for d in devs for x in d.latencies]
    gens = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(g0, g1, strict=True)]
    gc_s = sum(s for _, s in gens)
    return (f"{mode or 'tuned':<8} {total / wall:>8,.0f} ops/s  p95 {pct(lat, 95):.2f} s  server {1e6 * (c1 - c0) / total:6.1f} µs/op"
            f"  gc {1e6 * gc_s / total:5.1f} µs/op ({1e3 * gc_s:.0f} ms: "
            + ", ".join(f"gen{g} {n}x {1e3 * s:.0f} ms" for g, (n, s) in enumerate(gens))
            + f")  errors {sum(d.errors for d in devs)}  load {os.getloadavg()[0]:.1f}")


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--probe-server":
        probe_server(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=64)
    parser.add_argument("--readings", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pg", default=os.environ.get("FIELDKIT_TEST_PG"))
    args = parser.parse_args()
    if not args.pg:
        print("give --pg or FIELDKIT_TEST_PG", file=sys.stderr)
        return 2
    print(f"{args.devices} devices x {args.readings} readings, 1 worker, PostgreSQL; 'default' = FIELDKIT_GC=default")
    for r in range(args.rounds):
        for mode in (("default", "") if r % 2 == 0 else ("", "default")):
            print(one_run(mode, args.pg, args.devices, args.readings), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
