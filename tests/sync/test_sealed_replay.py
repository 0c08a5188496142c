"""A sealed push is opened once (central/sealed_seen.py): the server keeps the ephemeral key of every
sealed push it opened, in the database, for the window (+ a margin). A replay within the window is
refused 409 `sealed_replayed` before it is decrypted, runs nothing and writes no row; two copies at
two workers at once: exactly one runs. The laptop seals every try anew, so its own retry after a cut
answer is no replay; a front that sends the same bytes twice costs it a hello, never an operation.
Real server on loopback (SQLite and PostgreSQL; two worker processes for the race), real sync engine,
the recording relay of tests/sync/relay.py and the FaultProxy."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import requests
from sqlalchemy import func, inspect, select, update
from test_sealed_push import _laptop, _ops, _pending

from fieldkit.central import schema as t
from fieldkit.central import sealed as central_sealed
from fieldkit.central import sealed_seen
from fieldkit.central.db import SCHEMA_VERSION, Database, utc_now
from fieldkit.central.server import ServerProcess
from fieldkit.domain import sealing
from fieldkit.services import sync
from fieldkit.sync import sealed as laptop_sealed
from fieldkit.sync.testing.proxy import FaultProxy
from tests.sync.relay import Relay

REPLAYED = "sealed_replayed: "


def _audit(central: Database) -> int:
    with central.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.audit)).scalar_one())


def _marks(central: Database) -> list[str]:
    with central.read() as conn:
        return sorted(str(r[0]) for r in conn.execute(select(t.sealed_seen.c.ephemeral)))


def _post(url: str, body: bytes, session: Any = requests) -> requests.Response:
    return session.post(url + "/v1/push/sealed", data=body, headers={"Content-Type": sealing.MEDIA}, timeout=60)


def _revoke_authors(central: Database) -> None:
    """The laptop's person loses her key on the server: her operations are refused for their author
    (not stored, one audit row each), so every run of a push that carries them shows in `audit`."""
    with central.write() as (conn, _):
        conn.execute(update(t.user_keys).values(revoked_at=utc_now()))


def _captured(server_url: str, s: Any) -> bytes:
    """The laptop's sealed push as a relay keeps it, never opened by the server (the relay drops it)."""
    with Relay(server_url, lambda path, data: (503, b"", "text/plain") if path == "/v1/push/sealed" else None) as r:
        sync.configure(s, r.url)
        assert not sync.sync_now(s, max_retries=0).ok
    assert len(r.sealed) == 1, r.requests
    return r.sealed[0]


def test_a_replay_within_the_window_runs_nothing_and_is_refused_before_the_decrypt(
        central, server, make_device, add_readings, monkeypatch):
    """Operations refused for their author: the sealed push writes one audit row each, once. Three
    replays: 409 sealed_replayed in the clear, no audit row, no operation, and no decrypt."""
    s, _ = _laptop(make_device, add_readings, "a", 5, "201")
    _revoke_authors(central)
    with Relay(server.url) as relay:
        sync.configure(s, relay.url)
        report = sync.sync_now(s)
    assert report.sealed == 1 and len(relay.sealed) == 1, (report, relay.requests)
    body, ops, audit = relay.sealed[0], _ops(central), _audit(central)
    opened = []
    real_open = sealing.open_request
    monkeypatch.setattr(sealing, "open_request", lambda *a, **k: opened.append(1) or real_open(*a, **k))
    for _ in range(3):
        got = _post(server.url, body)
        assert got.status_code == 409 and got.json()["detail"].startswith(REPLAYED), (got.status_code, got.text)
    assert opened == []  # refused before the decrypt: a replay costs one look-up
    assert _audit(central) == audit and _ops(central) == ops  # no row of any kind
    # the same ephemeral key with other bytes after it (only its holder could make them open): refused too
    changed = body[:40] + bytes(b ^ 1 for b in body[40:60]) + body[60:]
    got = _post(server.url, changed)
    assert got.status_code == 409 and got.json()["detail"].startswith(REPLAYED)
    assert opened == [] and _audit(central) == audit
    assert _marks(central) == [body[8:40].hex()]  # what the server keeps: the ephemeral key


def test_two_copies_at_two_workers_at_once_exactly_one_runs(central, server, make_device, add_readings, tmp_path):
    """Eight copies of one sealed push sent at the same moment on eight connections to a server of two
    worker processes: one 200 (sealed), seven 409 sealed_replayed; the audit rows of its refused
    operations written once."""
    s, _ = _laptop(make_device, add_readings, "a", 4, "202")
    _revoke_authors(central)
    body = _captured(server.url, s)
    audit, ops = _audit(central), _ops(central)
    url = central.url.replace("postgresql+psycopg://", "postgresql://")
    with ServerProcess(url, workers=2, log_path=str(tmp_path / "server.log")) as srv:
        sessions = _four_on_each_worker(srv.url)
        start, got = threading.Barrier(len(sessions)), []
        lock = threading.Lock()

        def send(x: requests.Session) -> None:
            start.wait(30)
            r = _post(srv.url, body, x)
            with lock:
                got.append((r.status_code, r.headers.get("content-type", ""), r.text if r.status_code != 200 else ""))

        threads = [threading.Thread(target=send, args=(x,)) for x in sessions]
        for th in threads:
            th.start()
        for th in threads:
            th.join(120)
        for x in sessions:
            x.close()
    ok = [g for g in got if g[0] == 200]
    assert len(got) == 8 and len(ok) == 1 and ok[0][1].startswith(sealing.MEDIA), got
    assert all(g[0] == 409 and REPLAYED in g[2] for g in got if g[0] != 200), got
    assert _audit(central) == audit + 4 and _ops(central) == ops  # one run: one audit row per operation


