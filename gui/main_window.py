"""The main window: article list (right), reader (centre), annotation panel (left)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLineEdit, QListView, QToolButton,
                               QMainWindow, QMessageBox, QProgressBar, QSplitter, QVBoxLayout, QWidget)

from hashiye.core.annotations import Anchored, Annotation, edited, new_annotation
from hashiye.core.corpus import CorpusError
from hashiye.core.display import Display, without_headings
from hashiye.core.normalize import fold_digits
from hashiye.core.original import build_original
from hashiye.core.search import Hit, cached_listing, index_path, refresh_steps
from hashiye.core.textio import UnreadableArticle

from . import shortcuts
from .annotation_browser import AnnotationBrowser
from .background import BackgroundJob
from .annotation_panel import AnnotationPanel
from .article_list import ArticleDelegate, ArticleFilterProxy, ArticleListModel, RecordRole
from .colors import COLORS, color_by_number
from .commands import ChangeAnnotations
from .editors import NoteEditor, TagEditor
from .export_dialog import ExportDialog
from .search_panel import SearchPanel
from .find_bar import FindBar
from .help import HelpDialog
from .list_filters import ListFilters
from .reader import Mark, ReaderHeader, ReaderText
from .session import AnnotationSession
from .settings import place, push_recent, recent_folders, remember_place
from .views import on_enter


class MainWindow(QMainWindow):
    """One corpus folder open for reading and annotating."""

    articleShown = Signal(str)

    def __init__(self, corpus: Path, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("حاشیه")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.undo_stack = QUndoStack(self)
        self.current_id: str | None = None
        self.current_ann_id: str | None = None
        self.color = COLORS[0]
        self.original = False
        self._display: Display | None = None
        self._disk_stamp: dict[str, tuple[int, int]] = {}
        self._build_widgets()
        self._build_actions()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self._disk_timer.start())
        self.watcher.fileChanged.connect(lambda _p: self._disk_timer.start())
        self._disk_timer = QTimer(self, singleShot=True, interval=250)
        self._disk_timer.timeout.connect(self.check_disk)
        self.session: AnnotationSession
        self.corpus: Path | None = None  # type: ignore[assignment]
        self.search_panel: SearchPanel | None = None
        self._build_menus()
        self.open_corpus(corpus)
        self._restore_layout()

    # --- building ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setPlaceholderText("پالایش فهرست…")
        self.filter_edit.setClearButtonEnabled(True)
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("sort")
        for label, key in (("تازه‌ترین", "date"), ("عنوان", "title"), ("منبع", "source")):
            self.sort_box.addItem(label, key)
        self.model = ArticleListModel()
        self.proxy = ArticleFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.list_view = QListView()
        self.list_view.setObjectName("articleList")
        self.list_view.setAccessibleName("فهرست مقاله‌ها")
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(ArticleDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.filters = ListFilters(self.filter_edit.text)
        self.filters.changed.connect(self.proxy.set_filter)
        self.filter_edit.textChanged.connect(lambda _t: self.filters.emit_filter())
        self.filters_button = QToolButton()
        self.filters_button.setObjectName("filtersButton")
        self.filters_button.setText("پالایه‌ها")
        self.filters_button.setCheckable(True)
        self.filters_button.toggled.connect(self.filters.setVisible)
        self.sort_box.currentIndexChanged.connect(lambda _i: self._sort())
        self.list_view.selectionModel().currentChanged.connect(self._list_current_changed)
        on_enter(self.list_view, lambda _idx: self.reader.setFocus())

        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.sort_box)
        row.addWidget(self.filters_button)
        lay.addLayout(row)
        lay.addWidget(self.filters)
        lay.addWidget(self.list_view, 1)

        self.header = ReaderHeader()
        self.reader = ReaderText()
        self.reader.focusMoved.connect(self._focus_moved)
        centre = QWidget()
        centre.setObjectName("readerPane")
        c_lay = QVBoxLayout(centre)
        c_lay.setContentsMargins(0, 0, 0, 0)
        c_lay.setSpacing(0)
        self.find_bar = FindBar()
        self.find_bar.hitsChanged.connect(self.reader.set_hits)
        self.find_bar.closed.connect(self.reader.setFocus)
        c_lay.addWidget(self.header)
        c_lay.addWidget(self.find_bar)
        c_lay.addWidget(self.reader, 1)

        self.panel = AnnotationPanel()
        self.panel.jump.connect(self.jump_to_annotation)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for w in (left, centre, self.panel):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(260)
        self.panel.setMinimumWidth(220)
        self.splitter.setSizes([330, 760, 300])
        self.setCentralWidget(self.splitter)
        self.statusBar().setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.problems: list[str] = []
        self.problems_button = QToolButton()
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAutoRaise(True)
        self.problems_button.clicked.connect(self.show_problems)
        self.problems_button.hide()
        self.statusBar().addPermanentWidget(self.problems_button)
        self.list_progress = QProgressBar()
        self.list_progress.setObjectName("listProgress")
        self.list_progress.setTextVisible(True)
        self.list_progress.hide()
        self.statusBar().addPermanentWidget(self.list_progress, 1)

    def _build_actions(self) -> None:
        slots = {
            "next_article": lambda: self.step_article(1),
            "prev_article": lambda: self.step_article(-1),
            "highlight": lambda: self.highlight(self.color),
            "note": self.edit_note,
            "tags": self.edit_tags,
            "next_highlight": lambda: self.step_highlight(1),
            "prev_highlight": lambda: self.step_highlight(-1),
            "delete": self.delete_current,
            "undo": self.undo_stack.undo,
            "redo": self.undo_stack.redo,
            "find": self.find_in_article,
            "search_corpus": self.search_corpus,
            "browse_annotations": self.browse_annotations,
            "focus_next": lambda: self.cycle_focus(1),
            "focus_prev": lambda: self.cycle_focus(-1),
            "caret_mode": self.toggle_caret_mode,
            "toggle_original": self.toggle_original,
            "zoom_in": lambda: self.reader.zoom(1),
            "zoom_out": lambda: self.reader.zoom(-1),
            "zoom_reset": lambda: self.reader.zoom(0),
            "open_folder": self.choose_folder,
            "export": self.export,
            "help": self.show_help,
            "quit": self.close,
        }
        for n in range(1, 6):
            slots[f"color_{n}"] = (lambda k: lambda: self.highlight(color_by_number(k)))(n)
        self.actions_by_id = {sid: shortcuts.add_action(self, sid, slot) for sid, slot in slots.items()}

    def _build_menus(self) -> None:
        """Menus list the same actions as the shortcut table (for discovery; keys stay the same)."""
        a = self.actions_by_id
        bar = self.menuBar()
        menus = {
            "پرونده": ["open_folder", None, "export", None, "quit"],
            "نما": ["toggle_original", "caret_mode", None, "zoom_in", "zoom_out", "zoom_reset"],
            "رفتن": ["next_article", "prev_article", None, "next_highlight", "prev_highlight", None,
                     "find", "search_corpus", "browse_annotations", None, "focus_next", "focus_prev"],
            "یادداشت": ["highlight", "color_1", "color_2", "color_3", "color_4", "color_5", None,
                        "note", "tags", "delete", None, "undo", "redo"],
            "راهنما": ["help"],
        }
        for title, ids in menus.items():
            menu = bar.addMenu(title)
            for action_id in ids:
                if action_id is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[action_id])
            if title == "پرونده":
                self.recent_menu = menu.addMenu("پوشه‌های اخیر")
                menu.insertMenu(menu.actions()[1], self.recent_menu)

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        for folder in recent_folders(self.settings):
            action = self.recent_menu.addAction(folder)
            action.triggered.connect(lambda _c=False, f=folder: self.open_corpus(Path(f)))

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
        self.setWindowTitle(f"حاشیه — {self.corpus.name}")
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
        self.header.show_record({"id": "", "title": "در حال خواندن پوشه…"}, False)
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
        self.list_progress.setFormat(fold_digits(f"خواندن مقاله‌ها: {done} از {total}", "fa"))

    def _list_now(self) -> None:
        """List the folder from the metadata cache (reads only files changed since last time)."""
        self.list_progress.hide()
        try:
            listing = cached_listing(self.corpus)
        except CorpusError as exc:
            self.model.set_records([])
            self.show_error(f"این پوشه باز نشد ({exc}).")
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
        saved, scroll = place(self.settings, self.corpus)
        if saved is not None and self.model.row_of(saved) >= 0:
            self._select(saved)
            self.reader.verticalScrollBar().setValue(scroll)
        elif self.proxy.rowCount():
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))
        self.list_view.setFocus()

    def _show_problem_count(self, skipped: int) -> None:
        """A button in the status bar: how many files were skipped or have warnings; click for details."""
        n = len(self.problems)
        self.problems_button.setVisible(bool(n))
        if n:
            text = f"{skipped} پرونده خوانده نشد، " if skipped else ""
            text += f"{n - skipped} هشدار" if n - skipped else ""
            self.problems_button.setText(fold_digits(text.rstrip("، ") + " — جزئیات", "fa"))

    def show_problems(self) -> None:
        """The files that were skipped and the warnings, with their reasons."""
        box = QMessageBox(QMessageBox.Icon.Information, "حاشیه",
                          fold_digits(f"{len(self.problems)} مورد در این پوشه نیاز به توجه دارد. "
                                      "پرونده‌های خوانده‌نشده نمایش داده نمی‌شوند و چیزی از آن‌ها تغییر نکرده است.", "fa"),
                          QMessageBox.StandardButton.Ok, self)
        box.setDetailedText("\n".join(self.problems))
        box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
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

    # --- the reader -----------------------------------------------------------------------
    def show_article(self, article_id: str, keep_focus: bool = False) -> None:
        """Open an article in the reader with its highlights."""
        try:
            article = self.session.article(article_id)
            state = self.session.state(article_id)
        except (UnreadableArticle, OSError) as exc:
            self.show_error(f"{article_id}: {getattr(exc, 'reason', exc)}")
            return
        if article_id != self.current_id:
            self.current_ann_id = None
            keep_focus = False
        self.current_id = article_id
        self._display = build_original(article.source_text) if self.original else \
            without_headings(article.display())
        rec = self.model.record(self.model.row_of(article_id)) if self.model.row_of(article_id) >= 0 else {
            "id": article_id, "title": article.title}
        self.header.show_record(rec, self.original)
        self.header.show_warning("\n".join(state.warnings))
        self.reader.show_text(self._display, self._marks(state.anchored), keep_focus=keep_focus)
        self.find_bar.set_text(self._display.text)
        self.panel.set_rows(state.anchored, self.current_ann_id)
        self.model.update_count(article_id, len(state.anchored))
        self._remember_stamp(article_id)
        self.watcher.addPath(str(article.path))
        self.articleShown.emit(article_id)

    def upgrade_display(self) -> None:
        """Hazm is ready: show the current article's fully normalised text."""
        if self.current_id and not self.original:
            self.show_article(self.current_id, keep_focus=True)

    def _marks(self, rows: list[Anchored]) -> list[Mark]:
        """Placed highlights in display coordinates of the current view."""
        assert self._display is not None
        marks = []
        for a in rows:
            if a.start is None or a.end is None:
                continue
            s, e = self._display.map.to_display(a.start, a.end)
            if e > s:
                current = a.annotation.id == self.current_ann_id
                marks.append(Mark(s, e, a.annotation.color, bool(a.annotation.note), current))
        return marks

    def _refresh_annotations(self) -> None:
        if not self.current_id or self._display is None:
            return
        rows = self.session.state(self.current_id).anchored
        self.reader.set_marks(self._marks(rows))
        self.panel.set_rows(rows, self.current_ann_id)
        self.model.update_count(self.current_id, len(rows))

    def _annotations_changed(self, article_id: str) -> None:
        self._remember_stamp(article_id)
        self.filters.refresh_tags()
        if article_id == self.current_id:
            self._refresh_annotations()
        else:
            self.model.update_count(article_id, len(self.session.state(article_id).anchored))

    def _focus_moved(self) -> None:
        self.current_ann_id = None
        under = self.annotation_under_focus()
        self.panel.select(under.annotation.id if under else None)

    # --- annotating -----------------------------------------------------------------------
    def _target_span(self) -> tuple[int, int] | None:
        """Source span of the selection, else of the focused sentence(s)."""
        if self._display is None:
            return None
        span = self.reader.selection_span() or self.reader.focus_span()
        if span is None or span[1] <= span[0]:
            return None
        return self._display.map.to_source(*span)

    def highlight(self, color: str) -> None:
        """h / 1…5: highlight the selection or focused sentence(s); on a highlight, recolour it."""
        if not self.current_id:
            return
        self.color = color
        existing = self.annotation_under_focus() if not self.reader.selection_span() else None
        if existing is not None and existing.annotation.color != color:
            old = existing.annotation
            self._push(old.id, [old], [edited(old, color=color)], "تغییر رنگ")
            return
        if existing is not None:
            self.current_ann_id = existing.annotation.id
            self._refresh_annotations()
            return
        span = self._target_span()
        if span is None:
            return
        article = self.session.article(self.current_id)
        ann = new_annotation(article.id, article.source_text, span[0], span[1], color)
        self._push(ann.id, [], [ann], "برجسته‌سازی")
        self.reader.setTextCursor(self.reader.textCursor())  # keep focus, drop nothing

    def _push(self, focus_id: str | None, before: list, after: list, text: str) -> None:
        assert self.current_id
        self.current_ann_id = focus_id
        self.undo_stack.push(ChangeAnnotations(self.session, self.current_id, before, after, text))

    def annotation_under_focus(self) -> Anchored | None:
        """The chosen highlight (] [ or panel), else the first one touching the focused sentence."""
        if not self.current_id or self._display is None:
            return None
        rows = self.session.state(self.current_id).anchored
        if self.current_ann_id:
            chosen = next((a for a in rows if a.annotation.id == self.current_ann_id), None)
            if chosen is not None:
                return chosen
        focus = self.reader.focus_span()
        if focus is None:
            return None
        s, e = self._display.map.to_source(*focus)
        return next((a for a in rows if a.start is not None and a.end is not None
                     and a.start < e and a.end > s), None)

    def _field_saver(self, field: str, label: str) -> tuple[Annotation, Callable[[object], None]] | None:
        """The highlight under focus and a function that saves a new value of one of its fields.

        The save merges with what is on disk by then (another window may have edited it).
        """
        target = self.annotation_under_focus()
        if target is None or self.current_id is None:
            self.say_nothing_under_focus()
            return None
        old, article_id = target.annotation, self.current_id

        def save(value: object) -> None:
            fresh = self.session.find(article_id, old.id) or old
            if value != getattr(fresh, field):
                self.undo_stack.push(ChangeAnnotations(self.session, article_id, [fresh],
                                                       [edited(fresh, **{field: value})], label))

        return old, save

    def edit_note(self) -> None:
        """n: write or edit the note of the highlight under focus (highlighting first if needed)."""
        if self.annotation_under_focus() is None:
            self.highlight(self.color)
        found = self._field_saver("note", "یادداشت")
        if found is not None:
            old, save = found
            self.note_editor = NoteEditor(self, old.exact, old.note, save)
            self._open_editor(self.note_editor)

    def edit_tags(self) -> None:
        """t: edit the tags of the highlight under focus."""
        found = self._field_saver("tags", "برچسب")
        if found is not None:
            old, save = found
            self.tag_editor = TagEditor(self, old.exact, old.tags, self.session.all_tags(), save)
            self._open_editor(self.tag_editor)

    def _open_editor(self, editor: QDialog) -> None:
        """Show an editor; when it closes, the reader has the keyboard again."""
        def back() -> None:
            self.activateWindow()
            self.reader.setFocus()

        editor.finished.connect(back)
        editor.open()

    def say_nothing_under_focus(self) -> None:
        self.statusBar().showMessage("روی جملهٔ برگزیده برجسته‌سازی‌ای نیست: با H یا ۱ تا ۵ بسازید، یا با ] و [ یکی را برگزینید", 5000)

    def delete_current(self) -> None:
        target = self.annotation_under_focus()
        if target is None:
            self.say_nothing_under_focus()
            return
        self._push(None, [target.annotation], [], "حذف برجسته‌سازی")

    def step_highlight(self, step: int) -> None:
        """] / [: move to the next or previous placed highlight."""
        if not self.current_id or self._display is None:
            return
        rows = [a for a in self.session.state(self.current_id).anchored if a.start is not None]
        if not rows:
            return
        ids = [a.annotation.id for a in rows]
        if self.current_ann_id in ids:
            k = (ids.index(self.current_ann_id) + step) % len(rows)
        else:
            focus = self.reader.focus_span()
            pos = self._display.map.to_source(*focus)[0] if focus else 0
            after = [i for i, a in enumerate(rows) if (a.start or 0) > pos] if step > 0 else \
                    [i for i, a in enumerate(rows) if (a.start or 0) < pos]
            k = (after[0] if step > 0 else after[-1]) if after else (0 if step > 0 else len(rows) - 1)
        self.jump_to_annotation(ids[k])

    def jump_to_annotation(self, annotation_id: str) -> None:
        """Show a highlight in the reader and make it the current one."""
        if not self.current_id or self._display is None:
            return
        a = next((x for x in self.session.state(self.current_id).anchored
                  if x.annotation.id == annotation_id), None)
        if a is None:
            return
        if a.start is not None and a.end is not None:
            s, _e = self._display.map.to_display(a.start, a.end)
            self.reader.focus_on_display(s)
        self.current_ann_id = annotation_id
        self._refresh_annotations()

    # --- views, focus, dialogs ------------------------------------------------------------
    def toggle_original(self) -> None:
        self.original = not self.original
        if self.current_id:
            self.show_article(self.current_id)

    def toggle_caret_mode(self) -> None:
        self.reader.set_caret_mode(not self.reader.caret_mode)
        self.reader.setFocus()
        self.statusBar().showMessage("حالت مکان‌نما روشن است: با Shift و پیکان‌ها انتخاب کنید"
                                     if self.reader.caret_mode else "حالت مکان‌نما خاموش شد", 4000)

    def cycle_focus(self, step: int) -> None:
        """F6 / Shift+F6: list → reader → annotation panel."""
        order = [self.list_view, self.reader, self.panel.view]
        current = next((i for i, w in enumerate(order) if w.hasFocus()), -1)
        order[(current + step) % len(order)].setFocus()

    def show_help(self) -> None:
        HelpDialog(self).open()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "باز کردن پوشهٔ مقاله‌ها", str(self.corpus))
        if folder:
            self.open_corpus(Path(folder))

    def find_in_article(self) -> None:
        """Ctrl+F, /: find in this article (all spellings of a word)."""
        if self._display is not None:
            self.find_bar.open_bar(self._display.text)

    def search_corpus(self) -> None:
        """Ctrl+Shift+F: the corpus search panel (index refreshed in the background)."""
        panel = self.search_panel
        if panel is None:
            titles = {self.model.record(r)["id"]: self.model.record(r).get("title") or ""
                      for r in range(self.model.rowCount())}
            panel = self.search_panel = SearchPanel(self, self.corpus, titles)
            panel.openHit.connect(self.open_hit)
        panel.show()
        panel.raise_()
        panel.activateWindow()
        panel.query.setFocus()
        panel.query.selectAll()

    def browse_annotations(self) -> None:
        """Ctrl+Shift+A: every annotation of the folder; Enter opens one in the reader."""
        self.browser = AnnotationBrowser(self, self.corpus)
        self.browser.openAnnotation.connect(self.open_annotation)
        self.browser.show()
        self.browser.text.setFocus()

    def open_annotation(self, article_id: str, annotation_id: str) -> None:
        """Open an article and make one of its highlights the current one."""
        row = self.model.row_of(article_id)
        if row >= 0 and not self.proxy.mapFromSource(self.model.index(row)).isValid():
            self.filter_edit.clear()
        self._select(article_id)
        if self.current_id != article_id:
            self.show_article(article_id)
        self.jump_to_annotation(annotation_id)
        self.panel.select(annotation_id)
        self.reader.setFocus()

    def open_hit(self, hit: Hit) -> None:
        """Open an article at a search hit and mark the hit in the reader."""
        row = self.model.row_of(hit.id)
        if row >= 0 and not self.proxy.mapFromSource(self.model.index(row)).isValid():
            self.filter_edit.clear()  # the article was filtered out of the list
        self._select(hit.id)
        if self.current_id != hit.id:
            self.show_article(hit.id)
        if self._display is not None:
            span = self._display.map.to_display(hit.start, hit.end)
            if span[1] > span[0]:
                self.reader.focus_on_display(span[0])
                self.reader.set_hits([span], 0)
        self.reader.setFocus()

    def export(self) -> None:
        """Ctrl+E: the export dialog."""
        self.export_dialog = ExportDialog(self, self.corpus)
        self.export_dialog.open()

    def show_error(self, text: str) -> None:
        """Tell the user about a failure, in the window (status bar and a message box)."""
        self.statusBar().showMessage(text)
        box = QMessageBox(QMessageBox.Icon.Warning, "حاشیه", text, QMessageBox.StandardButton.Ok, self)
        box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        box.open()
        self.last_error = text

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
                self.statusBar().showMessage("پرونده روی دیسک تغییر کرد؛ دوباره خوانده شد", 4000)

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
        try:
            self.reader.zoom_to(int(self.settings.value("reader/zoom", 0)))
        except (TypeError, ValueError):
            pass

    def remember(self) -> None:
        """Save the reading place of this folder and the text size."""
        if self.current_id:
            remember_place(self.settings, self.corpus, self.current_id, self.reader.verticalScrollBar().value())
        self.settings.setValue("reader/zoom", self.reader.zoom_steps())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
