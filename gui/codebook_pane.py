"""The codebook pane: the folder's codes as a tree (parent and child), each with its colour, the number of
annotations carrying it, the key that applies it (the recent ones) and its description.

Every sidecar is read once on the runner when the pane opens; after that each change the context
announces updates that one article's counts. Rename, merge, delete and edit are each one step of the
window's undo history (gui/codebook_commands.py); deleting asks first, naming how many annotations
carry the code. Enter (or a double click) on a code filters the article list to it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import shiboken6
from hashiye.core.annotations.model import CSS
from hashiye.core.annotations.codebook import ArticleChange, Code, Codebook, CodebookError, delete_changes, rename_changes
from hashiye.core.text.textio import UnreadableArticle
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .code_dialog import CodeDialog
from .codebook_commands import CodebookChange, Codes, deleted_codes, renamed_codes
from .codebook_tree import NameRole, Uses, code_item, read_uses, tally, tree_parents
from .context import AppContext
from .core_messages import core_message
from .i18n import direction, tr
from .qtext import plain_label
from .quick_apply import RecentCodes, key_of



class CodebookPane(QWidget):
    """`codeActivated(name)`: filter the list to it; `applyCode(name, css colour)`: put it on the highlight
    under focus; `codeRenamed(old, new or None)`: renamed, merged or deleted."""

    codeActivated = Signal(str)
    applyCode = Signal(str, str)
    codeRenamed = Signal(str, object)
    message = Signal(str, int)  # status-bar text, milliseconds

    def __init__(self, parent: QWidget, context: AppContext, recent: RecentCodes) -> None:
        super().__init__(parent)
        self.setObjectName("codebookPane")
        self.setLayoutDirection(direction())
        self.context, self.recent = context, recent
        self.corpus: Path = context.folder
        self.book = Codebook(self.corpus)
        self.codes: Codes = {}
        self.uses: dict[str, Uses] = {}
        self._changed_since_read: dict[str, Uses] = {}
        self.loaded = False
        self.highlights: Counter[str] = Counter()
        self.articles: Counter[str] = Counter()
        self.problem = ""  # why the codebook file cannot be read, if it cannot
        self.dialog: QDialog | None = None  # the question or editor open now (tests answer it)
        self.status = plain_label(QLabel())
        self.tree = QTreeWidget()
        self.tree.setObjectName("codeTree")
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(0, 220)
        self.tree.setColumnWidth(1, 100)
        self.tree.setColumnWidth(2, 60)
        self.tree.itemActivated.connect(lambda item, _c: self.codeActivated.emit(item.data(0, NameRole)))
        self.tree.installEventFilter(self)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        for key, slot in (("apply", self.apply_current), ("new", self.new_code), ("edit", self.edit_current),
                          ("rename", self.ask_rename), ("merge", self.ask_merge), ("delete", self.ask_delete)):
            button = QToolButton()
            button.setObjectName(f"code_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(row)
        lay.addWidget(self.status)
        lay.addWidget(self.tree, 1)
        self._rebuild_soon = QTimer(self, singleShot=True, interval=60)
        self._rebuild_soon.timeout.connect(self.rebuild)
        self.retranslate_ui()
        self.reload_codebook()
        self.job = context.runner.run(tr("کدها"), lambda _op: read_uses(self.corpus), on_done=self._read,
                                      on_failed=lambda m: self.status.setText(tr("کدها خوانده نشدند: {why}", why=m)))
        context.annotationsChanged.connect(self._annotations_changed)
        recent.changed.connect(self._rebuild_soon.start)

    def retranslate_ui(self) -> None:
        self.setLayoutDirection(direction())
        self.setWindowTitle(tr("کدنامه"))
        self.tree.setHeaderLabels([tr("کد"), tr("برجسته‌سازی‌ها"), tr("کلید"), tr("توضیح")])
        self.tree.setAccessibleName(tr("درخت کدها"))
        for key, text, tip in (
                ("apply", tr("زدن"), tr("زدن این کد به برجسته‌سازی جاری (Ctrl+Enter)")),
                ("new", tr("تازه…"), tr("کد تازه")),
                ("edit", tr("ویرایش…"), tr("رنگ، توضیح و کد مادر")),
                ("rename", tr("تغییر نام…"), tr("تغییر نام در همهٔ برجسته‌سازی‌ها (F2)")),
                ("merge", tr("ادغام…"), tr("ادغام در کدی دیگر")),
                ("delete", tr("حذف…"), tr("حذف کد از کدنامه و از برجسته‌سازی‌ها (Delete)"))):
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
        if self.loaded:
            self.rebuild()
        else:
            self.status.setText(tr("در حال شمردن کدها…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- counts -----------------------------------------------------------------------------------
    def _read(self, uses: dict[str, Uses]) -> None:
        if not shiboken6.isValid(self):
            return
        uses.update(self._changed_since_read)  # changed while the sidecars were read: the newer
        self.uses = {a: u for a, u in uses.items() if u}
        self.loaded = True
        self.rebuild()

    def _annotations_changed(self, article_id: str) -> None:
        if self.context.corpus != self.corpus:
            return
        try:
            rows = self.context.session.state(article_id).anchored
        except (UnreadableArticle, OSError):
            rows = []
        uses = [(tuple(a.annotation.tags), a.annotation.color) for a in rows]
        target = self.uses if self.loaded else self._changed_since_read
        target[article_id] = uses
        if self.loaded:
            self._rebuild_soon.start()

    def reload_codebook(self) -> None:
        self.problem = ""
        try:
            self.codes = self.book.load()
        except CodebookError as exc:  # shown above the codes (the tags in use are still listed) until it reads
            self.codes = {}
            self.problem = core_message(str(exc))
            self.status.setText(self.problem)
        if self.loaded:
            self._rebuild_soon.start()

    def all_codes(self) -> Codes:
        """The codebook's codes and the tags in use that are not in it (coloured as their highlights mostly are)."""
        colors: dict[str, Counter[str]] = {}
        for uses in self.uses.values():
            for tags, color in uses:
                for t in tags:
                    colors.setdefault(t, Counter())[color] += 1
        extra = {t: Code(t, CSS.get(c.most_common(1)[0][0], "")) for t, c in colors.items() if t not in self.codes}
        return {**self.codes, **extra}

    def rebuild(self) -> None:
        """The tree again from the codebook and the counts; the chosen code stays chosen."""
        self.highlights, self.articles = tally(self.uses)
        chosen = self.current_name()
        codes = self.all_codes()
        keys = {c: key_of(i + 1) for i, c in enumerate(self.recent.codes)}
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for name in sorted(codes):
            code = codes[name]
            items[name] = code_item(code, self.highlights[name], self.articles[name], keys.get(name, ""),
                                    name in self.codes)
        parents = tree_parents(codes)
        for name in sorted(codes):
            parent = parents[name]
            if parent is None:
                self.tree.addTopLevelItem(items[name])
            else:
                items[parent].addChild(items[name])
        self.tree.expandAll()
        total = sum(self.highlights.values())
        counts = tr("{n} کد", n=len(codes)) + "  ·  " + tr("{n} برچسب روی برجسته‌سازی‌ها", n=total)
        self.status.setText(f"{self.problem}\n{counts}" if self.problem else counts)
        if chosen in items:
            self.tree.setCurrentItem(items[chosen])
        elif (first := self.tree.topLevelItem(0)) is not None:
            self.tree.setCurrentItem(first)

    def current_name(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, NameRole) if item is not None else None

    def select(self, name: str) -> bool:
        found = self.tree.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
        if found:
            self.tree.setCurrentItem(found[0])
        return bool(found)

    # --- keys ---------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F2, Delete and Ctrl+Enter in the tree act on the code (not the window's Delete for highlights)."""
        if watched is self.tree and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ours = event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Delete) or (
                ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))
            if ours and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if ours and event.type() == QEvent.Type.KeyPress:
                {Qt.Key.Key_F2: self.ask_rename, Qt.Key.Key_Delete: self.ask_delete}.get(
                    Qt.Key(event.key()), self.apply_current)()
                return True
        return super().eventFilter(watched, event)

    # --- actions ------------------------------------------------------------------------------------
    def apply_current(self) -> None:
        name = self.current_name()
        if name:
            self.applyCode.emit(name, self.all_codes()[name].color)

    def _push(self, before: Codes, after: Codes, changes: list[ArticleChange], text: str) -> None:
        session = self.context.session
        session.last_error = None
        self.context.undo_stack.push(CodebookChange(session, self.book, before, after, changes, text,
                                                    self._saved))
        if session.last_error is None:
            self.message.emit(tr("{what} (Ctrl+Z برای واگرد)", what=text), 5000)

    def _saved(self) -> None:
        if shiboken6.isValid(self):
            self.reload_codebook()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def new_code(self) -> None:
        dialog = CodeDialog(self, self.codes)
        dialog.accepted.connect(lambda: self.save_code(dialog.code()))
        self._open(dialog)

    def edit_current(self) -> None:
        name = self.current_name()
        if not name:
            return
        dialog = CodeDialog(self, self.codes, self.all_codes()[name])
        dialog.accepted.connect(lambda: self.save_code(dialog.code()))
        self._open(dialog)

    def _load_book(self) -> Codes | None:
        """The codebook as on disk now; None (and the reason, to the user) when it cannot be read:
        a damaged codebook is never overwritten, and nothing else changes."""
        try:
            return self.book.load()
        except CodebookError as exc:
            self.context.failed.emit(core_message(str(exc)))
            return None

    def save_code(self, code: Code) -> None:
        """Add a code, or change its colour, description or parent: one undo step."""
        before = self._load_book()
        if before is None:
            return
        self._push(before, {**before, code.name: code}, [], tr("ویرایش کد «{code}»", code=code.name))
        self.select(code.name)

    def ask_rename(self) -> None:
        name = self.current_name()
        if not name:
            return
        dialog = QInputDialog(self)
        dialog.setLayoutDirection(direction())
        dialog.setWindowTitle(tr("تغییر نام کد"))
        dialog.setLabelText(tr("نام تازهٔ «{code}» (در همهٔ برجسته‌سازی‌ها):", code=name))
        dialog.setTextValue(name)
        dialog.textValueSelected.connect(lambda new: self.rename(name, " ".join(new.split())))
        self._open(dialog)

    def ask_merge(self) -> None:
        name = self.current_name()
        others = sorted(c for c in self.all_codes() if c != name)
        if not name or not others:
            return
        dialog = QInputDialog(self)
        dialog.setLayoutDirection(direction())
        dialog.setWindowTitle(tr("ادغام کد"))
        dialog.setLabelText(tr("«{code}» در کدام کد ادغام شود؟", code=name))
        dialog.setComboBoxItems(others)
        dialog.textValueSelected.connect(lambda target: self.merge(name, target))
        self._open(dialog)

    def rename(self, old: str, new: str) -> None:
        """Rename a code in the codebook and on every annotation (into an existing code: a merge)."""
        if not new or new == old:
            return
        self._retag(old, new, tr("تغییر نام «{old}» به «{new}»", old=old, new=new))

    def merge(self, source: str, target: str) -> None:
        if source != target:
            self._retag(source, target, tr("ادغام «{old}» در «{new}»", old=source, new=target))

    def _retag(self, old: str, new: str | None, text: str) -> None:
        """Read the annotations carrying `old` on the runner, then change them and the codebook in one step."""
        corpus = self.corpus
        if self._load_book() is None:
            return

        def work(_op: object) -> list[ArticleChange]:
            return rename_changes(corpus, old, new) if new is not None else delete_changes(corpus, old)

        def done(changes: list[ArticleChange]) -> None:
            if not shiboken6.isValid(self) or self.context.corpus != corpus:
                return
            before = self._load_book()
            if before is None:
                return
            after = renamed_codes(before, old, new) if new is not None else deleted_codes(before, old)
            self._push(before, after, changes, text)
            if self.context.session.last_error is None:
                self.codeRenamed.emit(old, new)
                if new is not None:
                    self.select(new)

        self.status.setText(tr("در حال خواندن برجسته‌سازی‌ها…"))
        self.context.runner.run(text, work, on_done=done)

    def ask_delete(self) -> None:
        name = self.current_name()
        if not name:
            return
        n, arts = self.highlights[name], self.articles[name]
        box = QMessageBox(QMessageBox.Icon.Question, tr("حذف کد"),
                          tr("کد «{code}» را {n} برجسته‌سازی در {m} مقاله دارند. کد از کدنامه و از این "
                             "برجسته‌سازی‌ها برداشته شود؟ خود برجسته‌سازی‌ها می‌مانند (Ctrl+Z برای واگرد).",
                             code=name, n=n, m=arts),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setLayoutDirection(direction())
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda b: self.delete(name) if box.standardButton(b) == QMessageBox.StandardButton.Yes else None)
        self._open(box)

    def delete(self, name: str) -> None:
        self._retag(name, None, tr("حذف کد «{code}»", code=name))
