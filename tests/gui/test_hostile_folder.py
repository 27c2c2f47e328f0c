"""The window opens a folder of hostile files (issue 12, items 8, 10, 11, 12) and says what it set aside."""

from __future__ import annotations

import stat
from pathlib import Path

from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore
from hostile_cases import BAD_NAME, DAMAGED, GOOD, NESTED, PIPE, ZERO, deadline, make_hostile_folder
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

RecordRole = Qt.ItemDataRole.UserRole + 1


def open_window(qtbot, corpus: Path, settings_file: Path):
    """The real main window, made as tests/gui/conftest.py makes it, within a deadline (a hang fails)."""
    from hashiye.gui.app import create_window, make_app

    make_app([])
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    with deadline(60):
        win = create_window(corpus, settings)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    return win


def test_window_opens_a_hostile_folder_lists_the_articles_and_names_what_it_set_aside(qtbot, tmp_path: Path) -> None:
    corpus = make_hostile_folder(tmp_path / "corpus")
    QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).setValue("ui/language", "en")
    win = open_window(qtbot, corpus, tmp_path / "settings.ini")  # core's words, as the English interface shows them
    ids = {win.proxy.index(r, 0).data(RecordRole).id for r in range(win.proxy.rowCount())}
    assert ids == {NESTED, PIPE, ZERO, GOOD, DAMAGED}, "every article opens, damaged sidecars or not"
    assert win.problems_button.isVisible()
    problems = "\n".join(win.problems).replace("\u2068", "").replace("\u2069", "")  # names and reasons isolated
    assert f"{PIPE}.annotations.json is a named pipe" in problems
    assert f"{ZERO}.annotations.json is a device" in problems
    assert f"{NESTED}.annotations.json is nested 1000 levels deep" in problems
    assert "pipe.txt: is a named pipe" in problems and "zero.txt: is a device" in problems
    assert "huge.txt: is too large (2 GB; files over 16 MB are not read)" in problems
    assert BAD_NAME.decode("utf-8", "replace") + ": its file name is not valid UTF-8" in problems
    assert f"{DAMAGED}.txt: 4 bytes that are not valid UTF-8" in problems

    win.status.show_problems()
    box = next(w for w in win.findChildren(QMessageBox) if w.isVisible())
    assert f"{PIPE}.annotations.json" in box.detailedText()
    box.close()

    # the pipe's article: shown with a warning; the first highlight sets the pipe aside and is saved
    win._select(PIPE)
    qtbot.waitUntil(lambda: win.current_id == PIPE, timeout=5000)
    qtbot.waitUntil(lambda: win.header.warning.isVisible(), timeout=5000)
    assert "named pipe" in win.header.warning.text()
    win.reader.setFocus()
    with deadline(30):
        qtbot.keyClick(win.reader, Qt.Key.Key_H)
        qtbot.waitUntil(lambda: bool(list(corpus.glob(f"{PIPE}.annotations.corrupt-*.json"))), timeout=5000)
    kept = list(corpus.glob(f"{PIPE}.annotations.corrupt-*.json"))
    assert len(kept) == 1 and stat.S_ISFIFO(kept[0].lstat().st_mode), "kept aside (renamed), not deleted"
    saved = AnnotationStore(corpus).load(load_article(corpus / f"{PIPE}.txt")).anchored
    assert len(saved) == 1 and win.panel.model.rowCount() == 1
    win.close()

    # the next launch reopens the same folder
    again = open_window(qtbot, corpus, tmp_path / "settings.ini")
    assert again.proxy.rowCount() == 5
    again.close()
