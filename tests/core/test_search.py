"""Corpus search: hits in source coordinates, incremental index, rebuilt cache, CLI contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from hashiye.core.search import CorpusIndex, index_path, search_corpus
from hashiye.core.textio import read_text


def test_all_spellings_found_with_exact_source_text(seeds_copy: Path) -> None:
    result = search_corpus(seeds_copy, "محرومیت‌زدایی", limit=100)
    found = {(h.id, h.exact) for h in result.hits}
    assert ("000_e6d5671372e51005", "محرومیت زدایی") in found
    assert ("002_4a4f9998171fccb3", "محرومیتزدایی") in found
    assert result.total == len(result.hits) >= 6
    for h in result.hits:
        text = read_text(seeds_copy / f"{h.id}.txt").text
        assert text[h.start:h.end] == h.exact
        assert h.exact.replace(" ", "") in h.snippet.replace(" ", "")


def test_every_term_must_occur(seeds_copy: Path) -> None:
    both = search_corpus(seeds_copy, "محرومیت‌زدایی قزوین")
    assert {h.id for h in both.hits} == {"002_4a4f9998171fccb3"}


def test_index_lives_in_the_cache_not_the_corpus(seeds_copy: Path, private_cache: Path) -> None:
    before = sorted(p.name for p in seeds_copy.iterdir())
    search_corpus(seeds_copy, "بهزیستی")
    assert sorted(p.name for p in seeds_copy.iterdir()) == before
    assert index_path(seeds_copy).is_relative_to(private_cache)


def test_incremental_update_after_edit_and_delete(seeds_copy: Path) -> None:
    index = CorpusIndex(seeds_copy)
    assert sum(t for _d, t in index.refresh()) > 0
    assert list(index.refresh()) == [], "nothing changed: nothing re-indexed"
    path = seeds_copy / "001_efa6bf155fd70a28.txt"
    path.write_text(path.read_text("utf-8") + "\nواژه‌ای تازه به نام زعفران‌کاری افزوده شد.\n", "utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    progress = list(index.refresh())
    assert progress[-1] == (1, 1), "only the edited file is read again"
    assert {h.id for h in index.search("زعفران کاری")[1]} == {"001_efa6bf155fd70a28"}
    path.unlink()
    index.refresh_all()
    assert index.search("زعفران کاری") == (0, [])
    index.close()


def test_corrupt_cache_is_rebuilt(seeds_copy: Path) -> None:
    search_corpus(seeds_copy, "بهزیستی")
    index_path(seeds_copy).write_bytes(b"this is not a database" * 100)
    result = search_corpus(seeds_copy, "بهزیستی")
    assert result.total > 0


def test_cli_search_json(seeds_copy: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "hashiye.core.cli", "search", "مشارکت", "--corpus", str(seeds_copy),
                          "--json", "--limit", "3"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"query", "total", "took_ms", "refresh_ms", "hits"}
    assert len(data["hits"]) == 3 and data["total"] > 3
    assert set(data["hits"][0]) == {"id", "start", "end", "exact", "snippet"}


def test_unquoted_words_also_match_as_one_compound(seeds_copy: Path) -> None:
    result = search_corpus(seeds_copy, "محرومیت زدایی", limit=200)
    assert ("002_4a4f9998171fccb3", "محرومیتزدایی") in {(h.id, h.exact) for h in result.hits}
    quoted = search_corpus(seeds_copy, '"محرومیت زدایی"', limit=200)
    assert {h.exact.replace("\u200c", " ") for h in quoted.hits} <= {"محرومیت زدایی", "محرومیتزدایی"}
