"""The corpus cache: incremental refresh, deletions, damage, metadata listing, progress."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from hashiye.core.annotations.model import new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.corpus.corpus import CorpusError, scan
from hashiye.core.search.listing_cache import cached_listing
from hashiye.core.search.search import CorpusIndex, index_path, search, search_corpus
from hashiye.core.annotations.store import AnnotationStore

NEW_WORDS = "\nواژه‌ای تازه به نام زعفران‌کاری افزوده شد.\n"


def touch_later(path: Path) -> None:
    later = time.time_ns() + 10**9
    os.utime(path, ns=(later, later))


def test_refresh_reports_progress_then_reads_only_changes(seeds_copy: Path) -> None:
    with CorpusIndex(seeds_copy) as index:
        steps = list(index.refresh())
        assert steps[0].phase == "scan" and steps[-1].phase == "done"
        assert steps[-1].done == steps[-1].total == 5
        assert index.update() == 0, "nothing changed: nothing read again"


def test_edit_is_picked_up_incrementally(seeds_copy: Path) -> None:
    with CorpusIndex(seeds_copy) as index:
        index.update()
        path = seeds_copy / "001_efa6bf155fd70a28.txt"
        path.write_text(path.read_text("utf-8") + NEW_WORDS, "utf-8")
        touch_later(path)
        assert index.update() == 1, "only the edited file is read again"
        hits = search(index, "زعفران کاری").hits
        assert [(h.id, h.exact) for h in hits] == [("001_efa6bf155fd70a28", "زعفران\u200cکاری")]


def test_deleted_file_disappears_from_results(seeds_copy: Path) -> None:
    assert search_corpus(seeds_copy, "قزوین").articles == 1
    (seeds_copy / "002_4a4f9998171fccb3.txt").unlink()
    result = search_corpus(seeds_copy, "قزوین")
    assert result.total == 0 and result.hits == []


def test_edit_removing_a_word_removes_its_hits(seeds_copy: Path) -> None:
    path = seeds_copy / "002_4a4f9998171fccb3.txt"
    assert search_corpus(seeds_copy, "قزوین").total > 0
    path.write_text(path.read_text("utf-8").replace("قزوین", "کرج"), "utf-8")
    touch_later(path)
    assert search_corpus(seeds_copy, "قزوین").total == 0
    assert search_corpus(seeds_copy, "کرج").articles == 1


@pytest.mark.parametrize("damage", [b"this is not a database" * 200, b""])
def test_damaged_cache_is_rebuilt(seeds_copy: Path, damage: bytes) -> None:
    before = search_corpus(seeds_copy, "بهزیستی").total
    index_path(seeds_copy).write_bytes(damage)
    assert search_corpus(seeds_copy, "بهزیستی").total == before > 0


def test_cache_with_corrupt_pages_is_rebuilt(seeds_copy: Path) -> None:
    before = search_corpus(seeds_copy, "بهزیستی").total
    path = index_path(seeds_copy)
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first
    path.write_bytes(bytes(data))
    assert search_corpus(seeds_copy, "بهزیستی").total == before


def test_deleted_cache_is_rebuilt(seeds_copy: Path) -> None:
    before = search_corpus(seeds_copy, "بهزیستی").total
    index_path(seeds_copy).unlink()
    assert search_corpus(seeds_copy, "بهزیستی").total == before


def test_cached_listing_equals_scan_and_follows_changes(seeds_copy: Path) -> None:
    assert cached_listing(seeds_copy).to_json() == scan(seeds_copy).to_json()
    (seeds_copy / "003_edc48c3769eb6a48.txt").unlink()
    (seeds_copy / "empty.txt").write_text("", "utf-8")
    listing = cached_listing(seeds_copy)
    assert listing.to_json() == scan(seeds_copy).to_json()
    assert "003_edc48c3769eb6a48" not in {a.id for a in listing.articles}
    assert [s.file for s in listing.skipped] == ["empty.txt"]


def test_cached_listing_sees_new_annotations(seeds_copy: Path) -> None:
    listing = cached_listing(seeds_copy)
    assert {a.annotations for a in listing.articles} == {0}
    art = load_article(seeds_copy / "000_e6d5671372e51005.txt")
    AnnotationStore(seeds_copy).save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 30)])
    counts = {a.id: a.annotations for a in cached_listing(seeds_copy).articles}
    assert counts["000_e6d5671372e51005"] == scan(seeds_copy).articles[0].annotations > 0


def test_cached_listing_of_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError):
        cached_listing(tmp_path / "nowhere")


def test_garbage_from_edits_is_compacted(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashiye.core.search.search_index as si

    with CorpusIndex(seeds_copy) as index:
        index.update(metadata=False)
        monkeypatch.setattr(si, "COMPACT_MIN", 1)
        path = seeds_copy / "001_efa6bf155fd70a28.txt"
        for n in range(3):
            path.write_text(path.read_text("utf-8") + f"\nکلمه{n}\n", "utf-8")
            touch_later(path)
            index.update(metadata=False)
        garbage = index.db.execute("SELECT value FROM meta WHERE key='garbage'").fetchone()
        assert int(garbage[0]) <= 1
        assert search(index, "کلمه2").articles == 1
        assert search(index, "بهزیستی").total == search_corpus(seeds_copy, "بهزیستی").total


def test_cache_is_per_folder(seeds_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("سازمان بهزیستی اعلام کرد که طرح تازه‌ای آغاز می‌شود.\n", "utf-8")
    assert index_path(other) != index_path(seeds_copy)
    assert search_corpus(other, "بهزیستی").articles == 1
    assert search_corpus(seeds_copy, "بهزیستی").articles > 1


def test_busy_database_is_not_mistaken_for_damage(seeds_copy: Path) -> None:
    search_corpus(seeds_copy, "بهزیستی")
    holder = sqlite3.connect(index_path(seeds_copy))
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with CorpusIndex(seeds_copy) as index:
            index.db.execute("PRAGMA busy_timeout=100")
            with pytest.raises(sqlite3.OperationalError):
                index.update()
    finally:
        holder.rollback()
        holder.close()
    assert index_path(seeds_copy).stat().st_size > 0
    assert search_corpus(seeds_copy, "بهزیستی").total > 0


def test_unusable_cache_folder_still_searches(seeds_copy: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("HASHIYE_CACHE_DIR", str(blocker))
    assert search_corpus(seeds_copy, "قزوین").articles == 1
    assert cached_listing(seeds_copy).to_json() == scan(seeds_copy).to_json()
