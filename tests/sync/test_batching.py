"""The push batch follows what the link carries (fieldkit/sync/batching.py), checked against a
model link: time = round trip + bytes / bandwidth (+ the server's time per record)."""

from __future__ import annotations

from fieldkit.sync.batching import Batcher

PER_READING = 59  # bytes on the wire per reading, both ways (bench/sync.py)


def drain(b: Batcher, n: int, rtt: float, bits_per_s: float, server_per_record: float = 0.0) -> list[int]:
    sizes = []
    while n > 0:
        size = min(b.size, n)
        nbytes = size * PER_READING + 400  # headers
        b.record(rtt + nbytes * 8 / bits_per_s + size * server_per_record, nbytes, size)
        sizes.append(size)
        n -= size
    return sizes


def test_a_2g_link_sends_a_thousand_readings_in_three_requests():
    # 64 kbit/s, 600 ms: the old rule (grow only under 1 s) stayed at 100: ten requests
    assert drain(Batcher(), 1000, rtt=0.6, bits_per_s=64_000) == [100, 400, 500]


def test_on_a_fast_link_the_batch_reaches_the_upper_bound_and_stays_there():
    b = Batcher(high=2000)
    sizes = drain(b, 20_000, rtt=0.001, bits_per_s=1e9, server_per_record=0.0002)
    assert sizes[:4] == [100, 400, 1600, 2000] and set(sizes[3:-1]) == {2000}  # the last is the rest


def test_a_slower_link_or_server_shrinks_the_batch_and_each_request_stays_near_the_target():
    b = Batcher(target_s=6.0)
    drain(b, 3000, rtt=0.6, bits_per_s=64_000)
    big = b.size
    drain(b, 3000, rtt=0.6, bits_per_s=9_600)  # the signal drops to 9.6 kbit/s
    assert b.size < big / 4
    last = b.size * PER_READING * 8 / 9_600 + 0.6
    assert 3.0 < last < 9.0


def test_failures_halve_down_to_the_floor_and_old_callers_still_work():
    b = Batcher(start=100, low=10)
    for _ in range(10):
        b.failed()
    assert b.size == 10
    b.record(0.01)  # no byte counts: follows the request time alone, growth bounded
    assert b.size == 40


# --- the server's time apart from the link's (Server-Timing: app;dur=<ms>) ---------------------

def drain_busy(b: Batcher, n: int, rtt: float, bits_per_s: float, held: object,
               use_header: bool = True) -> list[tuple[int, float]]:
    """Like drain, with the server holding each request `held(size)` seconds (queueing behind other
    devices and applying): returns (size, seconds the server held it) per request."""
    out = []
    while n > 0:
        size = min(b.size, n)
        nbytes = size * PER_READING + 400
        h = held(size)  # type: ignore[operator]
        b.record(rtt + nbytes * 8 / bits_per_s + h, nbytes, size, h if use_header else None)
        out.append((size, h))
        n -= size
    return out


def busy(size: int) -> float:
    """A server busy with 63 other devices: ~7.5 ms per record of this request (what 64 x 400
    records queued at ~8k ops/s give: 400 records held 3 s, bench/central.py before this change)."""
    return 0.0075 * size


def test_a_busy_server_gets_smaller_batches_and_answers_each_within_a_second():
    sent = drain_busy(Batcher(), 5000, rtt=0.0005, bits_per_s=1e9, held=busy)
    assert [s for s, _ in sent[:2]] == [100, 100]  # the first answer held 0.75 s: no growth
    assert max(h for _, h in sent) <= 0.76
    # the link-only sizing (the header absent: an older server) takes the server's time for a slow
    # link and grows to what takes 6 s on it: 800 records, each request held 6 s
    old = drain_busy(Batcher(), 5000, rtt=0.0005, bits_per_s=1e9, held=busy, use_header=False)
    assert [s for s, _ in old[:3]] == [100, 400, 799] and max(h for _, h in old) > 5.9


def test_the_server_cap_follows_the_servers_time_per_record_down_to_its_floor():
    b = Batcher(server_s=0.5, server_floor=30)
    drain_busy(b, 3000, rtt=0.0005, bits_per_s=1e9, held=lambda n: 0.005 * n)
    assert b.size == 100  # 0.5 s / 5 ms
    drain_busy(b, 3000, rtt=0.0005, bits_per_s=1e9, held=lambda n: 0.05 * n)  # ten times busier
    assert b.size == 30  # the floor: below it each request's own cost (HTTP, token, commit) would dominate
    drain_busy(b, 20_000, rtt=0.0005, bits_per_s=1e9, held=lambda n: 0.0001 * n)  # quiet again
    assert b.size == 2000


