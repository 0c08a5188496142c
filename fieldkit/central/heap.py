"""The worker's garbage collector, set once the app is built (`server.app_from_env`).

Python's cycle collector walks every container object it tracks. A worker holds about 110,000 of
them once FastAPI, pydantic, SQLAlchemy and psycopg are loaded, and a push makes thousands more
(each reading's JSON is 7 dicts, then its checks and rows), so with the default thresholds
(700, 10, 10) a worker at 64 pushing devices collected about 350 times per 32,000 readings, 2
of them full collections of 90-120 ms each, holding the interpreter lock all along: 10-14 µs of
the server's CPU per reading (gc callbacks, thread CPU; bench/central_gc.py). With this: 4.0-4.4.

- `gc.freeze()` after start-up moves everything built until then (modules, the app, its routes
  and schemas) out of the collector's sight: it is alive for the worker's life anyway. Objects
  made later are collected as before, and reference counting frees everything at once as ever.
- A larger first threshold: the young generation is collected every 2,000 new containers instead
  of 700, the middle one every 20 young collections: most of a push's objects are freed by
  reference counting long before that, so fewer passes find the same garbage.

`FIELDKIT_GC=default` keeps Python's own settings (for comparison, or if a deployment ever needs
it)."""

from __future__ import annotations

import gc
import os

ENV = "FIELDKIT_GC"
THRESHOLDS = (2000, 20, 10)


def settle(environ: dict[str, str] | None = None) -> bool:
    """Freeze what start-up built and set the thresholds (unless FIELDKIT_GC=default). Call it once
    the app exists, before the first request. Returns whether it changed anything."""
    env = os.environ if environ is None else environ
    if env.get(ENV, "").strip().lower() == "default":
        return False
    gc.collect()  # start-up's own garbage first, so none of it is frozen
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    return True
