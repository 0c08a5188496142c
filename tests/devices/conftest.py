"""Fixtures for the device tests: a real simulator process on a real pseudo-terminal."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@dataclass
class Simulator:
    process: subprocess.Popen[bytes]
    port: str

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return self.process.returncode


def start_simulator(*args: str) -> Simulator:
    cmd = [sys.executable, "-m", "fieldkit", "simulate-meter", *args]
    env = dict(os.environ, PYTHONPATH=ROOT)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 15)
    if not ready:
        proc.kill()
        proc.wait()
        raise RuntimeError("simulator did not print its port")
    line = proc.stdout.readline().decode().strip()
    if not line:
        proc.kill()
        proc.wait()
        raise RuntimeError("simulator exited before printing its port")
    return Simulator(proc, line)


@pytest.fixture
def simulator() -> Iterator[Callable[..., Simulator]]:
    """Factory: ``simulator("--profile", "single-phase", "--fault", "echo")`` -> running Simulator
    serving a pseudo-terminal (``--pty`` is added unless ``--tcp`` is given). Always terminated."""
    started: list[Simulator] = []

    def start(*args: str) -> Simulator:
        if "--tcp" not in args:
            args = ("--pty", *args)
        sim = start_simulator(*args)
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()
