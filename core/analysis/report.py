"""Counts of codes by Jalali month, by source, and code co-occurrence (docs/analysis.md).

Reads the sidecars and the cached article list (`search.listing_cache.cached_listing`: source and date
without parsing unchanged files). Output as CSV (UTF-8 with a byte-order mark so
spreadsheets read Persian) or as a simple SVG chart written here, without Qt: a bar chart
per code for month/source, a shaded matrix for co-occurrence; labels right-to-left.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..text.jalali import jalali_month
from ..text.normalize import DigitStyle, fold_digits
from .coded import iter_records

if TYPE_CHECKING:
    from ..corpus.records import ArticleRecord

KINDS = ("month", "source", "cooccurrence")
NO_DATE = "بدون تاریخ"
NO_SOURCE = "بدون منبع"


@dataclass
class Report:
    """A table: `rows` labels (months, sources or codes) × `columns` codes, `cells[row][column]`."""

    by: str
    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    cells: dict[str, Counter[str]] = field(default_factory=dict)
    annotations: int = 0

    def value(self, row: str, column: str) -> int:
        return self.cells.get(row, Counter())[column]


def _month_label(jalali: str | None) -> tuple[str, str]:
    """(sort key, label) of a `YYYY-MM-DD` Jalali date's month."""
    if not jalali or len(jalali) < 7:
        return "9999-99", NO_DATE
    try:
        return jalali[:7], jalali_month(int(jalali[:4]), int(jalali[5:7]))
    except (ValueError, IndexError):
        return "9999-99", NO_DATE


def build_report(corpus: Path, by: str, tags: list[str] | None = None,
                 metadata: dict[str, ArticleRecord] | None = None,
                 articles: Container[str] | None = None) -> Report:
    """Count highlights per code (a highlight with two codes counts for each).

    `metadata` (id → list record) may be given; otherwise it is read from the cached list.
    `articles` (ids), when given, keeps the others out (the window's list filters).
    """
    if by not in KINDS:
        raise ValueError(f"unknown report {by!r} (one of {', '.join(KINDS)})")
    report = Report(by)
    wanted = set(tags or [])
    if by != "cooccurrence" and metadata is None:
        from ..search.listing_cache import cached_listing

        metadata = {r.id: r for r in cached_listing(Path(corpus)).articles}
    keys: dict[str, str] = {}
    codes: set[str] = set()
    for art, tag_lists in iter_tags(corpus):
        if articles is not None and art not in articles:
            continue
        rec = (metadata or {}).get(art)
        if by == "month":
            key, row = _month_label((rec.published_jalali if rec else None) or "")
        elif by == "source":
            row = (rec.source if rec else None) or NO_SOURCE
            key = row
        for ann_tags in tag_lists:
            mine = [t for t in dict.fromkeys(ann_tags) if not wanted or t in wanted]
            if not mine:
                continue
            report.annotations += 1
            codes.update(mine)
            if by == "cooccurrence":
                for a in mine:
                    cell = report.cells.setdefault(a, Counter())
                    for b in mine:
                        cell[b] += 1
            else:
                keys[row] = key
                report.cells.setdefault(row, Counter()).update(mine)
    report.columns = sorted(codes) if not tags else [t for t in tags if t in codes]
    report.rows = report.columns[:] if by == "cooccurrence" else sorted(keys, key=lambda r: (keys[r], r))
    return report