def test_when_copies_pass_the_look_up_together_the_claim_lets_one_run(
        central, server, make_device, add_readings, monkeypatch):
    """The look-up before the decrypt left out (as when copies arrive together, all before any mark):
    eight copies at once on the server's threads all reach the claim; its primary key lets exactly one
    commit (PostgreSQL: the others wait for that COMMIT, then fail), the rest get 409, not a 500."""
    s, _ = _laptop(make_device, add_readings, "a", 4, "207")
    _revoke_authors(central)
    body = _captured(server.url, s)
    audit = _audit(central)
    monkeypatch.setattr(sealed_seen, "seen", lambda db, ephemeral: False)
    start, got, lock = threading.Barrier(8), [], threading.Lock()

    def send() -> None:
        with requests.Session() as x:
            start.wait(30)
            r = _post(server.url, body, x)
        with lock:
            got.append((r.status_code, r.text if r.status_code != 200 else ""))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert sorted(g[0] for g in got) == [200] + [409] * 7, got
    assert all(REPLAYED in g[1] for g in got if g[0] == 409)
    assert _audit(central) == audit + 4


def _four_on_each_worker(url: str) -> list[requests.Session]:
    """Eight kept-alive connections, four held by each of the two worker processes (/healthz says whose:
    a kept-alive connection stays with the worker that accepted it)."""
    held: dict[int, list[requests.Session]] = {}
    for _ in range(200):
        x = requests.Session()
        pid = int(x.get(url + "/healthz", timeout=30).json()["pid"])
        if len(held.setdefault(pid, [])) < 4:
            held[pid].append(x)
        else:
            x.close()
        if len(held) == 2 and all(len(v) == 4 for v in held.values()):
            return [x for v in held.values() for x in v]
    raise AssertionError(f"the two workers did not both take connections: {sorted((k, len(v)) for k, v in held.items())}")


class CutFirstAnswer(FaultProxy):
    """Cuts the answer of the first request it carries after `at` bytes; passes everything else."""

    def __init__(self, target: tuple[str, int], at: int):
        super().__init__(target, rate=0.0)
        self.at, self.first = at, True

    def _roll(self) -> tuple[str, int, float]:
        with self._lock:
            first, self.first = self.first, False
        if first:
            return "cut_response", self.at, 0.0
        return super()._roll()


@pytest.mark.parametrize("at", [1, 90, 300])  # in the status line, the headers, the sealed body (~520 bytes)
def test_a_cut_answer_to_a_sealed_push_is_retried_sealed_anew(central, server, make_device, add_readings, at):
    """The server applied the sealed push, its answer is cut on the way: the laptop's retry is a new
    sealed push (another ephemeral key), opened and answered from the op log; no hello, no 409,
    nothing lost or stored twice, and the next sync has nothing to send."""
    s, _ = _laptop(make_device, add_readings, "a", 30, "203")
    before = _ops(central)
    with Relay(server.url) as relay, CutFirstAnswer(("127.0.0.1", relay.server.server_address[1]), at) as proxy:
        sync.configure(s, proxy.url)
        report = sync.sync_now(s)
        assert report.ok and report.retries == 1 and _pending(s) == 0, report
        assert relay.seen[0].startswith(b"POST /v1/push/sealed"), relay.seen[0][:60]  # the one cut
        assert relay.requests["/v1/push/sealed"] == 2 and relay.requests["/v1/hello"] == 0, relay.requests
        assert relay.requests["/v1/push"] == 0
    assert report.sealed == 1 and report.replayed == 30 and report.applied == 30, report
    assert not any("sealed_replayed" in r for r in report.reasons), report.reasons
    first, again = relay.sealed
    assert first[8:40] != again[8:40] and {first[8:40].hex(), again[8:40].hex()} <= set(_marks(central))
    assert _ops(central) == before + 30  # each once
    sync.configure(s, server.url)
    assert sync.sync_now(s).pushed == 0


class TwiceRelay(Relay):
    """A front that sends each sealed push on twice (as a proxy retrying an upstream it took for dead)
    and gives the laptop the second answer."""

    first: list[int]

    def own(self, path: str, query: str, data: bytes) -> tuple[int, bytes, dict[str, str]] | None:
        if path != "/v1/push/sealed":
            return None
        self.first.append(_post(self.target, data).status_code)
        again = _post(self.target, data)
        return again.status_code, again.content, {"Content-Type": again.headers.get("content-type", "")}


