"""Undoable annotation changes: one QUndoCommand over the session's store."""

from __future__ import annotations

from hashiye.core.annotations.model import Annotation, edited
from PySide6.QtGui import QUndoCommand

from .session import AnnotationSession


class ChangeAnnotations(QUndoCommand):
    """Replace `before` by `after` (by id) in one article; undo does the reverse.

    Adding is before=[] after=[new]; deleting is before=[old] after=[]; editing both.
    A change that cannot be saved marks itself obsolete, so the stack drops it.
    """

    def __init__(self, session: AnnotationSession, article_id: str, before: list[Annotation],
                 after: list[Annotation], text: str) -> None:
        super().__init__(text)
        self.session = session
        self.article_id = article_id
        self.before = before
        self.after = after

    def _swap(self, old: list[Annotation], new: list[Annotation]) -> None:
        new_ids = {a.id for a in new}
        delete = [a.id for a in old if a.id not in new_ids]
        # A restored version is a new modification: stamp it so merges keep it.
        upsert = [edited(a) for a in new]
        if not self.session.apply(self.article_id, upsert=upsert, delete=delete):
            self.setObsolete(True)

    def redo(self) -> None:
        self._swap(self.before, self.after)

    def undo(self) -> None:
        self._swap(self.after, self.before)
