"""F1 / ?: the keyboard sheet, generated from the one shortcut table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import direction, join, tr
from .shortcuts import SHORTCUTS, WIDGET_KEYS, shown_keys


class HelpDialog(QDialog):
    """A table of every shortcut: keys (with the Persian-layout key) and what they do."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        table = QTableWidget(len(SHORTCUTS) + len(WIDGET_KEYS), 2)
        table.setObjectName("shortcutTable")
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        lay.addWidget(buttons)
        self.retranslate_ui()
        self.resize(620, 720)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("میان‌برهای صفحه‌کلید"))
        self.setLayoutDirection(direction())
        rows = [(self._keys(s.keys), tr(s.label)) for s in SHORTCUTS] + [(k, tr(label)) for k, label in WIDGET_KEYS]
        self.table.setHorizontalHeaderLabels([tr("کلید"), tr("کار")])
        for r, (keys, label) in enumerate(rows):
            k = QTableWidgetItem(keys)
            k.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(r, 0, k)
            self.table.setItem(r, 1, QTableWidgetItem(label))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @staticmethod
    def _keys(keys: tuple[str, ...]) -> str:
        return join([shown_keys(k) for k in keys])
