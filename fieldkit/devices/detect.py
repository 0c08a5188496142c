"""Meter type detection: one sans-I/O client that reads a meter in mode C or DLMS.

``ReadOptions.protocol``:

* ``"auto"`` (default) -- sign on as IEC 62056-21 does. An identification that offers
  protocol mode E (``\\2``) continues in DLMS/HDLC; if the meter then does not answer SNRM
  it is read in mode C after its inactivity time. No identification at all: one try of
  HDLC directly at ``hdlc_baud`` (meters whose optical port speaks only HDLC).
* ``"iec"`` -- mode A/B/C only; ``"dlms"`` -- mode E sign-on then HDLC; ``"hdlc"`` -- HDLC directly.

The technician never picks one; settings can force it per meter model.
"""

from __future__ import annotations

from dataclasses import replace

from fieldkit.devices.client import Client, Handover, Pause, Progress, ReadOptions, Send, SetBaud
from fieldkit.devices.dlms_client import DlmsClient, Fallback
from fieldkit.devices.errors import ProtocolError

PROTOCOLS = ("auto", "iec", "dlms", "hdlc")


class AutoClient:
    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()
        if self.options.protocol not in PROTOCOLS:
            raise ProtocolError("UNEXPECTED_REPLY", f"unknown protocol {self.options.protocol!r}")
        self.inner: Client | DlmsClient
        if self.options.protocol == "hdlc":
            self.inner = DlmsClient(self.options, direct=True)
        else:
            self.inner = Client(self.options)
        self.tried_direct = False
        self.fell_back = False

    @property
    def protocol(self) -> str:
        return "dlms" if isinstance(self.inner, DlmsClient) else "iec62056-21"

    @property
    def finished(self) -> bool:
        return self.inner.finished

    @property
    def timeouts(self) -> tuple[float, float]:
        return self.inner.timeouts

    @property
    def waiting_for_first_byte(self) -> bool:
        return self.inner.waiting_for_first_byte

    def start(self) -> list[object]:
        return self._follow(list(self.inner.start()))

    def receive(self, data: bytes) -> list[object]:
        return self._follow(list(self.inner.receive(data)))

    def timed_out(self) -> list[object]:
        try:
            return self._follow(list(self.inner.timed_out()))
        except ProtocolError as exc:
            inner = self.inner
            silent = isinstance(inner, Client) and inner.state == "ident" and inner._total_received == 0
            if exc.code != "NO_ANSWER" or self.options.protocol != "auto" or self.tried_direct or not silent:
                raise
            # nothing answered the sign-on: perhaps a meter whose optical port speaks only HDLC
            self.tried_direct = True
            self.inner = DlmsClient(self.options, direct=True, snrm_retries=0)
            return self._follow(list(self.inner.start()))

    def abort(self) -> list[Send]:
        return self.inner.abort()

    def _follow(self, actions: list[object]) -> list[object]:
        out: list[object] = []
        for action in actions:
            if isinstance(action, Handover):
                # automatic: a mode C meter that (wrongly) offers mode E costs one SNRM retry only
                dlms = DlmsClient(self.options, snrm_retries=1 if self.options.protocol == "auto" else None)
                self.inner = dlms
                out.extend(dlms.after_identification(action.identification, action.total_received))
                if action.rest:
                    out.extend(self._follow(list(dlms.receive(action.rest))))
            elif isinstance(action, Fallback):
                # HDLC did not answer after mode E: back to 300 baud 7E1 once the meter has
                # given up, and read it in mode C
                self.fell_back = True
                self.inner = Client(replace(self.options, protocol="iec"))
                out.extend([Progress("recovering", action.total_received, None),
                            Pause(self.options.inactivity_time), SetBaud(300, 7), *self.inner.start()])
            else:
                out.append(action)
        return out
