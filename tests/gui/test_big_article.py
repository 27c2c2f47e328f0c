"""A long article: read off the UI thread, laid out plainly, its sentences found a part at a time."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_a_long_article_is_read_on_a_worker_and_shown_whole(qtbot, window, corpus: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.core.text.sentences import sentence_spans
    from hashiye.gui.reader import ReaderText
    from hashiye.gui.reading import ReadingState

    monkeypatch.setattr(ReadingState, "BACKGROUND_READ", 1000)  # bytes: every seed counts as long
    monkeypatch.setattr(ReaderText, "LONG_TEXT", 500)  # characters
    monkeypatch.setattr(ReaderText, "SENTENCE_STEP", 300)
    qtbot.waitUntil(lambda: window.current_id is not None, timeout=20000)
    first = window.current_id
    other = next(p.stem for p in sorted(corpus.glob("*.txt")) if p.stem != first)
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
    # Back to an article read before: shown at once, from the cache.
    window.pane.select(first)
    assert window.state.current_id == first
