"""What a server says it can do in /v1/hello (`ordered`: pipelined pushes are kept in order) counts
only when the server's signature covers it. A man in the middle on loopback (a rewriting proxy
between a laptop and the real server) changes the hello's answer: the laptop still proves the
server's identity, does not act on the changed flag (one push at a time until a signed push answer
says otherwise) and the sync completes with every operation applied exactly once. The real
server's signed capability is acted upon: pipelining from the first batch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from fieldkit.central import schema as t
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.services import customers, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.batching import Batcher
from fieldkit.sync.report import K_SERVER_KEY, K_TOKEN
from fieldkit.sync.testing.rewriter import AnswerRewriter
from fieldkit.sync.transport import NotOurServer, Transport

# The protocol does not depend on the server's engine: SQLite only (the PostgreSQL runs are elsewhere).
pytestmark = pytest.mark.parametrize("central", ["sqlite"], indirect=True)

BATCH = {"batch": Batcher(start=100, low=100, high=100)}  # 400 readings + 2 records: 4 pushes (the tail joins the last)


def _proxy(server: ServerThread, rewrite: Any = None, **kw: Any) -> Iterator[AnswerRewriter]:
    proxy = AnswerRewriter(("127.0.0.1", server.port), rewrite, **kw).start()
    try:
        yield proxy
    finally:
        proxy.stop()


def _hello_set(ordered: Any) -> Any:
    def rewrite(method: str, path: str, answer: Any) -> Any:
        del method
        if path != "/v1/hello":
            return None
        return answer | {"ordered": ordered}
    return rewrite


def _work(make_device: Any, add_readings: Any, url: str, n: int = 400) -> Any:
    s = make_device("a", "lan")
    sync.configure(s, url)  # enrolled with the server itself; from now on through the proxy
    c = customers.create_customer(s, CustomerInput(code="PA23LN0004001", name="Khách qua proxy"))
    m = meters.register_meter(s, serial="M-proxy", customer_id=c.id)
    add_readings(s, m.id, n)
    return s


def _exactly_once(central: Database, s: Any) -> None:
    outbox = [r[0] for r in s.store.query("SELECT op_id FROM outbox ORDER BY seq")]
    assert s.store.query("SELECT DISTINCT state FROM outbox") == [("sent",)]
    with central.read() as conn:
        ids = [r[0] for r in conn.execute(select(t.ops.c.op_id))]
        readings = conn.execute(select(func.count()).select_from(t.facts).where(t.facts.c.entity == "reading")).scalar_one()
    assert sorted(ids) == sorted(outbox) and len(set(ids)) == len(ids)
    assert readings == 400


def test_the_real_servers_signed_capability_is_acted_upon(central, server, make_device, add_readings):
    for proxy in _proxy(server):
        s = _work(make_device, add_readings, proxy.url)
        rep = sync.sync_now(s, **BATCH)
        assert rep.ok, rep
        pushes = proxy.requests["/v1/push"]
        assert pushes == 4 and proxy.rewritten.total() == 0
        assert rep.pipelined == pushes - 1  # from the first batch on: the signed hello said `ordered`
        assert not any("signature" in r for r in rep.reasons), rep.reasons
    _exactly_once(central, s)


@pytest.mark.parametrize("change", ["flip to false", "unsigned true", "true as a string"])
def test_a_capability_changed_on_the_way_is_not_acted_upon_and_the_sync_completes_once(
        central, server, make_device, add_readings, change):
    rewrite, strip = {
        "flip to false": (_hello_set(False), frozenset()),
        "unsigned true": (_hello_set(True), frozenset({"X-FK-Signature"})),  # the signature taken off
        "true as a string": (_hello_set("true"), frozenset()),
    }[change]
    for proxy in _proxy(server, rewrite, strip_headers=strip):
        s = _work(make_device, add_readings, proxy.url)
        rep = sync.sync_now(s, **BATCH)
        assert rep.ok, rep
        assert proxy.rewritten["/v1/hello"] == 1
        pushes = proxy.requests["/v1/push"]
        assert pushes == 4
        # The first push goes alone (the hello's flag was not vouched for); the server's signed push
        # answer says `ordered`, and the rest are pipelined.
        assert rep.pipelined == pushes - 2
        assert any("without its signature" in r for r in rep.reasons), rep.reasons
    _exactly_once(central, s)


def test_transport_hello_proves_identity_but_acts_only_on_signed_flags(central, server, make_device):
    s = make_device("a", "lan")
    key, token = s.store.get_meta(K_SERVER_KEY), s.store.get_meta(K_TOKEN)
    for rewrite, strip, expect in ((None, frozenset(), True), (_hello_set(True), frozenset(), True),
                                   (_hello_set(False), frozenset(), False),
                                   (_hello_set(True), frozenset({"X-FK-Signature"}), False),
                                   (_hello_set(1), frozenset(), False)):
        for proxy in _proxy(server, rewrite, strip_headers=strip):
            tr = Transport(proxy.url, token, server_key=key)
            try:
                got, _ = tr.hello()
            finally:
                tr.close()
            assert got == key and tr.proven
            assert (tr.ordered, tr.hello_signed) == (expect, expect), (rewrite, strip)
    # A changed identity is still refused outright (nothing is sent).
    for proxy in _proxy(server, lambda m, p, a: a | {"public_key": "A" * 43 + "="} if p == "/v1/hello" else None):
        tr = Transport(proxy.url, token, server_key=key)
        with pytest.raises(NotOurServer):
            tr.hello()
        tr.close()
        assert proxy.requests["/v1/push"] == 0
