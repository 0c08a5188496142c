"""Sealed first pushes (fieldkit/domain/sealing.py, central/sealed.py, sync/sealed.py): after a proven
hello the laptop keeps the server's sealing key and its next sync pushes before any proof, sealed to
the pinned key. Real server on loopback (SQLite and PostgreSQL), real sync engine, a real relay
between them that keeps every byte it sees (and, for the hostile cases, answers itself)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from fieldkit.central import schema as t
from fieldkit.central.db import Database
from fieldkit.domain import sealing
from fieldkit.services import customers, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.report import K_SERVER_KEY
from fieldkit.sync.sealed import K_SEALING
from tests.sync.relay import Relay


def _ops(central: Database) -> int:
    with central.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.ops)).scalar_one())


def _pending(s: Any) -> int:
    return int(s.store.query("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")[0][0])


def _secrets(s: Any) -> list[bytes]:
    """What must not reach an unproven party: the device token, the pending readings' ids and values."""
    out = [s.store.get_meta("sync.token").encode()]
    for (payload,) in s.store.query("SELECT payload FROM outbox WHERE state = 'pending'"):
        value = json.loads(payload)
        out.append(str(value["id"]).encode())
        out.extend(str(r["value"]).encode() for r in value.get("registers", {}).values() if isinstance(r, dict))
    return out


def _laptop(make_device: Any, add_readings: Any, name: str, n: int, tag: str) -> tuple[Any, Any]:
    """A laptop that synced once (so it keeps the sealing key) with `n` readings waiting."""
    s = make_device(name, "lan")
    c = customers.create_customer(s, CustomerInput(code=f"PA23LN0007{tag}", name=f"Khách {tag}"))
    m = meters.register_meter(s, serial=f"S-{tag}", customer_id=c.id)
    first = sync.sync_now(s)
    assert first.ok and first.sealed == 0  # no sealing key yet: the hello first, as before
    assert json.loads(s.store.get_meta(K_SEALING))["pin"] == s.store.get_meta(K_SERVER_KEY)
    add_readings(s, m.id, n)
    return s, m


def test_a_sealed_sync_sends_nothing_readable_and_needs_no_hello(central, server, make_device, add_readings):
    s, _ = _laptop(make_device, add_readings, "a", 300, "001")
    secrets, before = _secrets(s), _ops(central)
    assert len(secrets) > 300
    with Relay(server.url) as relay:
        sync.configure(s, relay.url)
        report = sync.sync_now(s)
    assert report.ok and report.pushed == report.applied == 300 and _pending(s) == 0, report
    assert report.sealed == 2 and report.pipelined >= 1  # the first two went sealed, pipelined
    assert relay.requests["/v1/hello"] == 0 and relay.requests["/v1/push/sealed"] == 2, relay.requests
    assert _ops(central) == before + 300
    # the sealed requests carry neither the token nor a reading (the later pushes go after the proof)
    sealed_bytes = b"".join(relay.sealed)
    assert not any(x in sealed_bytes for x in secrets)
    assert b"Authorization" not in b"".join(x for x in relay.seen if b"/v1/push/sealed" in x[:40])


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)  # the laptop's checks: one engine is enough
@pytest.mark.parametrize("impostor", ["garbage", "clear", "cut", "other-key"])
def test_an_impostor_gets_nothing_readable_and_cannot_answer(central, server, make_device, add_readings, impostor):
    """An impostor (it does not forward) receives the sealed push: no token, no reading in its bytes;
    none of its answers is accepted: nothing marked sent, pin and sealing key kept."""
    s, _ = _laptop(make_device, add_readings, "a", 40, "002")
    secrets, before = _secrets(s), _ops(central)
    pin, kept = s.store.get_meta(K_SERVER_KEY), s.store.get_meta(K_SEALING)

    def answer(path: str, data: bytes) -> tuple[int, bytes, str]:
        if impostor == "garbage":
            return 200, b"\x00" * 64, sealing.MEDIA
        if impostor == "clear":  # a plausible push answer in the clear
            return 200, b'{"time":"2026-12-04T00:00:00+00:00","ids":"x","results":[]}', "application/json"
        if impostor == "cut":
            return 200, data[:20], sealing.MEDIA
        # sealed, but under a key of its own (it cannot derive the laptop's answer key)
        return 200, sealing.seal_answer(b"k" * 32, {"s": 200, "g": "", "z": False}, b"{}"), sealing.MEDIA

    with Relay(server.url, answer) as relay:
        sync.configure(s, relay.url)
        report = sync.sync_now(s)
        seen = b"".join(relay.seen)
    assert not report.ok and "not the enrolled server" in str(report.error), report
    assert relay.requests["/v1/hello"] == 0 and relay.requests["/v1/push"] == 0, relay.requests
    assert not any(x in seen for x in secrets)
    assert _pending(s) == 40 and _ops(central) == before
    assert s.store.get_meta(K_SERVER_KEY) == pin and s.store.get_meta(K_SEALING) == kept
    sync.configure(s, server.url)
    assert sync.sync_now(s).ok and _pending(s) == 0  # the genuine server afterwards: all go


