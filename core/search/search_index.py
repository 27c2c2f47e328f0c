"""The corpus cache: one SQLite database per corpus folder in the user cache folder.

It holds, per article file (keyed by name, checked by mtime, size, inode and ctime):
- the `list` record (metadata), so a large corpus is listed without parsing every file
  (`listing_cache.py`);
- the article's words in an FTS5 table (`terms`) that proposes candidate articles;
- the article's word units with their counts, and which units follow which with only
  spaces between (`postings.py`), from which `counts.py` counts the hits of a query
  without reading the files.

`terms` is a contentless FTS5 table (`detail=none`): it stores which articles hold a
token, nothing else. Its tokens are the matching-form words of the article (DESIGN §5)
plus every pair of neighbouring words joined («محرومیت زدایی» also gives «محرومیتزدایی»),
so a compound is found however it is spaced. Hits shown are always verified on the
file's text (`search.py`).

A contentless table cannot delete a row without its old text, so an edited or deleted
file leaves its old row behind, unreferenced (`files.docid` points at the new row); the
index is rebuilt from the files once such garbage passes a quarter of the live rows.
A missing, foreign or damaged database is deleted and rebuilt, and so is one written by
another version of the parser or matching rules (`code_fingerprint`); the article folder
is never written to. Files are read by `index_read.py` (in worker processes when many).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from ..files.paths import cache_dir
from ..text.textio import shown_name
from . import freshness, index_read, postings
from .index_read import (BATCH, CHUNK, PARALLEL_FROM, Workers, corpus_error, cpu_count, index_tokens, read_line_keys,
                         read_row, read_rows, stat_files)

if TYPE_CHECKING:  # the corpus scanner is imported when first needed: a search on an
    # up-to-date index does not load it (hashiye-cli search start-up)
    from ..corpus.corpus import Listing

__all__ = ["BATCH", "CHUNK", "PARALLEL_FROM", "CorpusIndex", "Progress", "code_fingerprint",
           "corpus_error", "cpu_count", "index_path", "index_read", "index_tokens", "is_damage", "read_row",
           "read_rows"]

SCHEMA_VERSION = 8  # bump when the tables change (code changes are caught by `code_fingerprint`)
LAZY_FROM = 1000  # candidates from which a first page walks the files in date order
COMPACT_MIN = 1000  # old rows tolerated before compacting (also at most a quarter of the live rows)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    name TEXT PRIMARY KEY, mtime INTEGER, size INTEGER, ino INTEGER, docid INTEGER,
    encoding TEXT, skipped TEXT, record TEXT, warnings TEXT, published TEXT, ctime INTEGER);
CREATE INDEX IF NOT EXISTS files_docid ON files(docid);
CREATE INDEX IF NOT EXISTS files_order ON files(published IS NULL, published DESC, name);
CREATE TABLE IF NOT EXISTS sidecars (name TEXT PRIMARY KEY, mtime INTEGER, size INTEGER,
    count INTEGER, warning TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5(
    tokens, content='', detail=none, columnsize=0, tokenize='unicode61 remove_diacritics 0');
""" + postings.SCHEMA


@dataclass(frozen=True)
class Progress:
    """Where a refresh is: `phase` is scan, index, compact or done; `done` of `total` files."""

    phase: str
    done: int
    total: int
    file: str | None = None


