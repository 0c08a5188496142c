"""TCP proxies on loopback for testing sync against bad links.

- `FaultProxy` cuts connections mid-request and mid-response, truncates answers, delays,
  and answers 503 by itself, chosen at random (seeded) per connection; or cuts the link for
  good after a number of bytes up (`cut_after_up_bytes`) or down (`cut_after_down_bytes`).
- `LinkEmulator` models a slow link: a fixed bandwidth in each direction shared by all
  connections, a round-trip time (half each way; a new connection costs one round trip),
  and counts the bytes that cross it.

Both listen on 127.0.0.1 only and forward to one target address.
"""

from __future__ import annotations

import abc
import contextlib
import heapq
import itertools
import random
import socket
import threading
import time
from dataclasses import dataclass, field

BUF = 16384


class _Proxy(abc.ABC):
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

    @abc.abstractmethod
    def handle(self, client: socket.socket, n: int) -> None:
        """Serve one accepted client connection (the n-th); each proxy kind says how."""

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
        # close() alone does not wake a thread blocked in accept() on Linux: the accept loop stayed
        # there and every stop waited out its join's 5 s timeout. shutdown() wakes it (accept fails).
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
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
    """Each new connection is, with probability `rate`, given one of `faults`: drawn at random,
    or with `cycle=True` taken in turn, so that every kind occurs once `len(faults)` requests
    have been hit (a sync with large batches makes few requests)."""

    def __init__(self, target: tuple[str, int], *, rate: float = 0.3, seed: int = 1,
                 faults: tuple[str, ...] = FAULTS, max_delay: float = 0.5, cycle: bool = False):
        super().__init__(target)
        self.rate, self.faults, self.max_delay, self.cycle = rate, faults, max_delay, cycle
        self._hits = 0
        self.rng = random.Random(seed)
        self.stats = FaultStats()
        self.enabled = True
        self.down = False  # True: every connection is closed at once, as if nobody listened
        self._cut_limit: int | None = None
        self._cut_base = 0
        self._down_limit: int | None = None
        self._down_base = 0

    @property
    def cut_after_up_bytes(self) -> int | None:
        return self._cut_limit

    @cut_after_up_bytes.setter
    def cut_after_up_bytes(self, limit: int | None) -> None:
        """From now on, let `limit` more bytes go up, then cut and refuse every connection."""
        with self._lock:
            self._cut_limit, self._cut_base = limit, self.bytes_up

    @property
    def cut_after_down_bytes(self) -> int | None:
        return self._down_limit

    @cut_after_down_bytes.setter
    def cut_after_down_bytes(self, limit: int | None) -> None:
        """From now on, let `limit` more bytes come down, then cut and refuse every connection."""
        with self._lock:
            self._down_limit, self._down_base = limit, self.bytes_down

    def _down_room(self) -> int | None:
        with self._lock:
            if self._down_limit is None:
                return None
            return self._down_limit - (self.bytes_down - self._down_base)

    def _cut_room(self) -> int | None:
        with self._lock:
            if self._cut_limit is None:
                return None
            return self._cut_limit - (self.bytes_up - self._cut_base)

    def _roll(self) -> tuple[str, int, float]:
        with self._lock:
            fault = "pass"
            if self.enabled and self.rng.random() < self.rate:
                fault = self.faults[self._hits % len(self.faults)] if self.cycle else self.rng.choice(self.faults)
                self._hits += 1
            self.stats.counts[fault] += 1
            return fault, self.rng.randint(1, 3000), self.rng.uniform(0.02, self.max_delay)

    def handle(self, client: socket.socket, n: int) -> None:
        """Faults are drawn for every request (a kept-alive connection carries many)."""
        room, down_room = self._cut_room(), self._down_room()
        if self.down or (room is not None and room <= 0) or (down_room is not None and down_room <= 0):
            return
        upstream = self._connect()
        state: dict[str, object] = {"down_budget": None, "truncate": False}
        try:
            t = threading.Thread(target=self._pump_down, args=(upstream, client, state), daemon=True)
            t.start()
            self._pump_up(client, upstream, state)
            t.join(timeout=30)
        finally:
            self._close(upstream)
            self._close(client)

    def _pump_up(self, src: socket.socket, dst: socket.socket, state: dict[str, object]) -> None:
        try:
            while True:
                data = src.recv(BUF)
                if not data:
                    break
                budget: int | None = None
                if data.startswith((b"GET ", b"POST ", b"PUT ", b"DELETE ", b"HEAD ")):
                    fault, budget_n, delay = self._roll()
                    if fault == "503":
                        self._count(True, len(data))
                        reply = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        src.sendall(reply)
                        self._count(False, len(reply))
                        break
                    if fault == "delay":
                        time.sleep(delay)
                    elif fault == "cut_request":
                        budget = budget_n
                    elif fault == "cut_response":
                        state["down_budget"] = budget_n
                    elif fault == "truncate":
                        state["truncate"] = True
                room = self._cut_room()
                if room is not None and len(data) >= room:
                    budget = max(0, room)
                if budget is not None and budget < len(data):
                    dst.sendall(data[:budget])
                    self._count(True, budget)
                    break
                dst.sendall(data)
                self._count(True, len(data))
        except OSError:
            pass
        self._close(src)
        self._close(dst)

    def _pump_down(self, src: socket.socket, dst: socket.socket, state: dict[str, object]) -> None:
        sent = 0
        head = b""
        try:
            while True:
                data = src.recv(BUF)
                if not data:
                    break
                room = self._down_room()
                if room is not None and len(data) >= room:
                    dst.sendall(data[:max(0, room)])
                    self._count(False, max(0, room))
                    break
                budget = state["down_budget"]
                if isinstance(budget, int):
                    if sent + len(data) >= budget:
                        dst.sendall(data[:max(0, budget - sent)])
                        self._count(False, max(0, budget - sent))
                        break
                    sent += len(data)
                if state["truncate"]:
                    head += data
                    end = head.find(b"\r\n\r\n")
                    if end < 0:
                        continue
                    length = 0
                    for line in head[:end].split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value.strip() or 0)
                    cut = head[:end + 4 + length // 2]
                    dst.sendall(cut)
                    self._count(False, len(cut))
                    break
                dst.sendall(data)
                self._count(False, len(data))
        except OSError:
            pass
        # A cut is a cut in both directions.
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

    def last_up_sent(self) -> float:
        """When (time.monotonic) the last byte queued upward left the laptop's end of the link."""
        with self.up.cv:
            return self.up.free_at

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
