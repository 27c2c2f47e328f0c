"""Corpus search (DESIGN §5, §6): candidates from the FTS5 index, hits verified on the files.

The index (`search_index.CorpusIndex`) proposes articles whose words could match; each
candidate's file is then read and matched with `matching.find_query`, so every hit is a
real match in the source text: `exact == source_text[start:end]`, code points of the
file as stored. Results come newest article first, hits in text order.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..text.matching import SUFFIXES, Query, Span, Term, find_query, parse_query, stem_keys
from ..files.safe_read import MAX_ARTICLE_BYTES, UnsafeFile, read_bounded
from .search_index import LAZY_FROM, CorpusIndex, Progress, index_path, is_damage
from ..text.textio import UnreadableArticle, decode_bytes

if TYPE_CHECKING:
    from .counts import Counts

__all__ = ["ArticleHits", "CorpusIndex", "Hit", "Progress", "SearchResult",
           "fts_query", "index_path", "iter_article_hits", "refresh_steps", "search", "search_corpus",
           "snippet"]

SNIPPET = 60  # characters of context on each side of a hit


@dataclass(frozen=True)
class Hit:
    """A match: article id, source span, the matched text as written, a one-line snippet."""

    id: str
    start: int
    end: int
    exact: str
    snippet: str
    at: int = -1  # where the match starts in the snippet (-1: unknown)


@dataclass(frozen=True)
class ArticleHits:
    """The hits in one article: its id, its source text and the spans in it."""

    id: str
    text: str
    spans: list[Span]


@dataclass
class SearchResult:
    """Hits (at most `limit`), `total` before the limit, `articles` matched, timings in ms."""

    query: str
    total: int
    hits: list[Hit] = field(default_factory=list)
    articles: int = 0
    took_ms: float = 0.0
    refresh_ms: float = 0.0
    complete: bool = True  # False: stopped once the page was full (`total` counts what was read)
    counted: str = "files"  # "index": totals from the index's unit counts (`counts.py`), page read from files
    verified: int = 0  # with "index": articles whose hits were counted on their file (counts.py says which)

    def to_json(self) -> dict[str, object]:
        """The `search --json` document of DESIGN §6."""
        return {"query": self.query, "total": self.total, "took_ms": self.took_ms,
                "refresh_ms": self.refresh_ms,
                "hits": [{"id": h.id, "start": h.start, "end": h.end, "exact": h.exact,
                          "snippet": h.snippet} for h in self.hits]}


# --- FTS5 candidate query ---------------------------------------------------------------

def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


# A word's token in an article is the word plus the part of its ending before any ZWNJ.
_ENDINGS = sorted({s[:i] for s in SUFFIXES for i in range(len(s) + 1)})


def _token(word: str) -> str:
    """A single word: exact tokens for the word with each possible ending (faster than a prefix)."""
    return "(" + " OR ".join(_quote(word + e) for e in _ENDINGS) + ")"


def _pair(joined: str) -> str:
    """Two or three words joined (long, so a prefix query is cheap)."""
    return _quote(joined) + "*"


def _run_expr(run: tuple[str, ...]) -> str:
    """Words separated only by gaps: each neighbouring pair joined (as the index stores them)."""
    if len(run) == 1:
        return _token(run[0])
    parts = []
    for i in range(len(run) - 1):
        pair = _pair(run[i] + run[i + 1])
        if i:
            pair = f"({pair} OR {_pair(run[i - 1] + run[i] + run[i + 1])})"
        parts.append(pair)
    return "(" + " AND ".join(parts) + ")"


def _stem_runs(term: Term) -> tuple[tuple[str, ...], ...]:
    """The term's runs with the last word cut to its stem, when the query has one."""
    words = term.words
    keys = stem_keys(term.key, words[-1], len(words) > 1)
    if len(keys) == 1:
        return term.runs
    runs = [list(r) for r in term.runs]
    cut = len(keys[0]) - len(keys[1])
    last = runs[-1][-1]
    if cut >= len(last):
        runs[-1].pop()
    else:
        runs[-1][-1] = last[:-cut]
    return tuple(tuple(r) for r in runs if r)


