"""What a DLMS meter remembered (load profile and event log), for the supervisor's review:
re-parsed from the reading's raw capture, so the review shows what the technician saw."""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldkit.devices.capture import Capture
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.meter_log import LoadProfile, MeterEvent
from fieldkit.services.review import attachment_bytes
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


def meter_memory(session: Session, sha256: str) -> MeterMemory | None:
    """The load profile and event log in the capture attachment `sha256` (a DLMS reading)."""
    return memory_of_capture(attachment_bytes(session, sha256))
