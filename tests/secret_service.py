"""A real Secret Service for tests: gnome-keyring-daemon in its own D-Bus session, unlocked.

Each `SecretServiceDaemon` is one computer's credential store: its own session bus, its own
keyring files in a temporary HOME. `use()` points this process (and the subprocesses it starts)
at it. Without the binaries a test skips with the reason; in CI (CI=true) it fails instead.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

SCRIPT = ('printf %s "$FK_KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null '
          '&& printf %s "$DBUS_SESSION_BUS_ADDRESS" > "$FK_ADDR.tmp" && mv "$FK_ADDR.tmp" "$FK_ADDR" '
          '&& exec sleep 900')


def require_binaries() -> None:
    missing = [b for b in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(b) is None]
    if not missing:
        return
    why = (f"NO REAL SECRET SERVICE: {', '.join(missing)} not installed (apt-get install gnome-keyring dbus; "
           f"scripts/setup.sh does it)")
    if os.environ.get("CI"):
        pytest.fail(why + " — CI must run this test")
    pytest.skip(why)


class SecretServiceDaemon:
    def __init__(self, home: Path):
        require_binaries()
        home.mkdir(parents=True, exist_ok=True)
        os.chmod(home, 0o700)
        self.home = home
        addr_file = home / "bus-address"
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
               "XDG_RUNTIME_DIR": str(home), "XDG_CONFIG_HOME": str(home / "config"),
               "FK_KEYRING_PW": "test-login-password", "FK_ADDR": str(addr_file)}
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.proc = subprocess.Popen(["dbus-run-session", "--", "sh", "-c", SCRIPT], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 20
        while not addr_file.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                self.stop()
                raise RuntimeError(f"gnome-keyring-daemon did not start: {err[-400:]}")
            time.sleep(0.05)
        self.address = addr_file.read_text().strip()

    def backend(self) -> object:
        from keyring.backends import SecretService

        return SecretService.Keyring()

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        if self.proc.stderr:
            self.proc.stderr.close()


@pytest.fixture
def secret_services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], SecretServiceDaemon]]:
    """A factory: `machine("A")` starts computer A's credential store and makes it this process's."""
    import keyring

    daemons: dict[str, SecretServiceDaemon] = {}
    before = keyring.get_keyring()

    def machine(name: str) -> SecretServiceDaemon:
        if name not in daemons:
            daemons[name] = SecretServiceDaemon(tmp_path / f"machine-{name}")
        d = daemons[name]
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", d.address)
        monkeypatch.setenv("FIELDKIT_CREDENTIALS", "os")
        monkeypatch.setenv("FIELDKIT_SECRETS_DIR", str(tmp_path / f"machine-{name}" / "unused-file-store"))
        keyring.set_keyring(d.backend())  # type: ignore[arg-type]
        return d

    yield machine
    keyring.set_keyring(before)
    for d in daemons.values():
        d.stop()
