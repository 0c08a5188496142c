"""What a technician reads when a tamper event's consumption cannot be compared (words only).

The reasons come from :func:`fieldkit.devices.meter_log.consumption_check`; the Vietnamese is in
resources/translations/tamper_vi.ts."""

from __future__ import annotations

from fieldkit.devices.meter_log import FORWARD_OR_GAP
from fieldkit.domain.messages import Localised, Message, Texts

_M = Texts("services.meter_log")


def unclear_text(reason: str, event: Localised, day: str, hour: str) -> Message | None:
    """The words for `reason` (None: the reading's general "the clock was changed" text applies)."""
    if reason == FORWARD_OR_GAP:
        return _M("The meter's load profile jumps ahead around the event “{event}” ({day} at {hour}): a power "
                  "cut or the meter's clock set forward without a log entry; consumption before and after it "
                  "cannot be compared.", event=event, day=day, hour=hour)
    return None
