"""Articles added to or removed from the folder shown are listed again on the runner: the window
stays usable meanwhile (a scraper adding articles to a 10,000-article folder stalled it up to 1.7 s
per article), and changes made while that listing runs are listed too."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hashiye.gui import context as context_module
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_window_behaviour import shown_ids

NEW = "عنوان تازه\n\nمتنی تازه که ابزار گردآوری در پوشه گذاشت.\n"


def test_a_folder_change_is_listed_off_the_ui_thread(qtbot, window, corpus: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    real = context_module.cached_listing
    gate, threads = threading.Event(), []

    def slow_listing(folder: Path, **kw: bool):  # the listing of a large folder, held until the gate opens
        threads.append(threading.current_thread())
        assert gate.wait(20)
        return real(folder, **kw)

    monkeypatch.setattr(context_module, "cached_listing", slow_listing)
    try:
        _change_while_listing(qtbot, window, corpus, gate, threads)
    finally:
        gate.set()  # no listing left waiting when the window closes


def _change_while_listing(qtbot, window, corpus: Path, gate: threading.Event, threads: list[threading.Thread]) -> None:
    before = shown_ids(window)
    article = window.current_id
    (corpus / "zz-new.txt").write_text(NEW, "utf-8")
    window.watch.check_disk()  # returns although the listing is not done
    assert window.context.listing_pending()
    qtbot.waitUntil(lambda: bool(threads), timeout=20000)
    assert threads[0] is not threading.main_thread()
    (corpus / "zz-newer.txt").write_text(NEW, "utf-8")  # one more while the first listing runs
    window.watch.check_disk()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_J)  # the list still answers keys
    QApplication.processEvents()
    assert shown_ids(window) == before and window.current_id != article
    gate.set()
    qtbot.waitUntil(lambda: not window.context.listing_pending(), timeout=20000)
    assert set(shown_ids(window)) == set(before) | {"zz-new", "zz-newer"}  # the second change listed too
    assert len(threads) == 2


def test_the_open_article_removed_and_put_back_while_listing_on_the_runner(qtbot, window, corpus: Path) -> None:
    article = window.current_id
    (corpus / f"{article}.txt").rename(corpus.parent / "away.txt")
    window.watch.check_disk()
    qtbot.waitUntil(lambda: window.header.warning.isVisible(), timeout=20000)
    assert window.current_id == article and window.reader.toPlainText().strip()
    (corpus.parent / "away.txt").rename(corpus / f"{article}.txt")
    window.watch.check_disk()
    qtbot.waitUntil(lambda: not window.header.warning.isVisible(), timeout=20000)
    assert article in shown_ids(window)
