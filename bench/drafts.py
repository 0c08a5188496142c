"""Draft autosave and reopen timings (a script, not a test):

    python bench/drafts.py [--photos 3] [--photo-mb 4] [--rounds 20]

On a fresh encrypted profile with one install work order: the median time of one autosave
(`services.drafts.save_install`, what the form's background Op runs) for a text-only form, the
first autosave that also stores N photos (encrypted, fsynced), later autosaves with those photos
already stored, and reopening (`open_install`: the draft and every photo decrypted). Baseline in
the same run: one empty write transaction of the store (its fsync is the floor of any save).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.domain.local_time import local_today  # noqa: E402
from fieldkit.domain.models import Role, WorkOrderKind  # noqa: E402
from fieldkit.services import customers, drafts, work_orders  # noqa: E402
from fieldkit.services import session as sessions  # noqa: E402
from fieldkit.services.customers import CustomerInput  # noqa: E402
from fieldkit.services.installs import InstallFile  # noqa: E402
from fieldkit.store.keyring import FAST_KDF  # noqa: E402


def _ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f} ms (median of {len(samples)})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", type=int, default=3)
    ap.add_argument("--photo-mb", type=float, default=4.0)
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        s = sessions.create(Path(tmp) / "p", username="lan", display_name="Lan", role=Role.TECHNICIAN,
                            secret="246810", params=FAST_KDF)
        c = customers.create_customer(s, CustomerInput(code="PA23LN0000001", name="Nguyễn Văn A"))
        wo = work_orders.create_work_order(s, kind=WorkOrderKind.METER_INSTALL, customer_id=c.id,
                                           due_date=local_today())
        values = {f"field_{i}": f"giá trị {i}" for i in range(30)}

        def timed(fn) -> float:  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            fn()
            return time.perf_counter() - t

        def empty() -> None:  # the smallest real write: one row, committed and fsynced
            with s.store.transaction(actor=s.user_id) as tx:
                tx.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('bench', ?)", (tx.now,))

        base = [timed(empty) for _ in range(args.rounds)]
        text = [timed(lambda: drafts.save_install(s, wo.id, {"values": values}, [], None, 2))
                for _ in range(args.rounds)]
        photos = [os.urandom(int(args.photo_mb * 1024 * 1024)) for _ in range(args.photos)]
        data = {"values": values, "photos": {"meter_photos": [
            {"sha": InstallFile(p, "", "").sha256, "mime": "image/jpeg", "name": f"{i}.jpg"}
            for i, p in enumerate(photos)]}}
        first = timed(lambda: drafts.save_install(s, wo.id, data, photos, None, 2))
        again = [timed(lambda: drafts.save_install(s, wo.id, data, [], None, 2)) for _ in range(args.rounds)]
        reopen = [timed(lambda: drafts.open_install(s, wo.id)) for _ in range(max(3, args.rounds // 4))]
        s.close()
    print(f"baseline: one-row write transaction    {_ms(base)}")
    print(f"autosave, text only (30 answers)       {_ms(text)}")
    print(f"autosave storing {args.photos} x {args.photo_mb:g} MB photos     {first * 1000:7.1f} ms (once)")
    print(f"autosave, photos already stored        {_ms(again)}")
    print(f"reopen (draft + {args.photos} photos decrypted)   {_ms(reopen)}")


if __name__ == "__main__":
    main()
