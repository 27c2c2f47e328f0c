"""Persian-aware matching (DESIGN §5): one implementation for find, filter and search.

A query matches where its letters occur in the text once both are reduced to their
matching key without word gaps (so «محرومیت‌زدایی», «محرومیت زدایی» and
«محرومیتزدایی» are one word; ي/ی, ك/ک, digits, diacritics and tatweel do not matter),
starting at the beginning of a word and ending at a word end or before a Persian
suffix (plural, ezafe, possessive, comparative: «خانواده‌های», «مشارکتهای»). The hit
covers the whole word, affixes included.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalize import ZWNJ, match_key_indexed, skeleton

SUFFIXES = frozenset({
    "", "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست",
    "ان", "ات", "ی", "ای", "یی", "ام", "اش", "مان", "تان", "شان", "ست", "است",
    "تر", "ترین", "تری", "ترها", "گان", "یان", "ه", "هی",
})
_QUOTED = re.compile(r"[\"«“]([^\"»”]+)[\"»”]")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == ZWNJ or ch in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"


@lru_cache(maxsize=8)
def _indexed(text: str) -> tuple[str, tuple[int, ...]]:
    key, where = match_key_indexed(text)
    pairs = [(c, w) for c, w in zip(key, where, strict=True) if c != " "]
    return "".join(c for c, _ in pairs), tuple(w for _, w in pairs)


def query_alternatives(query: str) -> list[list[str]]:
    """Ways a query can match: all its terms, or, for several plain words, the words as one phrase.

    «محرومیت زدایی» unquoted finds «محرومیتزدایی» (the phrase) and articles holding both words.
    """
    terms = query_terms(query)
    if len(terms) > 1 and not _QUOTED.search(query):
        return [[query.strip()], terms]
    return [terms] if terms else []


def query_terms(query: str) -> list[str]:
    """Split a query into terms: quoted phrases stay whole, other words are terms."""
    phrases = [m.group(1).strip() for m in _QUOTED.finditer(query)]
    rest = _QUOTED.sub(" ", query)
    return [p for p in phrases if p] + rest.split()


def find_in_text(query: str, text: str) -> list[tuple[int, int]]:
    """Spans of `text` (its own code points) matching the whole query as one phrase."""
    needle = skeleton(query.replace('"', " ").replace("«", " ").replace("»", " "))
    if not needle:
        return []
    sk, where = _indexed(text)
    hits: list[tuple[int, int]] = []
    at = sk.find(needle)
    while at >= 0:
        span = _word_span(text, where[at], where[at + len(needle) - 1] + 1)
        if span is not None and (not hits or span[0] >= hits[-1][1]):
            hits.append(span)
        at = sk.find(needle, at + 1)
    return hits


def _word_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen a match to whole words; None if it starts mid-word or ends before a non-suffix."""
    if start > 0 and _is_word_char(text[start - 1]) and text[start - 1] != ZWNJ:
        return None
    stop = end
    while stop < len(text) and _is_word_char(text[stop]):
        stop += 1
    if skeleton(text[end:stop]) in SUFFIXES:
        return start, stop
    if text[end:end + 1] == ZWNJ:
        return start, end  # the first part of a ZWNJ compound («زعفران» in «زعفران‌کاری»)
    return None
