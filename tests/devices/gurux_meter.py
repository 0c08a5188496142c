"""An independent DLMS meter for tests: the Gurux server (gurux-dlms, GPLv2, dev extra only,
never shipped) behind a pseudo-terminal, HDLC directly.

``python tests/devices/gurux_meter.py [--password P]`` prints the pty path, then serves
until killed (or its parent dies). Objects: logical device name, serial, firmware, clock,
billing registers with scaler/unit, an event log and a 15-minute load profile (Gurux
answers selective access by range itself). None of our DLMS code is used here.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import os
import select
import signal
import sys
import tty
from types import SimpleNamespace

from gurux_dlms import GXByteBuffer, GXDateTime, GXDLMSServer, GXServerReply
from gurux_dlms.enums import Authentication, DataType, InterfaceType, SourceDiagnostic, Unit
from gurux_dlms.internal._GXCommon import _GXCommon
from gurux_dlms.internal._GXDataInfo import _GXDataInfo
from gurux_dlms.objects import (
    GXDLMSAssociationLogicalName,
    GXDLMSCaptureObject,
    GXDLMSClock,
    GXDLMSData,
    GXDLMSProfileGeneric,
    GXDLMSRegister,
)
from gurux_dlms.ValueEventArgs import ValueEventArgs


class Reply(GXServerReply):  # type: ignore[misc]
    """gurux-dlms 1.0.203's server calls ``setReply`` and ``getConnectionInfo``, which its
    GXServerReply lacks."""

    def setReply(self, value: object) -> None:  # noqa: N802
        self.reply = value

    def getConnectionInfo(self) -> object:  # noqa: N802
        return self.connectionInfo


# gurux-dlms 1.0.203's profile generic asks its event arguments for getRowEndIndex()
ValueEventArgs.getRowEndIndex = lambda self: self.rowEndIndex


def _stamp(value: object) -> float:
    moment = value.value if isinstance(value, GXDateTime) else value
    assert isinstance(moment, dt.datetime)
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).timestamp()


class Profile(GXDLMSProfileGeneric):  # type: ignore[misc]
    """gurux-dlms 1.0.203 compares a datetime with 0 when it selects rows by range; this
    does the same selection with a working comparison (Gurux still encodes the answer)."""

    def _GXDLMSProfileGeneric__getProfileGenericData(self, settings: object, e: ValueEventArgs) -> object:  # noqa: N802
        if e.selector != 1 or e.parameters is None or e.rowEndIndex != 0:
            return self.getData(settings, e, self.buffer, None)
        bounds = []
        for raw in (e.parameters[1], e.parameters[2]):
            info = _GXDataInfo()
            info.type_ = DataType.DATETIME
            bounds.append(_stamp(_GXCommon.getData(settings, GXByteBuffer(raw), info).value))
        rows = [row for row in self.buffer if bounds[0] <= _stamp(row[0]) <= bounds[1]]
        return self.getData(settings, e, rows, None)  # selected_values empty: every column


START = dt.datetime(2026, 11, 1, 0, 0, tzinfo=dt.UTC)
ROWS = 96 * 3


class Meter(GXDLMSServer):  # type: ignore[misc]
    def __init__(self, password: str | None) -> None:
        association = GXDLMSAssociationLogicalName()
        if password is not None:
            association.authentication = Authentication.LOW
            association.secret = password.encode()
        super().__init__(True, InterfaceType.HDLC)
        # gurux-dlms 1.0.203's SNRM handling reads attributes of an HDLC setup object under
        # two sets of names and calls a method its settings class names ``_update``
        self.hdlc = SimpleNamespace(maximumInfoLengthReceive=128, maximumInfoLengthTransmit=128,
                                    windowSizeReceive=1, windowSizeTransmit=1, maxInfoTX=128, maxInfoRX=128,
                                    windowSizeTX=1, windowSizeRX=1, inactivityTimeout=0)
        self.settings.hdlc.update = lambda _other: None
        self.password = password
        self.items.append(association)
        for ln, value in (("0.0.42.0.0.255", b"GXS0099887766"), ("0.0.96.1.0.255", b"99887766"),
                          ("1.0.0.2.0.255", b"GURUX 1.0")):
            data = GXDLMSData(ln)
            data.value = value
            data.setDataType(2, DataType.OCTET_STRING)
            self.items.append(data)
        self.clock = GXDLMSClock()
        self.clock.time = GXDateTime(dt.datetime(2026, 11, 4, 12, 0, 5))
        self.items.append(self.clock)
        for ln, value, unit in (("1.0.1.8.0.255", 12_345_678, Unit.ACTIVE_ENERGY),
                                ("1.0.1.8.1.255", 10_000_000, Unit.ACTIVE_ENERGY),
                                ("1.0.3.8.0.255", 4_321_000, Unit.REACTIVE_ENERGY)):
            register = GXDLMSRegister(ln)
            register.value = value
            register.setDataType(2, DataType.UINT32)
            register.scaler = 1
            register.unit = unit
            self.items.append(register)
        code = GXDLMSData("0.0.96.11.0.255")
        code.value = 0
        code.setDataType(2, DataType.UINT8)
        self.items.append(code)
        events = Profile("0.0.99.98.0.255")
        events.captureObjects.append((self.clock, GXDLMSCaptureObject(2, 0)))
        events.captureObjects.append((code, GXDLMSCaptureObject(2, 0)))
        events.buffer = [[GXDateTime(dt.datetime(2026, 11, 2, 3, 4, 5)), 44],
                         [GXDateTime(dt.datetime(2026, 11, 2, 3, 9, 0)), 45],
                         [GXDateTime(dt.datetime(2026, 11, 3, 1, 0, 0)), 1]]
        self.items.append(events)
        energy = GXDLMSRegister("1.0.1.29.0.255")
        energy.value = 0
        energy.setDataType(2, DataType.UINT32)
        energy.scaler = 1
        energy.unit = Unit.ACTIVE_ENERGY
        self.items.append(energy)
        profile = Profile("1.0.99.1.0.255")
        profile.capturePeriod = 900
        profile.captureObjects.append((self.clock, GXDLMSCaptureObject(2, 0)))
        profile.captureObjects.append((energy, GXDLMSCaptureObject(2, 0)))
        profile.buffer = [[GXDateTime(START + dt.timedelta(minutes=15 * (i + 1))), 1000 + i] for i in range(ROWS)]
        profile.entriesInUse = len(profile.buffer)
        self.items.append(profile)
        for item in self.items:
            association.objectList.append(item)
        self.initialize()

    # the server's hooks: plain answers
    def isTarget(self, serverAddress: int, clientAddress: int) -> bool:  # noqa: N802,N803
        return True

    def onValidateAuthentication(self, authentication: int, password: bytes) -> int:  # noqa: N802
        if self.password is None or (authentication == Authentication.LOW
                                     and bytes(password) == self.password.encode()):
            return SourceDiagnostic.NONE
        return SourceDiagnostic.AUTHENTICATION_FAILURE

    def onFindObject(self, objectType: int, sn: int, ln: str) -> None:  # noqa: N802,N803
        return None

    def onPreRead(self, *args: object) -> None:  # noqa: N802
        pass

    def notifyRead(self, *args: object) -> None:  # noqa: N802 - called by the library, not defined there
        pass

    def onPostRead(self, *args: object) -> None:  # noqa: N802
        pass

    def onPreWrite(self, *args: object) -> None:  # noqa: N802
        pass

    def onPostWrite(self, *args: object) -> None:  # noqa: N802
        pass

    def onPreGet(self, *args: object) -> None:  # noqa: N802
        pass

    def onPostGet(self, *args: object) -> None:  # noqa: N802
        pass

    def onPreAction(self, *args: object) -> None:  # noqa: N802
        pass

    def onPostAction(self, *args: object) -> None:  # noqa: N802
        pass

    def onConnected(self, connectionInfo: object) -> None:  # noqa: N802,N803
        pass

    def onInvalidConnection(self, connectionInfo: object) -> None:  # noqa: N802,N803
        pass

    def onDisconnected(self, connectionInfo: object) -> None:  # noqa: N802,N803
        pass

    def onGetAttributeAccess(self, arg: object) -> int:  # noqa: N802
        return 1  # read only

    def onGetMethodAccess(self, arg: object) -> int:  # noqa: N802
        return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--password")
    args = parser.parse_args()
    try:
        libc = ctypes.CDLL(None)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    meter = Meter(args.password)
    master, slave = os.openpty()
    tty.setraw(slave)
    tty.setraw(master)
    print(os.ttyname(slave), flush=True)
    parent = os.getppid()
    while os.getppid() == parent:
        ready, _, _ = select.select([master], [], [], 0.2)
        if not ready:
            continue
        data = os.read(master, 4096)
        reply = Reply(data)
        meter.handleRequest(reply)
        if reply.reply:
            os.write(master, bytes(reply.reply))
    return 0


if __name__ == "__main__":
    sys.exit(main())