def test_2g_still_grows_to_hundreds_when_the_server_says_it_was_quick():
    sent = drain_busy(Batcher(), 1000, rtt=0.6, bits_per_s=64_000, held=lambda n: 0.002 + 0.0001 * n)
    assert [s for s, _ in sent] == [100, 400, 500]
    sent = drain_busy(Batcher(), 5000, rtt=0.6, bits_per_s=64_000, held=lambda n: 0.0001 * n)
    assert min(s for s, _ in sent[2:-1]) >= 400  # hundreds per request: ~6 s of link each


def test_the_link_part_alone_sets_the_rate_when_the_server_held_the_request():
    # 2G with a server holding each request 1 s: the rate is the link's (bytes over the link's time),
    # not lowered by the server's second (which would shrink the batches for nothing)
    b = Batcher(server_floor=10)
    drain_busy(b, 2000, rtt=0.6, bits_per_s=64_000, held=lambda n: 0.0005 * n)
    link_rate = b.rate
    assert link_rate is not None and 5_000 < link_rate < 8_000  # 64 kbit/s = 8,000 B/s, less the round trips
    c = Batcher(server_floor=10)
    drain_busy(c, 2000, rtt=0.6, bits_per_s=64_000, held=lambda n: 0.0005 * n, use_header=False)
    assert c.rate is not None and c.rate < link_rate


# Device 0 of `bench/batch_sizing.py --readings 800 --modes server,link --trace` (64 devices, PostgreSQL,
# one worker, load average 8-9), as recorded: (seconds, bytes both ways, records, Server-Timing
# seconds, the size it chose next). `link` ignored the header (the sizing before it).
RECORDED_LINK = [(2.428, 7622, 100, 2.0236, 247), (3.588, 18079, 247, 3.1977, 328),
                 (3.281, 23851, 328, 2.6189, 462), (0.307, 9439, 125, 0.2465, 1462)]
RECORDED_SERVER = [(1.789, 7681, 100, 1.4353, 100), (2.444, 7715, 100, 2.1787, 100), (1.252, 7681, 100, 1.1148, 100),
                   (2.419, 7705, 100, 2.0677, 100), (1.486, 7719, 100, 1.2562, 100), (1.803, 7657, 100, 1.5245, 100),
                   (1.971, 7675, 100, 1.6754, 100), (0.997, 7689, 100, 0.894, 100)]


def test_recorded_sequences_replay_to_the_sizes_chosen_then():
    for recorded, use_header in ((RECORDED_LINK, False), (RECORDED_SERVER, True)):
        b = Batcher()
        for seconds, nbytes, count, held, then in recorded:
            b.record(seconds, nbytes, count, held if use_header else None)
            assert abs(b.size - then) <= then // 100, (seconds, held, b.size)  # times recorded to the ms
    # the link-only run's own answers, read with the header: it would have stayed at the floor (the
    # server held 100 records 2 s: 20 ms a record, far above 0.5 s / 100), and gone on growing only
    # once the server held a record under 5 ms (the last answer, as the other devices finished)
    b = Batcher()
    sizes = []
    for seconds, nbytes, count, held, _ in RECORDED_LINK:
        b.record(seconds, nbytes, count, held)
        sizes.append(b.size)
    assert sizes == [100, 100, 100, 100]
    grown = []
    for _ in range(4):  # and a quiet server again (0.3 ms a record): it grows back as the average forgets
        b.record(0.05, 9439, 125, 0.04)
        grown.append(b.size)
    assert grown[0] > 100 and grown == sorted(grown) and grown[-1] >= 500, grown


def test_a_hostile_absent_or_garbage_header_is_ignored_and_never_raises():
    from fieldkit.sync.batching import held_seconds

    assert held_seconds({"server-timing": "app;dur=12.5"}) == 0.0125
    assert held_seconds({"server-timing": 'cache;desc="hit";dur=3, app;desc=x;dur=7'}) == 0.007
    assert held_seconds({"Server-Timing": "app;dur=1"}) is None  # a plain dict is case-sensitive: no hint
    for raw in (None, "", "app", "app;dur=", "app;dur=abc", "app;dur=-5", "app;dur=1e309", "app;dur=nan",
                "app;dur=inf", "app;dur=0x10", "db;dur=5", "app;dur=1;dur=2" * 100, "app;dur=5" + " " * 600,
                "app;dur=12345678901234", "\x00app;dur=1", 42, b"app;dur=5", ["app;dur=5"]):
        got = held_seconds({"server-timing": raw})
        assert got is None or (got >= 0 and got == got), raw
    for headers in (None, [], 17, "app;dur=5", {"server-timing": {"dur": 5}}):
        assert held_seconds(headers) is None
    b = Batcher()
    for held in (float("nan"), float("inf"), -1.0, 1e300, None):
        b.record(0.5, 6_000, 100, held)  # NaN, inf, negative: no hint; 1e300: no more than the request took
        assert 10 <= b.size <= 2000
    assert b.server_per_record is not None and b.server_per_record <= 0.5 / 100 + 1e-12
