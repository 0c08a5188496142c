"""Sync benchmark: readings from a real device profile to a real central server, each figure beside
a baseline measured in the same run.

1. Loopback, 10,000 readings, end to end (the whole sync: identity proof, push, pull), through a
   counting proxy with no limits. Baseline: the same engine with the protocol as it was before
   pipelining (one request at a time, a separate pull: `pipeline=1, pull_with_push=False`), and
   `proof`: pipelined with the hello before any push (`seal=False`, as before sealed pushes),
   alternating with the new one (the first pushes sealed, no hello) on the same server (best of
   `--reps` each; the CPU ranges of laptop and server per mode).
2. 1,000 readings through a link emulator: 64 kbit/s each way shared by all connections, 600 ms
   round trip (a new connection costs one round trip); baseline and new alternating, `--reps`
   syncs each, a new device for each sync. Each sync of the new protocol is taken apart: the
   connection's round trip, the server's identity proof (`/v1/hello`, a round trip before the
   token or any data may go), the uplink from the first push's bytes to the last, and the time
   after the last byte went up (one way there, the server's time, the last answer, one way back).
   Beside it, two bounds from the same run's bytes: with the proof first (up bytes + 3 round
   trips: connection, proof, last answer; bytes down overlap bytes up on a full-duplex link) and
   with the first pushes sealed before the proof (as the laptop does now: up bytes + 2 round
   trips), each as a ratio to the byte floor. See docs/sync.md, "The 2G floor".

By default the server runs as its own process (`fieldkit central serve`, SQLite), as it does in
production: the laptop's and the server's CPU seconds are printed apart. `--in-process` runs it as
a thread of the bench process, as this bench did before (one interpreter for laptop, proxy and
server: their Python work cannot overlap).

Prints seconds, CPU seconds (laptop, server), requests, connections, bytes per reading, and on the
2G link the time against the byte floor (all bytes both ways at 64 kbit/s) and against the floor
with the round trips (bytes + (requests + connections) x RTT; pipelined requests overlap, so
the new protocol can go below that second floor). Targets (issue 12): loopback <= 1.5 s, 2G <=
1.15 x the byte floor.

    python bench/sync.py [--loopback N] [--slow N] [--reps K] [--in-process]   (N = 0: that part is skipped)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.central import admin, people  # noqa: E402
from fieldkit.central.db import Database  # noqa: E402
from fieldkit.central.server import ServerProcess, ServerThread  # noqa: E402
from fieldkit.domain.ids import new_id  # noqa: E402
from fieldkit.domain.models import Reading, ReadingSource, RegisterValue, Role  # noqa: E402
from fieldkit.services import customers, meters, sync  # noqa: E402
from fieldkit.services import session as sessions  # noqa: E402
from fieldkit.services.customers import CustomerInput  # noqa: E402
from fieldkit.store import field_facts  # noqa: E402
from fieldkit.store.keyring import FAST_KDF  # noqa: E402
from fieldkit.sync.client import SyncEngine  # noqa: E402
from fieldkit.sync.testing.proxy import LinkEmulator  # noqa: E402

# baseline: before pipelining; proof: pipelined, the hello before any push (before sealed pushes);
# new: the first pushes sealed to the pinned key, no hello (docs/sync.md, "The 2G floor")
MODES: dict[str, dict[str, Any]] = {
    "baseline": {"pipeline": 1, "pull_with_push": False, "seal": False},
    "proof": {"pipeline": 2, "pull_with_push": True, "seal": False},
    "new": {"pipeline": 2, "pull_with_push": True, "seal": True},
}


def device(folder: Path, db: Database, url: str, name: str, code: str) -> tuple[sessions.Session, str]:
    s = sessions.create(folder / name, username="lan", display_name="Lan", role=Role.TECHNICIAN, secret="246810",
                        params=FAST_KDF)
    sync.enrol(s, admin.enrol(db, "T1", name).code, url, user_code=people.issue_code(db, "lan"))
    c = customers.create_customer(s, CustomerInput(code=code, name="Nguyễn Văn Bền"))
    m = meters.register_meter(s, serial=f"VSE11-{name}", customer_id=c.id)
    assert sync.sync_now(s).ok  # customer and meter are not part of the measurement
    return s, m.id


def add_readings(s: sessions.Session, meter_id: str, n: int) -> None:
    """Realistic readings: a three-rate meter's BT/CD/TD and total registers, increasing."""
    with s.store.transaction(actor=s.user_id) as tx:
        for i in range(n):
            base = Decimal(12000 + i * 3)
            regs = {"1.8.0": RegisterValue(base, "kWh"), "1.8.1": RegisterValue(base * 6 / 10, "kWh"),
                    "1.8.2": RegisterValue(base * 3 / 10, "kWh"), "1.8.3": RegisterValue(base / 10, "kWh")}
            r = Reading(id=new_id(), meter_id=meter_id, taken_at=datetime.now(UTC), source=ReadingSource.OPTICAL,
                        registers=regs, recorded_by=s.user_id)
            field_facts.insert_reading(tx.conn, r, tx.now)
            tx.change("reading", r.id, "append", field_facts.reading_payload(r))


