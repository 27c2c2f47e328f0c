"""Where the reader was: the window's layout, text size and line width, and each folder's reading place.

The place is saved a moment after each move (not only at exit), so a crash or a kill loses at most
that moment. Places are code points of the file (the reader converts).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from .article_list import RecordRole
from .column import DEFAULT_LINE_WIDTH
from .i18n import tr
from .reading_places import ReadingPlaces
from .settings import place, push_recent, reader_int, remember_place

if TYPE_CHECKING:
    from .main_window import MainWindow


class Places:
    def __init__(self, window: MainWindow) -> None:
        self.window: MainWindow = weakref.proxy(window)  # the window owns this: no cycle that keeps it alive
        self.settings = window.settings
        self._placed: Path | None = None  # the folder whose place was restored after its first listing
        self.articles = ReadingPlaces()  # each article's place and read mark, in the user data area
        self._chosen: str | None = None  # an article the user moved to in the list: its place is restored
        self.timer = QTimer(window, singleShot=True, interval=1000)
        self.timer.timeout.connect(self.remember)
        window.reader.verticalScrollBar().valueChanged.connect(lambda _v: self.timer.start())
        window.reader.focusMoved.connect(self.timer.start)
        window.pane.articleChosen.connect(self._choose)  # made before the window wires the list to the reader
        window.state.articleShown.connect(self._shown)

    def _choose(self, article_id: str) -> None:
        self._chosen = article_id if article_id != self.window.state.current_id else None

    def _shown(self, article_id: str) -> None:
        """An article is on screen: it is read now; opened from the list, it is back where it was left."""
        w = self.window
        self.timer.start()
        w.pane.model.mark_read(article_id)
        self.articles.mark_read(w.context.folder, article_id)
        if self._chosen == article_id:
            self._chosen = None
            saved = self.articles.place(w.context.folder, article_id)
            if saved is not None:
                w.reader.keep_top(*saved)

    def listed(self, listing: Any) -> None:
        """After a listing: the status bar; after a folder's first one, its place and its unsaved notes."""
        w = self.window
        w.status.listed(listing)
        corpus = w.context.folder
        w.pane.model.set_read(self.articles.read(corpus))
        if self._placed == corpus:
            return
        self._placed = corpus
        push_recent(self.settings, corpus)
        w.rebuild_recent_menu()
        saved, position, focus = place(self.settings, corpus)
        found = saved is not None and w.pane.select(saved)
        if not found:
            w.pane.select_first()
        chosen = w.list_view.currentIndex()
        if chosen.isValid() and w.state.current_id != chosen.data(RecordRole).id:
            w.state.show_article(chosen.data(RecordRole).id)  # already the list's row (a window remade)
        if found and w.state.current_id == saved and (position > 0 or focus > 0):
            w.reader.keep_top(position, focus)
        w.list_view.setFocus()
        QTimer.singleShot(0, self.offer_draft)

    def offer_draft(self) -> None:
        """A note typed but never saved (a crash, a full disk): open it again in its editor."""
        w = self.window
        draft = w.annotator.offer_drafts()
        if draft is None:
            return
        if w.context.record(draft.article_id) is None:
            w.show_error(tr("یادداشتی ذخیره‌نشده برای {name} پیدا شد، ولی این مقاله دیگر در پوشه نیست. "
                            "متن یادداشت: {note}", name=draft.article_id, note=draft.text))
            return
        w.open_article(draft.article_id, annotation_id=draft.annotation_id)
        if w.state.current_ann_id == draft.annotation_id:
            w.annotator.edit_note(draft.text)
        elif 0 <= draft.start < draft.end and w.state.current_id == draft.article_id:
            # its highlight was never saved: the editor opens on the same span again
            w.annotator.edit_note(draft.text, (draft.start, draft.end), draft.annotation_id)

    def restore_layout(self) -> None:
        w = self.window
        geo = self.settings.value("window/geometry")
        if geo is not None:
            w.restoreGeometry(geo)
        else:
            avail = w.screen().availableGeometry()
            w.resize(min(1400, int(avail.width() * 0.92)), min(900, int(avail.height() * 0.92)))
        sizes = self.settings.value("window/splitter")
        if sizes is not None:
            w.splitter.restoreState(sizes)
        w.reader.zoom_to(reader_int(self.settings, "zoom", 0))
        w.reader.set_line_width(reader_int(self.settings, "line_width", DEFAULT_LINE_WIDTH))

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        self.settings.setValue("window/splitter", self.window.splitter.saveState())

    def remember(self) -> None:
        """Save the reading place of this folder (code points at the top of the page and of the focus) and
        the reader's text size and line length."""
        w = self.window
        reader, state = w.reader, w.state
        if w.context.corpus is not None and state.current_id and not state.gone \
                and reader.display is not None and reader.display.text:
            top = reader.top_position()
            span = reader.focus_span() or (top, top)
            remember_place(self.settings, w.context.corpus, state.current_id, top, span[0])
            self.articles.save(w.context.corpus, state.current_id, top, span[0])
        self.settings.setValue("reader/zoom", reader.zoom_steps())
        self.settings.setValue("reader/line_width", reader.line_width())

    def zoom(self, step: int) -> None:
        """Ctrl+= / Ctrl+- / Ctrl+0: text size (remembered)."""
        self.window.reader.zoom(step)
        self.timer.start()

    def step_line_width(self, step: int) -> None:
        reader = self.window.reader
        reader.step_line_width(step)
        self.timer.start()
        chars = reader.line_width()
        self.window.statusBar().showMessage(
            tr("{n} نویسه در هر سطر", n=chars) if chars else tr("سطرها به پهنای صفحه"), 3000)
