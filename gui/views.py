"""Small behaviours shared by the window's item views."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView


class _EnterFilter(QObject):
    def __init__(self, view: QAbstractItemView, callback: Callable[[QModelIndex], object]) -> None:
        super().__init__(view)
        self.view = view
        self.callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.view.currentIndex().isValid()):
            self.callback(self.view.currentIndex())
            return True
        return False


def on_enter(view: QAbstractItemView, callback: Callable[[QModelIndex], object]) -> None:
    """Call `callback(current index)` when Enter is pressed in `view` (and stop the key there)."""
    view.installEventFilter(_EnterFilter(view, callback))
