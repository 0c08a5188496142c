"""Windows open at a size the laptop's screen can show."""

from __future__ import annotations

from fieldkit.ui.qt import QGuiApplication, QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open at width x height, or smaller to fit the screen's free area with the title bar
    (a 1366x768 laptop, 1280x720 at 125 %: the status bar stays on screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - 8)
        height = min(height, free.height() - TITLE_BAR)
    window.resize(max(640, width), max(480, height))


TITLE_BAR = 40  # window decoration above the client area, in logical pixels (generous)
