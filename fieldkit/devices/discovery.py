"""Find the optical probe: serial ports, known USB-serial chips, and the last port chosen.

The optical probes sold for meter reading are USB-serial adapters built on a handful of
chips; we recognise them by USB vendor:product id. When several candidates are present
the caller (the UI or ``fieldkit probes``) lets the user pick, and remembers the choice
with :func:`remember_port` in a small JSON file the caller names (the app passes a file
in its profile folder).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

# (vid, pid) -> chip
KNOWN_CHIPS: dict[tuple[int, int], str] = {
    (0x0403, 0x6001): "FTDI FT232R",
    (0x0403, 0x6010): "FTDI FT2232",
    (0x0403, 0x6011): "FTDI FT4232",
    (0x0403, 0x6014): "FTDI FT232H",
    (0x0403, 0x6015): "FTDI FT-X",
    (0x1A86, 0x7523): "WCH CH340",
    (0x1A86, 0x7522): "WCH CH340K",
    (0x1A86, 0x5523): "WCH CH341",
    (0x1A86, 0x55D4): "WCH CH9102",
    (0x10C4, 0xEA60): "Silicon Labs CP210x",
    (0x10C4, 0xEA70): "Silicon Labs CP2105",
    (0x10C4, 0xEA71): "Silicon Labs CP2108",
    (0x067B, 0x2303): "Prolific PL2303",
    (0x067B, 0x23A3): "Prolific PL2303GC",
    (0x067B, 0x23C3): "Prolific PL2303GT",
    (0x067B, 0x23D3): "Prolific PL2303GL",
}
KNOWN_VENDORS = {0x0403: "FTDI", 0x1A86: "WCH", 0x10C4: "Silicon Labs", 0x067B: "Prolific"}


@dataclass(frozen=True)
class Candidate:
    device: str          # what to pass to read_meter (e.g. /dev/ttyUSB0, COM4)
    description: str
    chip: str | None     # recognised probe chip, None for other ports
    vid: int | None
    pid: int | None
    serial_number: str | None

    @property
    def likely_probe(self) -> bool:
        return self.chip is not None


def classify(vid: int | None, pid: int | None) -> str | None:
    if vid is None:
        return None
    if pid is not None and (vid, pid) in KNOWN_CHIPS:
        return KNOWN_CHIPS[(vid, pid)]
    vendor = KNOWN_VENDORS.get(vid)
    return f"{vendor} (unknown model)" if vendor else None


def candidates(include_all: bool = False) -> list[Candidate]:
    """Serial ports, recognised probe chips first. Other ports only with ``include_all``."""
    from serial.tools import list_ports

    found: list[Candidate] = []
    for info in list_ports.comports():
        chip = classify(info.vid, info.pid)
        if chip is None and not include_all:
            continue
        found.append(Candidate(info.device, info.description or "", chip, info.vid, info.pid,
                               info.serial_number))
    found.sort(key=lambda c: (c.chip is None, c.device))
    return found


def load_last_port(path: str | os.PathLike[str]) -> str | None:
    """The port remembered in ``path``, or None (missing or damaged file)."""
    try:
        data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    port = data.get("last_port") if isinstance(data, dict) else None
    return port if isinstance(port, str) and port else None


def remember_port(path: str | os.PathLike[str], port: str, candidate: Candidate | None = None) -> None:
    """Remember ``port`` as the last choice (atomic write: a crash never leaves half a file)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {"last_port": port}
    if candidate is not None:
        data["candidate"] = asdict(candidate)
    fd, tmp = tempfile.mkstemp(prefix=".probe-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def preferred(found: list[Candidate], last: str | None) -> Candidate | None:
    """The candidate to offer first: the remembered one if present, else the only probe."""
    for cand in found:
        if cand.device == last:
            return cand
    probes = [c for c in found if c.likely_probe]
    return probes[0] if len(probes) == 1 else None
