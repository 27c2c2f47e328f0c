"""Never lose typed text or undo history in the window (issue 12: items 1, 2 and 15)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from keys import type_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from test_keyboard_flow import press, sidecar_items


def refresh(qtbot, window) -> None:
    """What the file watcher does a moment after a change on disk (the list is read on the runner)."""
    window.watch.check_disk()
    qtbot.waitUntil(lambda: not window.context.listing_pending(), timeout=20000)
    QApplication.processEvents()


def test_undo_survives_a_folder_refresh_with_skipped_files(qtbot, window, corpus: Path) -> None:
    (corpus / "README.txt").write_text("Articles collected for the project.\n", "utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    window.open_corpus(corpus)  # the same folder: listed again, with the two skipped files
    qtbot.waitUntil(lambda: not window.context.listing_pending(), timeout=20000)
    assert window.problems_button.isVisible()
    article = window.current_id
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_Down)
    press(qtbot, window.reader, Qt.Key.Key_N)
    type_text(window.note_editor.edit, "یادداشت مهم")
    press(qtbot, window.note_editor.edit, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    refresh(qtbot, window)  # every save changes the folder: the skipped files must not look like news
    press(qtbot, window.reader, Qt.Key.Key_Delete)
    assert sidecar_items(corpus, article) == []
    refresh(qtbot, window)
    (corpus / "new-article.txt").write_text("عنوان تازه\n\nمتنی تازه که کسی در پوشه گذاشت.\n", "utf-8")
    refresh(qtbot, window)  # a file really added: the list is read again
    assert window.model.row_of("new-article") >= 0
    assert window.current_id == article
    press(qtbot, window.reader, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    [item] = sidecar_items(corpus, article)
    assert [b["value"] for b in item["body"] if b["purpose"] == "commenting"] == ["یادداشت مهم"]


def test_open_article_deleted_says_so_and_keys_do_not_act_elsewhere(qtbot, window, corpus: Path) -> None:
    article = window.current_id
    others = {p.stem: p.read_bytes() for p in corpus.glob("*.txt") if p.stem != article}
    window.list_view.setFocus()  # the list has the keyboard: it must not pick another article by itself
    (corpus / f"{article}.txt").rename(corpus.parent / "moved-away.txt")
    refresh(qtbot, window)
    assert window.current_id == article, "the reader stays on the article"
    assert window.list_view.currentIndex().data(Qt.ItemDataRole.UserRole + 1).id == article
    press(qtbot, window.list_view, Qt.Key.Key_Return)
    assert window.current_id == article and window.reader.hasFocus()
    assert window.header.warning.isVisible() and "حذف یا جابه‌جا" in window.header.warning.text()
    assert window.reader.toPlainText().strip(), "its text is still there to read"
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_H)
    press(qtbot, window.reader, Qt.Key.Key_N)
    assert window.note_editor is None
    assert "ممکن نیست" in window.statusBar().currentMessage()
    for stem in others:
        assert sidecar_items(corpus, stem) == [], "no other article was annotated"
    (corpus.parent / "moved-away.txt").rename(corpus / f"{article}.txt")  # a sync tool puts it back
    refresh(qtbot, window)
    assert not window.header.warning.isVisible()
    press(qtbot, window.reader, Qt.Key.Key_H)
    assert len(sidecar_items(corpus, article)) == 1


def test_note_typed_while_its_article_is_renamed_is_kept(qtbot, window, corpus: Path) -> None:
    article = window.current_id
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_N)
    editor = window.note_editor
    type_text(editor.edit, "متنی که نباید گم شود")
    (corpus / f"{article}.txt").rename(corpus / "renamed.txt")
    refresh(qtbot, window)
    assert window.current_id == article and editor.isVisible()
    press(qtbot, editor.edit, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    assert editor.isVisible(), "the editor stays open"
    assert editor.edit.toPlainText() == "متنی که نباید گم شود"
    assert editor.problem.isVisible() and "ذخیره نشد" in editor.problem.text()


def test_note_that_cannot_be_saved_on_a_full_disk_stays_in_the_editor(qtbot, window, corpus: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    article = window.current_id
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_H)
    press(qtbot, window.reader, Qt.Key.Key_N)
    editor = window.note_editor
    type_text(editor.edit, "یادداشتی بلند")

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    press(qtbot, editor.edit, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    assert editor.isVisible() and editor.edit.toPlainText() == "یادداشتی بلند"
    assert "دیسک پر است" in editor.problem.text()  # the reason, in the interface language
    monkeypatch.undo()  # room again
    press(qtbot, editor.edit, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible(), editor.problem.text()
    [item] = sidecar_items(corpus, article)
    assert [b["value"] for b in item["body"] if b["purpose"] == "commenting"] == ["یادداشتی بلند"]


def test_unsaved_note_is_offered_again_after_a_crash(qtbot, window, corpus: Path, tmp_path: Path,
                                                     private_data: Path) -> None:
    from hashiye.gui.app import create_window

    article = window.current_id
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_N)
    type_text(window.note_editor.edit, "پیش‌نویس پیش از خرابی")
    qtbot.waitUntil(lambda: any(private_data.glob("drafts/*.json")), timeout=3000)
    ann_id = window.current_ann_id
    # A crash: the window goes without closing the editor (nothing saved, nothing cleaned up).
    window.note_editor.finished.disconnect()
    window.hide()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = create_window(corpus, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.note_editor is not None and again.note_editor.isVisible(), timeout=3000)
    assert again.current_id == article and again.current_ann_id == ann_id
    editor = again.note_editor
    assert editor.edit.toPlainText() == "پیش‌نویس پیش از خرابی" and editor.hint.isVisible()
    press(qtbot, editor.edit, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    [item] = sidecar_items(corpus, article)
    assert [b["value"] for b in item["body"] if b["purpose"] == "commenting"] == ["پیش‌نویس پیش از خرابی"]
    assert not any(private_data.glob("drafts/*.json")), "a saved note leaves no draft"


def test_note_open_when_the_window_is_closed_is_offered_at_the_next_start(qtbot, window, corpus: Path,
                                                                          tmp_path: Path, private_data: Path) -> None:
    from hashiye.gui.app import create_window

    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_N)
    type_text(window.note_editor.edit, "نیمه‌کاره در پایان روز")
    qtbot.waitUntil(lambda: any(private_data.glob("drafts/*.json")), timeout=3000)
    window.close()
    assert any(private_data.glob("drafts/*.json")), "closing the window keeps the unsaved note"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = create_window(corpus, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.note_editor is not None and again.note_editor.isVisible(), timeout=3000)
    assert again.note_editor.edit.toPlainText() == "نیمه‌کاره در پایان روز"
    press(qtbot, again.note_editor, Qt.Key.Key_Escape)  # the user lets it go this time
    assert not any(private_data.glob("drafts/*.json"))
