"""Which articles the list shows: text, source, Jalali date range, tag, has annotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .export_filters import jalali_day
from .normalize import match_key
from .sidecar import SUFFIX, CorruptSidecar, read_sidecar


def record_key(rec: dict[str, Any]) -> str:
    """The matching form of what the list filter text searches: title, supertitle, source, code."""
    return match_key(" ".join(str(rec.get(k) or "") for k in ("title", "supertitle", "source", "news_code")))


@dataclass
class ListFilter:
    """Criteria combine with AND; an empty filter shows every article."""

    text: str = ""
    source: str | None = None
    date_from: str | None = None  # Jalali, any digits, `-` or `/`; inclusive
    date_to: str | None = None
    tagged: set[str] | None = None  # ids of the articles carrying the chosen tag
    coded: set[str] | None = None  # ids of the articles the chosen coder annotated (`articles_by_coder`)
    has_annotations: bool = False
    _words: list[str] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._words = match_key(self.text).split()
        self.date_from = jalali_day(self.date_from) if self.date_from else None
        self.date_to = jalali_day(self.date_to) if self.date_to else None
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"the range starts ({self.date_from}) after it ends ({self.date_to})")

    def keeps(self, rec: dict[str, Any], key: str | None = None) -> bool:
        """Tell whether a `list` record passes; `key` is its precomputed `record_key`."""
        if self._words:
            key = record_key(rec) if key is None else key
            if not all(w in key for w in self._words):
                return False
        if self.source and match_key(rec.get("source") or "") != match_key(self.source):
            return False
        if self.date_from or self.date_to:
            day = (rec.get("published_jalali") or "")[:10]
            if not day or (self.date_from and day < self.date_from) or (self.date_to and day > self.date_to):
                return False
        if self.tagged is not None and rec["id"] not in self.tagged:
            return False
        if self.coded is not None and rec["id"] not in self.coded:
            return False
        return not (self.has_annotations and not rec.get("annotations"))


def articles_by_tag(corpus: Path) -> dict[str, set[str]]:
    """Tag → ids of the articles with a highlight carrying it (damaged sidecars are skipped)."""
    out: dict[str, set[str]] = {}
    for path in corpus.glob(f"*{SUFFIX}"):
        article = path.with_name(path.name[: -len(SUFFIX)] + ".txt")
        try:
            content = read_sidecar(article)
        except (CorruptSidecar, OSError):
            continue
        for ann in content.annotations:
            for tag in ann.tags:
                out.setdefault(tag, set()).add(article.stem)
    return out


def articles_by_coder(corpus: Path) -> dict[str, set[str]]:
    """Coder (W3C creator name) → ids of the articles with an annotation by them."""
    from .coders import coders_of

    out: dict[str, set[str]] = {}
    for path in corpus.glob(f"*{SUFFIX}"):
        article = path.with_name(path.name[: -len(SUFFIX)] + ".txt")
        try:
            content = read_sidecar(article)
        except (CorruptSidecar, OSError):
            continue
        for ann in content.annotations:
            for name in coders_of(ann):
                out.setdefault(name, set()).add(article.stem)
    return out
