"""The keyboard with only the Persian layout active (issue 15, point 9): Ctrl shortcuts, Alt mnemonics,
F10 for the menu bar, and the help sheet showing keys as they are pressed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from test_keyboard_flow import sidecar_items

CTRL = Qt.KeyboardModifier.ControlModifier


def persian(widget, letter: str, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as Qt delivers it with only the Persian layout: the Persian letter, whatever the modifiers."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key(ord(letter)), letter, modifiers)
    QApplication.processEvents()


def test_ctrl_shortcuts_work_with_persian_letters(qtbot, window, corpus: Path) -> None:
    article = window.current_id
    window.reader.setFocus()
    persian(window.reader, "ا")  # h: highlight
    assert len(sidecar_items(corpus, article)) == 1
    persian(window.reader, "ظ", CTRL)  # Ctrl+Z
    assert sidecar_items(corpus, article) == []
    persian(window.reader, "غ", CTRL)  # Ctrl+Y
    assert len(sidecar_items(corpus, article)) == 1
    persian(window.reader, "ب", CTRL)  # Ctrl+F
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    QTest.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    window.reader.setFocus()
    before = window.original
    persian(window.reader, "ع", CTRL)  # Ctrl+U
    assert window.original != before
    persian(window.reader, "ث", CTRL)  # Ctrl+E
    assert window.export_dialog is not None and window.export_dialog.isVisible()
    window.export_dialog.close()


def leave(window) -> None:
    """Close the open menu; the window has the keyboard again (a window manager does that; offscreen
    Qt does not give activation back by itself)."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()
    QApplication.processEvents()
    window.activateWindow()
    window.reader.setFocus()
    QApplication.processEvents()


def test_menus_open_with_alt_mnemonics_on_either_layout_and_with_f10(qtbot, window) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert all("&" in t for t in titles), titles
    marks = [t[t.index("&") + 1] for t in titles]
    assert len(set(marks)) == len(marks), "each menu its own mnemonic"

    def popup() -> QMenu | None:
        widget = QApplication.activePopupWidget()
        return widget if isinstance(widget, QMenu) else None

    window.reader.setFocus()
    # «&پرونده»: Alt+پ on the Persian layout; Alt+M, the same physical key, on the US one.
    persian(window.reader, "پ", Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: popup() is not None, timeout=2000)
    assert popup() is window.menuBar().actions()[0].menu()
    leave(window)
    QTest.keyClick(window.reader, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: popup() is not None, timeout=2000)
    assert popup() is window.menuBar().actions()[0].menu()
    leave(window)
    QTest.keyClick(window.reader, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: popup() is not None, timeout=2000)
    assert popup() is window.menuBar().actions()[0].menu()
    leave(window)


def test_help_sheet_shows_keys_as_pressed(qtbot, window) -> None:
    from hashiye.gui.help import HelpDialog

    QTest.keyClick(window.list_view, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible())
    keys = [dialog.table.item(r, 0).text().strip("\u202a\u202c") for r in range(dialog.table.rowCount())]
    assert keys[0] == "j (ت)", keys[0]
    assert "Ctrl+Z" in keys and not any(k.startswith("J") for k in keys)
    dialog.close()
