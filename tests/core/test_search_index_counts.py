"""Hit counts from the index's word units equal matching every file (`matching.find_in_text`).

Generated texts mix the spellings the rules equate (ي/ك, ZWNJ as space or left out,
tatweel, diacritics, three digit sets, endings) with separators (spaces, no-break space,
line breaks, punctuation); queries are words, compounds, phrases and several terms.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hashiye.core.search.search import CorpusIndex, _index_counts, search
from hashiye.core.search.search_index import SCHEMA_VERSION
from hashiye.core.text.matching import find_in_text, parse_query
from hashiye.core.text.textio import UnreadableArticle, read_text

WORDS = ["سازمان", "بهزیستی", "محرومیت", "زدایی", "خانواده", "ها", "های", "ی", "کار", "گاه", "کتاب", "امداد",
         "داد", "تنها", "۱۳۹۳", "1393", "٢٠", "و", "سا", "زمان", "ای", "ترین", "بسیج", "سازندگی", "کا", "ره",
         "مشارکت", "هایش", "ست", "است"]
SEPARATORS = [" ", " ", " ", "  ", "\u200c", "", "\n", "، ", ". ", " - ", "\u00a0", "\u0650 ", " \u200c", "«", "»",
              # marks alone between spaces (a word gap passes over them), tab, half-space then space,
              # a paragraph break, an underscore
              " \u0640 ", " \u064e ", "\t", "\u200c ", " \u200c ", "\n\n", "\r\n", "_"]


def spell(word: str, choices: list[int]) -> str:
    """A spelling of `word`: Arabic ي/ك, tatweel, a diacritic, Arabic-Indic digits, by `choices`."""
    out = []
    for i, ch in enumerate(word):
        c = choices[i % len(choices)]
        if ch == "ی" and c % 3 == 0:
            ch = "ي"
        elif ch == "ک" and c % 2 == 0:
            ch = "ك"
        elif ch in "0123456789" and c % 2 == 0:
            ch = "٠١٢٣٤٥٦٧٨٩"[int(ch)]
        out.append(ch)
        if c == 5 and i < len(word) - 1:
            out.append("\u0640")  # tatweel
        elif c == 7:
            out.append("\u064e")  # a diacritic
    return "".join(out)




def texts_of(words: list[str]) -> st.SearchStrategy[str]:
    """Words and separators; the text starts with a word and may end with one (a hit at either end)."""
    spelled = st.builds(spell, st.sampled_from(words), st.lists(st.integers(0, 9), min_size=1, max_size=4))
    parts = st.lists(st.tuples(spelled, st.sampled_from(SEPARATORS)), min_size=1, max_size=40)
    return st.tuples(parts, st.booleans()).map(
        lambda t: "".join(w + s for w, s in t[0][:-1]) + t[0][-1][0] + ("" if t[1] else t[0][-1][1]))


query_words = st.lists(st.sampled_from(WORDS) | st.sampled_from(["و", "ی", "ها", "کا"]), min_size=1, max_size=3)
queries = st.one_of(
    query_words.map(" ".join),
    query_words.map("\u200c".join),
    query_words.map("".join),
    query_words.map(lambda ws: f'"{" ".join(ws)}"'),
    st.tuples(query_words, st.sampled_from(WORDS)).map(lambda t: f'"{" ".join(t[0])}" {t[1]}'),
)


def per_file(corpus: Path, query: str) -> dict[str, int]:
    out = {}
    for path in sorted(corpus.glob("*.txt")):
        try:
            n = len(find_in_text(query, read_text(path).text))
        except UnreadableArticle:
            continue
        if n:
            out[path.stem] = n
    return out


def index_per_file(index: CorpusIndex, query: str) -> dict[str, int] | None:
    counts = _index_counts(index, parse_query(query))
    if counts is None:
        return None
    names = dict(index.db.execute("SELECT docid, name FROM files WHERE docid IS NOT NULL").fetchall())
    return {os.path.splitext(names[d])[0]: n for d, n in counts.per_doc.items()}


def check(index: CorpusIndex, corpus: Path, query: str) -> None:
    expected = per_file(corpus, query)
    assert index_per_file(index, query) in (None, expected)
    result = search(index, query, limit=10**6)
    assert (result.total, result.articles) == (sum(expected.values()), len(expected))
    assert len(result.hits) == result.total
    assert {h.id for h in result.hits} == set(expected)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_index_counts_equal_matching_every_file(data: st.DataObject) -> None:
    qs = data.draw(st.lists(queries, min_size=1, max_size=3))
    # the texts use the query's words, their pieces (so a space may split a word) and other words
    words = {w for q in qs for w in re.findall(r"\w+", q)}
    pieces = {w[:k] for w in words for k in range(1, len(w))} | {w[k:] for w in words for k in range(1, len(w))}
    pool = sorted(words | pieces | set(WORDS[:8]))
    articles = data.draw(st.lists(texts_of(pool), min_size=1, max_size=4))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "c"
        corpus.mkdir()
        for n, text in enumerate(articles):
            (corpus / f"{n}.txt").write_text(text, "utf-8")
        with CorpusIndex(corpus, Path(tmp) / "index.sqlite") as index:
            index.update(metadata=False, workers=1)
            for q in qs:
                check(index, corpus, q)


SAMPLES = {
    "a.txt": "سازمان بهزیستی و سازمانهای مردم‌نهاد؛ سازمان‌های دولتی.\nمحرومیت زدایی، محرومیت‌زدایی و محرومیتزدایی.\n",
    "d.txt": "ZWNJ then a space inside one hit: محرومیت‌زدا یی.\n",
    "b.txt": "خانواده ها و خانواده‌های ایرانی، خانوادهٔ کوچک. كار و کارگاه؛ سا زمان و ساز مان.\n",
    "c.txt": "بسیج سازندگی و بسيج سازندگي در ۱۳۹۳ و 1393 و ١٣٩٣. کـتاب و کِتاب‌ها.\n",
}
QUERIES = ["سازمان", "سازمان‌ها", "محرومیت‌زدایی", '"سازمان بهزیستی"', "خانواده‌ها", "بسیج سازندگی", "۱۳۹۳",
           "کتاب", "کار", '"بسیج سازندگی" ۱۳۹۳', "کمیته امداد",
           '"و کار"', "خانواده ی", "ها و"]


def test_counts_from_the_index_need_no_file_for_words_and_stay_exact(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in SAMPLES.items():
        (corpus / name).write_text(text, "utf-8")
    with CorpusIndex(corpus, tmp_path / "index.sqlite") as index:
        index.update(metadata=False)
        for q in QUERIES:
            check(index, corpus, q)
        # a word no unit splits is counted from the index alone: no file is read
        word = search(index, "کتاب", limit=0)
        assert (word.counted, word.verified, word.total) == ("index", 0, 2)
        # «سا زمان» is «سازمان» split by a space: counted from the index's pairs of units, no file read
        split = search(index, "سازمان", limit=0)
        assert (split.counted, split.verified) == ("index", 0)
        assert split.total == sum(per_file(corpus, "سازمان").values()) == 5
        # phrases, compounds and two words (hits across a space) need no file either
        for q in ['"سازمان بهزیستی"', "محرومیت‌زدایی", "بسیج سازندگی", "خانواده‌ها"]:
            assert (search(index, q, limit=0).counted, search(index, q, limit=0).verified) == ("index", 0), q
        # a query with punctuation inside is counted on the files, as before
        assert search(index, "۱۳۹۳/۰۵", limit=0).counted == "files"


def touch_later(path: Path) -> None:
    later = time.time_ns() + 2_000_000_000
    os.utime(path, ns=(later, later))


def test_counts_follow_edited_and_deleted_files(tmp_path: Path, make_corpus: Callable[[Path, int], Path]) -> None:
    corpus = make_corpus(tmp_path / "c", 12)
    with CorpusIndex(corpus, tmp_path / "index.sqlite") as index:
        index.update(metadata=False)
        before = search(index, "سازمان", limit=0).total
        old = {d for (d,) in index.db.execute("SELECT docid FROM files WHERE name IN ('0001.txt', '0002.txt')")}
        edited = corpus / "0001.txt"
        edited.write_text(edited.read_text("utf-8") + "\nسازمان و سازمان‌ها و سازمانی تازه.\n", "utf-8")
        touch_later(edited)
        (corpus / "0002.txt").unlink()
        index.update(metadata=False)
        for q in ["سازمان", "سازمان‌ها", "محرومیت‌زدایی", '"سازمان بهزیستی"', "شماره"]:
            check(index, corpus, q)
        assert search(index, "سازمان", limit=0).total != before
        # nothing of the old versions is left in the postings
        live = {d for (d,) in index.db.execute("SELECT docid FROM files WHERE docid IS NOT NULL")}
        docs = {k & 0xFFFFFFFF for (k,) in index.db.execute("SELECT key FROM postings UNION SELECT key FROM nexts")}
        assert docs <= live and not docs & old and len(old) == 2


def test_a_cache_of_the_previous_schema_is_rebuilt(tmp_path: Path) -> None:
    import sqlite3

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("سازمان بهزیستی\n", "utf-8")
    path = tmp_path / "index.sqlite"
    with CorpusIndex(corpus, path) as index:
        index.update(metadata=False)
        index.db.execute("DROP TABLE postings")  # as a cache of schema 6 has none
        index.db.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
    with CorpusIndex(corpus, path) as index:
        assert index.update(metadata=False) == 1, "the old cache is dropped and the file read again"
        result = search(index, "سازمان", limit=0)
        assert (result.counted, result.total) == ("index", 1)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("query", ["سازمان", "محرومیت‌زدایی", "بسیج سازندگی"])
def test_complete_and_first_page_agree(seeds_copy: Path, tmp_path: Path, query: str) -> None:
    with CorpusIndex(seeds_copy, tmp_path / "index.sqlite") as index:
        index.update(metadata=False)
        full = search(index, query, limit=7)
        page = search(index, query, limit=7, complete=False)
    assert full.hits == page.hits
    assert full.counted == "index" and full.total >= page.total


# Hits across spaces, counted from the index's pairs of units: (text, query, hits, articles read).
ACROSS = [
    ("سازمان بهزیستی", '"سازمان بهزیستی"', 1, 0),  # the whole article, no line break at its end
    ("سازمان\u00a0بهزیستی و سازمان\tبهزیستی و سازمان  بهزیستی\n", '"سازمان بهزیستی"', 3, 0),
    ("سازمان ـ بهزیستی و سازمان \u064e بهزیستی\n", '"سازمان بهزیستی"', 2, 0),  # marks alone are gaps
    ("سازمان\nبهزیستی و سازمان\n\nبهزیستی، سازمان. بهزیستی\n", '"سازمان بهزیستی"', 0, 0),  # no hit across a break
    ("بسيج سازندگي و بسیج سازندگی\n", "بسیج سازندگی", 2, 0),  # Arabic ي as Persian ی
    ("محرومیت‌ زدایی، محرومیت زدایی، محرومیتزدایی\n", "محرومیت‌زدایی", 3, 0),  # ZWNJ then a space
    ("کتاب ها و کتاب‌ها\n", "کتاب‌ها", 2, 0),  # a plural written apart
    ("سازمان به زیستی\n", '"سازمان بهزیستی"', 1, 1),  # two spaces inside one hit: read on the file
    ("ها ها ها و ها ها\n", '"ها ها"', 3, 1),  # pairs that share a word: read on the file
]


@pytest.mark.parametrize(("text", "query", "hits", "read"), ACROSS)
def test_hits_across_a_space_are_counted_from_the_index(tmp_path: Path, text: str, query: str, hits: int,
                                                        read: int) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(text, "utf-8")
    (corpus / "b.txt").write_text("سازمان و بهزیستی، جدا.\n", "utf-8")
    assert len(find_in_text(query, text)) == hits, "the rules (matching.py) as this test expects them"
    with CorpusIndex(corpus, tmp_path / "index.sqlite") as index:
        index.update(metadata=False)
        check(index, corpus, query)
        result = search(index, query, limit=0)
    assert (result.counted, result.verified) == ("index", read)


def _samples_and_across(tmp_path: Path) -> Path:
    """A folder of the sample articles and the texts with hits across spaces."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in SAMPLES.items():
        (corpus / name).write_text(text, "utf-8")
    for n, (text, _, _, _) in enumerate(ACROSS):
        (corpus / f"across{n}.txt").write_text(text, "utf-8")
    return corpus


