"""A text column of a chosen number of characters per line, at a chosen text size (the reader's page)."""

from __future__ import annotations

import sys
from bisect import bisect_right

from hashiye.core.text.sentences import sentence_spans
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextEdit

from .reader_pieces import PieceIndex, Prepared

LINE_WIDTHS = (45, 55, 65, 75, 90, 110, 0)  # characters per line; 0: as wide as the pane
DEFAULT_LINE_WIDTH = 75
JUSTIFY_MIN_WIDTH = 480  # px of text column
LINE_HEIGHT = 135  # percent of the font's line spacing (Vazirmatn's is already generous)


class ColumnTextEdit(QTextEdit):
    """Zoom (Ctrl+= / Ctrl+- / Ctrl+0) and line width (Ctrl+] / Ctrl+[); justified only when wide."""

    def __init__(self) -> None:
        super().__init__()
        self._aligned: Qt.AlignmentFlag | None = None
        self._base_size = 15.0
        self._zoom = 0
        self._line_chars = DEFAULT_LINE_WIDTH
        self._long = False  # the text is laid out plainly because it is long (`_load_text`)
        self.sentences: list[tuple[int, int]] = []  # display spans of the sentences (`_sentences`)
        self._sentence_run = 0  # which text's sentences are being found (`_more_sentences`)
        self._text = ""  # the text shown, and its code points <-> Qt's UTF-16 positions
        self._index = PieceIndex("")

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

    # --- loading a text: one block format for every paragraph, or the fast path when long ---------
    def _block_format(self) -> QTextBlockFormat:
        """Line height and justified RTL paragraphs: every block of the article."""
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT, 1)  # ProportionalHeight
        fmt.setBottomMargin(10)
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._aligned = self._alignment()
        fmt.setAlignment(self._aligned)
        return fmt

    LONG_TEXT = 200_000  # characters: a longer article is laid out plainly (no per-paragraph spacing)

    def _load_text(self, text: str, long: bool | None = None) -> None:
        """Load the text and give its paragraphs the block format.

        A long article (over `LONG_TEXT` characters) keeps Qt's fast path: the alignment and
        direction come from the document's text option, without the line height and paragraph
        spacing, because setting a block format on each of a 5 MB article's 65,000 paragraphs
        took several seconds on the UI thread (bench/bench_big_article.py)."""
        doc = self.document()
        self._long = len(text) > self.LONG_TEXT if long is None else long  # (a long text's first part, too)
        fmt = self._block_format()
        option = QTextOption(doc.defaultTextOption())
        option.setAlignment(fmt.alignment() if self._long else Qt.AlignmentFlag.AlignRight)
        doc.setDefaultTextOption(option)
        doc.setPlainText(text)
        if not self._long:
            cursor = QTextCursor(doc)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(fmt)

    def long_layout(self) -> bool:
        """Whether the shown article is laid out plainly because it is long."""
        return self._long

    SENTENCE_STEP = 40_000  # characters of a long article whose sentences are found per event-loop turn

    def _sentences(self, text: str, upto: int = 0, made: Prepared | None = None) -> list[tuple[int, int]]:
        """The sentence spans of a text (those `made` on the runner, if given); a long one's beyond its
        first part (which reaches past position `upto`) are added a part per event-loop turn, so the
        window paints and takes keys meanwhile. Parts end just after a line break, which always ends a
        sentence: the spans are the same as for the whole text at once."""
        self._sentence_run += 1
        if made is not None:
            return list(made.sentences)
        if len(text) <= self.LONG_TEXT:
            return sentence_spans(text)
        cut = text.find("\n", max(self.SENTENCE_STEP, upto)) + 1 or len(text)
        run = self._sentence_run
        QTimer.singleShot(0, lambda: self._more_sentences(run, text, cut))
        return sentence_spans(text[:cut])

    def sentence_at(self, start: int, default: tuple[int, int]) -> tuple[int, int]:
        """The sentence holding display position `start` (as a focus range), else `default`."""
        k = bisect_right(self.sentences, (start, sys.maxsize)) - 1
        return (k, k) if 0 <= k < len(self.sentences) and self.sentences[k][1] >= start else default

    def _more_sentences(self, run: int, text: str, start: int) -> None:
        if run != self._sentence_run or start >= len(text):
            return  # another text is shown (or the same one again), or this one is done
        cut = text.find("\n", start + self.SENTENCE_STEP) + 1 or len(text)
        self.sentences.extend((s + start, e + start) for s, e in sentence_spans(text[start:cut]))
        QTimer.singleShot(0, lambda: self._more_sentences(run, text, cut))

    # --- places in the text shown (display positions) --------------------------------------
    def _reach(self, start: int, end: int) -> None:
        """Make a display span part of the document (the reader puts a long text in a piece at a time)."""

    def _put_on_top(self, start: int) -> None:
        """Scroll so that display position `start` is at the top of the page."""
        self._reach(start, start)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(min(start, len(self._text))))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - 4)

    def show_display_span(self, start: int) -> None:
        """Scroll so that display position `start` is visible."""
        self._reach(start, start)
        c = QTextCursor(self.document())
        c.setPosition(self._index.to_qt(start))
        self.setTextCursor(c)
        self.ensureCursorVisible()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(start))
        cursor.setPosition(self._index.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel
