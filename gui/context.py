"""The application context handed to every window, panel and dialog (in the manner of git-cola's).

It holds the settings, the runner for slow work, and the open folder's workspace: the
annotation session (store and article cache), the listing, the undo history and the current
article. Views do not build their own store or index: they read from here and subscribe to
its signals, and refresh themselves:

- `annotationsChanged(article_id)`: a save, an undo or a change on disk;
- `listingChanged(listing)`: the folder was (re-)listed; the undo history is kept (a large new
  folder is announced several times while it is read: `listing.partial` until the last);
- `textsChanged()`: the folder's line rules changed, so every article parses anew;
- `folderOpened(path)`: a different folder: the undo history starts afresh;
- `currentArticleChanged(article_id)`: the reader shows another article;
- `failed(message)`: something the user must be told about.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from hashiye.core.corpus import folder_rules
from hashiye.core.corpus.corpus import CorpusError, Listing, ListingChunk, article_files, iter_listing, join_chunks
from hashiye.core.corpus.records import ArticleRecord
from hashiye.core.search.listing_cache import cache_is_current, cached_listing
from hashiye.core.search.search_index import CorpusIndex
from hashiye.core.text.textio import is_article_name
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from . import i18n, themes
from .i18n import tr
from .runner import Operation, Runner
from .session import AnnotationSession

_local = threading.local()


def thread_index(corpus: Path) -> CorpusIndex:
    """The calling thread's connection to a folder's search index (sqlite connections stay in their thread)."""
    indices: dict[Path, CorpusIndex] = _local.__dict__.setdefault("indices", {})
    index = indices.get(corpus)
    if index is None:
        index = indices[corpus] = CorpusIndex(corpus)
    return index


def _first_article(corpus: Path) -> tuple[list[Path], int]:
    """The folder's first article file by name (as `article_files` orders them), without sorting
    them all, and how many there are."""
    try:
        with os.scandir(corpus) as entries:
            names = [e.name for e in entries if is_article_name(e.name) and not e.is_dir()]
    except OSError:
        return [], 0  # `article_files` says why
    return ([corpus / min(names)] if names else []), len(names)


class AppContext(QObject):
    annotationsChanged = Signal(str)
    listingChanged = Signal(object)  # Listing
    textsChanged = Signal()  # the folder's line rules changed: cached texts were dropped
    listingProgress = Signal(int, int)  # done, total (0, 0: listing started)
    folderOpened = Signal(object)  # Path
    currentArticleChanged = Signal(str)
    failed = Signal(str)

    BACKGROUND_LISTING = 300  # files: a folder this big is listed off the UI thread (streamed when new)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = Runner(self)
        self.runner.failed.connect(self.failed)
        self.undo_stack = QUndoStack(self)  # belongs to the open folder: survives every refresh
        self.corpus: Path | None = None
        self._session: AnnotationSession | None = None
        self.listing: Listing | None = None
        self.current_id: str | None = None
        self._listing_op: Operation | None = None
        self._records: dict[str, ArticleRecord] = {}
        self._partial: Listing | None = None  # a large new folder's articles read so far
        self._shown_at = 0  # how many of them the last partial listing showed
        self._provisional = ""  # digest of the rules the partial listing was read with
        self._again = False  # the folder changed while it was being re-listed: list it once more
        self._pending = False  # a listing is on the runner, its result not shown yet

    # --- language and theme (one place to ask) ----------------------------------------------
    @staticmethod
    def language() -> str:
        return i18n.language()

    @staticmethod
    def theme() -> themes.Theme:
        return themes.current()

    # --- the workspace ---------------------------------------------------------------------
    @property
    def session(self) -> AnnotationSession:
        assert self._session is not None, "no folder is open"
        return self._session

    @property
    def folder(self) -> Path:
        assert self.corpus is not None, "no folder is open"
        return self.corpus

    def open_folder(self, path: Path) -> None:
        """Open a folder; the same folder again is only re-listed (the undo history stays)."""
        corpus = path.resolve()
        if corpus == self.corpus:
            self.refresh_listing()
            return
        if self._listing_op is not None:
            self._listing_op.cancel()  # it delivers nothing now: the new folder's listing starts afresh
        self._listing_op, self._partial = None, None
        self._pending = self._again = False
        self.corpus = corpus
        self._session = AnnotationSession(corpus)
        self._session.changed.connect(self.annotationsChanged)
        self._session.failed.connect(self.failed)
        self.undo_stack.clear()
        self.listing = None
        self._records = {}
        self.current_id = None
        self.folderOpened.emit(corpus)
        self.refresh_listing()

    def refresh_listing(self) -> None:
        """List the folder again (files added, changed or removed). Off the UI thread when the folder
        is large and new, and whenever a folder already listed is listed again: a scraper adding
        articles to a 10,000-article folder stalled the window half a second to 1.7 s per article."""
        corpus = self.folder
        if self._pending:
            self._again = self._partial is None  # a large new folder's reading ends with the folder as it is then
            return
        if self.listing is not None and self.listing.corpus == corpus and not self.listing.partial:
            self._list_from_cache(corpus)
            return
        if not self._is_large(corpus):
            self._list_now()
            return
        self.listingProgress.emit(0, 0)
        if cache_is_current(corpus):
            # Listed before by this Hashiye: the records from the cache, on the runner (10,000 articles
            # held the window 2.4 s under load before its first paint, 100,000 about 9 s).
            self._list_from_cache(corpus)
            return
        # New, or its cache written by another version (after an update every file is parsed again):
        # the articles shown as they are read.
        self._partial, self._shown_at = Listing(corpus, partial=True), 0

        def work(op: Operation) -> Listing:
            # 1. The articles as they are read, with the rules known now (the user's marks), so
            #    the first one shows at once; `provisional` lets the reader open articles meanwhile.
            rules = folder_rules.provisional(corpus)
            self._provisional = rules.digest()
            # The first article is read before the folder is sorted (10,000 names: a quarter of a
            # second), so it shows at once; the others follow in order, `core.corpus.CHUNK` at a time.
            head, count = _first_article(corpus)
            for chunk in iter_listing(corpus, rules=rules, files=head):
                chunk.total = count
                op.deliver(chunk)
            paths = article_files(corpus)
            rest = paths[1:] if head and paths[:1] == head else [p for p in paths if p not in head]
            for chunk in iter_listing(corpus, rules=rules, files=rest):
                chunk.done, chunk.total = chunk.done + len(paths) - len(rest), len(paths)
                op.deliver(chunk)
                op.report(chunk.done, chunk.total)
            # 2. The repeated lines (every file read once), then the cache with the final records,
            #    and the final listing from it (read here: 100,000 records held the window 25 s).
            folder_rules.rescan(corpus, tick=op.report)
            with CorpusIndex(corpus) as index:
                for step in index.refresh(metadata=True):
                    op.report(step.done, step.total)
                return index.listing()

        self._pending = True
        self._listing_op = self.runner.run(
            tr("خواندن پوشه"), work, on_progress=self.listingProgress.emit,
            on_partial=lambda chunk: self._listed_part(corpus, chunk),
            on_done=lambda listing: self._listed_all(corpus, listing),
            on_failed=lambda why: self._listing_failed(corpus, why))

    def _list_from_cache(self, corpus: Path) -> None:
        """The folder's listing read on the runner (only files changed since the cache was written are read)."""
        self._pending = True
        self._listing_op = self.runner.run(
            tr("خواندن پوشه"), lambda _op: cached_listing(corpus, words=False),
            on_done=lambda listing: self._relisted(corpus, listing),
            on_failed=lambda why: self._listing_failed(corpus, why))

    def _listed_part(self, corpus: Path, chunk: ListingChunk) -> None:
        """Some more articles of a large new folder: shown when their number has doubled (or at the end)."""
        if corpus != self.corpus or self._partial is None:
            return
        listing = join_chunks(corpus, [chunk], self._partial)
        n = len(listing.articles)
        if n and (self._shown_at == 0 or n >= 2 * self._shown_at or chunk.done == chunk.total):
            self._shown_at = n
            self.listing = Listing(corpus, list(listing.articles), list(listing.skipped), list(listing.warnings),
                                   partial=chunk.done < chunk.total)
            self._records = {r.id: r for r in self.listing.articles}
            self.listingChanged.emit(self.listing)

    def _listed_all(self, corpus: Path, listing: Listing) -> None:
        self._pending = False
        if corpus != self.corpus:
            return
        self._partial = None
        self._show_listing(listing)
        if self._session is not None and folder_rules.for_folder(corpus).digest() != self._provisional:
            self._session.forget_all_texts()  # articles opened meanwhile were parsed without the repeated lines
            self.textsChanged.emit()

    def _relisted(self, corpus: Path, listing: Listing) -> None:
        """A folder already shown, listed again on the runner."""
        self._pending = False
        if corpus != self.corpus:
            return
        self._show_listing(listing)
        if self._again:
            self._again = False
            self.refresh_listing()

    def _listing_failed(self, corpus: Path, why: str) -> None:
        """A listing on the runner failed: the folder shown keeps its list; a folder not shown yet
        is shown empty, with the reason (as a listing on the UI thread did)."""
        self._pending = self._again = False
        if corpus != self.corpus:
            return
        self._partial = None
        shown = self.listing
        if shown is None or shown.partial:  # what was read stays listed, as complete as it got
            self._show_listing(Listing(corpus, list(shown.articles), list(shown.skipped), list(shown.warnings))
                               if shown is not None else Listing(corpus))
            self.failed.emit(tr("این پوشه باز نشد ({why}).", why=why))
        else:
            self.failed.emit(why)

    def listing_pending(self) -> bool:
        """Whether a listing of the folder is being read (its result not shown yet)."""
        return self._pending

    def _is_large(self, corpus: Path) -> bool:
        """Whether the folder has more articles than the UI thread may list while the window waits."""
        try:
            with os.scandir(corpus) as entries:
                count = sum(1 for e in entries if e.name.lower().endswith(".txt"))
        except OSError:
            return False
        return count > self.BACKGROUND_LISTING

    def _list_now(self) -> None:
        """List the folder from the metadata cache (reads only files changed since last time)."""
        corpus = self.folder
        try:
            listing = cached_listing(corpus, words=False)  # on the UI thread: records only; search indexes the words on the runner
        except CorpusError as exc:
            listing = Listing(corpus)
            self.failed.emit(tr("این پوشه باز نشد ({why}).", why=exc))
        self._show_listing(listing)

    def _show_listing(self, listing: Listing) -> None:
        self.listing = listing
        self._records = {r.id: r for r in listing.articles}
        self.listingChanged.emit(listing)

    def article_ids(self) -> set[str]:
        return set(self._records)

    def known_names(self) -> set[str]:
        """Every .txt name the listing has seen: articles and the files it skipped (with a reason)."""
        if self.listing is None:
            return set()
        return self.article_ids() | {Path(s.file).stem for s in self.listing.skipped}

    def record(self, article_id: str) -> ArticleRecord | None:
        """The listing's record of an article (title, source, date…), None if it is not listed."""
        return self._records.get(article_id)

    def titles(self) -> dict[str, str]:
        return {r.id: r.title or "" for r in self._records.values()}

    def set_current(self, article_id: str | None) -> None:
        if article_id != self.current_id:
            self.current_id = article_id
            self.currentArticleChanged.emit(article_id or "")
