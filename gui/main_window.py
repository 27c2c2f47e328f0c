"""The main window: article list (right), reader (centre), annotation panel (left)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hashiye.core.annotations import Anchored
from hashiye.core.article import Article
from hashiye.core.display import Display, without_headings
from hashiye.core.normalize import hazm_loaded
from hashiye.core.original import build_original
from hashiye.core.search import Hit
from hashiye.core.textio import UnreadableArticle
from PySide6.QtCore import QFileSystemWatcher, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import hidden_lines, i18n, shortcuts, themes
from .annotation_panel import AnnotationPanel
from .article_list import ArticleDelegate, ArticleFilterProxy, ArticleListModel
from .background import BackgroundJob
from .colors import COLORS, color_by_number
from .find_bar import FindBar
from .i18n import direction, tr
from .list_filters import ListFilters
from .reader import Mark, ReaderHeader, ReaderText
from .session import AnnotationSession
from .settings import LANGUAGE_KEY, THEME_KEY, recent_folders
from .views import on_enter
from .window_annotating import AnnotatingMixin
from .window_folder import FolderMixin

if TYPE_CHECKING:
    from .search_panel import SearchPanel
# The dialogs (help, search, annotation browser, export) are imported when first opened:
# they are not needed to show the first article, and start-up is budgeted (DESIGN §8).


class MainWindow(FolderMixin, AnnotatingMixin, QMainWindow):
    """One corpus folder open for reading and annotating."""

    articleShown = Signal(str)
    languageChosen = Signal(str)  # the window should be made again in this language

    def __init__(self, corpus: Path, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle(tr("حاشیه"))
        self.setLayoutDirection(direction())
        self.undo_stack = QUndoStack(self)
        self.current_id: str | None = None
        self.current_ann_id: str | None = None
        self.color = COLORS[0]
        self.original = False
        self.show_hidden = False  # the reader also shows the lines the clean view hides (gui/hidden_lines.py)
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
        hidden_lines.install_context_menu(self)
        self.open_corpus(corpus)
        self._restore_layout()
        # The place is saved a moment after each move, so a crash or a kill loses at most that moment.
        self._place_timer = QTimer(self, singleShot=True, interval=1000)
        self._place_timer.timeout.connect(self.remember)
        self.reader.verticalScrollBar().valueChanged.connect(lambda _v: self._place_timer.start())
        self.reader.focusMoved.connect(self._place_timer.start)
        self.articleShown.connect(lambda _id: self._place_timer.start())

    # --- building ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setPlaceholderText(tr("پالایش فهرست…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("sort")
        for label, key in ((tr("تازه‌ترین"), "date"), (tr("عنوان"), "title"), (tr("منبع"), "source")):
            self.sort_box.addItem(label, key)
        self.model = ArticleListModel()
        self.proxy = ArticleFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.list_view = QListView()
        self.list_view.setObjectName("articleList")
        self.list_view.setAccessibleName(tr("فهرست مقاله‌ها"))
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(ArticleDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.filters = ListFilters(self.filter_edit.text)
        self.filters.changed.connect(self.proxy.set_filter)
        self.filter_edit.textChanged.connect(lambda _t: self.filters.emit_filter())
        self.filters_button = QToolButton()
        self.filters_button.setObjectName("filtersButton")
        self.filters_button.setText(tr("پالایه‌ها"))
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
        self.statusBar().setLayoutDirection(direction())
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
            "toggle_hidden": lambda: hidden_lines.toggle(self),
            "mark_not_furniture": lambda: hidden_lines.mark(self, False),
            "mark_furniture": lambda: hidden_lines.mark(self, True),
            "zoom_in": lambda: self.zoom(1),
            "zoom_out": lambda: self.zoom(-1),
            "zoom_reset": lambda: self.zoom(0),
            "line_wider": lambda: self.step_line_width(1),
            "line_narrower": lambda: self.step_line_width(-1),
            "next_theme": lambda: self.choose_theme(themes.next_theme(themes.current().id)),
            "toggle_language": lambda: self.choose_language("en" if i18n.language() == "fa" else "fa"),
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
            tr("پرونده"): ["open_folder", None, "export", None, "quit"],
            tr("نما"): ["toggle_original", "toggle_hidden", "mark_not_furniture", "mark_furniture", "caret_mode", None, "zoom_in", "zoom_out", "zoom_reset", None,
                        "line_wider", "line_narrower", None, "next_theme", "toggle_language"],
            tr("رفتن"): ["next_article", "prev_article", None, "next_highlight", "prev_highlight", None,
                     "find", "search_corpus", "browse_annotations", None, "focus_next", "focus_prev"],
            tr("یادداشت‌گذاری"): ["highlight", "color_1", "color_2", "color_3", "color_4", "color_5", None,
                        "note", "tags", "delete", None, "undo", "redo"],
            tr("راهنما"): ["help"],
        }
        for title, ids in menus.items():
            menu = bar.addMenu(title)
            for action_id in ids:
                if action_id is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[action_id])
            if title == tr("پرونده"):
                self.recent_menu = menu.addMenu(tr("پوشه‌های اخیر"))
                menu.insertMenu(menu.actions()[1], self.recent_menu)
            if title == tr("نما"):
                self._add_choice_menus(menu)

    def _add_choice_menus(self, menu: QMenu) -> None:
        """Theme and language as radio choices (the shortcuts cycle through them)."""
        self.theme_actions: dict[str, QAction] = {}
        self.language_actions: dict[str, QAction] = {}
        for title, choices, chosen, table, slot in (
            (tr("پوسته"), {t.id: tr(t.label) for t in themes.THEMES.values()}, themes.current().id,
             self.theme_actions, self.choose_theme),
            (tr("زبان"), i18n.LANGUAGES, i18n.language(), self.language_actions, self.choose_language),
        ):
            sub = menu.addMenu(title)
            group = QActionGroup(sub)
            for key, label in choices.items():
                action = sub.addAction(label)
                action.setCheckable(True)
                action.setChecked(key == chosen)
                action.triggered.connect(lambda _c=False, k=key, f=slot: f(k))
                group.addAction(action)
                table[key] = action

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        for folder in recent_folders(self.settings):
            action = self.recent_menu.addAction(folder)
            action.triggered.connect(lambda _c=False, f=folder: self.open_corpus(Path(f)))

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
            hidden_lines.view(self, article, without_headings(self._clean_view(article)))
        rec = self.model.record(self.model.row_of(article_id)) if self.model.row_of(article_id) >= 0 else {
            "id": article_id, "title": article.title}
        self.header.show_record(rec, self.original)
        self.header.show_warning("\n".join(state.warnings))
        self.reader.show_text(self._display, self._marks(state.anchored), keep_focus=keep_focus)
        hidden_lines.style(self.reader, self._display)
        self.find_bar.set_text(self._display.text)
        self.panel.set_rows(state.anchored, self.current_ann_id)
        self.model.update_count(article_id, len(state.anchored))
        self._remember_stamp(article_id)
        self.watcher.addPath(str(article.path))
        self.articleShown.emit(article_id)

    SYNC_NORMALISE = 100_000  # characters: a longer article is normalised on a worker

    def _clean_view(self, article: Article) -> Display:
        """The clean text: hazm's level if at hand or quick to make, else the quick level for now."""
        if article.normalized_ready() or not hazm_loaded() or len(article.source_text) <= self.SYNC_NORMALISE:
            return article.display()
        job = BackgroundJob(lambda: article.display(normalized=True), self)
        job.finished.connect(lambda _d: self.upgrade_display() if self.current_id == article.id else None)
        job.failed.connect(self.show_error)
        self._normalise_job = job
        job.start()
        return article.display(normalized=False)

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
        rows = self.session.state(article_id).anchored
        self.filters.article_tags(article_id, {t for a in rows for t in a.annotation.tags})
        if article_id == self.current_id:
            self._refresh_annotations()
        else:
            self.model.update_count(article_id, len(rows))

    def _focus_moved(self) -> None:
        self.current_ann_id = None
        under = self.annotation_under_focus()
        self.panel.select(under.annotation.id if under else None)

    # --- views, focus, dialogs ------------------------------------------------------------
    def choose_theme(self, theme_id: str) -> None:
        """Light, sepia or dark, for the window and the reader; remembered."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        bar = self.reader.verticalScrollBar().value()
        theme = themes.apply_theme(app, theme_id)
        self.settings.setValue(THEME_KEY, theme.id)
        self.theme_actions[theme.id].setChecked(True)
        self.reader.restyle(bar)  # highlights in the new colours, same text size and place
        if self._display is not None:
            hidden_lines.style(self.reader, self._display)
        self.panel.view.viewport().update()
        self.statusBar().showMessage(tr("پوسته: {name}", name=tr(theme.label)), 3000)

    def choose_language(self, lang: str) -> None:
        """Persian or English: remembered, and the window is made again in that language."""
        if lang == i18n.language() or lang not in i18n.LANGUAGES:
            return
        self.settings.setValue(LANGUAGE_KEY, lang)
        self.languageChosen.emit(lang)

    def zoom(self, step: int) -> None:
        """Ctrl+= / Ctrl+- / Ctrl+0: text size (remembered)."""
        self.reader.zoom(step)
        self._place_timer.start()

    def step_line_width(self, step: int) -> None:
        self.reader.step_line_width(step)
        self._place_timer.start()
        chars = self.reader.line_width()
        self.statusBar().showMessage(tr("{n} نویسه در هر سطر", n=chars) if chars else tr("سطرها به پهنای صفحه"), 3000)

    def toggle_original(self) -> None:
        self.original = not self.original
        if self.current_id:
            self.show_article(self.current_id)

    def toggle_caret_mode(self) -> None:
        self.reader.set_caret_mode(not self.reader.caret_mode)
        self.reader.setFocus()
        self.statusBar().showMessage(tr("حالت مکان‌نما روشن است: با Shift و پیکان‌ها انتخاب کنید")
                                     if self.reader.caret_mode else tr("حالت مکان‌نما خاموش شد"), 4000)

    def _parts(self) -> dict[str, QWidget]:
        """The parts of the window that take the keyboard, in F6 order."""
        return {"list": self.list_view, "reader": self.reader, "panel": self.panel.view}

    def focused_part(self) -> str:
        """Which part of the window has the keyboard: "list", "reader" or "panel"."""
        return next((name for name, w in self._parts().items() if w is self.focusWidget()), "list")

    def focus_part(self, name: str) -> None:
        parts = self._parts()
        parts.get(name, parts["list"]).setFocus()

    def cycle_focus(self, step: int) -> None:
        """F6 / Shift+F6: list → reader → annotation panel."""
        order = list(self._parts().values())
        current = next((i for i, w in enumerate(order) if w.hasFocus()), -1)
        order[(current + step) % len(order)].setFocus()

    def show_help(self) -> None:
        from .help import HelpDialog

        HelpDialog(self).open()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("باز کردن پوشهٔ مقاله‌ها"), str(self.corpus))
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
            from .search_panel import SearchPanel

            panel = self.search_panel = SearchPanel(self, self.corpus, titles)
            panel.openHit.connect(self.open_hit)
        panel.show()
        panel.raise_()
        panel.activateWindow()
        panel.query.setFocus()
        panel.query.selectAll()

    def browse_annotations(self) -> None:
        """Ctrl+Shift+A: every annotation of the folder; Enter opens one in the reader."""
        from .annotation_browser import AnnotationBrowser

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
        from .export_dialog import ExportDialog

        self.export_dialog = ExportDialog(self, self.corpus)
        self.export_dialog.open()

    def show_error(self, text: str) -> None:
        """Tell the user about a failure, in the window (status bar and a message box)."""
        self.statusBar().showMessage(text)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("حاشیه"), text, QMessageBox.StandardButton.Ok, self)
        box.setLayoutDirection(direction())
        box.open()
        self.last_error = text

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
