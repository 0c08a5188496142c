"""Photo picker: pictures from files, or the newest ones in a camera folder, as thumbnails."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from fieldkit.ui.forms.enter_keys import passive
from fieldkit.ui.qt import (
    QBuffer,
    QByteArray,
    QFileDialog,
    QHBoxLayout,
    QIcon,
    QImage,
    QImageReader,
    QIODevice,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPixmap,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
MAX_BYTES = 15 * 1024 * 1024


def thumbnail(data: bytes) -> QImage | None:
    """The picture decoded straight at thumbnail size (a 12-megapixel JPEG in full took a visible
    pause); None when it is not a picture. Safe off the UI thread (QImage, not QPixmap)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and size.width() > 0 and size.height() > 0:
        reader.setScaledSize(size.scaled(QSize(240, 180), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class PhotoPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.photos: list[tuple[bytes, str, str]] = []  # content, mime, file name
        self.list = QListWidget(objectName="PhotoList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(120, 90))
        self.list.setFixedHeight(130)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.add_button = QPushButton(objectName="AddPhoto")
        self.camera_button = QPushButton(objectName="CameraFolder")
        self.remove_button = QPushButton(objectName="RemovePhoto")
        self.message = QLabel(objectName="FieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        for b in (self.add_button, self.camera_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list)
        lay.addLayout(buttons)
        lay.addWidget(self.message)
        self.add_button.clicked.connect(self._choose_files)
        self.camera_button.clicked.connect(self._choose_camera_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        passive(self.remove_button)  # Enter on it must not throw photos away
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add photo…"))
        self.camera_button.setText(self.tr("From camera folder…"))
        self.remove_button.setText(self.tr("Remove selected photo"))

    def add_file(self, path: str | Path) -> bool:
        """Add one picture; a file that is not a readable JPEG/PNG is refused with a message."""
        p = Path(path)
        self.message.hide()
        try:
            data = p.read_bytes() if p.stat().st_size <= MAX_BYTES else b""
        except OSError:
            data = b""
        image = thumbnail(data) if data else None
        if not data or p.suffix.lower() not in IMAGE_SUFFIXES or image is None:
            self.message.setText(self.tr("Not a photo this form can keep (JPEG or PNG up to 15 MB): %1")
                                 .replace("%1", p.name))
            self.message.show()
            return False
        return self.add_bytes(data, mimetypes.guess_type(p.name)[0] or "image/jpeg", p.name, image)

    def add_bytes(self, data: bytes, mime: str, name: str, image: QImage | None = None) -> bool:
        """Add a picture already in memory (a draft reopened, a returned order's photo); `image` is its
        thumbnail when it was decoded off the UI thread (`thumbnail`)."""
        image = image if image is not None else thumbnail(data)
        if image is None:
            return False
        self.photos.append((data, mime, name))
        self.list.addItem(QListWidgetItem(QIcon(QPixmap.fromImage(image)), name))
        self.changed.emit()
        return True

    def add_newest_from(self, folder: str | Path, count: int = 1) -> int:
        """The newest `count` pictures of a camera folder (DCIM and the like)."""
        files = [p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES]
        files.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        added = sum(1 for p in files[:count] if self.add_file(p))
        if not files:
            self.message.setText(self.tr("No JPEG or PNG pictures in %1").replace("%1", str(folder)))
            self.message.show()
        return added

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.photos):
            self.list.takeItem(row)
            del self.photos[row]
            self.changed.emit()

    def clear(self) -> None:
        self.list.clear()
        self.photos = []
        self.changed.emit()

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose photos"), "",
                                                self.tr("Pictures (*.jpg *.jpeg *.png)"))
        for path in paths:
            self.add_file(path)

    def _choose_camera_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Camera folder"))
        if folder:
            self.add_newest_from(folder)
