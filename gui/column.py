"""A text column of a chosen number of characters per line, at a chosen text size (the reader's page)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

LINE_WIDTHS = (45, 55, 65, 75, 90, 110, 0)  # characters per line; 0: as wide as the pane
DEFAULT_LINE_WIDTH = 75
JUSTIFY_MIN_WIDTH = 480  # px of text column


class ColumnTextEdit(QTextEdit):
    """Zoom (Ctrl+= / Ctrl+- / Ctrl+0) and line width (Ctrl+] / Ctrl+[); justified only when wide."""

    def __init__(self) -> None:
        super().__init__()
        self._aligned: Qt.AlignmentFlag | None = None
        self._base_size = 15.0
        self._zoom = 0
        self._line_chars = DEFAULT_LINE_WIDTH

    def _point_size(self) -> float:
        return self._base_size + self._zoom

    def zoom(self, step: int) -> None:
        """Change the text size; 0 resets it."""
        self.zoom_to(0 if step == 0 else self._zoom + step)

    def zoom_steps(self) -> int:
        return self._zoom

    def zoom_to(self, steps: int) -> None:
        """Set the text size, in points above (or below) the default."""
        self._zoom = max(-6, min(20, steps))
        font = self.font()
        font.setPointSizeF(self._point_size())
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._fit_column()

    def set_base_font(self, font: QFont) -> None:
        font = QFont(font)
        font.setPointSizeF(self._point_size())
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._fit_column()

    def _alignment(self) -> Qt.AlignmentFlag:
        """Justify wide columns only: in a narrow one Qt stretches Persian words letter by letter."""
        wide = self.viewport().width() >= JUSTIFY_MIN_WIDTH
        return Qt.AlignmentFlag.AlignJustify if wide else Qt.AlignmentFlag.AlignRight

    # --- line width ------------------------------------------------------------------------
    def line_width(self) -> int:
        """Characters per line (0: the whole pane)."""
        return self._line_chars

    def set_line_width(self, chars: int) -> None:
        self._line_chars = chars if chars in LINE_WIDTHS else DEFAULT_LINE_WIDTH
        self._fit_column()

    def step_line_width(self, step: int) -> None:
        """Ctrl+] / Ctrl+[: a wider or narrower column."""
        k = LINE_WIDTHS.index(self._line_chars)
        self.set_line_width(LINE_WIDTHS[max(0, min(len(LINE_WIDTHS) - 1, k + step))])

    def _fit_column(self) -> None:
        """Side margins that keep lines to the chosen number of characters (zoom keeps the count)."""
        width = self.width()
        if self._line_chars:
            column = int(self._line_chars * QFontMetricsF(self.document().defaultFont()).averageCharWidth())
            side = max(20, (width - column) // 2)
        else:
            side = 20
        self.setViewportMargins(side, 12, side, 12)
        if self._alignment() != self._aligned:
            self._aligned = self._alignment()
            cursor = QTextCursor(self.document())
            cursor.select(QTextCursor.SelectionType.Document)
            fmt = QTextBlockFormat()
            fmt.setAlignment(self._aligned)
            cursor.mergeBlockFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()
