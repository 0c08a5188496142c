"""Vietnamese text helpers: folding diacritics for search, normalising names and phones."""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics and collapse spaces: 'Nguyễn Văn Á' -> 'nguyen van a'."""
    for _ in range(2):  # a second pass settles characters whose case or form changes after the first
        text = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", text).strip()


def clean_name(text: str) -> str:
    """Trim and collapse spaces, keep Unicode composed (NFC) so the same name is stored the same way."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def normalise_phone(text: str) -> str:
    """'+84 912 345 678', '0912.345.678' -> '0912345678' (national form)."""
    d = digits(text)
    if d.startswith("84") and len(d) == 11:
        d = "0" + d[2:]
    return d
