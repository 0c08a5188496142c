"""One translation mechanism (docs/ui.md, "Vietnamese everywhere, one way"): every text fieldkit/ui words
itself goes through Qt Linguist (`self.tr`, `QCoreApplication.translate`, `QT_TRANSLATE_NOOP`) and has a
finished Vietnamese translation in one of our catalogues; everything the core words reaches the UI as a
code-keyed vi/en `Problem` (domain/reasons.py, domain/problems.py, store/disk.py...) rendered only by
`labels.problem_text` / `Problem.message(lang)`. So, checked here over the source:

1. every string given to tr/translate/QT_TRANSLATE_NOOP has a finished Vietnamese translation;
2. no literal English handed straight to a widget (setText, QLabel(...), addItem, showMessage...);
3. no exception's own text (`str(exc)`, `exc.strerror`, `f"{exc}"`) handed to a widget.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "fieldkit" / "ui"
SHOWN = {"setText", "setTitle", "setWindowTitle", "setPlaceholderText", "setToolTip", "showMessage", "addItem",
         "addItems", "addTab", "setTabText", "setItemText", "setHorizontalHeaderLabels", "setInformativeText",
         "QLabel", "QPushButton", "QGroupBox", "QCheckBox", "QRadioButton", "QMessageBox", "QListWidgetItem",
         "QTableWidgetItem", "information", "warning", "critical", "question"}
NOT_WORDS = {"FieldKit", "PDF", "CSV", "QR", "VietQR", "kWh", "Esc", "Ctrl", "PIN", "GPS", "SHA", "COSEM", "DLMS",
             "OBIS", "IEC", "USB", "JSON", "HTTP", "HTTPS", "UTC", "URL", "Wi", "Fi",
             "XXXX"}  # a code's shape
ENGLISH = re.compile(r"[A-Za-z]{3,}")
EXC_NAMES = {"e", "exc", "err", "error", "exception", "ex"}
# Outside this area (other engineers' files this session); listed so nothing new is added. Empty it as they go.
KNOWN: set[str] = set()


def catalogues() -> set[tuple[str, str]]:
    done: set[tuple[str, str]] = set()
    for ts in (ROOT / "resources" / "translations").glob("*_vi.ts"):
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for m in ctx.findall("message"):
                t = m.find("translation")
                if t is not None and (t.text or "").strip() and t.get("type") not in ("unfinished", "obsolete"):
                    done.add((name, m.findtext("source") or ""))
    return done


def _string(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _calls(tree: ast.AST):  # type: ignore[no-untyped-def]
    """(call, enclosing class name) for every call."""
    def walk(node: ast.AST, cls: str):  # type: ignore[no-untyped-def]
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                yield from walk(child, child.name)
                continue
            if isinstance(child, ast.Call):
                yield child, cls
            yield from walk(child, cls)
    yield from walk(tree, "")


def _name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _english_literal(node: ast.AST) -> str | None:
    parts: list[str] = []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    text = " ".join(parts)
    words = [w for w in ENGLISH.findall(re.sub(r"<[^>]+>|https?://\S+|\{[^}]*\}", " ", text)) if w not in NOT_WORDS]
    return text if words else None


def _exception_text(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and _name(sub) == "str" and sub.args and isinstance(sub.args[0], ast.Name) \
                and sub.args[0].id in EXC_NAMES:
            return True
        if isinstance(sub, ast.Attribute) and sub.attr == "strerror":
            return True
        if isinstance(sub, ast.FormattedValue) and isinstance(sub.value, ast.Name) and sub.value.id in EXC_NAMES:
            return True
    return False


def _module_tr_context(tree: ast.Module) -> str | None:
    """The context of a module's own `def tr(text)` helper (translate(CONTEXT, text)), if it has one."""
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)
                 for t in n.targets if isinstance(t, ast.Name) and isinstance(n.value.value, str)}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call) and _name(sub) == "translate" and sub.args:
                    arg = sub.args[0]
                    return _string(arg) or (constants.get(arg.id) if isinstance(arg, ast.Name) else None)
    return None


