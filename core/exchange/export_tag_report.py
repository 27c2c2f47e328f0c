"""Tag report: how many highlights per tag, per source and per Jalali month (CSV and the window's table)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..annotations.model import Anchored
from ..corpus.article import Article

DIMENSIONS = ("tag", "source", "month")
REPORT_COLUMNS = ("dimension", "value", "highlights", "articles")


@dataclass(frozen=True)
class ReportRow:
    """One count: `dimension` is tag, source or month; `value` is empty for untagged / unknown."""

    dimension: str
    value: str
    highlights: int
    articles: int


def month_of(art: Article) -> str:
    """The Jalali month `1399-11` of the article's date, or '' when unknown."""
    return (art.published_jalali or "")[:7]


def tag_report(rows: list[tuple[Article, Anchored]]) -> list[ReportRow]:
    """Counts per tag (a highlight with two tags counts for both), per source, per month.

    Within each dimension rows are sorted by count (highest first), then value; orphans count too.
    """
    highlights: dict[str, Counter[str]] = {d: Counter() for d in DIMENSIONS}
    articles: dict[str, dict[str, set[str]]] = {d: {} for d in DIMENSIONS}
    for art, a in rows:
        keys = {
            "tag": list(dict.fromkeys(a.annotation.tags)) or [""],
            "source": [art.parsed.source or ""],
            "month": [month_of(art)],
        }
        for dim, values in keys.items():
            for v in values:
                highlights[dim][v] += 1
                articles[dim].setdefault(v, set()).add(art.id)
    out: list[ReportRow] = []
    for dim in DIMENSIONS:
        ordered = sorted(highlights[dim].items(), key=lambda kv: (-kv[1], kv[0]))
        out += [ReportRow(dim, v, n, len(articles[dim][v])) for v, n in ordered]
    return out


def export_tag_report(corpus: Path, rows: list[tuple[Article, Anchored]]) -> str:
    """The tag report as CSV (same encoding and escaping as the annotation CSV)."""
    from .exporting import csv_text

    return csv_text(REPORT_COLUMNS, [[r.dimension, r.value, r.highlights, r.articles] for r in tag_report(rows)])
