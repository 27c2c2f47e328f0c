"""The article-metadata record: one article of a folder listing, typed and frozen; and the
listing itself (records, skipped files, warnings).

It is what `hashiye-cli list --json` prints for each article (DESIGN §6, in that order),
what the listing cache stores, and what the window's list and header show. It never
changes once made: a new annotation count is a new record (`with_annotations`).

This module imports no parser: a folder listed from the cache (`search.listing_cache`) does
not load one. `corpus.corpus` gives the same classes under its own name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article as listed: text fields at the display level they were read at (DESIGN §3, §6)."""

    id: str  # the file stem
    file: str  # the file name, relative to the folder
    title: str | None = None
    supertitle: str | None = None
    lead: str | None = None
    source: str | None = None
    news_code: str | None = None  # Latin digits
    published: str | None = None  # ISO 8601 (with offset, or a plain date)
    published_jalali: str | None = None  # `1399-11-29 12:14` or `1403-09-12`
    words: int = 0
    annotations: int = 0

    def to_json(self) -> dict[str, Any]:
        """The record as `hashiye-cli list --json` prints it: every field, in DESIGN §6's order."""
        return dict(zip(FIELDS, _values(self)))  # C loops (a listing makes thousands)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ArticleRecord:
        """A record from `to_json`'s form (the listing cache); unknown keys are ignored."""
        try:
            return cls(**data)  # the usual case, and the fast one (a listing makes thousands)
        except TypeError:
            return cls(**{name: data[name] for name in FIELDS if name in data})

    def with_annotations(self, count: int) -> ArticleRecord:
        """The same record with another annotation count (this one is not changed)."""
        return self if count == self.annotations else replace(self, annotations=count)

    @property
    def shown_title(self) -> str:
        """The title, or the id when the article has none."""
        return self.title or self.id


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ArticleRecord))
_values = attrgetter(*FIELDS)  # a record's field values, in FIELDS' order


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
    partial: bool = False  # the folder is still being read: more articles will follow

    def to_json(self) -> dict[str, Any]:
        return {
            "corpus": str(self.corpus),
            "articles": [a.to_json() for a in self.articles],
            "skipped": [{"file": s.file, "reason": s.reason} for s in self.skipped],
            "warnings": self.warnings,
        }
