"""The reader shows what the clean view hid, by keyboard and by mouse, and marks lines for the folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hashiye.core.corpus import folder_rules
from PySide6.QtCore import Qt


@pytest.fixture(autouse=True)
def private_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("HASHIYE_DATA_DIR", str(data))
    return data


def open_seed(qtbot, window, article_id: str = "000_e6d5671372e51005") -> None:
    row = window.model.row_of(article_id)
    window.list_view.setCurrentIndex(window.proxy.mapFromSource(window.model.index(row, 0)))
    qtbot.waitUntil(lambda: window.current_id == article_id)


def test_ctrl_shift_h_shows_the_hidden_lines_faint_in_place_and_hides_them_again(qtbot, window) -> None:
    open_seed(qtbot, window)
    clean = window.reader.toPlainText()
    assert "کد خبر" not in clean
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    shown = window.reader.toPlainText()
    assert "کد خبر" in shown and len(shown) > len(clean)
    hidden = [p for p in window.reader.display.paragraphs if p.role == "hidden"]
    assert hidden
    block = window.reader.document().findBlock(hidden[0].start)
    fmt = block.begin().fragment().charFormat()
    assert fmt.foreground().color() == window.reader.palette().placeholderText().color()  # faint
    qtbot.keyClick(window.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.toPlainText() == clean


def test_the_menu_action_and_the_context_menu_offer_the_same_actions(qtbot, window) -> None:
    open_seed(qtbot, window)
    action = window.actions_by_id["toggle_hidden"]
    action.trigger()  # what a mouse click on View > Show hidden lines does
    assert "کد خبر" in window.reader.toPlainText()
    assert window.reader.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    action.trigger()


def test_marking_the_focused_line_not_furniture_shows_it_in_the_folder(qtbot, window, corpus: Path) -> None:
    open_seed(qtbot, window)
    window.actions_by_id["toggle_hidden"].trigger()
    display = window.reader.display
    i = display.text.index("کد خبر")
    at, _end = display.map.to_source(i, i + 1)
    # put the sentence focus on the hidden code line (a file position), then mark it "not furniture"
    window.reader.focus_on(at)
    window.actions_by_id["mark_not_furniture"].trigger()
    window.actions_by_id["toggle_hidden"].trigger()  # back to the clean view
    assert not window.show_hidden
    assert "کد خبر" in window.reader.toPlainText()
    marks = folder_rules.load_marks(corpus)
    assert any("کد خبر" in line for line in marks["keep"].values())
    assert sorted(p.name for p in corpus.iterdir() if not p.name.endswith(".txt")) == []  # nothing in the folder


def test_hidden_lines_stay_faint_after_a_theme_change(qtbot, window) -> None:
    open_seed(qtbot, window)
    window.actions_by_id["toggle_hidden"].trigger()
    window.actions_by_id["next_theme"].trigger()
    hidden = next(p for p in window.reader.display.paragraphs if p.role == "hidden")
    fmt = window.reader.document().findBlock(hidden.start).begin().fragment().charFormat()
    assert fmt.foreground().color() == window.reader.palette().placeholderText().color()
    assert fmt.fontItalic()
