"""Small behaviours shared by the window's item views."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from .i18n import text_direction


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


class ContentDelegate(QStyledItemDelegate):
    """Cells laid out in the direction of their own text: a Persian quote in an English window is
    right-aligned, read right to left and shortened at its end, and an English note the other way."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if not option.text:
            return
        option.direction = text_direction(option.text)
        side = Qt.AlignmentFlag.AlignRight if option.direction == Qt.LayoutDirection.RightToLeft \
            else Qt.AlignmentFlag.AlignLeft
        option.displayAlignment = side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