def test_a_replayed_sealed_push_applies_nothing_twice_and_answers_nothing_readable(
        central, server, make_device, add_readings):
    s, _ = _laptop(make_device, add_readings, "a", 30, "003")
    secrets = _secrets(s)
    with Relay(server.url) as relay:
        sync.configure(s, relay.url)
        assert sync.sync_now(s).ok and _pending(s) == 0
    assert len(relay.sealed) == 1
    after = _ops(central)
    for _ in range(2):  # opened once (central/sealed_seen.py): a replay is refused in the clear, nothing run
        got = requests.post(server.url + "/v1/push/sealed", data=relay.sealed[0],
                            headers={"Content-Type": sealing.MEDIA}, timeout=30)
        assert got.status_code == 409 and got.json()["detail"].startswith("sealed_replayed: "), got.text
        assert not any(x in got.content for x in secrets)
        assert b"applied" not in got.content and b"results" not in got.content
    assert _ops(central) == after


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_tampered_truncated_and_garbage_sealed_bodies_are_refused_with_nothing_applied(
        central, server, make_device, add_readings):
    s, _ = _laptop(make_device, add_readings, "a", 20, "004")
    before = _ops(central)
    with Relay(server.url, lambda path, data: (503, b"", "text/plain") if path == "/v1/push/sealed" else None) as r:
        sync.configure(s, r.url)
        assert not sync.sync_now(s, max_retries=0).ok  # the relay keeps the sealed body and drops it
        body = r.sealed[0]
    assert _ops(central) == before
    flipped = bytearray(body)
    flipped[60] ^= 1
    other_key = body[:4] + (7).to_bytes(4, "big") + body[8:]
    for bad, status, says in [(bytes(flipped), 400, "does not open"), (body[:-9], 400, "does not open"),
                              (body[:30], 400, "not a sealed push"), (b"garbage" * 20, 400, "not a sealed push"),
                              (b"", 400, "not a sealed push"), (other_key, 410, "sealed_key_unknown")]:
        got = requests.post(server.url + "/v1/push/sealed", data=bad, headers={"Content-Type": sealing.MEDIA},
                            timeout=30)
        assert got.status_code == status and says in got.json()["detail"], (got.status_code, got.text)
    assert _ops(central) == before
    sync.configure(s, server.url)
    report = sync.sync_now(s)
    assert report.ok and report.sealed == 1 and _ops(central) == before + 20


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_server_without_sealed_pushes_gets_the_hello_first(central, server, make_device, add_readings):
    """An older server (404 on the path, as FastAPI answers) or one refusing the key: the laptop asks the
    hello, then pushes as before; the hello's answer (no `sealing`: the older server) replaces the key."""
    s, _ = _laptop(make_device, add_readings, "a", 20, "005")
    older = {"answer": (404, b'{"detail":"Not Found"}', "application/json")}

    def answer(path: str, data: bytes) -> tuple[int, bytes, str] | None:
        del data
        return older["answer"] if path == "/v1/push/sealed" else None

    with Relay(server.url, answer) as relay:
        sync.configure(s, relay.url)
        report = sync.sync_now(s)
        assert report.ok and report.sealed == 0 and _pending(s) == 0, report
        assert relay.requests["/v1/push/sealed"] == 1 and relay.requests["/v1/hello"] == 1
        assert relay.requests["/v1/push"] == 1
        assert any("did not open the sealed push (404 Not Found)" in r for r in report.reasons), report.reasons
    assert s.store.get_meta(K_SEALING)  # the genuine hello behind the relay published it again


