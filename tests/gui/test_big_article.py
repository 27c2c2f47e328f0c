"""A long article: read off the UI thread, laid out plainly, its sentences found a part at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from waits import article_with_far_highlight


def test_a_long_article_is_read_on_a_worker_and_shown_whole(qtbot, window, corpus: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.core.text.sentences import sentence_spans
    from hashiye.gui.reader import ReaderText
    from hashiye.gui.reading import ReadingState

    monkeypatch.setattr(ReadingState, "BACKGROUND_READ", 1000)  # bytes: every seed counts as long
    monkeypatch.setattr(ReaderText, "LONG_TEXT", 500)  # characters
    monkeypatch.setattr(ReaderText, "SENTENCE_STEP", 300)
    monkeypatch.setattr(ReadingState, "PREVIEW", 400)  # characters: the beginning painted first
    qtbot.waitUntil(lambda: window.current_id is not None, timeout=20000)
    first = window.current_id
    other = next(p.stem for p in sorted(corpus.glob("*.txt")) if p.stem != first)
    painted: list[tuple[str, str | None]] = []  # (text, the article keys act on) at each paint of the reader
    real_show = window.reader.show_article
    monkeypatch.setattr(window.reader, "show_article", lambda display, marks, keep_focus=False: (
        painted.append((display.text, window.state.current_id)), real_show(display, marks, keep_focus))[1])
    messages: list[str] = []
    window.state.message.connect(lambda text, _ms: messages.append(text))
    window.pane.select(other)
    # At once: nothing of the previous article under the keys, the header says what is happening.
    assert window.state.current_id is None and window.reader.display is not None and window.reader.display.text == ""
    assert window.header.warning.text() == "در حال خواندن این مقالهٔ بلند…"
    qtbot.waitUntil(lambda: window.state.current_id == other, timeout=30000)
    shown = window.reader.display
    assert shown is not None and len(shown.text) > 500 and window.reader.long_layout()
    assert window.header.warning.text() == ""
    assert any("بسیار بلند" in m for m in messages), "the plain layout is explained"
    qtbot.waitUntil(lambda: window.reader.sentences and window.reader.sentences[-1][1] >= len(shown.text.rstrip()),
                    timeout=10000)
    assert window.reader.sentences == sentence_spans(shown.text), "found a part at a time, the same sentences"
    # Its beginning was painted first, while it was read whole, with no keys acting on it.
    previews = [text for text, acting in painted if text and acting is None]
    assert previews and 100 < len(previews[0]) < len(shown.text)
    assert shown.text.startswith(previews[0][:100])
    # Back to an article read before: shown at once, from the cache.
    window.pane.select(first)
    assert window.state.current_id == first


LINE = " ".join(f"جمله شماره {i} درباره طرح محرومیت زدایی در روستاها است و می شود گفت خوب است." for i in range(900))


@pytest.fixture
def one_line(corpus: Path) -> str:
    """An article stored as one long line, with a highlight far into it."""
    return article_with_far_highlight(corpus, "zz_one_line", LINE, "جمله شماره 500 ")


def test_a_one_line_article_keeps_its_place_and_highlight_as_hazm_swaps_in_off_the_ui_thread(
        qtbot, one_line: str, window, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from hashiye.core.corpus import article as article_module
    from hashiye.gui import reading
    from hashiye.gui.reader import ReaderText
    from hashiye.gui.reading import ReadingState
    from PySide6.QtGui import QTextCursor

    monkeypatch.setattr(ReadingState, "BACKGROUND_READ", 1000)
    monkeypatch.setattr(ReaderText, "LONG_TEXT", 5000)
    monkeypatch.setattr(ReaderText, "LONG_PARAGRAPH", 400)
    monkeypatch.setattr(ReadingState, "SYNC_NORMALISE", 10)
    hazm = [False]
    monkeypatch.setattr(reading, "hazm_loaded", lambda: hazm[0])
    monkeypatch.setattr(article_module, "hazm_loaded", lambda: hazm[0])
    built_on: list[bool] = []  # hazm's display built on the UI thread?
    real_build = article_module.build_display

    def build(*args: object, **kw: object) -> object:
        if kw.get("normalized"):
            built_on.append(threading.current_thread() is threading.main_thread())
        return real_build(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(article_module, "build_display", build)
    qtbot.waitUntil(lambda: window.current_id is not None, timeout=20000)
    window.pane.select(one_line)
    qtbot.waitUntil(lambda: window.state.current_id == one_line, timeout=30000)
    reader = window.reader
    shown = reader.display
    assert not shown.normalized and reader.long_layout()
    # One stored line is laid out as lines of bounded length, the text as the clean view has it.
    block, lengths = reader.document().begin(), []
    while block.isValid():
        lengths.append(block.length() - 1)
        block = block.next()
    assert len(lengths) > 10 and max(lengths) <= 400
    # Put into the document a piece per event-loop turn; once all is in, it is the text as the clean view has it.
    qtbot.waitUntil(reader.loaded_whole, timeout=30000)
    assert reader.document().toPlainText() == shown.text and reader._pieces.pieces > 1
    # The highlight far into the text is painted (an extra selection in its colour), not lost.
    marks = [s for s in reader.extraSelections() if s.format.underlineColor().isValid()
             and s.cursor.selectedText().startswith("جمله شماره ۵۰۰")]
    assert marks, "the highlight is painted"
    # Read down to the highlight, then hazm's text swaps in: the same sentence stays in focus, on the page.
    qtbot.waitUntil(lambda: not window.context.runner.running, timeout=30000)
    qtbot.wait(300)  # the window settles at its size (a resize lays the text out again)
    reader.focus_on(window.state.rows()[0].start)
    focus = reader.focus_span()
    assert focus is not None and focus[0] > len(LINE) // 2

    def focus_on_page() -> bool:
        cursor = QTextCursor(reader.document())
        cursor.setPosition(reader._index.to_qt(reader.display.map.to_display(*focus)[0]))
        return 0 <= reader.cursorRect(cursor).top() < reader.viewport().height()

    assert focus_on_page()
    hazm[0] = True
    window.upgrade_display()
    qtbot.waitUntil(lambda: reader.display.normalized, timeout=60000)
    assert built_on and not any(built_on), "hazm's text was made on the runner"
    assert reader.focus_span() == focus, "the focused sentence is the same"
    assert focus_on_page(), "and still on the page"
    assert [s for s in reader.extraSelections() if s.format.underlineColor().isValid()
            and s.cursor.selectedText().startswith("جمله شماره ۵۰۰")], "the highlight is still painted"


@pytest.fixture
def blob(corpus: Path) -> None:
    (corpus / "zz_blob.txt").write_text("عنوان خبری با دادهٔ بی‌فاصله\nبند اول خبر است و ادامه دارد.\n"
                                        + "الف" * 3000 + "\nبند پایانی.\n", "utf-8")


def test_a_line_too_long_to_show_is_left_out_with_a_message(qtbot, blob: None, window,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.gui.reader import ReaderText

    monkeypatch.setattr(ReaderText, "LONG_TEXT", 500)
    monkeypatch.setattr(ReaderText, "LONGEST_LINE", 2000)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and window.current_id is not None, timeout=20000)
    window.pane.select("zz_blob")
    qtbot.waitUntil(lambda: window.state.current_id == "zz_blob", timeout=30000)
    shown = window.reader.display.text
    assert "بند اول خبر است" in shown and "الف" not in shown and "بند پایانی" not in shown
    warning = window.header.warning.text()
    assert "کامل نشان داده نمی‌شود" in warning and f"{len(shown)} نویسه".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in warning and "hashiye-cli show" in warning
