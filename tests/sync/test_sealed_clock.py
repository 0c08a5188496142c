"""A laptop whose clock is wrong but steady seals a fresh creation time (`c`) after one fallback: the
signed hello of that fallback measures the skew (sync/sealed.py `K_SKEW`) and the next sealed pushes
correct their time by it, so the server's window (central/sealed.py, unchanged) accepts them. A damaged
stored skew is not used (the plain clock) and never stops a sync. Real server on loopback (SQLite and
PostgreSQL), real sync engine, the recording relay of tests/sync/relay.py. The laptop's clock is
moved, not waited for."""

from __future__ import annotations

import time

import pytest
from test_sealed_push import _laptop, _ops, _pending

from fieldkit.central.db import Database
from fieldkit.services import sync
from fieldkit.sync import sealed as laptop_sealed
from tests.sync.relay import Relay


@pytest.mark.parametrize("off_s", [-3600, 3600])
def test_a_laptop_clock_an_hour_off_pays_the_fallback_once(
        central: Database, server, make_device, add_readings, monkeypatch, off_s: int) -> None:  # type: ignore[no-untyped-def]
    s, m = _laptop(make_device, add_readings, "a", 20, "201")
    before = _ops(central)
    assert abs(int(s.store.get_meta(laptop_sealed.K_SKEW))) <= 2  # the first hello: a right clock
    monkeypatch.setattr(laptop_sealed, "clock", lambda: time.time() + off_s)
    with Relay(server.url) as relay:
        sync.configure(s, relay.url)
        report = sync.sync_now(s)
        assert report.ok and report.sealed == 0 and report.applied == 20, report
        assert relay.requests["/v1/push/sealed"] == 1 and relay.requests["/v1/hello"] == 1, relay.requests
        assert any("410 sealed_stale" in r for r in report.reasons), report.reasons
        skew = int(s.store.get_meta(laptop_sealed.K_SKEW))
        assert abs(skew + off_s) <= 2, skew  # the fallback's hello measured the clock again
        for n in (7, 9):  # the next syncs: sealed, no hello, no refusal
            add_readings(s, m.id, n)
            relay.requests.clear()
            report = sync.sync_now(s)
            assert report.ok and report.sealed >= 1 and report.applied == n, report
            assert relay.requests["/v1/hello"] == 0 and relay.requests["/v1/push"] == 0, relay.requests
            assert relay.requests["/v1/push/sealed"] == report.sealed, relay.requests
            assert not any("sealed" in r for r in report.reasons), report.reasons
    assert _ops(central) == before + 36 and _pending(s) == 0  # each once


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)  # the laptop's store: one engine is enough
@pytest.mark.parametrize("raw", ["nan", "-nan", "inf", "-inf", "1e300", "-1e12", str(laptop_sealed.SKEW_MAX_S + 1),
                                 "abc", "", "3600 s", "true"])
def test_a_damaged_stored_skew_is_not_used(central, server, make_device, add_readings, raw: str) -> None:  # type: ignore[no-untyped-def]
    """The laptop's clock is right: sealed with the plain clock, the push goes through sealed."""
    s, _ = _laptop(make_device, add_readings, "a", 4, "202")
    s.store.set_meta(laptop_sealed.K_SKEW, raw)
    assert laptop_sealed.load_skew(s.store) == 0
    report = sync.sync_now(s)
    assert report.ok and report.sealed == 1 and report.applied == 4 and _pending(s) == 0, report
    assert not any("sealed" in r for r in report.reasons), report.reasons


@pytest.mark.parametrize(("value", "want"), [(-3599.6, -3600), (0.4, 0), ("12.5", 12), (True, None), (None, None),
                                             (float("nan"), None), ("1e309", None), (laptop_sealed.SKEW_MAX_S, 3162240000)])
def test_the_skew_as_stored(value: object, want: int | None) -> None:
    assert laptop_sealed.sane_skew(value) == want
