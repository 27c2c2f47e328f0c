"""A folder of articles: list them, skip what cannot be read, say why."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .article import Article, load_article
from .parse import FolderRules
from .records import ArticleRecord
# Defined without the parser (a listing from the cache loads none), and named here as before:
from .records import CorpusError as CorpusError, Listing as Listing, Skipped as Skipped
from ..annotations.sidecar import peek_count
from ..text.textio import UnreadableArticle, is_article_path, shown_name


def article_files(corpus: Path) -> list[Path]:
    """The article files of a folder (not recursive), sorted by name.

    Every entry with an article's name that is not a folder: pipes, devices and broken
    links too, so that reading them (which refuses them without blocking) says why they
    are skipped instead of hiding them.
    """
    if not corpus.exists():
        raise CorpusError(f"folder not found: {corpus}")
    if not corpus.is_dir():
        raise CorpusError(f"not a folder: {corpus}")
    try:
        entries = list(corpus.iterdir())
    except OSError as exc:
        raise CorpusError(f"cannot read folder {corpus}: {exc.strerror or exc}") from exc
    return sorted(p for p in entries if is_article_path(p) and not p.is_dir())


def iter_articles(corpus: Path, skipped: list[Skipped] | None = None) -> Iterator[Article]:
    """Yield every readable article; unreadable ones are added to `skipped`."""
    for path in article_files(corpus):
        try:
            yield load_article(path)
        except UnreadableArticle as exc:
            if skipped is not None:
                skipped.append(Skipped(shown_name(path.name), exc.reason))


@dataclass
class ListingChunk:
    """Part of a folder's listing, in `scan`'s order (file names sorted): what `iter_listing` yields.

    `done` files of `total` have been looked at so far (articles and skipped files alike).
    """

    articles: list[ArticleRecord]
    skipped: list[Skipped]
    warnings: list[dict[str, str]]
    done: int
    total: int


def list_file(path: Path, rules: FolderRules | None = None) -> ListingChunk:
    """List one file as `scan` does: its record, or why it is skipped, and its warnings.

    A pure function of the file and the rules (plain data in, plain data out), so a process
    pool can run it; `rules` default to the folder's (core.folder_rules.for_folder).
    """
    try:
        art = load_article(path, rules)
    except UnreadableArticle as exc:
        return ListingChunk([], [Skipped(shown_name(path.name), exc.reason)], [], 1, 1)
    count, warning = peek_count(art.path)
    warnings = [{"file": art.path.name, "message": warning}] if warning else []
    warnings += [{"file": art.path.name, "message": w} for w in art.parsed.warnings]
    return ListingChunk([art.metadata(art.path.name, count)], [], warnings, 1, 1)


CHUNK = 25  # files per chunk: the first arrives after a few dozen milliseconds


def iter_listing(corpus: Path, *, rules: FolderRules | None = None, files: list[Path] | None = None,
                 chunk: int | None = None) -> Iterator[ListingChunk]:
    """List a folder a chunk at a time, for a window that shows the list as it is read.

    The chunks joined (`join_chunks`) are exactly `scan(corpus)` (same records, same order)
    when `rules` are the folder's. `files` defaults to `article_files(corpus)` (raises
    CorpusError). Each chunk is `chunk` files (default `CHUNK`); a caller that parses in parallel can map
    `list_file` over the same files and yield the same chunks.
    """
    paths = article_files(corpus) if files is None else files
    total, chunk = len(paths), chunk or CHUNK
    for start in range(0, total, chunk):
        out = ListingChunk([], [], [], 0, total)
        for path in paths[start:start + chunk]:
            one = list_file(path, rules)
            out.articles += one.articles
            out.skipped += one.skipped
            out.warnings += one.warnings
        out.done = min(start + chunk, total)
        yield out
    if not total:
        yield ListingChunk([], [], [], 0, 0)


def join_chunks(corpus: Path, chunks: Iterable[ListingChunk], into: Listing | None = None) -> Listing:
    """Add chunks to a listing (a new one by default), in order."""
    listing = Listing(corpus) if into is None else into
    for c in chunks:
        listing.articles += c.articles
        listing.skipped += c.skipped
        listing.warnings += c.warnings
    return listing


def scan(corpus: Path) -> Listing:
    """List a folder as `hashiye-cli list` does; never changes a file."""
    return join_chunks(corpus, iter_listing(corpus))


def find_article(corpus: Path, article_id: str) -> Article:
    """Load the article whose id (file stem) is given; KeyError if there is none."""
    for path in article_files(corpus):
        if path.stem == article_id:
            return load_article(path)
    raise KeyError(article_id)
