"""Every package except fieldkit.ui imports with PySide6 blocked: the core is Qt-free."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
            raise ImportError(f"Qt is blocked outside fieldkit.ui: {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import fieldkit
failed = []
count = 0
for info in pkgutil.walk_packages(fieldkit.__path__, "fieldkit."):
    if info.name.startswith("fieldkit.ui") or info.name == "fieldkit.__main__":
        continue
    count += 1
    try:
        importlib.import_module(info.name)
    except ImportError as exc:
        if "Qt is blocked" in str(exc):
            failed.append(f"{info.name}: {exc}")
print(count)
print("\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_core_imports_without_qt():
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.split()[0]) >= 20  # it really walked the packages


def test_ui_does_not_touch_the_database():
    offenders = []
    for path in (ROOT / "fieldkit" / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in ("execute(", "sqlite3", "sqlite_utils", "sqlcipher"):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle}")
    assert offenders == []


def _import_graph() -> dict[str, set[str]]:
    """fieldkit module -> fieldkit modules it imports (at any level, lazy imports included)."""
    import ast

    mods: dict[str, Path] = {}
    for p in (ROOT / "fieldkit").rglob("*.py"):
        rel = p.relative_to(ROOT).with_suffix("")
        mods[".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)] = p
    graph: dict[str, set[str]] = {}
    for name, p in mods.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for a in node.names:
                    full = f"{node.module}.{a.name}"
                    deps.add(full if full in mods else node.module)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
        graph[name] = {d for d in deps if d in mods and d != name and not name.startswith(d + ".")}
    return graph


# Known circles (none left: central's db <-> attachments went with attachments_legacy.py); anything fails.
KNOWN_CIRCLES: list[set[str]] = []


def test_no_import_circles():
    graph = _import_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[set[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                circles.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert len(graph) > 100  # it really read the package
    assert [c for c in circles if c not in KNOWN_CIRCLES] == []


def test_documents_do_not_import_services():
    graph = _import_graph()
    offenders = {m: sorted(d for d in deps if d.startswith("fieldkit.services"))
                 for m, deps in graph.items() if m.startswith("fieldkit.documents")}
    assert {m: d for m, d in offenders.items() if d} == {}
