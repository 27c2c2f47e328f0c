"""A long text put into the reader's document a piece per event-loop turn, starting at the reader's place.

`setPlainText` of a 5 MB article holds the UI thread for 0.2–0.6 s, and Qt then lays the whole
text out before it can show a place deep in it (bench/bench_big_article.py). So the document
holds a part of the text, `text[lo:hi]`: first the lines around the place to show, then more
lines after and before it, one piece per event-loop turn, each piece sized to take about
`BUDGET_MS` (Qt lays out what is inserted at once), up to `MOST` characters; the part follows
the page when it comes near either end (lines put in there, as many dropped at the other end:
clearing, laying out again at another size or zoom, and memory stay bounded however long the
article). A piece put or dropped before the page keeps the page where it was (the scroll bar
moves by that height). `PieceIndex` converts code points of the whole text to positions of the
document and back; a position not loaded is clamped to the part, and `reach` loads it (a piece,
or the part moved there when it is far). The scroll bar spans the part, not the whole article.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from hashiye.core.text.display import Display, Paragraph, broken_paragraphs, shown_whole
from hashiye.core.text.sentences import sentence_spans
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from .qtext import Utf16Index


@dataclass(frozen=True)
class Prepared:
    """A long display as the reader shows it: lines broken, a line too long to lay out left out, sentences."""

    display: Display
    whole_length: int | None  # the whole text's length when only a part of it can be shown
    sentences: list[tuple[int, int]]


_prepared: list[tuple[Display, Prepared]] = []  # the last two, made on the runner (`prepare`)


def prepare(display: Display, paragraph: int, longest: int) -> Prepared:
    """What the reader shows of a long display (`broken_paragraphs`, `shown_whole`) and its sentence
    spans; remembered for the last two displays, so the runner can make it before the text is shown."""
    global _prepared
    found = prepared(display)
    if found is not None:
        return found
    part = shown_whole(broken_paragraphs(display, paragraph), longest)
    made = Prepared(part, len(display.text) if len(part.text) < len(display.text) else None, sentence_spans(part.text))
    _prepared = [(display, made), *_prepared[:1]]
    return made


def prepared(display: Display) -> Prepared | None:
    return next((made for shown, made in _prepared if shown is display), None)


class PieceIndex(Utf16Index):
    """Code points of the whole text <-> Qt (UTF-16) positions of a document holding `text[lo:hi]`."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.lo, self.hi, self._base = 0, len(text), 0

    def set_part(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        self._base = super().to_qt(lo)

    def to_qt(self, i: int) -> int:
        """Code point of the whole text -> document position (clamped to the part loaded)."""
        return super().to_qt(min(max(i, self.lo), self.hi)) - self._base

    def to_py(self, q: int) -> int:
        """Document position -> code point of the whole text."""
        return super().to_py(q + self._base)

    def loaded(self, start: int, end: int) -> bool:
        """Whether the span lies in the part loaded."""
        return self.lo <= start and end <= self.hi


def line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, max(0, at)) + 1


def line_end(text: str, at: int) -> int:
    """Just past the line break ending the line at `at` (the text's end if none)."""
    return text.find("\n", at) + 1 or len(text)


