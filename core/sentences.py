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


# Where a word ends when a selection snaps to whole words (the ZWNJ stays inside a word).
WORD_BREAKS = frozenset(" \t\n\r\u00a0\u2002\u2003\u2009.,;:!?()[]{}«»\"'\u060c\u061b\u061f\u066b\u066c\u2026—–-/")


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen `text[start:end]` to the whole words it touches, without spaces or punctuation at its ends.

    A span of spaces or punctuation alone is returned as it is."""
    s, e = start, end
    while e > s and text[e - 1] in WORD_BREAKS:
        e -= 1
    while s < e and text[s] in WORD_BREAKS:
        s += 1
    if e <= s:
        return start, end
    while s > 0 and text[s - 1] not in WORD_BREAKS:
        s -= 1
    while e < len(text) and text[e] not in WORD_BREAKS:
        e += 1
    return s, e
