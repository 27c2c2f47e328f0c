"""Place (issue 15, point 6): Ctrl+U keeps the place both ways; every article remembers its own place;
the list marks read and unread articles, remembered outside the article folder."""

from __future__ import annotations

from pathlib import Path

from hashiye.gui.article_list import ReadRole
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from test_keyboard_flow import press

CTRL = Qt.KeyboardModifier.ControlModifier


def down(qtbot, window, times: int) -> None:
    for _ in range(times):
        press(qtbot, window.reader, Qt.Key.Key_Down)


def settle(qtbot) -> None:
    qtbot.wait(50)
    QApplication.processEvents()


def test_ctrl_u_keeps_the_place_both_ways(qtbot, window) -> None:
    press(qtbot, window.list_view, Qt.Key.Key_Return)
    down(qtbot, window, 12)
    settle(qtbot)
    focus = window.reader.focus_span()
    assert window.reader.verticalScrollBar().value() > 0, "the reader was scrolled down"
    text = window.session.article(window.current_id).source_text
    sentence = text[focus[0]:focus[1]]
    for _ in range(2):  # to the original view and back
        press(qtbot, window.reader, Qt.Key.Key_U, modifier=CTRL)
        settle(qtbot)
        now = window.reader.focus_span()
        assert now[0] <= focus[0] < now[1], (window.original, text[now[0]:now[1]], sentence)
        assert window.reader.verticalScrollBar().value() > 0, "not back at the top"
        top = window.reader.top_position()
        assert top <= focus[0], "the focused sentence is on the page"
    assert not window.original


def rows(window) -> dict[str, bool]:
    return {window.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).id: window.proxy.index(r, 0).data(ReadRole)
            for r in range(window.proxy.rowCount())}


def test_each_article_keeps_its_own_place_and_the_list_marks_what_was_read(qtbot, window, corpus: Path,
                                                                           tmp_path: Path, private_data: Path) -> None:
    before = sorted(p.name for p in corpus.iterdir())
    first = window.current_id
    read = rows(window)
    assert read[first] and sum(read.values()) == 1, "only the opened article is read"
    assert window.proxy.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("خوانده‌نشده")
    press(qtbot, window.list_view, Qt.Key.Key_Return)
    down(qtbot, window, 10)
    window.places.remember()
    place_a = window.reader.focus_span()
    press(qtbot, window.reader, Qt.Key.Key_J)  # the next article, at its start
    second = window.current_id
    assert second != first and window.reader.verticalScrollBar().value() == 0
    down(qtbot, window, 4)
    window.places.remember()
    place_b = window.reader.focus_span()
    press(qtbot, window.reader, Qt.Key.Key_K)  # back to the first: where it was left
    settle(qtbot)
    assert window.current_id == first and window.reader.focus_span() == place_a
    press(qtbot, window.reader, Qt.Key.Key_J)
    settle(qtbot)
    assert window.current_id == second and window.reader.focus_span() == place_b
    assert rows(window)[second]
    # A new window (the next start) knows both places and which articles were read.
    from hashiye.gui.app import create_window

    again = create_window(corpus, QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.proxy.rowCount() > 0)
    marks = rows(again)
    assert marks[first] and marks[second] and not all(marks.values())
    again.pane.select(first)
    settle(qtbot)
    assert again.current_id == first and again.reader.focus_span() == place_a
    again.close()
    # Nothing of it in the article folder; it is in the user data area.
    assert sorted(p.name for p in corpus.iterdir()) == before
    assert (private_data / "places.sqlite3").exists()


def test_places_written_by_one_window_are_seen_by_another_and_kept(tmp_path: Path) -> None:
    """Two windows (two connections to the one places file, written without an fsync per commit):
    what one marks read the other lists at once, and both survive closing."""
    from hashiye.gui.reading_places import ReadingPlaces

    db = tmp_path / "data" / "places.sqlite3"
    folder = tmp_path / "corpus"
    first, second = ReadingPlaces(db), ReadingPlaces(db)
    first.mark_read(folder, "a")
    second.save(folder, "b", 120, 340)
    assert second.read(folder) == {"a", "b"} and first.read(folder) == {"a", "b"}
    assert first.place(folder, "b") == (120, 340)
    first.close()
    second.close()
    again = ReadingPlaces(db)
    assert again.read(folder) == {"a", "b"} and again.place(folder, "b") == (120, 340)
    again.close()
