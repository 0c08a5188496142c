"""Turn the core's old vi/en literal pairs into marked texts of the one translation mechanism, and write
their Vietnamese into the Qt Linguist catalogue `resources/translations/core_vi.ts` (+ `core_en.ts`).

Re-runnable: run it after a rebase and it converts only what is still in the old form.

    python scripts/i18n_codemod.py                 # every core file (fieldkit/ minus ui/ and central/)
    python scripts/i18n_codemod.py fieldkit/services/readings.py ...
    python scripts/i18n_codemod.py --check         # list what is left, change nothing (exit 1 if any)
    python scripts/i18n_codemod.py --tuples FILE   # also pairs written as ("vi", "en") tuples in FILE

What it converts (docs/ui.md, "One translation mechanism"):

- `Problem(field, code, "vi", "en")` -> `Problem(field, code, _M("en", **params))`
- `DiskProblem(code, "vi", "en")`     -> `DiskProblem(code, _M("en", **params))`
- with --tuples: `("vi", "en")`       -> `_M("en", **params)` (a Message; it has .vi and .en)

f-strings become `{name}` placeholders with the expressions as parameters (`f"{n} kWh"` -> `_M("{n} kWh",
n=n)`); the module gets `from fieldkit.domain.messages import Texts` and `_M = Texts("<module>")`, its
context (the module's dotted path under fieldkit). The pair goes to the catalogue keyed by (context,
English source); the same source with another Vietnamese in one context is reported, not overwritten.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "translations"
VI = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
MARKER = "_M"
IMPORT = "from fieldkit.domain.messages import Texts"
# callee -> index of the Vietnamese argument (the English one follows it)
CALLS = {"Problem": 2, "DiskProblem": 1, "_missing": 0, "VietQRError": 0, "_p": 2, "ProfileProblem": 1, "KindLife": 2, "PrintError": 0}


def context_of(path: Path) -> str:
    rel = path.resolve().relative_to(ROOT / "fieldkit").with_suffix("")
    return ".".join(rel.parts)


def core_files() -> list[Path]:
    return sorted(p for p in (ROOT / "fieldkit").rglob("*.py")
                  if p.relative_to(ROOT / "fieldkit").parts[0] not in ("ui", "central"))


def is_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.JoinedStr)


def is_pair(vi: ast.AST, en: ast.AST) -> bool:
    if not (is_text(vi) and is_text(en)):
        return False
    return bool(VI.search(_literal_parts(vi))) and not VI.search(_literal_parts(en))


def _literal_parts(node: ast.AST) -> str:
    if isinstance(node, ast.Constant):
        return str(node.value)
    assert isinstance(node, ast.JoinedStr)
    return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))


class Params:
    """Placeholder names for the f-strings' expressions, shared by the two languages of one pair."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # expression source -> name

    def name(self, expr: ast.expr, conversion: int) -> str:
        src = ast.unparse(expr)
        if conversion == ord("r"):
            src = f"repr({src})"
        elif conversion == ord("a"):
            src = f"ascii({src})"
        if src in self.names:
            return self.names[src]
        base = expr.id if isinstance(expr, ast.Name) else expr.attr if isinstance(expr, ast.Attribute) else \
            _call_name(expr) or "value"
        base = base.strip("_") or "value"
        name, i = base, 2
        while name in self.names.values():
            name, i = f"{base}{i}", i + 1
        self.names[src] = name
        return name


def _call_name(expr: ast.expr) -> str | None:
    if isinstance(expr, ast.Call):
        f = expr.func
        inner = expr.args[0] if expr.args else None
        fname = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        if fname == "len" and inner is not None:
            return "n_" + (ast.unparse(inner).split(".")[-1].strip("_()") or "items")
        return fname or None
    if isinstance(expr, ast.Subscript):
        return _call_name(expr.value) if not isinstance(expr.value, ast.Name) else expr.value.id
    return None


