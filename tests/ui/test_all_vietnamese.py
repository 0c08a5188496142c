"""Every page in Vietnamese: render each page (and the sub-screens a click opens) as the
supervisor and the technician in `vi`, collect every text a user can see (labels, buttons,
tabs, group titles, drop-down items, placeholders, table headers and cells, list items,
status bar, window title) and fail on any text with an English word in it.

An English word is one of the words of the English source texts of our translation
catalogues (or a common English word) that never occurs in their Vietnamese translations
(so "QR", "PDF", "kWh", "FieldKit" pass). Data (names, codes, serials) is Vietnamese or
has no words.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
)

from fieldkit.ui.main_window import PAGES

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"\b[A-Za-z][a-z]{2,}\b")
COMMON = {"the", "and", "with", "from", "for", "this", "that", "not", "none", "yes", "error", "loading", "save",
          "cancel", "open", "close", "read", "meter", "customer", "customers", "work", "order", "orders", "sync",
          "server", "offline", "online", "waiting", "never", "last", "today", "settings", "search", "page"}


# Vietnamese syllables written without diacritics that are also English words (place and person names:
# "Vĩnh Long", "Xã Phú Long", "Đồng Văn", "Sơn Tây"...): never taken for English.
VIETNAMESE_SYLLABLES = {"long", "lang", "hang", "sang", "bang", "tan", "van", "ban", "can", "con", "tin", "nam", "man",
                        "hung", "lan", "mai", "binh", "minh", "thanh", "son", "tam", "thu", "hoa", "kim", "bao"}


def vocabulary() -> tuple[set[str], set[str]]:
    english: set[str] = set(COMMON)
    vietnamese: set[str] = set()
    for ts in (ROOT / "resources" / "translations").glob("*_vi.ts"):
        for msg in ET.parse(ts).getroot().iter("message"):
            source = msg.findtext("source") or ""
            target = msg.findtext("translation") or ""
            english.update(w.lower() for w in WORD.findall(source))
            vietnamese.update(w.lower() for w in WORD.findall(target))
    return english - vietnamese - VIETNAMESE_SYLLABLES, vietnamese


def visible_texts(root) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    out: list[tuple[str, str]] = []

    def add(widget, text):  # type: ignore[no-untyped-def]
        if text:
            out.append((f"{type(widget).__name__}#{widget.objectName()}", str(text)))

    for w in [root, *root.findChildren(QObject)]:
        if not hasattr(w, "isVisible") or not w.isVisible():
            continue
        if isinstance(w, QLabel):
            add(w, re.sub(r"<[^>]+>", " ", w.text()))
        elif isinstance(w, QAbstractButton):
            add(w, w.text())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, w.tabText(i))
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, w.itemText(i))
        elif isinstance(w, QLineEdit):
            add(w, w.placeholderText())
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                add(w, w.item(i).text())
        elif isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            for c in range(m.columnCount()):
                add(w, m.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
            for r in range(min(5, m.rowCount())):
                for c in range(m.columnCount()):
                    add(w, m.index(r, c).data())
    return out


# Where a language is offered by its own name (the header's switch, the Settings choice).
LANGUAGE_CHOOSERS = ("#LanguageButton", "#setting_language")


def english_in(texts: list[tuple[str, str]], english: set[str]) -> list[str]:
    found = []
    for where, text in texts:
        if where.endswith(LANGUAGE_CHOOSERS):  # a language is named in itself ("English"), on purpose
            continue
        text = re.sub(r"https?://\S+", " ", text)  # addresses are not words
        words = {w.lower() for w in WORD.findall(text)} & english
        if words:
            found.append(f"{where}: {text!r} ({', '.join(sorted(words))})")
    return sorted(set(found))


@pytest.mark.parametrize(("user", "pin"), [("lan", "246810"), ("hung", "135790")])
def test_every_page_is_vietnamese(qtbot, supervisor, shell, user, pin):
    english, _vi = vocabulary()
    assert {"customers", "reading", "approve"} <= english  # the vocabulary is real
    form = shell.login_window.login
    assert not english_in(visible_texts(shell.login_window), english)
    form.select_user(user)
    form.pin.setText(pin)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    win = shell.main_window
    win.resize(1358, 688)
    found: list[str] = []
    for spec in PAGES:
        page = win.go_to(spec.id)
        qtbot.wait(400)
        found += [f"{spec.id}: {t}" for t in english_in(visible_texts(win), english)]
        tabs = page.findChildren(QTabWidget)
        for tab in tabs:
            for i in range(tab.count()):
                tab.setCurrentIndex(i)
                qtbot.wait(300)
                found += [f"{spec.id} tab {i}: {t}" for t in english_in(visible_texts(win), english)]
    assert not found, "\n".join(sorted(set(found)))


def test_every_screen_of_the_screenshot_tour_is_vietnamese(qapp, tmp_path, stall_probe):
    """The `fieldkit screenshots` tour (first run, wrong PIN, work orders, install form, customers,
    review detail, every onboarding step, the reading panel during and after a read, manual entry)
    in Vietnamese: every screen it shows, checked as it shows it."""
    import argparse

    from fieldkit.ui import screenshots

    english, _vi = vocabulary()
    found: list[str] = []
    names: list[str] = []

    def look(widget, name, lang):  # type: ignore[no-untyped-def]
        names.append(name)
        found.extend(f"{name}: {t}" for t in english_in(visible_texts(widget), english))

    args = argparse.Namespace(outdir=str(tmp_path / "shots"), customers=300, scale="normal", only="all",
                              langs=("vi",), on_shot=look)
    assert screenshots.run(args) == 0
    assert len(names) >= 30 and "readings-after" in names and "onboarding-05-bill-qr" in names
    stall_probe.reset()  # the tour drives the app from outside the event loop; its pauses are not the app's
    assert not found, "\n".join(sorted(set(found)))
