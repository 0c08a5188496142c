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


# --- Vietnamese order ---------------------------------------------------------------------------------
# The alphabet (with f, j, w, z where Latin puts them): a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ
# p q r s t u ư v (w) x y (z). Tones are secondary, in dictionary order: none, huyền (grave), hỏi
# (hook), ngã (tilde), sắc (acute), nặng (dot below). Case is tertiary. Digits come before letters.
_ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
             "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_LETTER = {letter: 100 + i for i, letter in enumerate(_ALPHABET)}
_SHAPE = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}  # breve, circumflex, horn: new letters
_TONE = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vi_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """A sort key in Vietnamese order: 'Dương' < 'Đặng', 'An' < 'Ăn' < 'Ân' < 'Bình', 'ca' < 'cà' < 'cả' <
    'cã' < 'cá' < 'cạ'; spaces sort before letters; no ICU needed."""
    primary: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    for cluster in _clusters(unicodedata.normalize("NFD", _SPACES.sub(" ", text).strip())):
        base, marks = cluster[0], cluster[1:]
        lower = base.lower()
        shape = "".join(m for m in marks if m in _SHAPE)
        letter = unicodedata.normalize("NFC", lower + shape) if shape else lower
        if letter in ("đ", "ð"):
            letter = "đ"
        if letter in _LETTER:
            primary.append(_LETTER[letter])
        elif lower == " ":
            primary.append(1)
        elif lower.isdigit():
            primary.append(10 + int(lower) if lower in "0123456789" else 20)
        else:
            primary.append(1000 + ord(lower))
        tones.append(max((_TONE.get(m, 0) for m in marks), default=0))
        cases.append(0 if base == lower else 1)
    return tuple(primary), tuple(tones), tuple(cases)


def _clusters(decomposed: str) -> list[str]:
    out: list[str] = []
    for ch in decomposed:
        if out and unicodedata.combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out
