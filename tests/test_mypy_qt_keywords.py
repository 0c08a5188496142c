"""The mypy plugin for PySide6's constructor keywords (scripts/mypy_qt_keywords.py): the keywords a
class really takes pass and keep the widget's type; a misspelled one, or a keyword given to a
constructor of our own, is still an error."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
mypy_api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parents[1]

SOURCE = """
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget


class Mine(QLabel):
    pass


class Own(QWidget):
    def __init__(self, size: int) -> None:
        super().__init__()


def f(w: QWidget) -> None:
    reveal_type(QLabel("x", objectName="Hint"))                  # line 16: inherited property
    QShortcut(QKeySequence("F2"), w, activated=lambda: None)     # line 17: a signal
    reveal_type(Mine(objectName="M", toolTip="t"))              # line 18: through a subclass
    QLabel("x", objectNme="Hint")                                # line 19: misspelled
    QShortcut(QKeySequence("F2"), w, activatd=lambda: None)      # line 20: misspelled
    Own(3, objectName="O")                                       # line 21: our own constructor
"""


def _check(tmp_path: Path, plugin: bool) -> list[str]:
    (tmp_path / "snippet.py").write_text(textwrap.dedent(SOURCE), encoding="utf-8")
    plugins = f"plugins = {ROOT / 'scripts' / 'mypy_qt_keywords.py'}" if plugin else ""
    (tmp_path / "mypy.ini").write_text(f"[mypy]\nstrict = True\n{plugins}\n", encoding="utf-8")
    out, _err, _status = mypy_api.run(["--config-file", str(tmp_path / "mypy.ini"), "--cache-dir",
                                      str(tmp_path / "cache"), "--no-error-summary", str(tmp_path / "snippet.py")])
    return [line.split("snippet.py:", 1)[1] for line in out.splitlines() if "snippet.py:" in line]


def _lines(found: list[str], kind: str) -> set[int]:
    return {int(line.split(":", 1)[0]) for line in found if f" {kind}: " in line}


def test_the_keywords_qt_takes_pass_and_misspelled_ones_do_not(tmp_path: Path) -> None:
    found = _check(tmp_path, plugin=True)
    assert _lines(found, "error") == {19, 20, 21}, found
    notes = [line for line in found if "Revealed type" in line]
    assert any(line.startswith("16:") and '"PySide6.QtWidgets.QLabel"' in line for line in notes), found
    assert any(line.startswith("18:") and '"snippet.Mine"' in line for line in notes), found


def test_without_the_plugin_the_stubs_reject_them(tmp_path: Path) -> None:
    """What the plugin is for: PySide6's stubs alone refuse the inherited keywords (and type the
    widget Any), so this test shows the first one checks something."""
    found = _check(tmp_path, plugin=False)
    assert {16, 17, 18} <= _lines(found, "error"), found
