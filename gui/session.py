"""The GUI's one door to the annotation store: loads, saves, reports failures, announces changes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hashiye.core.annotations.model import Annotation
from hashiye.core.corpus.article import Article, load_article
from hashiye.core.annotations.store import AnnotationStore, LoadResult, StoreError
from hashiye.core.text.textio import UnreadableArticle
from PySide6.QtCore import QObject, Signal

from .core_messages import core_message


class AnnotationSession(QObject):
    """Articles and their annotations for one corpus; views listen to `changed`.

    Call on the UI thread only.
    """

    changed = Signal(str)  # article id whose annotations changed
    failed = Signal(str)  # a message for the user

    def __init__(self, corpus: Path) -> None:
        super().__init__()
        self.corpus = corpus
        self.store = AnnotationStore(corpus)
        self._articles: dict[str, Article] = {}
        self._states: dict[str, LoadResult] = {}
        self.last_error: str | None = None  # why the last change could not be saved

    def article(self, article_id: str) -> Article:
        """The article with this id (cached); raises UnreadableArticle."""
        art = self._articles.get(article_id)
        if art is None:
            path = self.corpus / f"{article_id}.txt"
            art = self._articles[article_id] = load_article(path)
        return art

    def needs_reading(self, article_id: str, larger_than: int) -> bool:
        """Whether showing this article means reading and parsing a file over `larger_than` bytes first."""
        if article_id in self._articles:
            return False
        try:
            return (self.corpus / f"{article_id}.txt").stat().st_size > larger_than
        except OSError:
            return False

    def state(self, article_id: str) -> LoadResult:
        """Annotations of an article, anchored to its current text (cached)."""
        st = self._states.get(article_id)
        if st is None:
            st = self._states[article_id] = self.store.load(self.article(article_id))
        return st

    def forget(self, article_id: str, text_too: bool = False) -> None:
        """Drop cached state (after a change on disk); the next access re-reads."""
        self._states.pop(article_id, None)
        if text_too:
            self._articles.pop(article_id, None)

    def forget_all_texts(self) -> None:
        """Drop every cached article and state (the folder's line rules changed: texts parse anew)."""
        self._states.clear()
        self._articles.clear()

    def reload(self, article_id: str, text_too: bool = False) -> bool:
        """Re-read from disk and announce it; False if the article is gone or unreadable."""
        self.forget(article_id, text_too)
        try:
            self.state(article_id)
        except (UnreadableArticle, OSError) as exc:
            self.failed.emit(f"{article_id}: {getattr(exc, 'reason', exc)}")
            return False
        self.changed.emit(article_id)
        return True

    def apply(self, article_id: str, upsert: Sequence[Annotation] = (), delete: Sequence[str] = ()) -> bool:
        """Save one change (merged with whatever is on disk); False and a message on failure."""
        try:
            result = self.store.save_change(self.article(article_id), upsert=upsert, delete=delete)
        except StoreError as exc:
            self.last_error = core_message(str(exc))
            self.failed.emit(self.last_error)
            return False
        except (UnreadableArticle, OSError) as exc:
            self.last_error = f"{article_id}: {getattr(exc, 'reason', None) or exc}"
            self.failed.emit(self.last_error)
            return False
        self._states[article_id] = result
        self.changed.emit(article_id)
        return True

    def find(self, article_id: str, annotation_id: str) -> Annotation | None:
        for a in self.state(article_id).anchored:
            if a.annotation.id == annotation_id:
                return a.annotation
        return None

    def all_tags(self) -> list[str]:
        try:
            return self.store.all_tags()
        except (StoreError, OSError):
            return []