SKIP_LITERALS = ("fieldkit/ui/screenshots.py", "fieldkit/ui/onboarding/shots.py", "fieldkit/ui/readings/shots.py",
                 "fieldkit/ui/install/demo.py")  # the screenshot tour types demo data into the forms


def _scan() -> tuple[list[str], list[str], list[str]]:
    have = catalogues()
    untranslated, literal, raw = [], [], []
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_context = _module_tr_context(tree)
        for call, cls in _calls(tree):
            name = _name(call)
            where = f"{rel}:{call.lineno}"
            self_tr = isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) \
                and call.func.value.id == "self"
            context = cls if self_tr else module_context if isinstance(call.func, ast.Name) else None
            if name == "tr" and call.args and _string(call.args[0]) is not None and context:
                if (context, _string(call.args[0])) not in have:
                    untranslated.append(f"{where} {context}: {_string(call.args[0])!r}")
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) >= 2:
                ctx, src = _string(call.args[0]), _string(call.args[1])
                if ctx is not None and src is not None and (ctx, src) not in have:
                    untranslated.append(f"{where} {ctx}: {src!r}")
            on_logger = isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) \
                and call.func.value.id in ("log", "logger", "logging", "_log")
            if name in SHOWN and not on_logger and rel not in SKIP_LITERALS:
                for arg in call.args:
                    text = _english_literal(arg)
                    if text is not None:
                        literal.append(f"{where} {name}({text!r})")
                    if _exception_text(arg):
                        raw.append(f"{where} {name}(… exception text …)")
    return untranslated, literal, raw


def test_every_translated_string_has_vietnamese():
    untranslated, _literal, _raw = _scan()
    assert not [u for u in untranslated if u not in KNOWN], "\n".join(untranslated)


def test_no_literal_english_handed_to_a_widget():
    _untranslated, literal, _raw = _scan()
    assert not [x for x in literal if x not in KNOWN], "\n".join(literal)


def test_no_exception_text_handed_to_a_widget():
    _untranslated, _literal, raw = _scan()
    assert not [x for x in raw if x not in KNOWN], "\n".join(raw)


def test_the_scan_finds_what_it_looks_for(tmp_path):
    """The checks are real: a planted widget with English, an untranslated tr and str(exc) are each found."""
    tree = ast.parse("class Planted:\n    def f(self, exc):\n        self.label.setText('Something broke')\n"
                     "        self.x.setText(self.tr('Never translated anywhere'))\n"
                     "        self.y.setText(str(exc))\n")
    calls = list(_calls(tree))
    assert any(_name(c) == "setText" and _english_literal(c.args[0]) for c, _ in calls)
    assert any(_name(c) == "tr" and ("Planted", _string(c.args[0])) not in catalogues() for c, _ in calls)
    assert any(_name(c) == "setText" and _exception_text(c.args[0]) for c, _ in calls)


# --- the core: the same catalogues, no vi/en pairs (docs/ui.md, "One translation mechanism") ---------------------

CORE = [p for p in sorted((ROOT / "fieldkit").rglob("*.py"))
        if p.relative_to(ROOT / "fieldkit").parts[0] not in ("ui", "central")]
VI_LETTERS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
# Vietnamese next to ASCII that is not a translation: demo people and units (names, codes), the diacritic folding.
NOT_TRANSLATIONS = {"fieldkit/demo.py", "fieldkit/store/demo.py", "fieldkit/domain/text.py"}
# Every core vi/en pair is converted (the last three files: devices/meter_log.py, services/readings.py,
# services/review_records.py); nothing may come back. A new one: `python scripts/i18n_codemod.py FILE`.


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def _pairs(tree: ast.AST) -> list[int]:
    """Lines where a Vietnamese literal is followed by an English one (a call's arguments, a tuple)."""
    out = []
    for node in ast.walk(tree):
        seq = node.args if isinstance(node, ast.Call) else node.elts if isinstance(node, ast.Tuple) else []
        for a, b in zip(seq, seq[1:], strict=False):
            vi, en = _text(a), _text(b)
            if vi and en is not None and VI_LETTERS.search(vi) and not VI_LETTERS.search(en):
                out.append(a.lineno)
    return out


