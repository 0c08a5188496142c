"""A sealed push says when the laptop made it (`c`, inside the seal: central/sealed.py, sync/sealed.py):
the server refuses one made outside FIELDKIT_SEAL_WINDOW_S of its clock (410 sealed_stale) before the
push runs, so a captured sealed push is replayable only within the window; a laptop whose clock is
wrong gets the hello first and syncs anyway. Real server on loopback (SQLite and PostgreSQL), real
sync engine, the recording relay of tests/sync/relay.py. The clocks are moved, not waited for."""

from __future__ import annotations

import gzip
import json
import time

import pytest
import requests
from sqlalchemy import func, select, update
from test_sealed_push import _laptop, _ops, _pending

from fieldkit.central import schema as t
from fieldkit.central import sealed as central_sealed
from fieldkit.central.db import Database, utc_now
from fieldkit.domain import sealing
from fieldkit.services import sync
from fieldkit.sync import sealed as laptop_sealed
from tests.sync.relay import Relay


def _audit(central: Database) -> int:
    with central.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.audit)).scalar_one())


def _replay(url: str, body: bytes) -> requests.Response:
    return requests.post(url + "/v1/push/sealed", data=body, headers={"Content-Type": sealing.MEDIA}, timeout=30)


def test_a_captured_sealed_push_replayed_after_the_window_is_refused_before_it_runs(
        central, server, make_device, add_readings, monkeypatch):
    """The push carries operations refused for their author (her key revoked on the server: not stored,
    one audit row each). The relay keeps the sealed push and drops it (the server never opened it).
    11 minutes later the bytes are refused in the clear, three times, nothing applied, no audit row.
    Within the window they run once (the audit rows once) and then are refused 409 sealed_replayed
    (central/sealed_seen.py; more in test_sealed_replay.py)."""
    s, _ = _laptop(make_device, add_readings, "a", 5, "101")
    with central.write() as (conn, _):
        conn.execute(update(t.user_keys).values(revoked_at=utc_now()))
    with Relay(server.url, lambda path, data: (503, b"", "text/plain") if path == "/v1/push/sealed" else None) as relay:
        sync.configure(s, relay.url)
        assert not sync.sync_now(s, max_retries=0).ok
    assert len(relay.sealed) == 1, relay.requests
    body, ops, audit = relay.sealed[0], _ops(central), _audit(central)
    now = central_sealed.clock()
    monkeypatch.setattr(central_sealed, "clock", lambda: now + 11 * 60)
    for _ in range(3):
        got = _replay(server.url, body)
        assert got.status_code == 410 and got.json()["detail"].startswith("sealed_stale: "), got.status_code
    assert _ops(central) == ops and _audit(central) == audit
    monkeypatch.setattr(central_sealed, "clock", lambda: now + 60)  # within the window: opened once
    got = _replay(server.url, body)
    assert got.status_code == 200 and got.headers["content-type"].startswith(sealing.MEDIA)
    assert _audit(central) == audit + 5 and _ops(central) == ops  # refused for the author: one row each
    got = _replay(server.url, body)
    assert got.status_code == 409 and got.json()["detail"].startswith("sealed_replayed: "), got.status_code
    assert _audit(central) == audit + 5 and _ops(central) == ops


