"""NMEA 0183 parser with real sentences (GGA/RMC), checksum errors, and a serial-like reader."""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime

import pytest

from fieldkit.devices.nmea import NmeaError, parse_sentence, position_from_fix, read_fix, read_serial_fix

GGA = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47"
RMC = "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A"
RMC_VN = "$GNRMC,083559.00,A,2032.47200,N,10603.12600,E,0.004,77.52,091202,,,A*4A"  # Nhân Hà area
NO_FIX = "$GNGGA,,,,,,0,00,99.99,,,,,,*56"
RMC_VOID = "$GPRMC,,V,,,,,,,,,,N*53"
GSV = "$GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00*74"


def test_gga() -> None:
    fix = parse_sentence(GGA + "\r\n")
    assert fix.kind == "GGA" and fix.valid
    assert fix.lat == pytest.approx(48 + 7.038 / 60) and fix.lon == pytest.approx(11 + 31 / 60)
    assert (fix.quality, fix.satellites, fix.hdop, fix.altitude_m, fix.time_utc) == (1, 8, 0.9, 545.4, "123519")


def test_rmc_with_date_and_southern_western_hemispheres() -> None:
    fix = parse_sentence(RMC.encode())
    assert fix.valid and fix.when == datetime(1994, 3, 23, 12, 35, 19, tzinfo=UTC)
    vn = parse_sentence(RMC_VN)
    assert vn.lat == pytest.approx(20.541200) and vn.lon == pytest.approx(106.0521)
    assert position_from_fix(vn) == {"lat": 20.5412, "lon": 106.0521, "source": "nmea"}
    body = "GPGGA,010203,3351.000,S,15112.000,W,1,05,1.2,10.0,M,,M,,"
    from fieldkit.devices.nmea import checksum
    south = parse_sentence(f"${body}*{checksum(body):02X}")
    assert south.lat == pytest.approx(-33.85) and south.lon == pytest.approx(-151.2)


def test_no_fix_sentences_are_not_valid() -> None:
    assert not parse_sentence(NO_FIX).valid
    assert not parse_sentence(RMC_VOID).valid


@pytest.mark.parametrize(("line", "message"), [
    (GGA[:-2] + "48", "checksum mismatch: sentence says 48, computed 47"),
    (GGA.replace("4807.038", "4807.039"), "checksum mismatch"),
    (GGA.split("*")[0], "no checksum"),
    (GGA[:-2] + "ZZ", "bad checksum field"),
    ("GPGGA,123519*47", "not an NMEA sentence"),
    (GSV, "is not used"),
    ("", "not an NMEA sentence"),
])
def test_broken_sentences(line: str, message: str) -> None:
    with pytest.raises(NmeaError, match=message):
        parse_sentence(line)


def test_bad_fields_with_a_good_checksum() -> None:
    from fieldkit.devices.nmea import checksum
    for body, message in [("GPGGA,1,48x7.0,N,01131.000,E,1,08,0.9,545.4,M,,M,,", "bad coordinate"),
                          ("GPGGA,1,4875.0,N,01131.000,E,1,08,0.9,545.4,M,,M,,", "bad coordinate"),
                          ("GPGGA,1,4807.0,Q,01131.000,E,1,08,0.9,545.4,M,,M,,", "bad coordinate"),
                          ("GPGGA,1,4807.0,N", "too short"),
                          ("GPRMC,123519,A,4807.038,N,01131.000,E,0,0,320394,,", "bad date")]:
        with pytest.raises(NmeaError, match=message):
            parse_sentence(f"${body}*{checksum(body):02X}")


def test_read_fix_skips_noise_until_a_valid_fix() -> None:
    lines = [b"\x00\xff garbage", GSV, NO_FIX, GGA[:-2] + "00", RMC_VOID, RMC_VN, GGA]
    fix = read_fix(lines)
    assert fix is not None and fix.kind == "RMC" and fix.lat == pytest.approx(20.5412)
    assert read_fix([NO_FIX, GSV]) is None


def test_read_from_a_pseudo_terminal() -> None:
    """The serial path with a real tty: a fake receiver writes sentences at 4800 baud framing."""
    master, slave = os.openpty()
    name = os.ttyname(slave)
    data = f"{GSV}\r\n{NO_FIX}\r\n{RMC_VN}\r\n".encode()
    writer = threading.Timer(0.2, lambda: os.write(master, data))
    writer.start()
    try:
        fix = read_serial_fix(name, timeout=5)
    finally:
        writer.join()
        os.close(master)
        os.close(slave)
    assert fix is not None and fix.lon == pytest.approx(106.0521)
