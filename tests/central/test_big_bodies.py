"""1 GB request bodies, streamed (generated, never held by the test), with and without
credentials, at push, enrol and attachment upload: the server (its own process, so its RSS
can be read from /proc) grows by less than 100 MB and keeps serving."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from fieldkit.central.db import Database
from fieldkit.ports import free_port
from tests.central.conftest import World, build_world

GB = 1024 ** 3
MB = 1024 ** 2
SHA = "ab" * 32



def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


class Peak:
    """The highest RSS of a process, sampled every 20 ms while in use."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.stop = pid, rss(pid), threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self.stop.wait(0.02):
            self.peak = max(self.peak, rss(self.pid))

    def __enter__(self) -> Peak:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()
        self.peak = max(self.peak, rss(self.pid))


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (4 * GB, 4 * GB))


@dataclass
class Served:
    proc: subprocess.Popen[bytes]
    port: int
    world: World


@pytest.fixture
def served(db: Database, db_url: str, tmp_path: Path) -> Iterator[Served]:
    port = free_port()
    env = os.environ | {"PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    proc = subprocess.Popen([sys.executable, "-m", "fieldkit", "central", "serve", "--db", db_url, "--port", str(port),
                             "--log-level", "warning"], env=env, preexec_fn=_limit_memory,
                            stdout=subprocess.DEVNULL, stderr=open(tmp_path / "server.log", "wb"))  # noqa: SIM115
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(url + "/v1/ping", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "server.log").read_text()
            time.sleep(0.1)
        yield Served(proc, port, build_world(db, url))
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def stream(port: int, method: str, target: str, headers: dict[str, str], total: int, chunked: bool,
           block: bytes = b'{"op_id":"x","entity":"reading","payload":{}},' * 1400) -> tuple[int | None, int]:
    """Send a `total`-byte body made on the fly; returns (HTTP status or None if the server cut the
    connection before its answer could be read, bytes the socket took)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    framing = {"Transfer-Encoding": "chunked"} if chunked else {"Content-Length": str(total)}
    head = f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in (headers | framing).items()) + "\r\n"
    sent = 0
    try:
        s.sendall(head.encode("latin-1"))
        while sent < total:
            piece = block[:total - sent]
            s.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            sent += len(piece)
        if chunked:
            s.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError, TimeoutError):
        pass
    try:
        answer = s.recv(4096)
        status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None
    except (ConnectionResetError, TimeoutError):
        status = None
    finally:
        s.close()
    return status, sent


def gzip_bomb(size: int) -> bytes:
    z = zlib.compressobj(9, wbits=31)  # gzip framing
    zero = b"\0" * MB
    return b"".join([*(z.compress(zero) for _ in range(size // MB)), z.flush()])


@pytest.mark.slow
def test_one_gigabyte_bodies_do_not_grow_the_server_and_it_keeps_serving(served: Served):
    w, port, pid = served.world, served.port, served.proc.pid
    auth = w.devices["d1"].as_user("lan")
    targets = [("POST", "/v1/push", {"Content-Type": "application/json"}),
               ("POST", "/v1/enrol", {"Content-Type": "application/json"}),
               ("PUT", f"/v1/attachments/{SHA}?offset=0&size={200 * MB}", {"Content-Type": "application/octet-stream"})]
    requests.get(f"http://127.0.0.1:{port}/v1/me", headers=auth, timeout=10).raise_for_status()  # warm up
    base = rss(pid)
    figures = []
    for method, target, extra in targets:
        for who, creds in (("no credentials", {}), ("authenticated", auth)):
            for chunked in (True, False):
                t0 = time.monotonic()
                with Peak(pid) as peak:
                    status, sent = stream(port, method, target, extra | creds, GB, chunked)
                growth = peak.peak - base
                figures.append(f"{method} {target[:18]:<18} {who:<15} {'chunked' if chunked else 'length '}: "
                               f"status {status}, {sent / MB:7.1f} MB taken, RSS +{growth / MB:5.1f} MB, "
                               f"{time.monotonic() - t0:4.1f} s")
                assert status in ((401, 413, None) if not creds else (413, None)), figures[-1]
                assert sent < 256 * MB, figures[-1]  # the server stopped reading long before 1 GB
                assert growth < 100 * MB, figures[-1]
                assert requests.get(f"http://127.0.0.1:{port}/v1/ping", timeout=10).status_code == 200
    # A gzip bomb: 1 GB of zeros in ~1 MB, declared gzip, authenticated, at push.
    bomb = gzip_bomb(GB)
    with Peak(pid) as peak:
        r = requests.post(f"http://127.0.0.1:{port}/v1/push", data=bomb, timeout=60,
                          headers=auth | {"Content-Type": "application/json", "Content-Encoding": "gzip"})
    figures.append(f"gzip bomb ({len(bomb) / MB:.1f} MB -> 1 GB) at push: status {r.status_code}, "
                   f"RSS +{(peak.peak - base) / MB:.1f} MB")
    assert r.status_code == 413 and peak.peak - base < 100 * MB, figures[-1]
    print("\n" + "\n".join(figures))
    # Still serving: an ordinary push and the feed for another device.
    ok = requests.post(f"http://127.0.0.1:{port}/v1/push", headers=auth, timeout=10, json={"ops": []})
    assert ok.status_code == 200
    feed = requests.get(f"http://127.0.0.1:{port}/v1/changes", headers=w.devices["d1b"].as_user("hung"), timeout=10)
    assert feed.status_code == 200
    assert served.proc.poll() is None
