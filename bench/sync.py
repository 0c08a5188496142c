"""Sync benchmark: push readings to a real central server on loopback.

1. 10,000 readings over loopback (through a counting proxy with no limits).
2. 1,000 readings through a link emulator: 64 kbit/s each way shared by all connections,
   600 ms round trip (a new connection costs one round trip).

Prints records per second, bytes on the wire per reading (both directions, HTTP headers
included, as counted by the proxy), and total time against the floor
(bytes / bandwidth + round trips x RTT, where round trips = HTTP requests + new connections).
Targets: <= 100 bytes per reading and <= 1.3 x the floor.

    python bench/sync.py [--loopback N] [--slow N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.central import admin, people  # noqa: E402
from fieldkit.central.db import Database  # noqa: E402
from fieldkit.central.server import ServerThread  # noqa: E402
from fieldkit.domain.ids import new_id  # noqa: E402
from fieldkit.domain.models import Reading, ReadingSource, RegisterValue, Role  # noqa: E402
from fieldkit.services import customers, meters, sync  # noqa: E402
from fieldkit.services import session as sessions  # noqa: E402
from fieldkit.services.customers import CustomerInput  # noqa: E402
from fieldkit.store import field_facts  # noqa: E402
from fieldkit.store.keyring import FAST_KDF  # noqa: E402
from fieldkit.sync.client import SyncEngine  # noqa: E402
from fieldkit.sync.testing.proxy import LinkEmulator  # noqa: E402


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


def run(label: str, s: sessions.Session, meter_id: str, n: int, proxy: LinkEmulator, bandwidth: float | None,
        rtt: float) -> dict[str, float]:
    add_readings(s, meter_id, n)
    proxy.reset_counters()
    started = time.monotonic()
    engine = SyncEngine(s.store, s.attachments, "lan", signer=s.profile.signing_key)
    engine.transport.base_url = proxy.url
    engine.upload_attachments()
    engine.push()
    seconds = time.monotonic() - started
    engine.transport.close()
    rep = engine.report
    assert rep.applied == n and rep.rejected == 0, rep
    up, down = proxy.bytes_up, proxy.bytes_down
    per = (up + down) / n
    round_trips = rep.requests + proxy.connections
    out = {"seconds": seconds, "per_reading": per, "rps": n / seconds}
    print(f"\n== {label}: {n} readings ==")
    print(f"records per second:         {n / seconds:,.0f}")
    print(f"bytes on the wire:          up {up:,} B, down {down:,} B ({rep.requests} requests, "
          f"{proxy.connections} connections)")
    print(f"bytes per reading:          {per:.1f} B  (target <= 100; on the 2G link <= 70 after signatures)")
    sig = rep.signature_bytes / n
    print(f"  of which signatures:      {sig:.2f} B  ({rep.signature_bytes:,} B of batch signatures in "
          f"{rep.requests} requests, incl. the server's identity proof request)")
    print(f"  baseline, same run, without the signatures: {per - sig:.1f} B")
    out["signature_per_reading"] = sig
    print(f"total time:                 {seconds:.2f} s")
    if bandwidth:
        floor = (up + down) * 8 / bandwidth + round_trips * rtt
        out["floor"] = floor
        print(f"floor:                      {floor:.2f} s = {(up + down) * 8 / bandwidth:.2f} s of bytes at "
              f"{bandwidth / 1000:.0f} kbit/s + {round_trips} round trips x {rtt * 1000:.0f} ms")
        print(f"time / floor:               {seconds / floor:.2f}  (target <= 1.3)")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--loopback", type=int, default=10_000)
    ap.add_argument("--slow", type=int, default=1_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = Database(str(folder / "central.db"))
        db.create_all()
        admin.create_team(db, "T1", "Bench team")
        admin.create_user(db, "lan", "Lan", "technician", "T1")
        with ServerThread(db) as srv:
            target = ("127.0.0.1", srv.port)
            fast = LinkEmulator(target, bandwidth=1e12, rtt=0.0).start()
            try:
                s1, m1 = device(folder, db, srv.url, "loop", "PA23LN0009001")
                a = run("loopback", s1, m1, args.loopback, fast, None, 0.0)
            finally:
                fast.stop()
            slow = LinkEmulator(target, bandwidth=64_000, rtt=0.6).start()
            try:
                s2, m2 = device(folder, db, srv.url, "slow", "PA23LN0009002")
                b = run("64 kbit/s, 600 ms RTT", s2, m2, args.slow, slow, 64_000, 0.6)
            finally:
                slow.stop()
            s1.close()
            s2.close()
        db.dispose()
    ok = a["per_reading"] <= 100 and b["per_reading"] <= 100 and b["seconds"] <= 1.3 * b["floor"]
    print("\nresult:", "targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
