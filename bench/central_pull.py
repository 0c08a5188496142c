"""The central server's CPU per pull page (GET /v1/changes), issue 12.

Starts the real server (one worker) on a fresh PostgreSQL database, fills the feed with
`--feed` readings pushed by one device, then a second device of the team pulls pages of
`--limit` changes from the start, `--pulls` times over, one after the other (so every pull is
`--feed` changes behind: its lag metric counts up to 10,001 of them). Prints the server's CPU per
pull (its process, /proc) and wall time per pull.

A/B: run it with PYTHONPATH pointing at two trees, alternating (the server process is started
with this process's environment).

    python bench/central_pull.py [--feed 3000] [--limit 1000] [--pulls 300] [--pg URL]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests  # noqa: E402

from bench.central import cpu_seconds, fresh_database, seed, setup_devices  # noqa: E402
from fieldkit.central.server import ServerProcess  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feed", type=int, default=3000)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--pulls", type=int, default=300)
    parser.add_argument("--pg", default=os.environ.get("FIELDKIT_TEST_PG"))
    args = parser.parse_args()
    if not args.pg:
        print("give --pg or FIELDKIT_TEST_PG", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="fk-central-pull-") as tmp, \
            fresh_database("postgres", args.pg, Path(tmp)) as url:
        db = seed(url)
        with ServerProcess(url, workers=1) as srv:
            assert srv.proc is not None
            pusher, puller = setup_devices(db, srv.url, 2, args.feed, "pull")
            http = requests.Session()
            for pos in range(0, args.feed, 500):
                r = http.post(srv.url + "/v1/push", data=pusher.body(pos, min(500, args.feed - pos)), timeout=120,
                              headers={"Authorization": f"Bearer {pusher.token}", "Content-Type": "application/json"})
                assert r.status_code == 200, r.text[:300]
            http.headers.update({"Authorization": f"Bearer {puller.token}", "Accept-Encoding": "gzip"})
            page = f"{srv.url}/v1/changes?since=0&limit={args.limit}"
            for _ in range(10):  # warm
                assert http.get(page, timeout=60).status_code == 200
            c0, t0 = cpu_seconds(srv.proc.pid), time.perf_counter()
            for _ in range(args.pulls):
                r = http.get(page, timeout=60)
                assert r.status_code == 200 and len(r.json()["changes"]) == args.limit
            wall, cpu = time.perf_counter() - t0, cpu_seconds(srv.proc.pid) - c0
        db.dispose()
    print(f"feed {args.feed}, pages of {args.limit} from 0, {args.pulls} pulls: server CPU {1e3 * cpu / args.pulls:.2f} "
          f"ms/pull, wall {1e3 * wall / args.pulls:.2f} ms/pull, load {os.getloadavg()[0]:.1f}  "
          f"({os.environ.get('PYTHONPATH', '')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
