"""Ctrl+F / `/`: find in the article with the corpus search's Persian matching rules."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from .accessible import name_parts
from .i18n import tr


class FindEdit(QLineEdit):
    """Enter: next hit; Shift+Enter: previous; Esc: close."""

    step = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step.emit(-1 if shift else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """A find field over the reader; emits the hits (display spans) and the current one."""

    hitsChanged = Signal(list, int)  # [(start, end)], current index (-1: none)
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.edit = FindEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel()
        prev_btn, next_btn, close_btn = QToolButton(), QToolButton(), QToolButton()
        self.prev_button, self.next_button, self.close_button = prev_btn, next_btn, close_btn
        close_btn.setText("✕")
        prev_btn.clicked.connect(lambda: self.step_hit(-1))
        next_btn.clicked.connect(lambda: self.step_hit(1))
        close_btn.clicked.connect(self.close_bar)
        self.edit.textChanged.connect(self.search)
        self.edit.step.connect(self.step_hit)
        self.edit.closed.connect(self.close_bar)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(24, 4, 24, 4)
        for w in (self.edit, self.count, prev_btn, next_btn, close_btn):
            lay.addWidget(w)
        self.text = ""
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.edit.setPlaceholderText(tr("جست‌وجو در این مقاله (همهٔ املاها)…"))
        self.prev_button.setText(tr("قبلی"))
        self.next_button.setText(tr("بعدی"))
        name_parts(self)
        if self.edit.text().strip():
            self.count.setText(tr("{n} از {total}", n=self.current + 1, total=len(self.hits)) if self.hits
                               else tr("یافت نشد"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def open_bar(self, text: str) -> None:
        self.text = text
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.search()

    def set_text(self, text: str) -> None:
        """The article changed: search the new text."""
        self.text = text
        if self.isVisible():
            self.search()

    def search(self) -> None:
        from hashiye.core.text.matching import find_in_text  # loaded at the first find, not at start-up

        query = self.edit.text().strip()
        self.hits = find_in_text(query, self.text) if query else []
        self.current = 0 if self.hits else -1
        self._announce()

    def step_hit(self, step: int) -> None:
        if self.hits:
            self.current = (self.current + step) % len(self.hits)
            self._announce()

    def _announce(self) -> None:
        if self.edit.text().strip():
            self.count.setText(tr("{n} از {total}", n=self.current + 1, total=len(self.hits)) if self.hits
                              else tr("یافت نشد"))
        else:
            self.count.setText("")
        self.hitsChanged.emit(self.hits, self.current)

    def close_bar(self) -> None:
        self.hide()
        self.hits, self.current = [], -1
        self.hitsChanged.emit([], -1)
        self.closed.emit()
