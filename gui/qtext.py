"""Python code points ↔ Qt UTF-16 positions, converted only at the widget boundary."""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Index:
    """Convert between code-point indices of `text` and UTF-16 positions (astral chars are 2 units)."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]  # C speed: a 5 MB article has few or none
        self._astral_qt = [i + k + 1 for k, i in enumerate(self._astral)]  # qt pos of 2nd unit
        self.length = len(text) + len(self._astral)

    def to_qt(self, i: int) -> int:
        """Code-point index → UTF-16 position."""
        return i + bisect_right(self._astral, i - 1) if self._astral else i

    def to_py(self, q: int) -> int:
        """UTF-16 position → code-point index (a position inside a surrogate pair rounds down)."""
        if not self._astral:
            return q
        before = bisect_right(self._astral_qt, q)
        return q - before