def template(node: ast.AST, params: Params) -> str:
    """The text with `{name}` placeholders (literal braces doubled)."""
    if isinstance(node, ast.Constant):  # a plain literal's {name} already is a placeholder (.format tables)
        return str(node.value)
    assert isinstance(node, ast.JoinedStr)
    out = []
    for v in node.values:
        if isinstance(v, ast.Constant):
            out.append(str(v.value).replace("{", "{{").replace("}", "}}"))
        else:
            assert isinstance(v, ast.FormattedValue)
            spec = ""
            if v.format_spec is not None:
                assert isinstance(v.format_spec, ast.JoinedStr)
                if any(not isinstance(x, ast.Constant) for x in v.format_spec.values):
                    raise ValueError("a computed format spec")
                spec = ":" + "".join(str(x.value) for x in v.format_spec.values if isinstance(x, ast.Constant))
            out.append("{" + params.name(v.value, v.conversion) + spec + "}")
    return "".join(out)


def py_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


class Site:
    def __init__(self, start: tuple[int, int], end: tuple[int, int], vi: str, en: str, params: Params):
        self.start, self.end, self.vi, self.en, self.params = start, end, vi, en, params

    def code(self) -> str:
        args = "".join(f", {name}={src}" for src, name in self.params.names.items())
        return f"{MARKER}({py_string(self.en)}{args})"


def find_sites(tree: ast.Module, tuples: bool) -> tuple[list[Site], list[str]]:
    sites: list[Site] = []
    problems: list[str] = []

    def add(vi: ast.expr, en: ast.expr, whole: ast.expr | None = None) -> None:
        params = Params()
        try:
            t_vi, t_en = template(vi, params), template(en, params)
        except ValueError as exc:
            problems.append(f"line {vi.lineno}: {exc}; convert by hand")
            return
        # the Vietnamese may leave a parameter out, never use one the English source does not show
        one_sided = sorted(n for n in params.names.values()
                           if ("{" + n + "}" in t_vi or "{" + n + ":" in t_vi) and not ("{" + n + "}" in t_en or "{" + n + ":" in t_en))
        if one_sided:
            problems.append(f"line {vi.lineno}: parameters in one language only ({', '.join(one_sided)}); "
                            "make them one (a Message) by hand")
        assert vi.end_lineno is not None and vi.end_col_offset is not None
        assert en.end_lineno is not None and en.end_col_offset is not None
        if whole is not None:  # a tuple: replaced with its parentheses
            assert whole.end_lineno is not None and whole.end_col_offset is not None
            sites.append(Site((whole.lineno, whole.col_offset), (whole.end_lineno, whole.end_col_offset), t_vi, t_en,
                              params))
            return
        sites.append(Site((vi.lineno, vi.col_offset), (en.end_lineno, en.end_col_offset), t_vi, t_en, params))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            i = CALLS.get(name)
            if i is not None and len(node.args) > i + 1 and is_pair(node.args[i], node.args[i + 1]):
                add(node.args[i], node.args[i + 1])
        elif tuples and isinstance(node, ast.Tuple) and len(node.elts) == 2 and is_pair(*node.elts):
            add(node.elts[0], node.elts[1], node)
    return sites, problems


def rewrite(path: Path, tuples: bool, entries: dict[tuple[str, str], tuple[str, str]],
            conflicts: list[str]) -> int:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    sites, problems = find_sites(tree, tuples)
    rel = path.relative_to(ROOT).as_posix()
    conflicts += [f"{rel} {p}" for p in problems]
    if not sites:
        return 0
    ctx = context_of(path)
    lines = [line.encode("utf-8") for line in source.splitlines(keepends=True)]
    for site in sorted(sites, key=lambda s: s.start, reverse=True):  # from the end: offsets stay valid
        (l1, c1), (l2, c2) = site.start, site.end
        head, tail = lines[l1 - 1][:c1], lines[l2 - 1][c2:]
        lines[l1 - 1:l2] = [head + site.code().encode("utf-8") + tail]
        key = (ctx, site.en)
        if key in entries and entries[key][0] != site.vi:
            conflicts.append(f"{rel}:{l1} {site.en!r}: Vietnamese {site.vi!r} differs from {entries[key][0]!r}")
            continue
        entries[key] = (site.vi, rel)
    text = b"".join(lines).decode("utf-8")
    text = _ensure_marker(text, ctx)
    path.write_text(text, encoding="utf-8")
    return len(sites)


