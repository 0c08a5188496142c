"""After a big push the pull does not page through the device's own new readings: the server leaves
them out in its query and moves the cursor past them (fieldkit/central/feed.py read_for). Real
server, real profiles, SQLite and PostgreSQL."""

from __future__ import annotations

from fieldkit.central import feed
from fieldkit.services import customers, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync.batching import Batcher
from fieldkit.sync.client import SyncEngine
from fieldkit.sync.report import K_CURSOR


def test_after_pushing_2000_readings_the_others_3_changes_come_in_one_request(
        make_device, central, server, add_readings):
    a = make_device("a", "lan")
    b = make_device("b", "mai")
    ca = customers.create_customer(a, CustomerInput(code="PA23LN0003011", name="Khách a"))
    ma = meters.register_meter(a, serial="M-a", customer_id=ca.id)
    cb = customers.create_customer(b, CustomerInput(code="PA23LN0003012", name="Khách b"))
    mb = meters.register_meter(b, serial="M-b", customer_id=cb.id)
    assert sync.sync_now(a).ok and sync.sync_now(b).ok and sync.sync_now(a).ok
    add_readings(b, mb.id, 2000)
    pusher = SyncEngine(b.store, b.attachments, "mai", signer=b.profile.signing_key, pull_with_push=False)
    pusher._pin_server()
    pusher.push()  # b's 2,000 readings are in the feed, b's cursor still before them
    assert pusher.report.pushed == 2000
    add_readings(a, ma.id, 3)
    assert sync.sync_now(a).ok  # the other device's 3 changes come after them
    engine = SyncEngine(b.store, b.attachments, "mai", signer=b.profile.signing_key)
    engine.pull_batch = Batcher(start=100, low=100, high=100)  # pages far smaller than the 2,000
    engine._pin_server()
    before = engine.report.requests
    engine.pull()
    assert engine.report.pulled == 3
    assert engine.report.requests - before == 1  # one GET /v1/changes (before: one per 100 own readings)
    with central.read() as conn:
        assert int(b.store.get_meta(K_CURSOR, "0") or 0) == feed.head(conn)
    assert len(b.store.query("SELECT id FROM readings")) == 2003
