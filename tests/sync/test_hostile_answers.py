"""Whatever a broken, older, buggy or hostile server (or a relay in between) answers to a push or a pull,
`sync_now` returns a report, never raises, stores nothing the answer did not prove (the outbox rows, the
cursor, the records: compared whole before and after), and a later sync through a clean path converges
with the server holding every operation exactly once.

The real central server on loopback, a relay in between (tests/sync/hostile.py) that changes the answers
of one endpoint: re-signed with the server's own key (a buggy or older server: the answer passes the
signature check and reaches the laptop's reading of it), or left with the server's signature of the real
body (a relay: caught as not the enrolled server). Cases are generated: every key of the answer dropped
or replaced by each of VALUES (null, a text, -1, 10**400, 1.5, NaN, [], {}, true), results that do not
match what was sent, cursors going backwards, and answers damaged on the wire (docs/sync.md, "Answers the
laptop does not read")."""

from __future__ import annotations

import gzip
import json
import time
import uuid
from decimal import Decimal
from typing import Any

import pytest

from fieldkit.central import people
from fieldkit.services import customers, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.report import K_SERVER_SIGNS
from tests.sync.conftest import add_readings
from tests.sync.hostile import (
    CUT,
    DROP,
    NOT_OURS,
    SOME,
    UNDERSTOOD,
    Case,
    HostileRelay,
    Real,
    Wire,
    dumps,
    grid,
    json_case,
    run_cases,
    server_truth,
    set_key,
    wire_case,
)

SQLITE = pytest.mark.parametrize("central", ["sqlite"], indirect=True)  # the laptop's reading: one engine is enough
PUSH = ("/v1/push",)
CHANGES = ("/v1/changes",)


def push_cases() -> list[Case]:
    """A push answer (signed by the server's key: a buggy server) of every wrong shape."""
    other = str(uuid.uuid4())
    cases = [
        *grid(PUSH, ("ids",), {"*": UNDERSTOOD, "drop": "too old for this laptop"}),
        *grid(PUSH, ("results",), {"*": UNDERSTOOD}),
        *grid(PUSH, ("time",), {"*": "ok"}, only=SOME),
        *grid(PUSH, ("ordered",), {"*": "ok"}, only=SOME),
        # the first page of changes in the push answer: anything but an object is no page (the pull asks on
        # its own); an object that is no page stops the sync after the results it proved were stored
        *grid(PUSH, ("pull",), {"*": "ok", "object": UNDERSTOOD}),
        *grid(PUSH, ("results", 0), {"*": UNDERSTOOD}, name="results[0]", only=SOME),
        *grid(PUSH, ("results", 0, "status"), {"*": UNDERSTOOD}),
        *grid(PUSH, ("results", 0, "op_id"), {"*": UNDERSTOOD, "null": "ok", "drop": "ok"}, only=SOME + ("null",)),
        *grid(PUSH, ("results", 0, "reason"), {"*": UNDERSTOOD, "null": "ok", "text": "ok", "drop": "ok"},
               only=SOME),
        # the page itself is read as a pull's page (every key of it: test_pull_answers_of_every_wrong_shape)
        Case("pull.next=text", PUSH, json_case(set_key(("pull", "next"), "7")), UNDERSTOOD),
        Case("pull.changes=object", PUSH, json_case(set_key(("pull", "changes"), {})), UNDERSTOOD),
        Case("results: a status this laptop does not know", PUSH,
             json_case(set_key(("results", 0, "status"), "deferred")), UNDERSTOOD),
        Case("results: one fewer than sent", PUSH, json_case(lambda b: b | {"results": b["results"][:-1]}),
             UNDERSTOOD),
        Case("results: one more than sent", PUSH, json_case(lambda b: b | {"results": b["results"] * 2}),
             UNDERSTOOD),
        Case("results: an operation not sent", PUSH, json_case(set_key(("results", 0, "op_id"), other)),
             UNDERSTOOD),
        Case("ids: of other operations", PUSH, json_case(set_key(("ids",), "0" * 64)), UNDERSTOOD),
        Case("an extra key, an extra key in a result", PUSH,
             json_case(lambda b: b | {"x": [1], "results": [r | {"y": {}} for r in b["results"]]}), "ok"),
        Case("pull: the cursor goes backwards", PUSH, json_case(set_key(("pull", "next"), 0)), UNDERSTOOD),
        Case("pull: more, the cursor does not move", PUSH,
             json_case(lambda b: b | {"pull": {"changes": [], "next": 0, "more": True}}), UNDERSTOOD),
        # a relay that changes a signed answer: not the enrolled server, whatever it changed
        Case("relay: a result made rejected", PUSH, json_case(set_key(("results", 0, "status"), "rejected"),
                                                               sign=False), NOT_OURS),
        Case("relay: ids dropped", PUSH, json_case(set_key(("ids",), DROP), sign=False), NOT_OURS),
        Case("relay: results of another length", PUSH, json_case(lambda b: b | {"results": []}, sign=False),
             NOT_OURS),
    ]
    # the page in the push answer moves the cursor only when the answer is whole; the results were proven
    page = {"outbox"}
    return [Case(c.name, c.paths, c.change, c.expect, c.first_only,
                 tuple(page) if c.name.startswith("pull") and c.expect != "ok" else c.may_change) for c in cases]


