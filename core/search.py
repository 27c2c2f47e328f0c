"""Corpus search: a SQLite FTS5 index in the user cache folder, verified against the files.

The index holds, per article, its matching skeleton (DESIGN §5 letters, no word gaps)
under a trigram tokenizer, so any spelling or spacing of a word is a substring query.
Candidates are then checked with `matching.find_in_text` on the source text, which gives
whole-word hits in source code points. The index is refreshed incrementally (files whose
size or mtime changed); a missing or corrupt index is rebuilt. The article folder is never
written to.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .corpus import article_files
from .matching import find_in_text, query_alternatives
from .normalize import skeleton
from .paths import cache_dir
from .textio import UnreadableArticle, read_text

SCHEMA_VERSION = 1
SNIPPET = 48


@dataclass(frozen=True)
class Hit:
    """A match: article id, source span, the matched text as written, a snippet around it."""

    id: str
    start: int
    end: int
    exact: str
    snippet: str


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    took_ms: float
    refresh_ms: float


def index_path(corpus: Path) -> Path:
    """Where the index of a corpus folder lives (user cache, keyed by the folder's path)."""
    key = hashlib.sha1(str(corpus.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return cache_dir() / "index" / f"{key}.sqlite"


class CorpusIndex:
    """The FTS5 index of one corpus folder."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self.path = index_path(corpus)
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._connect()
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)  # corrupt cache: rebuild from the files
            db = self._connect()
        return db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            db.executescript("""
                DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS fts;
                CREATE TABLE files (id TEXT PRIMARY KEY, mtime INTEGER, size INTEGER);
                CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, skel, tokenize='trigram');
            """)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.commit()
        db.execute("SELECT count(*) FROM files").fetchone()
        return db

    def refresh(self) -> Iterator[tuple[int, int]]:
        """Bring the index up to date; yields (done, total) while it works."""
        files = {p.stem: p for p in article_files(self.corpus)}
        known = dict((r[0], (r[1], r[2])) for r in self.db.execute("SELECT id, mtime, size FROM files"))
        gone = [i for i in known if i not in files]
        changed = []
        for article_id, path in files.items():
            st = path.stat()
            if known.get(article_id) != (st.st_mtime_ns, st.st_size):
                changed.append((article_id, path, st))
        with self.db:
            for article_id in gone:
                self._remove(article_id)
        total = len(changed)
        for n, (article_id, path, st) in enumerate(changed, 1):
            try:
                text = read_text(path).text
            except UnreadableArticle:
                text = ""
            with self.db:
                self._remove(article_id)
                self.db.execute("INSERT INTO fts(id, skel) VALUES (?, ?)", (article_id, skeleton(text)))
                self.db.execute("INSERT INTO files VALUES (?, ?, ?)", (article_id, st.st_mtime_ns, st.st_size))
            if n % 50 == 0 or n == total:
                yield n, total

    def refresh_all(self) -> None:
        for _ in self.refresh():
            pass

    def _remove(self, article_id: str) -> None:
        self.db.execute("DELETE FROM fts WHERE id = ?", (article_id,))
        self.db.execute("DELETE FROM files WHERE id = ?", (article_id,))

    def candidates(self, alternatives: list[list[str]]) -> list[str]:
        """Articles that may match (every term of one alternative); short terms are checked later."""
        groups = []
        for terms in alternatives:
            keys = [skeleton(t) for t in terms]
            usable = ['"' + k.replace('"', '""') + '"' for k in keys if len(k) >= 3]
            if not usable:
                return [r[0] for r in self.db.execute("SELECT id FROM files ORDER BY id")]
            groups.append("(" + " AND ".join(usable) + ")")
        rows = self.db.execute("SELECT id FROM fts WHERE fts MATCH ? ORDER BY id", (" OR ".join(groups),))
        return [r[0] for r in rows]

    def search(self, query: str, limit: int = 50) -> tuple[int, list[Hit]]:
        """(total hits, first `limit` hits): articles where every term of an alternative occurs."""
        alternatives = query_alternatives(query)
        if not alternatives:
            return 0, []
        total = 0
        hits: list[Hit] = []
        for article_id in self.candidates(alternatives):
            try:
                text = read_text(self.corpus / f"{article_id}.txt").text
            except UnreadableArticle:
                continue
            spans: set[tuple[int, int]] = set()
            for terms in alternatives:
                found = [find_in_text(t, text) for t in terms]
                if all(found):
                    spans.update(s for group in found for s in group)
            for start, end in sorted(spans):
                total += 1
                if len(hits) < limit:
                    hits.append(Hit(article_id, start, end, text[start:end], snippet(text, start, end)))
        return total, hits

    def close(self) -> None:
        self.db.close()


def snippet(text: str, start: int, end: int) -> str:
    """The hit with some words around it, on one line."""
    left = text[max(0, start - SNIPPET):start]
    right = text[end:end + SNIPPET]
    left = left.split(" ", 1)[-1] if start > SNIPPET and " " in left else left
    right = right.rsplit(" ", 1)[0] if " " in right else right
    return " ".join((left + text[start:end] + right).split())


def search_corpus(corpus: Path, query: str, limit: int = 50) -> SearchResult:
    """Refresh the index, then search it; timings as DESIGN §6 reports them."""
    t0 = time.perf_counter()
    index = CorpusIndex(corpus)
    try:
        index.refresh_all()
        t1 = time.perf_counter()
        total, hits = index.search(query, limit)
        t2 = time.perf_counter()
    finally:
        index.close()
    return SearchResult(query, total, hits, round((t2 - t1) * 1000, 1), round((t1 - t0) * 1000, 1))
