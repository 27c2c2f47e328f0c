"""The codebook pane in the real window (issue 16, items 1–2): codes with counts, rename / merge / delete as
one undo step over every article, counts that follow new highlights, a code that filters the list,
colour / description / parent edits. Checked on the sidecars and the codebook file on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hashiye.core.annotations.model import new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.codebook import Code, Codebook, codebook_path
from hashiye.core.annotations.store import AnnotationStore
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_keyboard_flow import press, sidecar_items

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
POVERTY, DEPRIVATION, WELFARE = "فقر", "تهیدستی", "رفاه"


def tags_on_disk(corpus: Path, article: str) -> list[list[str]]:
    return [[b["value"] for b in item.get("body", []) if b.get("purpose") == "tagging"]
            for item in sidecar_items(corpus, article)]


def codebook_on_disk(corpus: Path) -> dict[str, dict]:
    data = json.loads(codebook_path(corpus).read_text("utf-8"))
    return {c["name"]: c for c in data["codes"]}


@pytest.fixture
def coded(corpus: Path) -> list[str]:
    """Two articles with highlights tagged فقر (three of them), one also رفاه; a codebook naming فقر."""
    arts = [load_article(p) for p in sorted(corpus.glob("*.txt"))[:2]]
    store = AnnotationStore(corpus)
    for art, tagsets in zip(arts, ([[POVERTY], [POVERTY, WELFARE]], [[POVERTY]]), strict=True):
        anns = [new_annotation(art.id, art.source_text, 10 + 40 * i, 30 + 40 * i, "green", tags=t)
                for i, t in enumerate(tagsets)]
        store.save_change(art, upsert=anns)
    Codebook(corpus).save_change([Code(POVERTY, "#b2f2bb", "کمبود درآمد"), Code(WELFARE, "#a5d8ff")])
    return [a.id for a in arts]


def open_pane(qtbot, window):
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_B, modifier=CTRL_SHIFT)
    pane = window.codebook.pane
    assert pane is not None and pane.isVisible() and pane.tree.hasFocus()
    qtbot.waitUntil(lambda: pane.loaded, timeout=20000)
    return pane


def row(pane, name: str) -> list[str]:
    """What the pane shows of a code: name, count, key, description ([""] * 4 when it is not shown)."""
    items = pane.tree.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
    assert len(items) <= 1
    return [items[0].text(c) for c in range(4)] if items else [""] * 4


def test_pane_lists_codes_as_a_tree_with_counts_right_to_left(qtbot, coded, window) -> None:
    pane = open_pane(qtbot, window)
    assert row(pane, POVERTY) == [POVERTY, "۳", "", "کمبود درآمد"]
    assert row(pane, WELFARE)[:2] == [WELFARE, "۱"]
    assert pane.layoutDirection() == Qt.LayoutDirection.RightToLeft
    press(qtbot, pane.tree, Qt.Key.Key_B, modifier=CTRL_SHIFT)  # the same key closes it
    assert not pane.isVisible() and window.reader.hasFocus()


def rename_with_f2(qtbot, pane, old: str, new: str) -> None:
    assert pane.select(old)
    press(qtbot, pane.tree, Qt.Key.Key_F2)
    dialog = pane.dialog
    assert dialog.isVisible() and dialog.textValue() == old
    dialog.setTextValue(new)
    dialog.accept()


def test_rename_changes_every_article_and_one_undo_puts_all_back(qtbot, coded, window, corpus: Path) -> None:
    pane = open_pane(qtbot, window)
    before = {a: tags_on_disk(corpus, a) for a in coded}
    rename_with_f2(qtbot, pane, POVERTY, DEPRIVATION)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=20000)
    assert tags_on_disk(corpus, coded[0]) == [[DEPRIVATION], [DEPRIVATION, WELFARE]]
    assert tags_on_disk(corpus, coded[1]) == [[DEPRIVATION]]
    book = codebook_on_disk(corpus)
    assert POVERTY not in book and book[DEPRIVATION]["description"] == "کمبود درآمد"
    qtbot.waitUntil(lambda: row(pane, DEPRIVATION)[1] == "۳", timeout=5000)
    assert not pane.tree.findItems(POVERTY, Qt.MatchFlag.MatchRecursive, 0)

    window.activateWindow()  # the rename dialog closed (a window manager gives the window the keyboard back)
    window.reader.setFocus()
    qtbot.wait(50)
    press(qtbot, window.reader, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)  # ONE undo
    assert {a: tags_on_disk(corpus, a) for a in coded} == before
    book = codebook_on_disk(corpus)
    assert DEPRIVATION not in book and book[POVERTY]["description"] == "کمبود درآمد"
    qtbot.waitUntil(lambda: row(pane, POVERTY)[1] == "۳", timeout=5000)
    assert "واگرد" in window.statusBar().currentMessage()


def test_merge_into_another_code_keeps_one_tag_per_highlight_and_undoes(qtbot, coded, window, corpus: Path) -> None:
    pane = open_pane(qtbot, window)
    assert pane.select(WELFARE)
    pane.buttons["merge"].click()
    dialog = pane.dialog
    assert POVERTY in dialog.comboBoxItems()
    dialog.setTextValue(POVERTY)
    dialog.accept()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=20000)
    assert tags_on_disk(corpus, coded[0]) == [[POVERTY], [POVERTY]]  # the one carrying both keeps one
    assert WELFARE not in codebook_on_disk(corpus)
    qtbot.waitUntil(lambda: not pane.tree.findItems(WELFARE, Qt.MatchFlag.MatchRecursive, 0), timeout=5000)
    window.annotator.undo()
    assert tags_on_disk(corpus, coded[0]) == [[POVERTY], [POVERTY, WELFARE]]
    assert WELFARE in codebook_on_disk(corpus)


def answer(pane, button: QMessageBox.StandardButton) -> str:
    box = pane.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    text = box.text()
    box.button(button).click()
    QApplication.processEvents()
    return text


def test_delete_asks_naming_the_count_and_is_undoable(qtbot, coded, window, corpus: Path) -> None:
    pane = open_pane(qtbot, window)
    assert pane.select(POVERTY)
    press(qtbot, pane.tree, Qt.Key.Key_Delete)
    question = answer(pane, QMessageBox.StandardButton.Cancel)
    assert POVERTY in question and "۳" in question and "۲" in question  # 3 highlights in 2 articles
    assert tags_on_disk(corpus, coded[1]) == [[POVERTY]] and window.undo_stack.count() == 0

    press(qtbot, pane.tree, Qt.Key.Key_Delete)
    answer(pane, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=20000)
    assert tags_on_disk(corpus, coded[0]) == [[], [WELFARE]]  # the highlights stay, without the code
    assert tags_on_disk(corpus, coded[1]) == [[]]
    assert POVERTY not in codebook_on_disk(corpus)
    window.annotator.undo()
    assert tags_on_disk(corpus, coded[0]) == [[POVERTY], [POVERTY, WELFARE]]
    assert tags_on_disk(corpus, coded[1]) == [[POVERTY]]
    assert codebook_on_disk(corpus)[POVERTY]["color"] == "#b2f2bb"


def test_counts_follow_a_new_highlight(qtbot, coded, window, corpus: Path) -> None:
    pane = open_pane(qtbot, window)
    window.pane.select(coded[1])
    window.reader.setFocus()
    for _ in range(6):
        press(qtbot, window.reader, Qt.Key.Key_Down)  # a sentence past the seeded highlight
    press(qtbot, window.reader, Qt.Key.Key_T)
    from keys import type_text

    type_text(window.tag_editor.edit, WELFARE)
    press(qtbot, window.tag_editor.edit, Qt.Key.Key_Return)
    assert [WELFARE] in tags_on_disk(corpus, coded[1])
    qtbot.waitUntil(lambda: row(pane, WELFARE)[1] == "۲", timeout=5000)
    assert row(pane, WELFARE)[2] == "Alt+1", "the code just used is the first recent one"


def test_enter_on_a_code_filters_the_article_list(qtbot, coded, window) -> None:
    pane = open_pane(qtbot, window)
    qtbot.waitUntil(lambda: window.filters.tag.findData(WELFARE) >= 0, timeout=20000)
    assert window.proxy.rowCount() > 1
    assert pane.select(WELFARE)
    press(qtbot, pane.tree, Qt.Key.Key_Return)
    assert window.filters.isVisible() and window.filters.tag.currentData() == WELFARE
    shown = [window.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).id for r in range(window.proxy.rowCount())]
    assert shown == [coded[0]]
    assert window.list_view.hasFocus()


def test_edit_colour_description_and_parent_then_undo(qtbot, coded, window, corpus: Path) -> None:
    pane = open_pane(qtbot, window)
    assert pane.select(WELFARE)
    pane.buttons["edit"].click()
    dialog = pane.dialog
    assert dialog.name.isReadOnly()
    dialog.description.setText("حمایت دولتی")
    dialog.parent_code.setCurrentIndex(dialog.parent_code.findData(POVERTY))
    dialog.color.setCurrentIndex(dialog.color.findData("#fcc2d7"))
    dialog.accept()
    book = codebook_on_disk(corpus)[WELFARE]
    assert (book["description"], book["parent"], book["color"]) == ("حمایت دولتی", POVERTY, "#fcc2d7")
    qtbot.waitUntil(lambda: not pane.tree.findItems(WELFARE, Qt.MatchFlag.MatchExactly, 0), timeout=5000)
    [item] = pane.tree.findItems(WELFARE, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
    assert item.parent() is not None and item.parent().text(0) == POVERTY  # shown under its parent
    assert item.icon(0).pixmap(8, 8).toImage().pixelColor(4, 4).name() == "#fcc2d7"
    window.annotator.undo()
    assert "parent" not in codebook_on_disk(corpus)[WELFARE]
    qtbot.waitUntil(lambda: pane.tree.findItems(WELFARE, Qt.MatchFlag.MatchExactly, 0) != [], timeout=5000)


def test_a_damaged_codebook_is_reported_and_nothing_changes(qtbot, coded, window, corpus: Path) -> None:
    path = codebook_path(corpus)
    path.write_bytes(b'{"codes": [{"name": "\xd9')  # cut off mid-letter (a sync tool, a full disk)
    pane = open_pane(qtbot, window)
    assert path.name in pane.status.text()
    assert row(pane, POVERTY)[1] == "۳", "the tags in use are still listed and counted"
    rename_with_f2(qtbot, pane, POVERTY, DEPRIVATION)
    QApplication.processEvents()
    assert path.name in window.last_error
    assert path.read_bytes() == b'{"codes": [{"name": "\xd9', "never overwritten"
    assert tags_on_disk(corpus, coded[1]) == [[POVERTY]] and window.undo_stack.count() == 0


def test_a_rename_that_cannot_be_saved_whole_is_put_back(qtbot, coded, window, corpus: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.core.annotations.store import StoreError

    pane = open_pane(qtbot, window)
    book = codebook_path(corpus).read_bytes()
    real = AnnotationStore.save_change

    def full_disk(self, article, upsert=(), delete=()):
        if article.id == coded[1] and any(DEPRIVATION in a.tags for a in upsert):
            raise StoreError(f"Cannot save annotations to {article.id}.annotations.json: the disk is full")
        return real(self, article, upsert, delete)

    monkeypatch.setattr(AnnotationStore, "save_change", full_disk)
    rename_with_f2(qtbot, pane, POVERTY, DEPRIVATION)
    qtbot.waitUntil(lambda: "disk" in window.last_error or "دیسک" in window.last_error, timeout=20000)
    assert tags_on_disk(corpus, coded[0]) == [[POVERTY], [POVERTY, WELFARE]], "the article saved first is put back"
    assert tags_on_disk(corpus, coded[1]) == [[POVERTY]]
    assert set(codebook_on_disk(corpus)) == {POVERTY, WELFARE}, "the codebook is put back too"
    unstamped = [{k: v for k, v in c.items() if k != "modified"} for c in json.loads(book)["codes"]]
    assert [{k: v for k, v in c.items() if k != "modified"} for c in codebook_on_disk(corpus).values()] == unstamped
    assert window.undo_stack.count() == 0


def test_new_code_from_the_pane_and_the_key_on_the_persian_layout(qtbot, coded, window, corpus: Path) -> None:
    from PySide6.QtTest import QTest

    window.reader.setFocus()
    QTest.sendKeyEvent(QTest.KeyAction.Click, window.reader, Qt.Key(ord("ذ")), "ذ", CTRL_SHIFT)  # Ctrl+Shift+B
    QApplication.processEvents()
    pane = window.codebook.pane
    assert pane is not None and pane.isVisible()
    qtbot.waitUntil(lambda: pane.loaded, timeout=20000)
    pane.buttons["new"].click()
    dialog = pane.dialog
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled(), "a code needs a name"
    dialog.name.setText("  مسکن  ")
    dialog.color.setCurrentIndex(dialog.color.findData("#d0bfff"))
    dialog.parent_code.setCurrentIndex(dialog.parent_code.findData(WELFARE))
    ok.click()
    assert codebook_on_disk(corpus)["مسکن"]["parent"] == WELFARE
    qtbot.waitUntil(lambda: row(pane, "مسکن")[:2] == ["مسکن", "۰"], timeout=5000)
    window.annotator.undo()
    assert "مسکن" not in codebook_on_disk(corpus)
