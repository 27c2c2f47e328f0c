"""What a user sees around the reader: its right-click menu in the interface's direction, the title after a
language switch, and the README's keyboard table matching the window's shortcuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt


@pytest.fixture
def persian_again():
    yield
    from hashiye.gui import i18n

    i18n.set_language("fa")


def _window(qtbot, corpus: Path, tmp_path: Path, lang: str):
    from hashiye.gui.app import create_window, make_app

    make_app([])
    settings = QSettings(str(tmp_path / f"settings-{lang}.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", lang)
    win = create_window(corpus, settings)
    qtbot.addWidget(win)
    win.show()
    win._select("000_e6d5671372e51005")
    qtbot.waitUntil(lambda: win.current_id == "000_e6d5671372e51005")
    return win


@pytest.mark.parametrize(("lang", "expected"), [("en", Qt.LayoutDirection.LeftToRight),
                                                ("fa", Qt.LayoutDirection.RightToLeft)])
def test_reader_context_menu_follows_the_interface_direction(qtbot, corpus: Path, tmp_path: Path, persian_again,
                                                             lang: str, expected: Qt.LayoutDirection) -> None:
    from hashiye.gui import hidden_lines

    win = _window(qtbot, corpus, tmp_path, lang)
    assert win.reader.layoutDirection() == Qt.LayoutDirection.RightToLeft  # the article itself
    menu = hidden_lines.context_menu(win, QPoint(20, 20))
    try:
        # An English menu with the shortcut before its label ("Ctrl+C  Copy") was laid out right to left.
        assert menu.layoutDirection() == expected
        texts = [a.text() for a in menu.actions() if a.text()]
        assert win.actions_by_id["toggle_hidden"].text() in texts
    finally:
        menu.deleteLater()
        win.close()


def test_window_title_keeps_the_folder_name_after_a_language_switch(qtbot, corpus: Path, tmp_path: Path,
                                                                    persian_again) -> None:
    """Ctrl+Shift+L remakes the window on the folder already open; its title still names the folder."""
    from hashiye.gui.app import Windows, make_app

    make_app([])
    windows = Windows(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    first = windows.open(corpus)
    qtbot.addWidget(first)
    first.show()
    assert first.windowTitle() == corpus.name
    first.choose_language("en")
    second = windows.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert second.windowTitle() == corpus.name  # was the bare "Hashiye": which folder is open?
    second.close()


def test_readme_keyboard_table_lists_every_shortcut_of_the_window() -> None:
    """README's "Keyboard" table is what a user reads first: each window shortcut (its first key) is in it."""
    from hashiye.gui.shortcuts import SHORTCUTS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Keyboard", 1)[1].split("\n## ", 1)[0]
    missing = []
    for sc in SHORTCUTS:
        key = sc.keys[0]
        if len(key) == 1:
            found = f"`{key.lower()}`" in table or (key.isdigit() and "`1` … `5`" in table)
        else:
            found = key in table
        if not found:
            missing.append(f"{key} ({sc.id})")
    assert missing == []
