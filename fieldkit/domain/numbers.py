"""One number and date format per language, everywhere, Qt-free (the UI's labels.format_* delegate here):
vi 31.051,463 · 109,5 kWh · 50,0 % · 03/12/2026; en 31,051.463 · 109.5 kWh · 50.0 % · 03/12/2026.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

_VI_SWAP = str.maketrans({",": ".", ".": ","})


def localise(text: str, lang: str) -> str:
    """A number Python formatted the English way ("31,051.463") in `lang`'s way ("31.051,463" in vi)."""
    return text.translate(_VI_SWAP) if lang == "vi" else text


def format_number(n: int, lang: str) -> str:
    """A whole number with thousands grouped: vi 31.051, en 31,051."""
    return localise(f"{int(n):,}", lang)


def places_of(value: Decimal | float | int, max_places: int = 3) -> tuple[Decimal | float | int, int]:
    """The value (rounded when it has more digits than shown) and the decimals it really has, at most
    `max_places`: Decimal("26827.30000000000001") -> 26827.3 with 1 place; 2.0 -> 0 places."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -max_places and value.is_finite():
            # more digits than shown (a float that became a Decimal): rounded, and the zeros the rounding
            # left are not digits the value has ("26.827,3", not "26.827,300")
            value = value.quantize(Decimal(1).scaleb(-max_places)).normalize()
            exponent = value.as_tuple().exponent
        return value, (min(max_places, max(0, -exponent)) if isinstance(exponent, int) else 0)
    if isinstance(value, int) or float(value).is_integer():
        return value, 0
    text = f"{float(value):.{max_places}f}".rstrip("0")
    return value, (len(text.split(".")[1]) if "." in text else 0)


def format_decimal(value: Decimal | float | int | None, lang: str, max_places: int = 3) -> str:
    """As many decimals as the value has (at most `max_places`), thousands grouped, in `lang`'s format."""
    if value is None:
        return "—"
    if isinstance(value, Decimal) and not value.is_finite():
        return str(value)
    value, places = places_of(value, max_places)
    return localise(f"{float(value) if not isinstance(value, Decimal) else value:,.{places}f}", lang)


def format_fixed(value: float | Decimal | int, lang: str, places: int = 1) -> str:
    """Exactly `places` decimals (a share, a percentage): vi 50,0; en 50.0."""
    return localise(f"{float(value):,.{places}f}", lang)


def format_percent(value: float | Decimal | int, lang: str, places: int = 1) -> str:
    return format_fixed(value, lang, places) + " %"


def format_date(day: date | datetime | None) -> str:
    """dd/MM/yyyy in both languages (what Vietnamese forms use; English keeps it, one format)."""
    return day.strftime("%d/%m/%Y") if day is not None else "—"
