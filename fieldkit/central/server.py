"""Run the API with uvicorn: in the foreground (CLI, one or N worker processes) or in a
background thread (tests).

With `workers > 1` uvicorn's supervisor starts N processes that each build the app from the
environment (`app_from_env`: FIELDKIT_CENTRAL_DB) and share the listening socket; a worker that
dies is replaced. Nothing that matters is kept in a worker (docs/central.md, "Workers"), so the
same holds for N processes on several hosts behind a load balancer.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from typing import Any, Literal

import anyio.to_thread
import uvicorn
from fastapi import FastAPI

from fieldkit.central import heap, observe, server_key
from fieldkit.central.api import create_app
from fieldkit.central.db import Database, env_seconds
from fieldkit.ports import free_port

DB_ENV = "FIELDKIT_CENTRAL_DB"
METRICS_ENV = "PROMETHEUS_MULTIPROC_DIR"
THREADS_ENV = "FIELDKIT_THREADS"  # endpoint threads per worker (set by `serve --threads`)
POOL_ENV = "FIELDKIT_DB_POOL"  # read by db.Database (set by `serve --db-pool`)
OVERFLOW_ENV = "FIELDKIT_DB_POOL_OVERFLOW"  # read by db.Database (set by `serve --db-overflow`)
SWITCH_ENV = "FIELDKIT_SWITCH_INTERVAL"  # sys.setswitchinterval in each worker, ms (`serve --switch-ms`)
# uvicorn's supervisor (0.30+) pings each worker every 0.5 s and kills one that does not answer within
# timeout_worker_healthcheck (an option since 0.37, the version required), 5 s unless told: a worker
# still starting on a loaded host (spawned, importing: over 5 s with load 14 on 2 cores) was killed,
# its replacement too, every 5.6 s for as long as the load lasted, and the server ran on fewer
# workers than asked; a worker stalled a few seconds (swapped out, stopped) was killed with its
# requests. Only a worker that answers no ping for this long is killed and replaced now.
WORKER_HEALTHCHECK_S = 30
HEALTHCHECK_ENV = "FIELDKIT_WORKER_HEALTHCHECK_S"


def worker_healthcheck_s() -> int:
    """FIELDKIT_WORKER_HEALTHCHECK_S (whole seconds, 1 to 3600), else WORKER_HEALTHCHECK_S."""
    return round(env_seconds(HEALTHCHECK_ENV, WORKER_HEALTHCHECK_S, 1, 3600))


def app_from_env() -> FastAPI:
    """The app factory each worker process calls (uvicorn --factory): the database from
    FIELDKIT_CENTRAL_DB, the endpoint threads and the GIL switch interval from the settings `serve`
    left in the environment."""
    switch_ms = os.environ.get(SWITCH_ENV)
    if switch_ms:
        sys.setswitchinterval(float(switch_ms) / 1000)
    threads = os.environ.get(THREADS_ENV)
    try:  # a worker without the key-encryption secret stops at once (gunicorn), not at its first answer
        server_key.secret_from_env()
    except server_key.KeySecretError as exc:
        raise SystemExit(f"error: {exc}") from None
    app = limit_threads(create_app(Database(os.environ[DB_ENV])), int(threads) if threads else None)
    heap.settle()  # the collector leaves start-up's objects alone from here (central/heap.py)
    return app


# The key-encryption secret of the test and benchmark harnesses below when none is set (a fixed one,
# so a benchmark's database opens again in the next run). `fieldkit central serve` itself has none.
HARNESS_SECRET = hashlib.sha256(b"fieldkit harness: tests and benches only, never a real server").hexdigest()


def harness_secret(env: Any) -> None:
    if not env.get(server_key.SECRET_ENV) and not env.get(server_key.FILE_ENV):
        env[server_key.SECRET_ENV] = HARNESS_SECRET


def limit_threads(app: FastAPI, threads: int | None) -> FastAPI:
    """Run at most `threads` synchronous endpoints at once in this worker (anyio's default thread
    limiter, 40 unless set), set when the worker's event loop starts."""
    if not threads:
        return app
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(a: Any) -> AsyncIterator[Any]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        async with inner(a) as state:
            yield state

    app.router.lifespan_context = lifespan
    return app


def http_parser() -> Literal["httptools", "h11"]:
    """uvicorn's HTTP parser: httptools (a dependency of the server) when it is installed, else h11.
    httptools takes about a quarter less of the event loop's CPU per request (bench/central_edge.py);
    h11 is the fallback of an install without it."""
    try:
        import httptools  # noqa: F401
    except ImportError:
        return "h11"
    return "httptools"


