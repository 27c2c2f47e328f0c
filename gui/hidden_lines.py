"""Hidden lines in the reader: show what the clean view hid, faint and in place, and overrule it.

- `toggle(window)` (Ctrl+Shift+H, View menu) shows the lines the clean view hides, in their
  place, faint and in italics (the reader paints paragraphs of role "hidden" so); again hides
  them. The status bar says how many lines are hidden.
- `mark(window, furniture)` marks the line under the sentence focus or the mouse selection
  (Ctrl+Shift+N: not furniture, Ctrl+Shift+M: furniture, also in the reader's context menu)
  for every identical line of the folder (core.folder_rules), then shows the article again.

Highlights keep working on lines shown again: positions are file code points and the view
is built with the same offset map as the clean text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hashiye.core.corpus import folder_rules
from hashiye.core.corpus.article import Article
from hashiye.core.text.display import HEADING_ROLES, Display, build_display
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from .i18n import direction, tr

if TYPE_CHECKING:
    from .main_window import MainWindow


def view(show_hidden: bool, article: Article, clean: Display) -> Display:
    """The clean view, or (when hidden lines are shown) the clean view with them in place."""
    if not show_hidden:
        return clean
    headings = any(p.role in HEADING_ROLES for p in clean.paragraphs)  # kept when the header does not show them
    return build_display(article.source_text, article.parsed, normalized=clean.normalized, show_hidden=True,
                         headings=headings)


def hidden_count(window: MainWindow) -> int:
    """How many lines the clean view of the current article hides."""
    if not window.current_id:
        return 0
    try:
        return len(window.session.article(window.current_id).display().hidden)
    except (OSError, ValueError):
        return 0


def toggle(window: MainWindow) -> None:
    """Show or hide the lines the clean view hides."""
    state = window.state
    state.show_hidden = not state.show_hidden
    if state.current_id:  # the sentences change: the focus goes back to the first body sentence
        state.show_article(state.current_id)
    n = hidden_count(window)
    window.statusBar().showMessage(
        tr("{n} سطر پنهان، کم‌رنگ نشان داده شد", n=n) if state.show_hidden else tr("{n} سطر پنهان شد", n=n), 4000)


def _line_at(window: MainWindow) -> str | None:
    """The source line under the selection or the sentence focus."""
    if not window.current_id or window.original:
        return None
    span = window.reader.selection_span() or window.reader.focus_span()  # file positions
    if span is None:
        return None
    src = span[0]
    article = window.session.article(window.current_id)
    line = next((ln for ln in article.parsed.lines if ln.start <= src <= ln.end and ln.text.strip()), None)
    return article.source_text[line.start:line.end] if line else None


def mark(window: MainWindow, furniture: bool) -> None:
    """Mark the line under the focus as furniture / not furniture for the whole folder."""
    line = _line_at(window)
    if line is None or window.corpus is None:
        window.statusBar().showMessage(tr("سطری برای علامت‌گذاری نیست"), 3000)
        return
    try:
        folder_rules.mark_line(window.corpus, line, furniture)
    except OSError as exc:
        window.show_error(tr("علامت ذخیره نشد: {why}", why=exc.strerror or str(exc)))
        return
    window.session.forget_all_texts()
    assert window.current_id is not None
    window.state.show_article(window.current_id, keep_focus=True)
    window.statusBar().showMessage(tr("در همهٔ مقاله‌های پوشه زائد شمرده می‌شود") if furniture
                                   else tr("در همهٔ مقاله‌های پوشه نشان داده می‌شود"), 4000)


def install_context_menu(window: MainWindow) -> None:
    """Reader context menu: a highlight's entries when on one, the usual entries, show hidden lines and the two marks."""
    reader = window.reader
    reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def open_menu(pos: QPoint) -> None:
        menu = context_menu(window, pos)
        menu.exec(reader.mapToGlobal(pos))
        menu.deleteLater()

    reader.customContextMenuRequested.connect(open_menu)


def context_menu(window: MainWindow, pos: QPoint) -> QMenu:
    """The reader's context menu at a point of its viewport, laid out in the interface's direction
    (the reader itself is right to left in either language; an English menu reads left to right)."""
    reader = window.reader
    menu: QMenu = reader.createStandardContextMenu(pos)
    menu.setLayoutDirection(direction())
    under = window.mouse.highlight_at(pos)  # on a highlight: its entries first (gui/mouse.py)
    if under is not None:
        window.mouse.add_highlight_entries(menu, under)
    menu.addSeparator()
    for action_id in ("toggle_hidden", "mark_not_furniture", "mark_furniture"):
        menu.addAction(window.actions_by_id[action_id])
    return menu
