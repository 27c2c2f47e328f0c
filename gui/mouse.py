"""Annotating with the mouse: the selection bar and the highlight entries of the context menus.

- A mouse selection in the reader snaps to whole words (the reader does it; caret mode, F7, stays
  exact) and a small bar beside it offers the five colours, a note and tags, as Zotero's reader,
  calibre's viewer and Readwise do. The bar never takes the keyboard from the reader.
- Right-click on a highlight in the reader (the one menu of gui/hidden_lines.py, extended here)
  or on a row of the annotation panel: the five colours, note, tags, copy the quote, delete.

Every change goes through the Annotator, so through the undo stack, like the keys.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from hashiye.core.annotations.model import COLORS
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QPainter, QPixmap, QTextCursor
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QMenu, QToolButton, QWidget

from .annotation_panel import AnchoredRole
from .colors import color_label, highlight_color, mark_color
from .i18n import direction, tr

if TYPE_CHECKING:
    from .main_window import MainWindow


def swatch(name: str, size: int = 16) -> QIcon:
    """A small square of a highlight colour: its light fill inside its mark colour."""
    pix = QPixmap(size, size)
    pix.fill(mark_color(name))
    inner = QPixmap(size - 6, size - 6)
    inner.fill(highlight_color(name))
    painter = QPainter(pix)
    painter.drawPixmap(3, 3, inner)
    painter.end()
    return QIcon(pix)


class SelectionBar(QFrame):
    """Five colours, note and tags, beside the mouse selection (a child of the reader's page)."""

    def __init__(self, parent: QWidget, act: Callable[[str, str | None], None]) -> None:
        super().__init__(parent)
        self.setObjectName("selectionBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 3, 4, 3)
        lay.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for name in COLORS:
            self.buttons[name] = self._button(lay, "", color_label(name), act, "color", name)
            self.buttons[name].setIconSize(QSize(18, 18))
        self.buttons["note"] = self._button(lay, "✎ " + tr("یادداشت"), tr("یادداشت"), act, "note", None)
        self.buttons["tags"] = self._button(lay, "# " + tr("برچسب"), tr("برچسب"), act, "tags", None)
        self.restyle()
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(tr("نوار برجسته‌سازی انتخاب"))
        self.setLayoutDirection(direction())  # the colours first, on the reading side
        for name in COLORS:
            self.buttons[name].setToolTip(color_label(name))
            self.buttons[name].setAccessibleName(color_label(name))
        for kind, mark, label in (("note", "✎ ", tr("یادداشت")), ("tags", "# ", tr("برچسب"))):
            self.buttons[kind].setText(mark + label)
            self.buttons[kind].setToolTip(label)
            self.buttons[kind].setAccessibleName(label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _button(self, lay: QHBoxLayout, text: str, name: str, act: Callable[[str, str | None], None],
                kind: str, color: str | None) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the reader keeps the keyboard
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: act(kind, color))
        lay.addWidget(button)
        return button

    def restyle(self) -> None:
        """Swatches in the current theme's colours."""
        for name in COLORS:
            self.buttons[name].setIcon(swatch(name))

    def show_at(self, around: QPoint, top: int, bottom: int) -> None:
        """Show above the selection (below it when there is no room), inside the page."""
        self.adjustSize()
        page = self.parentWidget()
        assert page is not None
        x = max(0, min(around.x() - self.width() // 2, page.width() - self.width()))
        y = top - self.height() - 6
        if y < 0:
            y = min(bottom + 6, page.height() - self.height())
        self.move(x, y)
        self.show()
        self.raise_()


class MouseAnnotation(QObject):
    """The selection bar of the window's reader and the highlight entries of its context menus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = weakref.ref(window)
        reader = window.reader
        self._bar: SelectionBar | None = None  # made at the first mouse selection (10 ms off the start-up)
        reader.selectionMade.connect(self._selection_made)
        reader.selectionChanged.connect(self._selection_changed)
        reader.verticalScrollBar().valueChanged.connect(lambda _v: self._hide_bar())
        window.state.articleShown.connect(lambda _id: self._hide_bar())
        panel = window.panel.view
        panel.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        panel.customContextMenuRequested.connect(self._panel_menu)

    @property
    def bar(self) -> SelectionBar:
        if self._bar is None:
            self._bar = SelectionBar(self.window.reader.viewport(), self._bar_action)
        return self._bar

    def _hide_bar(self) -> None:
        if self._bar is not None:
            self._bar.hide()

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None
        return window

    # --- the selection bar -------------------------------------------------------------------
    def _selection_made(self) -> None:
        window = self.window
        c = window.reader.textCursor()
        if not c.hasSelection() or not window.state.current_id or window.state.gone:
            self._hide_bar()
            return
        a, b = QTextCursor(c), QTextCursor(c)
        a.setPosition(c.selectionStart())
        b.setPosition(c.selectionEnd())
        rect = window.reader.cursorRect(a).united(window.reader.cursorRect(b))
        self.bar.restyle()
        self.bar.show_at(rect.center(), rect.top(), rect.bottom())

    def _selection_changed(self) -> None:
        if not self.window.reader.textCursor().hasSelection():
            self._hide_bar()

    def _bar_action(self, kind: str, color: str | None) -> None:
        """A colour: highlight the selection in it; note or tags: highlight it, then open the editor
        (cancelled with nothing typed, the highlight made for it goes again: no empty highlight left)."""
        window = self.window
        annotator, stack = window.annotator, window.context.undo_stack
        self.bar.hide()
        made = None
        if window.reader.selection_span() is not None:
            annotator.highlight(color or window.state.color)
            made = (stack.index(), window.state.current_ann_id)
        if kind in ("note", "tags"):
            if kind == "note":
                annotator.edit_note()
            else:
                annotator.edit_tags()
            editor = annotator.note_editor if kind == "note" else annotator.tag_editor
            if made is not None and editor is not None:
                editor.rejected.connect(lambda: self._drop_if_untouched(*made))
        window.reader.setFocus()

    def _drop_if_untouched(self, index: int, annotation_id: str | None) -> None:
        """Undo the highlight made for a cancelled editor, if nothing was done since."""
        window = self.window
        row = next((a for a in window.state.rows() if a.annotation.id == annotation_id), None)
        if (window.context.undo_stack.index() == index and row is not None
                and not row.annotation.note and not row.annotation.tags):
            window.context.undo_stack.undo()

    # --- context menus -----------------------------------------------------------------------
    def add_highlight_entries(self, menu: QMenu, annotation_id: str) -> None:
        """Colours, note, tags, copy quote, delete for one highlight, first in `menu`."""
        row = next((a for a in self.window.state.rows() if a.annotation.id == annotation_id), None)
        if row is None:
            return
        ann = row.annotation
        first = menu.actions()[0] if menu.actions() else None
        entries: list[QAction] = []
        for name in COLORS:
            action = QAction(swatch(name), color_label(name), menu)
            action.setCheckable(True)
            action.setChecked(name == ann.color)
            action.triggered.connect(lambda _c=False, n=name: self._on(annotation_id, "color", n))
            entries.append(action)
        for kind, label in (("note", tr("یادداشت…")), ("tags", tr("برچسب‌ها…")),
                            ("copy", tr("رونوشت نقل‌قول")), ("delete", tr("حذف برجسته‌سازی"))):
            action = QAction(label, menu)
            action.setObjectName(f"highlight_{kind}")
            action.triggered.connect(lambda _c=False, k=kind: self._on(annotation_id, k, None))
            entries.append(action)
        separator = QAction(menu)
        separator.setSeparator(True)
        entries.append(separator)
        if first is not None:
            menu.insertActions(first, entries)
        else:
            menu.addActions(entries)

    def highlight_at(self, point: QPoint) -> str | None:
        """The id of the highlight under a point of the reader's page, if any."""
        position = self.window.reader.position_at(point)
        if position is None:
            return None
        under = [a for a in self.window.state.rows()
                 if a.start is not None and a.end is not None and a.start <= position <= a.end]
        under.sort(key=lambda a: (a.end or 0) - (a.start or 0))  # the innermost of nested highlights
        return under[0].annotation.id if under else None

    def _on(self, annotation_id: str, kind: str, color: str | None) -> None:
        """Do one menu entry to a highlight: it becomes the chosen one, then the usual action runs."""
        window = self.window
        state, annotator = window.state, window.annotator
        row = next((a for a in state.rows() if a.annotation.id == annotation_id), None)
        if row is None:
            return
        if kind == "copy":
            QApplication.clipboard().setText(row.annotation.exact)
            window.statusBar().showMessage(tr("نقل‌قول رونوشت شد"), 3000)
            return
        window.reader.clear_selection()
        state.jump_to_annotation(annotation_id)
        if kind == "color" and color is not None:
            annotator.highlight(color)
        elif kind == "note":
            annotator.edit_note()
        elif kind == "tags":
            annotator.edit_tags()
        elif kind == "delete":
            annotator.delete_current()

    def panel_menu(self, point: QPoint) -> QMenu | None:
        """The menu of the panel row at a point of its list (None off the rows)."""
        view = self.window.panel.view
        index = view.indexAt(point)
        if not index.isValid():
            return None
        menu = QMenu(view)
        self.add_highlight_entries(menu, index.data(AnchoredRole).annotation.id)
        return menu

    def _panel_menu(self, point: QPoint) -> None:
        menu = self.panel_menu(point)
        if menu is not None:
            menu.exec(self.window.panel.view.viewport().mapToGlobal(point))
            menu.deleteLater()

