"""Persian-aware sentence spans for the reader's sentence focus (no hazm needed)."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ؟ … (or a run of them, with closing quotes/brackets) followed
# by white space, or at a paragraph break. Decimal points and abbreviations like «ج.ا.»
# have no space after the dot, so they do not end a sentence.
_END = re.compile(r"[.!?؟…]+[»\"')\]]*(?=\s)|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences of `text`, without surrounding spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
