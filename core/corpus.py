"""A folder of articles: list them, skip what cannot be read, say why."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .article import Article, load_article
from .records import ArticleRecord
from .sidecar import peek_count
from .textio import UnreadableArticle, is_article_path, shown_name


class CorpusError(Exception):
    """The corpus folder itself cannot be used (missing, not a folder, unreadable)."""


@dataclass
class Skipped:
    file: str
    reason: str


@dataclass
class Listing:
    """The result of scanning a folder: articles, skipped files, warnings."""

    corpus: Path
    articles: list[ArticleRecord] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "corpus": str(self.corpus),
            "articles": [a.to_json() for a in self.articles],
            "skipped": [{"file": s.file, "reason": s.reason} for s in self.skipped],
            "warnings": self.warnings,
        }


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


def scan(corpus: Path) -> Listing:
    """List a folder as `hashiye-cli list` does; never changes a file."""
    listing = Listing(corpus)
    for art in iter_articles(corpus, listing.skipped):
        count, warning = peek_count(art.path)
        if warning:
            listing.warnings.append({"file": art.path.name, "message": warning})
        for w in art.parsed.warnings:
            listing.warnings.append({"file": art.path.name, "message": w})
        listing.articles.append(art.metadata(art.path.name, count))
    return listing


def find_article(corpus: Path, article_id: str) -> Article:
    """Load the article whose id (file stem) is given; KeyError if there is none."""
    for path in article_files(corpus):
        if path.stem == article_id:
            return load_article(path)
    raise KeyError(article_id)
