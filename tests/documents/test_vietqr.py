"""VietQR payloads, checked by a TLV walker and CRC written here, independently of the module."""

from __future__ import annotations

import binascii
import string
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.documents.vietqr import VietQRError, ascii_purpose, build_vietqr, crc16_ccitt_false

# --- independent reference implementation -----------------------------------------------------


def _crc_table() -> list[int]:
    table = []
    for high in range(256):
        value = high << 8
        for _ in range(8):
            value = (value << 1) ^ 0x1021 if value & 0x8000 else value << 1
        table.append(value & 0xFFFF)
    return table


_TABLE = _crc_table()


def ref_crc(data: bytes) -> int:
    """Table-driven CRC-16/CCITT-FALSE (a different algorithm from the module's bit loop)."""
    crc = 0xFFFF
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _TABLE[(crc >> 8) ^ byte]
    return crc


def walk(text: str) -> list[tuple[str, str]]:
    """Split an EMVCo TLV string into (tag, value) pairs; fail on any malformed field."""
    fields = []
    pos = 0
    while pos < len(text):
        assert pos + 4 <= len(text), f"truncated header at {pos}"
        tag, length = text[pos : pos + 2], text[pos + 2 : pos + 4]
        assert tag.isdigit() and length.isdigit(), f"bad header {text[pos:pos + 4]!r}"
        end = pos + 4 + int(length)
        assert end <= len(text), f"value of {tag} runs past the end"
        fields.append((tag, text[pos + 4 : end]))
        pos = end
    return fields


def parse(payload: str) -> dict[str, object]:
    """Decode a VietQR payload into a flat dict, verifying structure and CRC."""
    fields = walk(payload)
    tags = [t for t, _ in fields]
    assert tags == sorted(tags), "tags out of order"
    assert len(set(tags)) == len(tags), "duplicate tag"
    assert tags[-1] == "63" and payload[-8:-4] == "6304"
    top = dict(fields)
    assert int(top["63"], 16) == ref_crc(payload[:-4].encode("ascii"))
    assert top["63"] == top["63"].upper()
    merchant = dict(walk(top["38"]))
    beneficiary = dict(walk(merchant["01"]))
    additional = dict(walk(top["62"])) if "62" in top else {}
    return {
        "format": top["00"],
        "initiation": top["01"],
        "guid": merchant["00"],
        "bin": beneficiary["00"],
        "account": beneficiary["01"],
        "service": merchant["02"],
        "currency": top["53"],
        "amount": top.get("54"),
        "country": top["58"],
        "purpose": additional.get("08"),
        "crc": top["63"],
        "tags": tags,
    }


# --- CRC ---------------------------------------------------------------------------------------


def test_crc_check_value() -> None:
    # The catalogued check value of CRC-16/CCITT-FALSE for "123456789" is 0x29B1.
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert ref_crc(b"123456789") == 0x29B1
    assert crc16_ccitt_false(b"") == 0xFFFF


@given(st.binary(max_size=200))
def test_crc_matches_references(data: bytes) -> None:
    # binascii.crc_hqx is the stdlib's CRC-CCITT (poly 0x1021, MSB first) with a given start.
    assert crc16_ccitt_false(data) == ref_crc(data) == binascii.crc_hqx(data, 0xFFFF)


# --- fixed payload -------------------------------------------------------------------------------


def test_hand_checked_payload() -> None:
    # Assembled by hand:
    #   00 02 01
    #   01 02 12                                  dynamic (amount given)
    #   38 57  00 10 A000000727                   14 chars
    #          01 27  00 06 970436                10
    #                 01 13 0011001234567         17  -> 27
    #                                             31 with its header
    #          02 08 QRIBFTTA                     12  -> 14 + 31 + 12 = 57
    #   53 03 704
    #   54 06 180000
    #   58 02 VN
    #   62 27  08 23 TIEN DIEN PA23VG0053140      4 + 23 = 27
    #   63 04 5F6C   (CRC of everything before it incl. "6304", cross-checked with binascii.crc_hqx)
    expected = (
        "000201"
        "010212"
        "3857" "0010A000000727" "0127" "0006970436" "01130011001234567" "0208QRIBFTTA"
        "5303704"
        "5406180000"
        "5802VN"
        "6227" "0823TIEN DIEN PA23VG0053140"
        "63045F6C"
    )
    assert binascii.crc_hqx(expected[:-4].encode(), 0xFFFF) == 0x5F6C
    assert build_vietqr("970436", "0011001234567", 180_000, "TIỀN ĐIỆN PA23VG0053140") == expected


