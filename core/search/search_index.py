"""The corpus cache: one SQLite database per corpus folder in the user cache folder.

It holds, per article file (keyed by name, checked by mtime, size and inode):
- the `list` record (metadata), so a large corpus is listed without parsing every file;
- the article's words in an FTS5 table (`terms`) for corpus search.

`terms` is a contentless FTS5 table (`detail=none`): it stores which articles hold a
token, nothing else, so the cache stays a fraction of the corpus size. Its tokens are
the matching-form words of the article (DESIGN §5) plus every pair of neighbouring
words joined («محرومیت زدایی» also gives «محرومیتزدایی»), so a compound is found
however it is spaced. The index only proposes candidates; hits are always verified on
the file's text (`search.py`).

A contentless table cannot delete a row without its old text, so an edited or deleted
file leaves its old row behind, unreferenced (`files.docid` points at the new row); the
index is rebuilt from the files once such garbage passes a quarter of the live rows.
A missing, foreign or damaged database is deleted and rebuilt, and so is one written by
another version of the parser or matching rules (`code_fingerprint`); the article folder
is never written to.

A refresh that has many files to read reads them in worker processes (`read_rows`), in
chunks, and stores the rows in the same order as a serial read: the cache, and so the
listing, is the same byte for byte whichever way it was built.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from ..text.normalize import match_key_lines
from ..files.paths import cache_dir
from ..corpus.records import ArticleRecord
from ..text.textio import UnreadableArticle, check_file_name, is_article_name, read_text, shown_name

if TYPE_CHECKING:  # the parser and the corpus scanner are imported when first needed: a
    # search on an up-to-date index does not load them (hashiye-cli search start-up)
    from concurrent.futures import Future, ProcessPoolExecutor

    from ..corpus.corpus import Listing
    from ..corpus.parse import FolderRules

SCHEMA_VERSION = 6  # bump when the tables change (code changes are caught by `code_fingerprint`)
BATCH = 200
PARALLEL_FROM = 400  # files to read from which a refresh reads them in worker processes
CHUNK = 50  # files per task sent to a worker process
LAZY_FROM = 1000  # candidates from which a first page walks the files in date order
COMPACT_MIN = 1000  # old rows tolerated before compacting (also at most a quarter of the live rows)
_RUN = re.compile(r"[^\W_]+(?: +[^\W_]+)*")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    name TEXT PRIMARY KEY, mtime INTEGER, size INTEGER, ino INTEGER, docid INTEGER,
    encoding TEXT, skipped TEXT, record TEXT, warnings TEXT, published TEXT);
CREATE INDEX IF NOT EXISTS files_docid ON files(docid);
CREATE INDEX IF NOT EXISTS files_order ON files(published IS NULL, published DESC, name);
CREATE TABLE IF NOT EXISTS sidecars (name TEXT PRIMARY KEY, mtime INTEGER, size INTEGER,
    count INTEGER, warning TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5(
    tokens, content='', detail=none, columnsize=0, tokenize='unicode61 remove_diacritics 0');
"""


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


