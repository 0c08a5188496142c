"""Broken-disk benchmark on a big profile (a script, not a test):

    python bench/damage.py PROFILE_DIR [--user lan] [--pin 246810] [--work /tmp/dmg]

PROFILE_DIR is an existing profile (e.g. `fieldkit demo-data --db big/fieldkit.db
--customers 80000 --months 13`: 1,040,000 readings, ~540 MB). For a damaged page at the
start (page 2), the middle and the end, on a fresh copy each time, it prints: the login
time with its quick page check (and how many pages it covered), whether the login saw the
damage, the full check (every page's HMAC, then SQLite's integrity check), and the
recovery (rows recovered, damaged ranges lost, seconds). Baseline in the same run: the
undamaged profile's login and full check.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.services import health, unlock  # noqa: E402
from fieldkit.store.pagecheck import PAGE_SIZE  # noqa: E402


def _login(folder: Path, user: str, pin: str):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    s = unlock.login(folder, user, pin)
    return s, time.perf_counter() - t0


def _count(folder: Path, user: str, pin: str) -> int:
    s = unlock.login(folder, user, pin)
    try:
        return int(s.store.query_one("SELECT (SELECT count(*) FROM readings) + (SELECT count(*) FROM customers)")[0])
    finally:
        s.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("profile", type=Path)
    ap.add_argument("--user", default="lan")
    ap.add_argument("--pin", default="246810")
    ap.add_argument("--work", type=Path, default=Path("/tmp/fieldkit-damage-bench"))
    args = ap.parse_args()
    work: Path = args.work
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)

    s, t = _login(args.profile, args.user, args.pin)
    rep = s.store.page_report
    t0 = time.perf_counter()
    full = health.full_check(s)
    t_full = time.perf_counter() - t0
    s.close()
    before = _count(args.profile, args.user, args.pin)
    size = (args.profile / "fieldkit.db").stat().st_size
    print(f"baseline: {size / 1e6:.0f} MB, {rep.pages} pages, {before} customers+readings")
    print(f"  login {t:.2f} s (quick check {rep.checked} pages in {rep.seconds} s); full check {t_full:.1f} s "
          f"({full.pages.checked} pages, integrity {full.sqlite})")
    for where in ("start", "middle", "end"):
        folder = work / where
        shutil.copytree(args.profile, folder)
        pages = (folder / "fieldkit.db").stat().st_size // PAGE_SIZE
        pgno = {"start": 2, "middle": pages // 2, "end": pages}[where]
        with open(folder / "fieldkit.db", "r+b") as f:
            f.seek((pgno - 1) * PAGE_SIZE + 200)
            f.write(os.urandom(64))
        s, t = _login(folder, args.user, args.pin)
        seen = s.store.damaged
        t0 = time.perf_counter()
        full = health.full_check(s)
        t_full = time.perf_counter() - t0
        rec = health.recover(s)
        after = _count(folder, args.user, args.pin)
        print(f"{where:6}: page {pgno}; login {t:.2f} s, damage seen at login: {seen}; full check {t_full:.1f} s "
              f"found {full.pages.bad}; recovery {rec.seconds} s: {rec.report.summary()}; customers+readings "
              f"{after}/{before} ({before - after} lost)")
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
