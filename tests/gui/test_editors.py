"""The note and tag editors (issue 15, point 5): text in its own direction; Esc leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

from keys import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_keyboard_flow import press, sidecar_items


def start_x(edit, block: int) -> int:
    """Where a paragraph's first letter stands in the editor (x, in the viewport)."""
    cursor = edit.textCursor()
    cursor.setPosition(edit.document().findBlockByNumber(block).position())
    return edit.cursorRect(cursor).x()


def test_note_box_lays_out_each_paragraph_in_its_own_direction(qtbot, window) -> None:
    press(qtbot, window.list_view, Qt.Key.Key_Return)
    press(qtbot, window.reader, Qt.Key.Key_H)
    press(qtbot, window.reader, Qt.Key.Key_N)
    edit = window.note_editor.edit
    type_text(edit, "یادداشت فارسی")
    edit.append("English note")
    QApplication.processEvents()
    width = edit.viewport().width()
    assert start_x(edit, 0) > width * 0.8, "the Persian paragraph starts at the right"
    assert start_x(edit, 1) < width * 0.2, "the English paragraph starts at the left"
    window.note_editor.reject()


def test_n_or_t_then_esc_on_a_plain_sentence_leaves_no_highlight(qtbot, window, corpus: Path) -> None:
    press(qtbot, window.list_view, Qt.Key.Key_Return)
    article = window.current_id
    press(qtbot, window.reader, Qt.Key.Key_Down)
    for key, editor in ((Qt.Key.Key_N, "note_editor"), (Qt.Key.Key_T, "tag_editor")):
        press(qtbot, window.reader, key)
        dialog = getattr(window, editor)
        assert dialog is not None and dialog.isVisible(), "the editor opens on a sentence without a highlight"
        press(qtbot, dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        assert sidecar_items(corpus, article) == [], "nothing was saved"
        assert window.state.rows() == [], "no highlight shown"
        assert window.undo_stack.count() == 0, "no undo step could bring one back"
    # Saving does make the highlight, with its note, in one undoable step.
    press(qtbot, window.reader, Qt.Key.Key_N)
    type_text(window.note_editor.edit, "یادداشت")
    press(qtbot, window.note_editor.edit, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    items = sidecar_items(corpus, article)
    assert len(items) == 1 and any(b.get("value") == "یادداشت" for b in items[0]["body"])
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert sidecar_items(corpus, article) == []
