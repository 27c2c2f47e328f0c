"""Undoable codebook changes: rename, merge, delete and edit a code as ONE step of the window's undo
history, the codebook file and every annotation carrying the code together.

The annotations change through the session (the store's lock → merge → atomic write, one save per
article, so the views follow); the codebook through `Codebook.save_change` (its own lock and merge).
The per-article changes come from core/annotations/codebook.py (`rename_changes`, `merge_changes`,
`delete_changes`, `undo_of`). A step that cannot be saved whole is put back as it was and dropped
from the history, and the user is told why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from hashiye.core.annotations.model import edited
from hashiye.core.annotations.codebook import ArticleChange, Code, Codebook, CodebookError, undo_of
from PySide6.QtGui import QUndoCommand

from .core_messages import core_message
from .session import AnnotationSession

Codes = dict[str, Code]


def renamed_codes(codes: Codes, old: str, new: str) -> Codes:
    """The codebook after renaming `old` to `new` (a merge when `new` is a code already); its children follow."""
    out = dict(codes)
    if old in codes and new not in codes:
        out[new] = replace(codes[old], name=new, modified="")
    for name, code in codes.items():
        if code.parent == old and name != new:
            out[name] = replace(code, parent=new, modified="")
    out.pop(old, None)
    return out


def deleted_codes(codes: Codes, name: str) -> Codes:
    """The codebook without `name`; its children move up to its parent."""
    out = dict(codes)
    gone = out.pop(name, None)
    for child, code in codes.items():
        if code.parent == name and child != name:
            out[child] = replace(code, parent=gone.parent if gone else None, modified="")
    return out


def _same(a: Code | None, b: Code | None) -> bool:
    """The same code, whenever it was last stamped."""
    if a is None or b is None:
        return a is b
    return replace(a, modified="") == replace(b, modified="")


class CodebookChange(QUndoCommand):
    """Turn the codebook `before` into `after` and apply `changes` to the annotations; undo reverses both."""

    def __init__(self, session: AnnotationSession, book: Codebook, before: Codes, after: Codes,
                 changes: list[ArticleChange], text: str, saved: Callable[[], None] = lambda: None) -> None:
        super().__init__(text)
        self.session, self.book = session, book
        self.before, self.after, self.changes = before, after, changes
        self.saved = saved  # told after each save (the pane reloads the codebook)

    def redo(self) -> None:
        self._swap(self.before, self.after, self.changes)

    def undo(self) -> None:
        self._swap(self.after, self.before, undo_of(self.changes))

    def _save_codes(self, source: Codes, target: Codes) -> None:
        upsert = [replace(c, modified="") for n, c in target.items() if not _same(source.get(n), c)]
        delete = [n for n in source if n not in target]
        if upsert or delete:
            self.book.save_change(upsert, delete)

    def _fail(self, why: str) -> None:
        self.session.last_error = why
        self.session.failed.emit(why)
        self.setObsolete(True)

    def _swap(self, source: Codes, target: Codes, changes: list[ArticleChange]) -> None:
        try:
            self._save_codes(source, target)
        except CodebookError as exc:
            self._fail(core_message(str(exc)))
            return
        done: list[ArticleChange] = []
        for change in changes:
            if not self.session.apply(change.article, upsert=[edited(a) for a in change.after]):
                why = self.session.last_error or ""
                for back in reversed(done):  # put back what this step changed: nothing is half done
                    self.session.apply(back.article, upsert=[edited(a) for a in back.before])
                try:
                    self._save_codes(target, source)
                except CodebookError:
                    pass
                self.saved()
                self._fail(why)
                return
            done.append(change)
        self.saved()
