"""Corpus search and in-article find, with the keyboard."""

from __future__ import annotations

from keys import type_text
from PySide6.QtCore import Qt


def test_corpus_search_opens_the_article_at_the_hit(qtbot, window) -> None:
    qtbot.keyClick(window.list_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.search_panel
    assert panel is not None and panel.isVisible()
    qtbot.waitUntil(lambda: panel.ready, timeout=10000)
    type_text(panel.query, "محرومیتزدایی")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=3000)
    ids = {h.id for h in panel.model.hits}
    assert {"000_e6d5671372e51005", "002_4a4f9998171fccb3", "003_edc48c3769eb6a48"} <= ids
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.results.hasFocus()
    target = panel.results.currentIndex().data(Qt.ItemDataRole.UserRole + 3)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.current_id == target.id
    [(start, end)] = window.reader._hits
    shown = window.reader.display.text[start:end]
    assert shown.replace("\u200c", "").replace(" ", "") == "محرومیتزدایی"


def test_find_in_article_moves_between_hits(qtbot, window) -> None:
    qtbot.keyClick(window.list_view, Qt.Key.Key_Slash)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    type_text(window.find_bar.edit, "بهزیستی")
    hits = window.find_bar.hits
    assert len(hits) >= 3
    assert window.reader._hits == hits and window.reader._hit_current == 0
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.current == 1
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.reader._hits == []


def test_annotation_browser_filters_and_opens(qtbot, window) -> None:
    from hashiye.core.annotations.model import new_annotation

    for article_id, quote, color, tags in (("003_edc48c3769eb6a48", "سازمان همیاری", "green", ["نهادها"]),
                                            ("002_4a4f9998171fccb3", "کمیته امداد", "pink", ["نهادها", "امداد"]),
                                            ("000_e6d5671372e51005", "بسیج سازندگی", "pink", [])):
        art = window.session.article(article_id)
        start = art.source_text.index(quote)
        window.session.apply(article_id, upsert=[new_annotation(article_id, art.source_text, start,
                                                               start + len(quote), color, tags=tags)])
    qtbot.keyClick(window.list_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    browser = window.browser
    qtbot.waitUntil(lambda: browser.model.rowCount() == 3, timeout=10000)
    browser.tag.setCurrentIndex(browser.tag.findData("نهادها"))
    assert browser.proxy.rowCount() == 2
    browser.color.setCurrentIndex(browser.color.findData("pink"))
    assert browser.proxy.rowCount() == 1
    browser.tag.setCurrentIndex(0)
    type_text(browser.text, "بسيج")  # Arabic ي finds the Persian spelling
    assert browser.proxy.rowCount() == 1
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    assert window.current_id == "000_e6d5671372e51005"
    current = window.annotation_under_focus()
    assert current is not None and current.annotation.exact == "بسیج سازندگی"


def test_open_annotation_browser_follows_edits_at_once(qtbot, window) -> None:
    qtbot.keyClick(window.list_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    browser = window.browser
    qtbot.waitUntil(lambda: browser.loaded, timeout=10000)
    assert browser.model.rowCount() == 0
    window.actions_by_id["color_3"].trigger()  # key 3 in the reader: a highlight…
    assert browser.model.rowCount() == 1, "…is in the open browser at once"
    assert browser.model.rows[0][1].annotation.color == window.session.state(window.current_id).anchored[0].annotation.color
    window.actions_by_id["undo"].trigger()
    assert browser.model.rowCount() == 0, "and an undo takes it away again"
