"""A large folder opened for the first time: the first article shows while the rest is still being read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest


def test_the_list_fills_in_as_a_new_folder_is_read(qtbot, window, corpus: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.core.corpus import corpus as core_corpus
    from hashiye.core.corpus.corpus import scan

    monkeypatch.setattr(type(window.context), "BACKGROUND_LISTING", 2)
    monkeypatch.setattr(core_corpus, "CHUNK", 3)
    other = corpus.parent / "other"
    other.mkdir()
    for i in range(12):
        for f in sorted(corpus.glob("*.txt")):
            shutil.copy(f, other / f"{i:02d}_{f.name}")
    listings: list[tuple[bool, int, str | None]] = []
    window.context.listingChanged.connect(
        lambda listing: listings.append((listing.partial, len(listing.articles), window.current_id)))
    window.open_corpus(other)
    qtbot.waitUntil(lambda: bool(listings) and not listings[-1][0] and window.context._listing_op.done.is_set(),
                    timeout=60000)
    qtbot.waitUntil(lambda: len(window.context.runner.running) == 0, timeout=10000)
    partial = [n for is_partial, n, _ in listings if is_partial]
    assert partial and partial[0] < 60, "the first articles are listed before the whole folder is read"
    assert partial == sorted(partial), "the list only grows while it is read"
    assert listings[1][2] is not None, "an article is open while the folder is still being read"
    assert window.model.rowCount() == 60 and window.current_id is not None
    assert not window.list_progress.isVisible()
    final = window.context.listing
    assert not final.partial
    assert json.dumps(final.to_json(), sort_keys=True, ensure_ascii=False) == \
        json.dumps(scan(other.resolve()).to_json(), sort_keys=True, ensure_ascii=False), \
        "the final list is the folder's listing, exactly"