def index_tokens(text: str) -> str:
    """The FTS tokens of a text: its matching-form words and each gap-separated pair joined."""
    tokens: set[str] = set()
    for run in _RUN.findall(match_key_lines(text)):
        words = run.split()
        tokens.update(words)
        tokens.update(map(add, words, words[1:]))  # neighbours joined (map: no Python loop)
    return " ".join(tokens)


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

        Only files whose mtime, size or inode changed are read; deleted files are dropped.
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
        current = self._stat_files()
        known = {r[0]: r[1:] for r in self.db.execute(
            "SELECT name, mtime, size, ino, docid, skipped, record FROM files")}
        gone = [n for n in known if n not in current]
        pool = Workers(workers)  # started by the first step with many files to read, for every step
        try:
            rules = None
            rules_changed = False
            if metadata:  # records depend on the folder's repeated lines and marks
                from ..corpus.folder_rules import for_folder

                rules = for_folder(self.corpus, read=lambda corpus, names: read_line_keys(corpus, names, pool))
                rules_changed = self._meta_text("folder_rules") != rules.digest()
            # known[n]: mtime, size, ino, docid, skipped, record
            todo = [n for n, st in current.items()
                    if rules_changed or n not in known or known[n][:3] != st
                    or (metadata and known[n][5] is None and known[n][4] is None)
                    or (words and known[n][3] is None and known[n][4] is None)]
            # What to read of each: what was asked for; an unchanged file read again for the other
            # part keeps what the cache had of it.
            what = [(metadata or (n in known and known[n][:3] == current[n] and known[n][5] is not None),
                     words or (n in known and known[n][:3] == current[n] and known[n][3] is not None))
                    for n in todo]
            if gone:
                self._drop(gone, garbage=sum(1 for n in gone if known[n][3] is not None))
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
        yield Progress("done", total, total)

    def _stat_files(self) -> dict[str, tuple[int, int, int]]:
        """(mtime, size, inode) of every article file; the same files as `corpus.article_files`."""
        if not self.corpus.is_dir():
            from ..corpus.corpus import article_files

            article_files(self.corpus)  # raises the CorpusError that `list` would
        from ..annotations.sidecar import SUFFIX

        out: dict[str, tuple[int, int, int]] = {}
        self.bad_names = {}
        sidecars: dict[str, tuple[int, int]] = {}
        try:
            with os.scandir(self.corpus) as entries:
                for entry in entries:
                    if entry.name.endswith(SUFFIX):  # annotation counts: no second stat per article
                        try:
                            st = entry.stat()
                            sidecars[entry.name] = (st.st_mtime_ns, st.st_size)
                        except OSError:
                            pass
                        continue
                    if not is_article_name(entry.name):
                        continue
                    try:
                        check_file_name(entry.name)  # names that are not UTF-8: skipped with a reason
                    except UnreadableArticle as exc:
                        self.bad_names[entry.name] = exc.reason
                        continue
                    # pipes, devices and broken links are read (and refused, with a reason) like any article
                    try:
                        if entry.is_dir():
                            continue
                        try:
                            st = entry.stat()
                        except FileNotFoundError:
                            st = entry.stat(follow_symlinks=False)
                        out[entry.name] = (st.st_mtime_ns, st.st_size, st.st_ino)
                    except OSError:
                        continue
        except OSError as exc:
            from ..corpus.corpus import CorpusError

            raise CorpusError(f"cannot read folder {self.corpus}: {exc.strerror or exc}") from exc
        self.sidecars = sidecars
        return out

    def _store(self, rows: list[dict[str, Any]]) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            docid = self._next_docid()
            garbage = 0
            for row in rows:
                old = db.execute("SELECT docid FROM files WHERE name = ?", (row["name"],)).fetchone()
                garbage += 1 if old and old[0] is not None else 0
                row_docid = None
                if row["tokens"] is not None:
                    row_docid, docid = docid, docid + 1
                    db.execute("INSERT INTO terms(rowid, tokens) VALUES (?, ?)", (row_docid, row["tokens"]))
                db.execute("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?,?,?,?)",
                           (row["name"], row["mtime"], row["size"], row["ino"], row_docid, row["encoding"],
                            row["skipped"], row["record"], row["warnings"], row["published"]))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('next_docid', ?)", (docid,))
            self._add_garbage(garbage)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _drop(self, names: list[str], garbage: int) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        db.executemany("DELETE FROM files WHERE name = ?", [(n,) for n in names])
        db.executemany("DELETE FROM sidecars WHERE name = ?", [(n,) for n in names])
        self._add_garbage(garbage)
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
        """Rebuild `terms` from the files, dropping rows of old versions."""
        names = [r[0] for r in self.db.execute("SELECT name FROM files WHERE docid IS NOT NULL")]
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("INSERT INTO terms(terms) VALUES ('delete-all')")
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
        from ..corpus.corpus import Listing, Skipped

        listing = Listing(self.corpus)
        rows = self.db.execute("SELECT name, skipped, record, warnings FROM files ORDER BY name").fetchall()
        counts = self._annotation_counts([r[0] for r in rows if r[2] is not None])
        for name, skipped, record, warnings in rows:
            if skipped is not None:
                listing.skipped.append(Skipped(name, skipped))
                continue
            if record is None:
                continue  # indexed for search only: metadata not read yet
            count, warning = counts[name]
            if warning:
                listing.warnings.append({"file": name, "message": warning})
            if warnings and warnings != "[]":
                listing.warnings.extend({"file": name, "message": w} for w in json.loads(warnings))
            listing.articles.append(ArticleRecord.from_json({**json.loads(record), "annotations": count}))
        listing.skipped += [Skipped(shown_name(n), why) for n, why in sorted(self.bad_names.items())]
        return listing

    def _annotation_counts(self, names: list[str]) -> dict[str, tuple[int, str | None]]:
        """Annotation count and warning per article, re-reading only sidecars that changed."""
        from ..annotations.sidecar import SUFFIX, peek_count, sidecar_path

        known = {r[0]: r[1:] for r in self.db.execute("SELECT name, mtime, size, count, warning FROM sidecars")}
        out: dict[str, tuple[int, str | None]] = {}
        fresh: list[tuple[str, int, int, int, str | None]] = []
        scanned = self.sidecars
        for name in names:
            if scanned is not None:  # the refresh's folder scan saw every sidecar
                sig = scanned.get(name[:-4] + SUFFIX, (0, -1))  # sidecar_path(…).name: article names end in .txt
            else:
                try:
                    st = sidecar_path(self.corpus / name).stat()
                    sig = (st.st_mtime_ns, st.st_size)
                except OSError:
                    sig = (0, -1)
            old = known.get(name)
            if old is not None and (old[0], old[1]) == sig:
                out[name] = (int(old[2]), old[3])
                continue
            count, warning = peek_count(self.corpus / name) if sig[1] >= 0 else (0, None)
            out[name] = (count, warning)
            fresh.append((name, sig[0], sig[1], count, warning))
        if fresh:
            try:
                self.db.executemany("INSERT OR REPLACE INTO sidecars VALUES (?,?,?,?,?)", fresh)
            except sqlite3.OperationalError:
                pass  # cache busy or read-only: counts are still right, just not remembered
        return out


