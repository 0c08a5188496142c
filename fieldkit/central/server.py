"""Run the API with uvicorn: in the foreground (CLI) or in a background thread (tests, demo)."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn

from fieldkit.central.api import create_app
from fieldkit.central.db import Database


def config(db: Database, host: str, port: int, **kwargs: Any) -> uvicorn.Config:
    return uvicorn.Config(create_app(db), host=host, port=port, log_level=kwargs.pop("log_level", "warning"),
                          server_header=False, date_header=False, access_log=False,
                          timeout_keep_alive=kwargs.pop("timeout_keep_alive", 30), **kwargs)


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8765, log_level: str = "info") -> None:
    db = Database(db_url)
    db.create_all()
    uvicorn.Server(config(db, host, port, log_level=log_level)).run()


class ServerThread:
    """A real uvicorn server on a loopback port, in a thread. `url` is set once it listens."""

    def __init__(self, db: Database, host: str = "127.0.0.1", port: int = 0):
        self.db = db
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.host, self.port = self.sock.getsockname()[:2]
        self.url = f"http://{self.host}:{self.port}"
        self.server = uvicorn.Server(config(db, self.host, self.port))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True,
                                       name="central-server")

    def start(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the central server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
