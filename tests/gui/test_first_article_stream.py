"""A large new folder: its first article is listed and shown after one file is read, before the folder is sorted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


def test_the_first_listing_of_a_new_folder_holds_its_first_file(qtbot, window, corpus: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.core.corpus import corpus as core_corpus

    monkeypatch.setattr(type(window.context), "BACKGROUND_LISTING", 2)
    monkeypatch.setattr(core_corpus, "CHUNK", 4)
    other = corpus.parent / "other"
    other.mkdir()
    for i in reversed(range(6)):  # made in reverse name order: the folder's order is not the name order
        for f in sorted(corpus.glob("*.txt")):
            shutil.copy(f, other / f"{i:02d}_{f.name}")
    (other / "README.txt").write_text("not an article", "utf-8")
    (other / ".hidden.txt").write_text("not an article", "utf-8")
    (other / "000.txt").mkdir()  # a folder with an article's name is not one
    listings: list[tuple[bool, list[str]]] = []
    window.context.listingChanged.connect(
        lambda listing: listings.append((listing.partial, [a.file for a in listing.articles])))
    window.open_corpus(other)
    qtbot.waitUntil(lambda: bool(listings) and not listings[-1][0], timeout=60000)
    qtbot.waitUntil(lambda: len(window.context.runner.running) == 0, timeout=10000)
    first = min(p.name for p in other.glob("[0-9]*.txt") if p.is_file())
    assert listings[0] == (True, [first]), "the first listing is the first article by name, alone"
    assert window.current_id is not None
    assert sorted(listings[-1][1]) == sorted(p.name for p in other.glob("[0-9]*.txt") if p.is_file())
