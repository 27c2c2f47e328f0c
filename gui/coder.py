"""Who codes in this window: a name set once (Annotate ▸ Coder name…), kept in the settings, written as
the W3C `creator` of every new annotation (core/annotations/coders.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from .i18n import direction, tr

CODER_KEY = "coder/name"


def coder_name(settings: QSettings) -> str:
    """The coder's name as set in the window ("" when none was set): spaces collapsed."""
    return " ".join(str(settings.value(CODER_KEY, "") or "").split())


def set_coder_name(settings: QSettings, name: str) -> str:
    """Remember the coder's name ("" forgets it); the name as kept."""
    name = " ".join(name.split())
    settings.setValue(CODER_KEY, name)
    return name


class CoderDialog(QDialog):
    """One field: the name new annotations carry as their creator."""

    def __init__(self, parent: QWidget, settings: QSettings) -> None:
        super().__init__(parent)
        self.setObjectName("coderDialog")
        self.settings = settings
        self.setLayoutDirection(direction())
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.edit = QLineEdit(coder_name(settings))
        self.edit.setObjectName("coderName")
        self.label.setBuddy(self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(self.edit)
        lay.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("نام کدگذار"))
        self.label.setText(tr("برجسته‌سازی‌های تازه با این نام ذخیره می‌شوند (W3C creator). خالی: بی‌نام."))
        self.edit.setPlaceholderText(tr("نام شما، مانند سارا"))
        self.edit.setAccessibleName(tr("نام کدگذار"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def accept(self) -> None:
        set_coder_name(self.settings, self.edit.text())
        super().accept()
