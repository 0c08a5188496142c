"""The one exception type of the optical-probe code.

Everything in :mod:`fieldkit.devices` that reads bytes from a meter (parsers, the
protocol state machine, the serial driver) reports a failure as :class:`ProtocolError`
and nothing else. Each error carries a stable ``code`` (for logs, tests and the UI) and a
message a technician can act on, in Vietnamese first and English second.
"""

from __future__ import annotations

from fieldkit.domain.messages import Message, Texts

_M = Texts("devices.errors")

# code -> marked text (its Vietnamese in core_vi.ts)
MESSAGES: dict[str, Message] = {
    "NO_ANSWER": _M("The meter does not answer. Check the probe is seated on the optical port."),
    "BCC_FAILED": _M("The data arrived damaged (checksum failed) after several retries. Hold the probe steady and read again."),
    "UNEXPECTED_REPLY": _M("The meter sent an unexpected reply. Check the meter type and the reading profile."),
    "BAD_IDENTIFICATION": _M("The meter's identification message could not be understood."),
    "BAD_DATA": _M("The meter's data could not be parsed."),
    "CONNECTION_LOST": _M("The connection dropped in the middle of the reading. Hold the probe steady and read again."),
    "PASSWORD_REQUIRED": _M("The meter asks for a password. Enter it in the meter profile."),
    "PASSWORD_REJECTED": _M("The meter rejected the password. Check the password."),
    "PORT_ERROR": _M("The probe's port could not be opened. Check the probe is plugged into the computer."),
    "ASSOCIATION_REJECTED": _M("The DLMS meter refused the connection. Check the client address and the reading settings for this meter model."),
    "ACCESS_DENIED": _M("The meter refused this operation (write access). Check the write password for this meter model."),
    "CANCELLED": _M("The reading was cancelled."),
    "BAD_CAPTURE": _M("The raw capture file is not valid."),
}


class ProtocolError(Exception):
    """A reading failed; ``code`` says why, ``message_vi``/``message_en`` tell the user what to do.

    ``detail`` is technical context for logs (never shown as the main message).
    """

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in MESSAGES:
            raise ValueError(f"unknown protocol error code {code!r}")
        self.code = code
        self.message = MESSAGES[code]
        self.detail = detail
        super().__init__(f"{code}: {self.message_en}" + (f" ({detail})" if detail else ""))

    @property
    def message_vi(self) -> str:
        return self.message.text("vi")

    @property
    def message_en(self) -> str:
        return self.message.text("en")

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message_vi": self.message_vi, "message_en": self.message_en,
                "detail": self.detail}
