"""Is the central server reachable? A Qt-free probe callable the status bar calls off the
UI thread. Sync (a colleague's work) will inject a real one; tests inject their own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Connectivity:
    online: bool
    reason: str = ""  # "no_server": no server address set; "not_checked": set, but nothing checks it yet


Probe = Callable[[], Connectivity]


def settings_probe(server_url: Callable[[], str]) -> Probe:
    """The default: offline, and say why. No network call is made yet."""

    def probe() -> Connectivity:
        if not server_url().strip():
            return Connectivity(False, "no_server")
        return Connectivity(False, "not_checked")

    return probe


def session_probe(session_of: Callable[[], object | None], server_url: Callable[[], str]) -> Probe:
    """The real probe: asks the configured central server (through fieldkit.services.sync)
    whether it answers. Called off the UI thread by the status bar."""

    def probe() -> Connectivity:
        from fieldkit.services import sync
        from fieldkit.services.session import Session

        session = session_of()
        if not isinstance(session, Session):
            return Connectivity(False, "no_server" if not server_url().strip() else "not_checked")
        if not (sync.server_url(session) or server_url().strip()):
            return Connectivity(False, "no_server")
        try:
            return Connectivity(sync.probe(session, timeout=4.0), "unreachable")
        except Exception:  # a probe never breaks the status bar
            return Connectivity(False, "unreachable")

    return probe
