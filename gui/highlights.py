"""Highlights in the reader: what to paint (Mark) and the painter that paints them."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from .colors import highlight_color, mark_color
from .themes import current as theme

CHOSEN_STEP = 112  # the chosen highlight's fill is this much deeper than the others (text keeps 7:1, see test_themes)
STYLES = ("fill", "underline")  # a light fill and a coloured underline, or the underline alone (View menu)


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


def chosen_fill(fill: QColor) -> QColor:
    """The fill of the highlight chosen with ] [ or the panel: a step away from the page (darker on a
    light page, lighter on a dark one)."""
    dark_page = QColor(theme().page).lightnessF() < 0.5
    return fill.lighter(CHOSEN_STEP) if dark_page else fill.darker(CHOSEN_STEP)


def mark_format(m: Mark, style: str = "fill") -> QTextCharFormat:
    """A highlight: a light fill (unless the style is "underline") with the text over it at 7:1, and an
    underline in the colour's mark colour (3:1 against the page) — solid, or dashed when it has a note.

    In the underline style the chosen highlight still gets its fill, so ] [ show where they are."""
    fmt = QTextCharFormat()
    fill = highlight_color(m.color)
    if m.current:
        fmt.setBackground(chosen_fill(fill))
    elif style != "underline":
        fmt.setBackground(fill)
    fmt.setForeground(QColor(theme().on_highlight if (m.current or style != "underline") else theme().text))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline if m.has_note
                          else QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(mark_color(m.color))
    return fmt


def margin_marks(edit: QTextEdit, spans: list[tuple[int, int, QColor]], width: int) -> list[tuple[QRect, QColor]]:
    """Margin marks of highlights (Qt positions) on the page's left edge, beside their lines: only
    those on the visible page (a long article may have a thousand)."""
    page = edit.viewport()
    corners = [edit.cursorForPosition(QPoint(x, y)).position() for x in (0, page.width()) for y in (0, page.height())]
    first, last = min(corners), max(corners)
    marks: list[tuple[QRect, QColor]] = []
    cursor = QTextCursor(edit.document())
    for start, end, color in spans:
        if end < first or start > last:
            continue
        cursor.setPosition(start)
        top = edit.cursorRect(cursor).top()
        cursor.setPosition(max(start, end - 1))
        bottom = edit.cursorRect(cursor).bottom()
        marks.append((QRect(2, top, width, bottom - top + 1), color))
    return marks
