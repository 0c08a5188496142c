"""The one place the UI imports Qt from.

Every other module in `fieldkit.ui` imports Qt names from here, so a change of binding
(or a missing class) shows up in a single file, and a grep proves nothing outside
`fieldkit/ui` touches Qt.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QEvent,
    QEventLoop,
    QIODevice,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QHideEvent,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for translation in `context` and gives it back unchanged, as PySide6's
    QT_TRANSLATE_NOOP does (whose stub says it returns `object`)."""
    return text

__all__ = [
    "QT_TRANSLATE_NOOP", "QAbstractItemView", "QAbstractTableModel", "QApplication", "QButtonGroup",
    "QCheckBox", "QColor", "QComboBox", "QBuffer", "QByteArray", "QCoreApplication", "QEvent", "QEventLoop", "QIODevice", "QImageReader", "QFont", "QFontDatabase",
    "QFormLayout", "QFrame", "QGridLayout", "QGuiApplication", "QHBoxLayout", "QHeaderView", "QIcon",
    "QKeySequence", "QLabel", "QLineEdit", "QListWidget", "QListWidgetItem", "QLocale", "QMainWindow",
    "QMessageBox", "QModelIndex", "QObject", "QPalette", "QPersistentModelIndex", "QPixmap", "QPushButton",
    "QRadioButton", "QRunnable", "QScrollArea", "QShortcut", "QSize", "QSizePolicy", "QSpinBox",
    "QStackedWidget", "QStatusBar", "QStyledItemDelegate", "QTableView", "QTableWidget", "QTableWidgetItem", "QThreadPool",
    "QTimer", "QToolButton", "QTranslator", "QVBoxLayout", "QWidget", "Qt", "Signal", "Slot",
    # review and reports screens
    "QBrush", "QDate", "QDateEdit", "QFileDialog", "QFontMetrics", "QHideEvent", "QGroupBox", "QPainter", "QPen",
    "QPlainTextEdit", "QRectF", "QSplitter", "QTabWidget",
    # documents kept encrypted: open in the system viewer
    "QDesktopServices", "QUrl",
    # … and print them
    "QPrintDialog", "QPrinter",
    # drafts: thumbnails decoded off the UI thread
    "QImage",
    # progress and cancel of long work (ui/progress.py)
    "QDialog", "QProgressBar",
    # review: every visible text of a page
    "QAbstractButton",
]
