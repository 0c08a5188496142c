"""A day on the laptop is the calendar day in Vietnam (fieldkit/domain/local_time.py), never the machine's.

`date.today()`, `datetime.today()`, a zone-less `datetime.now()`, `datetime.fromtimestamp()` or `.astimezone()`
all read the machine's zone: on a laptop or CI runner not set to UTC+7 they name another day for part of every
day (17:00-24:00 UTC on a UTC machine). The day of a UTC clock is just as wrong then: `datetime.now(UTC).date()`
(or the day of a name bound to a UTC now: `now = datetime.now(UTC)` ... `now.date()`, `now.strftime("%d/%m")`,
`f"{now:%y%m%d}"`, `datetime.utcnow()`) is yesterday in Vietnam from 17:00 UTC (shots.py took its work
order's due date that way). This walks every module under fieldkit/ (the central server aside, which keeps
UTC), tests/, bench/ and scripts/ (a test that computes "today" the machine's way fails every evening) and
fails on any of them; the planted modules prove the walk finds each form."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROOT = REPO / "fieldkit"
ALLOWED = {ROOT / "domain" / "local_time.py", Path(__file__).resolve()}
SKIP = (ROOT / "central",)
# a strftime / format spec that names a day
DAY_FORMAT = re.compile(r"%[dajAbBmyYxFjUWGuVc]")
UTC_NAMES = {"UTC", "utc"}


def _is_utc(node: ast.expr) -> bool:
    """`UTC`, `timezone.utc`, `dt.UTC`, `datetime.UTC`."""
    if isinstance(node, ast.Name):
        return node.id in UTC_NAMES
    return isinstance(node, ast.Attribute) and node.attr in UTC_NAMES


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _utc_now(node: ast.expr, tainted: set[str]) -> bool:
    """The expression is the UTC clock now: `datetime.now(UTC)`, `datetime.utcnow()`, a name bound to one,
    or either plus/minus a timedelta."""
    if isinstance(node, ast.Name):
        return node.id in tainted
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        return _utc_now(node.left, tainted)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and _name(node.func.value) == "datetime":
        if node.func.attr == "utcnow":
            return True
        if node.func.attr == "now":
            zone = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "tz"), None)
            return zone is not None and _is_utc(zone)
    return False


FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _own(scope: ast.AST) -> list[ast.AST]:
    """The nodes of `scope` outside the functions defined in it."""
    out: list[ast.AST] = []
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        out.append(node)
        if not isinstance(node, FUNCTIONS):
            todo.extend(ast.iter_child_nodes(node))
    return out


def _utc_names(nodes: list[ast.AST], inherited: set[str]) -> set[str]:
    """Names bound among `nodes` to the UTC clock now (and those inherited from the enclosing scope)."""
    tainted = set(inherited)
    for _ in range(2):  # a name bound from another bound name
        for node in nodes:
            if isinstance(node, ast.Assign) and _utc_now(node.value, tainted):
                tainted.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and node.value is not None and _utc_now(node.value, tainted) \
                    and isinstance(node.target, ast.Name):
                tainted.add(node.target.id)
    return tainted


def _utc_days(scope: ast.AST, inherited: set[str], found: set[tuple[int, str]]) -> None:
    """The day taken of a UTC now in `scope` and the functions inside it (which see its names)."""
    nodes = _own(scope)
    tainted = _utc_names(nodes, inherited)
    for node in nodes:
        if isinstance(node, FUNCTIONS):
            params = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
            _utc_days(node, tainted - params, found)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and _utc_now(node.func.value, tainted):
            fmt = node.args[0] if node.args else None
            if node.func.attr == "date" or (node.func.attr == "strftime" and isinstance(fmt, ast.Constant)
                                            and DAY_FORMAT.search(str(fmt.value))):
                found.add((node.lineno, f"the day of a UTC clock (.{node.func.attr}())"))
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None and _utc_now(node.value, tainted):
            spec = "".join(str(v.value) for v in ast.walk(node.format_spec) if isinstance(v, ast.Constant))
            if DAY_FORMAT.search(spec):
                found.add((node.lineno, "the day of a UTC clock (a date format)"))


def machine_day_calls(source: str) -> list[tuple[int, str]]:
    """(line, text) of each call that takes a day from the machine's zone or from UTC instead of Vietnam's."""
    tree = ast.parse(source)
    found: set[tuple[int, str]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        attr, owner = node.func.attr, node.func.value
        name = _name(owner)
        zoneless = not node.args and not any(k.arg == "tz" for k in node.keywords)
        if attr == "today" and name in ("date", "datetime"):
            found.add((node.lineno, f"{name}.today()"))
        elif attr == "now" and name == "datetime" and zoneless:
            found.add((node.lineno, "datetime.now() without a zone"))
        elif attr == "astimezone" and zoneless:
            found.add((node.lineno, ".astimezone() without a zone"))
        elif attr == "utcnow" and name == "datetime":
            found.add((node.lineno, "datetime.utcnow()"))
        elif name == "time" and (attr in ("localtime", "ctime", "asctime")
                                 or attr == "strftime" and len(node.args) == 1):
            found.add((node.lineno, f"time.{attr}() (the machine's zone)"))
        elif attr == "fromtimestamp" and name == "date":
            found.add((node.lineno, "date.fromtimestamp()"))
        elif attr == "fromtimestamp" and name == "datetime" and len(node.args) < 2 \
                and not any(k.arg == "tz" for k in node.keywords):
            found.add((node.lineno, "datetime.fromtimestamp() without a zone"))
    _utc_days(tree, set(), found)
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


def test_the_guard_finds_the_day_of_a_utc_clock() -> None:
    """The form shots.py used: a UTC now whose day is taken as a due date (and the day in a number)."""
    planted = (
        "from datetime import UTC, datetime, timedelta, timezone\n"
        "def household():\n"
        "    now = datetime.now(UTC)\n"
        "    taken = now - timedelta(days=30)\n"                      # a moment: fine
        "    number = f'GCS-{now:%y%m%d}-01'\n"                        # 5
        "    create(due_date=now.date(), number=number)\n"             # 6
        "    day = datetime.now(timezone.utc).date()\n"                # 7
        "    label = (now + timedelta(days=1)).strftime('%d/%m')\n"    # 8
        "    stamp = now.strftime('%H:%M')\n"                          # a time of day: fine
        "    u = datetime.utcnow()\n"                                  # 10
        "    later = u - timedelta(hours=1)\n"
        "    return later.date(), datetime.fromtimestamp(0), datetime.fromtimestamp(0, UTC)\n"  # 12, 12
        "def other(now):\n"
        "    return now.date()\n"                                      # a name bound elsewhere: not known
        "import time\n"
        "stamp = time.strftime('%Y%m%d-%H%M%S')\n"                    # 16: health.py's damaged-copy name
        "t = time.localtime()\n"                                      # 17
        "fine = time.strftime('%Y', time.gmtime()), time.monotonic()\n"
    )
    assert [line for line, _ in machine_day_calls(planted)] == [5, 6, 7, 8, 10, 12, 12, 16, 17]


def _offenders(root: Path, skip: tuple[Path, ...]) -> list[str]:
    return [
        f"{path.relative_to(REPO)}:{line}: {what}"
        for path in sorted(root.rglob("*.py"))
        if path not in ALLOWED and not any(path.is_relative_to(s) for s in skip)
        for line, what in machine_day_calls(path.read_text(encoding="utf-8"))
    ]


def test_no_laptop_module_takes_the_day_from_the_machine_zone() -> None:
    assert len(list(ROOT.rglob("*.py"))) > 100  # the walk saw the package
    offenders = _offenders(ROOT, SKIP)
    assert not offenders, "use fieldkit.domain.local_time (local_today, local_date, local_datetime):\n" + "\n".join(offenders)


def test_no_test_bench_or_script_takes_the_day_from_the_machine_zone() -> None:
    """A test that computes "today" the machine's way (or UTC's) fails between 17:00 and 24:00 UTC; a bench or
    script that does makes a work order due yesterday (bench/drafts.py, scripts/newcomer_run.py did)."""
    assert len(list((REPO / "tests").rglob("*.py"))) > 100
    offenders = [o for folder in ("tests", "bench", "scripts") for o in _offenders(REPO / folder, ())]
    assert not offenders, "use fieldkit.domain.local_time (local_today, local_date, local_datetime):\n" + "\n".join(offenders)
