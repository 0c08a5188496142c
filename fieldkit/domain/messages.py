"""The one translation mechanism, as the Qt-free core sees it (docs/ui.md, "One translation mechanism").

Every translation lives in a Qt Linguist catalogue, `resources/translations/<area>_<lang>.ts`, keyed by
(context, English source text); parameters are `{name}` placeholders. The core marks its texts with a
`Texts` of its context and gets a `Message` (context, source, params) that is translated when it is
shown, in the language asked for or the current one:

    _M = Texts("services.session")
    raise ValidationError([Problem("username", "unknown", _M("There is no user '{username}'.", username=u))])

The lookup is pluggable: in the GUI, `fieldkit/ui/i18n.py` installs `QCoreApplication.translate` and the
UI language (so the core's texts come from the same loaded `.qm` and follow a live language switch); in
the CLI, the server and the tests, the same `.ts` files are read here with the standard library
(parsed once per language, on first use). Numbers among the parameters follow the language (vi 109,5,
en 109.5: `domain/numbers.py`). `scripts/i18n_codemod.py` turns old vi/en pairs into this form and writes
their Vietnamese into `core_vi.ts`.
"""

from __future__ import annotations

import string
import sys
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from fieldkit.domain.numbers import format_decimal, localise

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
FINISHED_NOT = ("unfinished", "obsolete", "vanished")


def translations_folder() -> Path:
    """`resources/translations` beside the package in a checkout; inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) / "resources" if bundle else Path(__file__).resolve().parents[2] / "resources"
    return root / "translations"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation, from one Qt Linguist .ts file (standard library only)."""
    import xml.etree.ElementTree as ET  # only when a catalogue is read (the GUI asks Qt's loaded .qm)

    out: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") not in FINISHED_NOT:
                out[(name, source)] = tr.text
    return out


_cache: dict[str, dict[tuple[str, str], str]] = {}
_lock = threading.Lock()


def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """Every finished translation into `lang` from every `<area>_<lang>.ts` (parsed once, then cached)."""
    table = _cache.get(lang)
    if table is None:
        with _lock:
            table = _cache.get(lang)
            if table is None:
                table = {}
                for ts in sorted(translations_folder().glob(f"*_{lang}.ts")):
                    table.update(read_ts(ts))
                _cache[lang] = table
    return table


def forget_catalogues() -> None:
    """Read the .ts files again on next use (after they changed)."""
    with _lock:
        _cache.clear()


# --- the current language and the lookup (the GUI installs Qt's) ---------------------------------------------

Lookup = Callable[[str, str], str]
_state: dict[str, Any] = {"language": DEFAULT_LANGUAGE, "lookup": None, "lookup_language": None}


def set_language(lang: str) -> None:
    """The language of texts shown without one asked for (the CLI's; the GUI's comes with its lookup)."""
    _state["language"] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    follow: Callable[[], str] | None = _state["lookup_language"]
    return follow() if follow is not None else str(_state["language"])


def install(lookup: Lookup | None, language: Callable[[], str] | None = None) -> None:
    """Translate through `lookup(context, source)` (Qt's `QCoreApplication.translate` in the GUI) for the
    language `language()` says is current; None goes back to reading the .ts files here."""
    _state["lookup"], _state["lookup_language"] = lookup, language


def translate(context: str, source: str, lang: str | None = None) -> str:
    """`source` (English) of `context` in `lang` (the current language when None); the source itself when
    no finished translation exists (as Qt does)."""
    lang = lang or current_language()
    lookup: Lookup | None = _state["lookup"]
    if lookup is not None and lang == current_language():
        return lookup(context, source) or source
    return catalogue(lang).get((context, source), source)


# --- marked texts -----------------------------------------------------------------------------------------------

@runtime_checkable
class Localised(Protocol):
    """Anything that says itself in a language (a Message; a server's id named in Vietnamese...)."""

    def text(self, lang: str | None = None) -> str: ...


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Localised):
            return format(value.text(self.lang), format_spec)
        if isinstance(value, (float, Decimal)) and not isinstance(value, bool):
            if not format_spec:
                return format_decimal(value, self.lang)
            return localise(format(value, format_spec), self.lang)
        if isinstance(value, int) and not isinstance(value, bool) and format_spec:
            return localise(format(value, format_spec), self.lang)
        return format(value, format_spec)


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


@dataclass(frozen=True)
class Message:
    """A text to translate when shown: (context, English source with `{name}` placeholders, params).
    A parameter may itself be a Message (translated in the same language) or a number (formatted in it)."""

    context: str
    source: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        template = translate(self.context, self.source, lang)
        if not self.params:  # a marked table text: its {placeholders} are filled by whoever formats it
            return template
        try:
            return _Formatter(lang).vformat(template, (), _Missing(self.params))
        except (ValueError, IndexError, KeyError, AttributeError):  # a broken translation: never fail to show
            return _Formatter(lang).vformat(self.source, (), _Missing(self.params)) if lang != "en" else self.source

    @property
    def vi(self) -> str:
        return self.text("vi")

    @property
    def en(self) -> str:
        return self.text("en")

    def with_params(self, **params: Any) -> Message:
        return Message(self.context, self.source, tuple({**dict(self.params), **params}.items()))

    def __str__(self) -> str:
        return self.text()


class Worded(ABC):
    """`.vi` and `.en` of a thing that carries its words as a Message (`words()`), for the callers that
    want one language: problems, findings, disk and print errors."""

    __slots__ = ()

    @abstractmethod
    def words(self) -> Message: ...

    @property
    def vi(self) -> str:
        return self.words().text("vi")

    @property
    def en(self) -> str:
        return self.words().text("en")


def verbatim(text: str) -> Message:
    """A text that is the same in every language (a code, a name, a number already written)."""
    return Message("", "{text}", (("text", text),))


def localised(words: Localised) -> Message:
    """A text that already says itself in each language (a form's own vi/en label, from the form's file)."""
    return Message("", "{text}", (("text", words),))


class Lowered:
    """A translated text in lower case, for the middle of a sentence (a list of event names)."""

    def __init__(self, words: Localised):
        self.words = words

    def text(self, lang: str | None = None) -> str:
        return self.words.text(lang).lower()


def joined(parts: Sequence[Localised], sep: str = " ") -> Message:
    """Messages shown one after the other (each translated)."""
    names = [f"p{i}" for i in range(len(parts))]
    return Message("", sep.join("{" + n + "}" for n in names), tuple(zip(names, parts, strict=True)))


class Texts:
    """The marker of one context: `_M = Texts("domain.problems")`; `_M("English {n}", n=3)` is a Message;
    `_M.noop("English")` marks a source kept in a table and translated later with `_M(source)`."""

    def __init__(self, context: str):
        self.context = context

    def __call__(self, source: str, **params: Any) -> Message:
        return Message(self.context, source, tuple(params.items()))

    @staticmethod
    def noop(source: str) -> str:
        return source

    def text(self, source: str, lang: str | None = None, **params: Any) -> str:
        return self(source, **params).text(lang)


def tr(context: str, source: str, lang: str | None = None, **params: Any) -> str:
    """`source` of `context`, translated into `lang` (or the current language), placeholders filled."""
    return Message(context, source, tuple(params.items())).text(lang)


def params_of(message: Message) -> Mapping[str, Any]:
    return dict(message.params)
