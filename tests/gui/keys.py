"""Typing helpers for GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type characters as key events (QTest.keyClicks cannot send non-Latin text)."""
    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else Qt.Key(ord(ch))
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, ch, Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()