def wire_cases(paths: tuple[str, ...]) -> list[Case]:
    """An answer damaged on the wire, each try (so the sync's own retry gets it again)."""
    def body(data: bytes, media: str = "application/json", sign: bool = True, **kw: Any) -> Any:
        return wire_case(lambda real: Wire(200, data, [("Content-Type", media)], sign=sign, **kw))

    def same(real: Real, **kw: Any) -> Wire:
        return Wire(200, real.body, [("Content-Type", "application/json")], sign=True, **kw)

    return [
        Case("garbage bytes as application/json", paths, body(b"\x00\xff{garbage"), CUT, first_only=False),
        Case("an empty body as application/json", paths, body(b""), CUT, first_only=False),
        Case("an HTML error page with 200", paths, body(b"<html><body>Error 500</body></html>", "text/html"),
             UNDERSTOOD, first_only=False),
        Case("the right JSON as text/plain", paths, wire_case(lambda r: Wire(200, r.body, [("Content-Type",
                                                                                          "text/plain")], sign=True)),
             UNDERSTOOD, first_only=False),
        Case("NaN for the whole answer", paths, body(b"NaN"), UNDERSTOOD, first_only=False),
        Case("a list for the whole answer", paths, body(b"[1,2]"), UNDERSTOOD, first_only=False),
        Case("null for the whole answer", paths, body(b"null"), UNDERSTOOD, first_only=False),
        Case("a number of 5000 digits", paths, body(b"9" * 5000), CUT, first_only=False),
        Case("JSON nested 100000 deep", paths, body(b"[" * 100000 + b"]" * 100000), UNDERSTOOD, first_only=False),
        Case("an enormous Content-Length, a short body, closed", paths,
             wire_case(lambda r: same(r, length=str(10**15), close=True)), CUT, first_only=False),
        Case("two Content-Length that differ", paths,
             wire_case(lambda r: Wire(200, r.body, [("Content-Type", "application/json"),
                                                    ("Content-Length", str(len(r.body))),
                                                    ("Content-Length", str(len(r.body) + 7))], sign=True,
                                      close=True)), CUT, first_only=False),
        Case("gzip that is not gzip", paths,
             wire_case(lambda r: Wire(200, b"not gzip at all", [("Content-Type", "application/json"),
                                                                ("Content-Encoding", "gzip")], sign=None)),
             CUT, first_only=False),
        Case("two signatures", paths,
             wire_case(lambda r: Wire(200, r.body, [("Content-Type", "application/json")] + [
                 (k, v) for k, v in r.headers if k.lower() == "x-fk-signature"] * 2)), NOT_OURS, first_only=False),
        Case("201 instead of 200", paths, wire_case(lambda r: Wire(201, r.body, sign=True, reason="Created")),
             "201", first_only=False),
        # headers the laptop reads as hints only: anything in them is ignored
        Case("Server-Timing, Retry-After, X-FK-Withheld garbage, duplicated", paths,
             wire_case(lambda r: Wire(200, r.body, [("Content-Type", "application/json"),
                                                    ("Server-Timing", "app;dur=1e400"), ("Server-Timing", "app;dur=NaN"),
                                                    ("Retry-After", "soon"), ("X-FK-Withheld", "-1"),
                                                    ("X-FK-Withheld", "x" * 3000), ("Content-Type", "text/html")],
                                      sign=True)), "ok"),
        Case("a naive time", paths, json_case(set_key(("time",), "2026-12-04T08:00:00")), "ok"),
        Case("a time in year 9999", paths, json_case(set_key(("time",), "9999-12-31T23:59:59+00:00")), "ok"),
    ]


