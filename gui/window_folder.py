"""The window's folder: listing (cached, or on a worker), files changed on disk, remembered places."""

from __future__ import annotations

import os
from pathlib import Path

from hashiye.core.corpus import CorpusError
from hashiye.core.search import cached_listing, index_path, refresh_steps
from PySide6.QtWidgets import QMessageBox

from .article_list import RecordRole
from .background import BackgroundJob
from .i18n import direction, join, tr
from .reader import DEFAULT_LINE_WIDTH
from .session import AnnotationSession
from .settings import place, push_recent, reader_int, remember_place


class FolderMixin:
    """Folder handling of the main window (mixed into MainWindow; uses its list, reader, session)."""

    # --- corpus and list -------------------------------------------------------------------
    def open_corpus(self, corpus: Path) -> None:
        """Show a folder: list its articles (newest first) and open the last-read or first one."""
        if getattr(self, "corpus", None) is not None:
            self.remember()
        self.corpus = corpus.resolve()
        self.session = AnnotationSession(self.corpus)
        self.session.changed.connect(self._annotations_changed)
        self.session.failed.connect(self.show_error)
        self.undo_stack.clear()
        self.current_id = None
        if self.search_panel is not None:
            self.search_panel.close()
            self.search_panel = None
        self.setWindowTitle(self.corpus.name)  # Qt adds the application's name: "seeds — Hashiye"
        if self._needs_background_listing():
            self._list_in_background()
            return
        self._list_now()

    BACKGROUND_LISTING = 300  # files: a folder this big, never listed before, is read off the UI thread

    def _needs_background_listing(self) -> bool:
        if index_path(self.corpus).exists():
            return False
        try:
            with os.scandir(self.corpus) as entries:
                count = sum(1 for e in entries if e.name.lower().endswith(".txt"))
        except OSError:
            return False
        return count > self.BACKGROUND_LISTING

    def _list_in_background(self) -> None:
        """First visit of a large folder: read every article on a worker, with progress."""
        self.model.set_records([])
        self.header.show_record({"id": "", "title": tr("در حال خواندن پوشه…")}, False)
        self.list_progress.setValue(0)
        self.list_progress.show()
        corpus = self.corpus
        job = BackgroundJob(lambda: ((p.done, p.total) for p in refresh_steps(corpus, metadata=True)), self)
        job.progress.connect(self._listing_progress)
        job.finished.connect(lambda _r: self._list_now() if corpus == self.corpus else None)
        job.failed.connect(self.show_error)
        self._listing_job = job
        job.start()

    def _listing_progress(self, done: int, total: int) -> None:
        self.list_progress.setMaximum(max(total, 1))
        self.list_progress.setValue(done)
        self.list_progress.setFormat(tr("خواندن مقاله‌ها: {n} از {total}", n=done, total=total))

    def _list_now(self) -> None:
        """List the folder from the metadata cache (reads only files changed since last time)."""
        self.list_progress.hide()
        try:
            listing = cached_listing(self.corpus)
        except CorpusError as exc:
            self.model.set_records([])
            self.show_error(tr("این پوشه باز نشد ({why}).", why=exc))
            return
        self.model.set_records(listing.articles)
        self.filters.set_choices(self.corpus, self.model.sources())
        self._sort()
        self.problems = [f"{s.file}: {s.reason}" for s in listing.skipped]
        self.problems += [f"{w['file']}: {w['message']}" for w in listing.warnings]
        self._show_problem_count(len(listing.skipped))
        for p in self.watcher.directories() + self.watcher.files():
            self.watcher.removePath(p)
        self.watcher.addPath(str(self.corpus))
        push_recent(self.settings, self.corpus)
        self._rebuild_recent_menu()
        saved, position, focus = place(self.settings, self.corpus)
        if saved is not None and self.model.row_of(saved) >= 0:
            self._select(saved)
            if self.current_id == saved and self._display is not None and (position > 0 or focus > 0):
                to_display = self._display.map.to_display
                self.reader.keep_top(to_display(position, position)[0], to_display(focus, focus)[0])
        elif self.proxy.rowCount():
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))
        self.list_view.setFocus()

    def _show_problem_count(self, skipped: int) -> None:
        """A button in the status bar: how many files were skipped or have warnings; click for details."""
        n = len(self.problems)
        self.problems_button.setVisible(bool(n))
        if n:
            parts = [tr("{n} پرونده خوانده نشد", n=skipped)] if skipped else []
            parts += [tr("{n} هشدار", n=n - skipped)] if n - skipped else []
            self.problems_button.setText(tr("{what} — جزئیات", what=join(parts)))

    def show_problems(self) -> None:
        """The files that were skipped and the warnings, with their reasons."""
        box = QMessageBox(QMessageBox.Icon.Information, tr("حاشیه"),
                          tr("{n} مورد در این پوشه نیاز به توجه دارد. پرونده‌های خوانده‌نشده نمایش داده نمی‌شوند "
                             "و چیزی از آن‌ها تغییر نکرده است.", n=len(self.problems)),
                          QMessageBox.StandardButton.Ok, self)
        box.setDetailedText("\n".join(self.problems))
        box.setLayoutDirection(direction())
        box.open()

    def _sort(self) -> None:
        """Re-order the list; the open article stays selected."""
        current = self.current_id
        self.model.sort_by(self.sort_box.currentData())
        if current:
            self._select(current)

    def _list_current_changed(self, current: object, _prev: object) -> None:
        idx = self.list_view.currentIndex()
        if idx.isValid():
            self.show_article(idx.data(RecordRole)["id"])

    def step_article(self, step: int) -> None:
        """j / k: next or previous article in the list as sorted and filtered."""
        rows = self.proxy.rowCount()
        if not rows:
            return
        row = self.list_view.currentIndex().row()
        row = max(0, min(rows - 1, (row if row >= 0 else -step) + step))
        self.list_view.setCurrentIndex(self.proxy.index(row, 0))

    # --- files changed on disk -----------------------------------------------------------------
    def _stamp(self, article_id: str) -> tuple[tuple[int, int], tuple[int, int]]:
        """(mtime, size) of the article file and of its sidecar."""
        stamps = []
        for path in (self.corpus / f"{article_id}.txt", self.session.store.sidecar_for(article_id)):
            try:
                st = path.stat()
                stamps.append((st.st_mtime_ns, st.st_size))
            except OSError:
                stamps.append((0, -1))
        return stamps[0], stamps[1]

    def _remember_stamp(self, article_id: str) -> None:
        self._disk_stamp[article_id] = self._stamp(article_id)

    def check_disk(self) -> None:
        """An article or sidecar changed on disk: re-read, re-anchor, keep the reading place."""
        names = {p.stem for p in self.corpus.glob("*.txt")}
        known = {self.model.record(r)["id"] for r in range(self.model.rowCount())}
        if names != known:
            current = self.current_id
            self.open_corpus(self.corpus)
            if current in names:
                self._select(current)
            return
        for article_id, old in list(self._disk_stamp.items()):
            new = self._stamp(article_id)
            if new == old:
                continue
            text_changed = new[0] != old[0]
            if article_id != self.current_id:
                self.session.forget(article_id, text_too=text_changed)
                self._disk_stamp.pop(article_id)
            elif self.session.reload(article_id, text_too=text_changed):
                self.show_article(article_id, keep_focus=True)
                self.statusBar().showMessage(tr("پرونده روی دیسک تغییر کرد؛ دوباره خوانده شد"), 4000)

    def _select(self, article_id: str) -> None:
        row = self.model.row_of(article_id)
        if row >= 0:
            self.list_view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row)))

    # --- settings ---------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geo = self.settings.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            avail = self.screen().availableGeometry()
            self.resize(min(1400, int(avail.width() * 0.92)), min(900, int(avail.height() * 0.92)))
        sizes = self.settings.value("window/splitter")
        if sizes is not None:
            self.splitter.restoreState(sizes)
        self.reader.zoom_to(reader_int(self.settings, "zoom", 0))
        self.reader.set_line_width(reader_int(self.settings, "line_width", DEFAULT_LINE_WIDTH))

    def remember(self) -> None:
        """Save the reading place of this folder (code points at the top of the page and of the focus) and
        the reader's text size and line length. Runs shortly after every move, not only at exit."""
        if self.current_id and self._display is not None and self._display.text:
            top = self.reader.top_position()
            span = self.reader.focus_span() or (top, top)
            to_source = self._display.map.to_source
            remember_place(self.settings, self.corpus, self.current_id, to_source(top, top)[0],
                           to_source(span[0], span[0])[0])
        self.settings.setValue("reader/zoom", self.reader.zoom_steps())
        self.settings.setValue("reader/line_width", self.reader.line_width())
