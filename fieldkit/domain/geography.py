"""Vietnam's two-level administrative divisions since 1 July 2025: province, then commune/ward.

The official list comes from the `vietnam-provinces` package (34 provinces, 3,321
communes and wards). Old contracts may still name a district: that is kept as free text
on the address, never looked up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from fieldkit.domain.text import fold


@dataclass(frozen=True)
class Commune:
    code: int
    name: str
    province_code: int


@dataclass(frozen=True)
class Province:
    code: int
    name: str
    communes: tuple[Commune, ...]


@lru_cache(maxsize=1)
def provinces() -> dict[int, Province]:
    import vietnam_provinces

    with open(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as f:
        raw = json.load(f)
    out: dict[int, Province] = {}
    for p in raw:
        communes = tuple(Commune(int(w["code"]), str(w["name"]), int(p["code"])) for w in p.get("wards", []))
        out[int(p["code"])] = Province(int(p["code"]), str(p["name"]), communes)
    return out


@lru_cache(maxsize=1)
def communes() -> dict[int, Commune]:
    return {c.code: c for p in provinces().values() for c in p.communes}


def province_by_name(name: str) -> Province | None:
    key = fold(name).removeprefix("thanh pho ").removeprefix("tinh ")
    for p in provinces().values():
        if fold(p.name).removeprefix("thanh pho ").removeprefix("tinh ") == key:
            return p
    return None


def commune(code: int) -> Commune | None:
    return communes().get(code)
