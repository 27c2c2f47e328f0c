"""The article list from the corpus cache (`hashiye-cli list`, the window's list).

The `list` record of each article is kept in the cache (`search_index.CorpusIndex`) by
name, mtime, size and inode; annotation counts are re-read only for sidecars that changed.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ..corpus.records import ArticleRecord
from ..text.textio import shown_name
from .search_index import SCHEMA_VERSION, CorpusIndex, code_fingerprint, index_path

if TYPE_CHECKING:
    from ..corpus.records import Listing


def listing(index: CorpusIndex) -> Listing:
    """The `list` records from the cache (run `refresh()` first), annotation counts re-checked."""
    from ..corpus.records import Listing, Skipped  # not corpus.corpus: no parser for a listing from the cache

    listing = Listing(index.corpus)
    rows = index.db.execute("SELECT name, skipped, record, warnings FROM files ORDER BY name").fetchall()
    counts = annotation_counts(index, [r[0] for r in rows if r[2] is not None])
    # Every record decoded by one call (each is a JSON object: joined, they are an array), which
    # spares the decoder's Python wrapper per record (a sixth of a listing of 100,000 articles).
    records = iter(json.loads("[" + ",".join(r[2] for r in rows if r[1] is None and r[2] is not None) + "]"))
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
        data = next(records)
        data["annotations"] = count
        listing.articles.append(ArticleRecord.from_json(data))
    listing.skipped += [Skipped(shown_name(n), why) for n, why in sorted(index.bad_names.items())]
    return listing


def annotation_counts(index: CorpusIndex, names: list[str]) -> dict[str, tuple[int, str | None]]:
    """Annotation count and warning per article, re-reading only sidecars that changed."""
    from ..annotations.sidecar import SUFFIX, peek_count, sidecar_path

    known = {r[0]: r[1:] for r in index.db.execute("SELECT name, mtime, size, count, warning FROM sidecars")}
    out: dict[str, tuple[int, str | None]] = {}
    fresh: list[tuple[str, int, int, int, str | None]] = []
    scanned = index.sidecars
    for name in names:
        if scanned is not None:  # the refresh's folder scan saw every sidecar
            sig = scanned.get(name[:-4] + SUFFIX, (0, -1))  # sidecar_path(…).name: article names end in .txt
        else:
            try:
                st = sidecar_path(index.corpus / name).stat()
                sig = (st.st_mtime_ns, st.st_size)
            except OSError:
                sig = (0, -1)
        old = known.get(name)
        if old is not None and (old[0], old[1]) == sig:
            out[name] = (int(old[2]), old[3])
            continue
        count, warning = peek_count(index.corpus / name) if sig[1] >= 0 else (0, None)
        out[name] = (count, warning)
        fresh.append((name, sig[0], sig[1], count, warning))
    if fresh:
        try:
            index.db.executemany("INSERT OR REPLACE INTO sidecars VALUES (?,?,?,?,?)", fresh)
        except sqlite3.OperationalError:
            pass  # cache busy or read-only: counts are still right, just not remembered
    return out


def cache_is_current(corpus: Path) -> bool:
    """Whether the folder's cache exists and this code wrote it (same schema, same parser and
    rules): a listing from it then reads only the files changed since. Read only, on any thread;
    a cache that cannot be read is not current. Otherwise (a new folder, or every folder after an
    update of Hashiye) the first listing parses every file."""
    path = index_path(corpus)
    if not path.is_file():
        return False
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return False
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return False
        row = db.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()
        return row is not None and row[0] == code_fingerprint()
    except sqlite3.Error:
        return False
    finally:
        db.close()


def cached_listing(corpus: Path, *, words: bool = True) -> Listing:
    """List a corpus as `hashiye-cli list` does, reading only files changed since the last call.

    Slow on the first call for a large folder (every file is parsed): call it from a worker
    thread, or drive `CorpusIndex.refresh()` there to show progress. Raises CorpusError.
    """
    from ..corpus.records import CorpusError

    if not corpus.is_dir():
        from ..corpus.corpus import article_files

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