def read_row(corpus: Path, name: str, metadata: bool, words: bool = True,
             rules: FolderRules | None = None) -> dict[str, Any]:
    """Read one file: its stat, (with `words`) its tokens, (with `metadata`) its list record or skip reason.

    `rules` are the folder's line rules (core.folder_rules) the record is parsed with.
    """
    path = corpus / name
    row: dict[str, Any] = {"name": name, "mtime": None, "size": None, "ino": None, "tokens": None,
                           "encoding": None, "skipped": None, "record": None,
                           "warnings": None, "published": None}
    try:
        try:
            st = os.stat(path)  # before reading: a change made meanwhile is read at the next refresh
        except FileNotFoundError:
            st = os.lstat(path)  # a broken link: read_text says so
        row["mtime"], row["size"], row["ino"] = st.st_mtime_ns, st.st_size, st.st_ino
        decoded = read_text(path)  # bounded, never blocks, regular files only
    except OSError as exc:
        row["skipped"] = f"cannot be read: {exc.strerror or exc}"
        return row
    except UnreadableArticle as exc:
        row["skipped"] = exc.reason
        return row
    row["encoding"] = decoded.encoding
    if metadata:
        from ..corpus.article import Article  # the parser: not loaded by a search
        from ..corpus.parse import NO_RULES, parse

        rules = NO_RULES if rules is None else rules
        parsed = parse(decoded.text, rules)
        if not parsed.kept():
            row["skipped"] = "no article text (empty or only boilerplate)"
            return row
        art = Article(path.stem, path, decoded.text, decoded.encoding, parsed, rules)
        record = art.metadata(name, 0)
        row["record"] = json.dumps(record.to_json(), ensure_ascii=False)  # the same form as `list --json`
        row["warnings"] = json.dumps([*decoded.warnings, *parsed.warnings], ensure_ascii=False)
        row["published"] = record.published
    if words:
        row["tokens"] = index_tokens(decoded.text)
    return row


def _read_chunk(corpus: Path, names: list[str], what: list[tuple[bool, bool]],
                rules: FolderRules | None) -> list[dict[str, Any]]:
    """Read a chunk of files (what a worker process does); `what`: (metadata, words) for each."""
    return [read_row(corpus, n, m, w, rules) for n, (m, w) in zip(names, what, strict=True)]


def corpus_error() -> type[Exception]:
    """`corpus.CorpusError`, imported when needed (write `except corpus_error() as exc:`;
    the expression is only evaluated when an exception reaches the clause)."""
    from ..corpus.corpus import CorpusError

    return CorpusError


def cpu_count() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes: forked when this process has one thread (the CLI: no start-up cost),
    else from a fork server (forking a process with threads, such as the window, is unsafe)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ..corpus import article, folder_rules  # noqa: F401  (imported before the workers fork)

    from ..text import normalize

    normalize.match_key_lines("")  # tables built once here, before the workers start
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method = "fork"  # the workers inherit the parser, imported above
    elif "forkserver" in methods:
        method = "forkserver"
        multiprocessing.get_context(method).set_forkserver_preload([article.__name__])
    else:
        method = "spawn"
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))


