"""The batch size with the server's own time (`Server-Timing: app;dur`, fieldkit/central/timing.py)
told apart from the link's: the real sync engine against the real server on loopback, a server
made busy (each operation held 2 ms longer, as when it queues behind other devices) and a slow
link (the link emulator: 64 kbit/s, 300 ms)."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from fieldkit.central import routes_sync
from fieldkit.services import customers, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.batching import Batcher, held_seconds
from fieldkit.sync.testing.proxy import LinkEmulator

SQLITE = pytest.mark.parametrize("central", ["sqlite"], indirect=True)


class Seen(Batcher):
    """The engine's own batcher, keeping what each push told it: (records, seconds, server seconds)."""

    def __init__(self, use_header: bool = True, **kw: Any):
        super().__init__(**kw)
        self.use_header = use_header
        self.seen: list[tuple[int, float, float | None]] = []

    def record(self, seconds: float, nbytes: int = 0, count: int = 0, held: float | None = None) -> None:
        self.seen.append((count, seconds, held))
        super().record(seconds, nbytes, count, held if self.use_header else None)


def _device(make_device, name: str, code: str, url: str | None = None):
    s = make_device(name, "lan")
    if url:
        sync.configure(s, url)
    c = customers.create_customer(s, CustomerInput(code=code, name=f"Khách {name}"))
    m = meters.register_meter(s, serial=f"M-{name}", customer_id=c.id)
    assert sync.sync_now(s).ok
    return s, m


@SQLITE
def test_every_answer_says_how_long_the_server_held_it(server):
    r = requests.get(server.url + "/v1/ping", timeout=10)
    held = held_seconds(r.headers)
    assert held is not None and 0 <= held < r.elapsed.total_seconds() + 0.01
    assert r.headers["server-timing"].startswith("app;dur=")


@SQLITE
def test_a_busy_server_gets_smaller_batches_than_the_link_alone_would_choose(make_device, add_readings,
                                                                             monkeypatch):
    original = routes_sync.process_batch

    def busy(conn: Any, pending: Any, ctx: Any, ops: list[Any], sigs: Any, *rest: Any) -> Any:
        import time

        time.sleep(0.008 * len(ops))  # 8 ms more per operation: a server that many devices keep busy
        return original(conn, pending, ctx, ops, sigs, *rest)

    s, m = _device(make_device, "a", "PA23LN0007001")
    monkeypatch.setattr(routes_sync, "process_batch", busy)
    runs = {}
    for use_header in (False, True):  # the sizing before Server-Timing, then now; same server, same device
        add_readings(s, m.id, 500)
        b = Seen(use_header=use_header, server_floor=20)
        rep = sync.sync_now(s, batch=b)
        assert rep.ok and rep.pushed == 500 and rep.pipelined > 0, rep
        pushes = [x for x in b.seen if x[0] > 0]
        assert sum(x[0] for x in pushes) == 500
        assert all(h is not None and 0 < h <= sec for _, sec, h in pushes)  # the header came with each answer
        runs[use_header] = pushes
    link_only, timed = runs[False], runs[True]
    assert max(n for n, _, _ in link_only) >= 300  # the server's time taken for a slow link: it grew
    assert max(h or 0 for _, _, h in link_only) >= 2.4
    # 0.5 s of the server's time / 8 ms per record = 62 records (50 when the loaded machine adds 2 ms
    # of its own). A pipelined batch's wait for the device's own earlier batch is not counted
    # (`turn`): counted, it would look twice as slow (~31).
    sizes = [n for n, _, _ in timed]
    assert sizes[:2] == [100, 100] and all(42 <= n <= 66 for n in sizes[2:-1]), timed
    assert max(h or 0 for _, _, h in timed[2:]) < 0.8  # each answer within a second once sized


@SQLITE
def test_on_a_slow_link_the_time_is_the_links_and_batches_still_grow(make_device, add_readings, server):
    link = LinkEmulator(("127.0.0.1", server.port), bandwidth=64_000, rtt=0.3).start()
    try:
        s, m = _device(make_device, "b", "PA23LN0007002", link.url)
        add_readings(s, m.id, 700)
        b = Seen()
        rep = sync.sync_now(s, batch=b)
        assert rep.ok and rep.pushed == 700, rep
    finally:
        link.stop()
    pushes = [x for x in b.seen if x[0] > 0]
    sizes = [n for n, _, _ in pushes]
    assert sizes[:2] == [100, 100], b.seen  # two in flight before any answer
    for n, seconds, held in pushes:
        # the body's upload (100 readings: ~0.7 s at 64 kbit/s) is the link's, not the server's,
        # however loaded the machine is
        assert held is not None and 0 <= held < seconds and seconds - held > 0.4 * n / 100, (seconds, held)
    # Then hundreds (500: the rest, as a short tail joins), unless the server itself held the first
    # batches longer than its cap allows for that many (0.5 s of server time per request: a CI
    # machine under load); then the batch stays at the server's floor, never below it.
    server_per_record = max(held / n for n, _, held in pushes[:2])
    if server_per_record * 200 <= 0.5:
        assert sizes[2] >= 200, b.seen
    else:
        assert sizes[2] >= 100, b.seen
    assert b.rate is not None and 2_000 < b.rate < 8_000  # bytes/s over the link's time: 64 kbit/s is 8,000