class PieceLoader:
    """Loads a long text into `edit`'s document around a place, then the rest a piece per turn."""

    BUDGET_MS = 12.0  # UI-thread time per piece (insertion and Qt's layout of it)
    FIRST = 20_000  # characters loaded at once after the place (ten pages)
    BEFORE = 6_000  # and before it (the pages above, for keys and the wheel)
    NEAR = 20_000  # a place this close to the part is reached by growing it; a farther one moves it
    SMALLEST, LARGEST = 2_000, 60_000  # characters per piece
    MOST = 300_000  # characters in the document at most (about 150 pages)
    KEEP = 30_000  # characters kept on either side of the page when lines are dropped

    def __init__(self, edit: QTextEdit, loaded: Callable[[int, int], None]) -> None:
        self.edit = edit
        self.loaded = loaded  # called with each display span put in (formats, marks over it)
        self.text = ""
        self.index = PieceIndex("")
        self.piece = 10_000
        self.pieces = 0  # pieces put in since `start` (the first part counts as one)
        self._forward = True
        self._busy = False
        edit.verticalScrollBar().valueChanged.connect(self._follow)
        self._timer = QTimer(edit, singleShot=True, interval=0)  # the next piece (ends with the reader)
        self._timer.timeout.connect(self._step)

    def stop(self) -> None:
        """Another text is shown whole: no more pieces of this one."""
        self._timer.stop()
        self.text = ""

    def whole(self) -> bool:
        return self.index.lo == 0 and self.index.hi == len(self.text)

    def start(self, text: str, index: PieceIndex, place: int, load: Callable[[str], None]) -> None:
        """Put the lines around display position `place` in (with `load`, which sets the document's
        text), and the rest a piece per event-loop turn."""
        self.text, self.index = text, index
        lo = line_start(text, place - self.BEFORE)
        hi = line_end(text, max(place, lo) + self.FIRST)
        index.set_part(lo, hi)
        load(text[lo:hi])
        self.pieces = 1
        self._forward = True
        self.loaded(lo, hi)
        self._next()

    def full(self) -> bool:
        return self.whole() or self.index.hi - self.index.lo >= self.MOST

    def _next(self) -> None:
        if not self.full():
            self._timer.start()

    def _step(self) -> None:
        if self.full():
            return
        began = time.perf_counter()
        forward = self.index.hi < len(self.text) and (self._forward or self.index.lo == 0)
        if forward:
            self._append(line_end(self.text, self.index.hi + self.piece))
        else:
            self._prepend(line_start(self.text, self.index.lo - self.piece))
        self._forward = not forward
        spent = (time.perf_counter() - began) * 1000
        # The next piece sized to the budget (smoothed: one slow turn, e.g. a busy machine, halves it at most).
        scale = max(0.5, min(1.5, self.BUDGET_MS / max(spent, 1.0)))
        self.piece = int(max(self.SMALLEST, min(self.LARGEST, self.piece * scale)))
        self._next()

    def _follow(self) -> None:
        """The page came near an end of the part: lines put in there, as many dropped at the other end."""
        if self._busy or not self.text or not self.full() or self.whole():
            return
        bar, page = self.edit.verticalScrollBar(), self.edit.viewport().height()
        self._busy = True
        try:
            if self.index.hi < len(self.text) and bar.value() > bar.maximum() - 3 * page:
                self._append(line_end(self.text, self.index.hi + self.piece))
            elif self.index.lo > 0 and bar.value() < 3 * page:
                self._prepend(line_start(self.text, self.index.lo - self.piece))
            self._trim()
        finally:
            self._busy = False

    def _page_top(self) -> int:
        return self.index.to_py(self.edit.cursorForPosition(QPoint(self.edit.viewport().width() // 2, 4)).position())

    def _trim(self, around: int | None = None) -> None:
        """Keep the part to `MOST` characters: lines dropped at the end farther from the page (or from
        `around`: a place just reached, which the page is about to show)."""
        lo, hi = self.index.lo, self.index.hi
        excess = hi - lo - self.MOST
        if excess <= 0:
            return
        top = self._page_top() if around is None else around
        doc = self.edit.document()
        cursor = QTextCursor(doc)
        if top - lo > hi - top:  # the page is in the later half: the first lines go
            cut = line_start(self.text, min(lo + excess, top - self.KEEP))
            if cut <= lo:
                return
            layout, bar = doc.documentLayout(), self.edit.verticalScrollBar()
            value = bar.value()
            moved = (layout.blockBoundingRect(doc.findBlock(self.index.to_qt(cut))).top()
                     - layout.blockBoundingRect(doc.firstBlock()).top())
            cursor.setPosition(self.index.to_qt(cut), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            self.index.set_part(cut, hi)
            self._scroll(value - int(moved))
        else:
            cut = line_end(self.text, max(hi - excess, top + self.KEEP))
            if cut >= hi:
                return
            cursor.setPosition(self.index.to_qt(cut))
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            self.index.set_part(lo, cut)

    def _scroll(self, value: int) -> None:
        """Back to the same page after lines were put in or dropped above it (not a move of the page)."""
        bar = self.edit.verticalScrollBar()
        busy, self._busy = self._busy, True
        try:
            bar.setMaximum(max(bar.maximum(), value))  # the new height may be reported later
            bar.setValue(value)
        finally:
            self._busy = busy

    def _append(self, hi: int) -> None:
        lo, old = self.index.lo, self.index.hi
        cursor = QTextCursor(self.edit.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(self.text[old:hi], QTextCharFormat())
        self.index.set_part(lo, hi)
        self.pieces += 1
        self.loaded(old, hi)

    def _prepend(self, lo: int) -> None:
        """Put `text[lo:part's start]` before the part; the page stays where it was."""
        old, hi = self.index.lo, self.index.hi
        doc = self.edit.document()
        layout = doc.documentLayout()
        bar = self.edit.verticalScrollBar()
        value = bar.value()
        top = layout.blockBoundingRect(doc.firstBlock()).top()
        cursor = QTextCursor(doc)
        cursor.insertText(self.text[lo:old], QTextCharFormat())  # ends with a line break: blocks stay whole
        self.index.set_part(lo, hi)
        moved = layout.blockBoundingRect(doc.findBlock(self.index.to_qt(old))).top() - top
        self._scroll(value + int(moved))
        self.pieces += 1
        self.loaded(lo, old)

    def reach(self, start: int, end: int) -> bool:
        """Make display span start..end loaded: grow the part to it, or move the part there when it is
        far (then True: the document was set again)."""
        if self.index.loaded(start, end) or not self.text:
            return False
        lo, hi = self.index.lo, self.index.hi
        if end > hi and end - hi <= self.NEAR and start >= lo:
            self._append(line_end(self.text, end + self.BEFORE))
        elif start < lo and lo - start <= self.NEAR and end <= hi:
            self._prepend(line_start(self.text, start - self.BEFORE))
        else:
            return True
        self._trim(around=start)  # not from the page: the lines just added would go again
        return False


STYLED = ("title", "supertitle", "lead", "hidden")  # paragraph roles with a character format of their own


def format_paragraphs(edit: QTextEdit, index: PieceIndex, paragraphs: list[Paragraph], start: int, end: int,
                      point_size: float) -> None:
    """Weight for the lead and headings; hidden lines faint: those of `paragraphs` (display spans) in
    start..end that are loaded."""
    cursor = QTextCursor(edit.document())
    for p in paragraphs:
        s, e = max(p.start, start, index.lo), min(p.end, end, index.hi)
        if p.role not in STYLED or e <= s:
            continue
        cursor.setPosition(index.to_qt(s))
        cursor.setPosition(index.to_qt(e), QTextCursor.MoveMode.KeepAnchor)
        char = QTextCharFormat()
        if p.role == "title":
            char.setFontWeight(QFont.Weight.Bold)
            char.setFontPointSize(point_size * 1.3)
        elif p.role == "lead":
            char.setFontWeight(QFont.Weight.DemiBold)
        else:  # a supertitle, or a line the clean view hides, shown on request: faint
            char.setForeground(edit.palette().placeholderText())
            char.setFontItalic(p.role == "hidden")  # no fixed size: zooming scales hidden lines too
        cursor.mergeCharFormat(char)