def _term_expr(term: Term) -> str:
    phrase = "(" + " AND ".join(_run_expr(r) for r in _stem_runs(term)) + ")"
    if not term.loose:
        return phrase
    return "(" + phrase + " OR (" + " AND ".join(_term_expr(p) for p in term.parts) + "))"


def fts_query(query: Query) -> str:
    """An FTS5 query that every article matching `query` satisfies (a superset, verified later)."""
    return " AND ".join(_term_expr(t) for t in query.terms)


# --- verification -----------------------------------------------------------------------

def _source_text(path: str, encoding: str | None) -> str:
    """Decode a file as it was indexed (fast path); fall back to the full decoder."""
    try:
        data = read_bounded(path, MAX_ARTICLE_BYTES)  # bounded, never blocks, regular files only
    except UnsafeFile as exc:
        raise UnreadableArticle(exc.reason) from exc
    try:
        if encoding == "utf-8":
            return data.decode("utf-8")
        if encoding == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8")
    except UnicodeDecodeError:
        pass
    return decode_bytes(data).text


def snippet(text: str, start: int, end: int) -> str:
    """The hit with some words around it, within its line, on one line, cut at word boundaries."""
    return snippet_at(text, start, end)[0]


def snippet_at(text: str, start: int, end: int) -> tuple[str, int]:
    """The snippet and where the match starts in it (for showing the match emphasised)."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = min((i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0), default=len(text))
    left = text[max(line_start, start - SNIPPET):start]
    right = text[end:min(line_end, end + SNIPPET)]
    if start - SNIPPET > line_start and " " in left:
        left = "…" + left.split(" ", 1)[1]
    if end + SNIPPET < line_end and " " in right:
        right = right.rsplit(" ", 1)[0] + "…"
    shown = " ".join((left + text[start:end] + right).split())
    before = " ".join(left.split())
    if before and (left[-1:].isspace() or text[start:start + 1].isspace()):
        before += " "
    match = " ".join(text[start:end].split())
    at = len(before) if shown[len(before):len(before) + len(match)] == match else shown.find(match)
    return shown, at


def iter_article_hits(index: CorpusIndex, query: str | Query, *, lazy: bool = True) -> Iterator[ArticleHits]:
    """Matching articles of an up-to-date index, newest first, each with its verified spans.

    Lazy: a caller that needs one page stops early (`lazy=False` is faster for callers that
    read everything). Run it off the UI thread.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    if not parsed:
        return
    try:
        rows = index.candidates(fts_query(parsed), lazy=lazy)
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        index.reset()
        index.update(metadata=False)
        rows = index.candidates(fts_query(parsed), lazy=lazy)
    folder = str(index.corpus)
    for name, encoding in rows:
        path = os.path.join(folder, name)  # str paths: no Path built per candidate
        try:
            text = _source_text(path, encoding)
        except (OSError, UnreadableArticle):
            continue  # deleted or changed since the refresh: the next refresh will tell
        spans = find_query(parsed, text)
        if spans:
            yield ArticleHits(os.path.splitext(name)[0], text, spans)  # the file's stem, as Path.stem


def search(index: CorpusIndex, query: str, limit: int = 50, *, complete: bool = True) -> SearchResult:
    """Search an up-to-date index (no refresh); `took_ms` is the time taken.

    `complete=False` stops once `limit` hits are found (a first page, fast even for very
    common words); `total` then counts only the hits read so far.
    """
    t0 = time.perf_counter()
    result = SearchResult(query, 0)
    parsed = parse_query(query)
    counts = _index_counts(index, parsed) if complete and parsed else None
    if counts is not None:  # totals from the index; only the page is read from the files
        result.total, result.articles = counts.total, len(counts.per_doc)
        result.counted, result.verified = "index", len(counts.verified)
        for found in _articles_of(index, parsed, counts.per_doc, limit):
            for start, end in found.spans[:limit - len(result.hits)]:
                shown, at = snippet_at(found.text, start, end)
                result.hits.append(Hit(found.id, start, end, found.text[start:end], shown, at))
            if len(result.hits) >= limit:
                break
        result.took_ms = round((time.perf_counter() - t0) * 1000, 1)
        return result
    for found in iter_article_hits(index, parsed, lazy=not complete):
        result.articles += 1
        result.total += len(found.spans)
        for start, end in found.spans[:max(0, limit - len(result.hits))]:
            shown, at = snippet_at(found.text, start, end)
            result.hits.append(Hit(found.id, start, end, found.text[start:end], shown, at))
        if not complete and len(result.hits) >= limit:
            result.complete = False
            break
    result.took_ms = round((time.perf_counter() - t0) * 1000, 1)
    return result


