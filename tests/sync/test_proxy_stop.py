"""The test proxies (fieldkit/sync/testing/proxy.py) stop at once: their accept loop blocked in
accept() was not woken by closing the listener, and every stop waited out a 5 s join (about 5 s
of each of the ~40 proxy tests in CI)."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import requests

from fieldkit.sync.testing.proxy import FaultProxy, LinkEmulator


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
@pytest.mark.parametrize("kind", ["fault", "link"])
def test_a_proxy_stops_at_once_and_refuses_afterwards(server, kind):
    target = ("127.0.0.1", server.port)
    proxy = FaultProxy(target, rate=0.0) if kind == "fault" else LinkEmulator(target, bandwidth=10_000_000, rtt=0.01)
    proxy.start()
    with requests.Session() as http:  # a kept-alive connection is open through the proxy when it stops
        assert http.get(proxy.url + "/v1/ping", timeout=10).json()["ok"] is True
        t0 = time.monotonic()
        proxy.stop()
        took = time.monotonic() - t0
    assert took < 2.0, f"stop took {took:.2f} s"
    assert not [t for t in threading.enumerate() if t.name.endswith("-accept") and t.is_alive()]
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", proxy.port), timeout=2):
        pass
