"""Corpus search counts equal a brute-force match over every file (the index only narrows)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hashiye.core.text.matching import find_in_text
from hashiye.core.search.search import CorpusIndex, search
from hashiye.core.text.textio import UnreadableArticle, read_text

QUERIES = ["قزوین", "محرومیت‌زدایی", "محرومیت زدایی", '"سازمان بهزیستی"', "سازمان بهزيستي", "خانواده‌ها",
           "بسیج سازندگی", "۱۳۹۳", "1393", "کمیته امداد", "مشارکت", "شماره", '"جهاد سازندگی" سازمان']


def brute_force(corpus: Path, query: str) -> set[tuple[str, int, int]]:
    hits = set()
    for path in sorted(corpus.glob("*.txt")):
        try:
            text = read_text(path).text
        except UnreadableArticle:
            continue
        hits.update((path.stem, s, e) for s, e in find_in_text(query, text))
    return hits


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, make_corpus: Callable[[Path, int], Path]) -> Path:
    return make_corpus(tmp_path_factory.mktemp("counts") / "c", 40)


@pytest.mark.parametrize("query", QUERIES)
def test_index_counts_equal_brute_force(corpus: Path, tmp_path: Path, query: str) -> None:
    expected = brute_force(corpus, query)
    with CorpusIndex(corpus, tmp_path / "index.sqlite") as index:
        index.update(metadata=False)
        result = search(index, query, limit=10**6)
    assert result.total == len(expected) > 0
    assert {(h.id, h.start, h.end) for h in result.hits} == expected
    assert result.articles == len({h[0] for h in expected})


def test_regex_classes_written_as_ranges_hold_exactly_their_characters() -> None:
    import re

    from hashiye.core.text.matching import _class
    from hashiye.core.text.normalize import match_gap_chars, match_ignored_chars, match_variants

    bmp = [chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000]
    for chars in [match_ignored_chars(), match_gap_chars(), match_variants("ی"), match_variants("ک"),
                  match_variants("1"), "ab", "abc", "ac", "-]\\^", "\u200c"]:
        regex, wanted = re.compile(_class(chars)), set(chars)
        assert {c for c in bmp if regex.fullmatch(c)} == wanted, chars
