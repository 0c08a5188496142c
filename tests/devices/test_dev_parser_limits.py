"""The telegram parser is linear and strict: adversarial input is refused fast, with the documented error."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.devices.bcc import bcc
from fieldkit.devices.datasets import parse_line
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.framing import data_message
from fieldkit.devices.reparse import MAX_INPUT, frames, parse_file_bytes, parse_stream

IDENT = b"/ABC5METER\r\n"
GOOD = IDENT + data_message("1.8.0(001234.5*kWh)\r\n0.9.1(120000)\r\n!\r\n")


def _error(data: bytes) -> ProtocolError:
    with pytest.raises(ProtocolError) as info:
        parse_file_bytes(data)
    return info.value


def _timed(data: bytes) -> float:
    # CPU time of this thread: what the parser costs, not what other processes on a busy
    # build machine take from it
    t0 = time.thread_time()
    try:
        parse_file_bytes(data)
    except ProtocolError:
        pass
    return time.thread_time() - t0


ADVERSARIAL = {
    # STX ... ETX with a wrong BCC: every STX is a candidate start running to the same far ETX
    "stx-flood-bad-bcc": IDENT + b"\x02" * 1_000_000 + b"\x03\x7f",
    "soh-stx-mix": IDENT + b"\x01\x02" * 500_000 + b"\x04\x00",
    "stx-no-end": IDENT + b"\x02" * 1_000_000,
    "frames-all-bad": IDENT + (b"\x02A\x03\x00") * 250_000,
    "ident-flood": b"/" * 1_000_000,
    "stx-a-c-periods": IDENT + b"\x02AC" * 333_334 + b"\x03\x00",
    "good-frames": IDENT + data_message("1.8.0(001234.5*kWh)\r\n!\r\n") * 37_100,
}


def test_more_data_sets_than_one_readout_is_refused():
    assert _error(ADVERSARIAL["good-frames"]).code == "BAD_DATA"
    assert parse_stream(GOOD).values["1.8.0"].as_text() == "1234.5"


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_a_megabyte_of_adversarial_input_is_parsed_in_well_under_a_second(name: str):
    data = ADVERSARIAL[name]
    assert len(data) >= 1_000_000
    assert _timed(data) < 1.0


def test_scanning_time_grows_linearly():
    small = IDENT + b"\x02" * 100_000 + b"\x03\x7f"
    big = IDENT + b"\x02" * 1_000_000 + b"\x03\x7f"
    t_small = min(_timed(small) for _ in range(3))
    t_big = min(_timed(big) for _ in range(3))
    assert t_big < 30 * t_small + 0.05  # 10x the input; quadratic would be 100x


def test_every_bad_bcc_block_is_still_rejected():
    body = b"1.8.0(001234.5*kWh)\r\n!\r\n\x03"
    right = bcc(body)
    for wrong in range(256):
        stream = IDENT + b"\x02" + body + bytes([wrong])
        found = frames(stream[len(IDENT):])
        assert [ok for _s, _b, ok in found if ok] == ([True] if wrong == right else [])
        if wrong != right:
            assert _error(stream).code == "BAD_DATA"
    assert parse_stream(IDENT + b"\x02" + body + bytes([right])).values["1.8.0"].as_text() == "1234.5"


def test_a_good_frame_after_a_damaged_one_is_found():
    damaged = b"\x02" + b"1.8.0(9" + b"\x03" + b"\x00"
    good = data_message("1.8.0(000001.0*kWh)\r\n!\r\n")
    result = parse_stream(IDENT + damaged + good)
    assert result.values["1.8.0"].as_text() == "1.0"


@pytest.mark.parametrize("ch", [0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x7F])
def test_control_characters_inside_a_data_set_are_rejected(ch: int):
    line = f"1.8.0(12{chr(ch)}34*kWh)"
    with pytest.raises(ProtocolError) as info:
        parse_line(line)
    assert info.value.code == "BAD_DATA"
    assert _error(IDENT + data_message(line + "\r\n!\r\n")).code == "BAD_DATA"


def _capture(event: dict[str, object]) -> bytes:
    return json.dumps({"format": "fieldkit-capture/1", "events": [event]}).encode()


@pytest.mark.parametrize("data", [
    _capture({"t": 0, "dir": "rx", "baud": 1, "hex": ""}).replace(b'"baud": 1', b'"baud": 1e400'),
    _capture({"t": 0, "dir": "rx", "baud": 1, "hex": ""}).replace(b'"t": 0', b'"t": ' + b"9" * 400),
    _capture({"t": 0, "dir": "rx", "baud": 1, "hex": ""}).replace(b'"t": 0', b'"t": NaN'),
    _capture({"t": -1, "dir": "rx", "baud": 300, "hex": ""}),
    _capture({"t": 0, "dir": "rx", "baud": 300.5, "hex": ""}),
    _capture({"t": 0, "dir": "rx", "baud": True, "hex": ""}),
    _capture({"t": 0, "dir": "rx", "baud": 300, "hex": 5}),
    _capture({"t": 0, "dir": "rx", "baud": 300, "hex": "zz"}),
    b'{"format": "fieldkit-capture/1", "events": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    b'{"format": "fieldkit-capture/1", "events": {"a": 1}}',
    b'{"format": "fieldkit-capture/1", "events": [1, 2]}',
    b"{" + b"\xff" * 10,
    b"{not json",
    b" " * 10 + b"{" * 100,
    b"\x00" * (MAX_INPUT + 1),
], ids=["baud-1e400", "t-400-digits", "t-nan", "t-negative", "baud-float", "baud-bool", "hex-int", "hex-bad",
        "deep-nesting", "events-dict", "events-ints", "not-utf8", "not-json", "only-braces", "too-big"])
def test_malformed_captures_give_bad_capture(data: bytes):
    assert _error(data).code == "BAD_CAPTURE"


def test_dev_zero_is_refused_without_reading_it_all():
    from fieldkit.devices.reparse import read_limited

    data = read_limited("/dev/zero")
    assert len(data) == MAX_INPUT + 1
    assert _error(data).code == "BAD_CAPTURE"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([b"\x01", b"\x02", b"\x03", b"\x04", b"\x00", b"A", b"(", b")", b"!", b"\r\n",
                                 b"1.8.0(1*kWh)"]), max_size=400),
       st.integers(min_value=1, max_value=200))
def test_fuzz_frames_only_protocol_errors_and_bounded_time(parts: list[bytes], repeat: int) -> None:
    data = IDENT + b"".join(parts) * repeat
    t0 = time.thread_time()
    try:
        result = parse_stream(data)
    except ProtocolError as exc:
        assert exc.code in ("BAD_DATA", "BAD_IDENTIFICATION")
    else:
        for value in result.values.values():
            assert not any(ord(c) < 0x20 or ord(c) == 0x7F for c in value.text)
    assert time.thread_time() - t0 < 1.0
    if len(data) < 3000:  # the same frames as the plain quadratic scan it replaced
        assert frames(data) == _reference_frames(data)


def _reference_frames(stream: bytes) -> list[tuple[int, bytes, bool]]:
    """The old scan: try every start character, run to the next end character, check the BCC."""
    out = []
    i, n = 0, len(stream)
    while i < n:
        if stream[i] not in (0x01, 0x02):
            i += 1
            continue
        j = i + 1
        while j < n and stream[j] not in (0x03, 0x04):
            j += 1
        if j + 1 >= n:
            break
        body = stream[i + 1:j + 1]
        if bcc(body) == stream[j + 1]:
            out.append((stream[i], body, True))
            i = j + 2
        else:
            i += 1
    return out