@SQLITE
def test_push_answers_of_every_wrong_shape(central, server, make_device):
    lan = make_device("a", "lan")
    meter = meters.register_meter(lan, serial="HOSTILE-1", customer_id=None, manufacturer="Gelex")
    key = people.server_key(central)

    def prepare() -> None:
        if not lan.store.query("SELECT 1 FROM outbox WHERE state = 'pending' LIMIT 1"):
            add_readings(lan, meter.id, 2)

    with HostileRelay(server.port, key) as relay:
        sync.configure(lan, relay.url)
        cases = push_cases() + wire_cases(PUSH)
        problems = run_cases(cases, relay, lan, central, prepare)
    assert not problems, f"{len(problems)} of {len(cases)} cases:\n" + "\n".join(problems)
    # A clean path converges: every operation on the server exactly once (ops and facts are keyed by id).
    sync.configure(lan, server.url)
    rep = sync.sync_now(lan)
    assert rep.ok and rep.rejected == 0, rep
    assert lan.store.query("SELECT count(*) FROM outbox WHERE state != 'sent'")[0][0] == 0
    assert server_truth(central, lan) == []
    from sqlalchemy import text

    ids = [r[0] for r in lan.store.query("SELECT entity_id FROM outbox WHERE entity = 'reading'")]
    with central.read() as conn:
        on_server = [r[0] for r in conn.execute(text("SELECT id FROM facts WHERE entity = 'reading'"))]
    assert sorted(on_server) == sorted(ids) and len(ids) >= 2 * 20


def pull_cases(sign: bool) -> list[Case]:
    """A page of changes of every wrong shape: signed by the server's key (`sign`: a buggy server), or
    unsigned (an older server that signs no page, and a relay)."""
    return [
        *grid(CHANGES, ("next",), {"*": UNDERSTOOD}, sign),
        # an empty list is a page in the right shape (the server's word that nothing changed): not a shape error
        *grid(CHANGES, ("changes",), {"*": UNDERSTOOD, "list": "skip"}, sign),
        *grid(CHANGES, ("more",), {"*": UNDERSTOOD, "drop": "ok", "null": "ok", "true": "ok"}, sign),
        *grid(CHANGES, ("time",), {"*": "ok"}, sign, only=SOME),
        Case("next goes backwards", CHANGES, _backwards(sign), UNDERSTOOD),
        Case("more, next does not move", CHANGES,
             json_case(lambda b: {"changes": [], "next": 0, "more": True}, sign), UNDERSTOOD),
        Case("next beyond the feed's numbers", CHANGES, json_case(set_key(("next",), 2**63), sign), UNDERSTOOD),
        Case("an extra key", CHANGES, json_case(lambda b: b | {"withheld": "many", "x": {"y": [None]}}, sign), "ok"),
        # one change that is no record is skipped as one bad record (counted, said), the rest applied
        Case("a change that is no record", CHANGES,
             json_case(lambda b: b | {"changes": [7, None, "x", *b["changes"]]}, sign), "ok"),
    ]


def _backwards(sign: bool) -> Any:
    def change(real: Real) -> Wire:
        since = int(dict(p.split("=") for p in real.query.split("&"))["since"])
        return Wire(200, dumps(real.json() | {"next": since - 1}), sign=sign if sign else None)
    return change