def _cpu(pid: int | None) -> float:
    if pid is None:
        return 0.0
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_sync(s: sessions.Session, proxy: LinkEmulator, mode: str, server_pid: int | None) -> dict[str, Any]:
    proxy.reset_counters()
    cpu0, srv0 = time.process_time(), _cpu(server_pid)
    started = time.monotonic()
    engine = SyncEngine(s.store, s.attachments, "lan", signer=s.profile.signing_key, **MODES[mode])
    engine.transport.base_url = proxy.url
    proof: list[float] = []
    hello = engine.transport.hello

    def timed_hello() -> Any:
        t0 = time.monotonic()
        try:
            return hello()
        finally:
            proof.append(time.monotonic() - t0)

    engine.transport.hello = timed_hello  # type: ignore[method-assign]
    rep = engine.run()
    ended = time.monotonic()
    seconds = ended - started
    last_up = proxy.last_up_sent()  # before the connections close (their end is queued too)
    engine.transport.close()
    assert rep.ok and rep.rejected == 0, rep
    return {"seconds": seconds, "cpu": time.process_time() - cpu0, "server_cpu": _cpu(server_pid) - srv0,
            "requests": rep.requests, "connections": proxy.connections, "up": proxy.bytes_up,
            "down": proxy.bytes_down, "pushed": rep.pushed, "pipelined": rep.pipelined,
            "pulled_with_push": rep.pulled_with_push, "sig": rep.signature_bytes, "sealed": rep.sealed,
            "proof": sum(proof), "after_last_up": ended - last_up if proxy.rtt else 0.0}


def show(label: str, r: dict[str, Any], n: int, in_process: bool) -> None:
    per = (r["up"] + r["down"]) / n
    cpu = f"CPU {r['cpu']:.2f} s (laptop, proxy and server)" if in_process else \
        f"CPU laptop {r['cpu']:.2f} s + server {r['server_cpu']:.2f} s"
    print(f"  {label:9s} {r['seconds']:6.2f} s  {cpu};  {r['requests']} requests ({r['pipelined']} pipelined), "
          f"{r['connections']} connections, up {r['up']:,} B, down {r['down']:,} B = {per:.1f} B/reading "
          f"({r['sig'] / n:.2f} B signatures); {r['pulled_with_push']} changes came in the push answer; "
          f"{r['sealed']} sealed")


RATE, RTT = 64_000, 0.6


def byte_floor_s(r: dict[str, Any]) -> float:
    """All bytes both ways at 64 kbit/s, one after the other."""
    return float((r["up"] + r["down"]) * 8 / RATE)


def show_2g(r: dict[str, Any]) -> None:
    floor = byte_floor_s(r)
    up_s = r["up"] * 8 / RATE
    trips = r["requests"] + r["connections"]
    print(f"            byte floor {floor:.2f} s -> {r['seconds'] / floor:.3f}x; with {trips} round trips x 600 ms: "
          f"{floor + trips * RTT:.2f} s -> {r['seconds'] / (floor + trips * RTT):.2f}x; overhead beyond the bytes "
          f"{r['seconds'] - floor:.2f} s = {(r['seconds'] - floor) / RTT:.1f} round trips")
    if r["proof"]:
        uplink = r["seconds"] - r["proof"] - r["after_last_up"]
        print(f"            taken apart: connection + identity proof {r['proof']:.2f} (2 round trips and the hello's "
              f"bytes) + uplink {uplink:.2f} (the sync's up bytes alone take {up_s:.2f}) + after the last byte up "
              f"{r['after_last_up']:.2f} (one way, server, last answer, one way back)")
    elif r["sealed"] and r["after_last_up"]:
        print(f"            taken apart: connection + uplink {r['seconds'] - r['after_last_up']:.2f} (the sync's up "
              f"bytes alone take {up_s:.2f}; no hello: the first pushes sealed) + after the last byte up "
              f"{r['after_last_up']:.2f} (one way, server, last answer, one way back)")
    first, early = up_s + 3 * RTT, up_s + 2 * RTT
    print(f"            bounds from these bytes: proof first {first:.2f} s = {first / floor:.3f}x; pushes sent "
          f"before the proof (sealed) {early:.2f} s = {early / floor:.3f}x")


