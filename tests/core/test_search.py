"""Corpus search: all spellings found, hits in source coordinates, index in the cache only."""

from __future__ import annotations

from pathlib import Path

from hashiye.core.search.search import CorpusIndex, index_path, search, search_corpus
from hashiye.core.text.textio import read_text

SPELLINGS = {"000_e6d5671372e51005": "محرومیت زدایی", "002_4a4f9998171fccb3": "محرومیتزدایی",
             "003_edc48c3769eb6a48": "محرومیت زدایی"}


def test_all_spellings_of_a_compound_are_found(seeds_copy: Path) -> None:
    for query in ("محرومیت‌زدایی", "محرومیت زدایی", "محرومیتزدایی", "«محرومیت زدایي»"):
        result = search_corpus(seeds_copy, query, limit=100)
        found = {(h.id, h.exact) for h in result.hits}
        assert set(SPELLINGS.items()) <= found, query
        assert result.total == len(result.hits) == 7
        assert result.articles == 3


def test_hits_are_slices_of_the_source_text(seeds_copy: Path) -> None:
    for query in ("محرومیت‌زدایی", "خانواده", "مشارکت", "۱۳۹۹", '"سازمان همیاری"', "امام"):
        result = search_corpus(seeds_copy, query, limit=1000)
        assert result.hits, query
        for h in result.hits:
            text = read_text(seeds_copy / f"{h.id}.txt").text
            assert text[h.start:h.end] == h.exact
            assert " ".join(h.exact.split()) in h.snippet
            match = " ".join(h.exact.split())
            assert h.snippet[h.at:h.at + len(match)] == match  # the GUI emphasises exactly the match


def test_snippets_cut_at_word_boundaries_and_mark_where_the_match_is() -> None:
    from hashiye.core.search.search import snippet_at

    words = [f"واژه{n}" for n in range(40)]
    text = " ".join(words)
    start = text.index("واژه20")
    shown, at = snippet_at(text, start, start + len("واژه20"))
    assert shown.startswith("…") and shown.endswith("…")
    assert all(w in words for w in shown.strip("…").split())  # no word cut in half
    assert shown[at:at + len("واژه20")] == "واژه20"


def test_stems_find_plural_and_ezafe_forms(seeds_copy: Path) -> None:
    exact = {h.exact for h in search_corpus(seeds_copy, "خانواده", limit=100).hits}
    assert {"خانواده", "خانوادههای"} <= exact
    assert "مشارکتهای" in {h.exact for h in search_corpus(seeds_copy, "مشارکت", limit=100).hits}


def test_limit_keeps_the_total(seeds_copy: Path) -> None:
    full = search_corpus(seeds_copy, "سازمان", limit=1000)
    cut = search_corpus(seeds_copy, "سازمان", limit=3)
    assert cut.total == full.total > 3
    assert cut.hits == full.hits[:3]


def test_every_term_must_occur(seeds_copy: Path) -> None:
    both = search_corpus(seeds_copy, "محرومیت‌زدایی قزوین")
    assert {h.id for h in both.hits} == {"002_4a4f9998171fccb3"}
    assert search_corpus(seeds_copy, "واژه‌ای‌که‌نیست").total == 0


def test_index_lives_in_the_cache_not_the_corpus(seeds_copy: Path, private_cache: Path) -> None:
    before = sorted(p.name for p in seeds_copy.iterdir())
    search_corpus(seeds_copy, "بهزیستی")
    assert sorted(p.name for p in seeds_copy.iterdir()) == before
    assert index_path(seeds_copy).is_file()
    assert index_path(seeds_copy).is_relative_to(private_cache)


def test_unreadable_and_non_article_files_are_not_searched(seeds_copy: Path) -> None:
    (seeds_copy / "binary.txt").write_bytes(b"\x00\x01 \xd8\xb3\xd8\xa7\xd8\xb2\xd9\x85\xd8\xa7\xd9\x86")
    (seeds_copy / "notes.md").write_text("سازمان", "utf-8")
    ids = {h.id for h in search_corpus(seeds_copy, "سازمان", limit=1000).hits}
    assert ids and "binary" not in ids and "notes" not in ids


def test_cp1256_file_hits_are_in_decoded_code_points(seeds_copy: Path) -> None:
    text = "خبر قديمي\r\nسازمان بهزيستي استان امروز گزارش داد كه برنامه ها ادامه دارد.\r\n"
    (seeds_copy / "old.txt").write_bytes(text.encode("cp1256"))
    with CorpusIndex(seeds_copy) as index:
        index.update()
        hits = [h for h in search(index, "بهزیستی").hits if h.id == "old"]
    assert hits and hits[0].exact == "بهزيستي" and hits[0].start == text.index("بهزيستي")


def test_first_page_stops_early_and_stream_is_newest_first(seeds_copy: Path) -> None:
    from hashiye.core.corpus.corpus import scan
    from hashiye.core.search.search import iter_article_hits

    with CorpusIndex(seeds_copy) as index:
        index.update()
        full = search(index, "سازمان", limit=3)
        page = search(index, "سازمان", limit=3, complete=False)
        assert page.hits == full.hits and not page.complete and full.complete
        assert page.total < full.total
        streamed = list(iter_article_hits(index, "سازمان"))
    assert sum(len(a.spans) for a in streamed) == full.total
    published = {a.id: a.published for a in scan(seeds_copy).articles}
    order = [published[a.id] for a in streamed]
    assert order == sorted(order, reverse=True)


def test_index_never_loses_a_match_that_the_rules_find(seeds_copy: Path) -> None:
    """The FTS query only narrows the search: corpus totals equal matching every text."""
    import re

    from hashiye.core.text.matching import find_in_text

    texts = {p.stem: read_text(p).text for p in sorted(seeds_copy.glob("*.txt"))}
    words = re.findall(r"[^\W\d_]{2,}", " ".join(texts.values()))
    queries = words[::41] + [" ".join(words[i:i + 2]) for i in range(0, len(words) - 1, 53)]
    queries += [w.replace("ی", "ي").replace("ک", "ك") for w in words[::97]]
    queries += ["\u200c".join(words[i:i + 2]) for i in range(5, len(words) - 1, 89)]
    queries += ["".join(words[i:i + 2]) for i in range(7, len(words) - 1, 89)]
    queries += [f'"{words[i]} {words[i + 1]} {words[i + 2]}"' for i in range(3, len(words) - 2, 101)]
    with CorpusIndex(seeds_copy) as index:
        index.update()
        for q in queries:
            expected = sum(len(find_in_text(q, t)) for t in texts.values())
            assert search(index, q, limit=0).total == expected, q