def _index_counts(index: CorpusIndex, parsed: Query) -> Counts | None:
    """Hits per article from the index (`counts.py`), articles it cannot count read from their files."""
    from .counts import count_hits

    try:
        counts = count_hits(index, parsed)
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        return None  # the verifying path rebuilds the index
    if counts is None:
        return None
    folder = str(index.corpus)
    crossing, counts.verified = counts.verified, set()
    rows = index.db.execute("SELECT docid, name, encoding FROM files WHERE skipped IS NULL AND docid IN "
                            "(SELECT value FROM json_each(?))", (json.dumps(sorted(crossing)),)).fetchall()
    for docid, name, encoding in rows:  # (old versions of edited files are among `crossing`: not in `files`)
        try:
            spans = find_query(parsed, _source_text(os.path.join(folder, name), encoding))
        except (OSError, UnreadableArticle):
            continue  # deleted or changed since the refresh: the next refresh will tell
        counts.verified.add(docid)
        if spans:
            counts.per_doc[docid] = len(spans)
    return counts


def _articles_of(index: CorpusIndex, parsed: Query, docids: dict[int, int], limit: int) -> Iterator[ArticleHits]:
    """The articles with these ids, newest first, with their hits verified on the file (the page)."""
    if limit <= 0 or not docids:
        return
    order = "ORDER BY published IS NULL, published DESC, name"
    if len(docids) >= LAZY_FROM:  # many: walk the files in date order, the first ones match
        rows: Iterator[tuple[int, str, str]] = (r for r in index.db.execute(
            f"SELECT docid, name, encoding FROM files INDEXED BY files_order WHERE skipped IS NULL {order}")
            if r[0] in docids)
    else:
        rows = iter(index.db.execute(f"SELECT docid, name, encoding FROM files WHERE docid IN "
                                     f"(SELECT value FROM json_each(?)) {order}", (json.dumps(list(docids)),)).fetchall())
    folder = str(index.corpus)
    for _, name, encoding in rows:
        try:
            text = _source_text(os.path.join(folder, name), encoding)
        except (OSError, UnreadableArticle):
            continue  # deleted or changed since the refresh: the next refresh will tell
        spans = find_query(parsed, text)
        if spans:
            yield ArticleHits(os.path.splitext(name)[0], text, spans)


def refresh_steps(corpus: Path, *, metadata: bool = False) -> Iterator[Progress]:
    """Progress of bringing a corpus's index up to date (run in a worker thread)."""
    with CorpusIndex(corpus) as index:
        yield from index.refresh(metadata=metadata)


def search_corpus(corpus: Path, query: str, limit: int = 50) -> SearchResult:
    """Refresh the corpus's index (changed files only), then search it; timings as DESIGN §6 says.

    If the cache cannot be written (read-only, locked by another process for over 10 s),
    the search runs on a temporary index in memory: slower, same answer.
    """
    t0 = time.perf_counter()
    index = CorpusIndex(corpus)
    try:
        index.update(metadata=False)
    except sqlite3.OperationalError:
        index.close()
        index = CorpusIndex(corpus, Path(":memory:"))
        index.update(metadata=False)
    except BaseException:
        index.close()
        raise
    with index:
        refresh_ms = round((time.perf_counter() - t0) * 1000, 1)
        result = search(index, query, limit)
    result.refresh_ms = refresh_ms
    return result
