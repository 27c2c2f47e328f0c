"""The reader pane: article header and display text with highlights and sentence focus."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from hashiye.core.display import Display
from hashiye.core.jalali import gregorian_display, jalali_display
from hashiye.core.sentences import sentence_spans
from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QVBoxLayout, QWidget

from .colors import highlight_color
from .i18n import bidi_line, digits, language, tr
from .qtext import Utf16Index
from .themes import current as theme

LINE_WIDTHS = (45, 55, 65, 75, 90, 110, 0)  # characters per line; 0: as wide as the pane
DEFAULT_LINE_WIDTH = 75
JUSTIFY_MIN_WIDTH = 480  # px of text column
CURRENT_DARKER = 108  # the chosen highlight is this much darker (its text keeps 4.5:1, see test_themes)
LINE_HEIGHT = 135  # percent of the font's line spacing (Vazirmatn's is already generous)


@dataclass(frozen=True)
class Mark:
    """A highlight to paint, in display code points."""

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


class ReaderText(QTextEdit):
    """Read-only RTL text with sentence focus; Down/Up move it, Shift extends it."""

    focusMoved = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setObjectName("reader")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setAccessibleName(tr("متن مقاله"))
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
        self._index = Utf16Index("")
        self._text = ""
        self.sentences: list[tuple[int, int]] = []
        self.focus_range: tuple[int, int] = (0, 0)  # sentence indices, inclusive
        self._marks: list[Mark] = []
        self.caret_mode = False
        self._hits: list[tuple[int, int]] = []
        self._hit_current = -1
        self._aligned: Qt.AlignmentFlag | None = None
        self._base_size = 15.0
        self._zoom = 0
        self._line_chars = DEFAULT_LINE_WIDTH
        self._pending_top: int | None = None
        self._pending_focus = 0
        self._shown: Display | None = None

    # --- content ---------------------------------------------------------------------
    def show_text(self, display: Display, marks: list[Mark], keep_focus: bool = False) -> None:
        """Show a display text with its highlights; keep the scroll position and focus if asked."""
        scroll = self.verticalScrollBar().value()
        old_focus = self.focus_range
        self._text = display.text
        self._index = Utf16Index(display.text)
        self._marks = marks
        self._hits, self._hit_current = [], -1
        self._painter.set_spans(self._mark_spans())  # painted while the text loads: no second pass
        self.document().setPlainText(display.text)
        self._shown = display
        self._format_blocks(display)
        self.sentences = sentence_spans(display.text)
        if keep_focus and old_focus[1] < len(self.sentences):
            self.focus_range = old_focus
        else:
            self.focus_range = self._first_body_sentence(display)
        self._draw_focus()
        self.verticalScrollBar().setValue(scroll if keep_focus else 0)

    def _first_body_sentence(self, display: Display) -> tuple[int, int]:
        body = next((p.start for p in display.paragraphs if p.role in ("lead", "body")), 0)
        i = next((k for k, (s, _e) in enumerate(self.sentences) if s >= body), 0)
        return (i, i)

    def _format_blocks(self, display: Display) -> None:
        """Line height and justified RTL paragraphs for all; weight for the lead and headings."""
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT, 1)  # ProportionalHeight
        fmt.setBottomMargin(10)
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._aligned = self._alignment()
        fmt.setAlignment(self._aligned)
        cursor.mergeBlockFormat(fmt)
        for p in display.paragraphs:
            if p.role not in ("title", "supertitle", "lead"):
                continue
            cursor.setPosition(self._index.to_qt(p.start))
            cursor.setPosition(self._index.to_qt(p.end), QTextCursor.MoveMode.KeepAnchor)
            char = QTextCharFormat()
            if p.role == "title":
                char.setFontWeight(QFont.Weight.Bold)
                char.setFontPointSize(self._point_size() * 1.3)
            elif p.role == "lead":
                char.setFontWeight(QFont.Weight.DemiBold)
            else:
                char.setForeground(self.palette().placeholderText())
            cursor.mergeCharFormat(char)

    def restyle(self, bar: int) -> None:
        """Paint in the current theme's colours, back at scroll value `bar` (taken before the new style
        sheet, which resets the widget's font: the text size is set again, so the layout is the same)."""
        self.zoom_to(self._zoom)
        if self._shown is not None:
            self._format_blocks(self._shown)  # supertitles take the new muted colour
        self._apply_marks()
        self._draw_extra()
        self.verticalScrollBar().setValue(bar)

    def set_marks(self, marks: list[Mark]) -> None:
        """Paint these highlights (display code points)."""
        self._marks = marks
        self._apply_marks()

    def _apply_marks(self) -> None:
        self._painter.set_spans(self._mark_spans())
        self._painter.rehighlight()

    def _mark_spans(self) -> list[tuple[int, int, QTextCharFormat]]:
        spans = []
        for m in self._marks:
            fmt = QTextCharFormat()
            fill = highlight_color(m.color)
            fmt.setBackground(fill.darker(CURRENT_DARKER) if m.current else fill)
            fmt.setForeground(QColor(theme().on_highlight))
            if m.has_note:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(theme().on_highlight))
            spans.append((self._index.to_qt(m.start), self._index.to_qt(m.end), fmt))
        return spans

    # --- sentence focus ----------------------------------------------------------------
    def focus_span(self) -> tuple[int, int] | None:
        """Display span of the focused sentence(s)."""
        if not self.sentences:
            return None
        a, b = self.focus_range
        return self.sentences[a][0], self.sentences[b][1]

    def selection_span(self) -> tuple[int, int] | None:
        """Display span of the text selection, if any."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        return self._index.to_py(c.selectionStart()), self._index.to_py(c.selectionEnd())

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

    def focus_on_display(self, start: int) -> None:
        """Move the sentence focus to the sentence holding display position `start`."""
        for k, (s, e) in enumerate(self.sentences):
            if s <= start < e or s >= start:
                self.focus_range = (k, k)
                break
        self._draw_focus()
        self.focusMoved.emit()

    def set_hits(self, hits: list[tuple[int, int]], current: int) -> None:
        """Mark find/search hits (display spans) and scroll to the current one."""
        self._hits = hits
        self._hit_current = current
        self._draw_extra()
        if 0 <= current < len(hits):
            self.show_display_span(hits[current][0])

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(start))
        cursor.setPosition(self._index.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _draw_extra(self) -> None:
        """Temporary marks: the sentence focus (underline) and find hits (outlined)."""
        selections = []
        span = self.focus_span()
        if span is not None:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(theme().accent))
            selections.append(self._selection(span[0], span[1], fmt))
        for k, (s, e) in enumerate(self._hits):
            fmt = QTextCharFormat()
            current = k == self._hit_current
            fmt.setBackground(QColor(theme().hit_current if current else theme().hit))
            selections.append(self._selection(s, e, fmt))
        self.setExtraSelections(selections)
        self.viewport().update()  # the focus bar moves too

    def _draw_focus(self) -> None:
        self._draw_extra()
        span = self.focus_span()
        if span is None:
            return
        end = QTextCursor(self.document())
        end.setPosition(self._index.to_qt(span[1]))
        if not self.caret_mode:
            self.setTextCursor(end)
        self.ensureCursorVisible()

    FOCUS_BAR = 4  # px: the bar beside the focused sentence, in the page's right margin

    def focus_bar(self) -> QRect | None:
        """Where the focus bar goes (viewport coordinates): beside the focused sentence's lines."""
        span = self.focus_span()
        if span is None:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(span[0]))
        top = self.cursorRect(cursor).top()
        cursor.setPosition(self._index.to_qt(max(span[0], span[1] - 1)))
        bottom = self.cursorRect(cursor).bottom()
        return QRect(self.viewport().width() - self.FOCUS_BAR - 2, top, self.FOCUS_BAR, bottom - top + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, then the focus bar: visible on any highlight colour, unlike an underline alone."""
        super().paintEvent(event)
        bar = self.focus_bar()
        if bar is not None and bar.intersects(event.rect()):
            painter = QPainter(self.viewport())
            painter.fillRect(bar, QColor(theme().accent))
            painter.end()

    def show_display_span(self, start: int) -> None:
        """Scroll so that display position `start` is visible."""
        c = QTextCursor(self.document())
        c.setPosition(self._index.to_qt(start))
        self.setTextCursor(c)
        self.ensureCursorVisible()

    # --- keys, caret mode, zoom ----------------------------------------------------------
    def set_caret_mode(self, on: bool) -> None:
        """F7: a visible caret; Shift+arrows select precisely."""
        self.caret_mode = on
        flags = Qt.TextInteractionFlag.TextSelectableByMouse
        if on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.setTextInteractionFlags(flags)
        self.setCursorWidth(2 if on else 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self.caret_mode and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.move_focus(1 if key == Qt.Key.Key_Down else -1, extend)
            return
        super().keyPressEvent(event)

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

    # --- line width and the top of the page ----------------------------------------------
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

    def top_position(self) -> int:
        """Display position of the text at the top of the page."""
        cursor = self.cursorForPosition(QPoint(self.viewport().width() // 2, 4))
        return self._index.to_py(cursor.position())

    def keep_top(self, start: int, focus: int | None = None) -> None:
        """Put display position `start` at the top of the page once the text is laid out at its size,
        with the sentence focus on the sentence holding `focus` (else the one at `start`)."""
        self._pending_top = start
        self._pending_focus = start if focus is None else focus
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
        self.focus_on_display(self._pending_focus)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(min(start, len(self._text))))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if e.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not self.caret_mode:
                e.accept()
                return True
        return super().event(e)


class ReaderHeader(QWidget):
    """Supertitle, title and a line with source, Jalali date (Gregorian on hover) and news code."""

    def __init__(self) -> None:
        super().__init__()
        self.supertitle = QLabel()
        self.title = QLabel()
        self._full_title = ""
        self.meta = QLabel()
        self.warning = QLabel()
        for lab in (self.supertitle, self.title, self.meta, self.warning):
            lab.setWordWrap(True)
            # On the right like the article's Persian title, in either interface language.
            lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setObjectName("articleTitle")
        self.supertitle.setObjectName("articleSupertitle")
        self.meta.setObjectName("articleMeta")
        self.warning.setObjectName("articleWarning")
        self.warning.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 8)
        lay.setSpacing(4)
        for lab in (self.supertitle, self.title, self.meta, self.warning):
            lay.addWidget(lab)

    def show_record(self, rec: dict[str, object], original: bool) -> None:
        sup = rec.get("supertitle")
        self.supertitle.setText(str(sup) if sup else "")
        self.supertitle.setVisible(bool(sup))
        self._full_title = str(rec.get("title") or rec.get("id"))
        self.title.setToolTip(self._full_title)
        self._fit_title()
        published = rec.get("published")
        parts = [str(rec.get("source") or tr("منبع نامعلوم"))]
        parts.append(tr("{jalali} ({gregorian})", jalali=jalali_display(str(published), lang=language()),
                        gregorian=gregorian_display(str(published), language())) if published else tr("بی‌تاریخ"))
        if rec.get("news_code"):
            parts.append(tr("کد خبر {code}", code=digits(str(rec["news_code"]))))
        if original:
            parts.append(tr("متن اصلی (Ctrl+U)"))
        self.meta.setText(bidi_line(parts))
        self.meta.setToolTip(tr("میلادی: {when}", when=published) if published else "")

    TITLE_LINES = 2

    def _fit_title(self) -> None:
        """At most two lines of title; the whole title is in the tooltip."""
        fm = self.title.fontMetrics()
        room = max(100, self.title.width()) * self.TITLE_LINES - fm.averageCharWidth() * 6
        self.title.setText(fm.elidedText(self._full_title, Qt.TextElideMode.ElideRight, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def show_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
