"""Every answer the laptop acts on is signed by the server it was enrolled with, the change feed
and the upload offsets too. A server says so in its signed hello (`signs_all`); the laptop keeps
that (meta `sync.server_signs_all`) and from then on refuses an unsigned or changed answer, even
when a man in the middle also strips the hello's signature. Before this, a proxy on a plain-HTTP
path could write records into the laptop (a changed page of the change feed) or make it take an
attachment as delivered that never reached the server (a changed `/v1/attachments/missing`)."""

from __future__ import annotations

from typing import Any

import pytest

from fieldkit.central import admin
from fieldkit.domain.models import Role, WorkOrderState
from fieldkit.services import customers, field_facts, sync, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.services.work_orders import WorkOrderQuery
from fieldkit.sync.report import K_SERVER_SIGNS
from fieldkit.sync.testing.rewriter import AnswerRewriter

pytestmark = pytest.mark.parametrize("central", ["sqlite"], indirect=True)


def _forge_feed(method: str, path: str, answer: Any) -> Any:
    del method
    if path != "/v1/changes" or not isinstance(answer, dict):
        return None
    for change in answer.get("changes", []):
        if isinstance(change.get("data"), dict) and change["data"].get("name") == "Khách thật":
            change["data"]["name"] = "Khách giả"
    return answer


def _strip_hello(method: str, path: str, answer: Any) -> Any:
    del method
    if path == "/v1/hello":
        return answer  # the same answer, its signature header taken off (strip_headers)
    return _forge_feed("GET", path, answer)


def test_a_changed_page_of_the_change_feed_is_refused_and_nothing_of_it_is_written(central, server, make_device):
    a = make_device("a", "lan")
    b = make_device("b", "mai")
    assert a.store.get_meta(K_SERVER_SIGNS) == "1"  # said in the signed hello at enrolment, kept
    customers.create_customer(b, CustomerInput(code="PA23LN0006001", name="Khách thật"))
    assert sync.sync_now(b).ok
    with AnswerRewriter(("127.0.0.1", server.port), _forge_feed) as proxy:
        sync.configure(a, proxy.url)
        rep = sync.sync_now(a, pull_with_push=False)
    assert proxy.rewritten["/v1/changes"] >= 1  # the forgery really was sent to the laptop
    assert not rep.ok and rep.error is not None and "not signed by the server" in rep.error, rep
    assert a.store.query("SELECT name FROM customers WHERE code = 'PA23LN0006001'") == []
    # A man in the middle who also takes the hello's signature off does not lower the bar.
    with AnswerRewriter(("127.0.0.1", server.port), _strip_hello, strip_headers=frozenset({"X-FK-Signature"})) as proxy:
        sync.configure(a, proxy.url)
        rep = sync.sync_now(a, pull_with_push=False)
    assert proxy.rewritten["/v1/hello"] == 1 and proxy.rewritten["/v1/changes"] >= 1
    assert not rep.ok and "not signed by the server" in str(rep.error), rep
    assert a.store.query("SELECT name FROM customers WHERE code = 'PA23LN0006001'") == []
    # The real server's page is taken.
    sync.configure(a, server.url)
    rep = sync.sync_now(a, pull_with_push=False)
    assert rep.ok, rep
    assert a.store.query("SELECT name FROM customers WHERE code = 'PA23LN0006001'") == [("Khách thật",)]


def test_a_changed_upload_answer_never_makes_an_attachment_count_as_delivered(central, server, make_device):
    admin.import_work_orders(central, "number,kind,customer_code,assignee\nWO-7,inspection,PA23LN0006002,lan\n",
                             team_code="T1")
    tech = make_device("a", "lan")
    assert sync.sync_now(tech).ok
    wo = work_orders.list_work_orders(tech, WorkOrderQuery())[0]
    field_facts.record_install(tech, work_order_id=wo.id, installed_meter_serial="X-7", data={},
                               attachments=[(b"signature-bytes" * 100, "image/png", "signature")])
    work_orders.submit_work_order(tech, wo.id)

    def server_has_it(method: str, path: str, answer: Any) -> Any:
        del method
        return {"missing": []} if path == "/v1/attachments/missing" else None

    with AnswerRewriter(("127.0.0.1", server.port), server_has_it) as proxy:
        sync.configure(tech, proxy.url)
        rep = sync.sync_now(tech)
    assert proxy.rewritten["/v1/attachments/missing"] == 1
    assert not rep.ok and "not signed by the server" in str(rep.error), rep
    assert not sync.delivered(tech, wo.id)
    assert tech.store.query("SELECT count(*) FROM sync_uploads WHERE confirmed_at IS NOT NULL")[0][0] == 0
    # Straight to the server: uploaded, delivered, and a supervisor may approve it.
    sync.configure(tech, server.url)
    assert sync.sync_now(tech).ok
    assert sync.delivered(tech, wo.id)
    sup = make_device("s", "hung", role=Role.SUPERVISOR)
    assert sync.sync_now(sup).ok
    work_orders.review_work_order(sup, wo.id, approve=True)
    rep = sync.sync_now(sup)
    assert rep.ok and rep.rejected == 0, rep
    assert work_orders.get_work_order(sup, wo.id).state is WorkOrderState.APPROVED
