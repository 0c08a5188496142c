"""Raw capture of an exchange: every byte in each direction, with timestamps.

A :class:`Capture` is kept with each reading so that it can be audited and re-parsed
later (``fieldkit parse-telegram``). It serialises to JSON (``to_json``/``from_json``)
or to UTF-8 bytes of that JSON (``to_bytes``/``from_bytes``) for the store's
attachments. Times are seconds since ``started`` (monotonic clock, so they are exact
relative to each other even when the laptop's wall clock is wrong).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fieldkit.devices.errors import ProtocolError

FORMAT = "fieldkit-capture/1"
MAX_SECONDS = 24 * 3600  # a capture is one reading: minutes, never a day
MAX_BAUD = 115200


@dataclass(frozen=True)
class Event:
    t: float        # seconds since the capture started
    direction: str  # "tx" (reader -> meter), "rx" (meter -> reader) or "baud" (line speed change)
    data: bytes     # empty for "baud"
    baud: int       # line speed at that moment (the new one for "baud")


@dataclass
class Capture:
    port: str = ""
    started: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="milliseconds"))
    events: list[Event] = field(default_factory=list)
    _t0: float = field(default_factory=time.monotonic, repr=False, compare=False)

    def _now(self) -> float:
        return round(time.monotonic() - self._t0, 6)

    def tx(self, data: bytes, baud: int) -> None:
        if data:
            self.events.append(Event(self._now(), "tx", bytes(data), baud))

    def rx(self, data: bytes, baud: int) -> None:
        if data:
            self.events.append(Event(self._now(), "rx", bytes(data), baud))

    def baud(self, baud: int) -> None:
        self.events.append(Event(self._now(), "baud", b"", baud))

    def received(self) -> bytes:
        return b"".join(e.data for e in self.events if e.direction == "rx")

    def sent(self) -> bytes:
        return b"".join(e.data for e in self.events if e.direction == "tx")

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "port": self.port,
            "started": self.started,
            "events": [
                {"t": e.t, "dir": e.direction, "baud": e.baud, "hex": e.data.hex()} for e in self.events
            ],
        }

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_json(cls, obj: Any) -> Capture:
        try:
            if not isinstance(obj, dict) or obj.get("format") != FORMAT:
                raise ValueError("not a capture")
            events = []
            if not isinstance(obj["events"], list):
                raise ValueError("events is not a list")
            for item in obj["events"]:
                direction = item["dir"]
                if direction not in ("tx", "rx", "baud"):
                    raise ValueError(f"bad direction {direction!r}")
                t, baud, hex_text = item["t"], item["baud"], item["hex"]
                if isinstance(t, bool) or not isinstance(t, int | float) or not 0 <= t <= MAX_SECONDS:
                    raise ValueError(f"bad time {str(t)[:20]!r}")
                if isinstance(baud, bool) or not isinstance(baud, int) or not 0 <= baud <= MAX_BAUD:
                    raise ValueError(f"bad baud {str(baud)[:20]!r}")
                if not isinstance(hex_text, str):
                    raise ValueError("hex is not text")
                events.append(Event(float(t), str(direction), bytes.fromhex(hex_text), baud))
            return cls(port=str(obj.get("port", ""))[:200], started=str(obj.get("started", ""))[:40], events=events)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            raise ProtocolError("BAD_CAPTURE", str(exc)[:100]) from None

    @classmethod
    def from_bytes(cls, data: bytes) -> Capture:
        try:
            obj = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ProtocolError("BAD_CAPTURE", str(exc)[:100]) from None
        return cls.from_json(obj)

    def wire_time(self) -> float:
        """Seconds the captured bytes needed on the wire (10 bits per character at their baud)."""
        return sum(len(e.data) * 10 / e.baud for e in self.events if e.data and e.baud > 0)
