"""The codebook in the window: its pane (Ctrl+Shift+B), quick apply of the recent codes (Alt+1 … Alt+9),
and the coder's name (Annotate ▸ Coder name…). The window only creates this and hands it its actions."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from .accessible import name_parts
from .coder import CoderDialog, coder_name
from .i18n import tr
from .quick_apply import RECENT_MAX, RecentCodes

if TYPE_CHECKING:
    from .codebook_pane import CodebookPane
    from .main_window import MainWindow


class CodebookFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = weakref.ref(window)
        self.context = window.context
        self.recent = RecentCodes(window.settings, self)
        self.pane: CodebookPane | None = None
        self.dock: QDockWidget | None = None
        self.coder_dialog: CoderDialog | None = None
        self.apply_actions: list[QAction] = []
        self.coder_action: QAction | None = None
        self.context.folderOpened.connect(self._folder_opened)
        if self.context.corpus is not None:  # a window remade for a folder already open
            self.recent.open_folder(self.context.corpus)
        window.annotator.codesUsed.connect(self.recent.used)
        self.recent.changed.connect(self.retranslate_ui)

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None
        return window

    def slots(self) -> dict[str, Callable[[], None]]:
        """The shortcut table's actions of this feature."""
        out: dict[str, Callable[[], None]] = {"toggle_codebook": self.toggle}
        for n in range(1, RECENT_MAX + 1):
            out[f"apply_code_{n}"] = (lambda k: lambda: self.apply_recent(k))(n)
        return out

    def install_menus(self, actions: dict[str, QAction]) -> None:
        """Annotate ▸ Recent codes (each with its key) and Annotate ▸ Coder name…"""
        menu = self.window.menus.menus["annotate"]
        menu.addSeparator()
        self.recent_menu = menu.addMenu("")
        self.apply_actions = [actions[f"apply_code_{n}"] for n in range(1, RECENT_MAX + 1)]
        for action in self.apply_actions:
            self.recent_menu.addAction(action)
        self.coder_action = menu.addAction("")
        self.coder_action.setObjectName("coderNameAction")
        self.coder_action.triggered.connect(self.ask_coder)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.coder_action is None:
            return
        self.recent_menu.setTitle(tr("کدهای اخیر"))
        self.coder_action.setText(tr("نام کدگذار…"))
        for n, action in enumerate(self.apply_actions, 1):
            code = self.recent.code(n)
            action.setText(tr("زدن کد «{code}»", code=code) if code else tr("کد اخیر {n} (هنوز نیست)", n=n))

    def _folder_opened(self, path: object) -> None:
        """Another folder: its recent codes; the pane of the last one closes (the next Ctrl+Shift+B makes one)."""
        self.recent.open_folder(self.context.folder)
        if self.dock is not None:
            self.window.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock, self.pane = None, None

    # --- the pane -----------------------------------------------------------------------------------
    def toggle(self) -> None:
        """Ctrl+Shift+B: show the codebook pane with the keyboard in it, or close it when it has the keyboard."""
        if self.dock is not None and self.dock.isVisible() and self.pane is not None \
                and self.pane.isAncestorOf(self.window.focusWidget()):
            self.dock.close()
            self.window.reader.setFocus()
            return
        if self.pane is None:
            from .codebook_pane import CodebookPane

            window = self.window
            self.pane = CodebookPane(window, self.context, self.recent)
            self.pane.codeActivated.connect(self.filter_list)
            self.pane.applyCode.connect(window.annotator.apply_code)
            self.pane.codeRenamed.connect(self.recent.renamed)
            self.pane.message.connect(window.statusBar().showMessage)
            name_parts(self.pane)
            self.dock = window.dialogs._dock("codebookDock", self.pane, window.dialogs.browser_dock)
        assert self.dock is not None
        self.dock.show()
        self.dock.raise_()
        self.pane.tree.setFocus()

    def filter_list(self, tag: str) -> None:
        """A code chosen in the pane: the article list shows the articles carrying it."""
        window = self.window
        filters = window.pane.filters
        row = filters.tag.findData(tag)
        if row < 0:
            window.statusBar().showMessage(tr("هیچ مقاله‌ای کد «{code}» را ندارد", code=tag), 5000)
            return
        window.pane.filters_button.setChecked(True)
        filters.tag.setCurrentIndex(row)
        window.pane.select_first()
        window.list_view.setFocus()
        window.statusBar().showMessage(tr("فهرست: مقاله‌های دارای کد «{code}»", code=tag), 5000)

    # --- quick apply ------------------------------------------------------------------------------
    def apply_recent(self, n: int) -> None:
        """Alt+n: recent code n on the highlight under focus (or a new highlight of the selection)."""
        code = self.recent.code(n)
        if code is None:
            self.window.statusBar().showMessage(
                tr("کد اخیری برای Alt+{n} نیست: کدی را با t یا از کدنامه (Ctrl+Shift+B) به برجسته‌سازی‌ای بزنید", n=n), 5000)
            return
        from hashiye.core.annotations.codebook import Codebook, CodebookError

        try:
            color = Codebook(self.context.folder).load().get(code)
        except CodebookError:
            color = None
        self.window.annotator.apply_code(code, color.color if color else "")

    # --- the coder ----------------------------------------------------------------------------------
    def ask_coder(self) -> None:
        """Annotate ▸ Coder name…: the name new annotations carry as their creator."""
        window = self.window
        self.coder_dialog = CoderDialog(window, window.settings)
        self.coder_dialog.accepted.connect(self._coder_set)
        name_parts(self.coder_dialog)
        self.coder_dialog.open()

    def _coder_set(self) -> None:
        name = coder_name(self.window.settings)
        self.window.statusBar().showMessage(
            tr("کدگذار: {name}", name=name) if name else tr("برجسته‌سازی‌های تازه بی‌نام کدگذار ذخیره می‌شوند"), 5000)
