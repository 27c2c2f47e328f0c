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


def _large_copy(corpus: Path, monkeypatch: pytest.MonkeyPatch, window) -> Path:
    monkeypatch.setattr(type(window.context), "BACKGROUND_LISTING", 2)  # the five seeds count as a large folder
    other = corpus.parent / "other"
    other.mkdir()
    for f in corpus.glob("*.txt"):
        (other / f.name).write_bytes(f.read_bytes())
    return other


def test_a_large_folder_listed_before_is_listed_from_its_cache_on_the_runner(qtbot, window, corpus: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a large folder whose cache is current (a later start) no longer lists it on the UI
    thread before the window answers (10,000 articles: 2.4 s under load; 100,000: about 9 s)."""
    from hashiye.core.search.listing_cache import cache_is_current, cached_listing

    other = _large_copy(corpus, monkeypatch, window)
    expected = cached_listing(other, words=False)  # an earlier start, or the command line, listed it
    assert cache_is_current(other)
    real, threads = context_module.cached_listing, []

    def watched(folder: Path, **kw: bool):
        threads.append(threading.current_thread())
        return real(folder, **kw)

    monkeypatch.setattr(context_module, "cached_listing", watched)
    window.open_corpus(other)
    assert window.model.rowCount() == 0 and window.context.listing_pending()  # the window answers meanwhile
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=20000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert sorted(shown_ids(window)) == sorted(r.id for r in expected.articles)
    qtbot.waitUntil(lambda: window.current_id is not None, timeout=20000)  # an article is opened as before


def test_a_large_folder_whose_cache_another_version_wrote_is_read_as_a_new_one(qtbot, window, corpus: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """After an update of Hashiye every cache is out of date: the folder is read as a new one (the
    articles shown as they are read, on the runner), not re-parsed on the UI thread (10,000
    articles: 38 s), and its cache is current again afterwards."""
    import sqlite3

    from hashiye.core.search.listing_cache import cache_is_current, cached_listing
    from hashiye.core.search.search_index import index_path

    other = _large_copy(corpus, monkeypatch, window)
    cached_listing(other, words=False)
    with sqlite3.connect(index_path(other)) as db:
        db.execute("UPDATE meta SET value = 'an older parser' WHERE key = 'code'")
    assert not cache_is_current(other)
    partial: list[bool] = []
    window.context.listingChanged.connect(lambda listing: partial.append(listing.partial))
    window.open_corpus(other)
    assert window.model.rowCount() == 0
    qtbot.waitUntil(lambda: not window.context.listing_pending() and partial and not partial[-1], timeout=30000)
    assert partial[0], "the articles were shown as they were read"
    assert window.model.rowCount() == 5 and cache_is_current(other)


def test_another_folder_opened_while_the_first_is_being_listed_is_listed(qtbot, window, corpus: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The user opens another folder while the open one is listed again: the new folder is listed
    (its list stayed empty for good, «reading the folder…» never ending)."""
    other = corpus.parent / "other"
    other.mkdir()
    (other / "only.txt").write_bytes(sorted(corpus.glob("*.txt"))[0].read_bytes())
    real = context_module.cached_listing
    gate, started = threading.Event(), threading.Event()

    def slow(folder: Path, **kw: bool):
        if folder == corpus.resolve():
            started.set()
            assert gate.wait(20)
        return real(folder, **kw)

    monkeypatch.setattr(context_module, "cached_listing", slow)
    try:
        (corpus / "zz-new.txt").write_text(NEW, "utf-8")
        window.watch.check_disk()
        assert started.wait(10)
        window.open_corpus(other)
        gate.set()
        qtbot.waitUntil(lambda: shown_ids(window) == ["only"], timeout=20000)
        qtbot.waitUntil(lambda: not window.context.listing_pending(), timeout=20000)
        assert window.context.listing is not None and window.context.listing.corpus == other.resolve()
    finally:
        gate.set()


def test_a_large_folder_that_cannot_be_listed_says_so_and_is_not_left_reading(qtbot, window, corpus: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.core.corpus.records import CorpusError
    from hashiye.core.search.listing_cache import cached_listing

    other = _large_copy(corpus, monkeypatch, window)
    cached_listing(other, words=False)

    def failing(folder: Path, **kw: bool):
        raise CorpusError(f"cannot read folder {folder}: Permission denied")

    monkeypatch.setattr(context_module, "cached_listing", failing)
    messages: list[str] = []
    window.context.failed.connect(messages.append)
    window.open_corpus(other)
    qtbot.waitUntil(lambda: not window.context.listing_pending(), timeout=20000)
    assert window.context.listing is not None and window.model.rowCount() == 0
    assert any("Permission denied" in m for m in messages)
    assert not window.list_progress.isVisible()


def test_an_article_back_before_a_slow_listing_ends_is_not_left_gone(qtbot, window, corpus: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A sync tool removes the open article and puts it back while a listing runs that read the
    folder without it: the folder is listed once more, so the article is not left marked gone."""
    article = window.current_id
    real = context_module.cached_listing
    gate = threading.Event()

    def read_then_wait(folder: Path, **kw: bool):  # the folder as it was when the listing read it
        listing = real(folder, **kw)
        assert gate.wait(20)
        return listing

    monkeypatch.setattr(context_module, "cached_listing", read_then_wait)
    window.watch.watcher.blockSignals(True)  # only the checks below: no later change comes to the rescue
    try:
        (corpus / f"{article}.txt").rename(corpus.parent / "away.txt")
        window.watch.check_disk()
        qtbot.wait(300)  # the listing has read the folder without the article
        (corpus.parent / "away.txt").rename(corpus / f"{article}.txt")
        window.watch.check_disk()  # the names on disk are those shown again
        gate.set()
        qtbot.waitUntil(lambda: not window.context.listing_pending(), timeout=20000)
        qtbot.wait(200)
        assert not window.context.listing_pending()
        assert article in shown_ids(window) and not window.header.warning.isVisible()
    finally:
        gate.set()
