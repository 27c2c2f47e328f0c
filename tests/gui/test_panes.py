"""Corpus search and the annotation browser open as panes beside the reader, never over its text; a hit
opened from the search stays marked until the next search; hits are grouped by article, match emphasised."""

from __future__ import annotations

from keys import type_text
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDockWidget

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _in_window(window, widget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _count(image: QImage, color: str) -> int:
    want = QColor(color).rgb()
    return sum(1 for y in range(image.height()) for x in range(0, image.width(), 2) if image.pixel(x, y) == want)


def _grab(widget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _search(qtbot, window, query: str):
    qtbot.keyClick(window.list_view, Qt.Key.Key_F, CTRL_SHIFT)
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.ready, timeout=10000)
    panel.query.clear()
    type_text(panel.query, query)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    return panel


def test_search_and_browser_are_docked_panes_that_never_cover_the_text(qtbot, window) -> None:
    window.resize(1300, 850)
    panel = _search(qtbot, window, "خانواده")
    dock = panel.parentWidget()
    assert isinstance(dock, QDockWidget) and not dock.isFloating() and panel.window() is window
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.features() & QDockWidget.DockWidgetFeature.DockWidgetFloatable  # the user may float it
    assert panel.query.hasFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_A, CTRL_SHIFT)
    browser = window.browser
    browser_dock = browser.parentWidget()
    assert isinstance(browser_dock, QDockWidget) and browser.window() is window
    assert browser.isVisible() and browser.text.hasFocus()
    reader = _in_window(window, window.reader)
    for pane in (dock, browser_dock):
        if pane.isVisible():
            assert not _in_window(window, pane).intersects(reader)
    assert reader.height() > 200  # the reader keeps a page to read


def test_a_hit_opened_from_the_search_stays_marked_until_the_next_search(qtbot, window) -> None:
    from hashiye.gui.themes import current

    panel = _search(qtbot, window, "محرومیتزدایی")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    hit = panel.results.currentIndex().data(Qt.ItemDataRole.UserRole + 3)
    assert window.current_id == hit.id and window.reader.hasFocus()
    [(start, end)] = window.reader._hits
    word = window.reader.display.text[start:end]
    assert _count(_grab(window.reader.viewport()), current().hit_current) > 20
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)  # annotating goes on
    qtbot.keyClick(window.reader, Qt.Key.Key_H, CTRL_SHIFT)  # the article is shown again (hidden lines)
    [(s, e)] = window.reader._hits  # still marked, on the same word (its place in the view may move)
    assert window.reader.display.text[s:e] == word
    qtbot.keyClick(window.reader, Qt.Key.Key_H, CTRL_SHIFT)
    assert window.reader._hits == [(start, end)]
    assert _count(_grab(window.reader.viewport()), current().hit_current) > 20
    qtbot.keyClick(window.list_view, Qt.Key.Key_F, CTRL_SHIFT)  # the next search
    type_text(panel.query, "ی")
    qtbot.waitUntil(lambda: window.reader._hits == [], timeout=3000)


def test_hits_are_grouped_by_article_with_the_match_emphasised(qtbot, window) -> None:
    from hashiye.gui.search_panel import hit_html
    from hashiye.gui.themes import current

    panel = _search(qtbot, window, "محرومیتزدایی")
    model = panel.model
    rows = [model.index(r).data() for r in range(model.rowCount())]
    titled = [r for r in range(model.rowCount()) if model.title_of(r)]
    assert len(titled) == len({h.id for h in model.hits}) == 3  # each article's title once
    assert len(rows) == 7 and all("\n" not in rows[r] for r in range(len(rows)) if r not in titled)
    for r, hit in enumerate(model.hits):
        page = hit_html(model.title_of(r), hit)
        assert "<b style" in page
        assert hit.snippet[hit.at:hit.at + len(" ".join(hit.exact.split()))] == " ".join(hit.exact.split())
    image = _grab(panel.results.viewport())
    assert _count(image, current().hit) > 50  # the match, painted emphasised


def test_a_snippet_shows_article_text_as_written() -> None:
    from hashiye.core.search.search import Hit
    from hashiye.gui.search_panel import hit_html

    hit = Hit("a", 0, 5, "<img>", "متن <img src=x onerror=alert(1)> و &lt; پایان", 4)
    page = hit_html("<b>عنوان</b>", hit)
    assert "<img" not in page and "&lt;img" in page and "&amp;lt;" in page and "&lt;b&gt;" in page


def test_esc_in_a_pane_gives_the_reader_the_keyboard_and_the_side_chosen_is_remembered(qtbot, window, corpus,
                                                                                       tmp_path) -> None:
    from hashiye.gui.app import create_window
    from PySide6.QtCore import QSettings

    panel = _search(qtbot, window, "خانواده")
    dock = panel.parentWidget()
    qtbot.keyClick(panel.query, Qt.Key.Key_Escape)
    assert not dock.isVisible() and window.reader.hasFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL_SHIFT)  # back where it was, with the query
    assert dock.isVisible() and panel.query.hasFocus()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)  # the user drags it beside the reader
    window.close()
    again = create_window(corpus, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitActive(again):
        again.activateWindow()
    qtbot.keyClick(again.list_view, Qt.Key.Key_F, CTRL_SHIFT)
    assert again.dockWidgetArea(again.search_panel.parentWidget()) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not _in_window(again, again.search_panel.parentWidget()).intersects(_in_window(again, again.reader))


def test_a_floated_pane_opens_floating_again(qtbot, window, corpus, tmp_path) -> None:
    from hashiye.gui.app import create_window
    from PySide6.QtCore import QSettings

    qtbot.keyClick(window.list_view, Qt.Key.Key_A, CTRL_SHIFT)
    dock = window.browser.parentWidget()
    dock.setFloating(True)  # the user floats the annotation browser
    window.close()
    again = create_window(corpus, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitActive(again):
        again.activateWindow()
    qtbot.keyClick(again.list_view, Qt.Key.Key_A, CTRL_SHIFT)
    assert again.browser.parentWidget().isFloating()
