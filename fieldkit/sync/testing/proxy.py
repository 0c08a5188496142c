"""TCP proxies on loopback for testing sync against bad links.

- `FaultProxy` cuts connections mid-request and mid-response, truncates answers, delays,
  and answers 503 by itself, chosen at random (seeded) per connection.
- `LinkEmulator` models a slow link: a fixed bandwidth in each direction shared by all
  connections, a round-trip time (half each way; a new connection costs one round trip),
  and counts the bytes that cross it.

Both listen on 127.0.0.1 only and forward to one target address.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import random
import socket
import threading
import time
from dataclasses import dataclass, field

BUF = 16384


class _Proxy:
    def __init__(self, target: tuple[str, int], host: str = "127.0.0.1", port: int = 0):
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("test proxies listen on loopback only")
        self.target = target
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((host, port))
        self.listener.listen(64)
        self.port = int(self.listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._socks: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self.connections = 0
        self.bytes_up = 0  # client -> server
        self.bytes_down = 0  # server -> client

    def start(self) -> _Proxy:
        t = threading.Thread(target=self._accept_loop, daemon=True, name=f"{type(self).__name__}-accept")
        t.start()
        self._threads.append(t)
        return self

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self.connections += 1
                n = self.connections
                self._socks.add(client)
            t = threading.Thread(target=self._handle_safely, args=(client, n), daemon=True)
            t.start()
            with self._lock:
                self._threads = [x for x in self._threads if x.is_alive()]
                self._threads.append(t)

    def _handle_safely(self, client: socket.socket, n: int) -> None:
        try:
            self.handle(client, n)
        except OSError:
            pass
        finally:
            self._close(client)

    def handle(self, client: socket.socket, n: int) -> None:
        raise NotImplementedError

    def _connect(self) -> socket.socket:
        upstream = socket.create_connection(self.target, timeout=10)
        upstream.settimeout(None)
        upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            self._socks.add(upstream)
        return upstream

    def _close(self, s: socket.socket) -> None:
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            s.close()
        with self._lock:
            self._socks.discard(s)

    def _count(self, up: bool, n: int) -> None:
        with self._lock:
            if up:
                self.bytes_up += n
            else:
                self.bytes_down += n

    def reset_counters(self) -> None:
        with self._lock:
            self.bytes_up = self.bytes_down = self.connections = 0

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self.listener.close()
        with self._lock:
            socks = list(self._socks)
        for s in socks:
            self._close(s)
        for t in list(self._threads):
            t.join(timeout=5)

    def __enter__(self) -> _Proxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


FAULTS = ("cut_request", "cut_response", "truncate", "delay", "503")


@dataclass
class FaultStats:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(("pass", *FAULTS), 0))


class FaultProxy(_Proxy):
    """Each new connection is, with probability `rate`, given one of `faults`."""

    def __init__(self, target: tuple[str, int], *, rate: float = 0.3, seed: int = 1,
                 faults: tuple[str, ...] = FAULTS, max_delay: float = 0.5):
        super().__init__(target)
        self.rate, self.faults, self.max_delay = rate, faults, max_delay
        self.rng = random.Random(seed)
        self.stats = FaultStats()
        self.enabled = True

    def handle(self, client: socket.socket, n: int) -> None:
        with self._lock:
            fault = self.rng.choice(self.faults) if self.enabled and self.rng.random() < self.rate else "pass"
            self.stats.counts[fault] += 1
            budget = self.rng.randint(1, 6000)
            delay = self.rng.uniform(0.05, self.max_delay)
        if fault == "503":
            first = client.recv(BUF)
            self._count(True, len(first))
            reply = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            client.sendall(reply)
            self._count(False, len(reply))
            return
        upstream = self._connect()
        try:
            up_budget = budget if fault == "cut_request" else None
            down_budget = budget if fault == "cut_response" else None
            t = threading.Thread(target=self._pump, args=(client, upstream, True, up_budget,
                                                          delay if fault == "delay" else 0.0, False), daemon=True)
            t.start()
            self._pump(upstream, client, False, down_budget, delay if fault == "delay" else 0.0, fault == "truncate")
            t.join(timeout=30)
        finally:
            self._close(upstream)

    def _pump(self, src: socket.socket, dst: socket.socket, up: bool, budget: int | None, delay: float,
              truncate: bool) -> None:
        sent = 0
        head = b""
        limit: int | None = None
        try:
            while True:
                data = src.recv(BUF)
                if not data:
                    break
                if delay:
                    time.sleep(delay)
                    delay = 0.0
                if truncate and limit is None:
                    head += data
                    end = head.find(b"\r\n\r\n")
                    if end < 0:
                        continue
                    length = 0
                    for line in head[:end].split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value.strip() or 0)
                    limit = end + 4 + length // 2
                    data, head = head, b""
                if limit is not None and sent + len(data) >= limit:
                    data = data[:max(0, limit - sent)]
                    dst.sendall(data)
                    self._count(up, len(data))
                    break
                if budget is not None and sent + len(data) >= budget:
                    data = data[:max(0, budget - sent)]
                    dst.sendall(data)
                    self._count(up, len(data))
                    break
                dst.sendall(data)
                sent += len(data)
                self._count(up, len(data))
        except OSError:
            pass
        # Close both ends: a cut is a cut in both directions.
        self._close(src)
        self._close(dst)


class _Link:
    """One direction of the emulated link: bytes queue behind each other at `bandwidth`."""

    def __init__(self, bits_per_s: float, one_way: float):
        self.bits_per_s, self.one_way = bits_per_s, one_way
        self.free_at = 0.0
        self.cv = threading.Condition()
        self.heap: list[tuple[float, int, socket.socket, bytes | None]] = []
        self.seq = itertools.count()
        self.stopped = False
        self.thread = threading.Thread(target=self._deliver, daemon=True, name="link")
        self.thread.start()

    def send(self, dst: socket.socket, data: bytes | None) -> None:
        with self.cv:
            now = time.monotonic()
            start = max(now, self.free_at)
            self.free_at = start + (len(data) * 8 / self.bits_per_s if data else 0.0)
            heapq.heappush(self.heap, (self.free_at + self.one_way, next(self.seq), dst, data))
            self.cv.notify()

    def _deliver(self) -> None:
        while True:
            with self.cv:
                while not self.stopped and (not self.heap or self.heap[0][0] > time.monotonic()):
                    timeout = None if not self.heap else max(0.0, self.heap[0][0] - time.monotonic())
                    self.cv.wait(timeout)
                if self.stopped:
                    return
                _, _, dst, data = heapq.heappop(self.heap)
            try:
                if data is None:
                    dst.shutdown(socket.SHUT_WR)
                else:
                    dst.sendall(data)
            except OSError:
                pass

    def stop(self) -> None:
        with self.cv:
            self.stopped = True
            self.cv.notify_all()
        self.thread.join(timeout=5)


class LinkEmulator(_Proxy):
    """`bandwidth` bit/s in each direction (shared by all connections) and `rtt` seconds."""

    def __init__(self, target: tuple[str, int], *, bandwidth: float = 64_000, rtt: float = 0.6):
        super().__init__(target)
        self.bandwidth, self.rtt = bandwidth, rtt
        self.up = _Link(bandwidth, rtt / 2)
        self.down = _Link(bandwidth, rtt / 2)

    def handle(self, client: socket.socket, n: int) -> None:
        time.sleep(self.rtt)  # the TCP handshake costs one round trip
        upstream = self._connect()
        try:
            t = threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True)
            t.start()
            self._pump(upstream, client, False)
            t.join(timeout=60)
        finally:
            self._close(upstream)

    def _pump(self, src: socket.socket, dst: socket.socket, up: bool) -> None:
        link = self.up if up else self.down
        try:
            while True:
                data = src.recv(BUF)
                if not data:
                    break
                self._count(up, len(data))
                link.send(dst, data)
        except OSError:
            pass
        link.send(dst, None)
        # Let queued bytes drain before the socket goes away.
        while True:
            with link.cv:
                if not any(item[2] is dst for item in link.heap):
                    break
            time.sleep(0.01)

    def stop(self) -> None:
        super().stop()
        self.up.stop()
        self.down.stop()
