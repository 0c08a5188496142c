"""VietQR (NAPAS) bank-transfer QR payloads.

A VietQR code is an EMVCo merchant-presented QR payload: a flat string of TLV fields,
each ``ID`` (2 digits) + ``length`` (2 digits, characters) + ``value``::

    00 "01"                  payload format indicator
    01 "11" | "12"           point of initiation: static, or dynamic (an amount is set)
    38                       merchant account information (NAPAS)
       00 "A000000727"         NAPAS GUID
       01                      beneficiary organisation
          00 bank BIN (6 digits)
          01 account number or card number
       02 "QRIBFTTA" | "QRIBFTTC"  service: transfer to an account / to a card
    53 "704"                 currency (VND)
    54 amount                integer VND (optional)
    58 "VN"                  country
    62                       additional data (optional)
       08 purpose              ASCII, ≤ 25 characters
    63 CRC                   CRC-16/CCITT-FALSE over everything before it including "6304",
                             4 uppercase hex digits

Input errors raise :class:`VietQRError` with a Vietnamese and an English message.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from fieldkit.domain.messages import Message, Texts, Worded

_M = Texts("documents.vietqr")

__all__ = [
    "NAPAS_GUID",
    "SERVICE_ACCOUNT",
    "SERVICE_CARD",
    "VietQRError",
    "ascii_purpose",
    "build_vietqr",
    "crc16_ccitt_false",
    "tlv",
]

NAPAS_GUID = "A000000727"
SERVICE_ACCOUNT = "QRIBFTTA"
SERVICE_CARD = "QRIBFTTC"
CURRENCY_VND = "704"
COUNTRY_VN = "VN"
MAX_PURPOSE = 25
MAX_AMOUNT_DIGITS = 13

_BIN = re.compile(r"[0-9]{6}", re.ASCII)
_ACCOUNT = re.compile(r"[A-Za-z0-9]{1,19}", re.ASCII)
_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]*", re.ASCII)


class VietQRError(ValueError, Worded):
    """Invalid input for a VietQR payload; `message` is translated when shown (`.vi`/`.en` from it)."""

    def __init__(self, message: Message) -> None:
        super().__init__(f"{message.vi} / {message.en}")
        self.message = message

    def words(self) -> Message:
        return self.message


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final XOR."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def tlv(tag: str, value: str) -> str:
    """One EMVCo field: 2-digit ID, 2-digit length, value (≤ 99 characters)."""
    if len(tag) != 2 or not tag.isdigit():
        raise ValueError(f"bad EMVCo tag {tag!r}")
    if len(value) > 99:
        raise ValueError(f"value of tag {tag} is {len(value)} characters long (max 99)")
    return f"{tag}{len(value):02d}{value}"


_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def ascii_purpose(text: str) -> str:
    """Strip Vietnamese diacritics (``Tiền điện`` → ``Tien dien``), collapse spaces, and
    check the result is printable ASCII of at most 25 characters."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLDS))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = unicodedata.normalize("NFC", folded)
    folded = " ".join(folded.split())
    if not _PRINTABLE_ASCII.fullmatch(folded):
        bad = sorted({ch for ch in folded if not _PRINTABLE_ASCII.fullmatch(ch)})
        raise VietQRError(
            _M("transfer purpose has unsupported characters: {join}", join=repr(''.join(bad))),
        )
    if len(folded) > MAX_PURPOSE:
        raise VietQRError(
            _M("transfer purpose is at most {MAX_PURPOSE} characters (got {n_folded}): {folded}", MAX_PURPOSE=MAX_PURPOSE, n_folded=len(folded), folded=repr(folded)),
        )
    return folded


def _amount_text(amount: int | Decimal) -> str:
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise VietQRError(
            _M("amount must be a whole number of VND, got {name}", name=type(amount).__name__),
        )
    value = Decimal(amount)
    if not value.is_finite() or value != value.to_integral_value() or value <= 0:
        raise VietQRError(
            _M("amount must be a positive whole number of VND: {amount}", amount=amount),
        )
    text = str(int(value))
    if len(text) > MAX_AMOUNT_DIGITS:
        raise VietQRError(
            _M("amount too large (at most {MAX_AMOUNT_DIGITS} digits): {text}", MAX_AMOUNT_DIGITS=MAX_AMOUNT_DIGITS, text=text),
        )
    return text


def build_vietqr(
    bank_bin: str,
    account: str,
    amount: int | Decimal | None = None,
    purpose: str | None = None,
    *,
    to_card: bool = False,
) -> str:
    """Build a VietQR payload for a transfer to ``account`` (or a card number when
    ``to_card``) at the bank with NAPAS BIN ``bank_bin``. With an ``amount`` the code
    is dynamic (tag 01 = "12"), otherwise static ("11"). ``purpose`` is folded to ASCII."""
    if not isinstance(bank_bin, str) or not _BIN.fullmatch(bank_bin):
        raise VietQRError(
            _M("bank BIN must be exactly 6 digits: {bank_bin}", bank_bin=repr(bank_bin)),
        )
    if not isinstance(account, str) or not _ACCOUNT.fullmatch(account):
        what = _M("card number") if to_card else _M("account number")
        raise VietQRError(
            _M("{what} must be 1-19 letters or digits, no spaces: {account}", what=what, account=repr(account)),
        )
    amount_text = _amount_text(amount) if amount is not None else None
    purpose_text = ascii_purpose(purpose) if purpose is not None else ""

    beneficiary = tlv("00", bank_bin) + tlv("01", account)
    merchant = (
        tlv("00", NAPAS_GUID)
        + tlv("01", beneficiary)
        + tlv("02", SERVICE_CARD if to_card else SERVICE_ACCOUNT)
    )
    payload = tlv("00", "01") + tlv("01", "12" if amount_text else "11") + tlv("38", merchant)
    payload += tlv("53", CURRENCY_VND)
    if amount_text:
        payload += tlv("54", amount_text)
    payload += tlv("58", COUNTRY_VN)
    if purpose_text:
        payload += tlv("62", tlv("08", purpose_text))
    payload += "6304"
    return payload + f"{crc16_ccitt_false(payload.encode('ascii')):04X}"