@pytest.mark.parametrize("off_s", [-3600, 3600])
def test_a_laptop_clock_an_hour_off_syncs_anyway_through_the_hello(
        central, server, make_device, add_readings, monkeypatch, off_s):
    """An hour slow or fast (the future beyond the window is refused as the past is): the sealed push
    is refused (410 sealed_stale, nothing applied by it), the hello goes first, everything arrives once."""
    s, _ = _laptop(make_device, add_readings, "a", 40, "102")
    before, audit = _ops(central), _audit(central)
    monkeypatch.setattr(laptop_sealed, "clock", lambda: time.time() + off_s)
    with Relay(server.url) as relay:
        sync.configure(s, relay.url)
        report = sync.sync_now(s)
        assert report.ok and report.sealed == 0 and report.applied == 40 and _pending(s) == 0, report
        assert relay.requests["/v1/push/sealed"] == 1 and relay.requests["/v1/hello"] == 1, relay.requests
        assert any("410 sealed_stale" in r for r in report.reasons), report.reasons
        got = _replay(server.url, relay.sealed[0])  # the refused bytes stay refused
        assert got.status_code == 410 and "sealed_stale" in got.json()["detail"]
    assert _ops(central) == before + 40 and _audit(central) == audit + 40  # each once
    assert json.loads(s.store.get_meta(laptop_sealed.K_SEALING))["n"] == 1  # the key is kept for next time


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_sealed_push_without_a_creation_time_is_refused(central, server, make_device, add_readings, monkeypatch):
    """A push sealed without `c` (as laptops did before it): refused in the clear, nothing applied."""
    s, _ = _laptop(make_device, add_readings, "a", 3, "103")
    before = _ops(central)
    real = sealing.seal_request

    def without_time(*args, **kwargs):  # type: ignore[no-untyped-def]
        header = dict(args[3])
        header.pop("c")
        return real(*args[:3], header, *args[4:], **kwargs)

    monkeypatch.setattr(sealing, "seal_request", without_time)
    with Relay(server.url) as relay:
        sync.configure(s, relay.url)
        report = sync.sync_now(s)
    assert report.ok and report.sealed == 0 and _pending(s) == 0, report
    assert any("sealed_stale: the sealed push carries no creation time" in r for r in report.reasons)
    assert _ops(central) == before + 3


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_creation_time_no_clock_shows_is_refused_not_a_500(central, server) -> None:
    """`c` is any JSON integer and anyone may seal (the sealing key is public): one far beyond a float
    (10**400) is refused as stale, in the clear, before anything runs (it was an OverflowError: 500)."""
    published = requests.get(server.url + "/v1/hello", params={"nonce": "abcdefgh"}, timeout=10).json()["sealing"]
    before = _ops(central)
    for made in (10**400, -10**400, 2**64, -(2**64)):
        body, _key = sealing.seal_request(published["key"], published["n"], central_sealed.PATH,
                                          {"t": "x", "n": "abcdefgh", "z": False, "c": made}, b"{}")
        got = _replay(server.url, body)
        assert got.status_code == 410 and "sealed_stale" in got.json()["detail"], (made, got.status_code, got.text)
    assert _ops(central) == before


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_sealed_gzip_damaged_or_past_the_limit_is_refused(central, server) -> None:
    """The body inside a seal says it is gzip (`z`): damaged, 400 sealed_malformed; one that inflates
    past the limit (a gzip bomb: 40 MB of zeros in ~40 kB), 413 there. Nothing applied."""
    published = requests.get(server.url + "/v1/hello", params={"nonce": "abcdefgh"}, timeout=10).json()["sealing"]
    before = _ops(central)
    bomb = gzip.compress(bytes(40 * 1024 * 1024), 9)
    for inside, status, says in [(b"not gzip at all", 400, "sealed_malformed: the sealed push's gzip is damaged"),
                                 (bomb, 413, "larger than")]:
        body, _key = sealing.seal_request(published["key"], published["n"], central_sealed.PATH,
                                          {"t": "x", "n": "abcdefgh", "z": True, "c": int(time.time())}, inside)
        got = _replay(server.url, body)
        assert got.status_code == status and says in got.json()["detail"], (got.status_code, got.text[:200])
    assert _ops(central) == before


@pytest.mark.parametrize(("raw", "want"), [("", 600.0), ("abc", 600.0), ("nan", 600.0), ("-nan", 600.0),
                                           ("inf", 86400.0), ("1e300", 86400.0), ("-inf", 30.0), ("0", 30.0),
                                           ("-5", 30.0), ("120", 120.0)])
def test_the_window_as_an_operator_writes_it(monkeypatch: pytest.MonkeyPatch, raw: str, want: float) -> None:
    monkeypatch.setenv(central_sealed.WINDOW_ENV, raw)
    assert central_sealed.window_s() == want
