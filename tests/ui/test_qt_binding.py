"""The Qt binding must not lose references to None/True/False.

PySide6-Essentials 6.12.0 lost one reference to None or a bool on every call returning
one (an empty `currentData()`, a signal's `emit()`), so long UI sessions and the full
test run ended in "Fatal Python error: deallocating None". pyproject.toml excludes that
release; this test fails if such a binding is installed again.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QComboBox

app = QApplication([])
combo = QComboBox()

class Emitter(QObject):
    fired = Signal()

emitter = Emitter()
before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
for _ in range(500):
    combo.currentData()
    emitter.fired.emit()
    combo.isEnabled()
after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
print(" ".join(str(a - b) for a, b in zip(after, before)))
"""


def test_binding_keeps_references_to_singletons():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    deltas = [int(x) for x in result.stdout.split()]
    assert all(abs(d) < 50 for d in deltas), f"reference counts drifted by {deltas} over 500 calls"
