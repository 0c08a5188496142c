"""Look and feel for sunlight and gloves: big targets, readable type, high contrast."""

from __future__ import annotations

from fieldkit.ui.qt import QApplication, QComboBox, QFont, QFontDatabase, QStyledItemDelegate, QWidget
from fieldkit.ui.resources import resource_path

# ui_scale -> (base font in points, minimum touch target in pixels)
SCALES: dict[str, tuple[int, int]] = {"normal": (12, 44), "large": (15, 56)}

INK = "#111111"
PAPER = "#ffffff"
PRIMARY = "#0b4f8a"  # dark blue: 8.6:1 against white
PRIMARY_DARK = "#083a66"
DANGER = "#a4000f"
OK = "#1b5e20"
MUTED = "#3d3d3d"
FOCUS = "#ff8f00"
PANEL = "#eef2f6"

_fonts_loaded = False


def load_fonts() -> str:
    """Register the bundled DejaVu Sans (full Vietnamese coverage) and return its family."""
    global _fonts_loaded
    family = "DejaVu Sans"
    if not _fonts_loaded:
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            path = resource_path("fonts", name)
            if path.exists():
                fid = QFontDatabase.addApplicationFont(str(path))
                fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
                if fams:
                    family = fams[0]
        _fonts_loaded = True
    return family


def stylesheet(scale: str) -> str:
    pt, target = SCALES.get(scale, SCALES["normal"])
    big = pt + 4
    arrow = resource_path("icons", "chevron_down.svg").as_posix()
    return f"""
QWidget {{ color: {INK}; font-size: {pt}pt; }}
QMainWindow, QDialog, #LoginWindow, #Page {{ background: {PAPER}; }}
QLabel#Title {{ font-size: {big + 4}pt; font-weight: bold; color: {PRIMARY_DARK}; }}
QLabel#PageTitle {{ font-size: {big}pt; font-weight: bold; color: {PRIMARY_DARK}; }}
QLabel#Muted {{ color: {MUTED}; }}
QLabel#Error {{ color: {DANGER}; font-weight: bold; background: #fdecee; border: 2px solid {DANGER};
  border-radius: 6px; padding: 8px; }}
QLabel#Coming {{ color: {MUTED}; font-size: {pt + 2}pt; }}
QPushButton, QToolButton {{ min-height: {target}px; min-width: {target}px; padding: 4px 16px;
  border: 2px solid {PRIMARY}; border-radius: 6px; background: {PAPER}; color: {PRIMARY_DARK};
  font-weight: bold; }}
QPushButton:hover, QToolButton:hover {{ background: {PANEL}; }}
QPushButton#Primary {{ background: {PRIMARY}; color: {PAPER}; }}
QPushButton#Primary:hover {{ background: {PRIMARY_DARK}; }}
QPushButton:disabled {{ color: #6b6b6b; border-color: #9e9e9e; background: #f0f0f0; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus, QListWidget:focus,
QTableView:focus {{ border: 3px solid {FOCUS}; }}
QLineEdit, QComboBox, QDateEdit, QSpinBox {{ min-height: {target}px; padding: 0 10px;
  border: 2px solid #5c5c5c; border-radius: 6px; background: {PAPER}; }}
QLineEdit:read-only {{ background: {PANEL}; border-style: dashed; }}
QDateEdit::drop-down {{ width: 36px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {target // 2}px; height: {target // 2}px; }}
QCheckBox, QRadioButton {{ min-height: {target}px; }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right; width: 36px;
  border: none; }}
QComboBox::down-arrow {{ image: url("{arrow}"); width: 18px; height: 18px; }}
QComboBox QAbstractItemView::item {{ min-height: {target}px; }}
QListWidget {{ border: 2px solid #5c5c5c; border-radius: 6px; background: {PAPER}; }}
QListWidget::item {{ min-height: {target}px; padding: 4px 10px; }}
QListWidget::item:selected {{ background: {PRIMARY}; color: {PAPER}; }}
QListWidget#Nav {{ background: {PANEL}; border: none; border-right: 2px solid #c5ced8;
  font-size: {pt + 1}pt; font-weight: bold; }}
QListWidget#Nav::item {{ min-height: {target}px; padding-left: 12px; color: {INK}; }}
QListWidget#Nav[compact="true"]::item {{ color: transparent; padding-left: 18px; }}
QListWidget#Nav::item:selected {{ background: {PRIMARY}; color: {PAPER}; }}
QTableView {{ gridline-color: #c8c8c8; border: 2px solid #5c5c5c; background: {PAPER};
  alternate-background-color: #f4f6f8; selection-background-color: {PRIMARY}; selection-color: {PAPER}; }}
QHeaderView::section {{ background: {PANEL}; color: {INK}; font-weight: bold; padding: 6px;
  border: none; border-bottom: 2px solid #9aa6b2; }}
QStatusBar {{ background: {PANEL}; border-top: 2px solid #c5ced8; }}
QStatusBar QLabel {{ padding: 4px 12px; font-weight: bold; }}
QLabel#Offline {{ color: {DANGER}; }}
QLabel#Online {{ color: {OK}; }}
QFrame#Header {{ background: {PRIMARY}; }}
QFrame#Header QLabel {{ color: {PAPER}; font-weight: bold; }}
QFrame#Header QPushButton {{ background: {PRIMARY}; color: {PAPER}; border-color: {PAPER}; }}
QFrame#Header QPushButton:hover {{ background: {PRIMARY_DARK}; }}
QFrame#Card {{ border: 2px solid #c5ced8; border-radius: 8px; background: {PAPER}; }}
"""


def apply(app: QApplication, scale: str) -> None:
    family = load_fonts()
    pt, _ = SCALES.get(scale, SCALES["normal"])
    font = QFont(family, pt)
    if app.font() != font:
        app.setFont(font)
    sheet = stylesheet(scale)
    # Setting the application style sheet re-polishes every widget: only do it on a change.
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def touch_combos(root: QWidget) -> None:
    """Drop-down items as tall as every other target: the style sheet's item height applies only
    with a styled delegate (the default one drew ~27 px items)."""
    for combo in root.findChildren(QComboBox):
        if not isinstance(combo.itemDelegate(), QStyledItemDelegate):
            combo.setItemDelegate(QStyledItemDelegate(combo))


def row_height(scale: str) -> int:
    return SCALES.get(scale, SCALES["normal"])[1]