class Workers:
    """The worker processes of one refresh: started when a step first has PARALLEL_FROM files or
    more to read (the folder's line keys, then the records), shared by the steps, closed at the end."""

    def __init__(self, workers: int | None) -> None:
        self.count = cpu_count() if workers is None else workers
        self.pool: ProcessPoolExecutor | None = None
        self.failed = False

    def get(self, files: int) -> ProcessPoolExecutor | None:
        """The pool, if `files` files are worth reading in it and processes can be started."""
        if self.count <= 1 or files < PARALLEL_FROM or self.failed:
            return None
        if self.pool is None:
            try:
                self.pool = _pool(self.count)
            except (OSError, ImportError, NotImplementedError):
                self.failed = True  # read here
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def read_rows(corpus: Path, names: list[str], what: list[tuple[bool, bool]], workers: int | None,
              rules: FolderRules | None = None, pool: Workers | None = None) -> Iterator[list[dict[str, Any]]]:
    """Read files in batches of BATCH rows, in the order of `names`, whichever way they are read.

    From PARALLEL_FROM files on they are read in worker processes (`pool`, else a pool of
    `workers` started here), CHUNK files per task, a few tasks ahead of the batch being
    stored; if processes cannot be started, the rest is read here. `workers=1` always reads here.
    """
    own = pool is None
    workers_ = Workers(workers) if pool is None else pool
    try:
        executor = workers_.get(len(names))
        if executor is None:
            for start in range(0, len(names), BATCH):
                yield _read_chunk(corpus, names[start:start + BATCH], what[start:start + BATCH], rules)
            return
        jobs = [(corpus, names[start:start + CHUNK], what[start:start + CHUNK], rules)
                for start in range(0, len(names), CHUNK)]
        batch: list[dict[str, Any]] = []
        for rows in _map_chunks(executor, workers_.count, _read_chunk, jobs):
            batch.extend(rows)
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch
    finally:
        if own:
            workers_.close()


def read_line_keys(corpus: Path, names: list[str], pool: Workers) -> Iterator[tuple[list[str], list[str]]]:
    """`folder_rules.file_line_keys` of the files, in order; many are read in the worker processes."""
    from ..corpus.folder_rules import file_line_keys

    executor = pool.get(len(names))
    if executor is None:
        yield from file_line_keys(corpus, names)
        return
    jobs = [(corpus, names[start:start + CHUNK]) for start in range(0, len(names), CHUNK)]
    for keys in _map_chunks(executor, pool.count, file_line_keys, jobs):
        yield from keys


def _map_chunks(pool: ProcessPoolExecutor, workers: int, fn: Callable[..., list[Any]],
                jobs: list[tuple[Any, ...]]) -> Iterator[list[Any]]:
    """`fn(*job)` of each job, in order, run in the pool a few jobs ahead of the one returned;
    a job whose worker died (killed, out of memory) or could not be sent runs here."""
    from concurrent.futures.process import BrokenProcessPool

    todo = iter(jobs)
    pending: deque[tuple[tuple[Any, ...], Future[list[Any]] | None]] = deque()

    def submit() -> None:
        for job in todo:
            try:
                future: Future[list[Any]] | None = pool.submit(fn, *job)
            except (BrokenProcessPool, RuntimeError, OSError):
                future = None
            pending.append((job, future))
            return

    for _ in range(3 * workers):
        submit()
    while pending:
        job, future = pending.popleft()
        submit()
        result: list[Any] | None = None
        if future is not None:
            try:
                result = future.result()
            except (BrokenProcessPool, OSError):
                result = None
        yield fn(*job) if result is None else result


def cached_listing(corpus: Path, *, words: bool = True) -> Listing:
    """List a corpus as `hashiye-cli list` does, reading only files changed since the last call.

    Slow on the first call for a large folder (every file is parsed): call it from a worker
    thread, or drive `CorpusIndex.refresh()` there to show progress. Raises CorpusError.
    """
    from ..corpus.corpus import CorpusError, article_files

    if not corpus.is_dir():
        article_files(corpus)  # raises the same CorpusError as `scan`
        raise CorpusError(f"not a folder: {corpus}")
    index = CorpusIndex(corpus)
    try:
        index.update(metadata=True, words=words)
    except sqlite3.OperationalError:  # cache read-only, or locked by another process for 10 s
        index.close()
        index = CorpusIndex(corpus, Path(":memory:"))
        index.update(metadata=True, words=words)
    except BaseException:
        index.close()
        raise
    with index:
        return index.listing()
