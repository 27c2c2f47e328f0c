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
