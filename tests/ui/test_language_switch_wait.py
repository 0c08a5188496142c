"""A language switch never waits for lrelease on the UI thread.

A checkout whose .ts files changed after their .qm (a rebase, an edit) used to compile each stale
catalogue with pyside6-lrelease inside `Translations.switch`: bench/ui.py measured the live switch
to English at 207-370 ms with 1 ms of the UI thread's own CPU (a wait for the child process). Now
the switch reads such a .ts directly and `compile_stale` (run in the background by the Shell)
fills the compiled cache for the next switch.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from fieldkit.ui import i18n
from fieldkit.ui.qt import QCoreApplication
from fieldkit.ui.resources import resource_path


@pytest.fixture
def stale_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Our catalogues copied with every .ts newer than its .qm, an empty compile cache, and a
    record of every process the i18n module starts (and on which thread)."""
    folder = tmp_path / "resources" / "translations"
    folder.mkdir(parents=True)
    for f in resource_path("translations").iterdir():
        if f.suffix in (".ts", ".qm"):
            shutil.copy2(f, folder / f.name)
    for ts in folder.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if qm.exists():
            os.utime(ts, (qm.stat().st_mtime + 60, qm.stat().st_mtime + 60))
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath("resources", *parts))
    cache = tmp_path / "tmp"
    cache.mkdir()
    monkeypatch.setattr(i18n.tempfile, "gettempdir", lambda: str(cache))
    calls: list[str] = []
    real_run = i18n.subprocess.run

    def run(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(threading.current_thread().name)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(i18n.subprocess, "run", run)
    return calls


def _uninstall(app: QCoreApplication, tr: i18n.Translations) -> None:
    for t in tr._translators:
        app.removeTranslator(t)


def test_switch_reads_a_stale_catalogue_without_starting_lrelease(qapp, stale_checkout: list[str]) -> None:
    tr = i18n.Translations()
    try:
        assert tr.switch("en") == "en"
        assert tr.switch("vi") == "vi"
        assert stale_checkout == []  # no lrelease, on any thread, during a switch
        assert tr.source == "ts"  # every catalogue read from its (newer) .ts
        # and the texts are there: a page name and a core catalogue entry in Vietnamese
        assert QCoreApplication.translate("Pages", "Customers") == "Khách hàng"
        assert QCoreApplication.translate("Pages", "Settings") == "Cài đặt"
    finally:
        _uninstall(qapp, tr)


def test_compile_stale_fills_the_cache_off_the_ui_thread(qapp, stale_checkout: list[str]) -> None:
    if i18n._lrelease() is None:
        pytest.skip("no pyside6-lrelease in this environment")
    catalogues = len(i18n.catalogues("vi")) + len(i18n.catalogues("en"))
    worker = threading.Thread(target=lambda: results.append(i18n.compile_stale()), name="background")
    results: list[int] = []
    worker.start()
    worker.join(timeout=300)
    assert results == [catalogues] and set(stale_checkout) == {"background"}
    assert i18n.compile_stale() == 0  # nothing left to compile: a second run starts no process
    assert len(stale_checkout) == catalogues
    tr = i18n.Translations()
    try:
        tr.switch("en")
        assert tr.source == "compiled"  # the next switch loads what the background compiled
        assert len(stale_checkout) == catalogues
    finally:
        _uninstall(qapp, tr)
