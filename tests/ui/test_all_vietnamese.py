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
    QPlainTextEdit,
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
        elif isinstance(w, QPlainTextEdit):  # the review's capture text: our lines, not the meter's bytes
            for line in w.toPlainText().splitlines():
                if line.strip() and not line.startswith((" ", "0")):
                    add(w, line)
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


def test_the_apps_command_and_the_review_text_are_vietnamese(capsys, monkeypatch, tmp_path):
    """What the laptop's users read outside the windows, in Vietnamese: `fieldkit` (the app's command)
    refusing a missing or wrong profile folder, a damaged keyring, no screen; the last-resort error and
    Ctrl+C of any laptop command; the review's capture text (a DLMS reading and bytes that are no
    capture); and the tamper finding that says the meter's clock kept the comparison from being made."""
    from datetime import UTC, datetime, timedelta
    from decimal import Decimal

    from fieldkit import cli
    from fieldkit.devices.meter_log import LoadProfile, MeterEvent, meaning
    from fieldkit.domain.messages import set_language
    from fieldkit.domain.models import Meter
    from fieldkit.services.readings import Target, evidence_findings
    from fieldkit.services.review_evidence import render_capture

    english, _vi = vocabulary()
    monkeypatch.setenv("FIELDKIT_CONFIG_DIR", str(tmp_path / "config"))
    said: list[tuple[str, str]] = []

    def run(name: str, *argv: str) -> int:
        code = cli.main(list(argv))
        out = capsys.readouterr()
        said.extend((name, line) for line in (out.out + out.err).splitlines() if line.strip())
        return code

    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "keyring.json").write_text("{not json")
    assert run("gui: no such folder", "gui", "--profile", str(tmp_path / "nowhere")) == 2
    assert run("gui: a file", "gui", "--profile", str(a_file)) == 2
    assert run("gui: damaged keyring", "gui", "--profile", str(broken)) == 2
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    (tmp_path / "empty").mkdir()
    assert run("gui: no screen", "gui", "--profile", str(tmp_path / "empty")) == 2

    # `fieldkit doctor`, which the last-resort message sends them to: a real profile (keys, encryption,
    # integrity), an empty folder, a damaged keyring, a server that does not answer
    from fieldkit.services import ui_queries
    from fieldkit.store.keyring import FAST_KDF

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    real = tmp_path / "real"
    ui_queries.create_first_user(real, display_name="Lan", role="technician", pin="246810", pin_again="246810",
                                 params=FAST_KDF).close()
    monkeypatch.setenv("FIELDKIT_PIN", "246810")
    assert run("doctor: a profile", "doctor", "--profile", str(real), "--user", "lan",
               "--server", "http://127.0.0.1:9") == 0
    monkeypatch.setenv("FIELDKIT_PIN", "000000")
    assert run("doctor: wrong PIN", "doctor", "--profile", str(real), "--user", "lan") == 1
    assert run("doctor: empty folder", "doctor", "--profile", str(tmp_path / "empty")) == 1
    assert run("doctor: damaged keyring", "doctor", "--profile", str(broken)) == 1
    assert sum(name.startswith("doctor") for name, _ in said) >= 20
    monkeypatch.delenv("QT_QPA_PLATFORM")
    # `fieldkit probes`: none found, then every port (whatever this machine has: none, or ports of no known chip)
    monkeypatch.setattr("fieldkit.devices.discovery.candidates", lambda include_all=False: [])
    assert run("probes: none", "probes") == 0
    assert any(name == "probes: none" for name, _ in said)

    class Failing:
        @staticmethod
        def register(parser):  # type: ignore[no-untyped-def]
            parser.add_argument("--x")

        @staticmethod
        def run(args):  # type: ignore[no-untyped-def]
            raise args.x == "stop" and KeyboardInterrupt() or LookupError("x")

    monkeypatch.setattr(cli, "_load", lambda name: Failing)
    assert run("last resort", "probes", "--x", "y") == 70
    assert run("Ctrl+C", "probes", "--x", "stop") == 130
    set_language("vi")
    capture = (ROOT / "tests" / "data" / "dlms" / "dlms-tamper.capture.json").read_bytes()
    said += [("review: capture", line) for line in render_capture(capture).splitlines()
             if line.strip() and not line.startswith(("  ", "0"))]  # the readable bytes and hex are the meter's
    said += [("review: no capture", render_capture(b"garbage").splitlines()[0])]
    opened = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)
    profile = LoadProfile(900, [("1.29.0", "kWh")])
    t = opened - timedelta(days=1)
    for i in range(192):  # the clock went back an hour 1 h after the opening, the log does not say so
        t = t + timedelta(minutes=15) - (timedelta(hours=1) if i == 100 else timedelta(0))
        profile.rows.append((t, [Decimal("0.4") if i > 96 else Decimal(1)]))
    m = meaning(44)
    findings = evidence_findings(Target(Meter("m1", "1"), None, None, ()),
                                 [MeterEvent(opened, 44, m.key, m.name, m.tamper)], profile)
    assert "tamper_consumption_unclear" in {f.code for f in findings}
    said += [(f"finding {f.code}", f.message("vi")) for f in findings]
    assert len(said) >= 10 and any(name == "gui: no screen" for name, _ in said)
    found = english_in([(name, re.sub(r"/\S+", " ", line)) for name, line in said], english)  # paths are data
    assert not found, "\n".join(found)


def test_the_collector_reads_text_boxes(qtbot):
    """A text box (the review's capture view) is read line by line: our own lines are checked, the meter's
    bytes (indented readable text, hex lines) are not."""
    box = QPlainTextEdit("[    0.000 s] laptop -> meter (tx), 5 bytes at 300 baud\n  /?!<CR><LF> the meter's text\n"
                         "000000  2f 3f 21 0d 0a   |/?!..|\n[    0.100 s] máy tính -> công tơ (tx), 5 byte, tốc độ 300 baud")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(box.isVisible)
    found = english_in(visible_texts(box), vocabulary()[0])
    assert len(found) == 1 and "laptop -> meter" in found[0], found
