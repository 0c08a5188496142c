"""What a DLMS meter remembered (load profile and event log), for the supervisor's review:
re-parsed from the reading's raw capture, so the review shows what the technician saw."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal

from fieldkit.devices.capture import Capture
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.meter_log import LoadProfile, MeterEvent, meaning
from fieldkit.domain.models import Reading
from fieldkit.services.review_evidence import attachment_bytes
from fieldkit.services.session import Session


@dataclass(frozen=True)
class MeterMemory:
    serial: str | None
    profile: LoadProfile | None
    events: list[MeterEvent] = field(default_factory=list)


def memory_of_capture(data: bytes) -> MeterMemory | None:
    """None for a mode C capture, or one that does not re-parse (the raw text says why)."""
    from fieldkit.devices.dlms_capture import looks_like_hdlc, parse_capture

    try:
        cap = Capture.from_bytes(data)
        if not looks_like_hdlc(cap.received()):
            return None
        result = parse_capture(cap)
    except ProtocolError:
        return None
    return MeterMemory(result.serial, result.load_profile, list(result.events))


def memory_of_reading(reading: Reading) -> MeterMemory | None:
    """From the reading's own compact fields (when its capture is not on this laptop)."""
    if not reading.events and not reading.load_profile:
        return None
    events = [replace(meaning(code), time=datetime.fromtimestamp(t, UTC) if t is not None else None)
              for t, code in reading.events]
    profile = None
    stored = reading.load_profile
    if stored:
        start, period = int(stored["start"]), int(stored["period"])
        unit = "kWh" if stored.get("unit") == "Wh" else "kvarh"
        profile = LoadProfile(period, [(str(stored.get("obis", "")), unit)], [
            (datetime.fromtimestamp(start + i * period, UTC), [None if v is None else Decimal(v) / 1000])
            for i, v in enumerate(stored.get("values") or [])])
    return MeterMemory(None, profile, events)


def meter_memory(session: Session, sha256: str) -> MeterMemory | None:
    """The load profile and event log in the capture attachment `sha256` (a DLMS reading)."""
    return memory_of_capture(attachment_bytes(session, sha256))