def test_pairs_are_found_alike_when_many_second_words_are_looked_for(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.core.search import counts

    monkeypatch.setattr(counts, "_FEW", 0)  # every row of the first word read and parsed
    corpus = _samples_and_across(tmp_path)
    with CorpusIndex(corpus, tmp_path / "index.sqlite") as index:
        index.update(metadata=False)
        for q in QUERIES + [q for _, q, _, _ in ACROSS]:
            check(index, corpus, q)
        assert search(index, '"سازمان بهزیستی"', limit=0).counted == "index"


def test_one_term_summed_phrase_first_equals_one_grouping_statement(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`counts._phrase_first` (one term: the phrase summed first, then the words where it is missing)
    gives the same counts per article as grouping every row in one statement (`counts._totals`)."""
    from hashiye.core.search import counts

    corpus = _samples_and_across(tmp_path)
    (corpus / "words.txt").write_text("بسیج و سازندگی، بسیج‌سازندگی و سازمان‌ها؛ سازمان\n", "utf-8")
    with CorpusIndex(corpus, tmp_path / "index.sqlite") as index:
        index.update(metadata=False)
        queries = QUERIES + [q for _, q, _, _ in ACROSS] + ["بسیج سازندگی سازمان", "سازندگی بسیج"]
        phrase_first = {q: index_per_file(index, q) for q in queries}
        monkeypatch.setattr(counts, "_UPSERT", False)  # every row grouped in one statement
        for q in queries:
            assert index_per_file(index, q) == phrase_first[q], q
            check(index, corpus, q)
        assert not index.db.in_transaction
