"""Keyboard flows a user performs in the real window, checked in the sidecar JSON on disk."""

from __future__ import annotations

import json
from pathlib import Path

from hashiye.core.annotations.sidecar import sidecar_path
from keys import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def press(qtbot, widget, key, text: str = "", modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)
    QApplication.processEvents()


def sidecar_items(corpus: Path, article_id: str) -> list[dict]:
    path = sidecar_path(corpus / f"{article_id}.txt")
    if not path.exists():
        return []
    data = json.loads(path.read_text("utf-8"))
    return data["first"]["items"] if "first" in data else data.get("items", [])


def test_starts_newest_first_with_list_focused(window) -> None:
    proxy = window.proxy
    dates = [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).published for r in range(proxy.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert window.current_id == proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1).id
    assert window.list_view.hasFocus()
    assert window.reader.toPlainText().strip(), "the first article is shown"


def test_j_and_k_move_between_articles(qtbot, window) -> None:
    first = window.current_id
    press(qtbot, window.list_view, Qt.Key.Key_J)
    second = window.current_id
    assert second != first
    press(qtbot, window.reader, Qt.Key.Key_K)
    assert window.current_id == first


def test_highlight_and_note_with_keyboard_only(qtbot, window, corpus: Path) -> None:
    press(qtbot, window.list_view, Qt.Key.Key_J)
    article = window.current_id
    press(qtbot, window.list_view, Qt.Key.Key_Return)
    assert window.reader.hasFocus()
    press(qtbot, window.reader, Qt.Key.Key_Down)
    focus = window.reader.focus_span()
    press(qtbot, window.reader, Qt.Key.Key_H)
    items = sidecar_items(corpus, article)
    assert len(items) == 1
    exact = items[0]["target"]["selector"][0]["exact"]
    source = window.session.article(article).source_text
    start = items[0]["target"]["selector"][1]["start"]
    assert source[start:start + len(exact)] == exact
    shown = source[focus[0]:focus[1]]  # the reader speaks code points of the file
    assert exact.split()[-1][:3] in shown  # the focused sentence was highlighted

    press(qtbot, window.reader, Qt.Key.Key_N)
    editor = window.note_editor
    qtbot.waitUntil(editor.isVisible)
    type_text(editor.edit, "یادداشت آزمایشی")
    press(qtbot, editor.edit, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    items = sidecar_items(corpus, article)
    notes = [b for b in items[0].get("body", []) if b.get("purpose") == "commenting"]
    assert notes and notes[0]["value"] == "یادداشت آزمایشی"
    assert items[0]["motivation"] == "commenting"


def test_color_key_then_undo_leaves_nothing(qtbot, window, corpus: Path) -> None:
    article = window.current_id
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_2)
    assert len(sidecar_items(corpus, article)) == 1
    assert window.panel.model.rowCount() == 1
    press(qtbot, window.reader, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert sidecar_items(corpus, article) == []
    assert window.panel.model.rowCount() == 0


def test_delete_then_undo_restores(qtbot, window, corpus: Path) -> None:
    article = window.current_id
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_3)
    before = sidecar_items(corpus, article)
    press(qtbot, window.reader, Qt.Key.Key_Delete)
    assert sidecar_items(corpus, article) == []
    press(qtbot, window.reader, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    after = sidecar_items(corpus, article)
    assert [a["id"] for a in after] == [a["id"] for a in before]
    assert after[0]["target"]["selector"] == before[0]["target"]["selector"]


def test_persian_layout_key_highlights(qtbot, window, corpus: Path) -> None:
    """On the Persian layout the h key types «ا»; the shortcut must still fire."""
    article = window.current_id
    window.reader.setFocus()
    type_text(window.reader, "ا")
    assert len(sidecar_items(corpus, article)) == 1


def test_letter_shortcuts_do_not_fire_while_typing(qtbot, window, corpus: Path) -> None:
    article = window.current_id
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "hj")
    QApplication.processEvents()
    assert window.filter_edit.text() == "hj"
    assert sidecar_items(corpus, article) == []


def test_next_and_previous_highlight(qtbot, window) -> None:
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_1)
    press(qtbot, window.reader, Qt.Key.Key_Down)
    press(qtbot, window.reader, Qt.Key.Key_Down)
    press(qtbot, window.reader, Qt.Key.Key_4)
    ids = [a.annotation.id for a in window.session.state(window.current_id).anchored]
    assert len(ids) == 2
    press(qtbot, window.reader, Qt.Key.Key_BracketLeft)
    assert window.current_ann_id == ids[0]
    press(qtbot, window.reader, Qt.Key.Key_BracketRight)
    assert window.current_ann_id == ids[1]


def test_help_sheet_lists_every_shortcut(qtbot, window) -> None:
    from hashiye.gui.shortcuts import SHORTCUTS, conflicts

    press(qtbot, window.list_view, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "" and hasattr(w, "table"))
    labels = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {s.label for s in SHORTCUTS} <= labels
    assert conflicts() == []


