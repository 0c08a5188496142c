"""/v1/hello sends only the key links a laptop needs: with `pinned=K` (the number of the key it
pinned) the links after K, none when K is the key in use; without it (an older laptop) the whole
chain, as before; a number beyond the key in use (no key of this server a laptop can have pinned)
the whole chain too, so the laptop says why it does not lead from its pin; anything that is no key
number (0, negative, huge, not a number) a 422 naming `pinned`. The laptop sends the number it
knows from a signed hello of its pinned key (the sealing key's `n`, sync/sealed.py) and asks once
more for the whole chain if a stale number gave a chain that does not start at its pin. Real
server on loopback, SQLite and PostgreSQL; the laptop's own chain check (sync/key_chain.py)."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from fieldkit.central import server_key
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.domain import signing
from fieldkit.sync import key_chain
from fieldkit.sync.sealed import SealingKey
from fieldkit.sync.transport import NotOurServer, Transport

NONCE = "abcdefgh12"


def _hello(url: str, **params: Any) -> requests.Response:
    return requests.get(url + "/v1/hello", params={"nonce": NONCE, **params}, timeout=30)


def _checked(r: requests.Response) -> dict[str, Any]:
    """The answer, its signatures checked as a laptop checks them."""
    assert r.status_code == 200, r.text
    body = r.json()
    key = body["public_key"]
    assert signing.verify(key, body["signature"], signing.hello_message(NONCE, key))
    assert signing.verify(key, r.headers["X-FK-Signature"], signing.answer_message(NONCE, r.content))
    return dict(body)


@pytest.fixture
def rotated(db: Database) -> list[server_key.ServerKey]:
    """Keys 1-4 in use (4 signs now) and key 5 made to start in an hour."""
    secret = server_key.secret_from_env()
    with db.write() as (conn, _):
        server_key.ensure(conn, secret)
        for _ in range(3):
            server_key.rotate(conn, secret, 0)
        server_key.rotate(conn, secret, 3600)
    with db.read() as conn:
        return server_key.load(conn, secret)


def test_a_laptop_gets_only_the_links_after_the_key_it_pinned(db: Database, rotated: list[server_key.ServerKey]):
    publics = {k.number: k.public for k in rotated}
    with ServerThread(db) as srv:
        whole = _checked(_hello(srv.url))
        assert whole["public_key"] == publics[4]
        assert [link["n"] for link in whole["keys"]] == [2, 3, 4]  # an older laptop: the whole chain
        for pinned in (1, 2, 3):
            got = _checked(_hello(srv.url, pinned=pinned))
            assert [link["n"] for link in got["keys"]] == list(range(pinned + 1, 5)), (pinned, got["keys"])
            # the laptop pinned to that key follows this shorter chain to the key in use
            assert key_chain.follow(publics[pinned], publics[4], got["keys"]) is None
        current = _hello(srv.url, pinned=4)
        assert "keys" not in _checked(current)  # its key is the one in use: nothing to follow
        full = _hello(srv.url)
        print(f"hello with 3 links {len(full.content)} B, for a laptop on the key in use {len(current.content)} B")
        assert len(full.content) - len(current.content) > 3 * 200
        # a laptop pinned to key 2 that says 3 (a lie, or a stale number) gets a chain that does not
        # lead from its pin: refused by its own check, as any chain not endorsed by its key
        assert key_chain.follow(publics[2], publics[4], _checked(_hello(srv.url, pinned=3))["keys"]) is not None


@pytest.mark.parametrize("pinned", [5, 6, 1000, 2**31 - 1])
def test_a_number_beyond_the_key_in_use_gets_the_whole_chain(db: Database, rotated: list[server_key.ServerKey],
                                                            pinned: int):
    """5 exists but starts later; 6 and beyond do not exist: no laptop pinned them from this server."""
    with ServerThread(db) as srv:
        got = _checked(_hello(srv.url, pinned=pinned))
    assert [link["n"] for link in got["keys"]] == [2, 3, 4]


@pytest.mark.parametrize("pinned", ["0", "-1", "-99999999999999999999", "abc", "1.5", "", "2147483648",
                                    "1" * 400, "1e3", "0x10"])
def test_anything_that_is_no_key_number_is_refused_with_a_422_naming_it(db: Database,
                                                                       rotated: list[server_key.ServerKey],
                                                                       pinned: str):
    with ServerThread(db) as srv:
        r = _hello(srv.url, pinned=pinned)
        assert r.status_code == 422, (pinned, r.status_code, r.text[:200])
        assert any(e.get("loc") == ["query", "pinned"] for e in r.json()["detail"]), r.text[:300]
        assert _hello(srv.url).status_code == 200  # and the server goes on answering


def test_a_server_never_rotated_answers_no_links_whatever_is_pinned(db: Database):
    with ServerThread(db) as srv:
        for params in ({}, {"pinned": 1}, {"pinned": 7}):
            assert "keys" not in _checked(_hello(srv.url, **params)), params


def _laptop(url: str, pin: str, number: int | None) -> Transport:
    """A laptop's transport pinned to `pin`, knowing its number as sync/sealed.py keeps it (or not)."""
    t = Transport(url, server_key=pin)
    if number is not None:
        t.sealing = SealingKey(pin, number, "unused-here")
    return t


def test_the_laptop_says_its_pinned_key_and_follows_the_shorter_chain(db: Database,
                                                                      rotated: list[server_key.ServerKey]):
    publics = {k.number: k.public for k in rotated}
    with ServerThread(db) as srv:
        told = _laptop(srv.url, publics[2], 2)
        key, ex = told.hello()
        assert key == told.server_key == publics[4]  # moved its pin along the chain ...
        assert [link["n"] for link in ex.body["keys"]] == [3, 4]  # ... sent only from its own key on
        again = told.hello()[1]  # the pin moved: its number is the hello's sealing key's (4), the key in use
        assert "keys" not in again.body and again.received < ex.received - 150  # on the wire, gzip and all
        for number in (None, 1):  # not known (an older laptop, no sealing key kept) or key 1: the whole chain
            t = _laptop(srv.url, publics[2], number)
            assert [link["n"] for link in t.hello()[1].body["keys"]] == [2, 3, 4]
            assert t.server_key == publics[4]


def test_a_stale_key_number_costs_one_more_hello_not_the_sync(db: Database, rotated: list[server_key.ServerKey]):
    publics = {k.number: k.public for k in rotated}
    with ServerThread(db) as srv:
        wrong = _laptop(srv.url, publics[2], 3)  # pinned key 2 but kept 3: the links after 3 do not start at 2
        key, ex = wrong.hello()
        assert key == wrong.server_key == publics[4] and wrong.hellos == 1
        assert [link["n"] for link in ex.body["keys"]] == [2, 3, 4]  # asked again for the whole chain
        stranger = _laptop(srv.url, signing.public_text(signing.new_private_key()), 2)
        with pytest.raises(NotOurServer, match="not the server this laptop was enrolled with"):
            stranger.hello()  # still refused after the whole chain: no key of its own leads here
