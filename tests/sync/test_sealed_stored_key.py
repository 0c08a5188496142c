"""A damaged sealing key in the laptop's store (`sync.server_sealing`: a bad disk, an edit, an older
build's bug) never stops the sync: a key number no request head can carry is not used (the hello goes
first, as without a kept key) and the proven hello replaces the damaged entry. Real server on loopback,
real sync engine."""

from __future__ import annotations

import json

import pytest

from fieldkit.services import customers, meters, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.sync import sealed
from fieldkit.sync.report import K_SERVER_KEY
from fieldkit.sync.sealed import K_SEALING


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)  # the laptop's store: one engine is enough
@pytest.mark.parametrize("n", [-1, 0, 2**31, 2**32, 10**30])
def test_a_damaged_kept_key_number_falls_back_to_the_hello(central, server, make_device, add_readings, n):
    s = make_device("a", "lan")
    c = customers.create_customer(s, CustomerInput(code="PA23LN0007901", name="Khách 901"))
    m = meters.register_meter(s, serial="S-901", customer_id=c.id)
    assert sync.sync_now(s).ok
    good = json.loads(s.store.get_meta(K_SEALING))
    assert good["pin"] == s.store.get_meta(K_SERVER_KEY) and good["n"] == 1
    s.store.set_meta(K_SEALING, json.dumps(good | {"n": n}))
    assert sealed.load(s.store, good["pin"]) is None  # never used as it stands
    add_readings(s, m.id, 5)
    report = sync.sync_now(s)
    assert report.ok and report.applied == 5 and report.sealed == 0, report
    assert json.loads(s.store.get_meta(K_SEALING)) == good  # the proven hello wrote it again
    add_readings(s, m.id, 3)
    report = sync.sync_now(s)
    assert report.ok and report.sealed == 1 and report.applied == 3, report