def _marked(tree: ast.Module) -> list[tuple[int, str, str]]:
    """(line, context, source) of every `_M = Texts("ctx")` marker call `_M("source", ...)` / `_M.noop(...)`."""
    markers = {t.id: _string(n.value.args[0]) for n in ast.walk(tree) if isinstance(n, ast.Assign)
               and isinstance(n.value, ast.Call) and _name(n.value) == "Texts" and n.value.args
               for t in n.targets if isinstance(t, ast.Name)}
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args or _string(node.args[0]) is None:
            continue
        f = node.func
        base = f.id if isinstance(f, ast.Name) else f.value.id if isinstance(f, ast.Attribute) and \
            isinstance(f.value, ast.Name) and f.attr in ("noop", "text") else None
        if base in markers and markers[base] is not None:
            out.append((node.lineno, str(markers[base]), str(_string(node.args[0]))))
    return out


def _is_language_test(node: ast.AST) -> bool:
    """`lang == "vi"`, `"en" != language`, `x.lang == "vi"`...: a comparison with a language code."""
    return isinstance(node, ast.Compare) and any(
        _string(side) in ("vi", "en") for side in (node.left, *node.comparators))


def _vi_en_attributes(a: ast.AST, b: ast.AST) -> bool:
    """`x.vi` and `x.en`, `x.label_vi` and `x.label_en` (either order): one thing's words in two attributes."""
    if not (isinstance(a, ast.Attribute) and isinstance(b, ast.Attribute)):
        return False
    names = {a.attr, b.attr}
    stem = a.attr[:-2] if a.attr.endswith(("vi", "en")) else None
    return stem is not None and names == {stem + "vi", stem + "en"}


