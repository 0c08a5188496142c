"""Vietnamese / English through Qt Linguist, switchable while the app runs: the one translation mechanism
of the UI and the core (docs/ui.md). `switch` also hands `QCoreApplication.translate` to the core's
`domain/messages.py`, so the core's marked texts (core_<lang>.ts) follow the UI language.

`resources/translations/<area>_<lang>.ts` are the sources; the setup script compiles
them to `.qm`. At run time we load the `.qm`. When it is missing or older than its
`.ts` (a fresh checkout without setup) we compile it on the fly with pyside6-lrelease
into a cache folder; when lrelease is not available either, we read the `.ts` directly
(`TsTranslator`) and log that we did. Installing a new translator makes Qt send a
LanguageChange event to every widget, which calls its `retranslate()`.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fieldkit.domain import messages
from fieldkit.ui.qt import QCoreApplication, QLocale, QTranslator
from fieldkit.ui.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}  # each named in its own language
DEFAULT_LANGUAGE = messages.DEFAULT_LANGUAGE


def _qt_translate(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


class TsTranslator(QTranslator):
    """Fallback: translations read straight from a .ts file (no compiled .qm)."""

    def __init__(self, ts_file: Path):
        super().__init__()
        self._map = messages.read_ts(ts_file)  # the core's Qt-free reader: one parser of our catalogues

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None (a null QString) lets Qt ask the next catalogue; "" would stop it there, and with one
        # catalogue per area every text outside the last one came out empty
        return self._map.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return not self._map


def _lrelease() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def catalogues(lang: str) -> list[str]:
    """Translation catalogues for `lang`: `fieldkit_<lang>.ts` plus one per feature area
    (`<area>_<lang>.ts`), so work on different screens never edits the same file."""
    folder = resource_path("translations")
    names = sorted({p.stem.rsplit("_", 1)[0] for p in folder.glob(f"*_{lang}.ts")})
    return sorted(names, key=lambda n: (n != "fieldkit", n))


def _compiled(lang: str, name: str = "fieldkit", build: bool = True) -> tuple[Path | None, str]:
    """The .qm to load for `lang`, and how we got it (for the log and the about box).
    With `build=False` (a switch on the UI thread) a stale .qm is never compiled here: lrelease
    is a process the UI thread would wait for (200-370 ms per switch, 1 ms of its own CPU, caught
    by bench/ui.py); the caller reads the .ts instead and `compile_stale` fills the cache."""
    ts = resource_path("translations", f"{name}_{lang}.ts")
    qm = ts.with_suffix(".qm")
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm, "qm"
    if not ts.exists():
        return None, "missing"
    tool = _lrelease()
    if tool:
        out = Path(tempfile.gettempdir()) / "fieldkit-qm" / f"{name}_{lang}_{int(ts.stat().st_mtime)}.qm"
        if not out.exists() and not build:
            return None, "ts"
        if not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                subprocess.run([tool, "-silent", str(ts), "-qm", str(out)], check=True, timeout=60,
                               capture_output=True)
            except (OSError, subprocess.SubprocessError) as exc:
                log.warning("could not compile %s with %s: %s", ts, tool, exc)
                return None, "ts"
        return out, "compiled"
    return None, "ts"


def compile_stale() -> int:
    """Compile every stale or missing .qm of every language into the cache (run in the
    background, e.g. once the first window is up); returns how many were compiled."""
    done = 0
    for lang in LANGUAGES:
        for name in catalogues(lang):
            qm, how = _compiled(lang, name, build=False)
            if qm is None and how == "ts" and _compiled(lang, name)[1] == "compiled":
                done += 1
    return done


class Translations:
    """Owns the installed translators; `switch(lang)` changes the language of the whole UI."""

    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.language = ""
        self.source = ""

    def switch(self, lang: str) -> str:
        if lang not in LANGUAGES:
            lang = DEFAULT_LANGUAGE
        if lang == self.language:
            return lang
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        for old in self._translators:
            app.removeTranslator(old)
        self._translators = []
        sources: list[str] = []
        for name in catalogues(lang) or ["fieldkit"]:
            translator, how = self._load(lang, name)
            sources.append(how)
            if translator is not None:
                app.installTranslator(translator)  # sends LanguageChange to every widget
                self._translators.append(translator)
        self.language = lang
        # the core's marked texts (domain/messages.py) now come from the same loaded translators
        messages.install(_qt_translate, lambda: self.language or DEFAULT_LANGUAGE)
        self.source = sources[0] if len(set(sources)) == 1 else ",".join(sources)
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English,
                                   QLocale.Country.Vietnam))
        return lang

    @staticmethod
    def _load(lang: str, name: str) -> tuple[QTranslator | None, str]:
        qm, how = _compiled(lang, name, build=False)
        translator: QTranslator | None = None
        if qm is not None:
            translator = QTranslator()
            if not translator.load(str(qm)):
                log.warning("could not load %s", qm)
                translator, how = None, "ts"
        if translator is None:
            ts = resource_path("translations", f"{name}_{lang}.ts")
            if ts.exists():
                translator, how = TsTranslator(ts), "ts"
                log.info("translations for %s read from %s (no .qm; run scripts/setup.sh)", lang, ts.name)
            else:
                how = "missing"
                log.warning("no translations for %s: the UI shows the English source text", lang)
        return translator, how
