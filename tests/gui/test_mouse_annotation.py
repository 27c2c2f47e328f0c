"""Annotating with the mouse: the selection bar, word snapping, the colour at once, right-click menus."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMenu


def _words(window) -> list[tuple[int, int]]:
    """Display spans of the words (of three letters or more) of the focused sentence on its first line."""
    reader = window.reader
    s, e = reader._focus_display()
    spans = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^\s.,،؛:«»()]+", reader.display.text[s:e])]
    top = _rect(window, spans[0][0]).top()
    return [sp for sp in spans if _rect(window, sp[1]).top() == top and _rect(window, sp[0]).top() == top
            and sp[1] - sp[0] >= 3]


def _rect(window, shown: int):
    from PySide6.QtGui import QTextCursor

    c = QTextCursor(window.reader.document())
    c.setPosition(window.reader._index.to_qt(shown))
    return window.reader.cursorRect(c)


def _middle(window, span: tuple[int, int]) -> QPoint:
    """A point inside a word (between the caret places of its two ends)."""
    a, b = _rect(window, span[0]), _rect(window, span[1])
    return QPoint((a.center().x() + b.center().x()) // 2, a.center().y())


def _drag(qtbot, window, start: QPoint, end: QPoint) -> None:
    page = window.reader.viewport()
    qtbot.mousePress(page, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 6):
        qtbot.mouseMove(page, start + (end - start) * k / 5)
    qtbot.mouseRelease(page, Qt.MouseButton.LeftButton, pos=end)


def _grab(window) -> QImage:
    return window.reader.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _count(image: QImage, color: str) -> int:
    want = QColor(color).rgb()
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2) if image.pixel(x, y) == want)


def _open(qtbot, window) -> list[tuple[int, int]]:
    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    words = _words(window)
    assert len(words) >= 4
    return words


def test_a_mouse_selection_snaps_to_words_and_the_bar_highlights_it_in_a_colour_shown_at_once(qtbot, window) -> None:
    from hashiye.gui.themes import current

    words = _open(qtbot, window)
    text = window.reader.display.text
    _drag(qtbot, window, _middle(window, words[1]), _middle(window, words[3]))
    span = window.reader.selection_span()
    # Half a word at each end was dragged over: the selection is the three whole words.
    shown = window.reader.textCursor().selectedText()
    assert shown == text[words[1][0]:words[3][1]]
    bar = window.mouse.bar
    assert bar.isVisible()
    assert window.reader.viewport().rect().contains(bar.geometry())
    assert not bar.geometry().contains(_middle(window, words[2]))  # beside the selection, not over it
    assert _count(_grab(window), current().selection) > 100  # the selection as dragged
    qtbot.mouseClick(bar.buttons["green"], Qt.MouseButton.LeftButton)
    [row] = window.state.rows()
    assert (row.start, row.end) == span and row.annotation.color == "green"
    assert row.annotation.exact == text[words[1][0]:words[3][1]]
    assert not window.reader.textCursor().hasSelection() and not bar.isVisible()
    assert _count(_grab(window), current().selection) == 0  # nothing covers the new colour
    fill = window.reader._painter.spans[0][2].background().color().name()
    from hashiye.gui.highlights import chosen_fill

    assert _count(_grab(window), fill) > 100 and fill in (current().highlights["green"],
                                                          chosen_fill(QColor(current().highlights["green"])).name())
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo step
    assert window.state.rows() == []


def test_caret_mode_selection_stays_exact(qtbot, window) -> None:
    words = _open(qtbot, window)
    qtbot.keyClick(window.reader, Qt.Key.Key_F7)
    _drag(qtbot, window, _middle(window, words[1]), _middle(window, words[3]))
    shown = window.reader.textCursor().selectedText()
    text = window.reader.display.text
    assert shown and shown != text[words[1][0]:words[3][1]] and shown in text[words[1][0]:words[3][1]]


def test_the_bar_note_button_highlights_and_opens_the_note_editor(qtbot, window) -> None:
    words = _open(qtbot, window)
    _drag(qtbot, window, _middle(window, words[0]), _middle(window, words[1]))
    qtbot.mouseClick(window.mouse.bar.buttons["note"], Qt.MouseButton.LeftButton)
    editor = window.note_editor
    assert editor is not None and editor.isVisible()
    [row] = window.state.rows()
    assert row.annotation.exact == window.reader.display.text[words[0][0]:words[1][1]]
    editor.edit.setPlainText("from the bar")
    from PySide6.QtWidgets import QDialogButtonBox

    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert window.state.rows()[0].annotation.note == "from the bar"


def _right_click(qtbot, widget, point: QPoint) -> None:
    """A right click as the window system reports it: the button, then the context-menu event."""
    from PySide6.QtGui import QContextMenuEvent

    qtbot.mousePress(widget, Qt.MouseButton.RightButton, pos=point)
    qtbot.mouseRelease(widget, Qt.MouseButton.RightButton, pos=point)
    QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point)))


def _choose_in_menu(qtbot, text: str) -> list[str]:
    """When the next popup menu opens: trigger its entry `text`; returns the entries it showed."""
    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(a.text() for a in menu.actions())
        action = next(a for a in menu.actions() if a.text() == text)
        menu.close()
        action.trigger()

    QTimer.singleShot(150, pick)
    return seen


def test_right_click_on_a_highlight_recolours_copies_and_deletes_it(qtbot, window) -> None:
    from hashiye.gui.colors import color_label
    from hashiye.gui.i18n import tr

    words = _open(qtbot, window)
    _drag(qtbot, window, _middle(window, words[1]), _middle(window, words[2]))
    qtbot.mouseClick(window.mouse.bar.buttons["yellow"], Qt.MouseButton.LeftButton)
    page = window.reader.viewport()
    seen = _choose_in_menu(qtbot, color_label("purple"))
    _right_click(qtbot, page, _middle(window, words[1]))
    qtbot.waitUntil(lambda: window.state.rows()[0].annotation.color == "purple", timeout=3000)
    assert tr("حذف برجسته‌سازی") in seen and tr("رونوشت نقل‌قول") in seen
    assert tr("نمایش / پنهان کردن سطرهای پنهان‌شده") in seen  # the one menu: hidden lines' entries stay
    _choose_in_menu(qtbot, tr("رونوشت نقل‌قول"))
    _right_click(qtbot, page, _middle(window, words[2]))
    qtbot.waitUntil(lambda: QApplication.clipboard().text() == window.state.rows()[0].annotation.exact, timeout=3000)
    _choose_in_menu(qtbot, tr("حذف برجسته‌سازی"))
    _right_click(qtbot, page, _middle(window, words[2]))
    qtbot.waitUntil(lambda: window.state.rows() == [], timeout=3000)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.state.rows()[0].annotation.color == "purple"  # undo brings it back as it was


def test_right_click_off_a_highlight_has_no_highlight_entries(qtbot, window) -> None:
    from hashiye.gui.i18n import tr

    words = _open(qtbot, window)
    seen = _choose_in_menu(qtbot, tr("نمایش / پنهان کردن سطرهای پنهان‌شده"))
    _right_click(qtbot, window.reader.viewport(), _middle(window, words[1]))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert tr("حذف برجسته‌سازی") not in seen


@pytest.mark.parametrize("entry", ["tags", "delete"])
def test_right_click_in_the_panel_offers_the_same_entries(qtbot, window, entry) -> None:
    from hashiye.gui.i18n import tr

    _open(qtbot, window)
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    view = window.panel.view
    point = view.visualRect(view.model().index(0, 0)).center()
    label = {"tags": tr("برچسب‌ها…"), "delete": tr("حذف برجسته‌سازی")}[entry]
    seen = _choose_in_menu(qtbot, label)
    _right_click(qtbot, view.viewport(), point)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert tr("یادداشت…") in seen and tr("رونوشت نقل‌قول") in seen
    if entry == "delete":
        qtbot.waitUntil(lambda: window.state.rows() == [], timeout=3000)
    else:
        qtbot.waitUntil(lambda: window.tag_editor is not None and window.tag_editor.isVisible(), timeout=3000)


def test_the_bar_note_cancelled_leaves_no_empty_highlight(qtbot, window) -> None:
    words = _open(qtbot, window)
    _drag(qtbot, window, _middle(window, words[0]), _middle(window, words[1]))
    qtbot.mouseClick(window.mouse.bar.buttons["note"], Qt.MouseButton.LeftButton)
    editor = window.note_editor
    assert editor is not None and editor.isVisible() and len(window.state.rows()) == 1
    editor.reject()  # Esc, or the Cancel button
    assert window.state.rows() == []
    assert window.session.state(window.current_id).anchored == []  # nothing on disk either
