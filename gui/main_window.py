"""The main window: article list (right), reader (centre), annotation panel (left).

The window only builds the parts and wires them to the application context; each part
follows the context's signals itself (see docs/architecture.md).
"""

from __future__ import annotations

from operator import attrgetter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from . import hidden_lines, i18n, shortcuts, themes
from .annotating import Annotator
from .analysis_docks import AnalysisDocks
from .annotation_panel import AnnotationPanel
from .codebook_window import CodebookFeature
from .colors import color_by_number
from .context import AppContext
from .dialogs import Dialogs
from .find_bar import FindBar
from .folder_watch import FolderWatch
from .i18n import direction, tr
from .list_pane import ListPane
from .menus import Menus
from .mouse import MouseAnnotation
from .reader import ReaderText
from .reader_header import ReaderHeader
from .reading import ReadingState
from .settings import HIGHLIGHT_STYLE_KEY, LANGUAGE_KEY, THEME_KEY, highlight_style, recent_folders
from .status import StatusParts
from .window_place import Places


def _alias(path: str) -> Any:
    """A read-only attribute that is a part's (`state.current_id`)."""
    return property(attrgetter(path))


class MainWindow(QMainWindow):
    """One corpus folder open for reading and annotating."""

    def __init__(self, corpus: Path, settings: QSettings, context: AppContext | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.context = context or AppContext(settings, self)  # a context given outlives this window
        self.setWindowTitle(tr("حاشیه"))
        self.pane = ListPane(self.context)
        self.header, self.reader, self.find_bar, self.panel = ReaderHeader(), ReaderText(), FindBar(), AnnotationPanel()
        self.state = ReadingState(self.context, self.reader, self.header, self.panel, self.find_bar, self)
        self.annotator = Annotator(self.state, self)
        self.watch = FolderWatch(self.context, self.state, self)
        self.status = StatusParts(self)
        self.places = Places(self)
        self.dialogs = Dialogs(self)
        self.codebook = CodebookFeature(self)
        self.analysis = AnalysisDocks(self)
        self.last_error = ""
        # Shortcuts of the tests and tools that drive the window.
        self.list_view, self.model, self.proxy = self.pane.list_view, self.pane.model, self.pane.proxy
        self.filter_edit, self.sort_box, self.filters = self.pane.filter_edit, self.pane.sort_box, self.pane.filters
        self.filters_button, self.undo_stack = self.pane.filters_button, self.context.undo_stack
        self.problems_button, self.list_progress = self.status.problems_button, self.status.list_progress
        self.show_article, self.annotation_under_focus = self.state.show_article, self.state.annotation_under_focus
        self._layout()
        self._wire()
        self.actions_by_id = self._actions()
        self.reader.highlight_style = highlight_style(settings)
        self.menus = Menus(self, self.actions_by_id, self.choose_theme, self.choose_language,
                           self.choose_highlight_style, self.reader.highlight_style)
        self.recent_menu = self.menus.recent_menu
        self.codebook.install_menus(self.actions_by_id)
        self.mouse = MouseAnnotation(self)
        hidden_lines.install_context_menu(self)
        self.open_corpus(corpus)
        self.places.restore_layout()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The window's own texts in the current language (its widgets re-set theirs themselves)."""
        self.setLayoutDirection(direction())
        title = self.windowTitle()
        self.setWindowTitle("")  # Qt adds the display name («— Hashiye») when a title is set: set it anew
        self.setWindowTitle(title)
        self.menus.retranslate_ui()
        self.codebook.retranslate_ui()  # after the menus: its recent-code actions name their codes
        self.status.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the parts' state, read-only, for tests and tools that drive the window -----------------
    current_id = _alias("state.current_id")
    current_ann_id = _alias("state.current_ann_id")
    original = _alias("state.original")
    show_hidden = _alias("state.show_hidden")
    session = _alias("context.session")
    corpus = _alias("context.folder")
    note_editor = _alias("annotator.note_editor")
    tag_editor = _alias("annotator.tag_editor")
    problems = _alias("status.problems")
    theme_actions = _alias("menus.theme_actions")
    search_panel = _alias("dialogs.search_panel")
    browser = _alias("dialogs.browser")
    export_dialog = _alias("dialogs.export_dialog")

    # --- building ------------------------------------------------------------------------------
    def _layout(self) -> None:
        centre = QWidget()
        centre.setObjectName("readerPane")
        c_lay = QVBoxLayout(centre)
        c_lay.setContentsMargins(0, 0, 0, 0)
        c_lay.setSpacing(0)
        c_lay.addWidget(self.header)
        c_lay.addWidget(self.find_bar)
        c_lay.addWidget(self.reader, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for part in (self.pane, centre, self.panel):
            self.splitter.addWidget(part)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.pane.setMinimumWidth(260)
        self.panel.setMinimumWidth(220)
        self.splitter.setSizes([330, 760, 300])
        self.setCentralWidget(self.splitter)

    def _wire(self) -> None:
        ctx, state = self.context, self.state
        self.pane.articleChosen.connect(state.show_article)
        self.pane.entered.connect(self.reader.setFocus)
        state.articleShown.connect(self.pane.article_shown)
        self.find_bar.hitsChanged.connect(self.reader.set_hits)
        self.find_bar.closed.connect(self.reader.setFocus)
        for source in (state, self.annotator, self.watch):
            source.message.connect(self.statusBar().showMessage)
        ctx.failed.connect(self.show_error)
        ctx.folderOpened.connect(self._folder_opened)
        if ctx.corpus is not None:  # a window remade for a folder already open (language switch): no signal comes
            self._folder_opened(ctx.corpus)
        ctx.listingChanged.connect(self._listed)
        ctx.listingProgress.connect(self.status.listing_progress)

    def _actions(self) -> dict[str, QAction]:
        state, ann, pane, dialogs = self.state, self.annotator, self.pane, self.dialogs
        slots = {
            "next_article": lambda: pane.step(1), "prev_article": lambda: pane.step(-1),
            "highlight": lambda: ann.highlight(state.color), "note": lambda: ann.edit_note(), "tags": ann.edit_tags,
            "next_highlight": lambda: state.step_highlight(1), "prev_highlight": lambda: state.step_highlight(-1),
            "delete": ann.delete_current, "undo": ann.undo, "redo": ann.redo,
            "find": state.find_in_article, "search_corpus": dialogs.search_corpus,
            "browse_annotations": dialogs.browse_annotations, "autocode": dialogs.code_all_hits,
            "agreement": self.analysis.show_agreement, "charts": self.analysis.show_charts,
            "focus_next": lambda: self.cycle_focus(1), "focus_prev": lambda: self.cycle_focus(-1),
            "caret_mode": self.toggle_caret_mode, "toggle_original": state.toggle_original,
            "toggle_hidden": lambda: hidden_lines.toggle(self),
            "mark_not_furniture": lambda: hidden_lines.mark(self, False),
            "mark_furniture": lambda: hidden_lines.mark(self, True),
            "zoom_in": lambda: self.places.zoom(1), "zoom_out": lambda: self.places.zoom(-1),
            "zoom_reset": lambda: self.places.zoom(0),
            "line_wider": lambda: self.places.step_line_width(1),
            "line_narrower": lambda: self.places.step_line_width(-1),
            "next_theme": lambda: self.choose_theme(themes.next_theme(themes.current().id)),
            "toggle_language": lambda: self.choose_language(i18n.next_language()),
            "open_folder": self.choose_folder, "export": dialogs.export, "help": dialogs.show_help, "quit": self.close,
        }
        for n in range(1, 6):
            slots[f"color_{n}"] = (lambda k: lambda: ann.highlight(color_by_number(k)))(n)
        slots.update(self.codebook.slots())
        return {sid: shortcuts.add_action(self, sid, slot) for sid, slot in slots.items()}

    # --- folder --------------------------------------------------------------------------------
    def open_corpus(self, corpus: Path) -> None:
        """Show a folder: list its articles (newest first) and open the last-read or first one."""
        if self.context.corpus is not None:
            self.places.remember()
        self.context.open_folder(corpus)

    def _folder_opened(self, path: Path) -> None:
        self.setWindowTitle(path.name)  # Qt adds " — Hashiye", the display name

    def _listed(self, listing: object) -> None:
        self.places.listed(listing)

    def _select(self, article_id: str) -> None:
        self.pane.select(article_id)

    def rebuild_recent_menu(self) -> None:
        self.menus.set_recent(recent_folders(self.settings), lambda f: self.open_corpus(Path(f)))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("باز کردن پوشهٔ مقاله‌ها"), str(self.corpus))
        if folder:
            self.open_corpus(Path(folder))

    # --- views, focus ---------------------------------------------------------------------------
    def choose_theme(self, theme_id: str) -> None:
        """Light, sepia or dark, for the window and the reader; remembered."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        bar = self.reader.verticalScrollBar().value()
        theme = themes.apply_theme(app, theme_id)
        self.settings.setValue(THEME_KEY, theme.id)
        self.menus.theme_actions[theme.id].setChecked(True)
        self.reader.restyle(bar)  # highlights in the new colours, same text size and place
        self.panel.view.viewport().update()
        self.statusBar().showMessage(tr("پوسته: {name}", name=tr(theme.label)), 3000)

    def choose_highlight_style(self, style: str) -> None:
        """Highlights as a light fill with a coloured underline, or as the underline alone; remembered."""
        self.reader.set_highlight_style(style)
        self.settings.setValue(HIGHLIGHT_STYLE_KEY, style)
        self.menus.style_actions[style].setChecked(True)

    def choose_language(self, lang: str) -> None:
        """Persian or another language: remembered, and every open window, pane and dialog re-sets its
        texts (Qt's `LanguageChange`); the window, the article, the place and the undo history stay."""
        if lang == i18n.language() or lang not in i18n.languages():
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.settings.setValue(LANGUAGE_KEY, lang)
        i18n.apply_language(app, lang)
        self.menus.language_actions[i18n.language()].setChecked(True)
        self.statusBar().showMessage(tr("زبان: {name}", name=i18n.languages()[i18n.language()]), 3000)

    def toggle_caret_mode(self) -> None:
        self.reader.set_caret_mode(not self.reader.caret_mode)
        self.reader.setFocus()
        self.statusBar().showMessage(tr("حالت مکان‌نما روشن است: با Shift و پیکان‌ها انتخاب کنید")
                                     if self.reader.caret_mode else tr("حالت مکان‌نما خاموش شد"), 4000)

    def _parts(self) -> dict[str, QWidget]:
        """The parts of the window that take the keyboard, in F6 order."""
        return {"list": self.list_view, "reader": self.reader, "panel": self.panel.view}

    def cycle_focus(self, step: int) -> None:
        """F6 / Shift+F6: list → reader → annotation panel."""
        order = list(self._parts().values())
        current = next((i for i, w in enumerate(order) if w.hasFocus()), -1)
        order[(current + step) % len(order)].setFocus()

    # --- dialogs ---------------------------------------------------------------------------------
    def open_article(self, article_id: str, annotation_id: str | None = None, hit: object = None) -> None:
        """Open an article (at one of its highlights, or at a search hit) with the keyboard in the reader."""
        self.pane.select(article_id)
        if self.state.current_id != article_id:
            self.state.show_article(article_id)
        if annotation_id is not None:
            self.state.jump_to_annotation(annotation_id)
            self.panel.select(annotation_id)
        if hit is not None:
            self.state.show_hit(hit)  # type: ignore[arg-type]
            if not self.reader._hits and not self.state.original:
                self.statusBar().showMessage(tr("این جا در سطرهایی است که نمای پاکیزه پنهان کرده است؛ "
                                                "Ctrl+Shift+H آن‌ها را نشان می‌دهد."), 8000)
        self.reader.setFocus()

    def show_error(self, text: str) -> None:
        """Tell the user about a failure, in the window (status bar and a message box; an open editor says it)."""
        self.statusBar().showMessage(text)
        self.last_error = text
        if any(e is not None and e.isVisible() for e in (self.annotator.note_editor, self.annotator.tag_editor)):
            return
        box = QMessageBox(QMessageBox.Icon.Warning, tr("حاشیه"), text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and notes as written, never markup
        box.setLayoutDirection(direction())
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.places.remember()
        self.places.save_layout()
        self.context.runner.cancel_all()
        super().closeEvent(event)

    def upgrade_display(self) -> None:
        self.state.upgrade_display()
