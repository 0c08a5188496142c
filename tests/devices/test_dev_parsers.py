"""BCC, OBIS normal form, data sets, identification: the pure parsers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fieldkit.devices import framing
from fieldkit.devices.bcc import bcc, bcc_ok
from fieldkit.devices.datasets import parse_block, parse_line, parse_value
from fieldkit.devices.errors import MESSAGES, ProtocolError
from fieldkit.devices.identification import parse
from fieldkit.devices.obis import normalise


def test_bcc_is_xor_after_start_character() -> None:
    # STX "1.8.0(1)" CRLF "!" CRLF ETX: BCC covers everything after STX, ETX included
    body = b"1.8.0(1)\r\n!\r\n\x03"
    expected = 0
    for b in body:
        expected ^= b
    assert bcc(body) == expected
    assert bcc_ok(body, expected)
    assert not bcc_ok(body, expected ^ 1)


def test_known_command_frames() -> None:
    # B0 break and P1 password frames of IEC 62056-21 (BCC computed by hand)
    assert framing.break_message() == b"\x01B0\x03" + bytes([ord("B") ^ ord("0") ^ 3])
    assert framing.option_select("5") == b"\x06050\r\n"
    assert framing.option_select("4", "1") == b"\x06041\r\n"
    assert framing.sign_on() == b"/?!\r\n"
    assert framing.sign_on("12345678") == b"/?12345678!\r\n"
    frame = framing.read_register("1.8.0", "R5")
    assert frame.startswith(b"\x01R5\x021.8.0()\x03")
    assert bcc_ok(frame[1:-1], frame[-1])


@pytest.mark.parametrize(("raw", "normal"), [
    ("1.8.0", "1.8.0"),
    ("1-0:1.8.0*255", "1.8.0"),
    ("1-0:1.8.0", "1.8.0"),
    ("1.8.0.255", "1.8.0"),
    ("1-0:1.8.1*01", "1.8.1*1"),
    ("1.8.1&01", "1.8.1*1"),
    ("F.F", "F.F"),
    ("f.f", "F.F"),
    ("C.1.0", "C.1.0"),
    ("0-0:C.1.0*255", "C.1.0"),
    ("0-0:96.1.0*255", "96.1.0"),
    ("32.7", "32.7.0"),
    ("7-0:3.0.0", "7-0:3.0.0"),
    (" 0.9.1 ", "0.9.1"),
])
def test_obis_normal_form(raw: str, normal: str) -> None:
    assert normalise(raw) == normal


@pytest.mark.parametrize("bad", ["", "1", "abc", "1.8.0*", "1..8", "1-0:", "(1.8.0)", "1.8.0.0.0.0"])
def test_obis_rejects_garbage_with_protocol_error(bad: str) -> None:
    with pytest.raises(ProtocolError) as info:
        normalise(bad)
    assert info.value.code == "BAD_DATA"


def test_values_are_exact_decimals_with_units() -> None:
    value = parse_value("061561.289*kWh")
    assert value.number == Decimal("61561.289")
    assert isinstance(value.number, Decimal)
    assert value.unit == "kWh"
    assert value.as_text() == "61561.289"
    padded = parse_value("  0231.4 *V ")
    assert (padded.number, padded.unit) == (Decimal("231.4"), "V")
    empty = parse_value("")
    assert (empty.text, empty.number, empty.unit) == ("", None, None)
    text = parse_value("25-10-14 18:15")
    assert text.number is None and text.text == "25-10-14 18:15"
    serial = parse_value("0012345678")
    assert serial.as_text() == "0012345678"  # no unit: the text is kept (leading zeros matter)
    comma = parse_value("12,5*kW")
    assert comma.number == Decimal("12.5")
    # more digits than a float can hold exactly
    long = parse_value("123456789012.123456789*Wh")
    assert str(long.number) == "123456789012.123456789"


def test_data_set_lines() -> None:
    ds = parse_line("1-0:1.6.0*255(18.442*kW)(25-10-14 18:15)")
    assert ds.address == "1.6.0"
    assert ds.raw_address == "1-0:1.6.0*255"
    assert [v.as_text() for v in ds.values] == ["18.442", "25-10-14 18:15"]
    multi = parse_line("0.2.2(12.5*kWh&13.1*kWh)")
    assert [(v.number, v.unit) for v in multi.values] == [(Decimal("12.5"), "kWh"), (Decimal("13.1"), "kWh")]
    assert parse_line("0.2.2()").values[0].text == ""
    assert parse_line("C.7.0( 0003 )").values[0].text == "0003"
    for bad in ["1.8.0", "(12)", "1.8.0(12", "1.8.0(1)x", "1.8.0((1))"]:
        with pytest.raises(ProtocolError):
            parse_line(bad)


def test_data_block_with_several_sets_on_a_line_and_terminator() -> None:
    sets = parse_block("F.F(00)\r\n1.8.1(1.5*kWh)1.8.2(2.5*kWh)\r\n1-0:1.8.0*255(4.0*kWh)\r\n!\r\n")
    assert [s.address for s in sets] == ["F.F", "1.8.1", "1.8.2", "1.8.0"]
    assert sum((s.values[0].number or Decimal(0)) for s in sets[1:3]) == sets[3].values[0].number


def test_identification_fields() -> None:
    ident = parse(b"/EMH5\\2@01LZQJ3\r\n")
    assert ident.manufacturer == "EMH"
    assert ident.baud_char == "5" and ident.baud == 9600 and ident.mode == "C"
    assert ident.mode_e
    assert ident.min_reaction == pytest.approx(0.2)
    assert ident.ident == "@01LZQJ3"
    short = parse("/ISk5ME162-0M00")
    assert short.min_reaction == pytest.approx(0.020)
    assert not short.mode_e
    assert parse("/ABCEmodel").mode == "B" and parse("/ABCEmodel").baud == 9600
    assert parse("/ABC:model").mode == "A" and parse("/ABC:model").baud == 300
    assert parse("/LGZ6ZMD").baud == 19200
    for bad in [b"", b"/AB5x\r\n", b"EMH5\r\n", b"/EMH5" + b"x" * 40 + b"\r\n"]:
        with pytest.raises(ProtocolError) as info:
            parse(bad)
        assert info.value.code == "BAD_IDENTIFICATION"


def test_every_error_code_has_both_languages() -> None:
    for code in MESSAGES:
        err = ProtocolError(code, "detail")
        assert err.message_vi and err.message_en and err.message_vi != err.message_en
        assert err.to_dict()["code"] == code
    assert "optical port" in ProtocolError("NO_ANSWER").message_en
    with pytest.raises(ValueError):
        ProtocolError("NOT_A_CODE")
