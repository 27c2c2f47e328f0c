"""The window's dialogs: help, corpus search, annotation browser, export. Each is imported and made when
first asked for: none is needed to show the first article, and start-up is budgeted (DESIGN §8)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from .accessible import name_parts

if TYPE_CHECKING:
    from .annotation_browser import AnnotationBrowser
    from .export_dialog import ExportDialog
    from .main_window import MainWindow
    from .search_panel import SearchPanel


class Dialogs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # ends with its window
        self._window = weakref.ref(window)  # no cycle that keeps the window alive
        self.context = window.context
        self.search_panel: SearchPanel | None = None
        self.browser: AnnotationBrowser | None = None
        self.export_dialog: ExportDialog | None = None
        self.context.folderOpened.connect(self._folder_opened)

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None
        return window

    def _folder_opened(self, _path: object) -> None:
        """Another folder: the search panel of the last one closes (the next Ctrl+Shift+F makes a new one)."""
        if self.search_panel is not None:
            self.search_panel.close()
            self.search_panel = None

    def show_help(self) -> None:
        from .help import HelpDialog

        HelpDialog(self.window).open()

    def search_corpus(self) -> None:
        """Ctrl+Shift+F: the corpus search panel (index refreshed in the background)."""
        if self.search_panel is None:
            from .search_panel import SearchPanel

            self.search_panel = SearchPanel(self.window, self.context)
            self.search_panel.openHit.connect(lambda hit: self.window.open_article(hit.id, hit=hit))
            name_parts(self.search_panel)
        self.search_panel.present()

    def browse_annotations(self) -> None:
        """Ctrl+Shift+A: every annotation of the folder; Enter opens one in the reader."""
        from .annotation_browser import AnnotationBrowser

        self.browser = AnnotationBrowser(self.window, self.context)
        self.browser.openAnnotation.connect(lambda a, n: self.window.open_article(a, annotation_id=n))
        name_parts(self.browser)
        self.browser.show()
        self.browser.text.setFocus()

    def export(self) -> None:
        """Ctrl+E: the export dialog."""
        from .export_dialog import ExportDialog

        self.export_dialog = ExportDialog(self.window, self.context)
        name_parts(self.export_dialog)
        self.export_dialog.open()
