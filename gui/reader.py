"""The reader: an article's display text with highlights and sentence focus.

The reader owns the display text and its offset map (core.display). Everyone else speaks code
points of the file as stored (DESIGN §2): marks, spans, hits and places go in and come out in
file positions, and the conversion happens here only. The find bar, which searches the text as
shown, is the one caller of the display-span `set_hits`."""

from __future__ import annotations

from hashiye.core.text.display import Display, Paragraph, broken_paragraphs, shown_whole
from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QKeyEvent, QPainter, QPaintEvent, QShowEvent, QTextCharFormat, QTextCursor,
                           QTextOption)
from PySide6.QtWidgets import QTextEdit

from .colors import mark_color
from .column import DEFAULT_LINE_WIDTH, LINE_WIDTHS, ColumnTextEdit  # noqa: F401  (re-exported)
from .highlights import HighlightPainter, Mark, margin_marks, mark_format
from .i18n import tr
from .reader_paint import SelectableText, extra_selections, focus_bar_rect
from .reader_pieces import STYLED, PieceIndex, PieceLoader, format_paragraphs, prepare, prepared
from .themes import current as theme


class ReaderText(SelectableText):
    """Read-only RTL text with sentence focus; Down/Up move it, Shift extends it."""

    focusMoved = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setObjectName("reader")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setMinimumWidth(420)
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(14)  # room for the focus bar at the right
        option = QTextOption(doc.defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        self._painter = HighlightPainter(doc)
        self.focus_range: tuple[int, int] = (0, 0)  # sentence indices, inclusive
        self._marks: list[Mark] = []
        self.highlight_style = "fill"  # or "underline" (View menu; gui/highlights.py STYLES)
        self._hits: list[tuple[int, int]] = []
        self._hit_current = -1
        self._pending_top: int | None = None
        self._pending_focus = 0
        self._shown: Display | None = None
        self._source: Display | None = None  # the display last given to `show_article` (before lines are broken)
        self.whole_length: int | None = None
        self._styled: list[Paragraph] = []  # the paragraphs with a format of their own (`format_paragraphs`)
        self._pieces = PieceLoader(self, self._pieces_loaded)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(tr("متن مقاله"))  # the article itself is never translated

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- file positions <-> display positions: here and nowhere else ---------------------
    @property
    def display(self) -> Display | None:
        """The text as shown (and its map to the file); None before the first article."""
        return self._shown

    def _to_display(self, start: int, end: int) -> tuple[int, int]:
        return self._shown.map.to_display(start, end) if self._shown is not None else (start, end)

    def _to_file(self, start: int, end: int) -> tuple[int, int]:
        return self._shown.map.to_source(start, end) if self._shown is not None else (start, end)

    def _shown_marks(self, marks: list[Mark]) -> list[Mark]:
        shown = []
        for m in marks:
            s, e = self._to_display(m.start, m.end)
            if e > s:
                shown.append(Mark(s, e, m.color, m.has_note, m.current))
        return shown

    # --- content ---------------------------------------------------------------------
    LONG_PARAGRAPH = 3000  # characters: a long article's longer paragraphs are shown as lines of at most this
    LONGEST_LINE = 20_000  # characters: a line with no space to break at, longer than this, is not shown

    def show_article(self, display: Display, marks: list[Mark], keep_focus: bool = False) -> None:
        """Show a display text with its highlights (file positions); keep the place and focus if asked,
        by file position: hazm's text swapping in for the quick one does not move the page. A long
        text's paragraphs are broken into lines (`broken_paragraphs`: same positions); its highlights
        are extra selections, drawn for the visible lines only, not a highlighter pass over every block."""
        if keep_focus and display is self._source and self._text:  # the same text again (e.g. its rules known)
            self.set_marks(marks)
            return
        self._source = display
        top = self.top_position() if keep_focus and self._shown is not None and self._text else None
        focus = self.focus_span() if keep_focus else None
        seen = focus is not None and self._focus_seen()  # else the page stays, the focus off it
        old_focus = self.focus_range
        self.whole_length = None  # set when only a part of a long text can be shown
        made = prepared(display) if len(display.text) > self.LONG_TEXT else None  # made on the runner?
        if len(display.text) > self.LONG_TEXT:
            part = made.display if made else shown_whole(broken_paragraphs(display, self.LONG_PARAGRAPH),
                                                         self.LONGEST_LINE)
            self.whole_length = len(display.text) if len(part.text) < len(display.text) else None
            display = part
        self._text = display.text
        self._index = PieceIndex(display.text)
        self._shown = display
        self._styled = [p for p in display.paragraphs if p.role in STYLED]
        self._marks = self._shown_marks(marks)
        self._hits, self._hit_current = [], -1
        long = len(display.text) > self.LONG_TEXT
        if long and self._painter.document() is not None:
            self._painter.setDocument(None)  # a highlighter goes over every block at each load
        elif not long and self._painter.document() is None:
            self._painter.setDocument(self.document())
        self._painter.set_spans([] if long else self._mark_spans())  # painted while the text loads: no second pass
        if long:  # put in a piece per event-loop turn, from the place to show (reader_pieces.py)
            place = top if top is not None else focus[0] if focus is not None else None
            self._pieces.start(display.text, self._index, self._to_display(place, place)[0] if place else 0,
                               self._load_part)
        else:
            self._pieces.stop()
            self._load_text(display.text)
            self._format_blocks()
        self.sentences = self._sentences(display.text, self._to_display(*focus)[0] if focus else 0, made)
        if keep_focus and focus is not None:
            self.focus_range = self.sentence_at(self._to_display(*focus)[0], old_focus)
        elif keep_focus and old_focus[1] < len(self.sentences):
            self.focus_range = old_focus
        else:
            self.focus_range = self._first_body_sentence(display)
        if top is None or seen:
            self._draw_focus()
        else:
            self._draw_extra()
        if top is not None:
            self._put_on_top(self._to_display(top, top)[0])
            if seen:
                self.ensureCursorVisible()  # the focused sentence stays on the page (a long text is laid out lazily)
        elif not keep_focus:
            self.verticalScrollBar().setValue(0)

    @classmethod
    def prepare(cls, display: Display) -> None:
        """Make what showing a long display takes (lines, sentences) now, e.g. on the runner."""
        if len(display.text) > cls.LONG_TEXT:
            prepare(display, cls.LONG_PARAGRAPH, cls.LONGEST_LINE)

    def _first_body_sentence(self, display: Display) -> tuple[int, int]:
        body = next((p.start for p in display.paragraphs if p.role in ("lead", "body")), 0)
        i = next((k for k, (s, _e) in enumerate(self.sentences) if s >= body), 0)
        return (i, i)

    def _format_blocks(self, start: int = 0, end: int | None = None) -> None:
        """Weight for the lead and headings; hidden lines faint (the block format is set as the text loads)."""
        format_paragraphs(self, self._index, self._styled, start, len(self._text) if end is None else end,
                          self._point_size())

    # --- a long text, put in a piece at a time (reader_pieces.py) --------------------------
    def _load_part(self, text: str) -> None:
        self._load_text(text, long=True)

    def _pieces_loaded(self, start: int, end: int) -> None:
        """Display span start..end was put in: its formats, and the marks over it (clamped before)."""
        self._format_blocks(start, end)
        spans = [(m.start, m.end) for m in self._marks] + self._hits + [self._focus_display() or (-1, -1)]
        if self._pieces.pieces > 1 and any(s <= end and e >= start for s, e in spans):
            self._draw_extra()

    def _reach(self, start: int, end: int) -> None:
        """Make display span start..end part of the document (a long text is put in a piece at a time)."""
        if self._pieces.index is self._index and self._pieces.reach(start, end):
            self._pieces.start(self._text, self._index, start, self._load_part)  # far: the part moves there
            self._draw_extra()  # the marks there, clamped to the part before

    def loaded_whole(self) -> bool:
        """Whether the document holds the whole text shown (a long one is put in a piece at a time)."""
        return self._index.lo == 0 and self._index.hi == len(self._text)

    def restyle(self, bar: int) -> None:
        """Paint in the current theme's colours, back at scroll value `bar` (taken before the new style
        sheet, which resets the widget's font: the text size is set again, so the layout is the same)."""
        self.zoom_to(self._zoom)
        if self._shown is not None:
            self._format_blocks()  # supertitles take the new muted colour
        self._apply_marks()
        self._draw_extra()
        self.verticalScrollBar().setValue(bar)

    def set_marks(self, marks: list[Mark]) -> None:
        """Paint these highlights (file positions)."""
        self._marks = self._shown_marks(marks)
        self._apply_marks()

    def _apply_marks(self) -> None:
        if self._painter.document() is None:  # a long text: the marks are extra selections
            self._draw_extra()
            return
        self._painter.set_spans(self._mark_spans())
        self._painter.rehighlight()

    def _mark_spans(self) -> list[tuple[int, int, QTextCharFormat]]:
        return [(self._index.to_qt(m.start), self._index.to_qt(m.end), mark_format(m, self.highlight_style))
                for m in self._marks]

    def set_highlight_style(self, style: str) -> None:
        """"fill" (light fill and coloured underline) or "underline" (the underline alone)."""
        self.highlight_style = style
        self._apply_marks()

    # --- sentence focus ----------------------------------------------------------------
    def focus_span(self) -> tuple[int, int] | None:
        """File span of the focused sentence(s)."""
        span = self._focus_display()
        return self._to_file(*span) if span is not None else None

    def selection_span(self) -> tuple[int, int] | None:
        """File span of the text selection, if any."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        return self._to_file(self._index.to_py(c.selectionStart()), self._index.to_py(c.selectionEnd()))

    def position_at(self, point: QPoint) -> int | None:
        """File position of the caret place nearest a viewport point (None off the text's lines)."""
        cursor = self.cursorForPosition(point)
        rect = self.cursorRect(cursor)
        if self._shown is None or not rect.top() - 2 <= point.y() <= rect.bottom() + 2:
            return None
        shown = self._index.to_py(cursor.position())
        return self._to_file(shown, shown)[0]

    def _focus_display(self) -> tuple[int, int] | None:
        if not self.sentences:
            return None
        a, b = self.focus_range
        return self.sentences[a][0], self.sentences[b][1]

    def move_focus(self, step: int, extend: bool = False) -> None:
        if not self.sentences:
            return
        a, b = self.focus_range
        last = len(self.sentences) - 1
        if extend and step > 0:
            b = min(last, b + 1)
        elif extend:
            a, b = (a, b - 1) if b > a else (max(0, a - 1), b)
        else:
            a = b = max(0, min(last, (b if step > 0 else a) + step))
        self.focus_range = (a, b)
        self._draw_focus()
        self.focusMoved.emit()

    def focus_on(self, position: int) -> None:
        """Move the sentence focus to the sentence holding file position `position`."""
        self._pending_top = None  # a jump made now wins over a reading place still to be restored
        self._focus_on_display(self._to_display(position, position)[0])

    def show_hit(self, start: int, end: int) -> None:
        """Mark one search hit (file positions), focus its sentence and scroll to it."""
        s, e = self._to_display(start, end)
        self._pending_top = None
        if e > s:
            self._focus_on_display(s)
            self.set_hits([(s, e)], 0)

    def _focus_on_display(self, start: int) -> None:
        for k, (s, e) in enumerate(self.sentences):
            if s <= start < e or s >= start:
                self.focus_range = (k, k)
                break
        self._draw_focus()
        self.focusMoved.emit()

    def set_hits(self, hits: list[tuple[int, int]], current: int) -> None:
        """Mark find-bar hits (display spans of the text as shown) and scroll to the current one."""
        self._hits = hits
        self._hit_current = current
        self._draw_extra()
        if 0 <= current < len(hits):
            self.show_display_span(hits[current][0])

    def _draw_extra(self) -> None:
        """Temporary marks: the sentence focus (underline) and find hits (outlined); a long text's highlights."""
        marks = self._marks if self._painter.document() is None else []
        self.setExtraSelections(extra_selections(self, marks, self.highlight_style, self._focus_display(),
                                                 self._hits, self._hit_current))
        self.viewport().update()  # the focus bar moves too

    def _draw_focus(self) -> None:
        span = self._focus_display()
        if span is not None:
            self._reach(*span)
        self._draw_extra()
        if span is None:
            return
        end = QTextCursor(self.document())
        end.setPosition(self._index.to_qt(span[1]))
        if not self.caret_mode:
            self.setTextCursor(end)
        self.ensureCursorVisible()

    FOCUS_BAR = 4  # px: the bar beside the focused sentence, in the page's right margin

    def _focus_seen(self) -> bool:
        bar = self.focus_bar()
        return bar is not None and bar.intersects(self.viewport().rect())

    def focus_bar(self) -> QRect | None:
        """Where the focus bar goes (viewport coordinates): beside the focused sentence's lines."""
        return focus_bar_rect(self, self._index, self._focus_display(), self.FOCUS_BAR)

    MARGIN_MARK = 4  # px: a highlight's colour beside its lines, in the page's left margin

    def margin_marks(self) -> list[tuple[QRect, QColor]]:
        """Where each highlight's margin mark goes (viewport coordinates) and its colour: beside its lines."""
        spans = [(self._index.to_qt(m.start), self._index.to_qt(m.end), mark_color(m.color)) for m in self._marks
                 if m.end > self._index.lo and m.start < self._index.hi]
        return margin_marks(self, spans, self.MARGIN_MARK)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, then the highlights' margin marks and the focus bar (visible on any highlight)."""
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        for rect, color in self.margin_marks():
            if rect.intersects(event.rect()):
                painter.fillRect(rect, color)
        bar = self.focus_bar()
        if bar is not None and bar.intersects(event.rect()):
            painter.fillRect(bar, QColor(theme().accent))
        painter.end()

    # --- keys, caret mode, zoom ----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self.caret_mode and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.move_focus(1 if key == Qt.Key.Key_Down else -1, extend)
            return
        super().keyPressEvent(event)

    def top_position(self) -> int:
        """File position of the text at the top of the page."""
        cursor = self.cursorForPosition(QPoint(self.viewport().width() // 2, 4))
        shown = self._index.to_py(cursor.position())
        return self._to_file(shown, shown)[0]

    def keep_top(self, start: int, focus: int | None = None) -> None:
        """Put file position `start` at the top of the page once the text is laid out at its size,
        with the sentence focus on the sentence holding `focus` (else the one at `start`)."""
        self._pending_top = self._to_display(start, start)[0]
        self._pending_focus = self._to_display(*(start, start) if focus is None else (focus, focus))[0]
        if self.isVisible():
            QTimer.singleShot(0, self._apply_top)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_top is not None:
            QTimer.singleShot(0, self._apply_top)

    def _apply_top(self) -> None:
        start, self._pending_top = self._pending_top, None
        if start is None or not self._text:
            return
        self._focus_on_display(self._pending_focus)
        self._put_on_top(start)

    def event(self, e: QEvent) -> bool:
        if (e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent)
                and e.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not self.caret_mode):
            e.accept()
            return True
        return super().event(e)
