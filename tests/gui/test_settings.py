"""The window remembers where you were: article per folder, text size, recent folders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt


def test_reading_place_and_text_size_survive_a_restart(qtbot, window, corpus: Path, tmp_path: Path) -> None:
    from hashiye.gui.app import create_window

    qtbot.keyClick(window.list_view, Qt.Key.Key_J)
    qtbot.keyClick(window.list_view, Qt.Key.Key_J)
    chosen = window.current_id
    qtbot.keyClick(window.list_view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = create_window(corpus, settings)
    qtbot.addWidget(again)
    assert again.current_id == chosen
    assert again.reader.zoom_steps() == 2
    assert [a.text() for a in again.recent_menu.actions()] == [str(corpus.resolve())]


def _restart(qtbot, corpus: Path, tmp_path: Path):
    from hashiye.gui.app import create_window

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = create_window(corpus, settings)
    qtbot.addWidget(again)
    again.show()
    return again


def test_line_width_is_a_setting_that_survives_a_restart(qtbot, window, corpus: Path, tmp_path: Path) -> None:
    window.resize(1500, 900)
    qtbot.wait(10)
    before = window.reader.viewport().width()
    qtbot.keyClick(window.reader, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    narrow = window.reader.viewport().width()
    assert window.reader.line_width() == 55
    assert narrow < before - 100
    assert "55" in window.statusBar().currentMessage() or "۵۵" in window.statusBar().currentMessage()
    window.close()
    again = _restart(qtbot, corpus, tmp_path)
    again.resize(1500, 900)
    qtbot.wait(10)
    assert again.reader.line_width() == 55
    assert abs(again.reader.viewport().width() - narrow) <= 2


def _read_down(qtbot, window, corpus: Path, sentences: int) -> str:
    """Open the longest article and move the sentence focus down; return its id."""
    longest = max(corpus.glob("*.txt"), key=lambda p: p.stat().st_size).stem
    window._select(longest)
    window.reader.setFocus()
    for _ in range(sentences):
        qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    return longest


def test_the_page_reopens_at_the_same_text_in_another_window_size(qtbot, window, corpus: Path, tmp_path: Path) -> None:
    longest = _read_down(qtbot, window, corpus, 12)
    bar = window.reader.verticalScrollBar()
    assert bar.value() > 0
    top = window.reader.display.map.to_display(window.reader.top_position(), window.reader.top_position())[0]
    sentence = next(k for k, (s, e) in enumerate(window.reader.sentences) if s <= top < e)
    window.close()
    again = _restart(qtbot, corpus, tmp_path)
    again.resize(again.width() - 200, again.height() - 100)
    assert again.current_id == longest
    qtbot.waitUntil(lambda: again.reader.verticalScrollBar().value() > 0)
    shown = again.reader.display.map.to_display(again.reader.top_position(), again.reader.top_position())[0]
    start, end = again.reader.sentences[sentence]
    assert start - 40 <= shown < end, (again.reader.toPlainText()[shown:shown + 40], sentence)


def test_the_place_is_saved_while_reading_not_only_at_exit(qtbot, window, corpus: Path, tmp_path: Path) -> None:
    """A killed or crashed window loses at most the last second of moves."""
    longest = _read_down(qtbot, window, corpus, 10)
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    focus = window.reader.focus_range
    ini = tmp_path / "settings.ini"
    # On disk, without closing the window (as if it were killed next).
    qtbot.waitUntil(lambda: ini.exists() and longest in ini.read_text(encoding="utf-8")
                    and "zoom=1" in ini.read_text(encoding="utf-8"), timeout=5000)
    # Another window reads the same settings file while this one is still open (as after a kill -9).
    again = _restart(qtbot, corpus, tmp_path)
    assert again.current_id == longest
    assert again.reader.zoom_steps() == 1
    qtbot.waitUntil(lambda: again.reader.focus_range == focus)
