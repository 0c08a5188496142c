"""The worker's garbage collector (central/heap.py): start-up's objects frozen, larger thresholds,
and cyclic garbage made afterwards still collected. Each case runs in its own interpreter (the
settings are process-wide and must not leak into the test process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

WORKER = """
import gc, json, os, weakref
from fieldkit.central import heap, server
server.harness_secret(os.environ)
app = server.app_from_env()
frozen, thresholds = gc.get_freeze_count(), gc.get_threshold()

class Node:
    pass

# cyclic garbage made after start-up: only the collector can free it
a, b = Node(), Node()
a.other, b.other = b, a
gone = weakref.ref(a)
del a, b
keep = [[] for _ in range(50_000)]  # new containers alone trigger the young collection (no gc.collect())
print(json.dumps({"frozen": frozen, "thresholds": thresholds, "cycle_freed": gone() is None}))
"""


def _run(tmp_path: Path, **env: str) -> dict[str, object]:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "FIELDKIT_CENTRAL_DB": f"sqlite:///{tmp_path / 'c.db'}", **env}
    if "FIELDKIT_GC" not in env:
        environ.pop("FIELDKIT_GC", None)
    out = subprocess.run([sys.executable, "-c", WORKER], env=environ, capture_output=True, text=True, timeout=120,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_worker_freezes_start_up_and_still_collects_cycles(tmp_path: Path) -> None:
    got = _run(tmp_path)
    from fieldkit.central import heap

    assert got["thresholds"] == list(heap.THRESHOLDS)
    assert isinstance(got["frozen"], int) and got["frozen"] > 10_000  # the app, FastAPI, SQLAlchemy…
    assert got["cycle_freed"] is True  # garbage made while serving is still found by the collector


def test_default_keeps_pythons_collector(tmp_path: Path) -> None:
    got = _run(tmp_path, FIELDKIT_GC="default")
    assert got["frozen"] == 0
    assert got["thresholds"] == [700, 10, 10]
    assert got["cycle_freed"] is True
