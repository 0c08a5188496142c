"""HDLC, A-XDR and COSEM encoders/decoders without I/O: known bytes, round trips, errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from fieldkit.devices import axdr, cosem, hdlc
from fieldkit.devices.capture import Capture
from fieldkit.devices.client import ReadOptions, Send, SetBaud
from fieldkit.devices.detect import AutoClient
from fieldkit.devices.dlms_client import DlmsClient, DlmsDone
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.reparse import parse_file_bytes

DATA = Path(__file__).resolve().parents[1] / "data" / "dlms"
CLIENT, SERVER = hdlc.encode_address(16), hdlc.encode_address(1)


def test_crc_and_the_textbook_snrm() -> None:
    assert hdlc.crc16(b"123456789") == 0x906E  # CRC-16/X.25 check value
    snrm = hdlc.Frame(SERVER, CLIENT, hdlc.SNRM | hdlc.POLL).encode()
    assert snrm == bytes.fromhex("7EA0070321930F017E")
    ua = hdlc.Frame(CLIENT, SERVER, hdlc.UA | hdlc.POLL, hdlc.Params(128, 128, 1, 1).encode()).encode()
    frame = hdlc.take_frames(ua).frames[0]
    assert frame.kind == "UA" and hdlc.Params.decode(frame.info) == hdlc.Params(128, 128, 1, 1)


def test_addresses_of_one_two_and_four_bytes() -> None:
    for upper, lower, size in ((1, None, 1), (1, 17, 2), (1, 300, 4), (5000, 12345, 4)):
        raw = hdlc.encode_address(upper, lower)
        assert len(raw) == size and raw[-1] & 1 and not any(b & 1 for b in raw[:-1])
        assert hdlc.decode_address(raw) == (upper, lower)
    with pytest.raises(ValueError):
        hdlc.encode_address(200)


def test_frame_scanning_noise_shared_flags_damage_and_partial() -> None:
    one = hdlc.Frame(CLIENT, SERVER, hdlc.i_control(0, 1), hdlc.LLC_RESPONSE + b"\xc4\x01\xc1\x00\x11\x05").encode()
    two = hdlc.Frame(CLIENT, SERVER, hdlc.rr_control(3)).encode()
    bad = bytearray(one)
    bad[-3] ^= 0xFF
    stream = b"\x00garbage\x7e\x7e" + one + two[1:] + bytes(bad) + two[:6]
    scan = hdlc.take_frames(stream)
    assert [f.kind for f in scan.frames] == ["I", "RR"] and scan.damaged == 1
    assert scan.frames[0].ns == 0 and scan.frames[0].nr == 1 and scan.frames[1].nr == 3
    assert stream[scan.consumed:] == two[:6] or stream[scan.consumed:].endswith(two[:6])
    segmented = hdlc.Frame(CLIENT, SERVER, hdlc.i_control(2, 0), b"x" * 40, segmented=True).encode()
    assert segmented[1] & 0x08 and hdlc.take_frames(segmented).frames[0].segmented


def test_ua_parameters_lenient_group_length_and_refused_sizes() -> None:
    # Gurux 1.0.203 writes a group length of 0 (and a stray byte after the group)
    gurux = bytes.fromhex("818000050180060180070400000001080400000001") + b"\x12"
    assert hdlc.Params.decode(gurux) == hdlc.Params(128, 128, 1, 1)
    with pytest.raises(ProtocolError) as info:
        hdlc.Params.decode(bytes.fromhex("8180030501") + b"\x01")
    assert info.value.code == "BAD_DATA"
    with pytest.raises(ProtocolError):
        hdlc.Params.decode(b"\x81\x81\x00")


@pytest.mark.parametrize("data, value", [
    ("00", None), ("0301", True), ("0300", False), ("0f80", -128), ("11ff", 255), ("10ff38", -200),
    ("12ffff", 65535), ("05ffffffff", -1), ("0600bc614e", 12345678), ("16 1e", 30),
    ("0903414243", b"ABC"), ("0a03414243", "ABC"), ("0c02c3a9", "é"), ("040aff80", "1111111110"),
    ("0102 1101 1102", [1, 2]), ("0202 0f00 161e", (0, 30)), ("1500000000000000ff", 255),
    ("1740490fdb", pytest.approx(3.1415927)), ("09 81 03 414243", b"ABC"),
])
def test_axdr_values(data: str, value: object) -> None:
    assert axdr.decode(bytes.fromhex(data)) == value


@pytest.mark.parametrize("data", ["", "01", "0105", "0902", "0a01ff", "ff", "0f", "010001", "0985ffffffffff",
                                  "01" * 40, "0184ffffffff"])
def test_axdr_errors_are_bad_data(data: str) -> None:
    with pytest.raises(ProtocolError) as info:
        axdr.decode(bytes.fromhex(data))
    assert info.value.code == "BAD_DATA"


def test_cosem_datetime_with_deviation_and_wildcards() -> None:
    local = datetime(2026, 12, 3, 15, 4, 5, tzinfo=timezone(timedelta(hours=7)))
    raw = axdr.datetime_octets(local)
    assert raw[9:11] == (-420 & 0xFFFF).to_bytes(2, "big")  # deviation: minutes local -> UTC... negated
    parsed = axdr.parse_datetime(raw)
    assert parsed == local and axdr.as_utc(parsed) == datetime(2026, 12, 3, 8, 4, 5, tzinfo=UTC)
    naive = axdr.parse_datetime(bytes.fromhex("07ea0b04ff0c0005ff800000"))
    assert naive == datetime(2026, 11, 4, 12, 0, 5) and naive.tzinfo is None
    assert axdr.parse_datetime(bytes.fromhex("ffff0b04ff0c0005ff800000")) is None
    assert axdr.parse_datetime(bytes.fromhex("07ea0d04ff0c0005ff800000")) is None   # month 13
    assert axdr.parse_datetime(b"short") is None


def test_aarq_aare_get_and_scaler() -> None:
    public, lls = cosem.aarq(), cosem.aarq(b"12345678")
    assert public[0] == 0x60 and cosem.parse_aarq(public).password is None
    assert cosem.parse_aarq(lls).password == b"12345678"
    assert cosem.parse_aare(cosem.aare(True)).accepted
    refused = cosem.parse_aare(cosem.aare(False, 13))
    assert not refused.accepted and refused.diagnostic == 13
    attr = cosem.Attribute(3, cosem.obis_bytes("1.0.1.8.0.255"), 2)
    request = cosem.parse_get_request(cosem.get_request(attr))
    assert request.attr == attr and request.access == b""
    assert cosem.parse_response(cosem.get_response_normal(axdr.u32(7))).data == axdr.u32(7)
    assert cosem.parse_response(cosem.get_response_error(4)).error == 4
    block = cosem.parse_response(cosem.get_response_block(3, False, b"\x01\x02"))
    assert (block.block, block.last, block.data) == (3, False, b"\x01\x02")
    assert cosem.scaled(61561289, (0, 30)) == (Decimal("61561.289"), "kWh")
    assert cosem.scaled(2314, (-1, 35)) == (Decimal("231.4"), "V")
    assert cosem.scaled(5, (2, 32)) == (Decimal("0.500"), "kvarh")
    assert cosem.scaled(b"x", (0, 30)) == (None, "kWh")
    assert cosem.short_obis(cosem.obis_bytes("0.0.96.1.0.255")) == "96.1.0"
    assert cosem.short_obis(cosem.obis_bytes("1.0.1.8.0.101")) == "1.8.0*101"
    with pytest.raises(ProtocolError):
        cosem.parse_response(b"\xc4\x07\xc1")


def test_client_asks_again_for_a_damaged_frame_and_resends_a_lost_one() -> None:
    client = DlmsClient(ReadOptions(dlms_objects=("clock",)), direct=True)
    actions = client.start()
    assert isinstance(actions[0], SetBaud) and actions[0].bits == 8
    ua = hdlc.Frame(CLIENT, SERVER, hdlc.UA | hdlc.POLL, hdlc.Params(128, 128, 1, 1).encode()).encode()
    aarq = [a for a in client.receive(ua) if isinstance(a, Send)][0]
    assert hdlc.take_frames(aarq.data).frames[0].kind == "I"
    aare = hdlc.Frame(CLIENT, SERVER, hdlc.i_control(0, 1), hdlc.LLC_RESPONSE + cosem.aare(True)).encode()
    damaged = aare[:-3] + bytes([aare[-3] ^ 1]) + aare[-2:]
    repeat = [a for a in client.receive(damaged) if isinstance(a, Send)]
    assert hdlc.take_frames(repeat[0].data).frames[0].kind == "RR"
    assert hdlc.take_frames(repeat[0].data).frames[0].nr == 0   # N(R) unchanged: send it again
    get = [a for a in client.receive(aare) if isinstance(a, Send)][0]
    frame = hdlc.take_frames(get.data).frames[0]
    assert frame.info.startswith(hdlc.LLC_REQUEST + b"\xc0\x01")
    # the meter's RR does not acknowledge our GET: it is sent again, unchanged
    lost = hdlc.Frame(CLIENT, SERVER, hdlc.rr_control(1)).encode()
    again = [a for a in client.receive(lost) if isinstance(a, Send)]
    assert again and again[0].data == get.data


def test_recorded_dlms_capture_reparses_and_replays() -> None:
    data = (DATA / "dlms-tamper.capture.json").read_bytes()
    expected = json.loads((DATA / "dlms-tamper.expected.json").read_text(encoding="utf-8"))
    result = parse_file_bytes(data)
    assert json.loads(json.dumps(result.to_json())) == expected
    assert result.load_profile is not None and len(result.load_profile.rows) == 24
    assert {"cover_open", "magnetic_field"} <= {e.key for e in result.events if e.tamper}
    # feeding the received chunks to a fresh client gives the same answers
    client = AutoClient(ReadOptions(protocol="dlms", profile_hours=6, profile_tamper_days=0))
    client.start()
    done = None
    for event in Capture.from_bytes(data).events:
        if event.direction == "rx":
            for action in client.receive(event.data):
                if isinstance(action, DlmsDone):
                    done = action
    assert done is not None and len(done.readout.answers) > 30
    # raw received bytes alone are not enough for DLMS
    with pytest.raises(ProtocolError) as info:
        parse_file_bytes(bytes.fromhex("7EA0070321930F017E"))
    assert info.value.code == "BAD_DATA"


def test_clock_setting_writes_corrected_laptop_time_and_reports_a_refusal() -> None:
    laptop = datetime(2026, 12, 3, 8, 0, 0, tzinfo=UTC)
    client = DlmsClient(ReadOptions(set_clock=True, clock_correction=2.0, dlms_password="12345678",
                                    client_address=16, dlms_objects=("clock",)), direct=True, clock=lambda: laptop)
    client.start()
    ua = hdlc.Frame(CLIENT, SERVER, hdlc.UA | hdlc.POLL, hdlc.Params(128, 128, 1, 1).encode()).encode()
    client.receive(ua)
    aare = hdlc.Frame(CLIENT, SERVER, hdlc.i_control(0, 1), hdlc.LLC_RESPONSE + cosem.aare(True)).encode()
    get = [a for a in client.receive(aare) if isinstance(a, Send)][0]
    assert b"\xc0\x01\xc1\x00\x08" in get.data                 # the clock, before
    meter_clock = axdr.octets(axdr.datetime_octets(datetime(2026, 12, 3, 15, 0, 37,
                                                            tzinfo=timezone(timedelta(hours=7)))))
    answer = hdlc.Frame(CLIENT, SERVER, hdlc.i_control(1, 2),
                        hdlc.LLC_RESPONSE + cosem.get_response_normal(meter_clock)).encode()
    written = [a for a in client.receive(answer) if isinstance(a, Send)][0]
    attr, data = cosem.parse_set_request(hdlc.take_frames(written.data).frames[0].info[3:])
    assert attr.class_id == 8 and attr.attribute == 2
    assert axdr.parse_datetime(axdr.decode(data)) == laptop + timedelta(seconds=2)  # in the meter's zone
    refused = hdlc.Frame(CLIENT, SERVER, hdlc.i_control(2, 3), hdlc.LLC_RESPONSE + cosem.set_response(3)).encode()
    with pytest.raises(ProtocolError) as info:
        client.receive(refused)
    assert info.value.code == "ACCESS_DENIED" and "write" in info.value.message_en
    with pytest.raises(ProtocolError) as info:
        DlmsClient(ReadOptions(set_clock=True), direct=True).start()
    assert info.value.code == "PASSWORD_REQUIRED"
