"""Which annotations an export includes: one filter shared by `hashiye-cli export` and the window.

Criteria combine with AND; the values inside one criterion combine with OR (tags `a`, `b`
keeps highlights tagged `a` or `b`). Tags and sources compare in the matching form of
DESIGN §5 (Arabic ي/ك, digits, ZWNJ and diacritics do not matter). The Jalali date range is
inclusive and compares the article's `published_jalali` date; when a range is given,
articles without a known date are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .annotations import COLORS, Anchored
from .article import Article
from .normalize import match_key, to_latin_digits

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


@dataclass
class ExportFilter:
    """Which rows to export; an empty filter keeps everything."""

    articles: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    colors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    date_from: str | None = None  # Jalali YYYY-MM-DD, inclusive
    date_to: str | None = None
    coders: list[str] = field(default_factory=list)  # W3C creator names (core/coders.py)

    def __post_init__(self) -> None:
        bad = [c for c in self.colors if c not in COLORS]
        if bad:
            raise ValueError(f"unknown colour {bad[0]!r} (one of {', '.join(COLORS)})")
        self.date_from = jalali_day(self.date_from) if self.date_from else None
        self.date_to = jalali_day(self.date_to) if self.date_to else None
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"the range starts ({self.date_from}) after it ends ({self.date_to})")

    def is_empty(self) -> bool:
        return not (self.articles or self.tags or self.colors or self.sources or self.date_from
                    or self.date_to or self.coders)

    def keeps_article(self, art: Article) -> bool:
        """Tell whether the article-level criteria (id, source, date) admit `art`."""
        if self.articles and art.id not in self.articles:
            return False
        if self.sources:
            mine = match_key(art.parsed.source or "")
            if not mine or mine not in {match_key(s) for s in self.sources}:
                return False
        if self.date_from or self.date_to:
            day = (art.published_jalali or "")[:10]
            if not day:
                return False
            if self.date_from and day < self.date_from:
                return False
            if self.date_to and day > self.date_to:
                return False
        return True

    def keeps(self, art: Article, placed: Anchored) -> bool:
        """Tell whether one annotation passes every criterion."""
        ann = placed.annotation
        if self.colors and ann.color not in self.colors:
            return False
        if self.tags:
            wanted = {match_key(t) for t in self.tags}
            if not any(match_key(t) in wanted for t in ann.tags):
                return False
        if self.coders:
            from .coders import coder_set, made_by

            if not made_by(ann, coder_set(self.coders)):
                return False
        return self.keeps_article(art)

    def apply(self, rows: Iterable[tuple[Article, Anchored]]) -> list[tuple[Article, Anchored]]:
        """The rows this filter keeps, in their order."""
        return [(art, a) for art, a in rows if self.keeps(art, a)]
