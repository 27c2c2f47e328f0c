"""Reading article files for the corpus cache: one file (`read_row`), or many in worker processes.

A refresh that has many files to read reads them in worker processes (`read_rows`), in
chunks, and stores the rows in the same order as a serial read: the cache, and so the
listing, is the same byte for byte whichever way it was built.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterator
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..text.normalize import match_key_lines
from ..text.textio import UnreadableArticle, check_file_name, is_article_name, read_text

if TYPE_CHECKING:  # the parser is imported when first needed: a search does not load it
    from concurrent.futures import Future, ProcessPoolExecutor

    from ..corpus.parse import FolderRules

BATCH = 200
PARALLEL_FROM = 400  # files to read from which a refresh reads them in worker processes
CHUNK = 50  # files per task sent to a worker process
_RUN = re.compile(r"[^\W_]+(?: +[^\W_]+)*")


def index_tokens(text: str) -> str:
    """The FTS tokens of a text: its matching-form words and each gap-separated pair joined."""
    tokens: set[str] = set()
    for run in _RUN.findall(match_key_lines(text)):
        words = run.split()
        tokens.update(words)
        tokens.update(map(add, words, words[1:]))  # neighbours joined (map: no Python loop)
    return " ".join(tokens)


def read_row(corpus: Path, name: str, metadata: bool, words: bool = True,
             rules: FolderRules | None = None) -> dict[str, Any]:
    """Read one file: its stat, (with `words`) its tokens and word units, (with `metadata`) its list
    record or skip reason.

    `rules` are the folder's line rules (core.folder_rules) the record is parsed with.
    """
    path = corpus / name
    row: dict[str, Any] = {"name": name, "mtime": None, "size": None, "ino": None, "ctime": None, "tokens": None, "units": None, "pairs": None,
                           "encoding": None, "skipped": None, "record": None,
                           "warnings": None, "published": None}
    try:
        try:
            st = os.stat(path)  # before reading: a change made meanwhile is read at the next refresh
        except FileNotFoundError:
            st = os.lstat(path)  # a broken link: read_text says so
        row["mtime"], row["size"], row["ino"], row["ctime"] = st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns
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
        from ..text.units import units_and_pairs  # not on the window's start-up path (it lists without words)

        row["tokens"] = index_tokens(decoded.text)
        row["units"], row["pairs"] = units_and_pairs(decoded.text)  # hit counts (counts.py)
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


def stat_files(corpus: Path, with_sidecars: bool = True) -> tuple[
        dict[str, tuple[int, int, int, int]], dict[str, tuple[int, int]] | None, dict[str, str]]:
    """(mtime, size, inode, ctime) of every article file (the same files as `corpus.article_files`), (mtime,
    size) of every sidecar (None without `with_sidecars`: a search needs none), and the article
    names that are not valid UTF-8 with the reason (one scandir)."""
    if not corpus.is_dir():
        from ..corpus.corpus import article_files

        article_files(corpus)  # raises the CorpusError that `list` would
    suffix = "\0"  # without sidecars: no name ends with it (a sidecar is no article: is_article_name)
    if with_sidecars:
        from ..annotations.sidecar import SUFFIX as suffix

    out: dict[str, tuple[int, int, int, int]] = {}
    bad_names: dict[str, str] = {}
    sidecars: dict[str, tuple[int, int]] = {}
    try:
        with os.scandir(corpus) as entries:
            for entry in entries:
                if entry.name.endswith(suffix):  # annotation counts: no second stat per article
                    try:
                        st = entry.stat()
                        sidecars[entry.name] = (st.st_mtime_ns, st.st_size)
                    except OSError:
                        pass
                    continue
                if not is_article_name(entry.name):
                    continue
                if max(entry.name) >= "\udc80":  # else it holds no surrogate: valid UTF-8 (fast path)
                    try:
                        check_file_name(entry.name)  # names that are not UTF-8: skipped with a reason
                    except UnreadableArticle as exc:
                        bad_names[entry.name] = exc.reason
                        continue
                # pipes, devices and broken links are read (and refused, with a reason) like any article
                try:
                    if entry.is_dir():
                        continue
                    try:
                        st = entry.stat()
                    except FileNotFoundError:
                        st = entry.stat(follow_symlinks=False)
                    out[entry.name] = (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns)
                except OSError:
                    continue
    except OSError as exc:
        from ..corpus.corpus import CorpusError

        raise CorpusError(f"cannot read folder {corpus}: {exc.strerror or exc}") from exc
    return out, sidecars if with_sidecars else None, bad_names
