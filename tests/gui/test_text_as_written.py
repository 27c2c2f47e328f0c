"""Article, note and tag text is shown as written everywhere: never read as markup (issue 15, point 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel

TITLE = "عنوان <b>bold</b> و &lt; و <img src=x onerror=alert(1)>"
BODY = "جملهٔ نخست با <b>bold</b> و <img src=x onerror=alert(1)> و &lt; در میانه است. جملهٔ دوم ساده است."


def shown(tip: str) -> str:
    """What a tooltip puts on the screen (Qt reads rich text the way a QTextDocument does)."""
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


@pytest.fixture
def marked(corpus: Path) -> Path:
    (corpus / "009_markup.txt").write_text(f"{TITLE}\nکد خبر: ۱۲۳\n\n{BODY}\n", "utf-8")
    return corpus


def labels_showing(widget, needle: str) -> list[QLabel]:
    return [lab for lab in widget.findChildren(QLabel) if needle in lab.text()]


def test_markup_in_an_article_is_shown_literally(qtbot, marked: Path, tmp_path: Path) -> None:
    from hashiye.gui.app import create_window, make_app
    from PySide6.QtCore import QSettings

    make_app([])
    win = create_window(marked, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    qtbot.waitUntil(lambda: win.pane.select("009_markup"))
    qtbot.waitUntil(lambda: win.current_id == "009_markup")
    # Header: the title reads as typed, and Qt would not take it for markup.
    assert win.header.title.textFormat() == Qt.TextFormat.PlainText
    title = win.context.record("009_markup").title  # as the listing reads it
    assert "<" in title
    assert shown(win.header.title.toolTip()) == title
    # The list's tooltip.
    idx = win.list_view.currentIndex()
    assert title in shown(idx.data(Qt.ItemDataRole.ToolTipRole))
    # Highlight the first body sentence and write a note with markup in it.
    win.reader.setFocus()
    qtbot.keyClick(win.reader, Qt.Key.Key_H)
    assert win.state.rows(), "the sentence was highlighted"
    qtbot.keyClick(win.reader, Qt.Key.Key_N)
    editor = win.note_editor
    assert editor is not None and editor.isVisible()
    assert editor.quote.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b>" in editor.quote.text() and "&lt;" in editor.quote.text()
    editor.edit.setPlainText("یادداشت <i>کج</i> &amp;")
    editor.accept()
    QApplication.processEvents()
    # The panel's tooltip shows quote and note as typed.
    tip = win.panel.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>bold</b>" in shown(tip) and "<i>کج</i> &amp;" in shown(tip)
    # The tag editor's quote as well.
    win.reader.setFocus()
    qtbot.keyClick(win.reader, Qt.Key.Key_T)
    tags = win.tag_editor
    assert tags is not None and tags.quote.textFormat() == Qt.TextFormat.PlainText
    assert "<img src=x onerror=alert(1)>" in tags.quote.text()
    tags.reject()
    # Every label of the window that shows these words would show them as typed.
    for lab in labels_showing(win, "<b>"):
        assert lab.textFormat() == Qt.TextFormat.PlainText, lab.objectName()
    # An error naming a note shows it as typed too.
    win.show_error("خطا در <b>bold</b>")
    box = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMessageBox"))
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
    win.close()
