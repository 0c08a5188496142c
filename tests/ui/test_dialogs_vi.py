"""Dialogs outside the screenshot tour, opened for real in Vietnamese and read as shown: the unencrypted-copy
warning, the damaged-disk warning, the file dialogs (Save as for reports, Save a copy for documents, Choose
photos, Camera folder), the print dialog, the progress dialog. Qt's own texts (standard buttons, the file
dialog's labels, buttons, columns and tooltips) come from our catalogue friction_vi.ts: PySide6 ships no
qtbase_vi.qm, so they were English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QTreeView, QWidget

from fieldkit.domain.progress import Job
from fieldkit.ui.documents_view import DocumentActions, confirm_unencrypted_copy
from fieldkit.ui.forms.photos import PhotoPicker
from fieldkit.ui.i18n import Translations
from fieldkit.ui.progress import ProgressDialog
from tests.ui.test_all_vietnamese import english_in, visible_texts, vocabulary

QT_ENGLISH = {"save", "cancel", "open", "close", "yes", "look", "name", "file", "files", "type", "size", "date",
              "modified", "back", "forward", "parent", "directory", "create", "new", "folder", "list", "view",
              "detail", "choose", "show", "details", "sidebar", "places", "bookmarks", "all", "print", "printer",
              "copies", "properties", "options", "pages", "range", "collate", "reverse", "duplex"}


def _texts(dialog: QWidget) -> list[tuple[str, str]]:
    """What the dialog shows, tooltips of its tool buttons and its column heads too (a command in
    `backticks` is code to type, not words)."""
    out = [(w, re.sub(r"`[^`]*`", " ", t)) for w, t in visible_texts(dialog)] + [("window title", dialog.windowTitle())]
    for b in dialog.findChildren(QAbstractButton):
        if b.isVisible() and b.toolTip():
            out.append((f"tooltip {b.objectName()}", b.toolTip()))
    for tree in dialog.findChildren(QTreeView):
        m = tree.model()
        if tree.isVisible() and m is not None:
            from PySide6.QtCore import Qt
            out += [("column", str(m.headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(m.columnCount())]
    return out


class Looker:
    """Looks at the next modal dialog while its exec() runs, then closes it."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.seen: list[tuple[str, str]] = []
        self.title = ""

    def arm(self) -> None:
        def look() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(50, look)
                return
            QApplication.processEvents()
            self.title = dialog.windowTitle()
            self.seen = _texts(dialog)
            dialog.close()
            if hasattr(dialog, "reject"):
                dialog.reject()
        QTimer.singleShot(300, look)


@pytest.fixture
def vi(qapp):  # type: ignore[no-untyped-def]
    t = Translations()
    t.switch("vi")
    yield
    t.switch("vi")


@pytest.fixture
def english():  # type: ignore[no-untyped-def]
    words, _ = vocabulary()
    return words | QT_ENGLISH


def test_the_unencrypted_copy_warning(qtbot, vi, english):
    parent = QWidget()
    qtbot.addWidget(parent)
    looker = Looker(qtbot)
    looker.arm()
    assert confirm_unencrypted_copy(parent) is False  # closed: nothing saved
    assert looker.title == "Lưu bản sao không mã hoá?" or "mã hoá" in looker.title
    shown = " ".join(t for _w, t in looker.seen)
    assert "Lưu" in shown and "Huỷ" in shown and "KHÔNG được mã hoá" in shown
    assert not english_in(looker.seen, english), english_in(looker.seen, english)


@pytest.mark.parametrize("which", ["reports-save-as", "documents-save-copy", "photos", "camera-folder"])
def test_file_dialogs(qtbot, vi, english, which, tmp_path):
    looker = Looker(qtbot)
    looker.arm()
    if which == "documents-save-copy":
        actions = DocumentActions()
        qtbot.addWidget(actions)
        assert actions._ask_path(str(tmp_path / "ban-sao.pdf")) == ""
        assert looker.title == "Lưu bản sao"
    elif which in ("photos", "camera-folder"):
        picker = PhotoPicker()
        qtbot.addWidget(picker)
        (picker._choose_files if which == "photos" else picker._choose_camera_folder)()
        assert picker.photos == []
    else:
        from fieldkit.ui.pages import reports_page

        parent = QWidget()
        qtbot.addWidget(parent)
        path, _ = QFileDialog.getSaveFileName(parent, reports_page.ReportsPage.tr("Save as"),
                                              str(tmp_path / "bao-cao.csv"),
                                              reports_page.ReportsPage.tr("CSV files (*.csv)"))
        assert path == ""
    assert looker.seen, "no dialog was shown"
    found = english_in(looker.seen, english)
    assert not found, "\n".join(found)
    shown = " ".join(t for _w, t in looker.seen)
    assert "Tên" in shown or "Thư mục" in shown  # Qt's own labels, in Vietnamese


def test_the_progress_dialog(qtbot, vi, english):
    job = Job()
    job.step(3, 10)
    dialog = ProgressDialog(job, "Đang lập báo cáo…")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tick()
    assert not english_in(_texts(dialog), english)
    assert dialog.count.text().startswith("3/10")


def test_the_damaged_disk_warning(qtbot, vi, english, shell, session):
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText("246810")
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    shell.session.store.damaged = True  # what the login's page check sets on a damaged file
    shell._warn_about_the_disk(shell.main_window, shell.session)
    box = shell.disk_warning
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    texts = _texts(box)
    assert "Cơ sở dữ liệu trên máy bị hỏng" in " ".join(t for _w, t in texts)
    assert "Đồng ý" in " ".join(t for _w, t in texts)
    assert not english_in(texts, english), english_in(texts, english)
    box.close()


def test_the_print_dialog(qtbot, vi, english):
    actions = DocumentActions()
    qtbot.addWidget(actions)
    looker = Looker(qtbot)
    looker.arm()
    assert actions._ask_printer() is None
    assert looker.title == "In tài liệu" or looker.seen
    found = english_in(looker.seen, english)
    assert not found, "\n".join(found)


def test_dialog_words_are_really_checked():
    words, _ = vocabulary()
    assert english_in([("x", "Look in: Cancel")], words | QT_ENGLISH)
    assert not english_in([("x", "Tìm trong: Huỷ")], words | QT_ENGLISH)
    assert Path(__file__).exists()