def test_original_view_keeps_highlights(qtbot, window) -> None:
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_Down)
    press(qtbot, window.reader, Qt.Key.Key_2)
    [placed] = window.session.state(window.current_id).anchored
    source = window.session.article(window.current_id).source_text
    press(qtbot, window.reader, Qt.Key.Key_U, modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.original
    shown = window.reader.toPlainText()
    assert "کد خبر" in shown or "ارسال نظرات" in shown or "۱۴۰۳/۲/۱۷" in shown, "the file as stored"
    [mark] = window.reader._marks
    assert window.reader.display.text[mark.start:mark.end] == source[placed.start:placed.end]
    press(qtbot, window.reader, Qt.Key.Key_U, modifier=Qt.KeyboardModifier.ControlModifier)
    assert not window.original and len(window.reader._marks) == 1


def test_f6_cycles_focus_and_caret_mode_selects_precisely(qtbot, window, corpus: Path) -> None:
    assert window.list_view.hasFocus()
    press(qtbot, window.list_view, Qt.Key.Key_F6)
    assert window.reader.hasFocus()
    press(qtbot, window.reader, Qt.Key.Key_F6)
    assert window.panel.view.hasFocus()
    press(qtbot, window.panel.view, Qt.Key.Key_F6, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.hasFocus()
    press(qtbot, window.reader, Qt.Key.Key_F7)
    assert window.reader.caret_mode
    # The caret sits at the end of the focused sentence; in right-to-left text the Right
    # arrow moves back towards the sentence's start.
    for _ in range(5):
        press(qtbot, window.reader, Qt.Key.Key_Right, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert len(window.reader.textCursor().selectedText()) == 5
    start, end = window.reader.selection_span()  # code points of the file
    press(qtbot, window.reader, Qt.Key.Key_H)
    [item] = sidecar_items(corpus, window.current_id)
    source = window.session.article(window.current_id).source_text
    assert item["target"]["selector"][0]["exact"] == source[start:end]


def test_recolour_and_tags_with_completion(qtbot, window, corpus: Path) -> None:
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_1)
    press(qtbot, window.reader, Qt.Key.Key_T)
    type_text(window.tag_editor.edit, "محرومیت، فقر")
    press(qtbot, window.tag_editor.edit, Qt.Key.Key_Return)
    [item] = sidecar_items(corpus, window.current_id)
    assert [b["value"] for b in item["body"] if b["purpose"] == "tagging"] == ["محرومیت", "فقر"]
    press(qtbot, window.reader, Qt.Key.Key_4)
    [item] = sidecar_items(corpus, window.current_id)
    assert item["target"]["styleClass"] == "pink", "a colour key on a highlight recolours it"
    # A second highlight: its tag editor offers the tags used in the corpus.
    press(qtbot, window.reader, Qt.Key.Key_Down)
    press(qtbot, window.reader, Qt.Key.Key_Down)
    press(qtbot, window.reader, Qt.Key.Key_2)
    press(qtbot, window.reader, Qt.Key.Key_T)
    editor = window.tag_editor
    type_text(editor.edit, "مح")
    completions = [editor.completer.completionModel().index(r, 0).data()
                   for r in range(editor.completer.completionCount())]
    assert completions == ["محرومیت"]


def test_note_being_typed_survives_an_external_change(qtbot, window, corpus: Path) -> None:
    from hashiye.core.annotations.model import new_annotation
    from hashiye.core.annotations.store import AnnotationStore

    article_id = window.current_id
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_N)  # opens the editor; the highlight is saved with the note
    editor = window.note_editor
    type_text(editor.edit, "نیمه‌کاره")
    art = window.session.article(article_id)
    other = new_annotation(art.id, art.source_text, 5, 25, color="blue")
    AnnotationStore(corpus).save_change(art, upsert=[other])  # another program writes
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 1, timeout=5000)
    assert editor.isVisible() and editor.edit.toPlainText() == "نیمه‌کاره"
    press(qtbot, editor.edit, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    items = sidecar_items(corpus, article_id)
    assert len(items) == 2
    notes = [b["value"] for i in items for b in i.get("body", []) if b.get("purpose") == "commenting"]
    assert notes == ["نیمه‌کاره"]


def test_enter_in_the_annotation_panel_jumps_to_the_highlight(qtbot, window) -> None:
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_1)
    for _ in range(4):
        press(qtbot, window.reader, Qt.Key.Key_Down)
    press(qtbot, window.reader, Qt.Key.Key_3)
    first = window.session.state(window.current_id).anchored[0]
    window.panel.view.setFocus()
    window.panel.view.setCurrentIndex(window.panel.model.index(0))
    press(qtbot, window.panel.view, Qt.Key.Key_Return)
    assert window.current_ann_id == first.annotation.id
    a, b = window.reader.focus_span()  # code points of the file
    assert a <= first.start < b, "the sentence focus moved to the highlight"
