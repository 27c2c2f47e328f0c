"""The offset map between display text and source text (DESIGN §2).

Each display character remembers the source span it came from; an inserted character
(a paragraph break, a ZWNJ hazm added) has an empty span at its place. Both arrays are
non-decreasing, so the map is monotone and spans map with two binary searches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass
class OffsetMap:
    """Display ↔ source positions (code points) for one article."""

    src_start: list[int] = field(default_factory=list)
    src_end: list[int] = field(default_factory=list)
    source_len: int = 0

    def __len__(self) -> int:
        return len(self.src_start)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a display span [start, end) to the source span it came from."""
        n = len(self.src_start)
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end <= start:
            pos = self.src_start[start] if start < n else self.source_len if n == 0 else self.src_end[-1]
            return pos, pos
        return self.src_start[start], max(self.src_start[start], self.src_end[end - 1])

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """Map a source span to the display span showing it (empty if all of it is hidden)."""
        d_start = bisect_right(self.src_end, start)
        d_end = bisect_left(self.src_start, end) if end > start else d_start
        return d_start, max(d_start, d_end)

    def to_json(self) -> dict[str, object]:
        """Plain JSON form, for caches."""
        return {"start": self.src_start, "end": self.src_end, "source_len": self.source_len}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "OffsetMap":
        """Read `to_json`'s form back (KeyError/TypeError on anything else)."""
        return cls([int(x) for x in data["start"]], [int(x) for x in data["end"]], int(data["source_len"]))


class MapBuilder:
    """Accumulate display text with the source span of each character."""

    def __init__(self, source_len: int) -> None:
        self.chars: list[str] = []
        self.map = OffsetMap(source_len=source_len)

    def emit(self, text: str, src_start: int, src_end: int) -> None:
        """Append `text`, every character of it coming from source [src_start, src_end)."""
        for ch in text:
            self.chars.append(ch)
            self.map.src_start.append(src_start)
            self.map.src_end.append(src_end)

    def emit_mapped(self, text: str, starts: list[int], ends: list[int]) -> None:
        """Append `text` whose characters carry their own source spans."""
        self.chars.extend(text)
        self.map.src_start.extend(starts)
        self.map.src_end.extend(ends)

    def last_end(self, default: int) -> int:
        return self.map.src_end[-1] if self.map.src_end else default

    def text(self) -> str:
        return "".join(self.chars)
