"""Files changed on disk (by the user, a sync tool or another window): re-list, re-read, re-anchor.

A refresh never re-opens the folder: the undo history, the open article and the reading place
stay. Files the listing skipped (a README.txt, an empty .txt) are known names, not changes.
"""

from __future__ import annotations

import os
from pathlib import Path

from hashiye.core.corpus.corpus import Listing
from hashiye.core.text.textio import is_article_name
from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from .context import AppContext
from .i18n import tr
from .reading import ReadingState


class FolderWatch(QObject):
    message = Signal(str, int)

    def __init__(self, context: AppContext, state: ReadingState, owner: QObject) -> None:
        super().__init__(owner)  # ends with its window (the context may outlive it)
        self.context, self.state = context, state
        self._stamps: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self.check_disk)
        self.watcher.directoryChanged.connect(lambda _p: self.timer.start())
        self.watcher.fileChanged.connect(lambda _p: self.timer.start())
        context.folderOpened.connect(self._folder_opened)
        context.annotationsChanged.connect(self.remember_stamp)
        context.listingChanged.connect(self._listed)
        state.articleShown.connect(self._shown)
        if context.corpus is not None:  # a window made for a folder already open
            self._folder_opened(context.corpus)

    def _folder_opened(self, corpus: Path) -> None:
        self._stamps.clear()
        for p in self.watcher.directories() + self.watcher.files():
            self.watcher.removePath(p)
        self.watcher.addPath(str(corpus))

    def _shown(self, article_id: str) -> None:
        self.remember_stamp(article_id)
        self.watcher.addPath(str(self.context.folder / f"{article_id}.txt"))

    def _stamp(self, article_id: str) -> tuple[tuple[int, int], tuple[int, int]]:
        """(mtime, size) of the article file and of its sidecar."""
        stamps = []
        for path in (self.context.folder / f"{article_id}.txt", self.context.session.store.sidecar_for(article_id)):
            try:
                st = path.stat()
                stamps.append((st.st_mtime_ns, st.st_size))
            except OSError:
                stamps.append((0, -1))
        return stamps[0], stamps[1]

    def remember_stamp(self, article_id: str) -> None:
        self._stamps[article_id] = self._stamp(article_id)

    def _listed(self, listing: Listing) -> None:
        """The open article gone from the folder's new listing, or back in it."""
        current = self.state.current_id
        if listing.partial or not current:
            return
        if current not in self.context.article_ids():
            self.state.article_gone(current)
        elif self.state.gone == current:
            self.state.article_back(current)

    def check_disk(self) -> None:
        """Re-list if .txt files came or went; re-read changed articles and sidecars."""
        if self.context.corpus is None or self.context.listing is None:
            return
        try:  # names only, no Path per file: this runs after every save in a folder of 10,000
            with os.scandir(self.context.folder) as entries:
                names = {e.name[:-4] for e in entries if is_article_name(e.name)}
        except OSError:
            return
        current = self.state.current_id
        if names != self.context.known_names() or self.context.listing_pending():
            # on the runner: `_listed` follows; one running may have read the folder before this change
            self.context.refresh_listing()
        for article_id, old in list(self._stamps.items()):
            new = self._stamp(article_id)
            if new == old:
                continue
            text_changed = new[0] != old[0]
            if article_id != current:
                self.context.session.forget(article_id, text_too=text_changed)
                self._stamps.pop(article_id)
            elif new[0][1] < 0:
                self.state.article_gone(article_id)
            elif self.context.session.reload(article_id, text_too=text_changed):
                self._stamps[article_id] = new
                self.state.show_article(article_id, keep_focus=True)  # warnings and text too
                self.message.emit(tr("پرونده روی دیسک تغییر کرد؛ دوباره خوانده شد"), 4000)