@SQLITE
def test_pull_answers_of_every_wrong_shape(central, server, make_device):
    """The page of changes: signed by the server's key (a buggy server), then unsigned on a laptop that
    knows its server as one that does not sign every answer (an older server; a relay that can then
    change the page is that setup's known limit, docs/security.md: it can never crash the sync)."""
    lan = make_device("a", "lan")
    mai = make_device("b", "mai")
    made = [0]

    def prepare() -> None:  # a change to pull when the last case pulled everything
        have = {r[0] for r in lan.store.query("SELECT name FROM customers")}
        if all(f"Khách {i}" in have for i in range(1, made[0] + 1)):
            made[0] += 1
            customers.create_customer(mai, CustomerInput(code=f"PA23LN00070{made[0]:02d}", name=f"Khách {made[0]}"))
            assert sync.sync_now(mai).ok

    key = people.server_key(central)
    with HostileRelay(server.port, key) as relay:
        sync.configure(lan, relay.url)
        # the answer damaged on the wire is the transport's (every case on the push); here the ones a pull reads apart
        wire = [c for c in wire_cases(CHANGES) if c.name.startswith(("garbage", "an HTML", "the right JSON",
                                                                     "an enormous", "two signatures", "a naive"))]
        problems = run_cases(pull_cases(True) + wire, relay, lan, central, prepare)
        # the older server's way: no signed hello, no signed page
        relay.strip_hello_signature = True

        def older() -> None:
            lan.store.set_meta(K_SERVER_SIGNS, "")
            prepare()

        unsigned = [c for c in pull_cases(False) if not c.name.startswith("time") and (
            "=" not in c.name or c.name.split("=")[1] in SOME)]
        problems += run_cases([Case(f"unsigned {c.name}", c.paths, c.change, c.expect) for c in unsigned],
                              relay, lan, central, older)
    assert not problems, f"{len(problems)} cases:\n" + "\n".join(problems)
    sync.configure(lan, server.url)
    lan.store.set_meta(K_SERVER_SIGNS, "1")
    rep = sync.sync_now(lan)
    assert rep.ok, rep
    names = {r[0] for r in lan.store.query("SELECT name FROM customers")}
    assert {f"Khách {i}" for i in range(1, made[0] + 1)} <= names and made[0] >= 5


@SQLITE
def test_a_gzip_bomb_is_refused_as_it_inflates(central, server, make_device):
    """A small gzip answer that inflates to 400 MB: refused past 64 MiB (the sealed answer's limit), never
    held whole; the laptop's memory stays far below the bomb's size."""
    import tracemalloc

    lan = make_device("a", "lan")
    meter = meters.register_meter(lan, serial="HOSTILE-2", customer_id=None, manufacturer="Gelex")
    add_readings(lan, meter.id, 2)
    bomb = gzip.compress(b"\0" * 2**20) * 400  # 400 gzip members of 1 MiB of zeros each: one gzip body
    assert len(bomb) < 1024 * 1024
    with HostileRelay(server.port, people.server_key(central)) as relay:
        sync.configure(lan, relay.url)
        relay.aim(PUSH, lambda r: Wire(200, bomb, [("Content-Type", "application/json"),
                                                   ("Content-Encoding", "gzip")], sign=None), first_only=False)
        before = lan.store.query("SELECT seq, state, attempts, result FROM outbox ORDER BY seq")
        tracemalloc.start()
        try:
            rep = sync.sync_now(lan, max_retries=1, backoff_base=0.001, backoff_cap=0.002, seal=False)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert not rep.ok and "larger than" in str(rep.error), rep
    assert peak < 200 * 1024 * 1024, f"{peak / 2**20:.0f} MiB held for a 400 MB bomb"
    assert lan.store.query("SELECT seq, state, attempts, result FROM outbox ORDER BY seq") == before
    sync.configure(lan, server.url)
    assert sync.sync_now(lan).ok
    assert server_truth(central, lan) == []
    # A page of changes too large (a page of big records, or the bomb once): asked again, half as many.
    asked: list[str] = []

    def once(real: Real) -> Wire:
        asked.append(real.query)
        return Wire(200, bomb, [("Content-Type", "application/json"), ("Content-Encoding", "gzip")])

    lan.store.set_meta("sync.cursor", "0")
    with HostileRelay(server.port, people.server_key(central)) as relay:
        sync.configure(lan, relay.url)
        relay.aim(CHANGES, once)
        rep = sync.sync_now(lan, pull_with_push=False, seal=False)
        limits = [int(dict(p.split("=") for p in q.split("&"))["limit"]) for path, q in relay.queries
                  if path == CHANGES[0]]
    assert rep.ok and rep.pulled >= 2 and len(asked) == 1, rep
    assert limits == [500, 250], limits  # the one bombed, then half as many (the server's answer, whole)


