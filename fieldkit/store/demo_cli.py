"""`fieldkit demo-data --db PATH --customers N`: build the demo profile."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from fieldkit.store.profile import DB_FILE


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, type=Path,
                        help=f"the profile database to create, e.g. demo/{DB_FILE} (its folder holds the profile)")
    from fieldkit.cli_args import int_range

    parser.add_argument("--customers", type=int_range(1, 2_000_000), default=2000)
    parser.add_argument("--months", type=int_range(0, 120), default=12, help="months of reading history per meter")
    parser.add_argument("--seed", type=int_range(0, 2**31), default=1)


def run(args: argparse.Namespace) -> int:
    from fieldkit.cli_args import creatable_folder, fail
    from fieldkit.store.demo import build_demo_profile

    db: Path = args.db
    folder = db.parent if db.suffix == ".db" else db
    wrong = creatable_folder(folder, "profile folder")
    if wrong:
        return fail(f"error: {wrong}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return fail(f"error: cannot create the profile folder {folder}: {exc.strerror}")
    if (folder / DB_FILE).exists() or (folder / "keyring.json").exists():
        print(f"A profile already exists in {folder}. Choose another --db path or delete that folder first.",
              file=sys.stderr)
        return 2
    if args.customers < 1:
        print("--customers must be at least 1", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    info = build_demo_profile(folder, customers=args.customers, seed=args.seed, months=args.months)
    print(f"demo profile: {info.folder}")
    print(f"  {info.customers} customers, {info.readings} readings, {info.work_orders} work orders"
          f" in {time.perf_counter() - t0:.1f} s")
    for username, pin, role in info.users:
        print(f"  user {username:5} PIN {pin}  ({role})")
    return 0
