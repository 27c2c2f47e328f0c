"""A search's "is the index up to date" check: one folder scan and one query, yet it notices every
edit (even one keeping the size and the mtime), addition, deletion and rename."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hashiye.core.search.search import CorpusIndex, search, search_corpus

TEXT = "خبر شماره {n}: سازمان بهزیستی استان امروز اعلام کرد.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.txt").write_text(TEXT.format(n=n), "utf-8")
    return folder


def total(index: CorpusIndex, query: str) -> int:
    index.update(metadata=False)
    return search(index, query, limit=0).total


def test_nothing_changed_reads_nothing(corpus: Path, tmp_path: Path) -> None:
    with CorpusIndex(corpus, tmp_path / "i.sqlite") as index:
        assert index.update(metadata=False) == 5
        steps = list(index.refresh(metadata=False))
        assert index.update(metadata=False) == 0 and steps[-1].phase == "done"
        assert index._words_current(index._stat_files(False))


def test_an_edit_keeping_size_and_mtime_is_noticed(corpus: Path, tmp_path: Path) -> None:
    path = corpus / "2.txt"
    with CorpusIndex(corpus, tmp_path / "i.sqlite") as index:
        assert total(index, "بهزیستی") == 5
        before = os.stat(path)
        changed = TEXT.format(n=2).replace("بهزیستی", "کشاورزی")
        assert len(changed.encode()) == before.st_size
        path.write_text(changed, "utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same mtime: the ctime differs
        after = os.stat(path)
        assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
        assert total(index, "بهزیستی") == 4
        assert total(index, "کشاورزی") == 1


def test_additions_deletions_and_renames_are_noticed(corpus: Path, tmp_path: Path) -> None:
    with CorpusIndex(corpus, tmp_path / "i.sqlite") as index:
        assert total(index, "بهزیستی") == 5
        (corpus / "9.txt").write_text("سازمان بهزیستی و سازمان بهزیستی\n", "utf-8")
        assert total(index, "بهزیستی") == 7
        (corpus / "0.txt").unlink()
        assert total(index, "بهزیستی") == 6
        os.rename(corpus / "1.txt", corpus / "11.txt")
        index.update(metadata=False)
        hits = search(index, "بهزیستی", limit=50).hits
        assert {h.id for h in hits} == {"11", "2", "3", "4", "9"}


def test_search_corpus_sees_an_edit_at_once(corpus: Path, private_cache: Path) -> None:
    assert search_corpus(corpus, "بهزیستی").total == 5
    path = corpus / "3.txt"
    before = os.stat(path)
    path.write_text(TEXT.format(n=3).replace("بهزیستی", "کشاورزی"), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert search_corpus(corpus, "بهزیستی").total == 4


def test_a_listing_refresh_in_between_leaves_no_stale_snapshot(corpus: Path, tmp_path: Path) -> None:
    with CorpusIndex(corpus, tmp_path / "i.sqlite") as index:
        assert total(index, "بهزیستی") == 5
        assert index.db.execute("SELECT count(*) FROM meta WHERE key = 'words_stat'").fetchone()[0] == 1
        path = corpus / "4.txt"
        before = os.stat(path)
        path.write_text(TEXT.format(n=4).replace("بهزیستی", "کشاورزی"), "utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        index.update(metadata=True, words=False)  # the list reads the edited file, not its words
        assert index.db.execute("SELECT count(*) FROM meta WHERE key = 'words_stat'").fetchone()[0] == 0
        assert total(index, "بهزیستی") == 4 and total(index, "کشاورزی") == 1
