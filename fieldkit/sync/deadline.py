"""A deadline for one whole exchange (request sent, answer read to its end).

The read timeout bounds each wait for bytes, not the answer: a server (or a relay) that sends its
answer a byte at a time, each within the timeout, would hold a sync without end. The transport's
connections are watched (`watch(session)`): inside `with Deadline(seconds) as d:` the connection the
calling thread sends on is shut when the deadline passes, the read then fails as a cut answer would,
and `d.fired` says why (the transport raises Unreachable: retried like a cut line, then the sync ends).
"""

from __future__ import annotations

import socket
import threading
from typing import Any

import requests
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()  # the Deadline of the exchange this thread is in


class Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.fired = False
        self.conn: Any = None
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._lock = threading.Lock()

    def __enter__(self) -> Deadline:
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _current.deadline = None

    def sending_on(self, conn: Any) -> None:
        with self._lock:
            self.conn = conn
            late = self.fired
        if late:
            _shut(conn)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            conn = self.conn
        if conn is not None:
            _shut(conn)


def _shut(conn: Any) -> None:
    sock = getattr(conn, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _note(conn: Any) -> None:
    deadline = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.sending_on(conn)


class _Watched(HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _note(self)
        super().request(*args, **kwargs)


class _WatchedTLS(HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _note(self)
        super().request(*args, **kwargs)


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Watched


class _PoolTLS(HTTPSConnectionPool):
    ConnectionCls = _WatchedTLS


def watch(session: requests.Session) -> None:
    """The session's new connections are ones a Deadline can shut."""
    for adapter in session.adapters.values():
        manager = getattr(adapter, "poolmanager", None)
        if manager is not None:
            manager.pool_classes_by_scheme = {"http": _Pool, "https": _PoolTLS}