def iter_tags(corpus: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """(article id, the tags of each annotation) of every readable sidecar that is an article's
    coding (`coded.iter_records`: the same sidecars, reader and cache as agreement)."""
    for art, records in iter_records(Path(corpus)):
        yield art, [tags for _s, _e, tags, _n in records]


def to_csv(report: Report) -> str:
    """One row per month/source/code, one column per code."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([{"month": "month", "source": "source", "cooccurrence": "code"}[report.by], *report.columns])
    for row in report.rows:
        w.writerow([_safe(row), *(report.value(row, c) for c in report.columns)])
    return "\ufeff" + out.getvalue()


def _safe(cell: str) -> str:
    """A label a spreadsheet will not run as a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell


PALETTE = ["#4c6ef5", "#f76707", "#37b24d", "#e64980", "#7048e8", "#1098ad", "#f59f00", "#868e96"]


def to_svg(report: Report, digits: DigitStyle = "latin") -> str:
    """A standalone SVG: grouped horizontal bars (month/source) or a shaded matrix (co-occurrence).

    Text is `direction="rtl"` and anchored at the right, so Persian labels read as they should.
    The counts are written in `digits` (the window's Persian interface asks for `fa`).
    """
    def num(n: int) -> str:
        return fold_digits(str(n), digits)

    if report.by == "cooccurrence":
        return _matrix_svg(report, num)
    bar_h, gap, label_w, chart_w = 14, 10, 180, 420
    groups = max(1, len(report.rows))
    codes = report.columns
    top = 30 + 18 * ((len(codes) + 3) // 4)
    height = top + groups * (bar_h * max(1, len(codes)) + gap) + 20
    width = label_w + chart_w + 60
    biggest = max((report.value(r, c) for r in report.rows for c in codes), default=0) or 1
    parts = [_svg_head(width, height, f"Highlights per code by {report.by}")]
    for i, code in enumerate(codes):  # legend, right to left
        x = width - 10 - (i % 4) * 150
        y = 20 + 18 * (i // 4)
        parts.append(f'<rect x="{x - 12}" y="{y - 10}" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
                     f'<text x="{x - 16}" y="{y}" text-anchor="end" direction="rtl">{escape(code)}</text>')
    y = top
    for row in report.rows:
        parts.append(f'<text x="{width - 10}" y="{y + bar_h}" text-anchor="end" direction="rtl">'
                     f'{escape(row)}</text>')
        for i, code in enumerate(codes):
            n = report.value(row, code)
            bar = chart_w * n / biggest
            left = width - label_w - 20 - bar  # bars grow leftwards, from the label on the right
            parts.append(f'<rect x="{left:.1f}" y="{y}" width="{bar:.1f}" height="{bar_h - 2}" '
                         f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(row)} · {escape(code)}: {num(n)}</title>'
                         f'</rect><text x="{left - 4:.1f}" y="{y + bar_h - 3}" text-anchor="end">{num(n)}</text>')
            y += bar_h
        y += gap
    parts.append("</svg>\n")
    return "".join(parts)


def _svg_head(width: int, height: int, title: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" font-family="Vazirmatn, Tahoma, sans-serif" '
            f'font-size="12"><title>{escape(title)}</title><rect width="100%" height="100%" fill="#ffffff"/>')


def _matrix_svg(report: Report, num: Callable[[int], str]) -> str:
    cell, label_w = 40, 160
    n = len(report.columns)
    width, height = label_w + n * cell + 20, label_w + n * cell + 20
    biggest = max((report.value(a, b) for a in report.rows for b in report.columns), default=0) or 1
    parts = [_svg_head(width, height, "Code co-occurrence (highlights carrying both codes)")]
    right = width - label_w  # matrix to the left of the row labels (right-to-left reading)
    for i, a in enumerate(report.rows):
        y = label_w + i * cell
        parts.append(f'<text x="{width - 10}" y="{y + cell / 2 + 4}" text-anchor="end" direction="rtl">'
                     f'{escape(a)}</text>')
        for j, b in enumerate(report.columns):
            x = right - (j + 1) * cell
            v = report.value(a, b)
            shade = int(255 - 200 * v / biggest)
            parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                         f'fill="rgb({shade},{shade},255)"><title>{escape(a)} · {escape(b)}: {num(v)}</title></rect>'
                         f'<text x="{x + cell / 2 - 1}" y="{y + cell / 2 + 4}" text-anchor="middle">{num(v)}</text>')
    for j, b in enumerate(report.columns):
        mid = right - (j + 1) * cell + cell / 2
        parts.append(f'<text x="{mid}" y="{label_w - 6}" text-anchor="start" direction="rtl" '
                     f'transform="rotate(-60 {mid} {label_w - 6})">{escape(b)}</text>')
    parts.append("</svg>\n")
    return "".join(parts)
