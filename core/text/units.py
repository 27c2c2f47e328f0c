"""Units of an index of hit counts (core/search/counts.py): the words of a text as written.

Kept apart from `matching` (whose phrase rules they follow, see `word_units`) so that indexing a
folder's words (on the runner, and in worker processes) does not load the matching module.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalize import ZWNJ, match_ignored_chars, skeleton


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
