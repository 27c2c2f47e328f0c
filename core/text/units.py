"""Units of an index of hit counts (core/search/counts.py): the words of a text as written.

Kept apart from `matching` (whose phrase rules they follow, see `word_units`) so that indexing a
folder's words (on the runner, and in worker processes) does not load the matching module.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from .normalize import ZWNJ, match_gap_chars, match_ignored_chars, skeleton


@lru_cache(maxsize=1)
def _unit_regex() -> re.Pattern[str]:
    return re.compile(f"(?:[^\\W_]|[{''.join(re.escape(c) for c in match_ignored_chars())}]|{ZWNJ})+")


def word_units(text: str) -> list[str]:
    """The words of `text` as written, split at spaces, line breaks and punctuation (ZWNJ kept inside).

    A phrase without punctuation matches only letters, digits, ignored marks, ZWNJ and spaces
    (`_phrase_regex`), and a hit starts after none of them but a space or ZWNJ, so a hit that
    crosses no space lies inside one unit, and `find_phrase` on the unit alone finds it.
    """
    return _unit_regex().findall(text)


def unit_starts(unit: str) -> list[str]:
    """Skeletons of a unit from each place a hit may start in it: its start and after each ZWNJ."""
    starts = [0] + [i + 1 for i, c in enumerate(unit) if c == ZWNJ]
    return [k for k in dict.fromkeys(skeleton(unit[s:]) for s in starts) if k]


@lru_cache(maxsize=1)
def _token_regex() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Units and breaks (runs of what is neither a unit character nor a space); transparent units."""
    ignored = "".join(re.escape(c) for c in match_ignored_chars())
    spaces = "".join(re.escape(c) for c in match_gap_chars() if c != ZWNJ)
    tokens = re.compile(f"(?:[^\\W_]|[{ignored}]|{ZWNJ})+|(?:[^\\w{ignored}{ZWNJ}{spaces}]|_)+")
    transparent = re.compile(f"(?<![^\\W_{ignored}{ZWNJ}])[{ignored}{ZWNJ}]+(?![^\\W_{ignored}{ZWNJ}])")
    return tokens, transparent, frozenset(match_ignored_chars() + ZWNJ)


def units_and_pairs(text: str) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """The units of `text` (`word_units`) with their counts, and the pairs of neighbouring units
    that only spaces separate (no line break, no punctuation) with their counts.

    A unit of marks alone (ZWNJ, tatweel, diacritics) between spaces is skipped: a hit's word
    gap passes over it (`matching._phrase_regex`), so its neighbours count as a pair. A hit
    that crosses one space lies inside such a pair, with its two units joined by a space
    (core/search/counts.py counts it there).
    """
    regex, transparent, marks = _token_regex()
    tokens = regex.findall(text)
    units = Counter(tokens)
    breaks = {t for t in units if t[0] not in marks and not t[0].isalnum()}
    for t in breaks:
        del units[t]
    if transparent.search(text) is not None:
        tokens = [t for t in tokens if not (t[0] in marks and all(c in marks for c in t))]
    pairs = Counter(pairwise(tokens))
    for pair in [p for p in pairs if p[0] in breaks or p[1] in breaks]:
        del pairs[pair]
    return dict(units), dict(pairs)