def _inline_choices(tree: ast.AST) -> list[int]:
    """Lines of `"…" if lang == "vi" else "…"`: a choice by language between two string literals (plain or
    f-strings) with words in them (a decimal mark `"," if lang == "vi" else "."` or a language code
    `"en" if x == "en" else "vi"` is not a translation)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.IfExp) and _is_language_test(node.test) and _vi_en_attributes(node.body, node.orelse):
            out.append(node.lineno)  # `x.label_vi if lang == "vi" else x.label_en`: a pair read apart
            continue
        if isinstance(node, ast.IfExp) and _is_language_test(node.test):
            a, b = _text(node.body), _text(node.orelse)
            if a is None or b is None or {a, b} <= {"vi", "en"}:
                continue
            if re.search(r"\w{2,}", a) or re.search(r"\w{2,}", b):
                out.append(node.lineno)
    return out


def _core_sites(find) -> dict[str, list[int]]:  # type: ignore[no-untyped-def]
    found: dict[str, list[int]] = {}
    for path in CORE:
        rel = path.relative_to(ROOT).as_posix()
        if rel in NOT_TRANSLATIONS:
            continue
        lines = find(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[rel] = lines
    return found


def test_no_vi_en_pair_left_in_the_core():
    found = _core_sites(_pairs)
    assert not found, f"vi/en literal pairs in the core (run scripts/i18n_codemod.py): {found}"


def test_no_widget_picks_a_things_vi_or_en_attribute():
    """The UI too shows a thing that carries a Message with `.text(lang)`, never `x.vi if lang == "vi" else x.en`."""
    found = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lines = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.IfExp) and _is_language_test(n.test)
                 and _vi_en_attributes(n.body, n.orelse)]
        if lines:
            found[path.relative_to(ROOT).as_posix()] = lines
    assert not found, f"x.vi if lang == 'vi' else x.en in the UI (use .text(lang)): {found}"


def _in_words_as_data(rel: str) -> set[int]:
    """Lines inside the classes allowed to hold words as data (WORDS_AS_DATA: a form's Text picks its vi or en)."""
    allowed = WORDS_AS_DATA.get(rel, set())
    tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
    return {n.lineno for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and c.name in allowed for n in ast.walk(c)
            if hasattr(n, "lineno")}


def test_no_inline_language_choice_in_the_core():
    found = {rel: kept for rel, lines in _core_sites(_inline_choices).items()
             if (kept := [n for n in lines if n not in _in_words_as_data(rel)])}
    assert not found, f'"…" if lang == "vi" else "…" in the core (mark the English with Texts): {found}'


def test_the_core_scans_find_what_they_look_for():
    """Planted: a vi/en tuple, an inline choice (plain and f-string, either comparison order) are found; a
    decimal mark chosen by language and a marked text are not."""
    planted = ast.parse(
        'A = ("Mất điện", "Power down")\n'
        'b = "Trang" if lang == "vi" else "Page"\n'
        'c = f"ngày {d}" if "en" != lang else f"on {d}"\n'
        'e = "Total" if self.lang == "en" else "Tổng cộng"\n'
        'f = "," if lang == "vi" else "."\n'
        'g = _M.text("Page", lang)\n'
        'h = "en" if lang == "en" else "vi"\n'
        'i = exc.message_vi if lang == "vi" else exc.message_en\n'
        'j = m.en if "en" == lang else m.vi\n'
        'k = m.even if lang == "en" else m.oddvi\n')
    assert _pairs(planted) == [1]
    assert _inline_choices(planted) == [2, 3, 4, 8, 9]


# A class of the core that holds its words as two strings, `vi`/`en` or `x_vi`/`x_en` (dataclass fields,
# class attributes, `self.` attributes), built from values the scans above never see: it carries a Message
# instead (`.vi`/`.en` as properties from it: messages.Worded). The one allowed exception is a form file's
# own words: `forms/definition.Text` holds the vi and en a form (or a meter model's settings) brings as
# data, versioned with the records made on it; nothing in the code translates them.
WORDS_AS_DATA = {"fieldkit/forms/definition.py": {"Text"}}
PAIR_SCOPE = [p for p in sorted((ROOT / "fieldkit").rglob("*.py")) if p.relative_to(ROOT / "fieldkit").parts[0] != "ui"]


def _holds_str(annotation: ast.AST | None) -> bool:
    return annotation is None or "str" in ast.unparse(annotation) or "Any" in ast.unparse(annotation)


def _pair_fields(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, "Class.x_vi/x_en") of every class holding a vi/en pair of strings (a property is not held)."""
    out = []
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        held: dict[str, int] = {}
        for node in cls.body:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and _holds_str(node.annotation):
                held.setdefault(node.target.id, node.lineno)
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Name):
                        held.setdefault(t.id, node.lineno)
        for fn in cls.body:
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for n in ast.walk(fn):
                targets = n.targets if isinstance(n, ast.Assign) else [n.target] if isinstance(n, ast.AnnAssign) else []
                for t in targets:
                    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                        held.setdefault(t.attr, n.lineno)
        for name, line in held.items():
            if (name == "vi" or name.endswith("_vi")) and name[:-2] + "en" in held:
                out.append((line, f"{cls.name}.{name}/{name[:-2]}en"))
    return out


def test_no_core_class_holds_its_words_as_a_vi_en_pair():
    found = []
    for path in PAIR_SCOPE:
        rel = path.relative_to(ROOT).as_posix()
        allowed = WORDS_AS_DATA.get(rel, set())
        found += [f"{rel}:{line} {what}" for line, what in _pair_fields(ast.parse(path.read_text(encoding="utf-8")))
                  if what.split(".")[0] not in allowed]
    assert not found, "core classes holding vi/en strings (carry a Message; Worded gives .vi/.en):\n" + "\n".join(found)
    # the exception is really there (else the allowance is stale and should go)
    assert _pair_fields(ast.parse((ROOT / "fieldkit/forms/definition.py").read_text(encoding="utf-8")))


def test_the_pair_field_scan_finds_what_it_looks_for():
    """Planted: dataclass fields, class attributes and self. attributes holding vi/en strings are found;
    properties derived from a Message, a Message field and a lone `vi` are not."""
    planted = ast.parse(
        "@dataclass\nclass Line:\n    label_vi: str\n    label_en: str\n    value: str\n"
        "class Err(Exception):\n    message_vi = 'Đã huỷ'\n    message_en = 'Cancelled'\n"
        "class Old:\n    def __init__(self, m):\n        self.vi = m.vi\n        self.en = m.en\n"
        "class Good(Worded):\n    what: Message\n    @property\n    def vi(self) -> str:\n        return self.what.vi\n"
        "    @property\n    def en(self) -> str:\n        return self.what.en\n"
        "class Counts:\n    n_vi: int\n    n_en: int\n"
        "class Lone:\n    vi: str\n")
    assert _pair_fields(planted) == [(3, "Line.label_vi/label_en"), (7, "Err.message_vi/message_en"),
                                     (11, "Old.vi/en")]


def test_every_marked_core_text_has_finished_vietnamese():
    have = catalogues()
    missing = []
    marked = 0
    for path in [*CORE, *sorted(UI.rglob("*.py"))]:
        for line, ctx, src in _marked(ast.parse(path.read_text(encoding="utf-8"))):
            marked += 1
            if (ctx, src) not in have:
                missing.append(f"{path.relative_to(ROOT)}:{line} {ctx}: {src!r}")
    assert marked > 200  # it really found the core's texts (221 when written)
    assert not missing, "\n".join(missing)


def test_one_catalogue_format_for_qt_and_the_core():
    """The core's catalogue is a Qt Linguist file that lrelease compiles like the others, and the core's
    reader and Qt read the same translation from it."""
    from fieldkit.domain import messages

    ts = ROOT / "resources" / "translations" / "core_vi.ts"
    root = ET.parse(ts).getroot()
    assert root.tag == "TS" and root.find("context/message/source") is not None
    table = messages.read_ts(ts)
    key = ("domain.problems", next(s for (c, s) in table if c == "domain.problems"))
    assert messages.catalogue("vi")[key] == table[key]


def test_the_cli_reads_vietnamese_from_the_ts_without_qt(tmp_path):
    """No Qt in the process: the core's texts, a server refusal and a disk error come in Vietnamese from the
    .ts files, numbers in the Vietnamese format; English on request."""
    import subprocess
    import sys

    script = r"""
import sys
from fieldkit.domain import messages, reasons
from fieldkit.domain.problems import network
from fieldkit.store import disk
assert not any(m.startswith(("PySide6", "shiboken6")) for m in sys.modules), "Qt was imported"
print(network("unreachable").message("vi"))
print(reasons.problem("field_too_long", {"field": "payload.serial", "max": 64}).message("vi"))
print(reasons.problem("field_too_long", {"field": "payload.serial", "max": 64}).message("en"))
print(disk.problem("disk_full", "/x").vi)
print(messages.tr("domain.problems", "{message} ({detail})", "vi", message="a", detail="b"))
print(not any(m.startswith(("PySide6", "shiboken6")) for m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Không kết nối được máy chủ.")
    assert lines[1].startswith("Trường số công tơ dài quá (tối đa 64).") and "payload" not in lines[1]
    assert lines[2].startswith("The field payload.serial is too long (at most 64).")
    assert lines[3].startswith("Ổ đĩa đã đầy.") and "/x" not in lines[3]
    assert lines[4] == "a" and lines[5] == "True"


def test_the_catalogue_reader_is_fast_and_cached():
    import time

    from fieldkit.domain import messages

    messages.forget_catalogues()
    t0 = time.perf_counter()
    vi = messages.catalogue("vi")
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    assert messages.catalogue("vi") is vi
    again = time.perf_counter() - t0
    print(f"\nall *_vi.ts parsed in {first * 1000:.1f} ms ({len(vi)} texts); cached lookup {again * 1e6:.1f} µs")
    assert len(vi) > 1000 and first < 0.5 and again < 0.001


def test_numbers_in_core_texts_follow_the_language():
    """vi 109,5 kWh and 31.051,463; en 109.5 kWh: in the domain's abnormal-use message, in a Message's
    parameters and in the daily summary's readings (one format per language, domain/numbers.py)."""
    from datetime import datetime, timedelta
    from decimal import Decimal

    from fieldkit.documents.daily_summary import describe
    from fieldkit.domain import numbers
    from fieldkit.domain.anomalies import check_consumption
    from fieldkit.domain.messages import Message
    from fieldkit.domain.report_figures import SummaryItem

    t0 = datetime(2026, 9, 1)
    history = [(t0 + timedelta(days=30 * i), Decimal(3 * 30 * i)) for i in range(4)]
    f = check_consumption(history, (t0 + timedelta(days=100), Decimal("379.5")))  # 109.5 kWh in 10 days
    assert f is not None and "109,5 kWh" in f.vi and "109.5 kWh" in f.en and "109.5" not in f.vi
    m = Message("", "{a} kWh · {b}", (("a", Decimal("31051.463")), ("b", 0.5)))
    assert m.text("vi") == "31.051,463 kWh · 0,5" and m.text("en") == "31,051.463 kWh · 0.5"
    assert numbers.format_percent(50, "vi") == "50,0 %" and numbers.format_number(31051, "vi") == "31.051"
    item = SummaryItem(t0, "reading", "WO-1", "PA23VG0053140", "A", "VSN1", "1.8.0 = 12345.6 kWh")
    assert "12.345,6\u00a0kWh" in describe(item, "vi") and "12,345.6\u00a0kWh" in describe(item, "en")


def test_core_translations_use_only_the_sources_placeholders():
    """A Vietnamese text may leave a parameter out (the English detail), never use one its source does not
    give: it would print '?' (the codemod's one-sided pairs are fixed by hand)."""
    import string

    def fields(text: str) -> set[str]:
        return {n for _l, n, _s, _c in string.Formatter().parse(text) if n is not None}

    from fieldkit.domain import messages

    bad = [f"{ctx}: {src!r} -> {tr!r}" for (ctx, src), tr in
           messages.read_ts(ROOT / "resources" / "translations" / "core_vi.ts").items()
           if not fields(tr) <= fields(src) or "" in fields(src)]
    assert not bad, "\n".join(bad)


def test_the_gui_shows_core_texts_through_qt_and_follows_a_live_switch(qapp):
    """In the GUI the core's marked texts are looked up with QCoreApplication.translate in the UI language
    (the .qm loaded for the widgets), so a language switch changes them too."""
    from fieldkit.domain import messages
    from fieldkit.domain.problems import network
    from fieldkit.ui import labels
    from fieldkit.ui.i18n import Translations

    t = Translations()
    asked: list[tuple[str, str]] = []
    try:
        t.switch("en")
        qt_lookup = messages._state["lookup"]
        assert qt_lookup is not None and messages.current_language() == "en"
        messages.install(lambda c, s: asked.append((c, s)) or qt_lookup(c, s), lambda: t.language)
        assert network("unreachable").text.text().startswith("The server cannot be reached.")
        assert labels.format_decimal(109.5) == "109.5"
        t.switch("vi")  # installs Qt's lookup again, for Vietnamese
        assert network("unreachable").text.text().startswith("Không kết nối được máy chủ.")
        assert labels.format_decimal(109.5) == "109,5"
        assert ("domain.problems", messages.Texts.noop(network("unreachable").text.source)) in asked
    finally:
        t.switch("vi")
