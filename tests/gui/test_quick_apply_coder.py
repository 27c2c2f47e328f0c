"""Quick apply (Alt+1 … Alt+9, on either layout) of the recent codes, and the coder's name set in the
window written as each new highlight's W3C creator and shown in the panel, the browser and the list
filters (issue 16, items 1–2). Checked on the sidecars on disk and in what the window shows."""

from __future__ import annotations

from pathlib import Path

from hashiye.core.annotations.sidecar import sidecar_path
from keys import type_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_codebook_pane import POVERTY, coded, open_pane, row, tags_on_disk  # noqa: F401 (fixture)
from test_keyboard_flow import press, sidecar_items

ALT = Qt.KeyboardModifier.AltModifier
SARA = "سارا"


def fresh_article(corpus: Path, window) -> str:
    """An article without highlights, open in the reader with the keyboard there."""
    article = next(p.stem for p in sorted(corpus.glob("*.txt")) if not sidecar_path(p).exists())
    window.pane.select(article)
    window.activateWindow()
    window.reader.setFocus()
    QTest.qWait(50)  # offscreen Qt gives the window the keyboard back at the next turn of the event loop
    assert window.current_id == article
    return article


def test_quick_apply_key_puts_the_recent_code_on_the_current_highlight(qtbot, coded, window, corpus) -> None:
    pane = open_pane(qtbot, window)
    article = fresh_article(corpus, window)
    press(qtbot, window.reader, Qt.Key.Key_Down)
    assert pane.select(POVERTY)
    press(qtbot, pane.tree, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)  # apply from the pane
    assert tags_on_disk(corpus, article) == [[POVERTY]]
    qtbot.waitUntil(lambda: row(pane, POVERTY)[2] == "Alt+1", timeout=5000)  # the key shown beside the code
    menu = window.codebook.recent_menu.actions()[0]
    assert POVERTY in menu.text() and menu.shortcut().toString() == "Alt+1"

    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_Down)
    press(qtbot, window.reader, Qt.Key.Key_1, modifier=ALT)  # a new highlight of the focused sentence, coded
    items = sidecar_items(corpus, article)
    assert tags_on_disk(corpus, article) == [[POVERTY], [POVERTY]]
    assert items[1]["target"]["styleClass"] == "green", "in the code's colour"

    press(qtbot, window.reader, Qt.Key.Key_Down)
    press(qtbot, window.reader, Qt.Key.Key_H)  # a plain highlight; Alt+1 puts the code on it
    assert tags_on_disk(corpus, article)[2] == []
    steps = window.undo_stack.count()
    press(qtbot, window.reader, Qt.Key.Key_1, modifier=ALT)
    assert tags_on_disk(corpus, article) == [[POVERTY], [POVERTY], [POVERTY]]
    assert window.undo_stack.count() == steps + 1, "one undo step per apply"
    qtbot.waitUntil(lambda: row(pane, POVERTY)[1] == "۶", timeout=5000)  # 3 seeded + 3 here
    press(qtbot, window.reader, Qt.Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert tags_on_disk(corpus, article) == [[POVERTY], [POVERTY], []], "undo takes the code off, the highlight stays"


def test_quick_apply_on_the_persian_layout_and_an_empty_key(qtbot, coded, window, corpus) -> None:
    article = fresh_article(corpus, window)
    window.codebook.recent.used([POVERTY])
    press(qtbot, window.reader, Qt.Key.Key_9, modifier=ALT)  # no ninth recent code: it says so, saves nothing
    assert sidecar_items(corpus, article) == []
    assert "Alt+" in window.statusBar().currentMessage()
    # Only the Persian layout active: the digit key gives «۱»
    QTest.sendKeyEvent(QTest.KeyAction.Click, window.reader, Qt.Key(ord("۱")), "۱", ALT)
    QApplication.processEvents()
    assert tags_on_disk(corpus, article) == [[POVERTY]]


def set_coder(qtbot, window, name: str) -> None:
    window.codebook.coder_action.trigger()
    dialog = window.codebook.coder_dialog
    assert dialog.isVisible() and dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.edit.clear()
    type_text(dialog.edit, name)
    press(qtbot, dialog.edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    window.activateWindow()
    window.reader.setFocus()


def test_coder_name_is_the_creator_of_new_highlights_and_shows_everywhere(qtbot, coded, window, corpus,
                                                                         tmp_path) -> None:
    assert window.codebook.coder_action.text() == "نام کدگذار…"
    set_coder(qtbot, window, SARA)
    assert QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).value("coder/name") == SARA
    article = fresh_article(corpus, window)
    press(qtbot, window.reader, Qt.Key.Key_H)
    [item] = sidecar_items(corpus, article)
    assert item["creator"] == {"type": "Person", "name": SARA}
    # the annotation panel says who made it
    tip = window.panel.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "کدگذار" in tip and SARA in tip
    assert window.panel.view.sizeHintForRow(0) > 0
    # the browser: a coder column and a coder filter
    window.actions_by_id["browse_annotations"].trigger()
    browser = window.browser
    qtbot.waitUntil(lambda: browser.loaded, timeout=20000)
    coders = [browser.model.index(r, 6).data() for r in range(browser.model.rowCount())]
    assert coders.count(SARA) == 1 and coders.count("") == 3  # the seeded highlights have no coder
    browser.coder.setCurrentIndex(browser.coder.findData(SARA))
    assert browser.model.rowCount() == 1
    # the list filter by coder
    filters = window.filters
    qtbot.waitUntil(lambda: filters.coder.findData(SARA) >= 0, timeout=20000)
    filters.coder.setCurrentIndex(filters.coder.findData(SARA))
    shown = [window.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).id for r in range(window.proxy.rowCount())]
    assert shown == [article]


def test_no_coder_name_leaves_new_highlights_without_a_creator(qtbot, window, corpus) -> None:
    set_coder(qtbot, window, SARA)
    set_coder(qtbot, window, "")  # forgotten
    article = fresh_article(corpus, window)
    press(qtbot, window.reader, Qt.Key.Key_H)
    [item] = sidecar_items(corpus, article)
    assert "creator" not in item
