"""Keyword in context (concordance) of a corpus search (docs/analysis.md).

One record per hit: `left`, `hit` and `right` are slices of the file text as stored
(`hit == text[start:end]`, code points), the contexts cut to `width` characters, with line
breaks shown as spaces so each record is one line. Articles newest first, hits in text order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from .search import CorpusIndex, iter_article_hits

WIDTH = 40


@dataclass(frozen=True)
class KwicLine:
    article: str
    start: int
    end: int
    left: str
    hit: str
    right: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def kwic_lines(corpus: Path, query: str, width: int = WIDTH) -> Iterator[KwicLine]:
    """Every hit of `query` with `width` characters of context on each side (refreshes the index)."""
    if width < 0:
        raise ValueError("the width must be 0 or more")
    with CorpusIndex(Path(corpus)) as index:
        index.update(metadata=False)
        yield from kwic_in(index, query, width)


def kwic_in(index: CorpusIndex, query: str, width: int = WIDTH) -> Iterator[KwicLine]:
    """`kwic_lines` on an index its caller keeps up to date (the window's search pane)."""
    for found in iter_article_hits(index, query, lazy=False):
        text = found.text
        for start, end in found.spans:
            yield KwicLine(found.id, start, end, _one_line(text[max(0, start - width):start]),
                           text[start:end], _one_line(text[end:end + width]))


def sort_key(line: KwicLine, side: str) -> tuple[str, str]:
    """Sort by the words nearest the hit: `left` reads the left context backwards."""
    if side == "left":
        return " ".join(reversed(line.left.split())), line.hit
    if side == "right":
        return line.right.lstrip(), line.hit
    raise ValueError("sort by left or right")
