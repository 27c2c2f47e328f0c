"""The original-text view: the source as stored, lines joined by one break, identity map."""

from __future__ import annotations

from .display import Display, Paragraph
from .offsets import MapBuilder
from ..corpus.parse import split_lines


def build_original(source: str) -> Display:
    """Show the source text itself; CRLF and CR become one paragraph break (as Qt does)."""
    b = MapBuilder(len(source))
    paragraphs: list[Paragraph] = []
    for i, ln in enumerate(split_lines(source)):
        if i:
            at = b.last_end(ln.start)
            b.emit("\n", at, ln.start)
        p_start = b.length
        b.emit_copy(source[ln.start:ln.end], ln.start)
        paragraphs.append(Paragraph("source", p_start, b.length))
    return Display(b.text(), b.map, paragraphs, normalized=False)
