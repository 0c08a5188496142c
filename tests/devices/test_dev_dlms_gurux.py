"""Our DLMS client against a meter we did not write: the Gurux server (gurux-dlms, GPLv2,
dev extra only) on a pseudo-terminal (tests/devices/gurux_meter.py), HDLC directly."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from fieldkit.devices import hdlc
from fieldkit.devices.client import ReadOptions
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.reparse import parse_file_bytes
from fieldkit.devices.transport import read_meter

pytest.importorskip("gurux_dlms")
HERE = os.path.dirname(os.path.abspath(__file__))
HDLC = ReadOptions(protocol="hdlc", answer_timeout=1.0, profile_tamper_days=0)


def start(*args: str) -> tuple[subprocess.Popen[bytes], str]:
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "gurux_meter.py"), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    port = proc.stdout.readline().decode().strip()
    assert port.startswith("/dev/"), port
    return proc, port


@pytest.fixture
def gurux() -> Iterator[list[subprocess.Popen[bytes]]]:
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for proc in procs:
        proc.terminate()
        proc.wait(5)


def test_read_an_independent_dlms_meter(gurux: list[subprocess.Popen[bytes]]) -> None:
    proc, port = start()
    gurux.append(proc)
    result = read_meter(port, HDLC)
    assert result.protocol == "dlms"
    assert result.serial == "99887766" and result.firmware == "GURUX 1.0"
    assert result.manufacturer == "GXS"
    assert result.meter_time == datetime(2026, 11, 4, 12, 0, 5, tzinfo=UTC)
    assert result.registers["1.8.0"] == (Decimal("12345.678"), "kWh")
    assert result.registers["3.8.0"] == (Decimal("4321.000"), "kvarh")
    # objects this meter lacks are reported, the rest of the reading stays
    assert "1.0.1.8.2.255/2: object-undefined" in result.bad_lines
    assert [(e.key, e.tamper) for e in result.events] == [
        ("cover_open", True), ("cover_closed", False), ("power_down", False)]
    # load profile: Gurux selects by range (the 24 h before the meter's clock) and
    # segments its answer into 128-byte HDLC frames
    profile = result.load_profile
    assert profile is not None and profile.period == 900
    assert len(profile.rows) == 48 and profile.columns == [("1.29.0", "kWh")]
    first = profile.rows[0]
    assert first[0] == datetime(2026, 11, 3, 12, 0, tzinfo=UTC) + timedelta(minutes=15)
    assert first[1] == [Decimal("1.240")]  # row i holds 1000 + i Wh
    assert result.capture is not None
    assert sum(f.segmented for f in hdlc.take_frames(result.capture.received()).frames) >= 5
    again = parse_file_bytes(result.capture.to_bytes())
    assert again.registers == result.registers and again.load_profile is not None
    assert again.load_profile.rows == profile.rows
    # by default the profile is also read a day either side of the cover being opened (2/11 03:04)
    evidence = read_meter(port, ReadOptions(protocol="hdlc", answer_timeout=1.0, dlms_objects=("clock", "events",
                                                                                               "profile")))
    assert evidence.load_profile is not None and len(evidence.load_profile.rows) == 48 + 192
    times = [t for t, _ in evidence.load_profile.rows if t is not None]
    assert times == sorted(times) and times[0] == datetime(2026, 11, 1, 3, 15, tzinfo=UTC)


def test_lls_password_against_an_independent_meter(gurux: list[subprocess.Popen[bytes]]) -> None:
    proc, port = start("--password", "ABCDEFGH")
    gurux.append(proc)
    with pytest.raises(ProtocolError) as info:
        read_meter(port, ReadOptions(protocol="hdlc", answer_timeout=1.0, dlms_password="WRONG123",
                                     dlms_objects=("identity",)))
    assert info.value.code == "PASSWORD_REJECTED"
    result = read_meter(port, ReadOptions(protocol="hdlc", answer_timeout=1.0, dlms_password="ABCDEFGH",
                                          dlms_objects=("identity", "clock")))
    assert result.serial == "99887766"
