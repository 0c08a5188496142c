"""The fixed server CPU cost of one HTTP request at the edge (issue 12): middleware, routing, the
answer, logging, uvicorn.

Starts each server as its own process (`fieldkit central serve`, one worker, JSON logs at
`--log-level info` into a file as in production), sends requests from this process and reads the
server's CPU seconds from /proc/<pid>/stat before and after: CPU, not wall time, so a noisy
shared machine does not blur it. Servers compared in the same sitting, in alternating order
(A/B, then B/A), the lowest of the rounds kept:

- `bare`: a bare FastAPI app with one async `GET /v1/ping` on the same uvicorn settings (the floor);
- `ours`: this tree's server;
- `base`: with --base-ref REF, the server of an earlier commit (extracted with `git archive`).

Loads, per server:
- `ping`: --pings sequential `GET /v1/ping` on one kept-alive connection;
- `push1`: one device pushing fixed batches of --ops readings (gzip, as the laptop), one after
  another (ours/base only);
- `push64`: --conns devices pushing fixed batches of --ops at once, each on its own connection.

Printed: server CPU per request (ms) and, for pushes, per operation (µs).

    python bench/central_edge.py [--engine sqlite|postgres] [--pg URL] [--rounds 3]
        [--base-ref f52c0f0] [--loads ping,push1,push64] [--pings 2000] [--pushes 60] [--ops 100]
        [--conns 64]
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.central import GZIP_LEVEL, cpu_seconds, fresh_database, seed, setup_devices  # noqa: E402
from fieldkit.central.server import ServerProcess  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def bare_app() -> Any:
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/v1/ping")
    async def ping() -> dict[str, Any]:  # on the event loop, no middleware, FastAPI's own serialising
        return {"ok": True, "time": "2026-12-03T21:00:00Z", "version": "0"}

    return app


def serve_bare(port: int) -> None:
    import uvicorn

    uvicorn.run(bare_app(), host="127.0.0.1", port=port, log_level="warning", server_header=False,
                date_header=False, access_log=False, timeout_keep_alive=30)


class Bare:
    """The bare app in its own process, on the same uvicorn settings."""

    def __init__(self) -> None:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.proc = subprocess.Popen([sys.executable, __file__, "--bare-server", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/v1/ping")
                if conn.getresponse().status == 200:
                    conn.close()
                    return
            except OSError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("the bare server did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)


def pings(port: int, n: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    bad = 0
    for _ in range(n):
        conn.request("GET", "/v1/ping", headers={"Accept-Encoding": "gzip"})
        r = conn.getresponse()
        r.read()
        bad += r.status != 200
    conn.close()
    return bad


def pusher(port: int, dev: Any, ops: int, pushes: int, errors: list[int], start: threading.Event) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    bodies = [gzip.compress(dev.body(k * ops, ops), compresslevel=GZIP_LEVEL, mtime=0) for k in range(pushes)]
    headers = {"Authorization": f"Bearer {dev.token}", "Accept-Encoding": "gzip",
               "Content-Type": "application/json", "Content-Encoding": "gzip"}
    start.wait()
    for body in bodies:
        conn.request("POST", "/v1/push", body=body, headers=headers)
        r = conn.getresponse()
        r.read()
        if r.status != 200:
            errors.append(r.status)
    conn.close()


def run_pushes(port: int, devs: list[Any], ops: int, pushes: int) -> tuple[threading.Event, list[threading.Thread], list[int]]:
    start, errors = threading.Event(), []  # type: ignore[var-annotated]
    threads = [threading.Thread(target=pusher, args=(port, d, ops, pushes, errors, start)) for d in devs]
    for th in threads:
        th.start()
    return start, threads, errors


def measure(kind: str, load: str, args: argparse.Namespace, tree: Path | None, folder: Path, tag: str) -> dict[str, float]:
    if kind == "bare":
        if load != "ping":
            return {}
        bare = Bare()
        try:
            pings(bare.port, 100)
            c0 = cpu_seconds(bare.proc.pid)
            bad = pings(bare.port, args.pings)
            c1 = cpu_seconds(bare.proc.pid)
        finally:
            bare.stop()
        return {"ms_req": 1e3 * (c1 - c0) / args.pings, "errors": bad}
    env = {"PYTHONPATH": str(tree)}
    with fresh_database(args.engine, args.pg, folder) as url:
        db = seed(url)
        try:
            with ServerProcess(url, workers=1, log_path=str(folder / f"{tag}.log"), env=env,
                               extra=["--log-level", "info"]) as srv:
                assert srv.proc is not None
                port, pid = srv.port, srv.proc.pid
                if load == "ping":
                    pings(port, 100)
                    c0 = cpu_seconds(pid)
                    bad = pings(port, args.pings)
                    c1 = cpu_seconds(pid)
                    return {"ms_req": 1e3 * (c1 - c0) / args.pings, "errors": bad}
                conns = 1 if load == "push1" else args.conns
                pushes = args.pushes if load == "push1" else max(1, args.pushes * 2 // conns)
                devs = setup_devices(db, srv.url, conns, args.ops * pushes, tag)
                start, threads, errors = run_pushes(port, devs, args.ops, pushes)
                time.sleep(0.3)  # every client has made its bodies
                c0 = cpu_seconds(pid)
                start.set()
                for th in threads:
                    th.join()
                c1 = cpu_seconds(pid)
                n = conns * pushes
                return {"ms_req": 1e3 * (c1 - c0) / n, "us_op": 1e6 * (c1 - c0) / (n * args.ops), "errors": len(errors)}
        finally:
            db.dispose()


def extract(ref: str, folder: Path) -> Path:
    out = folder / f"base-{ref}"
    out.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "fieldkit"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bare-server", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="sqlite", choices=("sqlite", "postgres"))
    parser.add_argument("--pg", default=os.environ.get("FIELDKIT_TEST_PG"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base-ref", default=None, help="also measure the server of this git commit")
    parser.add_argument("--loads", default="ping,push1")
    parser.add_argument("--pings", type=int, default=2000)
    parser.add_argument("--pushes", type=int, default=60, help="pushes in push1 (push64: twice this in all)")
    parser.add_argument("--ops", type=int, default=100)
    parser.add_argument("--conns", type=int, default=64)
    args = parser.parse_args()
    if args.bare_server:
        serve_bare(args.bare_server)
        return 0
    if args.engine == "postgres" and not args.pg:
        print("give --pg or FIELDKIT_TEST_PG", file=sys.stderr)
        return 2
    loads = args.loads.split(",")
    with tempfile.TemporaryDirectory(prefix="fk-edge-") as tmp:
        folder = Path(tmp)
        kinds: list[tuple[str, Path | None]] = [("bare", None), ("ours", ROOT)]
        if args.base_ref:
            kinds.insert(1, (f"base@{args.base_ref}", extract(args.base_ref, folder)))
        print(f"engine {args.engine}, {args.rounds} rounds, cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f}; "
              f"server CPU from /proc (one worker, JSON logs at info)", flush=True)
        print(f"{'round':>5} {'load':<7} {'server':<16} {'ms/req':>7} {'us/op':>6} {'err':>4} {'load1':>5}", flush=True)
        best: dict[tuple[str, str], dict[str, float]] = {}
        for rnd in range(args.rounds):
            for load in loads:
                order = kinds if rnd % 2 == 0 else kinds[::-1]
                for name, tree in order:
                    r = measure(name.split("@")[0], load, args, tree, folder, f"e{rnd}{load}{name[:4]}")
                    if not r:
                        continue
                    key = (load, name)
                    if key not in best or r["ms_req"] < best[key]["ms_req"]:
                        best[key] = r
                    print(f"{rnd:>5} {load:<7} {name:<16} {r['ms_req']:>7.3f} {r.get('us_op', float('nan')):>6.1f} "
                          f"{r['errors']:>4.0f} {os.getloadavg()[0]:>5.1f}", flush=True)
        print("\nlowest of the rounds (server CPU per request; per operation for pushes):")
        for (load, name), r in best.items():
            floor = best.get(("ping", "bare"))
            rel = f"  ({r['ms_req'] / floor['ms_req']:.1f}x the bare ping)" if floor else ""
            per_op = f", {r['us_op']:.1f} us/op" if "us_op" in r else ""
            print(f"  {load:<7} {name:<16} {r['ms_req']:.3f} ms/req{per_op}{rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
