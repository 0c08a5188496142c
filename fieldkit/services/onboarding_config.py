"""The onboarding configuration (`resources/onboarding/config.json`): the customer-care app and its
links, the hotline and chat, the utility's name, the unit of provisional customer codes, the reading
day, the account bill transfers go to, the banks and e-wallets offered. Checked whole when loaded
(`config_problems`, English, for the log and the tests); cached per file and modification time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from fieldkit.documents.resources import resource_path
from fieldkit.domain.codes import customer_code_problems


@dataclass(frozen=True)
class Bank:
    name: str
    bin: str  # 6-digit NAPAS BIN


@dataclass(frozen=True)
class CollectionAccount:
    """The power company's account that bill transfers go to."""

    bank_bin: str
    bank_name: str
    account: str
    account_name: str


@dataclass(frozen=True)
class OnboardingConfig:
    app_name: str
    android_url: str
    ios_url: str
    hotline: str
    chat_name: str
    chat_url: str
    utility_name: str
    provisional_unit: str
    reading_day: int
    collection: CollectionAccount
    purpose: str
    banks: tuple[Bank, ...]
    wallets: tuple[str, ...]
    default_province_code: int | None = None

    def bank(self, name: str) -> Bank | None:
        return next((b for b in self.banks if b.name == name), None)


def config_problems(raw: Any) -> list[str]:
    """What is wrong with a config file (English, for the log and the test)."""
    out: list[str] = []
    if not isinstance(raw, dict):
        return ["the onboarding config must be a JSON object"]
    for key in ("app_name", "android_url", "ios_url", "hotline", "chat_name", "provisional_unit", "purpose"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            out.append(f"{key} must be a non-empty text")
    for b in raw.get("banks") or []:
        if not (isinstance(b, dict) and isinstance(b.get("name"), str) and re.fullmatch(r"[0-9]{6}", str(b.get("bin")))):
            out.append(f"bank {b!r} needs a name and a 6-digit NAPAS BIN")
    if not raw.get("banks"):
        out.append("banks: at least one bank")
    if not raw.get("wallets"):
        out.append("wallets: at least one e-wallet")
    acc = raw.get("collection_account") or {}
    if not re.fullmatch(r"[0-9]{6}", str(acc.get("bank_bin", ""))) or not str(acc.get("account", "")).strip():
        out.append("collection_account needs bank_bin (6 digits) and account")
    unit = str(raw.get("provisional_unit", ""))
    if customer_code_problems(unit + "0000000"):
        out.append("provisional_unit must be 6 characters that start a customer code (e.g. PATAM0)")
    if not isinstance(raw.get("reading_day"), int) or not 1 <= raw["reading_day"] <= 28:
        out.append("reading_day must be a day of the month from 1 to 28")
    return out


def parse_config(raw: Any) -> OnboardingConfig:
    problems = config_problems(raw)
    if problems:
        raise ValueError("onboarding config: " + "; ".join(problems))
    acc = raw["collection_account"]
    return OnboardingConfig(
        app_name=raw["app_name"], android_url=raw["android_url"], ios_url=raw["ios_url"], hotline=raw["hotline"],
        chat_name=raw["chat_name"], chat_url=str(raw.get("chat_url") or ""),
        utility_name=str(raw.get("utility_name") or "TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC"),
        provisional_unit=raw["provisional_unit"], reading_day=raw["reading_day"],
        collection=CollectionAccount(str(acc["bank_bin"]), str(acc.get("bank_name", "")), str(acc["account"]),
                                     str(acc.get("account_name", ""))),
        purpose=raw["purpose"],
        banks=tuple(Bank(str(b["name"]), str(b["bin"])) for b in raw["banks"]),
        wallets=tuple(str(w) for w in raw["wallets"]),
        default_province_code=int(raw["default_province_code"]) if raw.get("default_province_code") else None,
    )


def config_path() -> Path:
    return resource_path("onboarding", "config.json")


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> OnboardingConfig:
    return parse_config(json.loads(Path(path).read_text(encoding="utf-8")))


def load_config(path: str | Path | None = None) -> OnboardingConfig:
    p = Path(path) if path else config_path()
    return _load(str(p), p.stat().st_mtime)


def is_provisional(code: str, config: OnboardingConfig | None = None) -> bool:
    """A provisional code (of the configured unit no real unit uses), not yet the utility's."""
    return code.startswith((config or load_config()).provisional_unit)
