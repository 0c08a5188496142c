"""What keeping drafts safe costs (a script, not a test):

    python bench/draft_safety.py [--drafts 100] [--files 300] [--rounds 10]

On a fresh encrypted profile: N install drafts (one per work order), the Today page's load
(`drafts.set_aside_stale` + `drafts.today`, what its background Op runs) against the baseline of
`today` alone (the load before drafts were checked for being superseded); then the cleaning of
draft photos (`draft_files.clean`) with F noted files of which half are unused, against the
baseline of a cleaning run with nothing to remove.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.domain.local_time import local_today  # noqa: E402
from fieldkit.domain.models import Role, WorkOrderKind  # noqa: E402
from fieldkit.services import customers, draft_files, drafts, work_orders  # noqa: E402
from fieldkit.services import session as sessions  # noqa: E402
from fieldkit.services.customers import CustomerInput  # noqa: E402
from fieldkit.store.keyring import FAST_KDF  # noqa: E402


def _median_ms(fn: object, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drafts", type=int, default=100)
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        s = sessions.create(Path(tmp) / "p", username="lan", display_name="Lan", role=Role.TECHNICIAN,
                            secret="246810", params=FAST_KDF)
        c = customers.create_customer(s, CustomerInput(code="PA23LN0000001", name="Nguyễn Văn A"))
        orders = [work_orders.create_work_order(s, kind=WorkOrderKind.METER_INSTALL, customer_id=c.id,
                                                due_date=local_today()) for _ in range(args.drafts)]
        values = {f"field_{i}": f"giá trị {i}" for i in range(30)}
        for wo in orders:
            drafts.save_install(s, wo.id, {"values": values}, [], None, 2)
        base = _median_ms(lambda: drafts.today(s), args.rounds)
        both = _median_ms(lambda: (drafts.set_aside_stale(s), drafts.today(s)), args.rounds)
        print(f"Today load, {args.drafts} live drafts: today() {base:6.1f} ms (baseline); "
              f"set_aside_stale + today() {both:6.1f} ms (+{both - base:.1f} ms)")

        photos = [f"photo {i} ".encode() * 2000 for i in range(args.files)]  # ~16 kB each
        half = args.files // 2
        keep = [{"sha": "", "mime": "image/jpeg", "name": "x"}]
        wo = orders[0]
        for i, p in enumerate(photos[:half]):  # used by a draft: kept
            import hashlib

            keep.append({"sha": hashlib.sha256(p).hexdigest(), "mime": "image/jpeg", "name": f"{i}.jpg"})
        drafts.save_install(s, wo.id, {"values": values, "photos": {"meter_photos": keep[1:]}}, photos[:half], None, 2)
        drafts.save_install(s, orders[1].id, {"values": values}, photos[half:], None, 2)  # noted, unused
        nothing = _median_ms(lambda: draft_files.clean(s), args.rounds)  # all recent: nothing removed
        t = time.perf_counter()
        result = draft_files.clean(s, grace_s=0)
        cleaned = (time.perf_counter() - t) * 1000
        print(f"Cleaning, {args.files} noted photos: nothing to remove {nothing:6.1f} ms (baseline); "
              f"removing {result.removed} ({result.bytes_freed / 1e6:.1f} MB) {cleaned:6.1f} ms")
        s.close()


if __name__ == "__main__":
    main()