def _ensure_marker(text: str, ctx: str) -> str:
    tree = ast.parse(text)
    if any(isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == MARKER for t in n.targets)
           for n in tree.body):
        return text
    lines = text.splitlines(keepends=True)
    last_import = max((n.end_lineno or n.lineno for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))),
                      default=0)
    has_import = IMPORT in text
    insert = ([IMPORT + "\n"] if not has_import else []) + ["\n", f'{MARKER} = Texts("{ctx}")\n']
    lines[last_import:last_import] = insert
    return "".join(lines)


# --- the catalogue --------------------------------------------------------------------------------------------

def read_catalogue(lang: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation, file) of core_<lang>.ts."""
    path = CATALOGUE / f"core_{lang}.ts"
    out: dict[tuple[str, str], tuple[str, str]] = {}
    if not path.exists():
        return out
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            loc = m.find("location")
            out[(name, m.findtext("source") or "")] = (m.findtext("translation") or "",
                                                       loc.get("filename", "")[6:] if loc is not None else "")
    return out


def write_catalogue(lang: str, entries: dict[tuple[str, str], tuple[str, str]]) -> Path:
    root = ET.Element("TS", version="2.1", language="vi_VN" if lang == "vi" else "en_GB")
    by_ctx: dict[str, list[tuple[str, str, str]]] = {}
    for (ctx, src), (tr, rel) in entries.items():
        by_ctx.setdefault(ctx, []).append((src, tr, rel))
    for ctx in sorted(by_ctx):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for src, tr, rel in sorted(by_ctx[ctx]):
            m = ET.SubElement(c, "message")
            if rel:
                ET.SubElement(m, "location", filename="../../" + rel)
            ET.SubElement(m, "source").text = src
            ET.SubElement(m, "translation").text = tr
    ET.indent(root, space="    ")
    path = CATALOGUE / f"core_{lang}.ts"
    body = ET.tostring(root, encoding="unicode")
    path.write_text("<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE TS>\n" + body + "\n", encoding="utf-8")
    return path


def merge(new: dict[tuple[str, str], tuple[str, str]]) -> None:
    """Add (context, source) -> (vietnamese, file) to core_vi.ts and the identity to core_en.ts; compile."""
    vi = read_catalogue("vi")
    vi.update(new)
    en = {k: (k[1], rel) for k, (_tr, rel) in vi.items()}
    for lang, entries in (("vi", vi), ("en", en)):
        ts = write_catalogue(lang, entries)
        tool = Path(sys.executable).parent / "pyside6-lrelease"
        if tool.exists():
            subprocess.run([str(tool), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--tuples", action="append", type=Path, default=[], help="also convert (vi, en) tuples here")
    ap.add_argument("--check", action="store_true", help="only list what is left in the old form")
    args = ap.parse_args(argv)
    tuple_files = {p.resolve() for p in args.tuples}
    files = [p.resolve() for p in args.files] or core_files()
    files += [p for p in tuple_files if p not in files]
    if args.check:
        left = []
        for path in files:
            sites, problems = find_sites(ast.parse(path.read_text(encoding="utf-8")), path in tuple_files)
            left += [f"{path.relative_to(ROOT)}:{s.start[0]} {s.en[:60]!r}" for s in sites] + problems
        print("\n".join(left) or "nothing left")
        return 1 if left else 0
    existing = {k: v for k, v in read_catalogue("vi").items()}
    entries = dict(existing)
    conflicts: list[str] = []
    changed: list[Path] = []
    total = 0
    for path in files:
        n = rewrite(path, path in tuple_files, entries, conflicts)
        if n:
            changed.append(path)
            total += n
            print(f"{path.relative_to(ROOT)}: {n}")
    if entries != existing:
        merge({k: v for k, v in entries.items() if existing.get(k) != v})
    if changed:  # the import it added, in ruff's order
        subprocess.run([sys.executable, "-m", "ruff", "check", "--fix", "--select", "I,F401", "-q",
                        *map(str, changed)], check=False, cwd=ROOT)
    print(f"{total} texts in {len(changed)} files; {len(entries)} in core_vi.ts")
    for c in conflicts:
        print("CHECK BY HAND:", c)
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
