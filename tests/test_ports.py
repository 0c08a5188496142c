"""fieldkit.ports.free_port: the port it gives is kept from other takers until a server binds it
(the way `fieldkit central serve` binds: SO_REUSEADDR on that very port). A port found with bind(0)
and closed was free for anyone: a test's server process, still importing, lost it to another
process's socket now and then (a failure by chance)."""

from __future__ import annotations

import errno
import socket

import pytest
import requests

from fieldkit.ports import free_port


def test_the_port_cannot_be_taken_by_a_plain_bind():
    port = free_port()
    with socket.socket() as other, pytest.raises(OSError) as err:
        other.bind(("127.0.0.1", port))  # another program choosing it: refused
    assert err.value.errno == errno.EADDRINUSE


def test_bind_to_port_0_never_hands_it_out():
    # 40 ports x 900 binds: about 2 of the 40 handed out again were they merely closed (measured: 6 in
    # 3 such rounds; 0 with free_port)
    ports = {free_port() for _ in range(40)}
    taken = []
    try:
        for _ in range(900):  # sockets of other programs asking for any free port
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", 0))
            taken.append(s)
        assert ports.isdisjoint(s.getsockname()[1] for s in taken)
    finally:
        for s in taken:
            s.close()


def test_a_server_binding_it_with_reuseaddr_gets_it_and_answers(tmp_path):
    from fieldkit.central.db import Database
    from fieldkit.central.server import ServerThread

    port = free_port()
    db = Database(str(tmp_path / "c.db"))
    db.create_all()
    with ServerThread(db, port=port) as srv:
        assert srv.port == port
        assert requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 200
    db.dispose()


def test_nobody_listens_on_it():
    port = free_port()
    with socket.socket() as s, pytest.raises(ConnectionRefusedError):
        s.settimeout(5)
        s.connect(("127.0.0.1", port))
