"""One submitted record on the review page, as the supervisor reads it: the form's labels in the
UI language, values formatted (`ui/labels.format_*`), a reading's consumption, checks and bill
estimate, photos and signatures as pictures (thumbnails decoded off the UI thread by
`review_table.load_detail`), and the record's PDF one click away (`ui/documents_view.py`).

Texts of this module are in the "ReviewRecords" translation context (review_*.ts).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from html import escape

from fieldkit.domain.local_time import VIETNAM
from fieldkit.services.review_records import Answer, Picture, ReadingChecks, RecordView
from fieldkit.services.session import Session
from fieldkit.ui.documents_view import DocumentActions
from fieldkit.ui.labels import current_language, format_date, format_decimal
from fieldkit.ui.qt import (
    QCoreApplication,
    QFrame,
    QGridLayout,
    QImage,
    QLabel,
    QLocale,
    QPixmap,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from fieldkit.ui.style import DANGER

THUMB_W, THUMB_H = 240, 180


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewRecords", text)


def local_time(when: datetime | None) -> str:
    if when is None:
        return "—"
    aware = when if when.tzinfo else when.replace(tzinfo=VIETNAM)
    return aware.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")


def money(vnd: int) -> str:
    return f"{QLocale().toString(int(vnd))} ₫"


def value_text(answer: Answer, lang: str) -> str:
    v = answer.value
    kind = answer.kind
    if kind == "bool":
        return tr("Yes") if v else tr("No")
    if kind == "number":
        return format_decimal(v if isinstance(v, Decimal) else Decimal(str(v)))
    if kind == "money":
        return money(int(v))
    if kind == "date" and isinstance(v, date):
        return format_date(v)
    if kind == "period":
        return f"{format_date(v[0])} – {format_date(v[1])}"
    if kind == "choice":
        chosen: str = v.text(lang)  # a Texts
        return chosen
    if kind == "texts":
        return "\n".join("• " + t.text(lang) for t in v)
    if kind == "registers":
        return "\n".join(f"{name.text(lang)}: {format_decimal(value)} {unit}".rstrip() for name, value, unit in v) or "—"
    if kind == "gps":
        return f"{QLocale().toString(float(v[0]), 'f', 6)}, {QLocale().toString(float(v[1]), 'f', 6)}"
    return str(v)


def checks_lines(checks: ReadingChecks, lang: str) -> list[tuple[str, bool]]:
    """(text, is a warning) lines: consumption, each finding, the bill estimate or why there is none."""
    lines: list[tuple[str, bool]] = []
    if checks.consumption is not None:
        since = tr(" since %1").replace("%1", local_time(checks.previous_at)) if checks.previous_at else ""
        lines.append((tr("Consumption: %1 kWh").replace("%1", format_decimal(checks.consumption)) + since, False))
    else:
        lines.append((tr("Consumption: no earlier reading of this meter to compare with."), False))
    for f in checks.findings:
        head = tr("Abnormal consumption") if f.kind == "abnormal" else tr("Check")
        lines.append((f"⚠ {head}: {f.message(lang)}", True))
    if not checks.findings and checks.consumption is not None:
        lines.append(("✓ " + tr("Consumption looks normal."), False))
    if checks.bill is not None:
        b = checks.bill
        lines.append((tr("Estimated bill: %1 for %2 kWh, %3 – %4 (VAT included)").replace("%1", money(b.total))
                      .replace("%2", QLocale().toString(int(b.kwh))).replace("%3", format_date(b.period_start))
                      .replace("%4", format_date(b.period_end)), False))
    elif checks.bill_note:
        lines.append((checks.bill_note.text(lang), False))
    return lines


class RecordCard(QFrame):
    """One record; its document (install record, new-supply request, contract, household sheet) has
    the documents engineer's row of actions: open, print, make again, save a copy."""

    def __init__(self, record: RecordView, thumbnails: dict[str, QImage], present: set[str],
                 session: Session | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Card")
        self.record = record
        lang = current_language()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 10)
        title = QLabel(record.title.text(lang), objectName="SectionTitle")
        bold(title)
        lay.addWidget(title)
        self.documents: DocumentActions | None = None
        self.pdf_button: QPushButton | None = None
        if session is not None and record.document is not None and not record.superseded_by:
            self.documents = DocumentActions(self)
            self.documents.set_document(session, None, record.document)
            self.pdf_button = self.documents.open_button
            # the card is narrow beside the list: its four buttons two by two, the message under them
            grid = QGridLayout()
            docs = self.documents
            for i, button in enumerate((docs.open_button, docs.print_button, docs.make_button, docs.copy_button)):
                grid.addWidget(button, i // 2, i % 2)
            lay.addLayout(grid)
            lay.addWidget(docs.message)
            docs.hide()  # its buttons and message now live in the card; it keeps doing the work
        who = record.recorded_by or "—"
        meta = tr("Recorded %1 by %2").replace("%1", local_time(record.recorded_at)).replace("%2", who)
        if record.superseded_by:
            meta += " · " + tr("replaced by the newer record above (both are kept)")
        elif record.supersedes:
            meta += " · " + tr("corrects an earlier record (shown below)")
        self.meta = QLabel(objectName="Muted")
        self.meta.setWordWrap(True)
        if record.superseded_by:
            self.meta.setText(f"<span style='color: {DANGER};'>{escape(meta)}</span>")
        else:
            self.meta.setText(escape(meta))
        lay.addWidget(self.meta)
        self.value_labels: list[QLabel] = []
        for section in record.sections:
            if section.title is not None:
                lay.addWidget(bold(QLabel(section.title.text(lang), objectName="FieldSection"), 0))
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(2)
            for row, answer in enumerate(section.answers):
                name = QLabel(answer.label.text(lang) or tr("Other answer"), objectName="Muted")
                name.setWordWrap(True)
                name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                value = QLabel(value_text(answer, lang))
                value.setWordWrap(True)
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(name, row, 0)
                grid.addWidget(value, row, 1)
                self.value_labels.append(value)
            grid.setColumnStretch(1, 1)
            grid.setColumnMinimumWidth(0, 180)
            lay.addLayout(grid)
        if record.checks is not None:
            for text, warn in checks_lines(record.checks, lang):
                line = QLabel(text, objectName="Error" if warn else "RecordCheck")
                line.setWordWrap(True)
                line.setTextFormat(Qt.TextFormat.PlainText)
                lay.addWidget(line)
        self.picture_labels: list[QLabel] = []
        if record.pictures:
            box = QGridLayout()
            for i, pic in enumerate(record.pictures):
                cell = self._picture(pic, thumbnails.get(pic.sha256), pic.sha256 in present, lang)
                box.addWidget(cell, i // 3, i % 3, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            box.setColumnStretch(3, 1)
            lay.addLayout(box)

    def _picture(self, pic: Picture, image: QImage | None, present: bool, lang: str) -> QWidget:
        cell = QWidget(self)
        v = QVBoxLayout(cell)
        v.setContentsMargins(0, 0, 0, 0)
        img = QLabel(cell, objectName="Photo")
        img.setAlignment(Qt.AlignmentFlag.AlignCenter)
        img.setFrameShape(QFrame.Shape.Box)
        img.setMinimumSize(THUMB_W // 2, THUMB_H // 2)
        if image is not None and not image.isNull():
            img.setPixmap(QPixmap.fromImage(image))
            img.setFixedSize(image.width() + 4, image.height() + 4)
        else:
            img.setText(tr("not on this laptop yet") if not present else tr("picture cannot be shown"))
            img.setFixedSize(THUMB_W, THUMB_H // 2)
        cap = QLabel(pic.caption.text(lang), cell, objectName="Muted")
        cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
        cap.setWordWrap(True)
        cap.setMaximumWidth(THUMB_W + 4)
        v.addWidget(img)
        v.addWidget(cap)
        self.picture_labels.append(img)
        return cell


def bold(label: QLabel, bigger: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + bigger)
    label.setFont(font)
    return label


def visible_texts(root: QWidget) -> list[str]:
    """Every text a user sees under `root` (labels, buttons, table cells, plain-text views)."""
    from fieldkit.ui.qt import QAbstractButton, QPlainTextEdit, QTableWidget

    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel) and w.text() or isinstance(w, QAbstractButton) and w.text():
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QTableWidget):
            out += [h.text() for c in range(w.columnCount()) if (h := w.horizontalHeaderItem(c))]
            out += [i.text() for r in range(w.rowCount()) for c in range(w.columnCount()) if (i := w.item(r, c))]
    return out


def thumbnail(data: bytes) -> QImage:
    """Decode a photo or signature at thumbnail size (runs on a worker thread: QImage, not QPixmap)."""
    from fieldkit.ui.qt import QBuffer, QByteArray, QImageReader, QIODevice, QSize

    raw = QByteArray(data)
    buf = QBuffer(raw)
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buf)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > THUMB_W or size.height() > THUMB_H):
        reader.setScaledSize(size.scaled(QSize(THUMB_W, THUMB_H), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buf.close()
    if not image.isNull() and (image.width() > THUMB_W or image.height() > THUMB_H):
        image = image.scaled(THUMB_W, THUMB_H, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image
