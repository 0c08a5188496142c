"""A fork server for tests that run many `python -m fieldkit ...` commands (tests/test_cli_bad_input.py).

Starting a Python interpreter and importing the command's libraries (Qt, SQLAlchemy, FastAPI,
cryptography...) took 0.4-1.3 s of CPU per command, 156 times. This server imports them once and
then forks one process per command: each command still runs in a process of its own, with its own
environment, working folder, address-space cap, stdin/stdout/stderr (real files) and exit code, and
runs `fieldkit/__main__.py` as `python -m fieldkit` does; what escapes it ends the process as the
interpreter would (SystemExit's code; any other exception: its traceback on stderr and exit 1), after
the atexit functions and a flush of stdout/stderr. What it does not run again is the interpreter's
start, the imports and the interpreter's final clean-up of every module (objects still alive at the end
are not finalized); tests/test_cli_bad_input.py runs a true `python -m fieldkit` for the first case of
each command and compares the two on a few runs.

Protocol (one request at a time, over the socket whose fd number is argv[1]): a JSON line
{"args", "env", "cwd", "stdin", "stdout", "stderr", "timeout", "cap"} -> a JSON line
{"returncode", "timeout"} (returncode is negative for a signal, as subprocess gives it).
"""

from __future__ import annotations

import atexit
import gc
import importlib
import json
import os
import resource
import runpy
import select
import signal
import socket
import sys
import threading
from typing import Any

# Libraries the commands import when they run (lazily): imported once here, before any fork. None of them
# starts a thread or reads FIELDKIT_* settings on import (the fork below refuses to run if a thread exists).
PRELOAD = ("fieldkit.cli", "fieldkit.store.profile", "fieldkit.services.session", "fieldkit.domain.messages",
           "sqlalchemy", "sqlalchemy.orm", "fastapi", "uvicorn", "requests", "psycopg", "serial", "argon2",
           "cryptography.hazmat.primitives.asymmetric.ed25519", "PySide6.QtCore", "PySide6.QtGui",
           "PySide6.QtWidgets")


def _preload() -> None:
    from fieldkit import cli

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional library: the command imports it (or says it is missing) itself
            pass
    for command in cli.COMMANDS:
        cli._load(command)


def _child(request: dict[str, Any], conn: socket.socket) -> None:
    """In the forked process: become the command's process, run fieldkit/__main__.py, and end as the
    interpreter would (see _exit_code), without its clean-up of the modules: that walk over everything the
    server imported took 0.5-1 s a command, longer than the command."""
    try:
        conn.close()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        cap = int(request["cap"])
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        for fd, path, flags in ((0, request["stdin"], os.O_RDONLY),
                                (1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                (2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
            opened = os.open(path, flags, 0o600)
            os.dup2(opened, fd)
            os.close(opened)
        sys.argv = ["fieldkit", *request["args"]]
        sys.path[0] = os.getcwd()  # what `python -m` puts first
    except BaseException:  # noqa: BLE001 - the set-up failed: a distinct code, never the command's
        os._exit(121)
    try:
        runpy.run_module("fieldkit", run_name="__main__", alter_sys=True)
        code = 0
    except BaseException as exc:  # noqa: BLE001 - what the interpreter does with what escapes __main__
        code = _exit_code(exc)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    if code < 0:  # an uncaught Ctrl+C: the interpreter ends by the signal itself
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    os._exit(code)


def _exit_code(exc: BaseException) -> int:
    """The exit status CPython gives an exception that ends the program (Python/pythonrun.c)."""
    if isinstance(exc, SystemExit):
        if exc.code is None:
            return 0
        if isinstance(exc.code, int):
            return exc.code & 0xFF
        print(exc.code, file=sys.stderr)
        return 1
    sys.excepthook(type(exc), exc, exc.__traceback__)
    if isinstance(exc, KeyboardInterrupt):
        return -signal.SIGINT
    return 1


def _wait(pid: int, timeout: float) -> tuple[int, bool]:
    pidfd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([pidfd], [], [], timeout)
        timed_out = not ready
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), timed_out
    finally:
        os.close(pidfd)


def serve(fd: int) -> None:
    _preload()
    gc.collect()
    gc.freeze()  # the forked commands' collections leave the server's objects alone (no copy of their pages)
    conn = socket.socket(fileno=fd)
    reader = conn.makefile("r", encoding="utf-8")
    for line in reader:
        request = json.loads(line)
        threads = len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else 1
        if threads != 1 or threading.active_count() != 1:
            conn.sendall(json.dumps({"error": f"{threads} threads in the fork server"}).encode() + b"\n")
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request, conn)  # never returns
        code, timed_out = _wait(pid, float(request["timeout"]))
        conn.sendall(json.dumps({"returncode": code, "timeout": timed_out}).encode() + b"\n")


if __name__ == "__main__":
    serve(int(sys.argv[1]))