def config(db: Database, host: str, port: int, threads: int | None = None, **kwargs: Any) -> uvicorn.Config:
    return uvicorn.Config(limit_threads(create_app(db), threads), host=host, port=port, log_level=kwargs.pop("log_level", "warning"),
                          server_header=False, date_header=False, access_log=False, http=http_parser(),
                          timeout_keep_alive=kwargs.pop("timeout_keep_alive", 30), **kwargs)


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8765, log_level: str = "info",
          workers: int = 1, threads: int | None = None, db_pool: int | None = None,
          db_overflow: int | None = None, switch_ms: float | None = None, loop: str = "auto") -> None:
    """Create or upgrade the tables once, then serve with `workers` processes (JSON logs on stderr),
    each running up to `threads` endpoints at once on a pool of `db_pool` (+ `db_overflow`)
    database connections, its GIL switch interval `switch_ms`, on the event loop `loop` (uvicorn's
    "auto": uvloop when it is installed, else asyncio's)."""
    for name, value in ((THREADS_ENV, threads), (POOL_ENV, db_pool), (OVERFLOW_ENV, db_overflow),
                        (SWITCH_ENV, switch_ms)):
        if value is not None:
            os.environ[name] = str(value)
    db = Database(db_url)
    db.create_all()
    db.dispose()
    os.environ[DB_ENV] = db_url
    own_dir = None
    if workers > 1 and not os.environ.get(METRICS_ENV):  # metrics summed over the workers (observe.py)
        own_dir = os.environ[METRICS_ENV] = tempfile.mkdtemp(prefix="fieldkit-metrics-")
    elif os.environ.get(METRICS_ENV):  # a folder given by the operator: start from zero, as prometheus_client asks
        for name in os.listdir(os.environ[METRICS_ENV]):
            if name.endswith(".db"):
                os.unlink(os.path.join(os.environ[METRICS_ENV], name))
    try:
        uvicorn.run(f"{__name__}:app_from_env", factory=True, host=host, port=port, workers=max(1, workers),
                    loop=loop, http=http_parser(), log_level=log_level, log_config=observe.json_logging(log_level), server_header=False,
                    date_header=False, access_log=False, timeout_keep_alive=30,
                    timeout_worker_healthcheck=worker_healthcheck_s())
    finally:
        if own_dir:
            shutil.rmtree(own_dir, ignore_errors=True)


class _PromptServer(uvicorn.Server):
    """uvicorn's server, stopping as soon as it is asked (ServerThread: the tests start and stop a few
    hundred). uvicorn looks at `should_exit` every 0.1 s and, stopping, waits a fixed 0.1 s after asking
    the open connections to close, then polls every 0.1 s: 0.13-0.20 s a stop, measured. Here `wake`
    ends the wait at once and the shutdown polls every 5 ms; what it waits for is uvicorn's (connections
    and tasks gone, listeners closed, the app's lifespan shut down)."""

    _loop: asyncio.AbstractEventLoop | None = None
    _wake: asyncio.Event | None = None

    async def main_loop(self) -> None:
        self._wake = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)

    def wake(self) -> None:
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop has ended already
                loop.call_soon_threadsafe(wake.set)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        try:
            async with asyncio.timeout(self.config.timeout_graceful_shutdown):
                while self.server_state.connections or self.server_state.tasks:
                    await asyncio.sleep(0.005)
        except TimeoutError:
            for task in self.server_state.tasks:
                task.cancel(msg="Task cancelled, timeout graceful shutdown exceeded")
        for server in self.servers:
            await server.wait_closed()
        await self.lifespan.shutdown()


class ServerThread:
    """A real uvicorn server on a loopback port, in a thread. `url` is set once it listens."""

    def __init__(self, db: Database, host: str = "127.0.0.1", port: int = 0, threads: int | None = None):
        self.db = db
        harness_secret(os.environ)  # the app reads the secret from this process's environment
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.host, self.port = self.sock.getsockname()[:2]
        self.url = f"http://{self.host}:{self.port}"
        self.server = _PromptServer(config(db, self.host, self.port, threads))
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
        self.server.wake()
        self.thread.join(timeout=10)
        self.sock.close()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ServerProcess:
    """`fieldkit central serve --workers N` as a real child process on a free loopback port (tests,
    benchmarks). `worker_pids()` lists the worker processes (Linux), e.g. to kill one."""

    def __init__(self, db_url: str, workers: int = 2, log_path: str | None = None,
                 env: dict[str, str] | None = None, extra: list[str] | None = None):
        self.port = free_port()  # kept from other programs until the server binds it (fieldkit/ports.py)
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url, self.workers, self.log_path = db_url, workers, log_path
        self.extra = list(extra or [])  # more `serve` options, e.g. ["--threads", "8"]
        self.env = {**os.environ, **(env or {})}
        self.env.pop(METRICS_ENV, None)
        harness_secret(self.env)
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> ServerProcess:
        import requests

        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "fieldkit", "central", "serve", "--db", self.db_url, "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", str(self.workers), "--log-level", "warning", *self.extra],
            stdout=subprocess.DEVNULL, stderr=log, env=self.env)
        deadline = time.monotonic() + timeout
        first_ok = 0.0
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the central server exited with {self.proc.returncode}")
            try:
                ok = requests.get(self.url + "/healthz", timeout=2).status_code == 200
            except requests.RequestException:
                ok = False
            if ok and self.workers == 1:
                return self
            if ok and len(self.worker_pids()) >= self.workers:
                # every worker answers (with one shared socket one may take all: wait 30 s at most; a
                # worker still importing on a loaded machine took more than 10 s, and a test began with
                # one worker serving where it counts on two)
                first_ok = first_ok or time.monotonic()
                if self._all_answer() or time.monotonic() > first_ok + 30:
                    return self
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the central server did not start")
            time.sleep(0.1)

    def _all_answer(self) -> bool:
        """Every worker answers on fresh connections (a worker still starting is not listening yet, and
        a benchmark started then would give the first worker every connection)."""
        import requests

        seen = set()
        for _ in range(8 * self.workers):
            try:
                with requests.Session() as s:
                    seen.add(s.get(self.url + "/healthz", timeout=2).json().get("pid"))
            except (requests.RequestException, ValueError):
                return False
            if len(seen) >= self.workers:
                return True
        return False

    def worker_pids(self) -> list[int]:
        if self.proc is None:
            return []
        try:
            with open(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children") as f:
                pids = [int(p) for p in f.read().split()]
        except OSError:
            return []
        out = []
        for pid in pids:
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read()
            except OSError:
                continue
            if b"resource_tracker" not in cmd:
                out.append(pid)
        return out

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            for pid in self.worker_pids():
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            self.proc.kill()
            self.proc.wait(timeout=10)

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
