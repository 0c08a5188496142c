"""A free loopback port for a server that another process will start (tests, benchmarks, the demo).

Binding port 0 and closing the socket gives a port that is free *now*: until the server process has
started (importing, opening its database: seconds on a loaded machine) any other process's bind to
port 0 or outgoing connection may take it, and the server then fails to start or, worse, the caller
talks to someone else's server on that port. Here the port is left in TIME_WAIT instead (a connection
to it is accepted and closed from the server's side): for about a minute the kernel hands it to no
bind(0) and no outgoing connection, and binds to it fail with "address in use", except for a socket
with SO_REUSEADDR bound to that very port, which is what a server does (uvicorn, `fieldkit central
serve`). Stdlib only: the demo and the laptop's install use it without the server's packages.
"""

from __future__ import annotations

import socket


def free_port(host: str = "127.0.0.1") -> int:
    """A port of `host` nobody listens on, kept from other takers for about a minute (TIME_WAIT);
    a server binding it with SO_REUSEADDR gets it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, 0))
        listener.listen(1)
        address = listener.getsockname()
        with socket.create_connection(address, timeout=10) as client:
            accepted, _ = listener.accept()
            accepted.close()  # the server's side closes first: it is the one left in TIME_WAIT
            client.recv(1)  # its FIN has arrived; closing now completes the close
    return int(address[1])
