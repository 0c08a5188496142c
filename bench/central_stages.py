"""The server's CPU per pushed operation, stage by stage, measured in-process (no HTTP, no other
clients): the same functions the push endpoint calls, on a real database, for batches of signed
readings as the laptop sends them. Each stage is timed over `--runs` fresh batches and the fastest
run is kept (the machine is shared: the minimum is the stage's own cost, not the neighbours').

    python bench/central_stages.py [--pg URL | --sqlite] [--ops 400] [--runs 7]

Complements bench/central_profile.py (py-spy on the real server under load, and PostgreSQL's
wait events), whose samples on a loaded machine also count time the OS gave to others.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.central import fresh_database, reading_op, register, seed  # noqa: E402
from fieldkit.central import admin, batch_apply, signatures, validate, validate_fast  # noqa: E402
from fieldkit.central.apply import Context, _fast_item  # noqa: E402
from fieldkit.central.db import Database, dumps, utc_now  # noqa: E402
from fieldkit.central.http_io import fast_loads  # noqa: E402
from fieldkit.central.routes_sync import PushRequest  # noqa: E402
from fieldkit.domain import signing  # noqa: E402
from fieldkit.domain.ids import new_id  # noqa: E402


def prepare(db: Database, url: str) -> tuple[Context, Any, str, str]:
    """A device of team T1 with lan's key, and a customer and meter of the team (direct SQL)."""
    team = admin.team_id_of(db, "T1")
    e = admin.enrol(db, "T1", "stages")
    got = admin.exchange_code(db, e.code, "stages")
    assert got is not None
    key = register(db, got[0], team)
    cid, mid = new_id(), new_id()
    from fieldkit.central import schema as t

    with db.write() as (conn, _):
        conn.execute(t.customers.insert().values(id=cid, code="PA23LN0000001", team_id=team, version=1,
                                                 data="{}", conflict=False, updated_at=utc_now()))
        conn.execute(t.facts.insert().values(id=mid, entity="meter", team_id=team, work_order_id=None, data="{}",
                                             op_id=None, at=utc_now()))
    return Context(got[0], team), key, cid, mid


def body_of(ctx: Context, key: Any, ops: list[dict[str, Any]]) -> bytes:
    digests = [signing.op_digest(op, ctx.device_id) for op in ops]
    sig = signing.sign(key, signing.batch_message(ctx.device_id, "lan", digests))
    return gzip.compress(json.dumps({"ops": ops, "sigs": [{"actor": "lan", "sig": sig}]},
                                    separators=(",", ":")).encode(), 6, mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", default=os.environ.get("FIELDKIT_TEST_PG"))
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--ops", type=int, default=400)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    engine = "sqlite" if args.sqlite or not args.pg else "postgres"
    best: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t0, c0 = time.perf_counter(), time.thread_time()
        out = fn()
        best[name] = min(best.get(name, float("inf")), time.perf_counter() - t0)
        cpu[name] = min(cpu.get(name, float("inf")), time.thread_time() - c0)
        return out

    with tempfile.TemporaryDirectory() as tmp, fresh_database(engine, args.pg, Path(tmp)) as url:
        db = seed(url)
        ctx, key, cid, mid = prepare(db, url)
        server_key = signing.new_private_key()
        for _ in range(args.runs):
            ops = [reading_op(mid, k, cid) | {"actor": "lan"} for k in range(args.ops)]
            gz = body_of(ctx, key, ops)
            raw = timed("gunzip", lambda: gzip.decompress(gz))  # noqa: B023
            value = timed("JSON parse (fast_loads)", lambda: fast_loads(raw))  # noqa: B023
            body = timed("request model (PushRequest)", lambda: PushRequest.model_validate(value))  # noqa: B023
            got_ops = list(body.ops)
            sigs = [s.model_dump() for s in body.sigs]
            timed("digests (op_digest)", lambda: [signatures.op_digest(o, ctx.device_id) for o in got_ops])  # noqa: B023
            with db.write() as (conn, pending):
                checked = timed("signatures.check (digests + verify + look-ups)",
                                lambda: signatures.check(conn, ctx.device_id, ctx.team_id, got_ops, sigs))  # noqa: B023
                pairs = list(zip(got_ops, checked.authors, strict=True))
                timed("validate (envelope + payload schema)",
                      lambda: [validate.payload(validate.envelope(o)) for o in got_ops])  # noqa: B023
                timed("typed check in one pass (validate_fast)",
                      lambda: [validate_fast.accepts(o) for o in got_ops])  # noqa: B023
                items = timed("fast-path selection (_fast_item: validates)",
                              lambda: [_fast_item(*p) for p in pairs])  # noqa: B023
                proof = signatures.proof_of(checked.groups, len(got_ops))  # PostgreSQL: kept by the run's statement
                results = timed("apply run (links, ops, facts, audit, feed rows; PG: proof)",
                                lambda: batch_apply.apply_run(conn, pending, ctx.device_id, ctx.team_id,  # noqa: B023
                                                              items, lambda c, o: {}, proof))  # noqa: B023
                assert results is not None and all(r["status"] == "applied" for r in results)
                stored = {str(o["op_id"]) for o in got_ops}
                if proof is None or not proof.kept:
                    timed("signature proofs (op_batches + op_proofs)",
                          lambda: signatures.keep_proofs(conn, ctx.device_id, checked.groups, stored))  # noqa: B023
                from fieldkit.central import feed

                rows = list(pending.rows)
                pending.rows.clear()
                timed("change feed (numbering + insert)", lambda: feed.write(conn, rows, utc_now()))  # noqa: B023
                t0, c0 = time.perf_counter(), time.thread_time()
            best["commit"] = min(best.get("commit", float("inf")), time.perf_counter() - t0)
            cpu["commit"] = min(cpu.get("commit", float("inf")), time.thread_time() - c0)

            def answer() -> bytes:
                named = [str(o.get("op_id")) for o in got_ops]  # noqa: B023
                clean = [{k: v for k, v in r.items() if v is not None and k != "op_id"} for r in results]  # noqa: B023
                out = dumps({"time": utc_now(), "ids": signing.ids_digest(named), "results": clean}).encode()
                signing.sign(server_key, signing.answer_message("n" * 16, out))  # noqa: B023
                return gzip.compress(out, 6)

            timed("answer (results, ids digest, dumps, sign, gzip)", answer)
        db.dispose()
    n = args.ops
    print(f"{engine}, {n} signed readings per push, fastest of {args.runs} runs, load {os.getloadavg()[0]:.1f}")
    print(f"  {'stage':<58} {'wall':>7} {'CPU':>7}  µs per operation (CPU: this thread's own)")
    total = total_cpu = 0.0
    for name, s in best.items():
        label = name
        if name in ("digests (op_digest)", "validate (envelope + payload schema)",
                    "typed check in one pass (validate_fast)"):
            label = "  (of which) " + name
        else:
            total += s
            total_cpu += cpu[name]
        print(f"  {label:<58} {1e6 * s / n:>7.1f} {1e6 * cpu[name] / n:>7.1f}")
    print(f"  {'total (the endpoint path, without HTTP and auth)':<58} {1e6 * total / n:>7.1f} "
          f"{1e6 * total_cpu / n:>7.1f}  = {n / total_cpu:,.0f} ops/s per core of Python")
    return 0


if __name__ == "__main__":
    sys.exit(main())
