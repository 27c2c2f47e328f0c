"""The note and tag editors: RTL, Ctrl+Enter saves, Esc cancels, tags complete from the corpus."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from .i18n import N_, direction, join, tr
from .qtext import plain_label

_TAG_SPLIT = re.compile(r"[,،;؛]")


def parse_tags(text: str) -> list[str]:
    """Split a tag field at commas (Latin or Persian); trim, drop empties and repeats."""
    seen: list[str] = []
    for raw in _TAG_SPLIT.split(text):
        tag = " ".join(raw.split())
        if tag and tag not in seen:
            seen.append(tag)
    return seen


class _Editor(QDialog):
    """Ctrl+Enter saves through `_save`; a save that fails leaves the editor open, with the text, saying why."""

    def __init__(self, parent: QWidget, title: str, quote: str, hint: str = "") -> None:
        super().__init__(parent)
        self._title = title  # a marked text (N_), shown through tr
        self.setModal(True)
        self.quote = plain_label(QLabel(), f"«{_short(quote)}»")  # the article's words: right to left, on the right
        self.quote.setWordWrap(True)
        self.quote.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.quote.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.hint = plain_label(QLabel(), hint)  # in the UI's language and direction
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.problem = plain_label(QLabel())  # why the last save failed (the text stays)
        self.problem.setObjectName("editorProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.quote)
        self.layout_.addWidget(self.hint)
        self.layout_.addWidget(self.problem)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr(self._title))
        self.setLayoutDirection(direction())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("ذخیره (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("انصراف (Esc)"))

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)  # the button box re-sets Qt's own button texts in here
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()  # so ours come after («Save (Ctrl+Enter)», not «Save»)
        return handled

    def _save(self) -> str | None:
        return None

    def accept(self) -> None:
        why = self._save()
        if why:
            self.problem.setText(tr("ذخیره نشد: {why}. متن شما این‌جا می‌ماند.", why=why.rstrip(".")))
            self.problem.show()
            return
        super().accept()


class NoteEditor(_Editor):
    """Edit a note; `on_save(text)` saves it and returns None, or why it could not.

    `on_draft(text)` is called a moment after each change (the text is kept in the user data
    area until the note is saved), and once more with None when the editor closes.
    """

    def __init__(self, parent: QWidget, quote: str, note: str, on_save: Callable[[str], str | None],
                 on_draft: Callable[[str | None], None] | None = None, hint: str = "") -> None:
        super().__init__(parent, N_("یادداشت"), quote, hint)
        self._on_save = on_save
        # A QTextEdit (plain text only) lays out each paragraph in the direction of its first letter: a
        # Persian note is right-aligned, an English one left-aligned, in either interface language
        # (QPlainTextEdit would put every paragraph flush with the widget's side).
        self.edit = QTextEdit()
        self.edit.setAcceptRichText(False)
        self.edit.setPlainText(note)
        self.edit.setObjectName("noteEdit")
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self.layout_.addWidget(self.edit, 1)
        self.layout_.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(520, 280)
        if on_draft is not None:
            timer = QTimer(self, singleShot=True, interval=400)
            timer.timeout.connect(lambda: on_draft(self.edit.toPlainText()))
            self.edit.textChanged.connect(timer.start)
            def closed(_result: int) -> None:
                timer.stop()
                on_draft(None)

            self.finished.connect(closed)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if hasattr(self, "edit"):
            self.edit.setPlaceholderText(tr("یادداشت خود را بنویسید…"))

    def _save(self) -> str | None:
        return self._on_save(self.edit.toPlainText().strip())


class TagEditor(_Editor):
    """Edit tags, comma separated, with completion from tags used in the corpus."""

    def __init__(self, parent: QWidget, quote: str, tags: list[str], known: list[str],
                 on_save: Callable[[list[str]], str | None]) -> None:
        super().__init__(parent, N_("برچسب‌ها"), quote, tr("برچسب‌ها را با ویرگول جدا کنید."))
        self.edit = QLineEdit(join(tags) + (tr("، ") if tags else ""))
        self.edit.setObjectName("tagEdit")
        self._known = QStringListModel(known)
        completer = QCompleter(self._known, self.edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        completer.setWidget(self.edit)
        completer.activated.connect(self._complete)
        self.completer = completer
        self.edit.textEdited.connect(self._update_prefix)
        self.edit.returnPressed.connect(self.accept)
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.buttons)
        self.quote.setMinimumHeight(self.quote.fontMetrics().lineSpacing() * 4)
        self.resize(520, 230)
        self._on_save = on_save

    def _save(self) -> str | None:
        return self._on_save(parse_tags(self.edit.text()))

    def _current_fragment(self) -> str:
        return _TAG_SPLIT.split(self.edit.text())[-1].strip()

    def _update_prefix(self) -> None:
        frag = self._current_fragment()
        if not frag:
            popup = self.completer.popup()
            if popup is not None:
                popup.hide()
            return
        self.completer.setCompletionPrefix(frag)
        if self.completer.completionCount():
            self.completer.complete()

    def _complete(self, tag: str) -> None:
        parts = _TAG_SPLIT.split(self.edit.text())[:-1]
        self.edit.setText(join([p.strip() for p in parts if p.strip()] + [tag]) + tr("، "))


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
