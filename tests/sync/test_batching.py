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
