"""Which articles and annotations are kept: one filter for the article list, the annotation
browser and every export (`hashiye-cli export`, the window's export dialog).

Criteria combine with AND; the values inside one criterion combine with OR (tags `a`, `b`
keeps highlights tagged `a` or `b`). Tags, sources and the filter text compare in the
matching form of DESIGN §5 (Arabic ي/ك, digits, ZWNJ and diacritics do not matter). The
Jalali date range is inclusive and compares the article's `published_jalali` day; when a
range is given, articles without a known date are left out.

An article is judged the same way whether it comes as a list record (`ArticleRecord`) or
read (`Article`): by id, source, date and the words of its title, supertitle, source and
news code. Tags and colours judge annotations; the list keeps an article when one of its
annotations passes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..annotations.model import COLORS, Anchored, Annotation
from ..text.normalize import match_key, to_latin_digits
from ..annotations.sidecar import SUFFIX, CorruptSidecar, read_sidecar

if TYPE_CHECKING:
    from .article import Article
    from .records import ArticleRecord

_JALALI = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$")


def jalali_day(text: str) -> str:
    """`1399-1-5` (Persian or Latin digits, `-` or `/`) as `1399-01-05`; ValueError if not a date."""
    m = _JALALI.match(to_latin_digits(text))
    if not m:
        raise ValueError(f"not a Jalali date (YYYY-MM-DD): {text!r}")
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"not a Jalali date (month 1-12, day 1-31): {text!r}")
    return f"{year:04d}-{month:02d}-{day:02d}"


class Described(Protocol):
    """What the filter reads of an article: an `ArticleRecord` or an `Article`."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def supertitle(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def news_code(self) -> str | None: ...
    @property
    def published_jalali(self) -> str | None: ...


def record_key(item: Described) -> str:
    """The matching form of what the filter text searches: title, supertitle, source, news code."""
    return match_key(" ".join(x or "" for x in (item.title, item.supertitle, item.source, item.news_code)))


@dataclass
class Filter:
    """Which articles and annotations to keep; an empty filter keeps everything."""

    text: str = ""  # words that must all occur in the title, supertitle, source or news code
    articles: list[str] = field(default_factory=list)  # ids
    sources: list[str] = field(default_factory=list)
    date_from: str | None = None  # Jalali, any digits, `-` or `/`; inclusive
    date_to: str | None = None
    tags: list[str] = field(default_factory=list)
    colors: list[str] = field(default_factory=list)
    has_annotations: bool = False  # the list: only articles with annotations
    coders: list[str] = field(default_factory=list)  # W3C creator names (core/annotations/coders.py)
    _words: list[str] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        bad = [c for c in self.colors if c not in COLORS]
        if bad:
            raise ValueError(f"unknown colour {bad[0]!r} (one of {', '.join(COLORS)})")
        self._words = match_key(self.text).split()
        self.date_from = jalali_day(self.date_from) if self.date_from else None
        self.date_to = jalali_day(self.date_to) if self.date_to else None
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"the range starts ({self.date_from}) after it ends ({self.date_to})")

    @property
    def uses_text(self) -> bool:
        """Whether the text criterion is set (`keeps_article` then needs the record's `record_key`)."""
        return bool(self._words)

    def is_empty(self) -> bool:
        return not (self._words or self.articles or self.tags or self.colors or self.sources
                    or self.date_from or self.date_to or self.has_annotations or self.coders)

    # --- articles ----------------------------------------------------------------------------
    def kept_articles(self, items: Iterable[Described]) -> set[str] | None:
        """The ids of `items` the article-level criteria (text, id, source, date) keep, or None when
        there are none: every article is kept."""
        if not (self._words or self.articles or self.sources or self.date_from or self.date_to):
            return None
        return {item.id for item in items if self.keeps_article(item)}

    def keeps_article(self, item: Described, key: str | None = None) -> bool:
        """Tell whether the article-level criteria (text, id, source, date) admit an article;
        `key` is its precomputed `record_key`."""
        if self._words:
            key = record_key(item) if key is None else key
            if not all(w in key for w in self._words):
                return False
        if self.articles and item.id not in self.articles:
            return False
        if self.sources:
            mine = match_key(item.source or "")
            if not mine or mine not in {match_key(s) for s in self.sources}:
                return False
        if self.date_from or self.date_to:
            day = (item.published_jalali or "")[:10]
            if not day or (self.date_from and day < self.date_from) or (self.date_to and day > self.date_to):
                return False
        return True

    def keeps_record(self, rec: ArticleRecord, key: str | None = None,
                     annotations: Sequence[Annotation] = ()) -> bool:
        """Tell whether the list shows an article: its record passes, it has annotations if
        asked, and one of its `annotations` passes the tag, colour and coder criteria if any."""
        if not self.keeps_article(rec, key):
            return False
        if self.has_annotations and not rec.annotations:
            return False
        return not (self.tags or self.colors or self.coders) or any(self.keeps_annotation(a) for a in annotations)

    # --- annotations -------------------------------------------------------------------------
    def keeps_annotation(self, ann: Annotation) -> bool:
        """Tell whether an annotation passes the tag, colour and coder criteria."""
        if self.colors and ann.color not in self.colors:
            return False
        if self.tags:
            wanted = {match_key(t) for t in self.tags}
            if not any(match_key(t) in wanted for t in ann.tags):
                return False
        if self.coders:
            from ..annotations.coders import coder_set, made_by

            if not made_by(ann, coder_set(self.coders)):
                return False
        return True

    def keeps(self, art: Article, placed: Anchored) -> bool:
        """Tell whether one annotation (an export row) passes every criterion."""
        return self.keeps_annotation(placed.annotation) and self.keeps_article(art)

    def apply(self, rows: Iterable[tuple[Article, Anchored]]) -> list[tuple[Article, Anchored]]:
        """The rows this filter keeps, in their order."""
        return [(art, a) for art, a in rows if self.keeps(art, a)]


def annotations_by_article(corpus: Path) -> dict[str, list[Annotation]]:
    """Article id → its annotations, read from every sidecar of a folder (damaged ones are skipped):
    what the list's tag criterion looks at."""
    out: dict[str, list[Annotation]] = {}
    for path in corpus.glob(f"*{SUFFIX}"):
        article = path.with_name(path.name[: -len(SUFFIX)] + ".txt")
        try:
            content = read_sidecar(article)
        except (CorruptSidecar, OSError):
            continue
        if content.annotations:
            out[article.stem] = list(content.annotations)
    return out
