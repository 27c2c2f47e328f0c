"""A long article put into the reader a piece per event-loop turn: the document always holds exactly the
lines of the text it says it holds, the page stays where it is while lines are put in or dropped above it,
and a jump far into the text shows the right lines there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from waits import article_with_far_highlight

BENCH = Path(__file__).resolve().parents[2] / "bench"
LINES = "\n".join(f"جمله شماره {i} درباره طرح محرومیت زدایی در روستاها است و خبرنگار ما گزارش داد." for i in range(2500))


@pytest.fixture
def long_article(corpus: Path) -> str:
    """About 200,000 characters in 2,500 lines, with a highlight far into it."""
    return article_with_far_highlight(corpus, "zz_long", LINES, "جمله شماره 2000 ")


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.gui.reader import ReaderText
    from hashiye.gui.reader_pieces import PieceLoader
    from hashiye.gui.reading import ReadingState

    monkeypatch.setattr(ReadingState, "BACKGROUND_READ", 1000)
    monkeypatch.setattr(ReaderText, "LONG_TEXT", 5000)
    monkeypatch.setattr(PieceLoader, "FIRST", 4000)
    monkeypatch.setattr(PieceLoader, "BEFORE", 1500)
    monkeypatch.setattr(PieceLoader, "NEAR", 3000)
    monkeypatch.setattr(PieceLoader, "MOST", 30_000)  # characters in the document at most
    monkeypatch.setattr(PieceLoader, "KEEP", 8000)
    monkeypatch.setattr(PieceLoader, "LARGEST", 5000)


def holds_its_part(reader) -> bool:  # noqa: ANN001
    index = reader._index
    return reader.document().toPlainText() == reader.display.text[index.lo:index.hi]


def test_a_long_article_is_put_in_across_event_loop_turns_and_the_page_follows(
        qtbot, small_pieces: None, long_article: str, window) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    sys.path.insert(0, str(BENCH))
    try:
        from bench_ui_stall import StallMeter  # the event-loop probe: a timer ticking on the UI thread
    finally:
        sys.path.remove(str(BENCH))
    qtbot.waitUntil(lambda: window.current_id is not None, timeout=20000)
    reader = window.reader
    meter = StallMeter()
    seen: list[int] = []  # pieces put in, at each tick of the probe
    meter.timer.timeout.connect(lambda: seen.append(reader._pieces.pieces))
    meter.start()
    window.pane.select(long_article)
    qtbot.waitUntil(lambda: window.state.current_id == long_article, timeout=30000)
    shown = reader.display
    assert reader.long_layout() and len(shown.text) > 150_000
    qtbot.waitUntil(lambda: reader._pieces.full(), timeout=30000)
    meter.stop()
    index = reader._index
    assert holds_its_part(reader) and index.lo == 0 and index.hi - index.lo >= 30_000
    assert index.hi < len(shown.text), "not the whole text: at most MOST characters"
    assert len(set(seen)) > 3, "the probe ticked between pieces: each went in on its own event-loop turn"
    # Paging down: lines are put in below and dropped above; the page moves on, never back.
    reader.setFocus()
    tops = [reader.top_position()]
    for _ in range(120):
        QTest.keyClick(reader, Qt.Key.Key_PageDown)
        qtbot.wait(5)
        tops.append(reader.top_position())
        assert holds_its_part(reader)
        assert reader._index.hi - reader._index.lo <= 30_000 + 2 * 5000
    assert tops == sorted(tops) and tops[-1] > tops[0] + 30_000
    assert reader._index.lo > 0, "lines above were dropped"
    # Back up: lines put in above, the page where it was each time (no jump).
    for _ in range(40):
        before = reader.top_position()
        QTest.keyClick(reader, Qt.Key.Key_PageUp)
        qtbot.wait(5)
        assert reader.top_position() < before and holds_its_part(reader)
    # A jump far away (the highlight, from the panel): the part moves there, the highlight is painted.
    window.state.step_highlight(1)
    focus = reader.focus_span()
    assert focus is not None and reader.display.map.to_display(*focus)[0] > 150_000
    assert holds_its_part(reader) and reader._focus_seen()
    marks = [s for s in reader.extraSelections() if s.format.underlineColor().isValid()
             and s.cursor.selectedText().startswith("جمله شماره ۲۰۰۰")]
    assert marks, "the highlight is painted where the part moved to"


def test_hazm_swapping_in_keeps_the_page_when_the_focus_is_off_it(qtbot, small_pieces: None, long_article: str,
                                                                   window, monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.core.corpus import article as article_module
    from hashiye.gui import reading

    hazm = [False]
    monkeypatch.setattr(reading, "hazm_loaded", lambda: hazm[0])
    monkeypatch.setattr(article_module, "hazm_loaded", lambda: hazm[0])
    qtbot.waitUntil(lambda: window.current_id is not None, timeout=20000)
    window.pane.select(long_article)
    qtbot.waitUntil(lambda: window.state.current_id == long_article, timeout=30000)
    reader = window.reader
    qtbot.waitUntil(lambda: reader._pieces.full(), timeout=30000)
    qtbot.wait(300)
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # scrolled, the focus (first sentence) left above the page
    qtbot.wait(50)
    top, focus = reader.top_position(), reader.focus_span()
    assert not reader._focus_seen()
    hazm[0] = True
    window.upgrade_display()
    qtbot.waitUntil(lambda: reader.display.normalized, timeout=60000)
    assert reader.focus_span() == focus, "the same sentence in focus"
    moved = abs(reader.top_position() - top)
    assert moved < 200, f"the page stayed (the text at its top moved {moved} characters)"
    assert holds_its_part(reader)


def test_a_find_hit_just_past_a_full_part_is_loaded_and_shown(qtbot, small_pieces: None, long_article: str,
                                                              window) -> None:
    """Ctrl+F's next hit a little past the lines the document holds, with the page near the part's
    start: the lines up to the hit are added and kept (they were dropped again at once, and the hit
    was scrolled to the part's end, off the page)."""
    from PySide6.QtGui import QTextCursor

    qtbot.waitUntil(lambda: window.current_id is not None, timeout=20000)
    window.pane.select(long_article)
    qtbot.waitUntil(lambda: window.state.current_id == long_article, timeout=30000)
    reader = window.reader
    qtbot.waitUntil(lambda: reader._pieces.full(), timeout=30000)
    text = reader.display.text
    for _ in range(3):
        target = text.find("جمله", reader._index.hi + 1000)
        assert target > 0
        reader.set_hits([(target, target + 4)], 0)
        qtbot.wait(50)
        assert holds_its_part(reader) and reader._index.loaded(target, target + 4)
        cursor = QTextCursor(reader.document())
        cursor.setPosition(reader._index.to_qt(target))
        rect = reader.cursorRect(cursor)
        assert 0 <= rect.top() and rect.bottom() <= reader.viewport().height(), "the hit is on the page"
