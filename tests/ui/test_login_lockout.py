"""The login form after wrong PINs: the time left before the next try, then the lock, in the UI language."""

from __future__ import annotations

import pytest

from fieldkit.store import pin_policy
from tests.conftest import TEST_PIN
from tests.ui.test_shell import _login


def test_the_login_form_names_the_wait_and_the_lock(qtbot, shell, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1_900_000_000.0]
    monkeypatch.setattr(pin_policy, "clock", lambda: now[0])
    form = shell.login_window.login
    for _ in range(pin_policy.FREE_FAILURES + 1):
        form.error.hide()
        _login(qtbot, shell, pin="975310")
        qtbot.waitUntil(lambda: form.error.isVisible() and not form._busy, timeout=10_000)
    assert "Sai mã PIN" in form.error.text() and "Hãy chờ 30 giây" in form.error.text()
    form.error.hide()
    now[0] += 10
    _login(qtbot, shell, pin=TEST_PIN)  # even the right PIN waits: the time left is shown
    qtbot.waitUntil(lambda: form.error.isVisible() and not form._busy, timeout=10_000)
    assert "Hãy chờ 20 giây nữa" in form.error.text() and shell.main_window is None
    for _ in range(pin_policy.LOCK_AT - pin_policy.FREE_FAILURES - 1):
        now[0] += pin_policy.DELAY_CAP_S + 1
        form.error.hide()
        _login(qtbot, shell, pin="975310")
        qtbot.waitUntil(lambda: form.error.isVisible() and not form._busy, timeout=10_000)
    now[0] += pin_policy.DELAY_CAP_S + 1
    form.error.hide()
    _login(qtbot, shell, pin=TEST_PIN)
    qtbot.waitUntil(lambda: form.error.isVisible() and not form._busy, timeout=10_000)
    assert "tài khoản bị khoá" in form.error.text() and shell.main_window is None