@contextmanager
def central(folder: Path, in_process: bool) -> Iterator[tuple[Database, str, int, int | None]]:
    db = Database(str(folder / "central.db"))
    db.create_all()
    admin.create_team(db, "T1", "Bench team")
    admin.create_user(db, "lan", "Lan", "technician", "T1")
    try:
        if in_process:
            with ServerThread(db) as srv:
                yield db, srv.url, srv.port, None
        else:
            with ServerProcess(str(folder / "central.db"), workers=1,
                               env={"PYTHONPATH": str(Path(__file__).resolve().parents[1])}) as proc:
                assert proc.proc is not None
                yield db, proc.url, proc.port, proc.proc.pid
    finally:
        db.dispose()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--loopback", type=int, default=10_000)
    ap.add_argument("--slow", type=int, default=1_000)
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--in-process", action="store_true", help="the server as a thread of this process")
    args = ap.parse_args()
    where = "in this process" if args.in_process else "as its own process"
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with central(folder, args.in_process) as (db, url, port, pid):
            if args.loopback:
                fast = LinkEmulator(("127.0.0.1", port), bandwidth=1e12, rtt=0.0).start()
                try:
                    s, meter = device(folder, db, url, "loop", "PA23LN0009001")
                    print(f"== loopback: {args.loopback:,} readings, one whole sync each, server {where} ==")
                    runs: dict[str, list[dict[str, Any]]] = {m: [] for m in MODES}
                    for _ in range(args.reps):
                        for mode in MODES:
                            add_readings(s, meter, args.loopback)
                            runs[mode].append(one_sync(s, fast, mode, pid))
                            show(mode, runs[mode][-1], args.loopback, args.in_process)
                    for mode in MODES:
                        results[f"loop-{mode}"] = min(runs[mode], key=lambda r: r["seconds"])
                        cpu = sorted(r["cpu"] for r in runs[mode])
                        srv = sorted(r["server_cpu"] for r in runs[mode])
                        print(f"  {mode}: CPU laptop {cpu[0]:.2f}-{cpu[-1]:.2f} s, server {srv[0]:.2f}-{srv[-1]:.2f} s")
                    s.close()
                finally:
                    fast.stop()
                b, p, n = results["loop-baseline"], results["loop-proof"], results["loop-new"]
                print(f"  best of {args.reps}: baseline {b['seconds']:.2f} s, proof first {p['seconds']:.2f} s, "
                      f"new {n['seconds']:.2f} s ({b['seconds'] / n['seconds']:.2f}x; target <= 1.5 s)")

            if args.slow:
                print(f"\n== 64 kbit/s, 600 ms RTT: {args.slow:,} readings, one whole sync each, {args.reps} each ==")
            slow_runs: dict[str, list[dict[str, Any]]] = {m: [] for m in MODES}
            for rep_no in range(args.reps if args.slow else 0):
                for i, mode in enumerate(MODES):
                    slow = LinkEmulator(("127.0.0.1", port), bandwidth=64_000, rtt=0.6).start()
                    try:
                        s, meter = device(folder, db, url, f"slow-{mode}-{rep_no}", f"PA23LN00091{rep_no}{i}")
                        add_readings(s, meter, args.slow)
                        r = one_sync(s, slow, mode, pid)
                        slow_runs[mode].append(r)
                        s.close()
                    finally:
                        slow.stop()
                    show(mode, r, args.slow, args.in_process)
                    show_2g(r)
            for mode in MODES:
                if slow_runs[mode]:
                    results[f"2g-{mode}"] = min(slow_runs[mode], key=lambda r: r["seconds"])
            if args.slow:
                ratios = {m: [r["seconds"] / byte_floor_s(r) for r in slow_runs[m]] for m in slow_runs}
                print(f"  2G ratio to the byte floor, {args.reps} runs: "
                      + ", ".join(f"{m} {' / '.join(f'{x:.3f}' for x in ratios[m])}" for m in MODES)
                      + " (target <= 1.15)")
    n2 = results.get("2g-new")
    ratio = n2["seconds"] / byte_floor_s(n2) if n2 else 0.0
    loop = results["loop-new"]["seconds"] if "loop-new" in results else 0.0
    ok = loop <= 1.5 and ratio <= 1.15
    print("\nresult:", "targets met" if ok else
          f"TARGETS MISSED (loopback {loop:.2f} s of 1.5 s; 2G {ratio:.2f}x of 1.15x)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
