"""Column widths from a sample, never from every row.

`QHeaderView.ResizeToContents` measures every cell of a column each time the model
changes: with a few hundred rows of a report that froze the window for 85 s. Here a
column is as wide as its header and the widest of at most `SAMPLE` rows spread over the
model (first, last and evenly in between), measured once per fill, then left
`Interactive` so the user can still drag it.
"""

from __future__ import annotations

from fieldkit.ui.qt import QAbstractItemView, QFontMetrics, QHeaderView, Qt

SAMPLE = 40
PADDING = 28  # cell margins, sort arrow and the grid line
MAX_WIDTH = 420


def sample_rows(count: int, sample: int = SAMPLE) -> list[int]:
    """At most `sample` row numbers spread over 0..count-1, always with the first and the last."""
    if count <= sample:
        return list(range(count))
    step = (count - 1) / (sample - 1)
    return sorted({round(i * step) for i in range(sample)})


def fit_columns(view: QAbstractItemView, sample: int = SAMPLE, max_width: int = MAX_WIDTH,
                stretch_last: bool = False) -> list[int]:
    """Set each column of `view` to the width of its header and a sample of its rows; return the widths."""
    model = view.model()
    header = view.horizontalHeader()  # type: ignore[attr-defined]
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    cell = QFontMetrics(view.font())
    head = QFontMetrics(header.font())
    rows = sample_rows(model.rowCount(), sample)
    widths = []
    for col in range(model.columnCount()):
        text = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        width = max((head.horizontalAdvance(line) for line in str(text or "").split("\n")), default=0)
        for row in rows:
            value = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
            if value is not None:
                width = max(width, cell.horizontalAdvance(str(value)))
        width = min(max_width, width + PADDING)
        view.setColumnWidth(col, width)  # type: ignore[attr-defined]
        widths.append(width)
    return widths