def index_path(corpus: Path) -> Path:
    """Where the cache of a corpus folder lives (user cache, keyed by the folder's real path)."""
    key = hashlib.sha1(str(corpus.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return cache_dir() / "index" / f"{key}.sqlite"


_fingerprint: str | None = None


def code_fingerprint() -> str:
    """A digest of the core modules' source: list records and tokens are only reused when the
    parser, the matching rules and this module are the ones that wrote them.

    Hashing every core module (about 2 ms) needs no version number to remember to bump.
    """
    global _fingerprint
    if _fingerprint is None:
        _fingerprint = source_digest(Path(__file__).resolve().parents[1])
    return _fingerprint


def source_digest(core: Path) -> str:
    """A digest of the modules of every package under `core` (the parser is in corpus/ and text/)
    but the command-line ones, which write no record."""
    digest = hashlib.sha1(str(SCHEMA_VERSION).encode())
    for source in sorted(core.rglob("*.py")):
        if source.parent.name == "cli":
            continue
        try:
            digest.update(str(source.relative_to(core)).encode() + b"\0" + source.read_bytes())
        except OSError:
            continue
    return digest.hexdigest()


def is_damage(exc: sqlite3.Error) -> bool:
    """Tell whether an SQLite error means the cache file is damaged or foreign (rebuild it)."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB":
        return True
    return name == "SQLITE_ERROR" and ("no such" in str(exc) or "malformed" in str(exc))


class CorpusIndex:
    """The cache of one corpus folder. Use one instance per thread (SQLite connections are not shared)."""

    def __init__(self, corpus: Path, path: Path | None = None) -> None:
        self.corpus = corpus
        self.path = path or index_path(corpus)
        self.sidecars: dict[str, tuple[int, int]] | None = None  # (mtime, size) by name, from the last scan
        self.db = self._open()
        self.vocab = postings.Vocabulary(self.db)
        # Article names that are not valid UTF-8 (SQLite cannot store them): listed as skipped, never read.
        self.bad_names: dict[str, str] = {}

    # --- opening, damage -------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect(str(self.path))
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                return self._connect(":memory:")  # cache folder unusable: index in memory
            self._delete_files()
            return self._connect(str(self.path))
        except OSError:
            return self._connect(":memory:")

    def _connect(self, where: str) -> sqlite3.Connection:
        db = sqlite3.connect(where, timeout=10, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION or self._stale(db):
                self._create(db)
            db.execute("SELECT count(*) FROM files").fetchone()
            db.execute("SELECT rowid FROM terms WHERE terms MATCH 'x' LIMIT 1").fetchall()
        except sqlite3.Error:
            db.close()
            raise
        return db

    @staticmethod
    def _stale(db: sqlite3.Connection) -> bool:
        """Tell whether the cache was written by other code (parser, matching rules)."""
        row = db.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()
        return row is None or row[0] != code_fingerprint()

    def _create(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        for (kind, name) in db.execute("SELECT type, name FROM sqlite_master").fetchall():
            if kind == "table" and not name.startswith("terms_"):
                db.execute(f'DROP TABLE IF EXISTS "{name}"')
        db.execute("COMMIT")
        db.executescript(_SCHEMA)
        where = shown_name(str(self.corpus.resolve()))  # for people reading the cache; the name may not be UTF-8
        db.execute("INSERT OR REPLACE INTO meta VALUES ('corpus', ?)", (where,))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('code', ?)", (code_fingerprint(),))
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _delete_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def reset(self) -> None:
        """Throw the cache away (damaged) and start an empty one."""
        self.db.close()
        self._delete_files()
        self.db = self._open()
        self.vocab = postings.Vocabulary(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- refreshing --------------------------------------------------------------------

    def refresh(self, *, metadata: bool = True, words: bool = True,
                workers: int | None = None) -> Iterator[Progress]:
        """Bring the cache up to date with the folder, yielding progress; incremental.

        Only files whose mtime, size, inode or ctime changed are read; deleted files are dropped.
        A search (`metadata=False`) on a folder where nothing changed costs one scan of the folder
        and one value from the database (`freshness.words_current`).
        `metadata=False` indexes words only (search), leaving `list` records for later;
        `words=False` reads list records only (`hashiye-cli list`), leaving words for later.
        Many files are read in `workers` processes (default: one per CPU; 1 reads in this
        process). A damaged cache is rebuilt. Raises CorpusError if the folder cannot be read.
        """
        try:
            yield from self._refresh(metadata, words, workers)
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            self.reset()
            yield from self._refresh(metadata, words, workers)

    def update(self, *, metadata: bool = True, words: bool = True, workers: int | None = None) -> int:
        """Run `refresh` to the end; return how many files were read."""
        read = 0
        for p in self.refresh(metadata=metadata, words=words, workers=workers):
            if p.phase == "index":
                read = p.done
        return read

    def _refresh(self, metadata: bool, words: bool, workers: int | None) -> Iterator[Progress]:
        yield Progress("scan", 0, 0)
        current = self._stat_files(metadata)
        if not metadata and self._words_current(current):
            yield Progress("done", 0, 0)
            return
        known = {r[0]: r[1:] for r in self.db.execute(
            "SELECT name, mtime, size, ino, ctime, docid, skipped, record FROM files")}
        gone = [n for n in known if n not in current]
        pool = Workers(workers)  # started by the first step with many files to read, for every step
        try:
            rules = None
            rules_changed = False
            if metadata:  # records depend on the folder's repeated lines and marks
                from ..corpus.folder_rules import for_folder

                rules = for_folder(self.corpus, read=lambda corpus, names: read_line_keys(corpus, names, pool))
                rules_changed = self._meta_text("folder_rules") != rules.digest()
            # known[n]: mtime, size, ino, ctime, docid, skipped, record
            todo = [n for n, st in current.items()
                    if rules_changed or n not in known or known[n][:4] != st
                    or (metadata and known[n][6] is None and known[n][5] is None)
                    or (words and known[n][4] is None and known[n][5] is None)]
            # What to read of each: what was asked for; an unchanged file read again for the other
            # part keeps what the cache had of it.
            what = [(metadata or (n in known and known[n][:4] == current[n] and known[n][6] is not None),
                     words or (n in known and known[n][:4] == current[n] and known[n][4] is not None))
                    for n in todo]
            if gone:
                self._drop(gone, [known[n][4] for n in gone if known[n][4] is not None])
            total = len(todo)
            yield Progress("index", 0, total)
            done = 0
            for rows in read_rows(self.corpus, todo, what, workers, rules, pool):
                self._store(rows)
                done += len(rows)
                yield Progress("index", done, total, rows[-1]["name"])
        finally:
            pool.close()
        if rules is not None and rules_changed:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('folder_rules', ?)", (rules.digest(),))
        if self._garbage() > max(COMPACT_MIN, self._live() // 4):
            yield from self._compact()
        elif total > 1000:
            self.db.execute("INSERT INTO terms(terms) VALUES ('optimize')")
        if words and (total or gone):
            self._words_current(current)  # the next search's check: one value compared
        yield Progress("done", total, total)

    def _stat_files(self, sidecars: bool = True) -> dict[str, tuple[int, int, int, int]]:
        """(mtime, size, inode, ctime) of every article file; the same files as `corpus.article_files`."""
        out, self.sidecars, self.bad_names = stat_files(self.corpus, sidecars)
        return out

    def _words_current(self, current: dict[str, tuple[int, int, int, int]]) -> bool:
        """Tell whether every file's words are indexed as the folder now is (`freshness.words_current`)."""
        return freshness.words_current(self.db, current)

    def _changing(self) -> None:
        """Begin a transaction that changes the files' rows (the folder's stat snapshot goes)."""
        self.db.execute("BEGIN IMMEDIATE")
        freshness.forget(self.db)

    def _store(self, rows: list[dict[str, Any]]) -> None:
        db = self.db
        self._changing()
        try:
            docid = self._next_docid()
            garbage = 0
            units: list[tuple[int, dict[str, int], postings.Pairs]] = []
            for row in rows:
                old = db.execute("SELECT docid FROM files WHERE name = ?", (row["name"],)).fetchone()
                garbage += 1 if old and old[0] is not None else 0
                if old and old[0] is not None:
                    postings.drop(db, [old[0]])
                row_docid = None
                if row["tokens"] is not None:
                    row_docid, docid = docid, docid + 1
                    db.execute("INSERT INTO terms(rowid, tokens) VALUES (?, ?)", (row_docid, row["tokens"]))
                    units.append((row_docid, row["units"], row["pairs"]))
                db.execute("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                           (row["name"], row["mtime"], row["size"], row["ino"], row_docid, row["encoding"],
                            row["skipped"], row["record"], row["warnings"], row["published"], row["ctime"]))
            postings.store(db, self.vocab, units)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('next_docid', ?)", (docid,))
            self._add_garbage(garbage)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            self.vocab.forget()  # units added in this transaction are gone
            raise

    def _drop(self, names: list[str], docids: list[int]) -> None:
        db = self.db
        self._changing()
        postings.drop(db, docids)
        db.executemany("DELETE FROM files WHERE name = ?", [(n,) for n in names])
        db.executemany("DELETE FROM sidecars WHERE name = ?", [(n,) for n in names])
        self._add_garbage(len(docids))
        db.execute("COMMIT")

    def _meta_text(self, key: str) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""

    def _meta_int(self, key: str) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def _next_docid(self) -> int:
        return max(1, self._meta_int("next_docid"))

    def _garbage(self) -> int:
        return self._meta_int("garbage")

    def _add_garbage(self, n: int) -> None:
        if n:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('garbage', ?)", (self._garbage() + n,))

    def _live(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM files WHERE docid IS NOT NULL").fetchone()[0])

    def _compact(self) -> Iterator[Progress]:
        """Rebuild `terms` and the postings from the files, dropping rows of old versions and unused units."""
        names = [r[0] for r in self.db.execute("SELECT name FROM files WHERE docid IS NOT NULL")]
        self._changing()
        self.db.execute("INSERT INTO terms(terms) VALUES ('delete-all')")
        postings.clear(self.db, self.vocab)
        self.db.execute("UPDATE files SET docid = NULL, mtime = NULL WHERE docid IS NOT NULL")
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('garbage', 0)")
        self.db.execute("COMMIT")
        keep = {r[0] for r in self.db.execute("SELECT name FROM files WHERE record IS NOT NULL")}
        rules = None
        if keep:  # records are read again with the folder's line rules
            from ..corpus.folder_rules import for_folder

            rules = for_folder(self.corpus)
        done = 0
        for rows in read_rows(self.corpus, names, [(n in keep, True) for n in names], None, rules):
            self._store(rows)
            done += len(rows)
            yield Progress("compact", done, len(names), rows[-1]["name"])
        self.db.execute("INSERT INTO terms(terms) VALUES ('optimize')")

    # --- reading -----------------------------------------------------------------------

    def candidates(self, fts_query: str, *, lazy: bool = False) -> Iterator[tuple[str, str]]:
        """(file name, encoding) of live articles whose tokens satisfy an FTS5 query, newest first.

        `lazy` walks the files in date order and yields as it goes (the first rows come at
        once); otherwise all rows are sorted first (faster when every row is read).
        """
        order = "ORDER BY published IS NULL, published DESC, name"
        match = "docid IN (SELECT rowid FROM terms WHERE terms MATCH ?)"
        if lazy:  # walking the files in date order only pays when matches are many
            many = self.db.execute("SELECT count(*) FROM (SELECT rowid FROM terms WHERE terms MATCH ? "
                                   "LIMIT ?)", (fts_query, LAZY_FROM)).fetchone()[0]
            lazy = many >= LAZY_FROM
        if lazy:
            sql = f"SELECT name, encoding FROM files INDEXED BY files_order WHERE skipped IS NULL AND {match} {order}"
        else:
            sql = f"SELECT name, encoding FROM files WHERE skipped IS NULL AND {match} {order}"
        cursor = self.db.execute(sql, (fts_query,))
        return iter(cursor) if lazy else iter(cursor.fetchall())

    def listing(self) -> Listing:
        """The `list` records from the cache (run `refresh()` first), annotation counts re-checked."""
        from .listing_cache import listing

        return listing(self)
