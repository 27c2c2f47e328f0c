"""The window's dialogs and panes: help and export (dialogs); corpus search and the annotation browser
(panes docked below the reader, never over the text; the user may move or float them). Each is imported
and made when first asked for: none is needed to show the first article, and start-up is budgeted (DESIGN §8)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QWidget

from .accessible import name_parts
from .i18n import tr

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
        self.search_dock: QDockWidget | None = None
        self.browser_dock: QDockWidget | None = None
        self.context.folderOpened.connect(self._folder_opened)

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None
        return window

    def _folder_opened(self, _path: object) -> None:
        """Another folder: the search pane of the last one closes (the next Ctrl+Shift+F makes a new one)."""
        if self.search_panel is not None:
            self.search_panel.stop()
            self.search_panel = None
        if self.search_dock is not None:
            self.window.removeDockWidget(self.search_dock)
            self.search_dock.deleteLater()
            self.search_dock = None

    def _dock(self, name: str, content: QWidget, beside: QDockWidget | None) -> QDockWidget:
        """A pane below the reader (tabbed with `beside` if that is open) that the user may move or float;
        where the user last put it (side, or floating and where) is remembered. Esc gives the reader
        the keyboard back and closes the pane."""
        window, settings = self.window, self.window.settings
        dock = QDockWidget(content.windowTitle(), window)
        content.windowTitleChanged.connect(dock.setWindowTitle)  # a language change renames the pane
        dock.setObjectName(name)
        dock.setWidget(content)
        sides = Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea \
            | Qt.DockWidgetArea.RightDockWidgetArea
        dock.setAllowedAreas(sides)
        try:
            area = Qt.DockWidgetArea(int(str(settings.value(f"panes/{name}/area", 0))))
        except ValueError:
            area = Qt.DockWidgetArea.BottomDockWidgetArea
        if area not in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea):
            area = Qt.DockWidgetArea.BottomDockWidgetArea
        window.addDockWidget(area, dock)
        if beside is not None and beside.isVisible() and not beside.isFloating() \
                and window.dockWidgetArea(beside) == area:
            window.tabifyDockWidget(beside, dock)
        if area == Qt.DockWidgetArea.BottomDockWidgetArea:
            window.resizeDocks([dock], [max(220, window.height() // 3)], Qt.Orientation.Vertical)
        geometry = settings.value(f"panes/{name}/floating")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            dock.setFloating(True)
            dock.restoreGeometry(geometry)
        dock.dockLocationChanged.connect(lambda where: settings.setValue(f"panes/{name}/area", int(where.value)))
        dock.topLevelChanged.connect(
            lambda floating: settings.setValue(f"panes/{name}/floating", dock.saveGeometry() if floating else ""))
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), dock, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(lambda: (dock.close(), window.reader.setFocus()))
        return dock

    def show_help(self) -> None:
        from .help import HelpDialog

        HelpDialog(self.window).open()

    def search_corpus(self) -> None:
        """Ctrl+Shift+F: the corpus search panel (index refreshed in the background)."""
        if self.search_panel is None:
            from .search_panel import SearchPanel

            self.search_panel = SearchPanel(self.window, self.context)
            self.search_panel.openHit.connect(lambda hit: self.window.open_article(hit.id, hit=hit))
            self.search_panel.queryRun.connect(self.window.state.forget_hit)
            self.search_panel.message.connect(self.window.statusBar().showMessage)
            name_parts(self.search_panel)
            self.search_dock = self._dock("searchDock", self.search_panel, self.browser_dock)
        assert self.search_dock is not None
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.present()

    def code_all_hits(self) -> None:
        """Annotate ▸ Code all hits…: the search pane's query, or the pane to type one."""
        had = self.search_panel is not None
        self.search_corpus()
        if had and self.search_panel is not None and self.search_panel.code_all.isEnabled():
            self.search_panel.code_all_hits()
        elif self.search_panel is not None:
            self.search_panel.message.emit(tr("چیزی بجویید، سپس «کدگذاری همهٔ یافته‌ها…» را بزنید."), 6000)

    def browse_annotations(self) -> None:
        """Ctrl+Shift+A: every annotation of the folder; Enter opens one in the reader."""
        from .annotation_browser import AnnotationBrowser

        if self.browser_dock is not None:
            self.window.removeDockWidget(self.browser_dock)
            self.browser_dock.deleteLater()
        self.browser = AnnotationBrowser(self.window, self.context)
        self.browser.openAnnotation.connect(lambda a, n: self.window.open_article(a, annotation_id=n))
        name_parts(self.browser)
        self.browser_dock = self._dock("browserDock", self.browser, self.search_dock)
        self.browser_dock.show()
        self.browser_dock.raise_()
        self.browser.text.setFocus()

    def export(self) -> None:
        """Ctrl+E: the export dialog."""
        from .export_dialog import ExportDialog

        self.export_dialog = ExportDialog(self.window, self.context)
        name_parts(self.export_dialog)
        self.export_dialog.open()
