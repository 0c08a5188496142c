"""Navigation icons: one SVG per page in resources/icons, drawn in the ink colour and in
white for the selected (blue) row, so both keep their contrast."""

from __future__ import annotations

from functools import lru_cache

from fieldkit.ui.qt import QIcon, QPixmap
from fieldkit.ui.resources import resource_path
from fieldkit.ui.style import INK, PAPER


@lru_cache(maxsize=64)
def icon(name: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    result = QIcon()
    if not path.exists():
        return result
    svg = path.read_text(encoding="utf-8")
    for colour, mode in ((INK, QIcon.Mode.Normal), (PAPER, QIcon.Mode.Selected)):
        pm = QPixmap()
        if pm.loadFromData(svg.replace("currentColor", colour).encode("utf-8"), "SVG"):
            result.addPixmap(pm, mode)
    return result
