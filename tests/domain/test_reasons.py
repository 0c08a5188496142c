"""Reason codes: every code has a Vietnamese and an English text with the same parameters,
and every code the server can send is in the table."""

from __future__ import annotations

import re
import string
from pathlib import Path

from fieldkit.domain import reasons

ROOT = Path(__file__).resolve().parents[2]


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_code_has_both_languages_with_the_same_parameters():
    for code, (vi, en) in reasons.REASONS.items():
        assert re.fullmatch(r"[a-z_]+", code)
        assert vi.strip() and en.strip() and vi != en, code
        assert fields(vi) == fields(en), code


def test_messages_fill_parameters_and_fall_back_for_unknown_codes():
    p = reasons.problem("field_too_long", {"field": "payload.name", "max": 200})
    assert p.message("en") == "The field payload.name is too long (at most 200)."
    assert "payload.name" in p.message("vi") and "200" in p.message("vi") and p.field == "payload.name"
    assert reasons.problem("field_range", {"field": "x"}).message("en").count("?") == 2  # never a KeyError
    newer = reasons.from_answer({"status": "rejected", "code": "from_a_newer_server", "reason": "Because."})
    assert newer.message("en") == "Refused by the server: Because." and "Because." in newer.message("vi")
    old = reasons.from_answer({"status": "rejected", "reason": "a record with this code already exists"})
    assert "already exists" in old.message("en")


def test_every_code_the_server_sends_is_in_the_table():
    sent: set[str] = set()
    for path in (ROOT / "fieldkit" / "central").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        sent |= set(re.findall(r'Refusal\(\s*"([a-z_]+)"', text))
        sent |= set(re.findall(r'Rejected\([^()]*?(?:\([^()]*\)[^()]*?)*,\s*"([a-z_]+)"', text, flags=re.S))
        sent |= set(re.findall(r'PydanticCustomError\(\s*"([a-z_]+)"', text))
    assert len(sent) >= 20, sorted(sent)
    assert sent <= set(reasons.REASONS), sorted(sent - set(reasons.REASONS))
