"""How many records go in the next request: sized from what the link carried in the last ones,
and from how long the server held them.

Every exchange tells how many bytes went both ways for how many records and how long it took,
and the server says how long of that it held the request (`Server-Timing: app;dur=<ms>`, from
the moment the request's body had arrived until its answer started: queueing behind other
devices, applying, answering). The rest of the time is the link's.

- The link part: the batcher keeps the link's rate in bytes per second (a moving average over
  the link's time only) and the bytes one record costs, and sizes the next batch so that one
  request spends about `target_s` on the link: on a 64 kbit/s line with 600 ms round trips that
  is a few hundred readings per request (the round trip becomes a small part of each request),
  on a LAN or loopback it is the upper bound at once.
- The server part: the batcher keeps the server's time per record (a moving average) and caps
  the next batch so that the server holds it about `server_s` at most. A busy server (dozens of
  devices syncing at once, each request queued behind the others) thus gets smaller batches and
  each device still gets an answer within about a second; an idle one holds a batch a few
  milliseconds and the cap does not bind. Without a usable header (an older server, a proxy
  that drops it, garbage) the whole time counts as the link's, as before.

Growth is at most `grow` times per request, so one lucky fast answer cannot make a batch that
takes minutes; a failed request halves the size. Without byte counts (an old caller) the size
follows the request time alone. The header is not signed: a lying one can only move the size
between `low` and `high` (each answer is still checked and signed), never break the sync.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

HEADER = "server-timing"
_DUR = re.compile(r"^\s*dur\s*=\s*\"?([0-9]{1,9}(?:\.[0-9]{1,6})?)\"?\s*$", re.IGNORECASE)


def held_seconds(headers: Mapping[str, Any] | Any) -> float | None:
    """The server's own time from an answer's `Server-Timing: app;dur=<ms>` (None: absent or not
    readable). Other metrics in the header (a proxy's) are skipped; anything odd is ignored."""
    try:
        raw = headers.get(HEADER) if headers is not None else None
    except Exception:  # headers of an unexpected kind: no hint
        return None
    if not isinstance(raw, str) or len(raw) > 512:
        return None
    for metric in raw.split(","):
        name, _, params = metric.partition(";")
        if name.strip().lower() != "app":
            continue
        for param in params.split(";"):
            m = _DUR.match(param)
            if m:
                ms = float(m.group(1))
                return ms / 1000.0 if math.isfinite(ms) else None
        return None
    return None


class Batcher:
    def __init__(self, start: int = 100, low: int = 10, high: int = 2000, target_s: float = 6.0,
                 grow: float = 4.0, smoothing: float = 0.5, server_s: float = 0.5, server_floor: int = 100):
        self.size, self.low, self.high, self.target_s = start, low, high, target_s
        self.grow, self.smoothing, self.server_s, self.server_floor = grow, smoothing, server_s, server_floor
        self.rate: float | None = None  # bytes per second the link carried (moving average)
        self.per_record: float | None = None  # bytes one record costs on the wire
        self.server_per_record: float | None = None  # seconds the server held per record (moving average)

    def record(self, seconds: float, nbytes: int = 0, count: int = 0, held: float | None = None) -> None:
        """One exchange of `count` records and `nbytes` bytes (both ways) that took `seconds`, of
        which the server held the request `held` seconds (None: unknown)."""
        seconds = max(seconds, 1e-4)
        if held is not None and not (math.isfinite(held) and held >= 0):
            held = None
        if held is not None:
            held = min(held, seconds)  # a clock or a header cannot make the link's part negative
        if nbytes <= 0 or count <= 0:
            self._resize(self.size * self.target_s / seconds)
            return
        a = self.smoothing
        link_s = max(seconds - (held or 0.0), 1e-4)
        rate, per = nbytes / link_s, nbytes / count
        self.rate = rate if self.rate is None else a * rate + (1 - a) * self.rate
        self.per_record = per if self.per_record is None else a * per + (1 - a) * self.per_record
        wanted = self.rate * self.target_s / self.per_record
        if held is not None:
            s = held / count
            self.server_per_record = s if self.server_per_record is None else a * s + (1 - a) * self.server_per_record
            if self.server_per_record > 0:
                wanted = min(wanted, max(self.server_floor, self.server_s / self.server_per_record))
        self._resize(wanted)

    def _resize(self, wanted: float) -> None:
        wanted = min(wanted, self.size * self.grow)
        self.size = int(max(self.low, min(self.high, wanted)))

    def failed(self) -> None:
        self.size = max(self.low, self.size // 2)
