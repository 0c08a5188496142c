"""People on real laptops against the real server: offline work by several people of one laptop
reaches the server signed by each; the server's roles win; a removed person's offline work is
quarantined, not lost; a supervisor minted on a laptop counts for nothing; the laptop talks only
to the server it pinned at enrolment."""

from __future__ import annotations

import gzip
import json
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import requests
from sqlalchemy import select

from fieldkit.central import admin, people
from fieldkit.central import schema as t
from fieldkit.domain import signing
from fieldkit.domain.ids import new_id
from fieldkit.domain.models import ReadingSource, RegisterValue, Role
from fieldkit.services import field_facts, sync, work_orders
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput, create_customer
from fieldkit.store.keyring import FAST_KDF
from fieldkit.store.work_orders import WorkOrderQuery

PIN = "246810"  # tests/sync/conftest.py


def _reading(s: sessions.Session, meter_id: str, value: int = 5) -> None:
    field_facts.record_reading(s, meter_id=meter_id, source=ReadingSource.OPTICAL,
                               registers={"1.8.0": RegisterValue(Decimal(value), "kWh")})


def test_three_people_of_one_laptop_work_offline_and_each_syncs_their_own(make_device, central, tmp_path):
    admin.create_user(central, "thu", "Đặng Thu", "trainer", "T1")
    admin.import_work_orders(central, "number,kind,customer_code,meter_serial,assignee\n"
                                      "WO-P1,reading,PA23LN0000501,VSE-501,lan\n"
                                      "WO-P2,onboarding,PA23LN0000502,,thu\n", team_code="T1")
    lan = make_device("laptop", "lan")
    assert sync.sync_now(lan).ok
    # Hùng and Thu join this laptop online: their keys are registered with their user codes, and their
    # name and role are the server's (nothing about a role is typed on the laptop).
    for name, pin in (("hung", "135790"), ("thu", "314159")):
        sessions.add_person(lan, username=name, user_code=people.issue_code(central, name), secret=pin,
                            params=FAST_KDF)
    folder = lan.profile.folder
    hung, thu = sessions.login(folder, "hung", "135790"), sessions.login(folder, "thu", "314159")
    try:
        assert (hung.role, thu.role) == (Role.SUPERVISOR, Role.TRAINER)
        reading_wo = next(w for w in work_orders.list_work_orders(lan, WorkOrderQuery()) if w.number == "WO-P1")
        onboarding_wo = next(w for w in work_orders.list_work_orders(lan, WorkOrderQuery()) if w.number == "WO-P2")
        # Offline: Lan reads and submits; Thu starts her onboarding order; Hùng cannot approve before
        # the server has Lan's submission, so he approves after Lan's sync, offline again.
        _reading(lan, reading_wo.meter_id)
        work_orders.submit_work_order(lan, reading_wo.id)
        work_orders.start_work_order(thu, onboarding_wo.id)
        # Lan syncs all three: Thu's operation travels with Thu's own signature, made when she
        # recorded it (Lan cannot sign for her).
        r = sync.sync_now(lan)
        assert r.ok and r.applied == 3 and r.pushed == 3 and sync.status(lan).waiting == 0
        work_orders.review_work_order(hung, reading_wo.id, approve=True)
        r = sync.sync_now(thu)  # Thu syncs Hùng's approval the same way
        assert r.ok and r.applied == 1 and r.rejected == 0
        # An operation without its author's own signature (re-queued by someone else, or recorded
        # before signatures) waits for its author, and the queue behind it waits too, in order.
        sid = new_id()
        with lan.store.transaction(actor=thu.user_id) as tx:  # as an older FieldKit wrote it: no sig
            tx.change("onboarding_step", sid, "append", {"id": sid, "customer_id": onboarding_wo.customer_id,
                                                         "step": "app"})
        _reading(lan, reading_wo.meter_id, 6)
        r = sync.sync_now(lan)
        assert r.ok and r.pushed == 0 and any("wait for thu" in reason for reason in r.reasons)
        assert sync.status(lan).waiting == 2
        r = sync.sync_now(thu)  # Thu signs her own in the batch, and Lan's reading goes with its own signature
        assert r.ok and r.applied == 2 and sync.status(lan).waiting == 0
        with central.read() as conn:
            states = dict(conn.execute(select(t.work_orders.c.number, t.work_orders.c.state)).all())
            authors = {str(r[0]) for r in conn.execute(
                select(t.users.c.username).join(t.op_batches, t.op_batches.c.user_id == t.users.c.id))}
        assert states["WO-P1"] == "approved" and states["WO-P2"] == "in_progress"
        assert authors == {"lan", "hung", "thu"}  # each one's own batch signature is kept
    finally:
        hung.close()
        thu.close()