def test_a_front_that_sends_a_sealed_push_twice_costs_a_hello_not_an_operation(
        central, server, make_device, add_readings):
    """The first copy runs, the second is refused 409 sealed_replayed and that is what the laptop gets:
    it asks the hello and pushes in the clear after the proof; every operation is answered from the op
    log (applied once, by the first copy), none lost, none stored twice."""
    s, _ = _laptop(make_device, add_readings, "a", 20, "204")
    before = _ops(central)
    relay = TwiceRelay(server.url)
    relay.first = []
    with relay:
        sync.configure(s, relay.url)
        report = sync.sync_now(s)
    assert relay.first == [200], relay.first
    assert report.ok and report.sealed == 0 and _pending(s) == 0, report
    assert relay.requests["/v1/hello"] == 1 and relay.requests["/v1/push"] == 1, relay.requests
    assert any("409 sealed_replayed" in r for r in report.reasons), report.reasons
    assert report.replayed == 20 and _ops(central) == before + 20
    assert s.store.get_meta(laptop_sealed.K_SEALING)  # kept: the next sync goes sealed again
    sync.configure(s, server.url)
    report = sync.sync_now(s)
    assert report.ok and report.pushed == 0


def test_the_marks_are_kept_for_the_window_and_a_margin_then_pruned(
        central, server, make_device, add_readings, monkeypatch):
    """A mark outlives the window by the margin (a replay can still be refused as one), then the next
    sealed push's worker deletes it; the marks of the last window stay."""
    monkeypatch.setattr(sealed_seen, "_last_prune", float("-inf"))
    s, m = _laptop(make_device, add_readings, "a", 3, "205")
    now = central_sealed.clock()
    assert sync.sync_now(s).sealed == 1
    first = _marks(central)
    assert len(first) == 1

    def at(offset: float) -> None:  # both clocks moved (the laptop seals a time the server takes)
        monkeypatch.setattr(central_sealed, "clock", lambda: now + offset)
        monkeypatch.setattr(laptop_sealed, "clock", lambda: now + offset)

    keep = central_sealed.window_s() + sealed_seen.MARGIN_S
    at(keep - 5)  # the first mark is not past the window + margin yet
    add_readings(s, m.id, 2)
    assert sync.sync_now(s).sealed == 1
    second = _marks(central)
    assert len(second) == 2 and set(first) < set(second)
    at(keep + 70)  # now it is (and a minute has passed on this worker: it prunes)
    add_readings(s, m.id, 2)
    assert sync.sync_now(s).sealed == 1
    third = _marks(central)
    assert len(third) == 2 and not set(first) & set(third) and set(second) - set(first) <= set(third)


def test_a_schema_3_database_is_upgraded_and_refuses_replays(central, server, make_device, add_readings):
    """A central database of schema 3 (no `sealed_seen`): `create_all` (init, serve) adds the table and
    says schema 4, twice without harm; the server on it then refuses a replay."""
    s, _ = _laptop(make_device, add_readings, "a", 3, "206")
    t.sealed_seen.drop(central.engine)
    with central.write() as (conn, _):
        conn.execute(update(t.schema_info).where(t.schema_info.c.name == "version").values(value=3))
    assert "sealed_seen" not in inspect(central.engine).get_table_names()
    central.create_all()
    central.create_all()
    with central.read() as conn:
        assert conn.execute(select(t.schema_info.c.value)).scalar_one() == SCHEMA_VERSION == 4
    assert _marks(central) == []
    with Relay(server.url) as relay:
        sync.configure(s, relay.url)
        assert sync.sync_now(s).sealed == 1
    assert _marks(central) == [relay.sealed[0][8:40].hex()]
    got = _post(server.url, relay.sealed[0])
    assert got.status_code == 409 and got.json()["detail"].startswith(REPLAYED)


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_sealed_body_past_the_limit_is_refused_before_it_is_opened(central, server, monkeypatch) -> None:
    """The bound docs/security.md gives for what a sealed push costs before its token: a body over
    16 MiB (the `/v1/push*` limit) is refused 413 at arrival, never decrypted; one of exactly 16 MiB is
    opened (and refused inside the seal: no push in it). A guard of the documented bound (it held before)."""
    published = requests.get(server.url + "/v1/hello", params={"nonce": "abcdefgh"}, timeout=10).json()["sealing"]
    opened = []
    real_open = sealing.open_request
    monkeypatch.setattr(sealing, "open_request", lambda *a, **k: opened.append(1) or real_open(*a, **k))
    limit = 16 * 1024 * 1024
    for size, status in [(limit + 1, 413), (limit, 200)]:
        header = {"t": "nobody", "n": "abcdefgh", "z": False, "c": int(central_sealed.clock())}
        empty, _key = sealing.seal_request(published["key"], published["n"], central_sealed.PATH, header, b"")
        body, _key = sealing.seal_request(published["key"], published["n"], central_sealed.PATH, header,
                                          b" " * (size - len(empty)))  # padded inside to the size wanted
        assert len(body) == size
        got = _post(server.url, body)
        assert got.status_code == status, (size, got.status_code, got.text[:200])
    assert opened == [1]  # only the one within the limit
