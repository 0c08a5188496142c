"""Batch sizing with two pushes in flight (fieldkit/sync/push.py): a pipelined push's time is its
share of the link, and a small last batch goes apart when the server would otherwise hold the link
idle after the last byte (docs/sync.md, "The 2G floor"). The real engine, the real server, the link
emulator (64 kbit/s, 300 ms)."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

import pytest

from fieldkit.central import routes_sync
from fieldkit.services import customers, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.batching import Batcher
from fieldkit.sync.push import LAST_BATCH, Pushing
from fieldkit.sync.testing.proxy import LinkEmulator

SQLITE = pytest.mark.parametrize("central", ["sqlite"], indirect=True)


class Seen(Batcher):
    """The engine's own batcher, keeping what each push told it: (records, seconds, server seconds)."""

    def __init__(self, **kw: Any):
        super().__init__(**kw)
        self.seen: list[tuple[int, float, float | None]] = []
        self.sizes: list[int] = []  # the size chosen after each answer

    def record(self, seconds: float, nbytes: int = 0, count: int = 0, held: float | None = None) -> None:
        self.seen.append((count, seconds, held))
        super().record(seconds, nbytes, count, held)
        self.sizes.append(self.size)


def _slow_sync(make_device, add_readings, server, name: str, code: str, n: int) -> Seen:
    link = LinkEmulator(("127.0.0.1", server.port), bandwidth=64_000, rtt=0.3).start()
    try:
        s = make_device(name, "lan")
        sync.configure(s, link.url)
        c = customers.create_customer(s, CustomerInput(code=code, name=f"Khách {name}"))
        m = meters.register_meter(s, serial=f"M-{name}", customer_id=c.id)
        assert sync.sync_now(s).ok
        ids = add_readings(s, m.id, n)
        b = Seen()
        rep = sync.sync_now(s, batch=b)
        assert rep.ok and rep.pushed == n and rep.rejected == 0, rep
        pending = s.store.query_one("SELECT count(*) FROM outbox WHERE state = 'pending'")[0]
        assert pending == 0 and len(set(ids)) == n  # every reading answered once
        return b
    finally:
        link.stop()


@SQLITE
def test_the_second_push_sent_with_the_first_counts_only_its_share_of_the_link(make_device, add_readings,
                                                                                server):
    b = _slow_sync(make_device, add_readings, server, "p", "PA23LN0007101", 400)
    pushes = [x for x in b.seen if x[0] > 0]
    (n1, s1, _), (n2, s2, _) = pushes[:2]
    assert (n1, n2) == (100, 100), b.seen  # both sent before any answer, on one link
    # Its own time (~2.2 s: the first's upload, then its own) made the link look half as fast as it was
    # and the next batches ~270 instead of ~400 on 2G. Counted by its share of the bytes: about the same
    # as the first push (whose time includes the connection's round trip).
    assert s2 < s1, b.seen
    # The size chosen then, not the next batch sent: the 200 left are one last batch, which goes in two
    # (150 + 50) when the server's time per record is long enough (_split_tail): a loaded machine's was
    # (2.65 ms) and the test failed by chance on 150 >= 200
    assert b.sizes[1] >= 200, (b.sizes, b.seen)


@SQLITE
def test_a_server_slow_on_the_last_batch_gets_a_small_last_batch_apart(make_device, add_readings, server,
                                                                        monkeypatch):
    original = routes_sync.process_batch

    def loaded(conn: Any, pending: Any, ctx: Any, ops: list[Any], sigs: Any, *rest: Any) -> Any:
        time.sleep(0.0015 * len(ops))  # a loaded server: 0.6 s for 400 readings
        return original(conn, pending, ctx, ops, sigs, *rest)

    monkeypatch.setattr(routes_sync, "process_batch", loaded)
    b = _slow_sync(make_device, add_readings, server, "q", "PA23LN0007102", 400)
    sizes = [n for n, _, _ in b.seen if n > 0]
    assert sum(sizes) == 400 and sizes[:2] == [100, 100], b.seen
    assert sizes[-1] == LAST_BATCH and sizes[-2] > LAST_BATCH, b.seen


def _decides(b: Batcher, n: int = 300, pipeline: int = 2, ordered: bool = True) -> bool:
    engine = SimpleNamespace(batch=b, pipeline=pipeline, _ordered=ordered, last_batch=LAST_BATCH)
    return bool(Pushing._split_tail(engine, n))  # type: ignore[arg-type]


def _seen(rate: float, server_per_record: float | None) -> Batcher:
    b = Batcher()
    b.rate, b.server_per_record = rate, server_per_record
    return b


def test_the_last_batch_goes_apart_only_when_that_saves_time():
    # 2G (~5 kB/s as estimated) and a server taking 0.6 ms a record: 0.15 s saved for 0.13 s of bytes
    assert _decides(_seen(5_000, 0.0006))
    # a quick server (0.1 ms a record, 0.03 s) on the same link: the push's bytes would cost more
    assert not _decides(_seen(5_000, 0.0001))
    # a fast link: the server applies the last batch at once after its bytes; nothing to save
    assert not _decides(_seen(5_000_000, 0.0006))
    assert not _decides(_seen(100_000, 0.01))  # a good 3G or a loaded loopback: not a slow link
    # no Server-Timing (an older server): the server's part is unknown, no split
    assert not _decides(_seen(5_000, None))
    # one push at a time, or a server that does not keep pipelined pushes in order: the last waits anyway
    assert not _decides(_seen(5_000, 0.0006), pipeline=1)
    assert not _decides(_seen(5_000, 0.0006), ordered=False)
    # a last batch too small to split
    assert not _decides(_seen(5_000, 0.01), n=2 * LAST_BATCH)