def test_a_reading_value_survives_the_hostile_runs(central, server, make_device):
    """Both engines: the server applied the push whose answer the laptop could not read; the next sync's
    push is a replay, and the server holds the reading once, as recorded."""
    lan = make_device("a", "lan")
    meter = meters.register_meter(lan, serial="HOSTILE-3", customer_id=None, manufacturer="Gelex")
    ids = add_readings(lan, meter.id, 1)
    with HostileRelay(server.port, people.server_key(central)) as relay:
        sync.configure(lan, relay.url)
        relay.aim(PUSH, json_case(set_key(("results", 0, "status"), "deferred")))
        rep = sync.sync_now(lan, max_retries=1, seal=False)
    assert not rep.ok and UNDERSTOOD in str(rep.error)
    sync.configure(lan, server.url)
    rep = sync.sync_now(lan)
    assert rep.ok and rep.replayed == rep.pushed == 2, rep  # the meter and the reading: both went before
    from sqlalchemy import text

    with central.read() as conn:
        data = conn.execute(text("SELECT data FROM facts WHERE id = :i"), {"i": ids[0]}).scalar_one()
    assert Decimal(str(json.loads(data)["registers"]["1.8.0"]["value"])) == Decimal("1000.0")



@SQLITE
def test_a_feed_that_says_more_without_end_stops_the_pull(central, server, make_device):
    """A server whose every page says `more` and moves its cursor by one with no change in it would keep
    the laptop pulling for 2^62 requests: the pull stops after 50 such pages in a row (BadAnswer), the
    cursor where the last page put it (signed: the server's word), and the sync returns."""
    lan = make_device("a", "lan")

    def endless(real: Real) -> Wire:
        since = int(dict(p.split("=") for p in real.query.split("&"))["since"])
        return Wire(200, dumps({"changes": [], "next": since + 1, "more": True}), sign=True)

    with HostileRelay(server.port, people.server_key(central)) as relay:
        relay.most = 200
        sync.configure(lan, relay.url)
        relay.aim(CHANGES, endless, first_only=False)
        rep = sync.sync_now(lan, max_retries=1, seal=False)
    assert not rep.ok and UNDERSTOOD in str(rep.error) and "50 pages" in str(rep.error), rep
    assert relay.changed["/v1/changes"] == 50


@SQLITE
def test_an_answer_sent_a_byte_at_a_time_ends_at_the_deadline(central, server, make_device):
    """Each byte well within the read timeout, the answer never done: the exchange is cut at the transport's
    deadline (here 1 s; 300 s by default), retried as a cut line, then the sync ends; nothing marked sent."""
    from fieldkit.sync.client import _transport

    lan = make_device("a", "lan")
    meter = meters.register_meter(lan, serial="HOSTILE-4", customer_id=None, manufacturer="Gelex")
    add_readings(lan, meter.id, 2)
    before = lan.store.query("SELECT seq, state, attempts, result FROM outbox ORDER BY seq")
    with HostileRelay(server.port, people.server_key(central)) as relay:
        sync.configure(lan, relay.url)
        relay.aim(PUSH, lambda r: Wire(200, r.body, sign=True, trickle=0.05), first_only=False)
        transport = _transport(lan.store)
        transport.deadline_s = 1.0
        started = time.monotonic()
        rep = sync.sync_now(lan, transport=transport, max_retries=1, backoff_base=0.001, seal=False)
        took = time.monotonic() - started
    assert not rep.ok and "longer than 1 s" in str(rep.error), rep
    assert took < 6, took  # two tries of 1 s each, not the whole answer at 20 bytes a second
    assert lan.store.query("SELECT seq, state, attempts, result FROM outbox ORDER BY seq") == before
    sync.configure(lan, server.url)
    assert sync.sync_now(lan).ok
    assert server_truth(central, lan) == []