def test_the_servers_role_wins_and_a_removed_persons_offline_work_is_quarantined_not_lost(make_device, central):
    admin.import_work_orders(central, "number,kind,customer_code,meter_serial,assignee\n"
                                      "WO-P3,reading,PA23LN0000503,VSE-503,mai\n", team_code="T1")
    mai = make_device("laptop-m", "mai", role=Role.SUPERVISOR)  # typed as supervisor on the laptop...
    assert sync.sync_now(mai).ok
    again = sessions.login(mai.profile.folder, "mai", PIN)
    assert again.role is Role.TECHNICIAN  # ...the server says technician: that is what counts here
    again.close()
    wo = work_orders.list_work_orders(mai, WorkOrderQuery())[0]
    _reading(mai, wo.meter_id, 9)  # offline
    people.remove(central, "mai")
    r = sync.sync_now(mai)
    assert r.ok and r.rejected == 1 and r.applied == 0
    q = sync.quarantined(mai)
    assert len(q) == 1 and q[0].entity == "reading" and "removed" in q[0].reason
    assert q[0].payload["registers"]["1.8.0"]["value"] == "9"  # kept on the laptop, whole
    assert mai.store.query_one("SELECT count(*) FROM readings WHERE id = ?", (q[0].entity_id,))[0] == 1


def test_a_supervisor_minted_on_a_laptop_counts_for_nothing(make_device, central):
    admin.import_work_orders(central, "number,kind,customer_code,assignee\nWO-P4,inspection,PA23LN0000504,lan\n"
                                      "WO-P5,inspection,PA23LN0000505,lan\n", team_code="T1")
    lan = make_device("laptop-l", "lan")
    assert sync.sync_now(lan).ok
    orders = sorted(work_orders.list_work_orders(lan, WorkOrderQuery()), key=lambda w: w.number)
    for wo in orders:
        work_orders.submit_work_order(lan, wo.id)
    assert sync.sync_now(lan).ok
    # A local account with a supervisor role, and one named like the real supervisor.
    for name, wo in zip(("boss", "hung"), orders, strict=True):
        sessions.add_user(lan, username=name, display_name=name, role=Role.SUPERVISOR, secret="975310",
                          params=FAST_KDF)
        fake = sessions.login(lan.profile.folder, name, "975310")
        try:
            work_orders.review_work_order(fake, wo.id, approve=True)  # the laptop's own menus allow it...
            r = sync.sync_now(fake)
            assert r.ok and r.rejected == 1 and r.applied == 0  # ...the server does not
            assert sync.quarantined(fake)[-1].reason
        finally:
            fake.close()
    reasons = [q.reason for q in sync.quarantined(lan)]
    assert "unknown" in reasons[0] and "key" in reasons[1]
    with central.read() as conn:
        assert dict(conn.execute(select(t.work_orders.c.number, t.work_orders.c.state)).all()) == \
            {"WO-P4": "done", "WO-P5": "done"}


class Hostile(BaseHTTPRequestHandler):
    """A server at another address: proves a different key, or relays the real server's proof and
    then answers pushes itself. Records every request's headers."""

    seen: list[dict[str, str]]
    real: str = ""
    key: Any = None

    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        self.seen.append(dict(self.headers))
        if self.path.startswith("/v1/hello"):
            if self.real:
                got = requests.get(self.real + self.path, timeout=10)
                return self._answer(got.json())
            nonce = self.path.split("nonce=", 1)[1]
            public = signing.public_text(self.key)
            return self._answer({"public_key": public, "signature": signing.sign(self.key, signing.hello_message(
                nonce, public)), "time": "2026-12-03T08:00:00+00:00"})
        self._answer({"time": "2026-12-03T08:00:00+00:00", "changes": [], "next": 0, "more": False})

    def do_POST(self) -> None:  # noqa: N802
        self.seen.append(dict(self.headers))
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        body = json.loads(raw or b"{}")
        ops = body.get("ops") or []
        self._answer({"time": "2026-12-03T08:00:00+00:00", "ids": "0" * 64, "missing": [],
                      "results": [{"status": "applied"} for _ in ops]})


def _hostile(**kw: Any) -> tuple[ThreadingHTTPServer, list[dict[str, str]]]:
    seen: list[dict[str, str]] = []
    handler = type("H", (Hostile,), {"seen": seen, **kw})
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, seen


def test_the_laptop_talks_only_to_the_server_it_pinned(make_device, server):
    lan = make_device("laptop-p", "lan")
    create_customer(lan, CustomerInput(code="PA23LN0000601", name="Hà Văn Ảnh"))
    # 1. Another server, with its own key: refused before anything is sent to it.
    other, seen = _hostile(key=signing.new_private_key())
    try:
        sync.configure(lan, f"http://127.0.0.1:{other.server_address[1]}")
        r = sync.sync_now(lan)
        assert not r.ok and "not the enrolled server" in (r.error or "")
        assert seen and all("Authorization" not in h for h in seen)  # the token never left
        assert sync.status(lan).waiting == 1
    finally:
        other.shutdown()
    # 2. A relay that passes the real server's proof on, then answers the push itself with
    #    "applied" for everything: the answer is not signed by the pinned key, nothing is marked sent.
    relay, seen = _hostile(real=server.url)
    try:
        sync.configure(lan, f"http://127.0.0.1:{relay.server_address[1]}")
        r = sync.sync_now(lan)
        assert not r.ok and "not the enrolled server" in (r.error or "") and r.applied == 0
        assert sync.status(lan).waiting == 1
    finally:
        relay.shutdown()
    sync.configure(lan, server.url)
    r = sync.sync_now(lan)
    assert r.ok and r.applied == 1 and sync.status(lan).waiting == 0
