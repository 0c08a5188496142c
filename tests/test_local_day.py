"""A day on the laptop is the calendar day in Vietnam (fieldkit/domain/local_time.py), never the machine's.

`date.today()`, `datetime.today()`, a zone-less `datetime.now()` and a zone-less `.astimezone()` all read the
machine's zone: on a laptop or CI runner not set to UTC+7 they name another day for part of every day
(17:00-24:00 UTC on a UTC machine). This walks every module under fieldkit/ (the central server aside, which
keeps UTC) and fails on any of them; the planted module proves the walk finds each form."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "fieldkit"
ALLOWED = {ROOT / "domain" / "local_time.py"}
SKIP = (ROOT / "central",)


def machine_day_calls(source: str) -> list[tuple[int, str]]:
    """(line, text) of each call that reads the machine's zone instead of Vietnam's."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        attr, owner = node.func.attr, node.func.value
        name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
        zoneless = not node.args and not any(k.arg == "tz" for k in node.keywords)
        if attr == "today" and name in ("date", "datetime"):
            found.append((node.lineno, f"{name}.today()"))
        elif attr == "now" and name == "datetime" and zoneless:
            found.append((node.lineno, "datetime.now() without a zone"))
        elif attr == "astimezone" and zoneless:
            found.append((node.lineno, ".astimezone() without a zone"))
    return sorted(found)


def test_the_guard_finds_each_machine_zone_day() -> None:
    planted = (
        "import datetime as dt\nfrom datetime import UTC, date, datetime\n"
        "a = date.today()\n"
        "b = datetime.now()\n"
        "c = datetime.now().astimezone()\n"
        "d = dt.date.today()\n"
        "e = datetime.today()\n"
        "f = datetime.fromisoformat('2026-12-03T18:00:00+00:00').astimezone()\n"
        # these are fine: a zone given, or Vietnam's day
        "g = datetime.now(UTC)\nh = datetime.now(tz=UTC)\ni = b.astimezone(UTC)\n"
    )
    assert [line for line, _ in machine_day_calls(planted)] == [3, 4, 5, 5, 6, 7, 8]


def test_no_laptop_module_takes_the_day_from_the_machine_zone() -> None:
    offenders = [
        f"{path.relative_to(ROOT.parent)}:{line}: {what}"
        for path in sorted(ROOT.rglob("*.py"))
        if path not in ALLOWED and not path.is_relative_to(SKIP[0])
        for line, what in machine_day_calls(path.read_text(encoding="utf-8"))
    ]
    assert len(list(ROOT.rglob("*.py"))) > 100  # the walk saw the package
    assert not offenders, "use fieldkit.domain.local_time (local_today, local_date, local_datetime):\n" + "\n".join(offenders)
