"""Reason codes: every code has a Vietnamese and an English text with the same parameters,
and every code the server can send is in the table."""

from __future__ import annotations

import re
import string
from pathlib import Path

from fieldkit.domain import reasons
from fieldkit.domain.messages import catalogue

ROOT = Path(__file__).resolve().parents[2]


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_code_has_both_languages_with_the_same_parameters():
    for code, message in reasons.REASONS.items():  # marked texts: the Vietnamese is in core_vi.ts
        vi, en = catalogue("vi").get((message.context, message.source), ""), message.source
        assert re.fullmatch(r"[a-z_]+", code)
        assert vi.strip() and en.strip() and vi != en, code
        assert fields(vi) == fields(en), code


def test_messages_fill_parameters_and_fall_back_for_unknown_codes():
    p = reasons.problem("field_too_long", {"field": "payload.name", "max": 200})
    assert p.message("en").startswith("The field payload.name is too long (at most 200). ")
    assert "support team" in p.message("en")  # what to do
    assert "tên" in p.message("vi") and "200" in p.message("vi") and p.field == "payload.name"
    assert "payload" not in p.message("vi")  # internal ids are named in Vietnamese
    assert reasons.problem("field_range", {"field": "x"}).message("en").count("?") == 2  # never a KeyError
    newer = reasons.from_answer({"status": "rejected", "code": "from_a_newer_server", "reason": "Because."})
    assert newer.message("en").startswith("Refused by the server: Because.")
    assert "Because" not in newer.message("vi") and "từ chối" in newer.message("vi")
    old = reasons.from_answer({"status": "rejected", "reason": "a record with this code already exists"})
    assert "already exists" in old.message("en")


def _codes_sent(path: Path) -> set[str]:
    """The reason codes a central module passes to Rejected / Refusal / PydanticCustomError:
    string literals, or constants (NAME or module.NAME) resolved from the imported modules."""
    import ast
    import importlib

    module = importlib.import_module(f"fieldkit.central.{path.stem}")
    codes: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        position = {"Rejected": 1, "Refusal": 0, "PydanticCustomError": 0}.get(name)
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            codes.add(arg.value)
        elif isinstance(arg, ast.Name) and isinstance(getattr(module, arg.id, None), str):
            codes.add(getattr(module, arg.id))
        elif isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name):
            owner = getattr(module, arg.value.id, None)
            if isinstance(getattr(owner, arg.attr, None), str):
                codes.add(getattr(owner, arg.attr))
    return codes


def test_every_code_the_server_sends_is_in_the_table():
    sent: set[str] = set()
    for path in (ROOT / "fieldkit" / "central").glob("*.py"):
        if path.stem != "__init__":
            sent |= _codes_sent(path)
    assert len(sent) >= 20, sorted(sent)
    assert sent <= set(reasons.REASONS), sorted(sent - set(reasons.REASONS))
