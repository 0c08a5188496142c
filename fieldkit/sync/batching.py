"""How many records go in the next request: sized from what the link carried in the last ones.

Every exchange tells how many bytes went both ways for how many records and how long it took.
From that the batcher keeps the link's rate in bytes per second (a moving average) and the
bytes one record costs, and sizes the next batch so that one request takes about `target_s`:
on a 64 kbit/s line with 600 ms round trips that is a few hundred readings per request (the
round trip becomes a small part of each request), on a LAN or loopback it is the upper bound at
once. Growth is at most `grow` times per request, so one lucky fast answer cannot make a batch
that takes minutes; a failed request halves the size. Without byte counts (an old caller) the
size follows the request time alone.
"""

from __future__ import annotations


class Batcher:
    def __init__(self, start: int = 100, low: int = 10, high: int = 2000, target_s: float = 6.0,
                 grow: float = 4.0, smoothing: float = 0.5):
        self.size, self.low, self.high, self.target_s = start, low, high, target_s
        self.grow, self.smoothing = grow, smoothing
        self.rate: float | None = None  # bytes per second the link carried (moving average)
        self.per_record: float | None = None  # bytes one record costs on the wire

    def record(self, seconds: float, nbytes: int = 0, count: int = 0) -> None:
        """One exchange of `count` records and `nbytes` bytes (both ways) that took `seconds`."""
        seconds = max(seconds, 1e-4)
        if nbytes <= 0 or count <= 0:
            self._resize(self.size * self.target_s / seconds)
            return
        rate, per = nbytes / seconds, nbytes / count
        a = self.smoothing
        self.rate = rate if self.rate is None else a * rate + (1 - a) * self.rate
        self.per_record = per if self.per_record is None else a * per + (1 - a) * self.per_record
        self._resize(self.rate * self.target_s / self.per_record)

    def _resize(self, wanted: float) -> None:
        wanted = min(wanted, self.size * self.grow)
        self.size = int(max(self.low, min(self.high, wanted)))

    def failed(self) -> None:
        self.size = max(self.low, self.size // 2)