def test_a_revoked_token_in_a_sealed_push_is_refused_inside_the_seal(central, server, make_device, add_readings):
    from fieldkit.central import admin

    s, _ = _laptop(make_device, add_readings, "a", 10, "006")
    before = _ops(central)
    assert admin.revoke(central, s.store.get_meta("sync.device_id"))
    report = sync.sync_now(s)
    assert not report.ok and report.sealed == 1 and "revoked" in str(report.error), report
    assert _pending(s) == 10 and _ops(central) == before


@pytest.fixture(autouse=True)
def _workers_reread_keys_often(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDKIT_KEY_RELOAD_S", "0.2")  # production: 15 s, and a rotation starts 60 s later


def _rotate(central: Database, server_url: str) -> str:
    from fieldkit.central import server_key

    url = central.url.replace("postgresql+psycopg://", "postgresql://").replace("sqlite:///", "")
    r = subprocess.run([sys.executable, "-m", "fieldkit", "central", "key", "rotate", "--db", url, "--in", "0"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    with central.read() as conn:
        public = server_key.load(conn, server_key.secret_from_env())[-1].public
    deadline = time.monotonic() + 30
    while requests.get(server_url + "/v1/hello", params={"nonce": "abcdefgh"}, timeout=10).json()["public_key"] != public:
        assert time.monotonic() < deadline, "the server did not take up its new key"
        time.sleep(0.1)
    return public


def test_sealing_to_an_old_key_works_until_it_is_retired_then_falls_back_to_the_hello(
        central, server, make_device, add_readings, monkeypatch):
    s, m = _laptop(make_device, add_readings, "a", 20, "007")
    assert json.loads(s.store.get_meta(K_SEALING))["n"] == 1
    # key 2 in use, key 1 within its grace: the sealed push to key 1 is opened and applied; its answer,
    # signed by key 2, sends the laptop to the hello, which moves the pin along the chain
    second = _rotate(central, server.url)
    report = sync.sync_now(s)
    assert report.ok and report.sealed == 1 and report.server_key_moved and _pending(s) == 0, report
    assert s.store.get_meta(K_SERVER_KEY) == second
    kept = json.loads(s.store.get_meta(K_SEALING))
    assert (kept["pin"], kept["n"], kept["ordered"]) == (second, 2, True)  # the old key's sealing key replaced
    # no grace: key 2 retires as key 3 starts; the sealed push to key 2 is refused (410), nothing applied
    # by it; the hello follows the chain and the pushes go after it; key 3's sealing key is kept
    monkeypatch.setenv("FIELDKIT_SEAL_GRACE_S", "0")
    third = _rotate(central, server.url)
    add_readings(s, m.id, 15)
    before = _ops(central)
    report = sync.sync_now(s)
    assert report.ok and report.sealed == 0 and report.server_key_moved and report.applied == 15, report
    assert any("sealed_key_retired" in r for r in report.reasons), report.reasons
    assert _ops(central) == before + 15 and s.store.get_meta(K_SERVER_KEY) == third
    assert json.loads(s.store.get_meta(K_SEALING))["n"] == 3
    add_readings(s, m.id, 5)
    report = sync.sync_now(s)
    assert report.ok and report.sealed == 1 and not report.server_key_moved and report.requests == 1, report
