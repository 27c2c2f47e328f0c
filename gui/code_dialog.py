"""A code's colour, description and parent (and its name when it is new), in one small dialog."""

from __future__ import annotations

from hashiye.core.annotations.model import CSS
from hashiye.core.annotations.codebook import Code
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from .colors import color_label
from .i18n import direction, tr

OTHER = "other"


def swatch(css: str, size: int = 14) -> QIcon:
    """A square of the code's colour (an empty frame when it has none)."""
    pix = QPixmap(size, size)
    pix.fill(QColor(css) if css else QColor(0, 0, 0, 0))
    return QIcon(pix)


class CodeDialog(QDialog):
    """Edit a code (`code` given) or make a new one; `code()` is the result once accepted."""

    def __init__(self, parent: QWidget, codes: dict[str, Code], code: Code | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeDialog")
        self.setLayoutDirection(direction())
        self.original = code
        self.name = QLineEdit(code.name if code else "")
        self.name.setObjectName("codeName")
        self.name.setReadOnly(code is not None)  # renaming changes annotations: the pane's Rename does it
        self.color = QComboBox()
        self.color.setObjectName("codeColor")
        self.description = QLineEdit(code.description if code else "")
        self.description.setObjectName("codeDescription")
        self.parent_code = QComboBox()
        self.parent_code.setObjectName("codeParent")
        self.parent_code.addItem("—", "")
        below = self._descendants(codes, code.name) if code else set()
        for name in sorted(codes):
            if name not in below:
                self.parent_code.addItem(name, name)
        if code and code.parent:
            self.parent_code.setCurrentIndex(max(0, self.parent_code.findData(code.parent)))
        self._color_items(code.color if code else "")
        self.color.activated.connect(self._maybe_other)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        for label, field in zip(self.labels, (self.name, self.color, self.description, self.parent_code), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._valid)
        self.retranslate_ui()
        self._valid()

    @staticmethod
    def _descendants(codes: dict[str, Code], name: str) -> set[str]:
        """The code and every code below it (none of them can be its parent)."""
        out, grew = {name}, True
        while grew:
            grew = False
            for n, c in codes.items():
                if c.parent in out and n not in out:
                    out.add(n)
                    grew = True
        return out

    def _color_items(self, current: str) -> None:
        self.color.clear()
        self.color.addItem("—", "")
        for name, css in CSS.items():
            self.color.addItem(swatch(css), color_label(name), css)
        if current and self.color.findData(current) < 0:
            self.color.addItem(swatch(current), current, current)
        self.color.addItem(tr("رنگ دیگر…"), OTHER)
        self.color.setCurrentIndex(max(0, self.color.findData(current)))

    def _maybe_other(self, _index: int) -> None:
        if self.color.currentData() != OTHER:
            return
        chosen = QColorDialog.getColor(parent=self)
        self._color_items(chosen.name() if chosen.isValid() else "")

    def _valid(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("کد تازه") if self.original is None else tr("ویرایش کد"))
        for label, text in zip(self.labels, (tr("نام"), tr("رنگ"), tr("توضیح"), tr("کد مادر")), strict=True):
            label.setText(text)
        self.description.setPlaceholderText(tr("این کد کجا به کار می‌رود"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def code(self) -> Code:
        color = self.color.currentData()
        return Code(" ".join(self.name.text().split()), color if color != OTHER else "",
                    self.description.text().strip(), self.parent_code.currentData() or None)
