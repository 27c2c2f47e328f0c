"""The reader's selections and what it draws over its text: highlights of a long text, the sentence focus,
find hits, the focus bar.

Display positions in, through the reader's `PieceIndex` (positions of a long text not put in yet
are clamped to the part that is: nothing is drawn for them until they are).
"""

from __future__ import annotations

from hashiye.core.text.sentences import whole_words
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from .column import ColumnTextEdit
from .highlights import Mark, mark_format
from .reader_pieces import PieceIndex
from .themes import current as theme


def extra_selections(edit: ColumnTextEdit, marks: list[Mark], style: str, focus: tuple[int, int] | None,
                     hits: list[tuple[int, int]], current: int) -> list[QTextEdit.ExtraSelection]:
    """Highlights (`marks`: a long text's, drawn as extra selections), the focus underline, find hits:
    those over the part of the text put in (Qt would lay the text out up to any other)."""
    lo, hi = edit._index.lo, edit._index.hi
    selections = [edit._selection(m.start, m.end, mark_format(m, style)) for m in marks if m.end > lo and m.start < hi]
    hits = [(s, e) if e > lo and s < hi else (lo, lo) for s, e in hits]  # (the current one keeps its number)
    if focus is not None and focus[1] > lo and focus[0] < hi:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(theme().accent))
        selections.append(edit._selection(focus[0], focus[1], fmt))
    for k, (s, e) in enumerate(hits):
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(theme().hit_current if k == current else theme().hit))
        fmt.setForeground(QColor(theme().text))  # readable inside a highlight too (7:1, test_themes)
        selections.append(edit._selection(s, e, fmt))
    return selections


def focus_bar_rect(edit: QTextEdit, index: PieceIndex, span: tuple[int, int] | None, width: int) -> QRect | None:
    """Where the focus bar goes (viewport coordinates): beside the focused sentence's lines, if loaded."""
    if span is None or not index.loaded(*span):
        return None
    cursor = QTextCursor(edit.document())
    cursor.setPosition(index.to_qt(span[0]))
    top = edit.cursorRect(cursor).top()
    cursor.setPosition(index.to_qt(max(span[0], span[1] - 1)))
    bottom = edit.cursorRect(cursor).bottom()
    return QRect(edit.viewport().width() - width - 2, top, width, bottom - top + 1)


class SelectableText(ColumnTextEdit):
    """Mouse selections snapped to whole words; F7's caret mode, where the keys select precisely."""

    selectionMade = Signal()  # the mouse let go of a selection (snapped to whole words)

    def __init__(self) -> None:
        super().__init__()
        self.caret_mode = False

    def clear_selection(self) -> None:
        """Drop the text selection (a new highlight shows its colour at once, not covered by it)."""
        c = self.textCursor()
        c.clearSelection()
        self.setTextCursor(c)

    def set_caret_mode(self, on: bool) -> None:
        """F7: a visible caret; Shift+arrows select precisely."""
        self.caret_mode = on
        flags = Qt.TextInteractionFlag.TextSelectableByMouse
        if on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.setTextInteractionFlags(flags)
        self.setCursorWidth(2 if on else 1)

    def snap_to_words(self) -> None:
        """Widen the selection to whole words (mouse selections; caret mode stays exact)."""
        c = self.textCursor()
        if not c.hasSelection():
            return
        start, end = whole_words(self._text, self._index.to_py(c.selectionStart()), self._index.to_py(c.selectionEnd()))
        snapped = QTextCursor(self.document())
        snapped.setPosition(self._index.to_qt(start))
        snapped.setPosition(self._index.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(snapped)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.textCursor().hasSelection():
            if not self.caret_mode:
                self.snap_to_words()
            self.selectionMade.emit()
