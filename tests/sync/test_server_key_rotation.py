"""The server's key is rotated (`fieldkit central key rotate`) and laptops follow on their next sync,
only along the chain of endorsements from the key they pinned (fieldkit/sync/key_chain.py).

Real parts: the central server on loopback (SQLite and PostgreSQL), the laptop's sync engine, and for
the hostile cases a relay between them that answers /v1/hello itself (forwarding everything else):
a forged endorsement, an old endorsement replayed with a stolen retired key, a chain with a broken
link. Each is refused with a clear message, the pin stays, nothing is pushed."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import pytest
import requests
from sqlalchemy import func, select

from fieldkit.central import schema as t
from fieldkit.central import server_key
from fieldkit.central.db import Database, dumps
from fieldkit.domain import signing
from fieldkit.services import customers, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.report import K_SERVER_KEY
from fieldkit.sync.transport import Transport
from tests.sync.relay import Relay


@pytest.fixture(autouse=True)
def _workers_reread_keys_often(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDKIT_KEY_RELOAD_S", "0.2")  # production: 15 s, and a rotation starts 60 s later


def _keys(central: Database) -> list[server_key.ServerKey]:
    with central.read() as conn:
        return server_key.load(conn, server_key.secret_from_env())


def _rotate_cli(central: Database) -> str:
    url = central.url.replace("postgresql+psycopg://", "postgresql://").replace("sqlite:///", "")
    r = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "rotate", "--db", url, "--in", "0"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return _keys(central)[-1].public


def _server_signs_with(url: str, public: str) -> None:
    deadline = time.monotonic() + 30
    while requests.get(url + "/v1/hello", params={"nonce": "abcdefgh"}, timeout=10).json()["public_key"] != public:
        assert time.monotonic() < deadline, "the server did not take up its new key"
        time.sleep(0.1)


def _work(s: Any, n: int, tag: str, add_readings: Any) -> None:
    c = customers.create_customer(s, CustomerInput(code=f"PA23LN0004{tag}", name=f"Khách {tag}"))
    m = meters.register_meter(s, serial=f"M-{tag}", customer_id=c.id)
    add_readings(s, m.id, n)


def _ops(central: Database) -> int:
    with central.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.ops)).scalar_one())


def test_a_laptop_follows_a_rotation_and_one_two_rotations_behind_follows_the_chain(
        central, server, make_device, add_readings, sync_until_done):
    a = make_device("a", "lan")
    b = make_device("b", "mai")
    first = _keys(central)[0].public
    assert a.store.get_meta(K_SERVER_KEY) == b.store.get_meta(K_SERVER_KEY) == first

    second = _rotate_cli(central)
    _server_signs_with(server.url, second)
    _work(a, 50, "001", add_readings)
    report = sync_until_done(a)
    assert report.server_key_moved and a.store.get_meta(K_SERVER_KEY) == second
    assert report.pushed == 52 and report.applied == 52  # the push answers verified under the new pin
    # the new pin holds: the next sync needs no chain and signed answers verify
    tr = Transport(server.url, a.store.get_meta("sync.token"), server_key=second)
    assert tr.hello()[0] == second and tr.server_key == second
    tr.close()

    third = _rotate_cli(central)
    _server_signs_with(server.url, third)
    _work(b, 30, "002", add_readings)
    report = sync_until_done(b)  # b still pins key 1: two links to follow
    assert report.server_key_moved and b.store.get_meta(K_SERVER_KEY) == third
    assert report.applied == 32 and _ops(central) == 84
    assert not sync_until_done(b).server_key_moved  # once moved, it stays
    keys = _keys(central)
    assert [k.number for k in keys] == [1, 2, 3] and keys[1].endorsement and keys[2].endorsement
    listed = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "list", "--db",
                             central.url.replace("postgresql+psycopg://", "postgresql://").replace("sqlite:///", "")],
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and listed.stdout.count("retired") == 2 and "in use" in listed.stdout


class HelloRelay(Relay):
    """A relay on loopback (tests/sync/relay.py) that answers /v1/hello with `hello(nonce)` -> (answer,
    key that signs the whole answer) and forwards every other request to the real server.
    `refuse_sealed`: it answers a sealed push (which it cannot read) with 410, as a server would for
    a retired key, to push the laptop to its forged hello. Every request's head and body (gunzipped)
    is kept in `seen`."""

    def __init__(self, target: str, hello: Callable[[str], tuple[dict[str, Any], Any]], refuse_sealed: bool = False):
        super().__init__(target)
        self.hello, self.refuse_sealed = hello, refuse_sealed

    def own(self, path: str, query: str, data: bytes) -> tuple[int, bytes, dict[str, str]] | None:
        if path == "/v1/push/sealed" and self.refuse_sealed:
            return 410, b'{"detail":"sealed_key_retired: ask /v1/hello"}', {"Content-Type": "application/json"}
        if path == "/v1/hello":
            nonce = parse_qs(query).get("nonce", [""])[0]
            answer, key = self.hello(nonce)
            body = dumps(answer).encode()
            return 200, body, {"Content-Type": "application/json",
                               "X-FK-Signature": signing.sign(key, signing.answer_message(nonce, body))}
        return None


def _hello(key: Any, links: list[dict[str, Any]]) -> Callable[[str], tuple[dict[str, Any], Any]]:
    """A hello signed by `key` (the relay holds it), showing `links` as the key chain."""
    public = signing.public_text(key)

    def make(nonce: str) -> tuple[dict[str, Any], Any]:
        return ({"public_key": public, "signature": signing.sign(key, signing.hello_message(nonce, public)),
                 "time": "2026-12-03T00:00:00.000+00:00", "ordered": True, "signs_all": True, "keys": links}, key)
    return make


def _link(n: int, new: Any, by: Any, previous: str, valid_from: str = "2026-12-03T00:00:00.000+00:00") -> dict[str, Any]:
    public = signing.public_text(new)
    return {"n": n, "public_key": public, "valid_from": valid_from,
            "endorsement": signing.sign(by, signing.endorse_message(n, public, valid_from, previous))}


def _genuine(key: server_key.ServerKey) -> dict[str, Any]:
    return {"n": key.number, "public_key": key.public, "valid_from": key.valid_from, "endorsement": key.endorsement}


def _refused(central: Database, s: Any, relay_url: str, hello: Any, server_url: str, why: str) -> None:
    """Through a relay answering `hello`: the sync fails with `why`, the pin stays, nothing is pushed.
    A laptop that kept a sealing key sends its first push sealed (docs/security.md, "Sealed pushes"):
    the relay refuses it (410, as for a retired key) to make the laptop ask its forged hello, and
    gets neither the token nor a reading in the clear."""
    pinned, before = s.store.get_meta(K_SERVER_KEY), _ops(central)
    token = s.store.get_meta("sync.token").encode()
    ids = [str(r[0]).encode() for r in s.store.query("SELECT entity_id FROM outbox WHERE state = 'pending'")]
    with HelloRelay(server_url, hello, refuse_sealed=True) as relay:
        sync.configure(s, relay.url)
        report = sync.sync_now(s)
        assert not report.ok and report.error is not None and why in report.error, report.error
        assert "not the enrolled server" in report.error
        assert relay.requests["/v1/push"] == 0 and set(relay.requests) <= {"/v1/hello", "/v1/push/sealed"}
        assert relay.requests["/v1/hello"] == 1, relay.requests
        seen = b"".join(relay.seen)
        assert token not in seen and not any(i in seen for i in ids)
    assert s.store.get_meta(K_SERVER_KEY) == pinned and _ops(central) == before
    assert s.store.query("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")[0][0] > 0
    sync.configure(s, server_url)


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)  # the laptop's checks: one engine is enough
def test_a_relay_cannot_talk_a_laptop_into_a_key(central, server, make_device, add_readings, sync_until_done):
    s = make_device("a", "lan")
    _work(s, 20, "003", add_readings)
    k1 = _keys(central)[0]
    evil = signing.new_private_key()

    # 1. forged: the relay's own key, "endorsed" by itself as key 2
    s_url = server.url
    _refused(central, s, s_url, _hello(evil, [_link(2, evil, evil, k1.public)]), s_url,
             "no endorsement by the key this laptop trusts")
    # ... and with no endorsement at all
    _refused(central, s, s_url, _hello(evil, []), s_url, "no endorsement by the key this laptop trusts comes")

    # the real server rotates twice; the laptop follows to key 3 (genuine chain)
    _server_signs_with(server.url, _rotate_cli(central))
    k3 = _rotate_cli(central)
    _server_signs_with(server.url, k3)
    assert sync_until_done(s).server_key_moved and s.store.get_meta(K_SERVER_KEY) == k3
    _work(s, 10, "004", add_readings)
    keys = _keys(central)

    # 2. replayed: a thief of the retired key 2 shows its genuine old endorsement (1 -> 2) to roll the
    # laptop back, and then the whole genuine chain with the hello still signed by key 2
    _refused(central, s, s_url, _hello(keys[1].key, [_genuine(keys[1])]), s_url,
             "no endorsement by the key this laptop trusts")
    _refused(central, s, s_url, _hello(keys[1].key, [_genuine(keys[1]), _genuine(keys[2])]), s_url,
             "does not end at the key the server signs with")

    # 3. broken link: a laptop still on key 1; the relay keeps the genuine link 2 and puts its own key
    # in as key 3, "endorsed" by itself, or key 3 with its endorsement changed
    old = make_device("b", "mai")
    old.store.set_meta(K_SERVER_KEY, k1.public)  # as if enrolled before the rotations
    _work(old, 5, "005", add_readings)
    _refused(central, old, s_url, _hello(evil, [_genuine(keys[1]), _link(3, evil, evil, keys[1].public)]), s_url,
             "not endorsed by key 2 (a broken chain)")
    bent = _genuine(keys[2]) | {"valid_from": "2020-01-01T00:00:00.000+00:00"}
    _refused(central, old, s_url, _hello(keys[2].key, [_genuine(keys[1]), bent]), s_url,
             "not endorsed by key 2 (a broken chain)")
    # the genuine chain through the same relay: followed, and the sync goes through
    with HelloRelay(server.url, _hello(keys[2].key, [_genuine(keys[1]), _genuine(keys[2])])) as relay:
        sync.configure(old, relay.url)
        report = sync.sync_now(old)
        assert report.ok and report.server_key_moved and relay.requests["/v1/push"] >= 1, report.error
    assert old.store.get_meta(K_SERVER_KEY) == k3


def test_the_key_chain_rules() -> None:
    """fieldkit/sync/key_chain.py on its own: malformed, out-of-order and oversized chains."""
    from fieldkit.sync.key_chain import follow

    k = [signing.new_private_key() for _ in range(4)]
    p = [signing.public_text(x) for x in k]
    chain = [_link(2, k[1], k[0], p[0]), _link(3, k[2], k[1], p[1]), _link(4, k[3], k[2], p[2])]
    assert follow(p[0], p[3], chain) is None and follow(p[1], p[3], chain) is None and follow(p[2], p[3], chain) is None
    assert follow(p[0], p[2], chain[:2]) is None
    assert "broken" in str(follow(p[0], p[3], [chain[0], chain[2]]))  # a link left out
    assert "broken" in str(follow(p[0], p[3], [chain[0], chain[1] | {"n": 5}, chain[2]]))
    assert "malformed" in str(follow(p[0], p[3], [chain[0], "x"]))
    assert "malformed" in str(follow(p[0], p[3], [chain[0] | {"n": "2"}]))
    assert "more than" in str(follow(p[0], p[3], chain * 400))
    assert "does not end" in str(follow(p[0], p[2], chain))  # announced key older than the chain's end
    assert "no endorsement" in str(follow(p[3], p[3], chain[:2]))  # the pin is newer than the chain
    assert follow(p[0], p[3], None) is not None and follow(p[0], p[3], {"n": 2}) is not None


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_key_that_starts_between_the_hello_and_an_answer_is_followed(central, server, make_device):
    """A sync straddles the new key's start: the hello was signed by key 1, the next answer by key 2.
    The transport asks for a fresh hello, follows the endorsed chain and accepts the answer."""
    s = make_device("a", "lan")
    first = s.store.get_meta(K_SERVER_KEY)
    tr = Transport(server.url, s.store.get_meta("sync.token"), server_key=first)
    assert tr.hello()[0] == first and tr.proven
    second = _rotate_cli(central)
    _server_signs_with(server.url, second)
    me = tr.request("GET", "/v1/me", signed=True)
    assert me.status == 200 and tr.server_key == second
    tr.close()