def test_static_card_payload_without_amount_or_purpose() -> None:
    payload = build_vietqr("970415", "9704150123456789", to_card=True)
    decoded = parse(payload)
    assert decoded["initiation"] == "11"
    assert decoded["service"] == "QRIBFTTC"
    assert decoded["amount"] is None and decoded["purpose"] is None
    assert decoded["tags"] == ["00", "01", "38", "53", "58", "63"]


def test_decimal_amount_accepted() -> None:
    assert parse(build_vietqr("970436", "123", Decimal("636768")))["amount"] == "636768"


# --- purpose folding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tiền điện tháng 6", "Tien dien thang 6"),
        ("NGUYỄN THỊ HƯỜNG", "NGUYEN THI HUONG"),
        ("Đội Lý Nhân", "Doi Ly Nhan"),
        ("  hai   dấu  cách ", "hai dau cach"),
        ("Tie\u0302\u0300n", "Tien"),  # already decomposed (NFD) input
    ],
)
def test_ascii_purpose(text: str, folded: str) -> None:
    assert ascii_purpose(text) == folded


# --- validation -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"bank_bin": "97043"}, "BIN"),
        ({"bank_bin": "97043a"}, "BIN"),
        ({"bank_bin": "９７０４３６"}, "BIN"),  # full-width digits are not ASCII digits
        ({"account": ""}, "account number"),
        ({"account": "0011 0012"}, "account number"),
        ({"account": "1" * 20}, "account number"),
        ({"account": "số1"}, "account number"),
        ({"account": "12-34", "to_card": True}, "card number"),
        ({"amount": 0}, "positive"),
        ({"amount": -5}, "positive"),
        ({"amount": Decimal("10.5")}, "positive"),
        ({"amount": 10.0}, "whole number"),
        ({"amount": True}, "whole number"),
        ({"amount": 10**13}, "too large"),
        ({"purpose": "x" * 26}, "at most 25"),
        ({"purpose": "Thanh toán tiền điện tháng 6"}, "at most 25"),
        ({"purpose": "tiền điện ⚡"}, "unsupported"),
        ({"purpose": "电费"}, "unsupported"),
    ],
)
def test_invalid_input(kwargs: dict[str, object], fragment: str) -> None:
    args: dict[str, object] = {"bank_bin": "970436", "account": "0011001234567", "amount": 1000}
    args.update(kwargs)
    with pytest.raises(VietQRError) as info:
        build_vietqr(**args)  # type: ignore[arg-type]
    assert fragment in info.value.en
    assert info.value.vi and info.value.vi != info.value.en  # a Vietnamese message too
    assert info.value.vi in str(info.value) and info.value.en in str(info.value)


# --- round trips ----------------------------------------------------------------------------------------

bins = st.text(alphabet=string.digits, min_size=6, max_size=6)
accounts = st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=19)
amounts = st.one_of(st.none(), st.integers(min_value=1, max_value=10**13 - 1))
ascii_purposes = st.text(alphabet=string.ascii_letters + string.digits + " .-/", max_size=25).map(
    lambda s: " ".join(s.split())
)
VIETNAMESE = "aăâeêioôơuưyđáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐƠƯ"
vi_purposes = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " 0123456789", max_size=25)


@settings(max_examples=300)
@given(bank_bin=bins, account=accounts, amount=amounts, purpose=ascii_purposes, to_card=st.booleans())
def test_round_trip(bank_bin: str, account: str, amount: int | None, purpose: str, to_card: bool) -> None:
    payload = build_vietqr(bank_bin, account, amount, purpose, to_card=to_card)
    assert payload.isascii()
    decoded = parse(payload)
    assert decoded["format"] == "01"
    assert decoded["initiation"] == ("11" if amount is None else "12")
    assert decoded["guid"] == "A000000727"
    assert decoded["bin"] == bank_bin
    assert decoded["account"] == account
    assert decoded["service"] == ("QRIBFTTC" if to_card else "QRIBFTTA")
    assert decoded["currency"] == "704" and decoded["country"] == "VN"
    assert decoded["amount"] == (None if amount is None else str(amount))
    assert decoded["purpose"] == (purpose or None)


@settings(max_examples=300)
@given(purpose=vi_purposes)
def test_vietnamese_purpose_folds_to_ascii(purpose: str) -> None:
    payload = build_vietqr("970436", "0011001234567", 50_000, purpose)
    decoded = parse(payload)
    expected_words = purpose.split()
    folded = decoded["purpose"]
    if not expected_words:
        assert folded is None
        return
    assert isinstance(folded, str) and folded.isascii()
    # one ASCII letter per Vietnamese letter, word by word
    assert [len(w) for w in folded.split(" ")] == [len(w) for w in expected_words]
    assert all(c.lower() in "aeiouyd0123456789" for c in folded.replace(" ", ""))
