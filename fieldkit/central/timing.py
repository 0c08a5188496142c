"""`Server-Timing: app;dur=<ms>` on every answer: how long the server held the request, from the
moment its body had arrived (for a request without a body: its headers) until its answer
started. That covers waiting for a thread, parsing, checking, queueing for the database behind
other devices, applying and encoding; it leaves out the time the body spent on the link.

The laptop's batcher (fieldkit/sync/batching.py) takes the rest of a request's time as the
link's: it sizes batches by the link's rate and keeps the server's part near half a second, so
a busy server gets smaller batches while a 2G link still gets few round trips. The header is a
sizing hint only (it is not signed; the answer's body is): W3C Server-Timing, also shown by
browsers' developer tools. About 28 bytes per answer.

A pipelined push that waits for the same device's earlier batch (central/turns.py) is not held by
the server's load but by the device's own pipelining (the wait overlaps the earlier batch): that
wait is left out of `app` and told apart as `turn;dur=<ms>`, so a device alone on a server is not
taken for a device behind a queue.

The header is written by the edge middleware (central/edge.py); `own_turn` marks the wait."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.requests import Request

TURN = "fieldkit.turn_s"


@contextmanager
def own_turn(request: Request) -> Iterator[None]:
    """Time spent waiting for this device's own earlier batch (not counted as the server's time)."""
    began = time.perf_counter()
    try:
        yield
    finally:
        request.scope[TURN] = request.scope.get(TURN, 0.0) + time.perf_counter() - began
