"""Highlights in the reader: what to paint (Mark) and the painter that paints them."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from .colors import highlight_color
from .themes import current as theme

CURRENT_DARKER = 108  # the chosen highlight is this much darker (its text keeps 4.5:1, see test_themes)


@dataclass(frozen=True)
class Mark:
    """A highlight to paint: code points of the file given to the reader; display ones inside it."""

    start: int
    end: int
    color: str
    has_note: bool
    current: bool


class HighlightPainter(QSyntaxHighlighter):
    """Paint highlights as block formats (fast, and no edits to the document)."""

    def __init__(self, doc: QTextDocument) -> None:
        super().__init__(doc)
        self.set_spans([])

    def set_spans(self, spans: list[tuple[int, int, QTextCharFormat]]) -> None:
        """Highlights as (start, end, format) in Qt positions; call rehighlight() if text stays."""
        self.spans = sorted(spans, key=lambda x: x[0])
        self._starts = [x[0] for x in self.spans]
        self._longest = max((e - s for s, e, _f in self.spans), default=0)

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        b_start = block.position()
        b_end = b_start + len(text)
        lo = bisect_left(self._starts, b_start - self._longest)
        hi = bisect_left(self._starts, b_end)
        for start, end, fmt in self.spans[lo:hi]:
            if end <= b_start:
                continue
            s = max(start, b_start)
            self.setFormat(s - b_start, min(end, b_end) - s, fmt)


def mark_format(m: Mark) -> QTextCharFormat:
    """Fill in the highlight colour, text in the theme's colour over it, a dotted underline for a note."""
    fmt = QTextCharFormat()
    fill = highlight_color(m.color)
    fmt.setBackground(fill.darker(CURRENT_DARKER) if m.current else fill)
    fmt.setForeground(QColor(theme().on_highlight))
    if m.has_note:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(theme().on_highlight))
    return fmt
